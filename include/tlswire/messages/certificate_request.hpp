#pragma once
// RFC 5246 §7.4.4 / RFC 8446 §4.3.2: CertificateRequest, in its TLS 1.2
// and TLS 1.3 forms side by side.
//
// TLS 1.2 (RFC 5246 §7.4.4; TLS 1.0/1.1 lack supported_signature_algorithms):
//   struct {
//       ClientCertificateType certificate_types<1..2^8-1>;
//       SignatureAndHashAlgorithm
//         supported_signature_algorithms<2^16-1>;   /* <2..2^16-2> */
//       DistinguishedName certificate_authorities<0..2^16-1>;
//   } CertificateRequest;
//
// TLS 1.3 (RFC 8446 §4.3.2):
//   struct {
//       opaque certificate_request_context<0..2^8-1>;
//       Extension extensions<2..2^16-1>;
//   } CertificateRequest;
#include "tlswire/extensions/allowed.hpp"
#include "tlswire/extensions/certificate_authorities.hpp"  // distinguished_name
#include "tlswire/extensions/extension.hpp"
#include "tlswire/messages/message_common.hpp"
#include "tlswire/registry/client_certificate_type.hpp"
#include "tlswire/registry/handshake_type.hpp"
#include "tlswire/registry/signature_scheme.hpp"

namespace tlswire {

// RFC 5246 §7.4.4 CertificateRequest (TLS 1.2 and earlier).
struct tls12_certificate_request {
  static constexpr handshake_type type = handshake_type::certificate_request;
  code_vector<client_certificate_type, 1, 255> certificate_types{};
  // RFC 5246 §7.4.4; absent before TLS 1.2 (has_signature_algorithms false).
  bool has_signature_algorithms = true;
  code_vector<signature_scheme, 2, 65534> supported_signature_algorithms{};
  item_vector<distinguished_name, 0, 65535> certificate_authorities{};

  static constexpr tls12_certificate_request parse(reader& r, protocol_version version = protocol_version::tls12) {
    tls12_certificate_request c;
    c.certificate_types = decltype(certificate_types)::parse(r);
    c.has_signature_algorithms = signs_with_algorithm(version);
    if (c.has_signature_algorithms)
      c.supported_signature_algorithms = decltype(supported_signature_algorithms)::parse(r);
    c.certificate_authorities = decltype(certificate_authorities)::parse(r);
    return c;
  }
  constexpr void encode(writer& w) const {
    certificate_types.encode(w);
    if (has_signature_algorithms) supported_signature_algorithms.encode(w);
    certificate_authorities.encode(w);
  }
  constexpr void encode_message(writer& w) const { encode_handshake(w, *this); }
  friend constexpr bool operator==(const tls12_certificate_request&, const tls12_certificate_request&) = default;
};

// RFC 8446 §4.3.2 CertificateRequest (TLS 1.3).
struct tls13_certificate_request {
  static constexpr handshake_type type = handshake_type::certificate_request;
  opaque_vector<0, 255> certificate_request_context{};
  extension_list extensions{};  // <2..2^16-1>

  static constexpr tls13_certificate_request parse(reader& r) noexcept {
    tls13_certificate_request c;
    c.certificate_request_context = decltype(certificate_request_context)::parse(r);
    c.extensions = parse_extension_block<2, 65535>(r);
    return c;
  }
  constexpr void encode(writer& w) const noexcept {
    certificate_request_context.encode(w);
    encode_extension_block<2, 65535>(w, extensions);
  }
  constexpr void encode_message(writer& w) const { encode_handshake(w, *this); }
  friend constexpr bool operator==(const tls13_certificate_request&, const tls13_certificate_request&) = default;
};

// RFC 8446 §4.3.2 — the TLS 1.3 rules, apart from parse:
//   - no duplicate, only what the §4.2 table allows in CR (illegal_parameter;
//     unknown extensions are ignored, as in any request);
//   - "The "signature_algorithms" extension MUST be specified"
//     (missing_extension);
//   - during the handshake the context "SHALL be zero length"
//     (illegal_parameter); post-handshake it must be non-empty to be told
//     apart (§4.6.2, "unique").
constexpr status validate(const tls13_certificate_request& c, bool post_handshake = false) noexcept {
  if (c.certificate_request_context.empty() == post_handshake)
    return make_error(errc::bad_value, alert_description::illegal_parameter, no_offset);
  TLSWIRE_CHECK(validate_extensions(c.extensions, message_context::certificate_request));
  if (!c.extensions.contains(extension_type::signature_algorithms))
    return make_error(errc::missing_extension, c.extensions.wire_offset());
  return {};
}

// RFC 5246 §7.4.4: nothing beyond the syntax (whose <1..> and <2..> bounds
// parse already checks); kept for symmetry with the 1.3 form.
constexpr status validate(const tls12_certificate_request&) noexcept { return {}; }

}  // namespace tlswire
