// Tests of registry/grease.hpp (RFC 8701).
#include <catch2/catch.hpp>

#include <array>
#include <cstdint>

#include "tlswire/registry/grease.hpp"

namespace {
constexpr std::array<std::uint16_t, 16> rfc8701_values{
    0x0a0a, 0x1a1a, 0x2a2a, 0x3a3a, 0x4a4a, 0x5a5a, 0x6a6a, 0x7a7a,
    0x8a8a, 0x9a9a, 0xaaaa, 0xbaba, 0xcaca, 0xdada, 0xeaea, 0xfafa};

constexpr std::array<std::uint8_t, 8> rfc8701_u8_values{0x0b, 0x2a, 0x49, 0x68,
                                                        0x87, 0xa6, 0xc5, 0xe4};

constexpr bool all_grease() {
  for (std::uint16_t v : rfc8701_values) {
    if (!tlswire::is_grease(v)) return false;
  }
  return true;
}

constexpr bool all_grease_u8() {
  for (std::uint8_t v : rfc8701_u8_values) {
    if (!tlswire::is_grease_u8(v)) return false;
  }
  return true;
}

constexpr bool generator_matches() {
  for (std::size_t i = 0; i < rfc8701_values.size(); ++i) {
    if (tlswire::grease_value(i) != rfc8701_values[i]) return false;
  }
  for (std::size_t i = 0; i < rfc8701_u8_values.size(); ++i) {
    if (tlswire::grease_value_u8(i) != rfc8701_u8_values[i]) return false;
  }
  return true;
}
}  // namespace

TEST_CASE("accepts all sixteen RFC 8701 two-byte GREASE values", "[registry][grease]") {
  STATIC_REQUIRE(all_grease());
  STATIC_REQUIRE(generator_matches());
}

TEST_CASE("refuses values that only nearly look like GREASE", "[registry][grease]") {
  STATIC_REQUIRE_FALSE(tlswire::is_grease(std::uint16_t{0x0a1a}));  // bytes differ
  STATIC_REQUIRE_FALSE(tlswire::is_grease(std::uint16_t{0x1a0a}));
  STATIC_REQUIRE_FALSE(tlswire::is_grease(std::uint16_t{0x0b0b}));  // low nibble not A
  STATIC_REQUIRE_FALSE(tlswire::is_grease(std::uint16_t{0xa0a0}));  // nibbles swapped
  STATIC_REQUIRE_FALSE(tlswire::is_grease(std::uint16_t{0x0a0b}));
  STATIC_REQUIRE_FALSE(tlswire::is_grease(std::uint16_t{0x000a}));
  STATIC_REQUIRE_FALSE(tlswire::is_grease(std::uint16_t{0x0000}));
  STATIC_REQUIRE_FALSE(tlswire::is_grease(std::uint16_t{0xffff}));
}

TEST_CASE("exactly sixteen of the 65536 two-byte values are GREASE", "[registry][grease]") {
  int count = 0;
  for (std::uint32_t v = 0; v <= 0xffff; ++v) {
    if (tlswire::is_grease(static_cast<std::uint16_t>(v))) ++count;
  }
  REQUIRE(count == 16);
}

TEST_CASE("accepts the eight one-byte GREASE values and only those", "[registry][grease]") {
  STATIC_REQUIRE(all_grease_u8());
  int count = 0;
  for (std::uint32_t v = 0; v <= 0xff; ++v) {
    if (tlswire::is_grease_u8(static_cast<std::uint8_t>(v))) ++count;
  }
  REQUIRE(count == 8);
  STATIC_REQUIRE_FALSE(tlswire::is_grease_u8(0x0a));
  STATIC_REQUIRE_FALSE(tlswire::is_grease_u8(0x00));
  STATIC_REQUIRE_FALSE(tlswire::is_grease_u8(0x01));
}

TEST_CASE("recognises GREASE in each registry RFC 8701 reserves it in", "[registry][grease]") {
  using namespace tlswire;
  STATIC_REQUIRE(is_grease(static_cast<cipher_suite>(0x2a2a)));
  STATIC_REQUIRE(is_grease(static_cast<extension_type>(0xdada)));
  STATIC_REQUIRE(is_grease(static_cast<named_group>(0x6a6a)));
  STATIC_REQUIRE(is_grease(static_cast<signature_scheme>(0x0a0a)));
  STATIC_REQUIRE(is_grease(static_cast<protocol_version>(0xfafa)));
  STATIC_REQUIRE(is_grease(static_cast<psk_key_exchange_mode>(0xe4)));
  STATIC_REQUIRE_FALSE(is_grease(cipher_suite::tls_aes_128_gcm_sha256));
  STATIC_REQUIRE_FALSE(is_grease(extension_type::key_share));
  STATIC_REQUIRE_FALSE(is_grease(named_group::x25519));
  STATIC_REQUIRE_FALSE(is_grease(signature_scheme::ed25519));
  STATIC_REQUIRE_FALSE(is_grease(protocol_version::tls13));
  STATIC_REQUIRE_FALSE(is_grease(psk_key_exchange_mode::psk_dhe_ke));
  // No registry names a GREASE value.
  STATIC_REQUIRE(to_string(static_cast<cipher_suite>(0x2a2a)).empty());
}
