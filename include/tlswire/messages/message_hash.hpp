#pragma once
// RFC 8446 §4.4.1: the synthetic message_hash message.
//
// After a HelloRetryRequest the transcript hash starts not with
// ClientHello1 but with
//   Handshake(message_hash = 254) { uint24 length = Hash.length; Hash(ClientHello1) }
// "Transcript-Hash(ClientHello1, HelloRetryRequest, ... Mn) =
//     Hash(message_hash ||        /* Handshake type */
//          00 00 Hash.length  ||  /* Handshake message length (bytes) */
//          Hash(ClientHello1) ||  /* Hash of ClientHello1 */
//          HelloRetryRequest  || ... || Mn)"
// It never travels on the wire; it is built here (and parsed, so tools and
// tests can read one back).
#include <array>
#include <cstddef>

#include "tlswire/messages/message_common.hpp"
#include "tlswire/registry/handshake_type.hpp"

namespace tlswire {

// RFC 8446 §4.4.1 message_hash: the body is Hash(ClientHello1).
struct message_hash {
  static constexpr handshake_type type = handshake_type::message_hash;
  bytes_view client_hello1_hash{};

  // The whole body is the hash; its length is checked against the
  // transcript hash's by validate().
  static constexpr message_hash parse(reader& r) noexcept { return {r.bytes(r.remaining())}; }
  constexpr void encode(writer& w) const noexcept { w.bytes(client_hello1_hash); }
  constexpr void encode_message(writer& w) const { encode_handshake(w, *this); }
  friend constexpr bool operator==(const message_hash& a, const message_hash& b) noexcept {
    return equal_bytes(a.client_hello1_hash, b.client_hello1_hash);
  }
};

// The largest hash a message_hash carries (SHA-512), so the 4 + 64 bytes
// fit a stack array.
inline constexpr std::size_t message_hash_max_size = handshake_header_size + 64;

// Writes the synthetic message for `client_hello1_hash` (the hash of the
// first ClientHello, header included) into `out`; returns its length.
constexpr result<std::size_t> build_message_hash(bytes_view client_hello1_hash, mutable_bytes out) {
  if (client_hello1_hash.empty() || client_hello1_hash.size() > 64) return make_error(errc::bad_value, 0);
  writer w(out);
  message_hash{client_hello1_hash}.encode_message(w);
  if (!w) return w.error();
  return w.size();
}

// The hash must be as long as the transcript hash (RFC 8446 §4.4.1).
constexpr status validate(const message_hash& m, std::size_t hash_length) noexcept {
  if (m.client_hello1_hash.size() != hash_length) return make_error(errc::length_mismatch, no_offset);
  return {};
}

}  // namespace tlswire
