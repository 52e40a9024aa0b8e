#pragma once
// RFC 8446 §4.2.3 SignatureScheme, IANA "TLS SignatureScheme"; and the TLS 1.2
// SignatureAndHashAlgorithm pair (RFC 5246 §7.4.1.4.1) it replaced. A 1.2 pair
// {hash, signature} is the same two bytes as the scheme (hash first), which is why
// 1.3 allocated its new schemes around the old pairs.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tlswire/registry/name_table.hpp"

namespace tlswire {

// RFC 8446 §4.2.3 SignatureScheme
enum class signature_scheme : std::uint16_t {
  // RFC 8446 §4.2.3: RSASSA-PKCS1-v1_5
  rsa_pkcs1_sha1 = 0x0201,  // legacy: 1.2 only
  dsa_sha1 = 0x0202,  // RFC 8446 §4.2.3 reserved: TLS 1.2 {sha1, dsa}
  ecdsa_sha1 = 0x0203,  // legacy: 1.2 only
  // TLS 1.2 SignatureAndHashAlgorithm pairs with SHA-224 (RFC 5246 §7.4.1.4.1), inside
  // the RFC 8446 "obsolete_RESERVED" range; not named by IANA but common in captures
  rsa_pkcs1_sha224 = 0x0301,  // {sha224, rsa}
  dsa_sha224 = 0x0302,  // {sha224, dsa}
  ecdsa_sha224 = 0x0303,  // {sha224, ecdsa}
  // RFC 8446 §4.2.3: PKCS1 and ECDSA by hash
  rsa_pkcs1_sha256 = 0x0401,
  dsa_sha256 = 0x0402,  // reserved: TLS 1.2 {sha256, dsa}
  ecdsa_secp256r1_sha256 = 0x0403,
  rsa_pkcs1_sha256_legacy = 0x0420,  // draft-ietf-tls-tls13-pkcs1: client auth on legacy hardware
  rsa_pkcs1_sha384 = 0x0501,
  dsa_sha384 = 0x0502,  // reserved: TLS 1.2 {sha384, dsa}
  ecdsa_secp384r1_sha384 = 0x0503,
  rsa_pkcs1_sha384_legacy = 0x0520,  // draft-ietf-tls-tls13-pkcs1
  rsa_pkcs1_sha512 = 0x0601,
  dsa_sha512 = 0x0602,  // reserved: TLS 1.2 {sha512, dsa}
  ecdsa_secp521r1_sha512 = 0x0603,
  rsa_pkcs1_sha512_legacy = 0x0620,  // draft-ietf-tls-tls13-pkcs1
  // RFC 8446 §4.2.3 leaves 0x07xx to later registrations: identity-based, SM2, GOST
  eccsi_sha256 = 0x0704,  // draft-wang-tls-raw-public-key-with-ibc
  iso_ibs1 = 0x0705,
  iso_ibs2 = 0x0706,
  iso_chinese_ibs = 0x0707,
  sm2sig_sm3 = 0x0708,  // RFC 8998
  gostr34102012_256a = 0x0709,  // RFC 9367
  gostr34102012_256b = 0x070a,
  gostr34102012_256c = 0x070b,
  gostr34102012_256d = 0x070c,
  gostr34102012_512a = 0x070d,
  gostr34102012_512b = 0x070e,
  gostr34102012_512c = 0x070f,
  // RFC 8446 §4.2.3: RSASSA-PSS with an rsaEncryption key, EdDSA, RSASSA-PSS with a PSS key
  rsa_pss_rsae_sha256 = 0x0804,
  rsa_pss_rsae_sha384 = 0x0805,
  rsa_pss_rsae_sha512 = 0x0806,
  ed25519 = 0x0807,
  ed448 = 0x0808,
  rsa_pss_pss_sha256 = 0x0809,
  rsa_pss_pss_sha384 = 0x080a,
  rsa_pss_pss_sha512 = 0x080b,
  // RFC 8734: ECDSA over the TLS 1.3 brainpool curves
  ecdsa_brainpoolp256r1tls13_sha256 = 0x081a,
  ecdsa_brainpoolp384r1tls13_sha384 = 0x081b,
  ecdsa_brainpoolp512r1tls13_sha512 = 0x081c,
  // draft-ietf-tls-mldsa: ML-DSA (FIPS 204)
  mldsa44 = 0x0904,
  mldsa65 = 0x0905,
  mldsa87 = 0x0906,
};

// IANA names, sorted by value: the one source for to_string and is_known.
inline constexpr auto signature_scheme_names = std::to_array<named<signature_scheme>>({
    {signature_scheme::rsa_pkcs1_sha1, "rsa_pkcs1_sha1"},
    {signature_scheme::dsa_sha1, "dsa_sha1_RESERVED"},
    {signature_scheme::ecdsa_sha1, "ecdsa_sha1"},
    {signature_scheme::rsa_pkcs1_sha224, "rsa_pkcs1_sha224"},
    {signature_scheme::dsa_sha224, "dsa_sha224"},
    {signature_scheme::ecdsa_sha224, "ecdsa_sha224"},
    {signature_scheme::rsa_pkcs1_sha256, "rsa_pkcs1_sha256"},
    {signature_scheme::dsa_sha256, "dsa_sha256_RESERVED"},
    {signature_scheme::ecdsa_secp256r1_sha256, "ecdsa_secp256r1_sha256"},
    {signature_scheme::rsa_pkcs1_sha256_legacy, "rsa_pkcs1_sha256_legacy"},
    {signature_scheme::rsa_pkcs1_sha384, "rsa_pkcs1_sha384"},
    {signature_scheme::dsa_sha384, "dsa_sha384_RESERVED"},
    {signature_scheme::ecdsa_secp384r1_sha384, "ecdsa_secp384r1_sha384"},
    {signature_scheme::rsa_pkcs1_sha384_legacy, "rsa_pkcs1_sha384_legacy"},
    {signature_scheme::rsa_pkcs1_sha512, "rsa_pkcs1_sha512"},
    {signature_scheme::dsa_sha512, "dsa_sha512_RESERVED"},
    {signature_scheme::ecdsa_secp521r1_sha512, "ecdsa_secp521r1_sha512"},
    {signature_scheme::rsa_pkcs1_sha512_legacy, "rsa_pkcs1_sha512_legacy"},
    {signature_scheme::eccsi_sha256, "eccsi_sha256"},
    {signature_scheme::iso_ibs1, "iso_ibs1"},
    {signature_scheme::iso_ibs2, "iso_ibs2"},
    {signature_scheme::iso_chinese_ibs, "iso_chinese_ibs"},
    {signature_scheme::sm2sig_sm3, "sm2sig_sm3"},
    {signature_scheme::gostr34102012_256a, "gostr34102012_256a"},
    {signature_scheme::gostr34102012_256b, "gostr34102012_256b"},
    {signature_scheme::gostr34102012_256c, "gostr34102012_256c"},
    {signature_scheme::gostr34102012_256d, "gostr34102012_256d"},
    {signature_scheme::gostr34102012_512a, "gostr34102012_512a"},
    {signature_scheme::gostr34102012_512b, "gostr34102012_512b"},
    {signature_scheme::gostr34102012_512c, "gostr34102012_512c"},
    {signature_scheme::rsa_pss_rsae_sha256, "rsa_pss_rsae_sha256"},
    {signature_scheme::rsa_pss_rsae_sha384, "rsa_pss_rsae_sha384"},
    {signature_scheme::rsa_pss_rsae_sha512, "rsa_pss_rsae_sha512"},
    {signature_scheme::ed25519, "ed25519"},
    {signature_scheme::ed448, "ed448"},
    {signature_scheme::rsa_pss_pss_sha256, "rsa_pss_pss_sha256"},
    {signature_scheme::rsa_pss_pss_sha384, "rsa_pss_pss_sha384"},
    {signature_scheme::rsa_pss_pss_sha512, "rsa_pss_pss_sha512"},
    {signature_scheme::ecdsa_brainpoolp256r1tls13_sha256, "ecdsa_brainpoolP256r1tls13_sha256"},
    {signature_scheme::ecdsa_brainpoolp384r1tls13_sha384, "ecdsa_brainpoolP384r1tls13_sha384"},
    {signature_scheme::ecdsa_brainpoolp512r1tls13_sha512, "ecdsa_brainpoolP512r1tls13_sha512"},
    {signature_scheme::mldsa44, "mldsa44"},
    {signature_scheme::mldsa65, "mldsa65"},
    {signature_scheme::mldsa87, "mldsa87"},
});
static_assert(is_valid_name_table(signature_scheme_names));

// The IANA name, or "" for a value the registry does not list.
constexpr std::string_view to_string(signature_scheme value) noexcept {
  return lookup_name(signature_scheme_names, value);
}
constexpr bool is_known(signature_scheme value) noexcept {
  return table_contains(signature_scheme_names, value);
}

// RFC 5246 §7.4.1.4.1 HashAlgorithm, IANA "TLS HashAlgorithm".
enum class hash_algorithm : std::uint8_t {
  none = 0,
  md5 = 1,
  sha1 = 2,
  sha224 = 3,
  sha256 = 4,
  sha384 = 5,
  sha512 = 6,
  intrinsic = 8,  // RFC 8422 §5.1.3: the signature hashes internally (EdDSA)
};

// IANA names, sorted by value: the one source for to_string and is_known.
inline constexpr auto hash_algorithm_names = std::to_array<named<hash_algorithm>>({
    {hash_algorithm::none, "none"},
    {hash_algorithm::md5, "md5"},
    {hash_algorithm::sha1, "sha1"},
    {hash_algorithm::sha224, "sha224"},
    {hash_algorithm::sha256, "sha256"},
    {hash_algorithm::sha384, "sha384"},
    {hash_algorithm::sha512, "sha512"},
    {hash_algorithm::intrinsic, "Intrinsic"},
});
static_assert(is_valid_name_table(hash_algorithm_names));

// The IANA name, or "" for a value the registry does not list.
constexpr std::string_view to_string(hash_algorithm value) noexcept {
  return lookup_name(hash_algorithm_names, value);
}
constexpr bool is_known(hash_algorithm value) noexcept {
  return table_contains(hash_algorithm_names, value);
}

// RFC 5246 §7.4.1.4.1 SignatureAlgorithm, IANA "TLS SignatureAlgorithm".
enum class signature_algorithm : std::uint8_t {
  anonymous = 0,
  rsa = 1,
  dsa = 2,
  ecdsa = 3,
  ed25519 = 7,  // RFC 8422 §5.1.3
  ed448 = 8,  // RFC 8422 §5.1.3
  gostr34102012_256 = 64,  // RFC 9189
  gostr34102012_512 = 65,  // RFC 9189
};

// IANA names, sorted by value: the one source for to_string and is_known.
inline constexpr auto signature_algorithm_names = std::to_array<named<signature_algorithm>>({
    {signature_algorithm::anonymous, "anonymous"},
    {signature_algorithm::rsa, "rsa"},
    {signature_algorithm::dsa, "dsa"},
    {signature_algorithm::ecdsa, "ecdsa"},
    {signature_algorithm::ed25519, "ed25519"},
    {signature_algorithm::ed448, "ed448"},
    {signature_algorithm::gostr34102012_256, "gostr34102012_256"},
    {signature_algorithm::gostr34102012_512, "gostr34102012_512"},
});
static_assert(is_valid_name_table(signature_algorithm_names));

// The IANA name, or "" for a value the registry does not list.
constexpr std::string_view to_string(signature_algorithm value) noexcept {
  return lookup_name(signature_algorithm_names, value);
}
constexpr bool is_known(signature_algorithm value) noexcept {
  return table_contains(signature_algorithm_names, value);
}

// RFC 5246 §7.4.1.4.1: the TLS 1.2 pair on the wire is {hash, signature},
// exactly the two bytes of a SignatureScheme. Splitting a 1.3 scheme such as
// rsa_pss_rsae_sha256 (0x0804) this way gives {8, 4}, which is not a 1.2 pair.
constexpr hash_algorithm hash_part(signature_scheme scheme) noexcept {
  return static_cast<hash_algorithm>(to_underlying(scheme) >> 8);
}

constexpr signature_algorithm signature_part(signature_scheme scheme) noexcept {
  return static_cast<signature_algorithm>(to_underlying(scheme) & 0xffU);
}

// RFC 5246 §7.4.1.4.1 / FIPS 180-4: output size in bytes, 0 for none,
// intrinsic and unknown values.
constexpr std::size_t hash_length(hash_algorithm hash) noexcept {
  switch (hash) {
    case hash_algorithm::md5: return 16;
    case hash_algorithm::sha1: return 20;
    case hash_algorithm::sha224: return 28;
    case hash_algorithm::sha256: return 32;
    case hash_algorithm::sha384: return 48;
    case hash_algorithm::sha512: return 64;
    default: return 0;
  }
}

constexpr signature_scheme make_signature_scheme(hash_algorithm hash,
                                                 signature_algorithm signature) noexcept {
  return static_cast<signature_scheme>((to_underlying(hash) << 8) | to_underlying(signature));
}

}  // namespace tlswire
