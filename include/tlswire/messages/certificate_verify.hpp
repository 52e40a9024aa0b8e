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
#include <string_view>

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

// RFC 8446 §4.4.3: what a TLS 1.3 CertificateVerify signs —
//   64 bytes of 0x20 || context string || 0x00 || Transcript-Hash
// with the context "TLS 1.3, server CertificateVerify" or "TLS 1.3, client
// CertificateVerify". Written into `out` (certificate_verify_content_max
// bytes hold any hash up to 64 bytes); returns the bytes written, empty when
// out is too small.
inline constexpr std::size_t certificate_verify_content_max = 64 + 33 + 1 + 64;

constexpr bytes_view certificate_verify_content(sender from, bytes_view transcript_hash,
                                                mutable_bytes out) noexcept {
  constexpr std::string_view server_context = "TLS 1.3, server CertificateVerify";
  constexpr std::string_view client_context = "TLS 1.3, client CertificateVerify";
  const std::string_view context = from == sender::server ? server_context : client_context;
  writer w(out);
  w.fill(64, 0x20);
  for (char c : context) w.u8(static_cast<std::uint8_t>(c));
  w.u8(0);
  w.bytes(transcript_hash);
  return w.ok() ? w.written() : bytes_view{};
}

// RFC 8446 §4.4.3: the algorithm "MUST be one offered in the [peer's]
// signature_algorithms extension"; otherwise illegal_parameter (the alert
// deployed stacks send; the RFC names none). Not applicable before 1.2.
constexpr status validate(const certificate_verify& cv, const code_vector<signature_scheme, 2, 65534>& offered) noexcept {
  if (cv.signed_content.has_algorithm && !offered.contains(cv.algorithm()))
    return make_error(errc::bad_value, alert_description::illegal_parameter, no_offset);
  return {};
}

}  // namespace tlswire
