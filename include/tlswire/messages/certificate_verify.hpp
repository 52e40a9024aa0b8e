#pragma once
// RFC 8446 §4.4.3 / RFC 5246 §7.4.8: CertificateVerify.
//
// TLS 1.3 (RFC 8446 §4.4.3):
//   struct {
//       SignatureScheme algorithm;
//       opaque signature<0..2^16-1>;
//   } CertificateVerify;
//
// TLS 1.2 (RFC 5246 §7.4.8): `digitally-signed struct { ... }`, which on the
// wire is DigitallySigned { SignatureAndHashAlgorithm; opaque<0..2^16-1> } —
// the same bytes; TLS 1.0/1.1: the signature alone.
#include "tlswire/messages/message_common.hpp"
#include "tlswire/registry/handshake_type.hpp"
#include "tlswire/registry/signature_scheme.hpp"

namespace tlswire {

// RFC 8446 §4.4.3 CertificateVerify (and RFC 5246 §7.4.8's, by version).
struct certificate_verify {
  static constexpr handshake_type type = handshake_type::certificate_verify;
  digitally_signed signed_content{};  // algorithm + signature

  static constexpr certificate_verify parse(reader& r, protocol_version version = protocol_version::tls13) noexcept {
    return {digitally_signed::parse(r, version)};
  }
  constexpr void encode(writer& w) const noexcept { signed_content.encode(w); }
  constexpr void encode_message(writer& w) const { encode_handshake(w, *this); }

  constexpr signature_scheme algorithm() const noexcept { return signed_content.algorithm; }
  constexpr bytes_view signature() const noexcept { return signed_content.signature.bytes; }
  friend constexpr bool operator==(const certificate_verify&, const certificate_verify&) = default;
};

// RFC 8446 §4.4.3: the algorithm "MUST be one offered in the [peer's]
// signature_algorithms extension"; otherwise illegal_parameter (the alert
// deployed stacks send; the RFC names none). Not applicable before 1.2.
constexpr status validate(const certificate_verify& cv, const code_vector<signature_scheme, 2, 65534>& offered) noexcept {
  if (cv.signed_content.has_algorithm && !offered.contains(cv.algorithm()))
    return make_error(errc::bad_value, alert_description::illegal_parameter, no_offset);
  return {};
}

}  // namespace tlswire
