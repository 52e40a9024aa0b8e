#pragma once
// Certificate path validation for a TLS peer (RFC 5280 §6.1, the parts a TLS
// client needs) and server identity checking (RFC 6125 §6.4).
//
// The peer sends its chain leaf first (RFC 8446 §4.4.2, RFC 5246 §7.4.2);
// the caller holds a few trust anchors (DER certificates of its CAs). From the
// leaf upwards, each certificate's issuer is looked for first among the
// anchors, then among the rest of the peer's chain (in any order: RFC 8446
// §4.4.2 lets "certificate_list" carry extras and need not be sorted), by
// byte-equal DER Name (RFC 5280 §7.1 allows the simple comparison). Each link
// is checked:
//   - the issuer's signature over the TBSCertificate, through the provider,
//     with the issuer's SubjectPublicKeyInfo (RFC 5280 §6.1.3 (a)(1));
//   - the validity window of every certificate against a caller-given time
//     (RFC 5280 §6.1.3 (a)(2));
//   - the issuer is a CA: basicConstraints cA, pathLenConstraint not exceeded
//     (RFC 5280 §4.2.1.9, §6.1.4 (k), (l), (m)), keyCertSign where keyUsage
//     is present (RFC 5280 §4.2.1.3, §6.1.4 (n));
//   - no critical extension this code does not interpret (RFC 5280 §4.2).
// Then the leaf's subjectAltName dNSName must match the host (RFC 6125 §6.4:
// exact, or a left-most-label wildcard; the CN is not consulted).
//
// Not done here: revocation (CRL/OCSP), name constraints, policies, extended
// key usage. Nothing allocates; everything but the signature check is
// constexpr. Alerts follow RFC 8446 §6.2: malformed → bad_certificate,
// outside its validity → certificate_expired, no trusted issuer → unknown_ca,
// a signature that does not verify → decrypt_error, an algorithm or critical
// extension not handled → unsupported_certificate, other failures (issuer
// not a CA, path too long, host mismatch) → bad_certificate.
//
// Layering: this header includes crypto/concepts.hpp (which needs only wire/
// and registry/) for the provider's `verify`; nothing below crypto/ includes
// this header, so no cycle appears.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "tlswire/crypto/concepts.hpp"
#include "tlswire/crypto/provider.hpp"
#include "tlswire/registry/alert.hpp"
#include "tlswire/registry/signature_scheme.hpp"
#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/codec.hpp"
#include "tlswire/wire/result.hpp"
#include "tlswire/x509/certificate.hpp"
#include "tlswire/x509/oids.hpp"

