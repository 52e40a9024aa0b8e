#pragma once
// The algorithms a crypto provider can offer, and the sizes TLS fixes for
// them. Key exchange groups and signature schemes reuse the registry's code
// points (named_group, signature_scheme); hashes, AEADs and RSA key transport
// have no single TLS code point of their own (a cipher suite names several
// at once), so they get the small enums below.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tlswire/registry/named_group.hpp"
#include "tlswire/registry/signature_scheme.hpp"

namespace tlswire {

// The hashes TLS 1.2 PRFs and TLS 1.3 cipher suites use (RFC 8446 §B.4,
// RFC 5246 §5). FIPS 180-4.
enum class hash_id : std::uint8_t { sha256, sha384 };

// FIPS 180-4 §1: digest length in bytes.
constexpr std::size_t digest_size(hash_id h) noexcept { return h == hash_id::sha384 ? 48 : 32; }

constexpr std::string_view to_string(hash_id h) noexcept {
  return h == hash_id::sha384 ? "SHA-384" : "SHA-256";
}

// The AEADs of TLS 1.3 (RFC 8446 §B.4) and of TLS 1.2's AEAD suites
// (RFC 5288 GCM, RFC 7905 ChaCha20-Poly1305, RFC 6655 CCM).
enum class aead_id : std::uint8_t {
  aes_128_gcm,        // RFC 5116 §5.1 AEAD_AES_128_GCM
  aes_256_gcm,        // RFC 5116 §5.2 AEAD_AES_256_GCM
  chacha20_poly1305,  // RFC 8439 §2.8
  aes_128_ccm,        // RFC 5116 §5.3 AEAD_AES_128_CCM
  aes_128_ccm_8,      // RFC 6655 §3 AEAD_AES_128_CCM_8 (8-byte tag)
};

inline constexpr aead_id all_aeads[] = {aead_id::aes_128_gcm, aead_id::aes_256_gcm,
                                        aead_id::chacha20_poly1305, aead_id::aes_128_ccm,
                                        aead_id::aes_128_ccm_8};

// RFC 5116 §5 K_LEN, RFC 8439 §2.8 (256-bit key).
constexpr std::size_t aead_key_size(aead_id a) noexcept {
  return a == aead_id::aes_256_gcm || a == aead_id::chacha20_poly1305 ? 32 : 16;
}

// RFC 8446 §5.3: every TLS AEAD nonce is 12 bytes (iv_length); TLS 1.2 builds
// its 12 bytes from a 4-byte salt and an 8-byte explicit part (RFC 5288 §3).
inline constexpr std::size_t aead_nonce_size = 12;

// RFC 5116 §5: authentication tag length; RFC 6655 §3 for CCM_8.
constexpr std::size_t aead_tag_size(aead_id a) noexcept {
  return a == aead_id::aes_128_ccm_8 ? 8 : 16;
}

constexpr std::string_view to_string(aead_id a) noexcept {
  switch (a) {
    case aead_id::aes_128_gcm: return "AES-128-GCM";
    case aead_id::aes_256_gcm: return "AES-256-GCM";
    case aead_id::chacha20_poly1305: return "ChaCha20-Poly1305";
    case aead_id::aes_128_ccm: return "AES-128-CCM";
    case aead_id::aes_128_ccm_8: return "AES-128-CCM-8";
  }
  return "";
}

// RSA key transport (RFC 5246 §7.4.7.1): TLS 1.2's RSA key exchange.
enum class key_transport_id : std::uint8_t {
  rsa_pkcs1,  // RSAES-PKCS1-v1_5, RFC 8017 §7.2
};

// The key exchange groups tlswire's providers implement (RFC 8446 §4.2.7).
inline constexpr named_group all_key_exchange_groups[] = {
    named_group::x25519, named_group::secp256r1, named_group::secp384r1};

// RFC 8446 §4.2.8.2: an ECDHE public value is an uncompressed point
// (1 + 2 * coordinate bytes); RFC 7748 §6.1: an X25519 public value is 32 bytes.
// 0 for a group this library has no size for.
constexpr std::size_t key_share_size(named_group g) noexcept {
  switch (g) {
    case named_group::x25519: return 32;
    case named_group::secp256r1: return 65;
    case named_group::secp384r1: return 97;
    default: return 0;
  }
}

// RFC 8446 §7.4.1: the ECDH shared secret is the x-coordinate; RFC 7748 §6.1
// for X25519. 0 for a group this library has no size for.
constexpr std::size_t shared_secret_size(named_group g) noexcept {
  switch (g) {
    case named_group::x25519:     // 32 bytes (RFC 7748 §6.1)
    case named_group::secp256r1:  // a 32-byte x-coordinate
      return 32;
    case named_group::secp384r1: return 48;
    default: return 0;
  }
}

// The signature schemes tlswire's providers implement (RFC 8446 §4.2.3).
inline constexpr signature_scheme all_signature_schemes[] = {
    signature_scheme::rsa_pss_rsae_sha256,    signature_scheme::rsa_pss_rsae_sha384,
    signature_scheme::rsa_pkcs1_sha256,       signature_scheme::rsa_pkcs1_sha384,
    signature_scheme::ecdsa_secp256r1_sha256, signature_scheme::ecdsa_secp384r1_sha384,
    signature_scheme::ed25519};

// The largest signature a provider writes for the schemes above with keys up
// to RSA-4096: a caller's buffer of this size is always enough.
inline constexpr std::size_t max_signature_size = 512;

}  // namespace tlswire
