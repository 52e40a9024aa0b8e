#pragma once
// AEAD record protection: TLS 1.3 (RFC 8446 §5.2-§5.5) and TLS 1.2's AEAD
// suites (RFC 5246 §6.2.3.3 with RFC 5288 GCM, RFC 6655 CCM, RFC 7905
// ChaCha20-Poly1305), over any provider satisfying `aead_provider`.
//
// Why this lives in crypto/ and not record/: data flows bytes → wire →
// record → crypto, and a lower layer never includes a higher one. Record
// protection needs both the record framing (record/record.hpp,
// record/inner_plaintext.hpp) and the AEAD concept (crypto/concepts.hpp).
// Here it only includes downward; in record/ it would have to reach up into
// crypto/. record/ stays free of anything keyed, and the framing it offers is
// what this header wraps.
//
// Buffers are the caller's. seal() writes one whole TLSCiphertext (header,
// explicit nonce if any, ciphertext, tag) into `out`; the content may already
// sit at out.subspan(content_offset) (in place, no copy) or anywhere that
// does not overlap `out`. open() reads one whole TLSCiphertext and writes the
// plaintext into `plaintext_out`, which may start at the record's ciphertext
// (record.subspan(content_offset)) or not overlap the record at all. Nothing
// allocates (the provider's back end may: OpenSSL's EVP does not per record).
//
// Every failure to authenticate is bad_record_mac, whatever was changed
// (header, nonce, ciphertext, tag) — the AAD binds the header, and a record
// too short to hold a tag cannot authenticate either (RFC 8446 §5.2,
// RFC 5246 §6.2.3.3). Unauthenticated plaintext is zeroed by the provider.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>

#include <gsl/assert>

#include "tlswire/crypto/algorithms.hpp"
#include "tlswire/crypto/concepts.hpp"
#include "tlswire/record/inner_plaintext.hpp"
#include "tlswire/record/record.hpp"
#include "tlswire/registry/content_type.hpp"
#include "tlswire/registry/protocol_version.hpp"
#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/codec.hpp"
#include "tlswire/wire/reader.hpp"
#include "tlswire/wire/result.hpp"

namespace tlswire {

// What open() found inside a record: the real content type (TLS 1.3's inner
// type), the header's legacy version, and the content, a view of the
// caller's plaintext_out.
struct opened_record {
  content_type type = content_type::invalid;
  protocol_version legacy_record_version{};
  bytes_view content{};
  std::size_t padding = 0;  // TLS 1.3 zero padding removed (RFC 8446 §5.4)
};

// RFC 8446 §5.3 / RFC 5246 §6.1: a 64-bit sequence number per direction,
// starting at 0, that must not wrap. After 2^64 - 1 has been used the
// direction is exhausted and every further seal/open fails: RFC 8446 §5.3
// "If a TLS implementation would need to wrap a sequence number, it MUST
// either rekey or terminate the connection." No alert names this; the error
// is crypto_failure with internal_error.
class record_sequence {
 public:
  constexpr record_sequence() noexcept = default;
  constexpr explicit record_sequence(std::uint64_t next) noexcept : next_(next) {}

  constexpr bool exhausted() const noexcept { return exhausted_; }
  // The number the next record will use.
  constexpr std::uint64_t next() const noexcept { return next_; }
  constexpr void advance() noexcept {
    if (next_ == std::numeric_limits<std::uint64_t>::max())
      exhausted_ = true;
    else
      ++next_;
  }

