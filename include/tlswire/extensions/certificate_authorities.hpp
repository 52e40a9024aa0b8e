#pragma once
// The certificate-selection extensions of RFC 8446: certificate_authorities
// (§4.2.4), oid_filters (§4.2.5) and post_handshake_auth (§4.2.6).
#include "tlswire/extensions/extension.hpp"
#include "tlswire/wire/vector.hpp"

namespace tlswire {

// RFC 8446 §4.2.4
//   opaque DistinguishedName<1..2^16-1>;
using distinguished_name = opaque_vector<1, 65535>;

// RFC 8446 §4.2.4 — ClientHello and CertificateRequest
//   struct {
//       DistinguishedName authorities<3..2^16-1>;
//   } CertificateAuthoritiesExtension;
struct certificate_authorities {
  static constexpr extension_type type = extension_type::certificate_authorities;
  item_vector<distinguished_name, 3, 65535> authorities;

  static constexpr certificate_authorities parse(reader& r) { return {decltype(authorities)::parse(r)}; }
  constexpr void encode(writer& w) const { authorities.encode(w); }
  friend constexpr bool operator==(const certificate_authorities&, const certificate_authorities&) = default;
};

// RFC 8446 §4.2.5
//   struct {
//       opaque certificate_extension_oid<1..2^8-1>;
//       opaque certificate_extension_values<0..2^16-1>;
//   } OIDFilter;
struct oid_filter {
  opaque_vector<1, 255> certificate_extension_oid;        // DER OID contents
  opaque_vector<0, 65535> certificate_extension_values;  // DER extension value

  static constexpr oid_filter parse(reader& r) noexcept {
    oid_filter f;
    f.certificate_extension_oid = decltype(certificate_extension_oid)::parse(r);
    f.certificate_extension_values = decltype(certificate_extension_values)::parse(r);
    return f;
  }
  constexpr void encode(writer& w) const noexcept {
    certificate_extension_oid.encode(w);
    certificate_extension_values.encode(w);
  }
  friend constexpr bool operator==(const oid_filter&, const oid_filter&) = default;
};

// RFC 8446 §4.2.5 — CertificateRequest only
//   struct {
//       OIDFilter filters<0..2^16-1>;
//   } OIDFilterExtension;
struct oid_filters {
  static constexpr extension_type type = extension_type::oid_filters;
  item_vector<oid_filter, 0, 65535> filters;

  static constexpr oid_filters parse(reader& r) { return {decltype(filters)::parse(r)}; }
  constexpr void encode(writer& w) const { filters.encode(w); }
  friend constexpr bool operator==(const oid_filters&, const oid_filters&) = default;
};

// RFC 8446 §4.2.6 — ClientHello
//   struct {} PostHandshakeAuth;
struct post_handshake_auth : empty_extension_body<post_handshake_auth> {
  static constexpr extension_type type = extension_type::post_handshake_auth;
};

}  // namespace tlswire
