#pragma once
// RFC 8446 §4.2.7 NamedGroup, IANA "TLS Supported Groups" (formerly "EC Named
// Curve"), plus the RFC 8422 EC point formats and curve types of TLS 1.2 ECDHE.
#include <array>
#include <cstdint>
#include <string_view>

#include "tlswire/registry/name_table.hpp"

namespace tlswire {

// RFC 8446 §4.2.7 / RFC 8422 §5.1.1 / RFC 7919 §2
enum class named_group : std::uint16_t {
  // RFC 4492 §5.1.1 curves, deprecated by RFC 8422 §5.1.1 (still seen in old captures)
  sect163k1 = 0x0001,
  sect163r1 = 0x0002,
  sect163r2 = 0x0003,
  sect193r1 = 0x0004,
  sect193r2 = 0x0005,
  sect233k1 = 0x0006,
  sect233r1 = 0x0007,
  sect239k1 = 0x0008,
  sect283k1 = 0x0009,
  sect283r1 = 0x000a,
  sect409k1 = 0x000b,
  sect409r1 = 0x000c,
  sect571k1 = 0x000d,
  sect571r1 = 0x000e,
  secp160k1 = 0x000f,
  secp160r1 = 0x0010,
  secp160r2 = 0x0011,
  secp192k1 = 0x0012,
  secp192r1 = 0x0013,
  secp224k1 = 0x0014,
  secp224r1 = 0x0015,
  secp256k1 = 0x0016,
  // RFC 8422 §5.1.1 / RFC 8446 §4.2.7
  secp256r1 = 0x0017,
  secp384r1 = 0x0018,
  secp521r1 = 0x0019,
  // RFC 7027: brainpool curves for TLS 1.2 only
  brainpoolp256r1 = 0x001a,
  brainpoolp384r1 = 0x001b,
  brainpoolp512r1 = 0x001c,
  // RFC 8422 / RFC 8446 §4.2.7: Montgomery curves
  x25519 = 0x001d,
  x448 = 0x001e,
  // RFC 8734: brainpool curves for TLS 1.3
  brainpoolp256r1tls13 = 0x001f,
  brainpoolp384r1tls13 = 0x0020,
  brainpoolp512r1tls13 = 0x0021,
  // RFC 9189: GOST curves
  gc256a = 0x0022,
  gc256b = 0x0023,
  gc256c = 0x0024,
  gc256d = 0x0025,
  gc512a = 0x0026,
  gc512b = 0x0027,
  gc512c = 0x0028,
  // RFC 8998: ShangMi
  curve_sm2 = 0x0029,
  // RFC 7919: finite-field Diffie-Hellman groups
  ffdhe2048 = 0x0100,
  ffdhe3072 = 0x0101,
  ffdhe4096 = 0x0102,
  ffdhe6144 = 0x0103,
  ffdhe8192 = 0x0104,
  // draft-ietf-tls-mlkem: pure ML-KEM (FIPS 203)
  mlkem512 = 0x0200,
  mlkem768 = 0x0201,
  mlkem1024 = 0x0202,
  // draft-ietf-tls-ecdhe-mlkem: hybrid ECDHE + ML-KEM
  secp256r1_mlkem768 = 0x11eb,
  x25519_mlkem768 = 0x11ec,
  secp384r1_mlkem1024 = 0x11ed,
  // draft-tls-westerbaan-xyber768d00: pre-standard Kyber hybrids (obsolete, seen in 2023-24 captures)
  x25519_kyber768_draft00 = 0x6399,
  secp256r1_kyber768_draft00 = 0x639a,
  // RFC 8422 §5.1.1: explicit curves (deprecated)
  arbitrary_explicit_prime_curves = 0xff01,
  arbitrary_explicit_char2_curves = 0xff02,
};

// IANA names, sorted by value: the one source for to_string and is_known.
inline constexpr auto named_group_names = std::to_array<named<named_group>>({
    {named_group::sect163k1, "sect163k1"},
    {named_group::sect163r1, "sect163r1"},
    {named_group::sect163r2, "sect163r2"},
    {named_group::sect193r1, "sect193r1"},
    {named_group::sect193r2, "sect193r2"},
    {named_group::sect233k1, "sect233k1"},
    {named_group::sect233r1, "sect233r1"},
    {named_group::sect239k1, "sect239k1"},
    {named_group::sect283k1, "sect283k1"},
    {named_group::sect283r1, "sect283r1"},
    {named_group::sect409k1, "sect409k1"},
    {named_group::sect409r1, "sect409r1"},
    {named_group::sect571k1, "sect571k1"},
    {named_group::sect571r1, "sect571r1"},
    {named_group::secp160k1, "secp160k1"},
    {named_group::secp160r1, "secp160r1"},
    {named_group::secp160r2, "secp160r2"},
    {named_group::secp192k1, "secp192k1"},
    {named_group::secp192r1, "secp192r1"},
    {named_group::secp224k1, "secp224k1"},
    {named_group::secp224r1, "secp224r1"},
    {named_group::secp256k1, "secp256k1"},
    {named_group::secp256r1, "secp256r1"},
    {named_group::secp384r1, "secp384r1"},
    {named_group::secp521r1, "secp521r1"},
    {named_group::brainpoolp256r1, "brainpoolP256r1"},
    {named_group::brainpoolp384r1, "brainpoolP384r1"},
    {named_group::brainpoolp512r1, "brainpoolP512r1"},
    {named_group::x25519, "x25519"},
    {named_group::x448, "x448"},
    {named_group::brainpoolp256r1tls13, "brainpoolP256r1tls13"},
    {named_group::brainpoolp384r1tls13, "brainpoolP384r1tls13"},
    {named_group::brainpoolp512r1tls13, "brainpoolP512r1tls13"},
    {named_group::gc256a, "GC256A"},
    {named_group::gc256b, "GC256B"},
    {named_group::gc256c, "GC256C"},
    {named_group::gc256d, "GC256D"},
    {named_group::gc512a, "GC512A"},
    {named_group::gc512b, "GC512B"},
    {named_group::gc512c, "GC512C"},
    {named_group::curve_sm2, "curveSM2"},
    {named_group::ffdhe2048, "ffdhe2048"},
    {named_group::ffdhe3072, "ffdhe3072"},
    {named_group::ffdhe4096, "ffdhe4096"},
    {named_group::ffdhe6144, "ffdhe6144"},
    {named_group::ffdhe8192, "ffdhe8192"},
    {named_group::mlkem512, "MLKEM512"},
    {named_group::mlkem768, "MLKEM768"},
    {named_group::mlkem1024, "MLKEM1024"},
    {named_group::secp256r1_mlkem768, "SecP256r1MLKEM768"},
    {named_group::x25519_mlkem768, "X25519MLKEM768"},
    {named_group::secp384r1_mlkem1024, "SecP384r1MLKEM1024"},
    {named_group::x25519_kyber768_draft00, "X25519Kyber768Draft00"},
    {named_group::secp256r1_kyber768_draft00, "SecP256r1Kyber768Draft00"},
    {named_group::arbitrary_explicit_prime_curves, "arbitrary_explicit_prime_curves"},
    {named_group::arbitrary_explicit_char2_curves, "arbitrary_explicit_char2_curves"},
});
static_assert(is_valid_name_table(named_group_names));

// The IANA name, or "" for a value the registry does not list.
constexpr std::string_view to_string(named_group value) noexcept {
  return lookup_name(named_group_names, value);
}
constexpr bool is_known(named_group value) noexcept {
  return table_contains(named_group_names, value);
}

// RFC 8422 §5.1.2 ECPointFormat (the ec_point_formats extension).
enum class ec_point_format : std::uint8_t {
  uncompressed = 0,
  ansiX962_compressed_prime = 1,  // deprecated by RFC 8422
  ansiX962_compressed_char2 = 2,  // deprecated by RFC 8422
};

// IANA names, sorted by value: the one source for to_string and is_known.
inline constexpr auto ec_point_format_names = std::to_array<named<ec_point_format>>({
    {ec_point_format::uncompressed, "uncompressed"},
    {ec_point_format::ansiX962_compressed_prime, "ansiX962_compressed_prime"},
    {ec_point_format::ansiX962_compressed_char2, "ansiX962_compressed_char2"},
});
static_assert(is_valid_name_table(ec_point_format_names));

// The IANA name, or "" for a value the registry does not list.
constexpr std::string_view to_string(ec_point_format value) noexcept {
  return lookup_name(ec_point_format_names, value);
}
constexpr bool is_known(ec_point_format value) noexcept {
  return table_contains(ec_point_format_names, value);
}

// RFC 8422 §5.4 ECCurveType of ServerECDHParams.
enum class ec_curve_type : std::uint8_t {
  explicit_prime = 1,  // deprecated by RFC 8422
  explicit_char2 = 2,  // deprecated by RFC 8422
  named_curve = 3,
};

// IANA names, sorted by value: the one source for to_string and is_known.
inline constexpr auto ec_curve_type_names = std::to_array<named<ec_curve_type>>({
    {ec_curve_type::explicit_prime, "explicit_prime"},
    {ec_curve_type::explicit_char2, "explicit_char2"},
    {ec_curve_type::named_curve, "named_curve"},
});
static_assert(is_valid_name_table(ec_curve_type_names));

// The IANA name, or "" for a value the registry does not list.
constexpr std::string_view to_string(ec_curve_type value) noexcept {
  return lookup_name(ec_curve_type_names, value);
}
constexpr bool is_known(ec_curve_type value) noexcept {
  return table_contains(ec_curve_type_names, value);
}

// RFC 7919 §2: 0x0100..0x01ff are finite-field groups (a TLS 1.2 client that
// lists one also accepts DHE with those parameters).
constexpr bool is_ffdhe(named_group group) noexcept {
  return (to_underlying(group) & 0xff00U) == 0x0100U;
}

}  // namespace tlswire