 private:
  std::uint64_t next_ = 0;
  bool exhausted_ = false;
};

namespace record_protection_detail {

inline constexpr error sequence_exhausted{errc::crypto_failure, alert_description::internal_error,
                                          no_offset};

constexpr void put_u64(std::uint8_t* p, std::uint64_t v) noexcept {
  for (std::size_t i = 8; i-- > 0;) {
    p[i] = static_cast<std::uint8_t>(v & 0xff);
    v >>= 8;
  }
}
constexpr void put_u16(std::uint8_t* p, std::size_t v) noexcept {
  p[0] = static_cast<std::uint8_t>(v >> 8);
  p[1] = static_cast<std::uint8_t>(v & 0xff);
}

// RFC 8446 §5.3: "The 64-bit record sequence number is encoded in network
// byte order and padded to the left with zeros to iv_length. The padded
// sequence number is XORed with either the static client_write_iv or
// server_write_iv". RFC 7905 §2 builds TLS 1.2 ChaCha20-Poly1305 nonces alike.
constexpr std::array<std::uint8_t, aead_nonce_size> xor_nonce(
    const std::array<std::uint8_t, aead_nonce_size>& iv, std::uint64_t sequence) noexcept {
  std::array<std::uint8_t, aead_nonce_size> nonce = iv;
  for (std::size_t i = 0; i < 8; ++i)
    nonce[aead_nonce_size - 1 - i] ^= static_cast<std::uint8_t>(sequence >> (8 * i));
  return nonce;
}

// Moves `content` to `to` unless it is already there (in place). The two
// either coincide or do not overlap (the caller's contract).
constexpr void place(bytes_view content, std::uint8_t* to) noexcept {
  if (content.empty() || content.data() == to) return;
  if (std::is_constant_evaluated()) {
    for (std::size_t i = 0; i < content.size(); ++i) to[i] = content[i];
  } else {
    std::memcpy(to, content.data(), content.size());
  }
}

constexpr void write_header(std::uint8_t* p, content_type type, protocol_version version,
                            std::size_t length) noexcept {
  p[0] = static_cast<std::uint8_t>(type);
  put_u16(p + 1, static_cast<std::uint16_t>(version));
  put_u16(p + 3, length);
}

}  // namespace record_protection_detail

// ---------------------------------------------------------------- TLS 1.3
// RFC 8446 §5.2
//   struct {
//       ContentType opaque_type = application_data; /* 23 */
//       ProtocolVersion legacy_record_version = 0x0303; /* TLS v1.2 */
//       uint16 length;
//       opaque encrypted_record[TLSCiphertext.length];
//   } TLSCiphertext;
// encrypted_record = AEAD-Encrypt(write_key, nonce, additional_data,
//                                 TLSInnerPlaintext), additional_data = the header.
template <class P>
  requires aead_provider<P>
class tls13_record_protection {
 public:
  // Where seal() expects the content for in-place sealing, and where open()
  // can write the plaintext over the ciphertext: right after the header.
  static constexpr std::size_t content_offset = record_header_size;

  constexpr tls13_record_protection() = default;

  // Keys one direction (RFC 8446 §7.3 key and iv of a traffic secret) and
  // restarts its sequence number at 0 (RFC 8446 §5.3: "reset to zero
  // whenever the key is changed"). `limits` is a negotiated
  // record_size_limit (RFC 8449); its protection is forced to tls13.
  constexpr status set_key(aead_id aead, bytes_view key, bytes_view iv,
                           record_limits limits = {}) {
    Expects(iv.size() == aead_nonce_size);
    if (!P::supports(aead)) return make_error(errc::unsupported, no_offset);
    TLSWIRE_CHECK(key_.set_key(aead, key));
    for (std::size_t i = 0; i < aead_nonce_size; ++i) iv_[i] = iv[i];
    tag_ = aead_tag_size(aead);
    limits_ = limits;
    limits_.protection = record_form::tls13;
    sequence_ = record_sequence{};
    keyed_ = true;
    return {};
  }
  template <class Keys>
  constexpr status set_key(aead_id aead, const Keys& keys, record_limits limits = {}) {
    return set_key(aead, keys.key.view(), keys.iv.view(), limits);
  }

  constexpr bool keyed() const noexcept { return keyed_; }
  constexpr const record_sequence& sequence() const noexcept { return sequence_; }
  // For resuming a direction mid-stream (and for tests of the wrap).
  constexpr void set_sequence(record_sequence s) noexcept { sequence_ = s; }

  // Bytes seal() writes for `content_size` content bytes and `padding` zeros.
  constexpr std::size_t sealed_size(std::size_t content_size,
                                    std::size_t padding = 0) const noexcept {
    return record_header_size + content_size + 1 + padding + tag_;
  }

