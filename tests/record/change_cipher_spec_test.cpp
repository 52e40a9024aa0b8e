#include <array>
#include <cstdint>

#include <catch2/catch.hpp>

#include "support/hex.hpp"
#include "tlswire/record/change_cipher_spec.hpp"
#include "tlswire/wire/codec.hpp"

using namespace tlswire;
using tlswire::test::hex;

namespace {

constexpr auto kCcs = hex("01");

constexpr bool encodes_single_one() {
  std::array<std::uint8_t, 1> out{};
  auto n = encode(change_cipher_spec_message{}, mutable_bytes(out));
  return n.ok() && *n == 1 && out[0] == 0x01;
}

}  // namespace

TEST_CASE("accepts the single byte 1 as ChangeCipherSpec at compile time", "[record][ccs]") {
  STATIC_REQUIRE(decode_change_cipher_spec_record(as_view(kCcs)).ok());
  STATIC_REQUIRE(decode<change_cipher_spec_message>(as_view(kCcs)).ok());
  STATIC_REQUIRE(encodes_single_one());
}

TEST_CASE("refuses every other ChangeCipherSpec value with unexpected_message", "[record][ccs]") {
  // RFC 8446 §5: "any other change_cipher_spec value ... unexpected_message".
  constexpr auto two = hex("02");
  constexpr auto zero = hex("00");
  constexpr auto longer = hex("0101");
  STATIC_REQUIRE(decode_change_cipher_spec_record(as_view(two), 5).error() ==
                 error{errc::unexpected_message, alert_description::unexpected_message, 5});
  STATIC_REQUIRE(decode_change_cipher_spec_record(as_view(zero), 5).error().code == errc::unexpected_message);
  STATIC_REQUIRE(decode_change_cipher_spec_record(bytes_view{}, 5).error() ==
                 error{errc::unexpected_message, alert_description::unexpected_message, 5});
  STATIC_REQUIRE(decode_change_cipher_spec_record(as_view(longer), 5).error() ==
                 error{errc::unexpected_message, alert_description::unexpected_message, 6});
  for (unsigned v = 0; v < 256; ++v) {
    const std::array<std::uint8_t, 1> b{static_cast<std::uint8_t>(v)};
    CHECK(decode_change_cipher_spec_record(as_view(b)).ok() == (v == 1));
    CHECK(decode<change_cipher_spec_message>(as_view(b)).ok() == (v == 1));
  }
}

TEST_CASE("refuses a truncated ChangeCipherSpec inside a structure with decode_error", "[record][ccs]") {
  STATIC_REQUIRE(decode<change_cipher_spec_message>(bytes_view{}).error() ==
                 error{errc::truncated, alert_description::decode_error, 0});
}

TEST_CASE("refuses to encode a ChangeCipherSpec other than 1", "[record][ccs]") {
  std::array<std::uint8_t, 1> out{};
  change_cipher_spec_message bad{static_cast<change_cipher_spec_type>(2)};
  CHECK(encode(bad, mutable_bytes(out)).error().code == errc::unexpected_message);
}
