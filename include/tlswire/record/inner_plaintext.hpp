#pragma once
// RFC 8446 §5.2 TLSInnerPlaintext: what a TLS 1.3 record decrypts to.
//
//   struct {
//       opaque content[TLSPlaintext.length];
//       ContentType type;
//       uint8 zeros[length_of_padding];
//   } TLSInnerPlaintext;
#include <cstddef>
#include <cstdint>

#include "tlswire/record/record.hpp"
#include "tlswire/registry/content_type.hpp"
#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/reader.hpp"
#include "tlswire/wire/result.hpp"
#include "tlswire/wire/writer.hpp"

namespace tlswire {

struct inner_plaintext {
  bytes_view content{};
  content_type type = content_type::invalid;  // the real type; unknown values kept
  std::size_t padding = 0;                    // zero bytes after the type

  // Takes everything left in `r` (the decrypted record). RFC 8446 §5.4: the
  // type is the last non-zero byte, found by scanning from the end; the scan
  // takes time proportional to the padding, which the sender chose and the
  // ciphertext length already shows. Refused:
  //  - no non-zero byte at all: unexpected_message at the plaintext's start
  //    (RFC 8446 §5.4 "MUST terminate the connection with an
  //    unexpected_message alert");
  //  - longer than limits.max_plaintext + 1 (type byte): record_overflow at the
  //    start (RFC 8446 §5.4 "the full encoded TLSInnerPlaintext MUST NOT
  //    exceed 2^14 + 1 octets", RFC 8449 §4 for a negotiated limit);
  //  - empty content of handshake or alert type: unexpected_message at the
  //    type byte (RFC 8446 §5.4). Application data may be empty.
  static constexpr inner_plaintext parse(reader& r, record_limits limits = {}) noexcept {
    inner_plaintext p;
    const std::size_t start = r.offset();
    const bytes_view all = r.bytes(r.remaining());
    if (all.size() > limits.max_plaintext + 1) {
      r.fail(errc::record_overflow, start);
      return p;
    }
    std::size_t end = all.size();
    while (end > 0 && all.data()[end - 1] == 0) --end;
    if (end == 0) {
      r.fail(errc::unexpected_message, start);
      return p;
    }
    p.type = static_cast<content_type>(all.data()[end - 1]);
    p.content = all.first(end - 1);
    p.padding = all.size() - end;
    if (p.content.empty() && (p.type == content_type::handshake || p.type == content_type::alert))
      r.fail(errc::unexpected_message, start + end - 1);
    return p;
  }

  // Writes content, type and `padding` zero bytes. Refuses what parse would
  // refuse: type 0 (it would read back as padding) with bad_value, an
  // encoding over 2^14 + 1 bytes with record_overflow, empty handshake or
  // alert content with unexpected_message.
  constexpr void encode(writer& w, record_limits limits) const noexcept {
    if (type == content_type::invalid) return w.fail(errc::bad_value);
    if (content.size() + 1 + padding > limits.max_plaintext + 1) return w.fail(errc::record_overflow);
    if (content.empty() && (type == content_type::handshake || type == content_type::alert))
      return w.fail(errc::unexpected_message);
    w.bytes(content);
    w.code(type);
    w.fill(padding, 0);
  }
  constexpr void encode(writer& w) const noexcept { encode(w, record_limits{}); }

  friend constexpr bool operator==(const inner_plaintext& a, const inner_plaintext& b) noexcept {
    return a.type == b.type && a.padding == b.padding && equal_bytes(a.content, b.content);
  }
};

}  // namespace tlswire
