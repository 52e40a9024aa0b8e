#pragma once
// RFC 8446 §4.4.4 / RFC 5246 §7.4.9: Finished.
//
//   struct {
//       opaque verify_data[Hash.length];      /* TLS 1.3 */
//   } Finished;
//
//   struct {
//       opaque verify_data[verify_data_length]; /* TLS 1.2: 12 bytes */
//   } Finished;
//
// The length is not on the wire: it follows from the negotiated suite
// (cipher_suite_info::verify_data_length()), so parse takes it.
#include <cstddef>

#include "tlswire/messages/message_common.hpp"
#include "tlswire/registry/cipher_suite.hpp"
#include "tlswire/registry/handshake_type.hpp"

namespace tlswire {

// RFC 8446 §4.4.4 Finished.
struct finished {
  static constexpr handshake_type type = handshake_type::finished;
  bytes_view verify_data{};

  // Exactly `verify_data_length` bytes: a shorter body is truncated, a
  // longer one has trailing bytes (both decode_error).
  static constexpr finished parse(reader& r, std::size_t verify_data_length) noexcept {
    return {r.bytes(verify_data_length)};
  }
  constexpr void encode(writer& w) const noexcept { w.bytes(verify_data); }
  constexpr void encode_message(writer& w) const { encode_handshake(w, *this); }
  // Compared in constant time: the value is a MAC.
  friend constexpr bool operator==(const finished& a, const finished& b) noexcept {
    return equal_bytes_constant_time(a.verify_data, b.verify_data);
  }
};

// RFC 5246 §7.4.9 / RFC 8446 §4.4.4: verify_data's length for `suite` in
// `version`; 12 for a TLS 1.2 suite this library does not describe, 0 when
// a TLS 1.3 suite is unknown (its hash, hence the length, is unknown).
constexpr std::size_t finished_length(cipher_suite suite, protocol_version version) noexcept {
  if (const auto info = find_cipher_suite_info(suite)) return info->verify_data_length();
  return is_tls13_wire(version) ? 0 : 12;
}

}  // namespace tlswire
