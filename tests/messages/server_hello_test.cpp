#include <array>

#include <catch2/catch.hpp>

#include "messages/message_round_trip.hpp"
#include "messages/rfc8448_vectors.hpp"
#include "support/hex.hpp"
#include "tlswire/messages/handshake.hpp"
#include "tlswire/messages/server_hello.hpp"
#include "tlswire/providers/reference/sha256.hpp"

using namespace tlswire;
namespace v = tlswire::test::rfc8448;

namespace {

template <std::size_t N>
constexpr result<server_hello> hello_of(const std::array<std::uint8_t, N>& message) {
  return test::parse_message(message, [](const handshake_message& m) { return parse_message<server_hello>(m); });
}

template <std::size_t N>
constexpr bool round_trips(const std::array<std::uint8_t, N>& message) {
  return test::round_trips_message(message, [](const handshake_message& m) { return parse_message<server_hello>(m); });
}

constexpr bool inspects_rfc8448_server_hello() {
  auto h = hello_of(v::simple_server_hello);
  if (!h) return false;
  auto version = negotiated_version(*h);
  return h->legacy_version == protocol_version::tls12 && h->random[0] == 0xa6 && h->session_id_echo.empty() &&
         h->suite == cipher_suite::tls_aes_128_gcm_sha256 &&
         h->legacy_compression_method == compression_method::null && h->extensions.size() == 2 &&
         !h->is_hello_retry_request() && h->downgrade() == downgrade_sentinel::none && version.ok() &&
         *version == protocol_version::tls13;
}

constexpr bool recognises_rfc8448_hello_retry_request() {
  auto h = hello_of(v::hrr_hello_retry_request);
  return h.ok() && h->is_hello_retry_request() && h->extensions.contains(extension_type::cookie) &&
         *negotiated_version(*h) == protocol_version::tls13;
}

// A 1.2 ServerHello: version, random, empty session id, suite, compression,
// and (optionally) an extensions block.
template <std::size_t N>
constexpr result<server_hello> parse_body(const std::array<std::uint8_t, N>& body) {
  return decode<server_hello>(as_view(body));
}

constexpr auto tls12_random_with(std::uint8_t last) {
  std::array<std::uint8_t, 32> r{};
  constexpr std::array<std::uint8_t, 8> suffix{0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44, 0x00};
  for (std::size_t i = 0; i < 8; ++i) r[24 + i] = suffix[i];
  r[31] = last;
  return r;
}

}  // namespace

TEST_CASE("parses, inspects and re-encodes RFC 8448's ServerHello at compile time", "[messages][server_hello]") {
  STATIC_REQUIRE(inspects_rfc8448_server_hello());
  STATIC_REQUIRE(round_trips(v::simple_server_hello));
  STATIC_REQUIRE(round_trips(v::hrr_hello_retry_request));
  STATIC_REQUIRE(round_trips(v::hrr_server_hello));
  STATIC_REQUIRE(round_trips(v::resumed_server_hello));
  STATIC_REQUIRE(round_trips(v::compat_server_hello));
  STATIC_REQUIRE(round_trips(v::client_auth_server_hello));
}

TEST_CASE("recognises HelloRetryRequest by its special random", "[messages][server_hello]") {
  STATIC_REQUIRE(recognises_rfc8448_hello_retry_request());
  // RFC 8446 §4.1.3: the value is SHA-256("HelloRetryRequest").
  constexpr auto label = test::ascii("HelloRetryRequest");
  STATIC_REQUIRE(equal_bytes(as_view(reference::sha256::hash(as_view(label))), as_view(hello_retry_request_random)));
}

TEST_CASE("reports the TLS 1.3 downgrade sentinels in ServerHello.random", "[messages][server_hello]") {
  STATIC_REQUIRE(find_downgrade_sentinel(as_view(tls12_random_with(0x01))) == downgrade_sentinel::tls12);
  STATIC_REQUIRE(find_downgrade_sentinel(as_view(tls12_random_with(0x00))) == downgrade_sentinel::tls11_or_below);
  STATIC_REQUIRE(find_downgrade_sentinel(as_view(tls12_random_with(0x02))) == downgrade_sentinel::none);
  STATIC_REQUIRE(find_downgrade_sentinel(as_view(v::simple_server_hello).subspan(6, 32)) == downgrade_sentinel::none);
}

TEST_CASE("accepts a 1.2 ServerHello without extensions and keeps it absent", "[messages][server_hello]") {
  static constexpr auto body = test::hex(
      "0303" "0000000000000000000000000000000000000000000000000000000000000000" "00" "c02f" "00");
  static constexpr auto h = parse_body(body);
  STATIC_REQUIRE(h.ok());
  STATIC_REQUIRE(!h->has_extensions);
  STATIC_REQUIRE(*negotiated_version(*h) == protocol_version::tls12);
  std::array<std::uint8_t, body.size() + 2> out{};
  auto n = encode(*h, out);
  REQUIRE(n.ok());
  CHECK(*n == body.size());
  CHECK(equal_bytes(as_view(out).first(*n), as_view(body)));
}
