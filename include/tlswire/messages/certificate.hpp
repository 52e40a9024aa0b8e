#pragma once
// RFC 5246 §7.4.2 / RFC 8446 §4.4.2: Certificate, in its TLS 1.2 and TLS 1.3
// forms side by side; RFC 7250 §3 raw public keys in both.
//
// TLS 1.2 (RFC 5246 §7.4.2, RFC 7250 §3):
//   opaque ASN.1Cert<1..2^24-1>;
//   struct {
//       select(certificate_type) {
//           case RawPublicKey: opaque ASN.1_subjectPublicKeyInfo<1..2^24-1>;
//           case X.509:        ASN.1Cert certificate_list<0..2^24-1>;
//       };
//   } Certificate;
//
// TLS 1.3 (RFC 8446 §4.4.2):
//   struct {
//       select (certificate_type) {
//           case RawPublicKey: opaque ASN1_subjectPublicKeyInfo<1..2^24-1>;
//           case X509:         opaque cert_data<1..2^24-1>;
//       };
//       Extension extensions<0..2^16-1>;
//   } CertificateEntry;
//
//   struct {
//       opaque certificate_request_context<0..2^8-1>;
//       CertificateEntry certificate_list<0..2^24-1>;
//   } Certificate;
//
// The certificate type (negotiated by server_certificate_type /
// client_certificate_type, X.509 otherwise) is a parse parameter: it changes
// the 1.2 wire shape and the meaning of a 1.3 entry's bytes.
#include <cstddef>

#include "tlswire/extensions/allowed.hpp"
#include "tlswire/extensions/extension.hpp"
#include "tlswire/messages/message_common.hpp"
#include "tlswire/registry/certificate_type.hpp"
#include "tlswire/registry/handshake_type.hpp"

namespace tlswire {

// RFC 5246 §7.4.2: opaque ASN.1Cert<1..2^24-1>;
using asn1_cert = opaque_vector<1, 16777215>;

// RFC 5246 §7.4.2 Certificate (TLS 1.2 and earlier).
struct tls12_certificate {
  static constexpr handshake_type type = handshake_type::certificate;
  tlswire::certificate_type certificate_type = tlswire::certificate_type::x509;
  item_vector<asn1_cert, 0, 16777215> certificate_list{};  // X.509 (and any type but RPK)
  asn1_cert raw_public_key{};  // RFC 7250: RawPublicKey, a DER SubjectPublicKeyInfo

  static constexpr tls12_certificate parse(reader& r, tlswire::certificate_type cert_type =
                                                          tlswire::certificate_type::x509) {
    tls12_certificate c;
    c.certificate_type = cert_type;
    if (cert_type == tlswire::certificate_type::raw_public_key) {
      c.raw_public_key = asn1_cert::parse(r);
    } else {
      c.certificate_list = decltype(certificate_list)::parse(r);
    }
    return c;
  }
  constexpr void encode(writer& w) const {
    if (certificate_type == tlswire::certificate_type::raw_public_key) return raw_public_key.encode(w);
    certificate_list.encode(w);
  }
  constexpr void encode_message(writer& w) const { encode_handshake(w, *this); }
  constexpr bool empty() const {
    return certificate_type == tlswire::certificate_type::raw_public_key ? raw_public_key.empty()
                                                                         : certificate_list.empty();
  }
  friend constexpr bool operator==(const tls12_certificate&, const tls12_certificate&) = default;
};

// RFC 8446 §4.4.2 CertificateEntry.
struct certificate_entry {
  asn1_cert cert_data{};  // X.509 DER, or a SubjectPublicKeyInfo (RawPublicKey)
  extension_list extensions{};

  static constexpr certificate_entry parse(reader& r) noexcept {
    certificate_entry e;
    e.cert_data = asn1_cert::parse(r);
    e.extensions = extension_list::parse(r);
    return e;
  }
  constexpr void encode(writer& w) const noexcept {
    cert_data.encode(w);
    extensions.encode(w);
  }
  friend constexpr bool operator==(const certificate_entry&, const certificate_entry&) = default;
};

// RFC 8446 §4.4.2 Certificate (TLS 1.3).
struct tls13_certificate {
  static constexpr handshake_type type = handshake_type::certificate;
  tlswire::certificate_type certificate_type = tlswire::certificate_type::x509;  // not on the wire
  opaque_vector<0, 255> certificate_request_context{};
  item_vector<certificate_entry, 0, 16777215> certificate_list{};

  static constexpr tls13_certificate parse(reader& r, tlswire::certificate_type cert_type =
                                                          tlswire::certificate_type::x509) {
    tls13_certificate c;
    c.certificate_type = cert_type;
    c.certificate_request_context = decltype(certificate_request_context)::parse(r);
    c.certificate_list = decltype(certificate_list)::parse(r);
    return c;
  }
  constexpr void encode(writer& w) const {
    certificate_request_context.encode(w);
    certificate_list.encode(w);
  }
  constexpr void encode_message(writer& w) const { encode_handshake(w, *this); }
  // The end-entity certificate's bytes (the first entry), or empty.
  constexpr bytes_view end_entity() const {
    for (const certificate_entry& e : certificate_list) return e.cert_data.bytes;
    return {};
  }
  friend constexpr bool operator==(const tls13_certificate& a, const tls13_certificate& b) {
    return a.certificate_request_context == b.certificate_request_context &&
           a.certificate_list == b.certificate_list;
  }
};

// RFC 5246 §7.4.2 / §7.4.6: the server's Certificate "MUST" carry one;
// a client with no certificate sends an empty list. A client receiving an
// empty server Certificate fails the handshake — RFC 5246 names no alert;
// decode_error as in RFC 8446 §4.4.2.4.
constexpr status validate(const tls12_certificate& c, sender from) {
  if (from == sender::server && c.empty()) return make_error(errc::length_out_of_range, no_offset);
  return {};
}

// RFC 8446 §4.4.2, §4.4.2.4 — the TLS 1.3 rules, apart from parse:
//   - a server's Certificate has an empty certificate_request_context
//     (illegal_parameter) and at least one entry (decode_error, §4.4.2.4);
//   - a client's echoes the CertificateRequest's context (illegal_parameter);
//   - each entry's extensions: no duplicate and only what the §4.2 table
//     allows in CT (illegal_parameter), each one requested (by the
//     ClientHello for a server's, the CertificateRequest for a client's:
//     unsupported_extension).
constexpr status validate(const tls13_certificate& c, sender from, const extension_list& requested,
                          bytes_view request_context = {}) {
  if (from == sender::server) {
    if (!c.certificate_request_context.empty())
      return make_error(errc::bad_value, alert_description::illegal_parameter, no_offset);
    if (c.certificate_list.empty()) return make_error(errc::length_out_of_range, alert_description::decode_error, no_offset);
  } else if (!equal_bytes(c.certificate_request_context.bytes, request_context)) {
    return make_error(errc::bad_value, alert_description::illegal_parameter, no_offset);
  }
  for (const certificate_entry& e : c.certificate_list)
    TLSWIRE_CHECK(validate_extensions(e.extensions, message_context::certificate, requested));
  return {};
}

}  // namespace tlswire
