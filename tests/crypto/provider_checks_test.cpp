// crypto/provider_checks.hpp: the argument checks every back-end provider
// makes, with the error and alert each refusal carries; all at compile time.
#include <catch2/catch.hpp>

#include <array>
#include <cstdint>

#include "tlswire/crypto/provider_checks.hpp"

namespace {

using namespace tlswire;
namespace checks = tlswire::provider_checks;

// A provider that offers X25519 and P-256 but not P-384.
struct two_group_provider {
  static constexpr bool supports(named_group g) noexcept {
    return g == named_group::x25519 || g == named_group::secp256r1;
  }
};

constexpr std::array<std::uint8_t, 65> p256_point = [] {
  std::array<std::uint8_t, 65> point{};
  point[0] = 0x04;  // uncompressed
  return point;
}();

constexpr bool refused_with(status st, errc code, alert_description alert) {
  return !st.ok() && st.error().code == code && st.error().alert == alert;
}

TEST_CASE("key exchange groups are exactly all_key_exchange_groups", "[crypto][checks]") {
  STATIC_REQUIRE(checks::is_key_exchange_group(named_group::x25519));
  STATIC_REQUIRE(checks::is_key_exchange_group(named_group::secp256r1));
  STATIC_REQUIRE(checks::is_key_exchange_group(named_group::secp384r1));
  STATIC_REQUIRE_FALSE(checks::is_key_exchange_group(named_group::x448));
  STATIC_REQUIRE_FALSE(checks::is_key_exchange_group(named_group::ffdhe2048));
  STATIC_REQUIRE_FALSE(checks::is_key_exchange_group(static_cast<named_group>(0x0a0a)));  // GREASE
}

TEST_CASE("seal needs room for exactly the plaintext and one tag", "[crypto][checks]") {
  static constexpr std::array<std::uint8_t, 40> buffer{};
  STATIC_REQUIRE(checks::seal_arguments(aead_id::aes_128_gcm, bytes_view(buffer).first(20),
                                        bytes_view(buffer).first(36))
                     .ok());
  STATIC_REQUIRE(checks::seal_arguments(aead_id::aes_128_ccm_8, bytes_view(buffer).first(20),
                                        bytes_view(buffer).first(28))
                     .ok());
  STATIC_REQUIRE(refused_with(checks::seal_arguments(aead_id::aes_128_gcm,
                                                     bytes_view(buffer).first(20),
                                                     bytes_view(buffer).first(35)),
                              errc::buffer_too_small, make_error(errc::buffer_too_small, 0).alert));
  STATIC_REQUIRE(refused_with(checks::seal_arguments(aead_id::aes_128_gcm,
                                                     bytes_view(buffer).first(20),
                                                     bytes_view(buffer).first(37)),
                              errc::buffer_too_small, make_error(errc::buffer_too_small, 0).alert));
}

TEST_CASE("open refuses a record shorter than a tag as bad_record_mac", "[crypto][checks]") {
  static constexpr std::array<std::uint8_t, 40> buffer{};
  STATIC_REQUIRE(checks::open_arguments(aead_id::chacha20_poly1305, bytes_view(buffer).first(36),
                                        bytes_view(buffer).first(20))
                     .ok());
  // Only a tag: an empty message.
  STATIC_REQUIRE(
      checks::open_arguments(aead_id::aes_128_gcm, bytes_view(buffer).first(16), bytes_view{})
          .ok());
  STATIC_REQUIRE(refused_with(
      checks::open_arguments(aead_id::aes_128_gcm, bytes_view(buffer).first(15), bytes_view{}),
      errc::bad_record_mac, make_error(errc::bad_record_mac, 0).alert));
  STATIC_REQUIRE(refused_with(checks::open_arguments(aead_id::aes_128_gcm,
                                                     bytes_view(buffer).first(36),
                                                     bytes_view(buffer).first(21)),
                              errc::buffer_too_small, make_error(errc::buffer_too_small, 0).alert));
}

TEST_CASE("a key share needs a supported group and room for exactly its public value",
          "[crypto][checks]") {
  using P = two_group_provider;
  STATIC_REQUIRE(checks::key_share_arguments<P>(named_group::secp256r1, p256_point).ok());
  STATIC_REQUIRE(refused_with(checks::key_share_arguments<P>(named_group::secp384r1, p256_point),
                              errc::unsupported, make_error(errc::unsupported, 0).alert));
  STATIC_REQUIRE(refused_with(checks::key_share_arguments<P>(named_group::x25519, p256_point),
                              errc::buffer_too_small, make_error(errc::buffer_too_small, 0).alert));
  STATIC_REQUIRE(checks::key_share_arguments<P>(named_group::x25519,
                                                bytes_view(p256_point).first(32))
                     .ok());
}

TEST_CASE("an imported private value must be as long as the group's scalar", "[crypto][checks]") {
  using P = two_group_provider;
  static constexpr std::array<std::uint8_t, 32> scalar{1};
  STATIC_REQUIRE(checks::imported_key_arguments<P>(named_group::x25519, scalar).ok());
  STATIC_REQUIRE(checks::imported_key_arguments<P>(named_group::secp256r1, scalar).ok());
  STATIC_REQUIRE(refused_with(checks::imported_key_arguments<P>(named_group::secp384r1, scalar),
                              errc::unsupported, make_error(errc::unsupported, 0).alert));
  STATIC_REQUIRE(refused_with(checks::imported_key_arguments<P>(named_group::secp256r1,
                                                                bytes_view(scalar).first(31)),
                              errc::bad_value, make_error(errc::bad_value, 0).alert));
}

TEST_CASE("a peer value of the wrong size or a compressed point is illegal_parameter",
          "[crypto][checks]") {
  static constexpr std::array<std::uint8_t, 32> shared{};
  constexpr auto g = named_group::secp256r1;
  STATIC_REQUIRE(checks::peer_value_arguments(g, p256_point, shared).ok());
  // Too small a secret buffer is the caller's mistake, not the peer's.
  STATIC_REQUIRE(refused_with(
      checks::peer_value_arguments(g, p256_point, bytes_view(shared).first(31)),
      errc::buffer_too_small, make_error(errc::buffer_too_small, 0).alert));
  STATIC_REQUIRE(refused_with(
      checks::peer_value_arguments(g, bytes_view(p256_point).first(64), shared), errc::bad_value,
      alert_description::illegal_parameter));
  static constexpr auto compressed = [] {
    auto point = p256_point;
    point[0] = 0x02;
    return point;
  }();
  STATIC_REQUIRE(refused_with(checks::peer_value_arguments(g, compressed, shared),
                              errc::bad_value, alert_description::illegal_parameter));
  // X25519 values have no form byte: any first byte is accepted.
  STATIC_REQUIRE(checks::peer_value_arguments(named_group::x25519,
                                              bytes_view(compressed).first(32), shared)
                     .ok());
}

TEST_CASE("an all-zero shared secret is illegal_parameter", "[crypto][checks]") {
  static constexpr std::array<std::uint8_t, 32> zeros{};
  static constexpr std::array<std::uint8_t, 32> last_bit = [] {
    std::array<std::uint8_t, 32> s{};
    s[31] = 0x01;
    return s;
  }();
  STATIC_REQUIRE(refused_with(checks::nonzero_shared_secret(zeros), errc::bad_value,
                              alert_description::illegal_parameter));
  STATIC_REQUIRE(checks::nonzero_shared_secret(last_bit).ok());
}

}  // namespace