namespace tlswire::x509 {

// Why a chain was refused (for logs and tests; the peer only sees the alert).
enum class verify_fault : std::uint8_t {
  none,
  malformed,                   // a certificate does not parse (RFC 5280 §4.1)
  not_yet_valid,               // now < notBefore (RFC 5280 §6.1.3 (a)(2))
  expired,                     // now > notAfter
  unknown_issuer,              // no anchor or chain certificate named as issuer
  bad_signature,               // the issuer's signature does not verify
  unsupported_algorithm,       // a signature algorithm with no TLS scheme / provider support
  issuer_not_ca,               // issuer lacks basicConstraints cA (RFC 5280 §6.1.4 (k))
  path_too_long,               // pathLenConstraint exceeded (RFC 5280 §6.1.4 (l))
  issuer_key_usage,            // keyUsage present without keyCertSign (RFC 5280 §6.1.4 (n))
  unhandled_critical_extension,  // RFC 5280 §4.2 "MUST reject"
  host_mismatch,               // no subjectAltName dNSName matches (RFC 6125 §6.4)
  chain_too_long,              // more links than verify_options::max_depth
};

constexpr std::string_view to_string(verify_fault f) noexcept {
  switch (f) {
    case verify_fault::none: return "none";
    case verify_fault::malformed: return "malformed certificate";
    case verify_fault::not_yet_valid: return "certificate not yet valid";
    case verify_fault::expired: return "certificate expired";
    case verify_fault::unknown_issuer: return "issuer not trusted";
    case verify_fault::bad_signature: return "signature does not verify";
    case verify_fault::unsupported_algorithm: return "unsupported signature algorithm";
    case verify_fault::issuer_not_ca: return "issuer is not a CA";
    case verify_fault::path_too_long: return "path length constraint exceeded";
    case verify_fault::issuer_key_usage: return "issuer may not sign certificates";
    case verify_fault::unhandled_critical_extension: return "unhandled critical extension";
    case verify_fault::host_mismatch: return "host name does not match";
    case verify_fault::chain_too_long: return "chain too long";
  }
  return "";
}

// RFC 8446 §6.2: the alert each fault is reported with.
constexpr alert_description alert_for(verify_fault f) noexcept {
  switch (f) {
    case verify_fault::not_yet_valid:
    case verify_fault::expired: return alert_description::certificate_expired;
    case verify_fault::unknown_issuer: return alert_description::unknown_ca;
    case verify_fault::bad_signature: return alert_description::decrypt_error;
    case verify_fault::unsupported_algorithm:
    case verify_fault::unhandled_critical_extension: return alert_description::unsupported_certificate;
    case verify_fault::none: return alert_description::internal_error;
    default: return alert_description::bad_certificate;
  }
}

// keyUsage bit 5 (RFC 5280 §4.2.1.3), as certificate::key_usage() numbers bits.
inline constexpr std::uint16_t key_usage_key_cert_sign = 1u << 5;

namespace verify_detail {

// RFC 4055 §3.1 RSASSA-PSS-params in the one form TLS 1.3 signs with
// (RFC 8446 §4.2.3: MGF1 with the same hash, salt length = hash length),
// as DER with the NULL hash parameters OpenSSL and most CAs write.
inline constexpr std::array<std::uint8_t, 54> pss_sha256_params{
    0x30, 0x34, 0xa0, 0x0f, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03,
    0x04, 0x02, 0x01, 0x05, 0x00, 0xa1, 0x1c, 0x30, 0x1a, 0x06, 0x09, 0x2a, 0x86, 0x48,
    0x86, 0xf7, 0x0d, 0x01, 0x01, 0x08, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
    0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0xa2, 0x03, 0x02, 0x01, 0x20};
inline constexpr std::array<std::uint8_t, 54> pss_sha384_params{
    0x30, 0x34, 0xa0, 0x0f, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03,
    0x04, 0x02, 0x02, 0x05, 0x00, 0xa1, 0x1c, 0x30, 0x1a, 0x06, 0x09, 0x2a, 0x86, 0x48,
    0x86, 0xf7, 0x0d, 0x01, 0x01, 0x08, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
    0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0xa2, 0x03, 0x02, 0x01, 0x30};

constexpr std::uint8_t lower(std::uint8_t c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<std::uint8_t>(c - 'A' + 'a') : c;
}

// ASCII case-insensitive equality of a DER string and a host name piece.
constexpr bool equal_ignoring_case(bytes_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(static_cast<std::uint8_t>(b[i]))) return false;
  return true;
}

}  // namespace verify_detail

// The TLS signature scheme (RFC 8446 §4.2.3) that checks a certificate
// signature made with `algorithm` by the holder of `issuer_key`; nullopt for
// an algorithm or key/curve combination without one.
//   sha256/384/512WithRSAEncryption (RFC 4055) → rsa_pkcs1_sha256/384/512
//   ecdsa-with-SHA256 on P-256, -SHA384 on P-384 (RFC 5758) → ecdsa_secp256r1_sha256, …
//   RSASSA-PSS with SHA-256/384, MGF1 same hash, salt = hash length (RFC 4055)
//       → rsa_pss_rsae_* for an rsaEncryption key, rsa_pss_pss_* for an RSASSA-PSS key
//   Ed25519 (RFC 8410) → ed25519
constexpr std::optional<signature_scheme> signature_scheme_of(const algorithm_identifier& algorithm,
                                                              const public_key_info& issuer_key) noexcept {
  const der::oid sig = algorithm.algorithm;
  const der::oid key = issuer_key.algorithm.algorithm;
  const bool rsa_key = oid::rsa_encryption.matches(key);
  if (rsa_key && oid::sha256_with_rsa.matches(sig)) return signature_scheme::rsa_pkcs1_sha256;
  if (rsa_key && oid::sha384_with_rsa.matches(sig)) return signature_scheme::rsa_pkcs1_sha384;
  if (rsa_key && oid::sha512_with_rsa.matches(sig)) return signature_scheme::rsa_pkcs1_sha512;
  if (oid::ec_public_key.matches(key)) {
    const der::oid curve = issuer_key.curve();
    if (oid::ecdsa_with_sha256.matches(sig) && oid::secp256r1.matches(curve))
      return signature_scheme::ecdsa_secp256r1_sha256;
    if (oid::ecdsa_with_sha384.matches(sig) && oid::secp384r1.matches(curve))
      return signature_scheme::ecdsa_secp384r1_sha384;
    return std::nullopt;
  }
  if (oid::ed25519.matches(sig) && oid::ed25519.matches(key)) return signature_scheme::ed25519;
  if (oid::rsassa_pss.matches(sig) && (rsa_key || oid::rsassa_pss.matches(key))) {
    const bytes_view params = algorithm.parameters.raw;
    if (equal_bytes(params, as_view(verify_detail::pss_sha256_params)))
      return rsa_key ? signature_scheme::rsa_pss_rsae_sha256 : signature_scheme::rsa_pss_pss_sha256;
    if (equal_bytes(params, as_view(verify_detail::pss_sha384_params)))
      return rsa_key ? signature_scheme::rsa_pss_rsae_sha384 : signature_scheme::rsa_pss_pss_sha384;
  }
  return std::nullopt;
}

