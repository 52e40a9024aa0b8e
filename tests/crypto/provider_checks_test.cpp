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

TEST_CASE("an all-zero X25519 shared secret is illegal_parameter, a NIST x = 0 is not",
          "[crypto][checks]") {
  static constexpr std::array<std::uint8_t, 32> zeros{};
  static constexpr std::array<std::uint8_t, 48> zeros384{};
  static constexpr std::array<std::uint8_t, 32> last_bit = [] {
    std::array<std::uint8_t, 32> s{};
    s[31] = 0x01;
    return s;
  }();
  STATIC_REQUIRE(refused_with(checks::nonzero_shared_secret(named_group::x25519, zeros),
                              errc::bad_value, alert_description::illegal_parameter));
  STATIC_REQUIRE(checks::nonzero_shared_secret(named_group::x25519, last_bit).ok());
  // RFC 8446 §7.4.2 asks the check of X25519/X448 only; Wycheproof's ECDH
  // files have a valid case whose shared x-coordinate is 0.
  STATIC_REQUIRE(checks::nonzero_shared_secret(named_group::secp256r1, zeros).ok());
  STATIC_REQUIRE(checks::nonzero_shared_secret(named_group::secp384r1, zeros384).ok());
}

TEST_CASE("an ECDSA signature is accepted in DER only", "[crypto][checks]") {
  // SEQUENCE { INTEGER 1, INTEGER 0x80 (needs its leading zero) }
  static constexpr std::array<std::uint8_t, 9> der{0x30, 0x07, 0x02, 0x01, 0x01,
                                                   0x02, 0x02, 0x00, 0x80};
  STATIC_REQUIRE(checks::ecdsa_signature_der(der).ok());
  auto refused = [](auto sig) {
    return refused_with(checks::ecdsa_signature_der(sig), errc::crypto_failure,
                        alert_description::decrypt_error);
  };
  // Wycheproof's BER forms: long-form lengths, padded and negative integers.
  STATIC_REQUIRE(refused(std::array<std::uint8_t, 10>{0x30, 0x81, 0x07, 0x02, 0x01, 0x01, 0x02,
                                                      0x02, 0x00, 0x80}));
  STATIC_REQUIRE(refused(std::array<std::uint8_t, 10>{0x30, 0x08, 0x02, 0x81, 0x01, 0x01, 0x02,
                                                      0x02, 0x00, 0x80}));
  STATIC_REQUIRE(refused(std::array<std::uint8_t, 10>{0x30, 0x08, 0x02, 0x02, 0x00, 0x01, 0x02,
                                                      0x02, 0x00, 0x80}));
  STATIC_REQUIRE(refused(std::array<std::uint8_t, 8>{0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01,
                                                     0x80}));
  // Empty integer, trailing byte, truncation, not a SEQUENCE.
  STATIC_REQUIRE(refused(std::array<std::uint8_t, 7>{0x30, 0x05, 0x02, 0x00, 0x02, 0x01, 0x01}));
  STATIC_REQUIRE(refused(std::array<std::uint8_t, 10>{0x30, 0x07, 0x02, 0x01, 0x01, 0x02, 0x02,
                                                      0x00, 0x80, 0x00}));
  STATIC_REQUIRE(refused(std::array<std::uint8_t, 8>{0x30, 0x07, 0x02, 0x01, 0x01, 0x02, 0x02,
                                                     0x00}));
  STATIC_REQUIRE(refused(std::array<std::uint8_t, 9>{0x31, 0x07, 0x02, 0x01, 0x01, 0x02, 0x02,
                                                     0x00, 0x80}));
  STATIC_REQUIRE(refused(std::array<std::uint8_t, 0>{}));
}

}  // namespace