  // Writes TLSCiphertext(TLSInnerPlaintext{content, type, zeros[padding]})
  // into out; returns the record's length. Refused: content plus type plus
  // padding over limits.max_plaintext + 1 (record_overflow, RFC 8446 §5.4 /
  // RFC 8449 §4), an inner plaintext parse would refuse (type 0, empty
  // handshake/alert: bad_value / unexpected_message), out too small
  // (buffer_too_small), an exhausted sequence number.
  constexpr result<std::size_t> seal(content_type type, bytes_view content, mutable_bytes out,
                                     std::size_t padding = 0) {
    using namespace record_protection_detail;
    Expects(keyed_);
    if (sequence_.exhausted()) return sequence_exhausted;
    if (content.size() > limits_.max_plaintext ||
        padding > limits_.max_plaintext - content.size())
      return make_error(errc::record_overflow, no_offset);
    if (type == content_type::invalid) return make_error(errc::bad_value, no_offset);
    if (content.empty() && (type == content_type::handshake || type == content_type::alert))
      return make_error(errc::unexpected_message, no_offset);
    const std::size_t inner = content.size() + 1 + padding;
    const std::size_t total = record_header_size + inner + tag_;
    if (out.size() < total) return make_error(errc::buffer_too_small, no_offset);

    std::uint8_t* body = out.data() + record_header_size;
    place(content, body);
    body[content.size()] = static_cast<std::uint8_t>(type);
    for (std::size_t i = 0; i < padding; ++i) body[content.size() + 1 + i] = 0;
    write_header(out.data(), content_type::application_data, protocol_version::tls12,
                 inner + tag_);

    const auto nonce = xor_nonce(iv_, sequence_.next());
    TLSWIRE_CHECK(key_.seal(as_view(nonce), out.first(record_header_size),
                            bytes_view(body, inner), out.subspan(record_header_size, inner + tag_)));
    sequence_.advance();
    return total;
  }

  // Opens one whole TLSCiphertext. plaintext_out needs the fragment's length
  // minus the tag. Refused: a header other than application_data
  // (unexpected_message, RFC 8446 §5.2), a length over limits + 256
  // (record_overflow), a record that does not authenticate (bad_record_mac),
  // an inner plaintext over limits + 1 (record_overflow) or of zeros only
  // (unexpected_message, RFC 8446 §5.4). Error offsets are within `record`.
  constexpr result<opened_record> open(bytes_view record_bytes, mutable_bytes plaintext_out) {
    using namespace record_protection_detail;
    Expects(keyed_);
    if (sequence_.exhausted()) return sequence_exhausted;
    // Exactly one record: bytes after it are trailing_bytes.
    TLSWIRE_TRY(const record rec, decode<record>(record_bytes, limits_));
    if (rec.type != content_type::application_data)
      return make_error(errc::unexpected_message, 0);
    if (rec.fragment.size() < tag_) return make_error(errc::bad_record_mac, record_header_size);
    const std::size_t inner_size = rec.fragment.size() - tag_;
    if (plaintext_out.size() < inner_size) return make_error(errc::buffer_too_small, no_offset);
    const mutable_bytes inner = plaintext_out.first(inner_size);

    const auto nonce = xor_nonce(iv_, sequence_.next());
    if (!key_.open(as_view(nonce), record_bytes.first(record_header_size), rec.fragment, inner))
      return make_error(errc::bad_record_mac, record_header_size);
    sequence_.advance();

    reader ir(inner, record_header_size);
    const inner_plaintext p = inner_plaintext::parse(ir, limits_);
    if (!ir) return ir.error();
    return opened_record{p.type, rec.legacy_record_version, p.content, p.padding};
  }

 private:
  typename P::aead_key key_{};
  std::array<std::uint8_t, aead_nonce_size> iv_{};
  std::size_t tag_ = 16;
  record_limits limits_{record_form::tls13, max_plaintext_length};
  record_sequence sequence_{};
  bool keyed_ = false;

