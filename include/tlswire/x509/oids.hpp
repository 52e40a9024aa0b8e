#pragma once
// Object identifiers certificates use, with names for printing. One table:
// the dissector, the certificate view and the tests all read it.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tlswire/x509/der.hpp"

namespace tlswire::x509 {

// An OID's DER contents (no tag/length), at most 10 octets for the ones here.
struct known_oid {
  std::array<std::uint8_t, 10> bytes{};
  std::size_t size = 0;
  std::string_view name;
  constexpr bytes_view view() const noexcept { return bytes_view(bytes.data(), size); }
  constexpr bool matches(der::oid o) const noexcept { return equal_bytes(view(), o.encoded); }
};

namespace oid {
// RFC 5280 §4.1.2.4 / X.520 attribute types (2.5.4.x)
inline constexpr known_oid common_name{{0x55, 0x04, 0x03}, 3, "CN"};
inline constexpr known_oid surname{{0x55, 0x04, 0x04}, 3, "SN"};
inline constexpr known_oid serial_number{{0x55, 0x04, 0x05}, 3, "serialNumber"};
inline constexpr known_oid country{{0x55, 0x04, 0x06}, 3, "C"};
inline constexpr known_oid locality{{0x55, 0x04, 0x07}, 3, "L"};
inline constexpr known_oid state{{0x55, 0x04, 0x08}, 3, "ST"};
inline constexpr known_oid street{{0x55, 0x04, 0x09}, 3, "street"};
inline constexpr known_oid organization{{0x55, 0x04, 0x0a}, 3, "O"};
inline constexpr known_oid organizational_unit{{0x55, 0x04, 0x0b}, 3, "OU"};
inline constexpr known_oid title{{0x55, 0x04, 0x0c}, 3, "title"};
inline constexpr known_oid given_name{{0x55, 0x04, 0x2a}, 3, "GN"};
inline constexpr known_oid email_address{{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x01}, 9, "emailAddress"};
inline constexpr known_oid domain_component{{0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x19}, 10, "DC"};
// RFC 5280 §4.2.1 certificate extensions (2.5.29.x)
inline constexpr known_oid subject_key_identifier{{0x55, 0x1d, 0x0e}, 3, "subjectKeyIdentifier"};
inline constexpr known_oid key_usage{{0x55, 0x1d, 0x0f}, 3, "keyUsage"};
inline constexpr known_oid subject_alt_name{{0x55, 0x1d, 0x11}, 3, "subjectAltName"};
inline constexpr known_oid basic_constraints{{0x55, 0x1d, 0x13}, 3, "basicConstraints"};
inline constexpr known_oid name_constraints{{0x55, 0x1d, 0x1e}, 3, "nameConstraints"};
inline constexpr known_oid crl_distribution_points{{0x55, 0x1d, 0x1f}, 3, "cRLDistributionPoints"};
inline constexpr known_oid certificate_policies{{0x55, 0x1d, 0x20}, 3, "certificatePolicies"};
inline constexpr known_oid authority_key_identifier{{0x55, 0x1d, 0x23}, 3, "authorityKeyIdentifier"};
inline constexpr known_oid ext_key_usage{{0x55, 0x1d, 0x25}, 3, "extKeyUsage"};
// RFC 5280 §4.2.1.12 key purposes
inline constexpr known_oid any_extended_key_usage{{0x55, 0x1d, 0x25, 0x00}, 4, "anyExtendedKeyUsage"};
inline constexpr known_oid server_auth{{0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x01}, 8, "serverAuth"};
inline constexpr known_oid client_auth{{0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x02}, 8, "clientAuth"};
inline constexpr known_oid code_signing{{0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x03}, 8, "codeSigning"};
inline constexpr known_oid authority_info_access{{0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x01, 0x01}, 8, "authorityInfoAccess"};
inline constexpr known_oid sct_list{{0x2b, 0x06, 0x01, 0x04, 0x01, 0xd6, 0x79, 0x02, 0x04, 0x02}, 10, "signedCertificateTimestampList"};
// RFC 8017 / RFC 4055 / RFC 5758 / RFC 8410 algorithms
inline constexpr known_oid rsa_encryption{{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01}, 9, "rsaEncryption"};
inline constexpr known_oid md5_with_rsa{{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x04}, 9, "md5WithRSAEncryption"};
inline constexpr known_oid sha1_with_rsa{{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x05}, 9, "sha1WithRSAEncryption"};
inline constexpr known_oid rsassa_pss{{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a}, 9, "RSASSA-PSS"};
inline constexpr known_oid sha256_with_rsa{{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b}, 9, "sha256WithRSAEncryption"};
inline constexpr known_oid sha384_with_rsa{{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0c}, 9, "sha384WithRSAEncryption"};
inline constexpr known_oid sha512_with_rsa{{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0d}, 9, "sha512WithRSAEncryption"};
inline constexpr known_oid ec_public_key{{0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01}, 7, "id-ecPublicKey"};
inline constexpr known_oid ecdsa_with_sha1{{0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x01}, 7, "ecdsa-with-SHA1"};
inline constexpr known_oid ecdsa_with_sha256{{0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02}, 8, "ecdsa-with-SHA256"};
inline constexpr known_oid ecdsa_with_sha384{{0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x03}, 8, "ecdsa-with-SHA384"};
inline constexpr known_oid ecdsa_with_sha512{{0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x04}, 8, "ecdsa-with-SHA512"};
inline constexpr known_oid ed25519{{0x2b, 0x65, 0x70}, 3, "Ed25519"};
inline constexpr known_oid ed448{{0x2b, 0x65, 0x71}, 3, "Ed448"};
inline constexpr known_oid x25519{{0x2b, 0x65, 0x6e}, 3, "X25519"};
// RFC 5480 named curves
inline constexpr known_oid secp256r1{{0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07}, 8, "secp256r1"};
inline constexpr known_oid secp384r1{{0x2b, 0x81, 0x04, 0x00, 0x22}, 5, "secp384r1"};
inline constexpr known_oid secp521r1{{0x2b, 0x81, 0x04, 0x00, 0x23}, 5, "secp521r1"};
inline constexpr known_oid secp256k1{{0x2b, 0x81, 0x04, 0x00, 0x0a}, 5, "secp256k1"};
}  // namespace oid

inline constexpr std::array known_oids{
    &oid::common_name, &oid::surname, &oid::serial_number, &oid::country, &oid::locality, &oid::state,
    &oid::street, &oid::organization, &oid::organizational_unit, &oid::title, &oid::given_name,
    &oid::email_address, &oid::domain_component, &oid::subject_key_identifier, &oid::key_usage,
    &oid::subject_alt_name, &oid::basic_constraints, &oid::name_constraints, &oid::crl_distribution_points,
    &oid::certificate_policies, &oid::authority_key_identifier, &oid::ext_key_usage,
    &oid::any_extended_key_usage, &oid::server_auth, &oid::client_auth, &oid::code_signing,
    &oid::authority_info_access, &oid::sct_list, &oid::rsa_encryption, &oid::md5_with_rsa,
    &oid::sha1_with_rsa, &oid::rsassa_pss, &oid::sha256_with_rsa, &oid::sha384_with_rsa,
    &oid::sha512_with_rsa, &oid::ec_public_key, &oid::ecdsa_with_sha1, &oid::ecdsa_with_sha256,
    &oid::ecdsa_with_sha384, &oid::ecdsa_with_sha512, &oid::ed25519, &oid::ed448, &oid::x25519,
    &oid::secp256r1, &oid::secp384r1, &oid::secp521r1, &oid::secp256k1};

// The short name of a known OID, or "" (callers then print the dotted form).
constexpr std::string_view oid_name(der::oid o) noexcept {
  for (const known_oid* k : known_oids)
    if (k->matches(o)) return k->name;
  return {};
}

// Writes the dotted-decimal form ("1.2.840.113549.1.1.11") into `out` and
// returns the part written; a too-small buffer gives a truncated string.
constexpr std::string_view format_oid(der::oid o, gsl::span<char> out) noexcept {
  std::size_t n = 0;
  auto put = [&](char c) {
    if (n < out.size()) out[n++] = c;
  };
  auto put_number = [&](std::uint64_t v) {
    std::array<char, 20> digits{};
    std::size_t d = 0;
    do {
      digits[d++] = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v != 0);
    while (d > 0) put(digits[--d]);
  };
  std::uint64_t arc = 0;
  bool first = true;
  for (std::uint8_t b : o.encoded) {
    arc = (arc << 7) | (b & 0x7f);
    if (b & 0x80) continue;
    if (first) {  // the first octet packs two arcs: 40 * X + Y
      const std::uint64_t x = arc < 40 ? 0 : arc < 80 ? 1 : 2;
      put_number(x);
      put('.');
      put_number(arc - 40 * x);
      first = false;
    } else {
      put('.');
      put_number(arc);
    }
    arc = 0;
  }
  return std::string_view(out.data(), n);
}

}  // namespace tlswire::x509
