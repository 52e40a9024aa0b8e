#pragma once
// The two halves of a record layer, built from tlswire pieces, for a peer
// that talks to another peer in the same process (no sockets).
//
//   record_sender    content → TLSPlaintext (record{}.encode), or TLSCiphertext
//                    (tls12_aead_record_protection / tls13_record_protection::seal)
//                    appended to the bytes "on the wire" in one direction.
//   record_receiver  wire bytes → record_splitter → open() when keys are in
//                    force → handshake_reassembler → whole handshake messages
//                    (dispatch() then types them), or application data.
//
// Each direction of the connection is one std::vector of bytes, written by
// one peer's sender and read by the other peer's receiver. Its capacity is
// reserved up front and never exceeded, so the views the receiver hands out
// (parsed messages are views of these bytes) stay valid for the whole run.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include <tlswire/crypto/record_protection.hpp>
#include <tlswire/crypto/tls13_key_schedule.hpp>
#include <tlswire/messages/dispatch.hpp>
#include <tlswire/crypto/provider.hpp>
#include <tlswire/record/change_cipher_spec.hpp>
#include <tlswire/record/handshake_reassembler.hpp>
#include <tlswire/record/record.hpp>
#include <tlswire/record/record_splitter.hpp>

namespace walkthrough {

using namespace tlswire;
using bytes = std::vector<std::uint8_t>;

// One direction of the connection: the bytes one peer sent the other.
struct wire {
  static constexpr std::size_t capacity = 1 << 20;
  bytes data;
  wire() { data.reserve(capacity); }
};

// Which record protection is in force for one direction.
enum class protection : std::uint8_t { none, tls12, tls13 };

// P: the crypto provider of the peer that owns this half.
template <class P>
  requires aead_provider<P>
class record_sender {
 public:
  explicit record_sender(wire& out) : out_(out) {}

  // RFC 5246 §6.3 keys from the key block: write key and 4-byte salt.
  status protect_tls12(aead_id aead, bytes_view key, bytes_view iv) {
    protection_ = protection::tls12;
    return tls12_.set_key(aead, key, iv);
  }
  // RFC 8446 §7.3 keys of a traffic secret.
  status protect_tls13(aead_id aead, const traffic_keys& keys) {
    protection_ = protection::tls13;
    return tls13_.set_key(aead, keys);
  }

  // Sends `content` as one record; returns the record's size on the wire.
  result<std::size_t> send(content_type type, bytes_view content) {
    bytes record_bytes;
    switch (protection_) {
      case protection::none: {  // RFC 5246 §6.2.1 TLSPlaintext
        const record rec{type, protocol_version::tls12, content};
        record_bytes.resize(rec.wire_size());
        TLSWIRE_TRY(const std::size_t n, encode(rec, mutable_bytes(record_bytes)));
        record_bytes.resize(n);
        break;
      }
      case protection::tls12: {  // RFC 5246 §6.2.3.3 GenericAEADCipher
        record_bytes.resize(tls12_.sealed_size(content.size()));
        TLSWIRE_TRY(const std::size_t n,
                    tls12_.seal(type, protocol_version::tls12, content, mutable_bytes(record_bytes)));
        record_bytes.resize(n);
        break;
      }
      case protection::tls13: {  // RFC 8446 §5.2 TLSCiphertext
        record_bytes.resize(tls13_.sealed_size(content.size()));
        TLSWIRE_TRY(const std::size_t n, tls13_.seal(type, content, mutable_bytes(record_bytes)));
        record_bytes.resize(n);
        break;
      }
    }
    Expects(out_.data.size() + record_bytes.size() <= wire::capacity);  // no reallocation
    out_.data.insert(out_.data.end(), record_bytes.begin(), record_bytes.end());
    return record_bytes.size();
  }

 private:
  wire& out_;
  protection protection_ = protection::none;
  tls12_aead_record_protection<P> tls12_;
  tls13_record_protection<P> tls13_;
};

template <class P>
  requires aead_provider<P>
class record_receiver {
 public:
  explicit record_receiver(const wire& in)
      : in_(in), reassembly_(handshake_max_record_bytes), reassembler_(mutable_bytes(reassembly_)) {}

  status protect_tls12(aead_id aead, bytes_view key, bytes_view iv) {
    // RFC 8446 §5.1 (and 1.2 alike): no handshake message spans a key change.
    TLSWIRE_CHECK(reassembler_.key_change());
    protection_ = protection::tls12;
    splitter_.set_limits({record_form::tls12, max_plaintext_length});
    return tls12_.set_key(aead, key, iv);
  }
  status protect_tls13(aead_id aead, const traffic_keys& keys) {
    TLSWIRE_CHECK(reassembler_.key_change());
    protection_ = protection::tls13;
    splitter_.set_limits({record_form::tls13, max_plaintext_length});
    return tls13_.set_key(aead, keys);
  }

