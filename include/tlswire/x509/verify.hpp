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
//   - no critical extension this code does not interpret (RFC 5280 §4.2), the
//     trust anchor's included;
//   - every key on the path, the anchor's included, passes verify_policy: RSA
//     of at least min_rsa_bits (2048 by default), EC only on an allowed named
//     curve (P-256, P-384, P-521 by default), Ed25519;
//   - extKeyUsage, where present on any certificate of the path, names the
//     purpose asked for (serverAuth or clientAuth, RFC 5280 §4.2.1.12); the
//     leaf's keyUsage, where present, allows a TLS key (as OpenSSL's
//     X509_PURPOSE_SSL_SERVER/CLIENT). anyExtendedKeyUsage alone is refused
//     unless the policy accepts it: RFC 5280 §4.2.1.12 "Applications that
//     require the presence of a particular purpose MAY reject certificates
//     that include the anyExtendedKeyUsage OID but not the particular OID
//     expected for the application" (OpenSSL refuses it too);
//   - nameConstraints of every CA on the path, the anchor's included (RFC 5280
//     §4.2.1.10, §6.1.3 (b)), for dNSName and iPAddress names: permitted and
//     excluded subtrees, applied to every subjectAltName below the CA (self-
//     issued intermediates exempt). A CA whose constraints name any other form
//     (rfc822Name, directoryName, URI, ...) is refused as a whole
//     (unsupported_name_constraint): never silently unchecked.
// Then the leaf must name the host (RFC 6125 §6.4 / RFC 9525 §6.3): a host
// that is an IP address literal only against iPAddress subjectAltNames, byte
// for byte; any other host against dNSName ones (exact, or a left-most-label
// wildcard); the CN is never consulted.
//
// Not done here: revocation (CRL/OCSP), certificate policies. Nothing
// allocates; everything but the signature check is constexpr. Alerts follow
// RFC 8446 §6.2 (and OpenSSL's mapping): malformed → bad_certificate,
// outside its validity → certificate_expired, no trusted issuer → unknown_ca,
// a signature that does not verify → decrypt_error, an algorithm, key type,
// purpose, name-constraint form or critical extension not handled →
// unsupported_certificate, other failures (issuer not a CA, path too long,
// key too small, a name outside the constraints, host mismatch) → bad_certificate.
//
// Layering: this header includes crypto/concepts.hpp (which needs only wire/
// and registry/) for the provider's `verify`; nothing below crypto/ includes
// this header, so no cycle appears.
#include <array>
#include <bit>
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
  host_mismatch,               // no subjectAltName dNSName / iPAddress matches (RFC 6125 §6.4)
  chain_too_long,              // more links than verify_options::max_depth
  key_too_small,               // RSA modulus below verify_policy::min_rsa_bits
  key_not_allowed,             // a key type or EC curve not in verify_policy
  wrong_purpose,               // extKeyUsage / leaf keyUsage excludes the purpose (RFC 5280 §4.2.1.12, §4.2.1.3)
  name_not_permitted,          // a name outside every permitted subtree (RFC 5280 §4.2.1.10)
  name_excluded,               // a name inside an excluded subtree (RFC 5280 §4.2.1.10)
  unsupported_name_constraint,  // a constraint on a name form other than dNSName / iPAddress
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
    case verify_fault::key_too_small: return "key too small";
    case verify_fault::key_not_allowed: return "key type or curve not allowed";
    case verify_fault::wrong_purpose: return "certificate not for this purpose";
    case verify_fault::name_not_permitted: return "name outside the permitted subtrees";
    case verify_fault::name_excluded: return "name inside an excluded subtree";
    case verify_fault::unsupported_name_constraint: return "unsupported name constraint form";
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
    case verify_fault::unhandled_critical_extension:
    case verify_fault::key_not_allowed:
    case verify_fault::wrong_purpose:
    case verify_fault::unsupported_name_constraint: return alert_description::unsupported_certificate;
    case verify_fault::none: return alert_description::internal_error;
    default: return alert_description::bad_certificate;
  }
}

