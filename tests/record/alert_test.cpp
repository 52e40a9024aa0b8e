#include <array>
#include <cstdint>

#include <catch2/catch.hpp>

#include "support/hex.hpp"
#include "support/vector_file.hpp"
#include "tlswire/record/alert.hpp"
#include "tlswire/wire/codec.hpp"

using namespace tlswire;
using tlswire::test::hex;

namespace {

constexpr auto kCloseNotify = hex("0100");             // warning, close_notify
constexpr auto kFatalHandshakeFailure = hex("0228");   // fatal, handshake_failure
constexpr auto kUnknownCodes = hex("07fe");            // level 7, description 254: kept

constexpr bool round_trips(bytes_view in) {
  auto a = decode_alert_record(in);
  std::array<std::uint8_t, 2> out{};
  auto n = encode(*a, mutable_bytes(out));
  return a.ok() && n.ok() && *n == 2 && equal_bytes(as_view(out), in);
}

}  // namespace

TEST_CASE("accepts and re-encodes alerts at compile time, unknown codes included", "[record][alert]") {
  STATIC_REQUIRE(decode_alert_record(as_view(kCloseNotify))->level == alert_level::warning);
  STATIC_REQUIRE(decode_alert_record(as_view(kCloseNotify))->description == alert_description::close_notify);
  STATIC_REQUIRE(decode_alert_record(as_view(kFatalHandshakeFailure))->description ==
                 alert_description::handshake_failure);
  STATIC_REQUIRE(round_trips(as_view(kCloseNotify)));
  STATIC_REQUIRE(round_trips(as_view(kUnknownCodes)));
  STATIC_REQUIRE(to_underlying(decode_alert_record(as_view(kUnknownCodes))->description) == 254);
}

TEST_CASE("accepts the close_notify alerts of RFC 8448", "[record][alert]") {
  const auto file = test::load_vectors("rfc8448/simple-1rtt.txt");
  for (const char* name : {"client_alert_record_1.plaintext", "server_alert_record_1.plaintext"}) {
    auto a = decode_alert_record(file.view(name));
    REQUIRE(a.ok());
    CHECK(*a == alert_message{alert_level::warning, alert_description::close_notify});
  }
}

TEST_CASE("refuses an alert record that is not exactly one alert with decode_error", "[record][alert]") {
  // RFC 8446 §5.1: not fragmented, not coalesced.
  constexpr auto two = hex("01000228");
  STATIC_REQUIRE(decode_alert_record(as_view(two), 10).error() ==
                 error{errc::trailing_bytes, alert_description::decode_error, 12});
  for (std::size_t n = 0; n < 2; ++n) {
    CAPTURE(n);
    CHECK(decode_alert_record(as_view(kCloseNotify).first(n), 10).error() ==
          error{errc::truncated, alert_description::decode_error, static_cast<std::uint32_t>(10 + n)});
  }
}

TEST_CASE("ends the connection on every TLS 1.3 alert but close_notify and user_canceled", "[record][alert]") {
  STATIC_REQUIRE_FALSE(ends_connection({alert_level::warning, alert_description::close_notify}, protocol_version::tls13));
  STATIC_REQUIRE_FALSE(ends_connection({alert_level::fatal, alert_description::user_canceled}, protocol_version::tls13));
  // 1.3 ignores the level: a "warning" bad_certificate is still fatal.
  STATIC_REQUIRE(ends_connection({alert_level::warning, alert_description::bad_certificate}, protocol_version::tls13));
  // 1.2 goes by the level.
  STATIC_REQUIRE_FALSE(ends_connection({alert_level::warning, alert_description::no_renegotiation}, protocol_version::tls12));
  STATIC_REQUIRE(ends_connection({alert_level::fatal, alert_description::decode_error}, protocol_version::tls12));
}
