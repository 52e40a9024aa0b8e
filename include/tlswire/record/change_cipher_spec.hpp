#pragma once
// RFC 5246 §7.1 / RFC 8446 §5 ChangeCipherSpec.
//
//   struct {
//       enum { change_cipher_spec(1), (255) } type;
//   } ChangeCipherSpec;
#include <cstddef>
#include <cstdint>

#include "tlswire/registry/change_cipher_spec.hpp"
#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/reader.hpp"
#include "tlswire/wire/result.hpp"
#include "tlswire/wire/writer.hpp"

namespace tlswire {

// RFC 5246 §7.1 ChangeCipherSpec: the single byte 1. Any other value is
// refused with unexpected_message, the alert RFC 8446 §5 names: "An
// implementation which receives any other change_cipher_spec value or which
// receives a protected change_cipher_spec record MUST abort the handshake
// with an unexpected_message alert." A reader that ends before the byte is
// decode_error like every other truncated structure.
struct change_cipher_spec_message {
  change_cipher_spec_type type = change_cipher_spec_type::change_cipher_spec;

  static constexpr change_cipher_spec_message parse(reader& r) noexcept {
    const std::size_t at = r.offset();
    change_cipher_spec_message m;
    m.type = r.code<change_cipher_spec_type>();
    if (r && m.type != change_cipher_spec_type::change_cipher_spec) r.fail(errc::unexpected_message, at);
    return m;
  }
  constexpr void encode(writer& w) const noexcept {
    if (type != change_cipher_spec_type::change_cipher_spec) return w.fail(errc::unexpected_message);
    w.code(type);
  }
  friend constexpr bool operator==(const change_cipher_spec_message&, const change_cipher_spec_message&) = default;
};

// The fragment of a change_cipher_spec record. RFC 8446 §5 allows exactly
// "the single byte value 0x01"; every other fragment — empty, another value,
// or extra bytes after the 1 — is "any other change_cipher_spec value" and
// gets unexpected_message, at the first byte that differs from {0x01}.
constexpr result<change_cipher_spec_message> decode_change_cipher_spec_record(
    bytes_view fragment, std::size_t fragment_offset = 0) noexcept {
  if (fragment.empty() || fragment.data()[0] != 0x01)
    return make_error(errc::unexpected_message, fragment_offset);
  if (fragment.size() != 1) return make_error(errc::unexpected_message, fragment_offset + 1);
  return change_cipher_spec_message{};
}

}  // namespace tlswire
