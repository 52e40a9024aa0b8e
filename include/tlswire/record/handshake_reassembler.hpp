#pragma once
// Handshake messages out of handshake records (RFC 8446 §5.1).
//
// The framing itself (header, handshake_message view) is messages/handshake.hpp,
// which depends only on wire/ and registry/; this header adds reassembly.
// RFC 8446 §5.1: handshake messages may be coalesced into one record or
// fragmented across several, even inside the four-byte header. The
// reassembler takes record fragments one at a time and hands out whole
// messages: a view into the fragment when the message lies inside it (no
// copy), or a view into the caller's buffer when it spans records (the only
// copy). Each message comes with its raw bytes, header included, because
// that is what the transcript hash covers (RFC 8446 §4.4.1).
#include <cstddef>
#include <cstdint>
#include <optional>

#include <gsl/assert>

#include "tlswire/messages/handshake.hpp"
#include "tlswire/record/record.hpp"
#include "tlswire/registry/handshake_type.hpp"
#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/reader.hpp"
#include "tlswire/wire/result.hpp"
#include "tlswire/wire/writer.hpp"

namespace tlswire {

// Reassembles handshake messages from handshake record fragments.
//
// Protocol (one thread, no callbacks):
//   feed(fragment)   — the content of one handshake record (for TLS 1.3
//                      protected records: the decrypted, unpadded content);
//   next()           — repeatedly, until it returns no message: each call
//                      gives one whole message or says more is needed;
//   key_change()     — before the first record under new keys (RFC 8446 §5.1);
//   other_record()   — when a record of another content type arrives.
// A message view stays valid until the next feed() or next(): a view into
// the fragment as long as the caller keeps the fragment, a view into the
// buffer until the buffer is reused for the next spanning message.
//
// Maximum message size: a header announcing a body above the configured
// maximum is refused with errc::message_too_large and alert
// handshake_failure. The message is well-formed (a uint24 allows it), so
// decode_error would be wrong; it is a local policy refusing to go on with
// this handshake, which RFC 8446 §6.2 calls handshake_failure ("unable to
// negotiate an acceptable set of security parameters given the options
// available"). The error's offset is that of the length field.
class handshake_reassembler {
 public:
  // `buffer` holds one spanning message, header included: the largest body
  // accepted is min(max_body, buffer.size() - 4). `limits` caps each fragment
  // (RFC 6066 §4 max_fragment_length, RFC 8449 record_size_limit).
  constexpr explicit handshake_reassembler(mutable_bytes buffer, std::size_t max_body = handshake_max_body,
                                           record_limits limits = {}) noexcept
      : buffer_(buffer), max_body_(max_body), limits_(limits) {
    Expects(buffer.size() >= handshake_header_size);
    if (max_body_ > buffer_.size() - handshake_header_size) max_body_ = buffer_.size() - handshake_header_size;
  }

  constexpr std::size_t max_body() const noexcept { return max_body_; }
  constexpr void set_limits(record_limits limits) noexcept { limits_ = limits; }
  constexpr bool ok() const noexcept { return error_.code == errc::none; }
  constexpr const tlswire::error& error() const noexcept { return error_; }

  // True between messages: nothing unread in the fragment, nothing pending.
  constexpr bool at_boundary() const noexcept { return pending_ == 0 && unread() == 0; }
  // True while a message is partly received (across a record boundary).
  constexpr bool in_message() const noexcept { return pending_ > 0; }

  // Takes the content of the next handshake record. `fragment_offset` is where
  // the fragment starts in the caller's stream, for error offsets; without it,
  // offsets count handshake bytes fed so far. The previous fragment must have
  // been read to its end (next() returned no message) — a programmer error
  // otherwise.
  constexpr status feed(bytes_view fragment) noexcept { return feed(fragment, fed_); }
  constexpr status feed(bytes_view fragment, std::size_t fragment_offset) noexcept {
    Expects(unread() == 0);
    if (!ok()) return error_;
    // RFC 8446 §5.1, RFC 5246 §6.2.1: never zero-length handshake fragments.
    if (fragment.empty()) return fail(make_error(errc::unexpected_message, fragment_offset));
    // RFC 6066 §4 / RFC 8449 §4: a fragment over the negotiated size.
    if (fragment.size() > limits_.max_plaintext) return fail(make_error(errc::record_overflow, fragment_offset));
    fragment_ = fragment;
    base_ = fragment_offset;
    pos_ = 0;
    fed_ += fragment.size();
    return {};
  }