 public:
  // The IV is key material too. Neither copied nor moved: one live copy of
  // the key and IV, and of the sequence number that must never repeat under them.
  constexpr ~tls13_record_protection() { secure_wipe(mutable_bytes(iv_.data(), iv_.size())); }
  tls13_record_protection(const tls13_record_protection&) = delete;
  tls13_record_protection& operator=(const tls13_record_protection&) = delete;
  tls13_record_protection(tls13_record_protection&&) = delete;
  tls13_record_protection& operator=(tls13_record_protection&&) = delete;
};

// ---------------------------------------------------------------- TLS 1.2 AEAD
// RFC 5246 §6.2.3.3
//   struct {
//      opaque nonce_explicit[SecurityParameters.record_iv_length];
//      aead-ciphered struct { opaque content[TLSCompressed.length]; };
//   } GenericAEADCipher;
//   additional_data = seq_num + TLSCompressed.type + TLSCompressed.version +
//                     TLSCompressed.length;
// AES-GCM / AES-CCM (RFC 5288 §3, RFC 6655 §3): nonce = salt (4-byte
// client/server_write_IV) || nonce_explicit (8 bytes, sent). This side sends
// its sequence number as nonce_explicit, the usual choice ("MAY be the 64-bit
// sequence number"), which never repeats under one key.
// ChaCha20-Poly1305 (RFC 7905 §2): no nonce_explicit; nonce = the 12-byte
// write_IV XOR the padded sequence number, as in TLS 1.3.
template <class P>
  requires aead_provider<P>
class tls12_aead_record_protection {
 public:
  static constexpr std::size_t explicit_nonce_size = 8;

  constexpr tls12_aead_record_protection() = default;

  // Keys one direction with the key block's write key and write IV
  // (crypto/tls12_key_schedule.hpp): a 4-byte salt for GCM/CCM, 12 bytes for
  // ChaCha20-Poly1305. The sequence number restarts at 0 (RFC 5246 §6.1).
  constexpr status set_key(aead_id aead, bytes_view key, bytes_view fixed_iv,
                           record_limits limits = {}) {
    explicit_ = aead != aead_id::chacha20_poly1305;
    Expects(fixed_iv.size() == (explicit_ ? 4 : aead_nonce_size));
    if (!P::supports(aead)) return make_error(errc::unsupported, no_offset);
    TLSWIRE_CHECK(key_.set_key(aead, key));
    iv_ = {};
    for (std::size_t i = 0; i < fixed_iv.size(); ++i) iv_[i] = fixed_iv[i];
    tag_ = aead_tag_size(aead);
    limits_ = limits;
    limits_.protection = record_form::tls12;
    sequence_ = record_sequence{};
    keyed_ = true;
    return {};
  }

  constexpr bool keyed() const noexcept { return keyed_; }
  constexpr const record_sequence& sequence() const noexcept { return sequence_; }
  constexpr void set_sequence(record_sequence s) noexcept { sequence_ = s; }

  // Where the content goes for in-place sealing, and where open() can write
  // the plaintext over the ciphertext: after the header and nonce_explicit.
  constexpr std::size_t content_offset() const noexcept {
    return record_header_size + (explicit_ ? explicit_nonce_size : 0);
  }
  constexpr std::size_t sealed_size(std::size_t content_size) const noexcept {
    return content_offset() + content_size + tag_;
  }

  // Writes one TLSCiphertext; returns its length. Refused: content over
  // limits.max_plaintext (record_overflow, RFC 5246 §6.2.1), empty handshake,
  // alert or change_cipher_spec content (unexpected_message), out too small,
  // an exhausted sequence number.
  constexpr result<std::size_t> seal(content_type type, protocol_version version,
                                     bytes_view content, mutable_bytes out) {
    using namespace record_protection_detail;
    Expects(keyed_);
    if (sequence_.exhausted()) return sequence_exhausted;
    if (content.size() > limits_.max_plaintext) return make_error(errc::record_overflow, no_offset);
    if (content.empty() && !may_be_empty(type)) return make_error(errc::unexpected_message, no_offset);
    const std::size_t offset = content_offset();
    const std::size_t total = offset + content.size() + tag_;
    if (out.size() < total) return make_error(errc::buffer_too_small, no_offset);

    const std::uint64_t seq = sequence_.next();
    std::uint8_t* body = out.data() + offset;
    place(content, body);
    write_header(out.data(), type, version, total - record_header_size);
    std::array<std::uint8_t, aead_nonce_size> nonce = iv_;
    if (explicit_) {
      put_u64(nonce.data() + 4, seq);
      put_u64(out.data() + record_header_size, seq);
    } else {
      nonce = xor_nonce(iv_, seq);
    }
    const auto aad = additional_data(seq, type, version, content.size());
    TLSWIRE_CHECK(key_.seal(as_view(nonce), as_view(aad), bytes_view(body, content.size()),
                            mutable_bytes(body, content.size() + tag_)));
    sequence_.advance();
    return total;
  }