// keyUsage bits (RFC 5280 §4.2.1.3), as certificate::key_usage() numbers them.
inline constexpr std::uint16_t key_usage_digital_signature = 1u << 0;
inline constexpr std::uint16_t key_usage_key_encipherment = 1u << 2;
inline constexpr std::uint16_t key_usage_key_agreement = 1u << 4;
inline constexpr std::uint16_t key_usage_key_cert_sign = 1u << 5;

// What the leaf is checked for: RFC 5280 §4.2.1.12 id-kp-serverAuth / id-kp-clientAuth.
enum class key_purpose : std::uint8_t { server_auth, client_auth };

// The named curves an EC key may use unless the caller says otherwise.
inline constexpr std::array<const known_oid*, 3> default_curves{&oid::secp256r1, &oid::secp384r1, &oid::secp521r1};

// The caller-adjustable part of the policy, applied to every key on the path.
struct verify_policy {
  std::size_t min_rsa_bits = 2048;  // NIST SP 800-131A / CA/B Forum minimum
  gsl::span<const known_oid* const> curves = default_curves;
  bool allow_ed25519 = true;
  bool accept_any_extended_key_usage = false;  // see the header comment (RFC 5280 "MAY reject")
};

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
constexpr bool equal_ignoring_case(bytes_view a, bytes_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

constexpr int hex_digit(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Colon-separated IPv6 groups of 1-4 hex digits ("" is none) appended to `out`.
constexpr bool parse_ipv6_groups(std::string_view s, std::array<std::uint16_t, 8>& out, std::size_t& n) noexcept {
  if (s.empty()) return true;
  while (true) {
    const std::size_t colon = s.find(':');
    const std::string_view group = s.substr(0, colon);
    if (group.empty() || group.size() > 4 || n == 8) return false;
    std::uint16_t v = 0;
    for (char c : group) {
      const int d = hex_digit(c);
      if (d < 0) return false;
      v = static_cast<std::uint16_t>(v * 16 + d);
    }
    out[n++] = v;
    if (colon == std::string_view::npos) return true;
    s.remove_prefix(colon + 1);
  }
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

// An IP address as iPAddress holds it (RFC 5280 §4.2.1.6): 4 or 16 octets.
struct ip_address {
  std::array<std::uint8_t, 16> octets{};
  std::size_t size = 0;
  constexpr bytes_view view() const noexcept { return bytes_view(octets.data(), size); }
};

// A host that is written as an IP address: it has a ':' (IPv6) or its last
// label is all digits (no DNS top-level label is, RFC 3696 §2). Such a host is
// never matched against dNSNames (RFC 9525 §6.2.1), even when it does not parse.
constexpr bool is_ip_literal(std::string_view host) noexcept {
  if (host.find(':') != std::string_view::npos) return true;
  const std::size_t dot = host.rfind('.');
  const std::string_view last = dot == std::string_view::npos ? host : host.substr(dot + 1);
  if (last.empty()) return false;
  for (char c : last)
    if (c < '0' || c > '9') return false;
  return true;
}

// RFC 6125 §6.2.1 / RFC 9525 §6.2.1: the dotted-decimal IPv4 form (four
// decimal octets, no leading zeros, which some parsers read as octal) or the
// RFC 4291 §2.2 IPv6 forms 1 and 2 ("::" at most once); the mixed IPv4-in-IPv6
// form 3 is not accepted. nullopt for anything else.
constexpr std::optional<ip_address> parse_ip_address(std::string_view s) noexcept {
  ip_address a;
  if (s.find(':') == std::string_view::npos) {
    for (std::size_t i = 0; i < 4; ++i) {
      const std::size_t dot = s.find('.');
      if ((i < 3) == (dot == std::string_view::npos)) return std::nullopt;
      const std::string_view part = s.substr(0, dot);
      if (part.empty() || part.size() > 3 || (part.size() > 1 && part[0] == '0')) return std::nullopt;
      unsigned v = 0;
      for (char c : part) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + static_cast<unsigned>(c - '0');
      }
      if (v > 255) return std::nullopt;
      a.octets[i] = static_cast<std::uint8_t>(v);
      if (i < 3) s.remove_prefix(dot + 1);
    }
    a.size = 4;
    return a;
  }
  std::array<std::uint16_t, 8> head{}, tail{};
  std::size_t heads = 0, tails = 0;
  const std::size_t gap = s.find("::");
  if (gap == std::string_view::npos) {
    if (!verify_detail::parse_ipv6_groups(s, head, heads) || heads != 8) return std::nullopt;
  } else {
    const std::string_view after = s.substr(gap + 2);
    if (after.find("::") != std::string_view::npos) return std::nullopt;
    if (!verify_detail::parse_ipv6_groups(s.substr(0, gap), head, heads) ||
        !verify_detail::parse_ipv6_groups(after, tail, tails) || heads + tails > 7)
      return std::nullopt;
  }
  for (std::size_t i = 0; i < heads; ++i) {
    a.octets[2 * i] = static_cast<std::uint8_t>(head[i] >> 8);
    a.octets[2 * i + 1] = static_cast<std::uint8_t>(head[i]);
  }
  for (std::size_t i = 0; i < tails; ++i) {
    a.octets[16 - 2 * (tails - i)] = static_cast<std::uint8_t>(tail[i] >> 8);
    a.octets[16 - 2 * (tails - i) + 1] = static_cast<std::uint8_t>(tail[i]);
  }
  a.size = 16;
  return a;
}

// The size in bits of an RSA key (its modulus), 0 for other keys.
constexpr std::size_t rsa_key_bits(const public_key_info& key) noexcept {
  const bytes_view m = key.rsa_modulus();
  return m.empty() ? 0 : (m.size() - 1) * 8 + static_cast<std::size_t>(std::bit_width(unsigned{m[0]}));
}

// The key policy for one certificate's subjectPublicKeyInfo.
constexpr verify_fault check_key(const public_key_info& key, const verify_policy& policy) noexcept {
  const der::oid type = key.algorithm.algorithm;
  if (oid::rsa_encryption.matches(type) || oid::rsassa_pss.matches(type)) {
    return rsa_key_bits(key) >= policy.min_rsa_bits ? verify_fault::none : verify_fault::key_too_small;
  }
  if (oid::ec_public_key.matches(type)) {
    for (const known_oid* curve : policy.curves)
      if (curve->matches(key.curve())) return verify_fault::none;
    return verify_fault::key_not_allowed;
  }
  if (oid::ed25519.matches(type) && policy.allow_ed25519) return verify_fault::none;
  return verify_fault::key_not_allowed;
}

// RFC 5280 §4.2.1.12: where extKeyUsage is present it must name `purpose`
// (or anyExtendedKeyUsage, if the policy takes it). For the leaf also
// §4.2.1.3 keyUsage, where present, must allow a TLS key: digitalSignature,
// keyEncipherment (RSA key transport) or keyAgreement for a server,
// digitalSignature or keyAgreement for a client (OpenSSL's rule too).
constexpr verify_fault check_purpose(const certificate& c, key_purpose purpose, const verify_policy& policy,
                                     bool leaf) {
  const known_oid& wanted = purpose == key_purpose::server_auth ? oid::server_auth : oid::client_auth;
  bool named = false;
  const bool present = c.for_each_extended_key_usage([&](der::oid id) {
    if (wanted.matches(id) || (policy.accept_any_extended_key_usage && oid::any_extended_key_usage.matches(id)))
      named = true;
  });
  if (present && !named) return verify_fault::wrong_purpose;
  if (!leaf) return verify_fault::none;
  const std::uint16_t tls_usage =
      purpose == key_purpose::server_auth
          ? key_usage_digital_signature | key_usage_key_encipherment | key_usage_key_agreement
          : key_usage_digital_signature | key_usage_key_agreement;
  const auto usage = c.key_usage();
  return usage && (*usage & tls_usage) == 0 ? verify_fault::wrong_purpose : verify_fault::none;
}

// RFC 5280 §4.2.1.10: a dNSName `name` is within the subtree `base` when it
// is `base` with zero or more labels added on the left ("example.com" holds
// "example.com" and "www.example.com", not "wwwexample.com"); a base with a
// leading dot holds only names below it; an empty base holds every name.
// ASCII case is ignored. (The same reading as OpenSSL's nc_dns.)
constexpr bool dns_name_within(bytes_view name, bytes_view base) noexcept {
  if (base.empty()) return true;
  if (name.size() < base.size()) return false;
  const std::size_t extra = name.size() - base.size();
  if (extra > 0 && base[0] != '.' && name[extra - 1] != '.') return false;
  return verify_detail::equal_ignoring_case(name.subspan(extra), base);
}

// RFC 5280 §4.2.1.10: an iPAddress subtree is an address and a mask (8
// octets for IPv4, 32 for IPv6); `address` is within it when the masked bits agree.
constexpr bool ip_address_within(bytes_view address, bytes_view base) noexcept {
  if (base.size() != 2 * address.size()) return false;
  for (std::size_t i = 0; i < address.size(); ++i) {
    const std::uint8_t mask = base[address.size() + i];
    if ((address[i] & mask) != (base[i] & mask)) return false;
  }
  return true;
}

// RFC 5280 §4.2.1.10 / §6.1.3 (b), (c): every dNSName and iPAddress of
// `subject`'s subjectAltName lies within some permitted subtree of its form
// (when `ca` permits any of that form) and within no excluded one.
constexpr verify_fault check_name_constraints(const certificate& ca, const certificate& subject) {
  const auto nc = ca.name_constraints();
  if (!nc) return verify_fault::none;
  using kind = general_name::kind;
  bool unsupported = false;
  auto supported = [&](const general_name& base) {
    if (base.form != kind::dns && base.form != kind::ip) unsupported = true;
  };
  name_constraints::for_each_base(nc->permitted, supported);
  name_constraints::for_each_base(nc->excluded, supported);
  if (unsupported) return verify_fault::unsupported_name_constraint;

  auto within = [](const general_name& name, const general_name& base) {
    return name.form == kind::dns ? dns_name_within(name.value, base.value)
                                  : ip_address_within(name.value, base.value);
  };
  verify_fault fault = verify_fault::none;
  subject.for_each_subject_alt_name([&](const general_name& name) {
    if (fault != verify_fault::none || (name.form != kind::dns && name.form != kind::ip)) return;
    bool constrained = false, permitted = false, excluded = false;
    name_constraints::for_each_base(nc->permitted, [&](const general_name& base) {
      if (base.form != name.form) return;
      constrained = true;
      permitted = permitted || within(name, base);
    });
    name_constraints::for_each_base(nc->excluded, [&](const general_name& base) {
      excluded = excluded || (base.form == name.form && within(name, base));
    });
    if (constrained && !permitted) fault = verify_fault::name_not_permitted;
    else if (excluded) fault = verify_fault::name_excluded;
  });
  return fault;
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
                       oid::name_constraints.matches(id) || oid::certificate_policies.matches(id);
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

// RFC 6125 §6.4: some subjectAltName of `leaf` names `host`. An IP address
// literal is compared with iPAddress entries only, octet for octet (RFC 6125
// §6.4.4 / RFC 9525 §6.3: "the reference identity [...] MUST be [...]
// compared with the iPAddress"); never with a dNSName, so "*.0.0.1" cannot
// name 127.0.0.1. Any other host is compared with dNSName entries.
// RFC 6125 §6.4.4: with a subjectAltName present the CN is never consulted;
// this code never consults it (as the Web PKI requires SANs).
constexpr verify_fault check_host(const certificate& leaf, std::string_view host) {
  bool matched = false;
  if (is_ip_literal(host)) {
    const auto ip = parse_ip_address(host);
    if (!ip) return verify_fault::host_mismatch;
    leaf.for_each_subject_alt_name([&](const general_name& n) {
      if (n.form == general_name::kind::ip && equal_bytes(n.value, ip->view())) matched = true;
    });
  } else {
    leaf.for_each_subject_alt_name([&](const general_name& n) {
      if (n.form == general_name::kind::dns && dns_name_matches(n.value, host)) matched = true;
    });
  }
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
  std::string_view host_name{};  // DNS name or IP literal; empty: no name check (e.g. a client certificate)
  std::size_t max_depth = 8;     // links followed above the leaf (at most max_verify_depth)
  key_purpose purpose = key_purpose::server_auth;
  verify_policy policy{};
};

// The most links verify_chain follows above the leaf, whatever max_depth says:
// the path it keeps for name constraints is a fixed array (no allocation).
inline constexpr std::size_t max_verify_depth = 16;

// The checks every certificate on the path gets, whoever holds it (RFC 5280
// §6.1.3 (a)(2), §4.2, and the policy): critical extensions, validity, key, purpose.
constexpr verify_fault check_certificate(const certificate& c, const verify_options& options, bool leaf) {
  verify_fault f = check_critical_extensions(c);
  if (f == verify_fault::none) f = check_validity(c, options.now);
  if (f == verify_fault::none) f = check_key(c.public_key, options.policy);
  if (f == verify_fault::none) f = check_purpose(c, options.purpose, options.policy, leaf);
  return f;
}

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
  if (const auto f = check_certificate(*leaf, options, true); f != verify_fault::none) return fail(f, 0);
  if (!options.host_name.empty())
    if (const auto f = check_host(*leaf, options.host_name); f != verify_fault::none) return fail(f, 0);

  // The path so far, leaf first, as indices into `chain`: each CA's name
  // constraints apply to every certificate below it (RFC 5280 §6.1.3 (b)),
  // self-issued intermediates excepted, the leaf never.
  std::array<std::size_t, max_verify_depth + 2> path{};
  std::size_t path_size = 1;
  struct fault_at {
    verify_fault fault = verify_fault::none;
    std::size_t index = 0;
  };
  auto constraints_below = [&](const certificate& ca) -> fault_at {
    for (std::size_t k = 0; k < path_size; ++k) {
      const auto below = decode<certificate>(chain[path[k]]);  // decoded before: cannot fail
      if (!below || (k > 0 && below->self_issued())) continue;
      if (const auto f = check_name_constraints(ca, *below); f != verify_fault::none) return {f, path[k]};
    }
    return {};
  };

  certificate current = *leaf;
  std::size_t current_index = 0;
  std::size_t intermediates = 0;
  const std::size_t max_depth = options.max_depth < max_verify_depth ? options.max_depth : max_verify_depth;
  for (std::size_t depth = 0; depth <= max_depth; ++depth) {
    // A trusted CA that signed `current` ends the path. A CA of the right
    // name that fails a check is remembered, not final: another anchor or a
    // cross-signed intermediate may still carry the path. The anchor gets the
    // same checks as any CA on the path (its critical extensions, key, purpose
    // and name constraints), as OpenSSL applies them.
    fault_at near_miss{};
    for (std::size_t a = 0; a < trust_anchors.size(); ++a) {
      const auto anchor = decode<certificate>(trust_anchors[a]);
      if (!anchor || !(anchor->subject == current.issuer)) continue;
      fault_at f{check_issuer(*anchor, intermediates), current_index};
      if (f.fault == verify_fault::none) f.fault = check_certificate(*anchor, options, false);
      if (f.fault == verify_fault::none) f = constraints_below(*anchor);
      if (f.fault == verify_fault::none) f = {check_signature(provider, current, *anchor), current_index};
      if (f.fault == verify_fault::none) return verified_chain{*leaf, a, intermediates};
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
      if (f == verify_fault::none) f = check_certificate(*candidate, options, false);
      if (f != verify_fault::none) return fail(f, j);
      if (const auto nc = constraints_below(*candidate); nc.fault != verify_fault::none)
        return fail(nc.fault, nc.index);
      f = check_signature(provider, current, *candidate);
      if (f != verify_fault::none) return fail(f, current_index);
      current = *candidate;
      current_index = j;
      path[path_size++] = j;
      ++intermediates;
      found = true;
    }
    if (!found) {
      if (near_miss.fault != verify_fault::none) return fail(near_miss.fault, near_miss.index);
      return fail(verify_fault::unknown_issuer, current_index);
    }
  }
  return fail(verify_fault::chain_too_long, current_index);
}

}  // namespace tlswire::x509
