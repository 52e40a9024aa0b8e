#pragma once
// Which signature scheme a peer may use for its handshake signature — a TLS
// 1.3 or 1.2 CertificateVerify, or a TLS 1.2 ServerKeyExchange — given the
// version, the schemes this side offered (signature_algorithms in the
// ClientHello or CertificateRequest) and the peer's end-entity certificate.
// A pure message rule: it reads the scheme, the list and the certificate's
// SubjectPublicKeyInfo and keyUsage views (x509/certificate.hpp); the
// signature itself is checked through a provider above this layer.
//
// Checked in this order, each with the alert the RFC names or implies:
//   1. TLS 1.3: not rsa_pkcs1_*, not SHA-1 or SHA-224, not DSA — RFC 8446
//      §4.4.3 "RSA signatures MUST use an RSASSA-PSS algorithm ... The SHA-1
//      algorithm MUST NOT be used", §4.2.3 (legacy and obsolete code points
//      are for certificates only)                              illegal_parameter
//   2. one this side offered — RFC 8446 §4.4.3 "MUST be one offered in the
//      ... signature_algorithms", RFC 5246 §7.4.3 / §7.4.8   illegal_parameter
//      (the alert OpenSSL, BoringSSL and Go send; the RFCs name none)
//   3. a scheme this code knows the key of (RSA, RSASSA-PSS, ECDSA, EdDSA);
//      anything else cannot be checked against the certificate
//      (RFC 8446 §6.2)                                         handshake_failure
//   4. the certificate's key is of a type this code knows      unsupported_certificate
//   5. the scheme fits the key: rsa_pkcs1 and rsa_pss_rsae need
//      rsaEncryption, rsa_pss_pss an RSASSA-PSS key (RFC 8446 §4.2.3), ECDSA an
//      EC key — in TLS 1.3 on the scheme's own curve ("ecdsa_secp256r1_sha256"
//      names P-256; in TLS 1.2 0x0403 is any curve with SHA-256) — EdDSA the
//      same EdDSA key                                          illegal_parameter
//   6. keyUsage, when present, allows digitalSignature (RFC 8446 §4.4.2.2,
//      RFC 5246 §7.4.2, RFC 5280 §4.2.1.3). RFC 8446 §4.4.2.4: a client that
//      cannot use the chain aborts "with an appropriate certificate-related
//      alert (by default, "unsupported_certificate")"       unsupported_certificate
// Versions before TLS 1.2 carry no scheme (RFC 5246 §7.4.1.4.1): not for them.
#include <cstdint>

#include <gsl/assert>

#include "tlswire/messages/certificate_verify.hpp"
#include "tlswire/registry/protocol_version.hpp"
#include "tlswire/registry/signature_scheme.hpp"
#include "tlswire/wire/result.hpp"
#include "tlswire/wire/vector.hpp"
#include "tlswire/x509/certificate.hpp"
#include "tlswire/x509/oids.hpp"