  // The next whole message, or no message when the fed bytes are used up.
  constexpr result<std::optional<handshake_message>> next() noexcept {
    if (!ok()) return error_;
    if (pending_ > 0) return continue_pending();
    const std::size_t left = unread();
    if (left == 0) return std::optional<handshake_message>{};
    const bytes_view here = fragment_.subspan(pos_);
    if (left >= handshake_header_size) {
      const std::size_t body = header_length(here);
      if (body > max_body_) return fail(make_error(errc::message_too_large, base_ + pos_ + 1));
      if (left >= handshake_header_size + body) {
        // The whole message is inside this fragment: hand out a view of it.
        const bytes_view raw = here.first(handshake_header_size + body);
        pos_ += raw.size();
        return std::optional<handshake_message>{message_from(raw)};
      }
    }
    // The message continues in the next record: keep what is here.
    start_ = base_ + pos_;
    copy_in(here);
    return std::optional<handshake_message>{};
  }

  // RFC 8446 §5.1: "Handshake messages MUST NOT span key changes.
  // Implementations MUST verify that all messages immediately preceding a key
  // change align with a record boundary; if not, then they MUST terminate the
  // connection with an unexpected_message alert." Call it when keys change;
  // unread or partial handshake bytes are refused at their offset.
  constexpr status key_change() noexcept {
    if (!ok()) return error_;
    if (pending_ > 0) return fail(make_error(errc::unexpected_message, start_));
    if (unread() > 0) return fail(make_error(errc::unexpected_message, base_ + pos_));
    return {};
  }

  // RFC 8446 §5.1: "Handshake messages MUST NOT be interleaved with other
  // record types." Call it when a record of another content type arrives.
  constexpr status other_record(std::size_t record_offset = 0) noexcept {
    if (!ok()) return error_;
    if (pending_ > 0) return fail(make_error(errc::unexpected_message, record_offset));
    return {};
  }

  // The stream ended: a message left half-received is truncated (decode_error).
  constexpr status finish() noexcept {
    if (!ok()) return error_;
    if (pending_ > 0) return fail(make_error(errc::truncated, start_));
    return {};
  }

 private:
  static constexpr std::size_t header_length(bytes_view h) noexcept {
    return std::size_t{h.data()[1]} << 16 | std::size_t{h.data()[2]} << 8 | std::size_t{h.data()[3]};
  }
  static constexpr handshake_message message_from(bytes_view raw) noexcept {
    return {static_cast<handshake_type>(raw.data()[0]), raw.subspan(handshake_header_size), raw};
  }
  constexpr std::size_t unread() const noexcept { return fragment_.size() - pos_; }

  constexpr void copy_in(bytes_view bytes) noexcept {
    for (std::size_t i = 0; i < bytes.size(); ++i) buffer_.data()[pending_ + i] = bytes.data()[i];
    pending_ += bytes.size();
    pos_ += bytes.size();
  }

  // A message begun in an earlier fragment: complete the header, then the body.
  constexpr result<std::optional<handshake_message>> continue_pending() noexcept {
    if (pending_ < handshake_header_size) {
      const std::size_t want = handshake_header_size - pending_;
      copy_in(fragment_.subspan(pos_, want < unread() ? want : unread()));
      if (pending_ < handshake_header_size) return std::optional<handshake_message>{};
    }
    const std::size_t body = header_length(buffer_.first(handshake_header_size));
    if (body > max_body_) return fail(make_error(errc::message_too_large, start_ + 1));
    const std::size_t total = handshake_header_size + body;
    const std::size_t want = total - pending_;
    copy_in(fragment_.subspan(pos_, want < unread() ? want : unread()));
    if (pending_ < total) return std::optional<handshake_message>{};
    pending_ = 0;
    return std::optional<handshake_message>{message_from(buffer_.first(total))};
  }

  constexpr tlswire::error fail(tlswire::error e) noexcept {
    error_ = e;
    return e;
  }

  mutable_bytes buffer_{};
  std::size_t max_body_ = 0;
  record_limits limits_{};
  bytes_view fragment_{};
  std::size_t pos_ = 0;      // next unread byte of fragment_
  std::size_t base_ = 0;     // stream offset of fragment_[0]
  std::size_t fed_ = 0;      // handshake bytes fed so far (default offsets)
  std::size_t pending_ = 0;  // bytes of a spanning message held in buffer_
  std::size_t start_ = 0;    // stream offset of that message's first byte
  tlswire::error error_{};
};

}  // namespace tlswire
