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
#include "tlswire/crypto/secret.hpp"
#include "tlswire/record/inner_plaintext.hpp"
#include "tlswire/record/record.hpp"
#include "tlswire/registry/content_type.hpp"
#include "tlswire/registry/protocol_version.hpp"
#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/codec.hpp"
#include "tlswire/wire/reader.hpp"
#include "tlswire/wire/result.hpp"
#include "tlswire/wire/writer.hpp"

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

// RFC 8446 §5.5 "Limits on Key Usage": how many records one key may
// protect before confidentiality weakens, per AEAD (the sequence number
// restarts with each key, so it counts them):
//   AES-GCM: "up to 2^24.5 full-size records (about 24 million) may be
//     encrypted on a given connection while keeping a safety margin of
//     approximately 2^-57"; floor(2^24.5) = 23726566.
//   ChaCha20-Poly1305: "the record sequence number would wrap before the
//     safety limit is reached": only the 2^64 - 1 ceiling of record_sequence.
//   AES-CCM and CCM_8: RFC 8446 names none. The confidentiality bound for
//     CCM (draft-irtf-cfrg-aead-limits §5.3, the analysis RFC 9147 §4.5.3
//     and its Appendix B rest on), CA <= (2l * q)^2 / 2^128, with a
//     confidentiality advantage of 2^-60 (the margin behind GCM's 2^24.5)
//     and l = 2^10 blocks per full record, gives q <= 2^23.
// Records, not bytes, are counted: a short record counts as a full one,
// which only errs towards updating early.
//
// aead_last_sequence is the last sequence number a key may seal: the limit
// less one, or 2^64 - 1 for ChaCha20-Poly1305.
constexpr std::uint64_t aead_last_sequence(aead_id aead) noexcept {
  switch (aead) {
    case aead_id::aes_128_gcm:
    case aead_id::aes_256_gcm: return 23726566 - 1;
    case aead_id::aes_128_ccm:
    case aead_id::aes_128_ccm_8: return (std::uint64_t{1} << 23) - 1;
    case aead_id::chacha20_poly1305: break;
  }
  return std::numeric_limits<std::uint64_t>::max();
}

// From which sequence number key_update_needed() says so: 1/16 of the limit
// before it (about 1.5 million records for AES-GCM), room for a KeyUpdate
// (RFC 8446 §4.6.3) to reach the peer while records keep flowing. RFC 8446
// §5.5 wants the update before the limit is reached.
constexpr std::uint64_t key_update_threshold(std::uint64_t last_sequence) noexcept {
  return last_sequence - last_sequence / 16;
}

// Rewinding or seeking a direction's sequence number would let a caller
// seal two records under one nonce, so no public function does it. Tests
// and fuzz harnesses, which must reach the 2^64 - 1 ceiling or a usage limit
// without sealing billions of records, define this type
// (tests/support/record_protection_access.hpp); the library only declares it.
struct record_protection_test_access;