// RFC 5280 §6.1.3 (a)(2): notBefore <= now <= notAfter (both inclusive, §4.1.2.5).
constexpr verify_fault check_validity(const certificate& c, std::int64_t now_unix_seconds) noexcept {
  if (now_unix_seconds < c.not_before.unix_seconds()) return verify_fault::not_yet_valid;
  if (now_unix_seconds > c.not_after.unix_seconds()) return verify_fault::expired;
  return verify_fault::none;
}

// RFC 5280 §4.2: "A certificate-using system MUST reject the certificate if
// it encounters a critical extension it does not recognize". Recognised: the
// ones this header or certificate.hpp interprets, and those that only
// restrict uses TLS does not rely on here (extKeyUsage, policies).
constexpr verify_fault check_critical_extensions(const certificate& c) {
  verify_fault fault = verify_fault::none;
  c.for_each_extension([&](der::oid id, bool critical, bytes_view) {
    if (!critical) return;
    const bool known = oid::basic_constraints.matches(id) || oid::key_usage.matches(id) ||
                       oid::subject_alt_name.matches(id) || oid::ext_key_usage.matches(id) ||
                       oid::certificate_policies.matches(id);
    if (!known) fault = verify_fault::unhandled_critical_extension;
  });
  return fault;
}

// RFC 5280 §6.1.4 (k), (l), (n): `issuer` may sign a certificate with
// `intermediates_below` CA certificates between it and the leaf.
constexpr verify_fault check_issuer(const certificate& issuer, std::size_t intermediates_below) {
  const basic_constraints bc = issuer.constraints();
  if (!bc.ca) return verify_fault::issuer_not_ca;
  if (bc.path_length && intermediates_below > *bc.path_length) return verify_fault::path_too_long;
  const auto usage = issuer.key_usage();
  if (usage && (*usage & key_usage_key_cert_sign) == 0) return verify_fault::issuer_key_usage;
  return verify_fault::none;
}

// RFC 6125 §6.4.1, §6.4.3: `pattern` (a dNSName) names `host`. Case is
// ignored (ASCII, §6.4.1); a trailing dot of the host is ignored; a wildcard
// is only a whole left-most label "*" standing for exactly one non-empty
// label, and needs at least two labels after it ("*.com" matches nothing).
constexpr bool dns_name_matches(bytes_view pattern, std::string_view host) noexcept {
  if (!host.empty() && host.back() == '.') host.remove_suffix(1);
  if (host.empty() || pattern.empty()) return false;
  if (pattern.size() >= 2 && pattern[0] == '*' && pattern[1] == '.') {
    const bytes_view rest = pattern.subspan(2);  // "example.com"
    bool rest_has_dot = false;
    for (std::uint8_t b : rest) rest_has_dot = rest_has_dot || b == '.';
    const std::size_t dot = host.find('.');
    if (!rest_has_dot || dot == std::string_view::npos || dot == 0) return false;
    return verify_detail::equal_ignoring_case(rest, host.substr(dot + 1));
  }
  for (std::uint8_t b : pattern)
    if (b == '*') return false;  // partial wildcards ("f*.example.com") are not honoured
  return verify_detail::equal_ignoring_case(pattern, host);
}

// RFC 6125 §6.4: some subjectAltName dNSName of `leaf` matches `host`.
// RFC 6125 §6.4.4: with a subjectAltName present the CN is never consulted;
// this code never consults it (as the Web PKI requires SANs).
constexpr verify_fault check_host(const certificate& leaf, std::string_view host) {
  bool matched = false;
  leaf.for_each_subject_alt_name([&](const general_name& n) {
    if (n.form == general_name::kind::dns && dns_name_matches(n.value, host)) matched = true;
  });
  return matched ? verify_fault::none : verify_fault::host_mismatch;
}

// RFC 5280 §6.1.3 (a)(1): `issuer`'s key signed `subject` (its TBSCertificate).
// The outer signatureAlgorithm must equal the TBS one (RFC 5280 §4.1.1.2).
template <class P>
  requires signature_provider<P>