namespace tlswire {

// The schemes this side offered, as signature_algorithms carries them.
using signature_scheme_list = code_vector<signature_scheme, 2, 65534>;

// RFC 5280 §4.2.1.3: digitalSignature is bit 0, as certificate::key_usage() numbers bits.
inline constexpr std::uint16_t key_usage_digital_signature = 1u << 0;

namespace signature_policy_detail {

// The kind of key a scheme signs with, and a certificate holds.
enum class key_kind : std::uint8_t { unknown, rsa, rsa_pss, ecdsa, ed25519, ed448 };

// RFC 8446 §4.2.3 (and RFC 5246 §7.4.1.4.1's pairs with the same bytes).
constexpr key_kind key_kind_of(signature_scheme s) noexcept {
  switch (s) {
    case signature_scheme::rsa_pkcs1_sha1:
    case signature_scheme::rsa_pkcs1_sha224:
    case signature_scheme::rsa_pkcs1_sha256:
    case signature_scheme::rsa_pkcs1_sha384:
    case signature_scheme::rsa_pkcs1_sha512:
    case signature_scheme::rsa_pss_rsae_sha256:
    case signature_scheme::rsa_pss_rsae_sha384:
    case signature_scheme::rsa_pss_rsae_sha512: return key_kind::rsa;
    case signature_scheme::rsa_pss_pss_sha256:
    case signature_scheme::rsa_pss_pss_sha384:
    case signature_scheme::rsa_pss_pss_sha512: return key_kind::rsa_pss;
    case signature_scheme::ecdsa_sha1:
    case signature_scheme::ecdsa_sha224:
    case signature_scheme::ecdsa_secp256r1_sha256:
    case signature_scheme::ecdsa_secp384r1_sha384:
    case signature_scheme::ecdsa_secp521r1_sha512: return key_kind::ecdsa;
    case signature_scheme::ed25519: return key_kind::ed25519;
    case signature_scheme::ed448: return key_kind::ed448;
    default: return key_kind::unknown;
  }
}

// RFC 5280 §4.1.2.7 SubjectPublicKeyInfo algorithm: RFC 3279 rsaEncryption
// and id-ecPublicKey, RFC 4055 id-RSASSA-PSS, RFC 8410 Ed25519 / Ed448.
constexpr key_kind key_kind_of(const x509::public_key_info& key) noexcept {
  const der::oid a = key.algorithm.algorithm;
  if (x509::oid::rsa_encryption.matches(a)) return key_kind::rsa;
  if (x509::oid::rsassa_pss.matches(a)) return key_kind::rsa_pss;
  if (x509::oid::ec_public_key.matches(a)) return key_kind::ecdsa;
  if (x509::oid::ed25519.matches(a)) return key_kind::ed25519;
  if (x509::oid::ed448.matches(a)) return key_kind::ed448;
  return key_kind::unknown;
}

// RFC 8446 §4.2.3: in TLS 1.3 an ECDSA scheme names its curve.
constexpr const x509::known_oid* tls13_curve_of(signature_scheme s) noexcept {
  switch (s) {
    case signature_scheme::ecdsa_secp256r1_sha256: return &x509::oid::secp256r1;
    case signature_scheme::ecdsa_secp384r1_sha384: return &x509::oid::secp384r1;
    case signature_scheme::ecdsa_secp521r1_sha512: return &x509::oid::secp521r1;
    default: return nullptr;
  }
}

// RFC 8446 §4.4.3 and §4.2.3: code points a TLS 1.3 CertificateVerify must
// not use — RSASSA-PKCS1-v1_5 (rsa_pkcs1_*, and the *_legacy code points of
// draft-ietf-tls-tls13-pkcs1, which this code does not negotiate), SHA-1 and
// SHA-224 (the 0x02xx and 0x03xx TLS 1.2 pairs), DSA.
constexpr bool refused_in_tls13(signature_scheme s) noexcept {
  const auto v = to_underlying(s);
  const unsigned hash = v >> 8, signature = v & 0xff;
  const bool tls12_pair_range = hash >= 0x01 && hash <= 0x06;  // md5 .. sha512 pairs
  if (tls12_pair_range && (signature == 0x01 || signature == 0x02)) return true;  // rsa, dsa
  if (hash == 0x02 || hash == 0x03) return true;  // sha1, sha224
  return s == signature_scheme::rsa_pkcs1_sha256_legacy || s == signature_scheme::rsa_pkcs1_sha384_legacy ||
         s == signature_scheme::rsa_pkcs1_sha512_legacy;
}

constexpr error refuse(alert_description alert) noexcept { return make_error(errc::bad_value, alert, no_offset); }

}  // namespace signature_policy_detail

// The rules at the top of this header, for `scheme` chosen by the peer in a
// `version` 1.2 or 1.3 handshake, `offered` by this side, and the peer's
// end-entity certificate `leaf` (parsed: decode<x509::certificate>).
constexpr status check_peer_signature_scheme(signature_scheme scheme, protocol_version version,
                                             const signature_scheme_list& offered,
                                             const x509::certificate& leaf) {
  using namespace signature_policy_detail;
  Expects(version == protocol_version::tls12 || version == protocol_version::tls13);
  const bool tls13 = version == protocol_version::tls13;
  if (tls13 && refused_in_tls13(scheme)) return refuse(alert_description::illegal_parameter);
  if (!offered.contains(scheme)) return refuse(alert_description::illegal_parameter);
  const key_kind wanted = key_kind_of(scheme);
  if (wanted == key_kind::unknown) return refuse(alert_description::handshake_failure);
  const key_kind held = key_kind_of(leaf.public_key);
  if (held == key_kind::unknown) return refuse(alert_description::unsupported_certificate);
  if (held != wanted) return refuse(alert_description::illegal_parameter);
  if (tls13 && wanted == key_kind::ecdsa) {
    const x509::known_oid* curve = tls13_curve_of(scheme);
    if (curve == nullptr || !curve->matches(leaf.public_key.curve()))
      return refuse(alert_description::illegal_parameter);
  }
  const auto usage = leaf.key_usage();
  if (usage && (*usage & key_usage_digital_signature) == 0)
    return refuse(alert_description::unsupported_certificate);
  return {};
}

// The same for a received CertificateVerify (TLS 1.3 or 1.2).
constexpr status check_peer_signature_scheme(const certificate_verify& cv, protocol_version version,
                                             const signature_scheme_list& offered,
                                             const x509::certificate& leaf) {
  if (!cv.signed_content.has_algorithm) return signature_policy_detail::refuse(alert_description::decode_error);
  return check_peer_signature_scheme(cv.algorithm(), version, offered, leaf);
}

}  // namespace tlswire
