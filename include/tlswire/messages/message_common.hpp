#pragma once
// Pieces the handshake messages share: the version test that decides the
// wire shape, TLS 1.2's DigitallySigned, an extensions block with bounds
// other than <0..2^16-1>, and decoding a typed body out of a reassembled
// handshake_message.
#include <cstddef>
#include <cstdint>

#include "tlswire/extensions/extension.hpp"
#include "tlswire/messages/handshake.hpp"
#include "tlswire/registry/protocol_version.hpp"
#include "tlswire/registry/signature_scheme.hpp"
#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/codec.hpp"
#include "tlswire/wire/reader.hpp"
#include "tlswire/wire/result.hpp"
#include "tlswire/wire/vector.hpp"
#include "tlswire/wire/writer.hpp"

namespace tlswire {

// RFC 5246 §7.4.1.4.1: TLS 1.2 added SignatureAndHashAlgorithm in front of
// every signature; TLS 1.0/1.1 (and SSL 3.0) sign with an implied MD5+SHA-1
// or SHA-1 and send the signature alone. DTLS 1.2 follows TLS 1.2.
constexpr bool signs_with_algorithm(protocol_version v) noexcept {
  switch (v) {
    case protocol_version::ssl3:
    case protocol_version::tls10:
    case protocol_version::tls11:
    case protocol_version::dtls10:
      return false;
    default:
      return true;
  }
}

// Which side sent a message: some rules differ (RFC 8446 §4.4.2.4: an empty
// server Certificate is decode_error, an empty client one is allowed).
enum class sender : std::uint8_t { client, server };

// True for the TLS 1.3 wire forms (TLS 1.3 and DTLS 1.3).
constexpr bool is_tls13_wire(protocol_version v) noexcept {
  return v == protocol_version::tls13 || v == protocol_version::dtls13;
}

// RFC 5246 §4.7 / §7.4.1.4.1 (TLS 1.2)
//   struct {
//       SignatureAndHashAlgorithm algorithm;
//       opaque signature<0..2^16-1>;
//   } DigitallySigned;
// RFC 4346 §7.4.3 (TLS 1.0/1.1): the signature alone, `has_algorithm` false.
// RFC 8446 §4.4.3's CertificateVerify has the TLS 1.2 shape, with the
// two bytes read as one SignatureScheme (the same code points).
struct digitally_signed {
  bool has_algorithm = true;
  signature_scheme algorithm{};
  opaque_vector<0, 65535> signature{};

  static constexpr digitally_signed parse(reader& r, protocol_version version = protocol_version::tls12) noexcept {
    digitally_signed d;
    d.has_algorithm = signs_with_algorithm(version);
    if (d.has_algorithm) d.algorithm = r.code<signature_scheme>();
    d.signature = decltype(signature)::parse(r);
    return d;
  }
  constexpr void encode(writer& w) const noexcept {
    if (has_algorithm) w.code(algorithm);
    signature.encode(w);
  }
  friend constexpr bool operator==(const digitally_signed&, const digitally_signed&) = default;
};

// An `Extension extensions<Min..Max>` block whose bounds are not the usual
// <0..2^16-1> (CertificateRequest's <2..2^16-1>, NewSessionTicket's
// <0..2^16-2>): the list, with the bounds checked on both sides.
template <std::size_t Min, std::size_t Max>
constexpr extension_list parse_extension_block(reader& r) noexcept {
  const std::size_t at = r.offset();
  extension_list list = extension_list::parse(r);
  if (r.ok() && (list.wire_bytes().size() < Min || list.wire_bytes().size() > Max))
    r.fail(errc::length_out_of_range, at);
  return list;
}

template <std::size_t Min, std::size_t Max>
constexpr void encode_extension_block(writer& w, const extension_list& list) noexcept {
  w.block(Min, Max, [&](writer& body) { list.encode_body(body); });
}

// Parses a complete handshake message as T: the type must be T::type
// (unexpected_message otherwise), the body must hold exactly one T. Offsets
// in errors count from the start of the message header.
template <class T, class... Context>
constexpr result<T> parse_message(const handshake_message& m, Context... ctx) {
  if (m.type != T::type) return make_error(errc::unexpected_message, 0);
  return decode_at_offset<T>(m.body, handshake_header_size, ctx...);
}

// Writes header + body of any message type T (T::type, T::encode).
template <class T>
constexpr void encode_handshake(writer& w, const T& message) {
  write_handshake(w, T::type, [&](writer& b) { message.encode(b); });
}

}  // namespace tlswire