namespace record_protection_detail {

inline constexpr error sequence_exhausted{errc::crypto_failure, alert_description::internal_error,
                                          no_offset};

// What seal() checks first: the ceiling of the sequence number (RFC 8446
// §5.3) and the AEAD's usage limit (§5.5). Either one ends this key: the
// caller rekeys (KeyUpdate) or closes. No alert names it: internal_error.
constexpr bool may_seal(const record_sequence& sequence, std::uint64_t last_sequence) noexcept {
  return !sequence.exhausted() && sequence.next() <= last_sequence;
}

// A nonce derived from the write IV is key material as much as the IV: it
// lives in a secret, which wipes itself when the record is done.
using nonce = secret<aead_nonce_size>;

// RFC 8446 §5.3: "The 64-bit record sequence number is encoded in network
// byte order and padded to the left with zeros to iv_length. The padded
// sequence number is XORed with either the static client_write_iv or
// server_write_iv". RFC 7905 §2 builds TLS 1.2 ChaCha20-Poly1305 nonces alike.
constexpr nonce xor_nonce(const nonce& iv, std::uint64_t sequence) noexcept {
  nonce n = iv;
  std::uint8_t* const bytes = n.span().data();  // one checked span, not one per byte
  for (std::size_t i = 0; i < 8; ++i)
    bytes[aead_nonce_size - 1 - i] ^= static_cast<std::uint8_t>(sequence >> (8 * i));
  return n;
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

// The 5-byte record header (RFC 8446 §5.1 / RFC 5246 §6.2.1) into `out`,
// which the caller sized; `length` fits a uint16 by the callers' limits.
constexpr void write_header(mutable_bytes out, content_type type, protocol_version version,
                            std::size_t length) noexcept {
  writer w(out);
  w.code(type);
  w.code(version);
  w.u16(static_cast<std::uint16_t>(length));
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
    iv_ = record_protection_detail::nonce(iv);
    tag_ = aead_tag_size(aead);
    last_sequence_ = aead_last_sequence(aead);
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
  // RFC 8446 §5.5: this key is near its AEAD's usage limit (or its
  // sequence number's end): time for a KeyUpdate, which rekeys with
  // set_key. seal() refuses once the limit itself is reached.
  constexpr bool key_update_needed() const noexcept {
    return sequence_.exhausted() || sequence_.next() >= key_update_threshold(last_sequence_);
  }

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
    if (!may_seal(sequence_, last_sequence_)) return sequence_exhausted;
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
    write_header(out.first(record_header_size), content_type::application_data,
                 protocol_version::tls12, inner + tag_);

    const nonce n = xor_nonce(iv_, sequence_.next());
    TLSWIRE_CHECK(key_.seal(n.view(), out.first(record_header_size),
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

    const nonce n = xor_nonce(iv_, sequence_.next());
    if (!key_.open(n.view(), record_bytes.first(record_header_size), rec.fragment, inner))
      return make_error(errc::bad_record_mac, record_header_size);
    sequence_.advance();

    reader ir(inner, record_header_size);
    const inner_plaintext p = inner_plaintext::parse(ir, limits_);
    if (!ir) return ir.error();
    return opened_record{p.type, rec.legacy_record_version, p.content, p.padding};
  }

 private:
  friend struct record_protection_test_access;
  constexpr void set_sequence(record_sequence s) noexcept { sequence_ = s; }

  typename P::aead_key key_{};
  record_protection_detail::nonce iv_{aead_nonce_size};  // wipes itself
  std::size_t tag_ = 16;
  std::uint64_t last_sequence_ = 0;
  record_limits limits_{record_form::tls13, max_plaintext_length};
  record_sequence sequence_{};
  bool keyed_ = false;

 public:
  // The IV is key material too. Neither copied nor moved: one live copy of
  // the key and IV, and of the sequence number that must never repeat under them.
  constexpr ~tls13_record_protection() = default;
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
  // A refusal (unsupported AEAD, a key the provider refuses) leaves the
  // direction as it was: nothing is changed before the steps that can fail.
  constexpr status set_key(aead_id aead, bytes_view key, bytes_view fixed_iv,
                           record_limits limits = {}) {
    const bool explicit_nonce = aead != aead_id::chacha20_poly1305;
    Expects(fixed_iv.size() == (explicit_nonce ? 4 : aead_nonce_size));
    if (!P::supports(aead)) return make_error(errc::unsupported, no_offset);
    TLSWIRE_CHECK(key_.set_key(aead, key));
    explicit_ = explicit_nonce;
    iv_ = record_protection_detail::nonce(aead_nonce_size);  // a GCM/CCM salt is zero-padded
    for (std::size_t i = 0; i < fixed_iv.size(); ++i) iv_.span()[i] = fixed_iv[i];
    tag_ = aead_tag_size(aead);
    last_sequence_ = aead_last_sequence(aead);
    limits_ = limits;
    limits_.protection = record_form::tls12;
    sequence_ = record_sequence{};
    keyed_ = true;
    return {};
  }

  constexpr bool keyed() const noexcept { return keyed_; }
  constexpr const record_sequence& sequence() const noexcept { return sequence_; }
  // As for TLS 1.3 (RFC 8446 §5.5's limits hold for TLS 1.2's AEADs too);
  // TLS 1.2 has no KeyUpdate, so the answer is renegotiation or closing.
  constexpr bool key_update_needed() const noexcept {
    return sequence_.exhausted() || sequence_.next() >= key_update_threshold(last_sequence_);
  }

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
    if (!may_seal(sequence_, last_sequence_)) return sequence_exhausted;
    if (content.size() > limits_.max_plaintext) return make_error(errc::record_overflow, no_offset);
    if (content.empty() && !may_be_empty(type)) return make_error(errc::unexpected_message, no_offset);
    const std::size_t offset = content_offset();
    const std::size_t total = offset + content.size() + tag_;
    if (out.size() < total) return make_error(errc::buffer_too_small, no_offset);

    const std::uint64_t seq = sequence_.next();
    std::uint8_t* body = out.data() + offset;
    place(content, body);
    write_header(out.first(record_header_size), type, version, total - record_header_size);
    nonce n = iv_;
    if (explicit_) {
      writer(n.span().subspan(4)).u64(seq);
      writer(out.subspan(record_header_size, explicit_nonce_size)).u64(seq);
    } else {
      n = xor_nonce(iv_, seq);
    }
    const auto aad = additional_data(seq, type, version, content.size());
    TLSWIRE_CHECK(key_.seal(n.view(), as_view(aad), bytes_view(body, content.size()),
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
    nonce n = iv_;
    bytes_view sealed = rec.fragment;
    if (explicit_) {
      for (std::size_t i = 0; i < explicit_nonce_size; ++i) n.span()[4 + i] = rec.fragment[i];
      sealed = rec.fragment.subspan(explicit_nonce_size);
    } else {
      n = xor_nonce(iv_, seq);
    }
    const auto aad = additional_data(seq, rec.type, rec.legacy_record_version, length);
    const mutable_bytes plaintext = plaintext_out.first(length);
    if (!key_.open(n.view(), as_view(aad), sealed, plaintext))
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
    writer(mutable_bytes(aad.data(), 8)).u64(seq);
    record_protection_detail::write_header(mutable_bytes(aad).subspan(8), type, version, length);
    return aad;
  }

  friend struct record_protection_test_access;
  constexpr void set_sequence(record_sequence s) noexcept { sequence_ = s; }

  typename P::aead_key key_{};
  record_protection_detail::nonce iv_{aead_nonce_size};  // wipes itself
  std::size_t tag_ = 16;
  std::uint64_t last_sequence_ = 0;
  record_limits limits_{record_form::tls12, max_plaintext_length};
  record_sequence sequence_{};
  bool explicit_ = true;
  bool keyed_ = false;

 public:
  // As for TLS 1.3: the IV is wiped, and the object is neither copied nor moved.
  constexpr ~tls12_aead_record_protection() = default;
  tls12_aead_record_protection(const tls12_aead_record_protection&) = delete;
  tls12_aead_record_protection& operator=(const tls12_aead_record_protection&) = delete;
  tls12_aead_record_protection(tls12_aead_record_protection&&) = delete;
  tls12_aead_record_protection& operator=(tls12_aead_record_protection&&) = delete;
};

}  // namespace tlswire