  // Opens one whole TLSCiphertext into plaintext_out (the fragment's length
  // less nonce_explicit and tag). Refused: a length over limits + 2048, or a
  // plaintext that would be over limits.max_plaintext, record_overflow
  // (RFC 5246 §6.2.3, decided before decrypting); a record that does not
  // authenticate or is too short for nonce_explicit and tag, bad_record_mac;
  // empty handshake/alert/CCS content, unexpected_message.
  constexpr result<opened_record> open(bytes_view record_bytes, mutable_bytes plaintext_out) {
    using namespace record_protection_detail;
    Expects(keyed_);
    if (sequence_.exhausted()) return sequence_exhausted;
    // Exactly one record: bytes after it are trailing_bytes.
    TLSWIRE_TRY(const record rec, decode<record>(record_bytes, limits_));
    const std::size_t overhead = content_offset() - record_header_size + tag_;
    if (rec.fragment.size() < overhead)
      return make_error(errc::bad_record_mac, record_header_size);
    const std::size_t length = rec.fragment.size() - overhead;
    if (length > limits_.max_plaintext) return make_error(errc::record_overflow, 3);
    if (plaintext_out.size() < length) return make_error(errc::buffer_too_small, no_offset);

    const std::uint64_t seq = sequence_.next();
    std::array<std::uint8_t, aead_nonce_size> nonce = iv_;
    bytes_view sealed = rec.fragment;
    if (explicit_) {
      for (std::size_t i = 0; i < explicit_nonce_size; ++i) nonce[4 + i] = rec.fragment[i];
      sealed = rec.fragment.subspan(explicit_nonce_size);
    } else {
      nonce = xor_nonce(iv_, seq);
    }
    const auto aad = additional_data(seq, rec.type, rec.legacy_record_version, length);
    const mutable_bytes plaintext = plaintext_out.first(length);
    if (!key_.open(as_view(nonce), as_view(aad), sealed, plaintext))
      return make_error(errc::bad_record_mac, record_header_size);
    sequence_.advance();
    if (length == 0 && !may_be_empty(rec.type))
      return make_error(errc::unexpected_message, record_header_size);
    return opened_record{rec.type, rec.legacy_record_version, plaintext, 0};
  }

 private:
  // RFC 5246 §6.2.3.3 additional_data (13 bytes).
  static constexpr std::array<std::uint8_t, 13> additional_data(std::uint64_t seq,
                                                                content_type type,
                                                                protocol_version version,
                                                                std::size_t length) noexcept {
    std::array<std::uint8_t, 13> aad{};
    record_protection_detail::put_u64(aad.data(), seq);
    record_protection_detail::write_header(aad.data() + 8, type, version, length);
    return aad;
  }

  typename P::aead_key key_{};
  std::array<std::uint8_t, aead_nonce_size> iv_{};
  std::size_t tag_ = 16;
  record_limits limits_{record_form::tls12, max_plaintext_length};
  record_sequence sequence_{};
  bool explicit_ = true;
  bool keyed_ = false;

 public:
  // As for TLS 1.3: the IV is wiped, and the object is neither copied nor moved.
  constexpr ~tls12_aead_record_protection() {
    secure_wipe(mutable_bytes(iv_.data(), iv_.size()));
  }
  tls12_aead_record_protection(const tls12_aead_record_protection&) = delete;
  tls12_aead_record_protection& operator=(const tls12_aead_record_protection&) = delete;
  tls12_aead_record_protection(tls12_aead_record_protection&&) = delete;
  tls12_aead_record_protection& operator=(tls12_aead_record_protection&&) = delete;
};

}  // namespace tlswire