  // The next whole handshake message, reading records as needed. A record
  // of another type in between is unexpected_message (RFC 8446 §5.1).
  result<handshake_message> next_handshake() {
    for (;;) {
      TLSWIRE_TRY(const std::optional<handshake_message> m, reassembler_.next());
      if (m) return *m;
      TLSWIRE_TRY(const opened_record rec, next_record());
      if (rec.type != content_type::handshake) {
        (void)reassembler_.other_record();
        return make_error(errc::unexpected_message, 0);
      }
      TLSWIRE_CHECK(reassembler_.feed(rec.content));
    }
  }

  // RFC 5246 §7.1: the single byte 1 in a change_cipher_spec record.
  status expect_change_cipher_spec() {
    TLSWIRE_CHECK(reassembler_.other_record());
    TLSWIRE_TRY(const opened_record rec, next_record());
    if (rec.type != content_type::change_cipher_spec) return make_error(errc::unexpected_message, 0);
    TLSWIRE_TRY(const auto ccs, decode_change_cipher_spec_record(rec.content));
    (void)ccs;
    return {};
  }

  // The content of the next application_data record (a view valid until the
  // next call).
  result<bytes_view> next_application_data() {
    TLSWIRE_CHECK(reassembler_.other_record());
    TLSWIRE_TRY(const opened_record rec, next_record());
    if (rec.type != content_type::application_data) return make_error(errc::unexpected_message, 0);
    return rec.content;
  }

  // Bytes of the wire this receiver has consumed.
  std::size_t position() const { return position_; }
  std::size_t last_record_size() const { return last_record_size_; }

 private:
  // Big enough for any message this walkthrough sends (certificates included).
  static constexpr std::size_t handshake_max_record_bytes = 1 << 16;

  // Splits off one record and, when keys are in force, opens it.
  result<opened_record> next_record() {
    const bytes_view unread = bytes_view(in_.data).subspan(position_);
    TLSWIRE_TRY(const split_step step, splitter_.next(unread));
    if (!step.complete()) return make_error(errc::truncated, alert_description::unexpected_message, position_);
    position_ += step.consumed;
    last_record_size_ = step.consumed;
    switch (protection_) {
      case protection::none:
        return opened_record{step.rec.type, step.rec.legacy_record_version, step.rec.fragment, 0};
      case protection::tls12: return tls12_.open(step.wire, mutable_bytes(plaintext_));
      case protection::tls13: return tls13_.open(step.wire, mutable_bytes(plaintext_));
    }
    return make_error(errc::bad_value, 0);
  }

  const wire& in_;
  std::size_t position_ = 0;
  std::size_t last_record_size_ = 0;
  record_splitter splitter_{};
  protection protection_ = protection::none;
  tls12_aead_record_protection<P> tls12_;
  tls13_record_protection<P> tls13_;
  // The plaintext of the last protected record: handshake messages handed
  // out are views of it (or of reassembly_ when one spans records).
  std::array<std::uint8_t, max_plaintext_length + tls12_ciphertext_expansion> plaintext_{};
  bytes reassembly_;
  handshake_reassembler reassembler_;
};

// A received handshake message of the expected type: its typed view and its
// framing (raw bytes for the transcript).
template <class M>
struct received {
  M body{};
  handshake_message message{};
};

// Reads the next handshake message and types it with dispatch(); any other
// type than M is unexpected_message (RFC 8446 §6.2).
template <class M, class P>
result<received<M>> receive(record_receiver<P>& in, const negotiation_context& context) {
  TLSWIRE_TRY(const handshake_message m, in.next_handshake());
  TLSWIRE_TRY(const typed_message typed, dispatch(m, context));
  if (!typed.holds<M>()) return make_error(errc::unexpected_message, 0);
  return received<M>{typed.as<M>(), m};
}

// A whole handshake message (header + body), encoded into fresh bytes.
template <class M>
bytes encode_message(const M& message) {
  writer counter;
  message.encode_message(counter);
  bytes out(counter.size());
  writer w{mutable_bytes(out)};
  message.encode_message(w);
  Expects(w.ok());
  return out;
}

// Extensions to send: each typed extension encoded once, kept alive here
// (moving the outer vector keeps each body's bytes where they are), listed
// as an extension_list view.
class extension_builder {
 public:
  template <class Ext>
  extension_builder& add(const Ext& ext) {
    types_.push_back(Ext::type);
    bodies_.emplace_back(encoded_size(ext));
    Expects(encode(ext, mutable_bytes(bodies_.back())).ok());
    return *this;
  }
  extension_list list() {
    entries_.clear();
    for (std::size_t i = 0; i < bodies_.size(); ++i) entries_.push_back(extension{types_[i], bodies_[i]});
    return extension_list(gsl::span<const extension>(entries_));
  }
 private:
  std::vector<bytes> bodies_;
  std::vector<extension_type> types_;
  std::vector<extension> entries_;
};

}  // namespace walkthrough