verify_fault check_signature(P& provider, const certificate& subject, const certificate& issuer) {
  if (!equal_bytes(subject.signature_algorithm.raw, subject.tbs_signature.raw)) return verify_fault::malformed;
  const auto scheme = signature_scheme_of(subject.signature_algorithm, issuer.public_key);
  if (!scheme || !provider_supports<P>(*scheme)) return verify_fault::unsupported_algorithm;
  const status s = provider.verify(issuer.public_key.raw, *scheme, subject.tbs.raw, subject.signature_value);
  if (s.ok()) return verify_fault::none;
  return s.error().alert == alert_description::decrypt_error ? verify_fault::bad_signature
                                                             : verify_fault::unsupported_algorithm;
}

struct verify_options {
  std::int64_t now = 0;          // unix seconds (x509::time::unix_seconds() scale)
  std::string_view host_name{};  // empty: no name check (e.g. a client certificate)
  std::size_t max_depth = 8;     // links followed above the leaf
};

// What a successful check found. Views into the caller's DER.
struct verified_chain {
  certificate leaf{};
  std::size_t anchor_index = 0;   // which trust anchor ended the path
  std::size_t intermediates = 0;  // chain certificates used between leaf and anchor
};

// Checks `chain` (leaf first, as in a Certificate message) against
// `trust_anchors`. On failure the error's alert is alert_for(fault), its
// offset the index in `chain` of the certificate at fault (for a fault of the
// anchor's signature, the certificate it should have signed), and `fault`
// (when given) says why.
template <class P>
  requires signature_provider<P>
result<verified_chain> verify_chain(P& provider, gsl::span<const bytes_view> chain,
                                    gsl::span<const bytes_view> trust_anchors, const verify_options& options,
                                    verify_fault* why = nullptr) {
  auto fail = [&](verify_fault f, std::size_t at) -> result<verified_chain> {
    if (why != nullptr) *why = f;
    return make_error(errc::bad_value, alert_for(f), at);
  };
  if (chain.empty()) return fail(verify_fault::malformed, 0);
  const auto leaf = decode<certificate>(chain[0]);
  if (!leaf) return fail(verify_fault::malformed, 0);
  if (const auto f = check_critical_extensions(*leaf); f != verify_fault::none) return fail(f, 0);
  if (const auto f = check_validity(*leaf, options.now); f != verify_fault::none) return fail(f, 0);
  if (!options.host_name.empty())
    if (const auto f = check_host(*leaf, options.host_name); f != verify_fault::none) return fail(f, 0);

  certificate current = *leaf;
  std::size_t current_index = 0;
  std::size_t intermediates = 0;
  for (std::size_t depth = 0; depth <= options.max_depth; ++depth) {
    // A trusted CA that signed `current` ends the path. A CA of the right
    // name whose signature does not verify is remembered, not final: another
    // anchor or a cross-signed intermediate may still carry the path.
    verify_fault near_miss = verify_fault::none;
    for (std::size_t a = 0; a < trust_anchors.size(); ++a) {
      const auto anchor = decode<certificate>(trust_anchors[a]);
      if (!anchor || !(anchor->subject == current.issuer)) continue;
      verify_fault f = check_issuer(*anchor, intermediates);
      if (f == verify_fault::none) f = check_validity(*anchor, options.now);
      if (f == verify_fault::none) f = check_signature(provider, current, *anchor);
      if (f == verify_fault::none) return verified_chain{*leaf, a, intermediates};
      near_miss = f;
    }
    // Otherwise the issuer must be among the certificates the peer sent.
    bool found = false;
    for (std::size_t j = 1; j < chain.size() && !found; ++j) {
      if (j == current_index) continue;
      const auto candidate = decode<certificate>(chain[j]);
      if (!candidate) return fail(verify_fault::malformed, j);
      if (!(candidate->subject == current.issuer)) continue;
      verify_fault f = check_issuer(*candidate, intermediates);
      if (f == verify_fault::none) f = check_critical_extensions(*candidate);
      if (f == verify_fault::none) f = check_validity(*candidate, options.now);
      if (f != verify_fault::none) return fail(f, j);
      f = check_signature(provider, current, *candidate);
      if (f != verify_fault::none) return fail(f, current_index);
      current = *candidate;
      current_index = j;
      ++intermediates;
      found = true;
    }
    if (!found) return fail(near_miss != verify_fault::none ? near_miss : verify_fault::unknown_issuer, current_index);
  }
  return fail(verify_fault::chain_too_long, current_index);
}

}  // namespace tlswire::x509
