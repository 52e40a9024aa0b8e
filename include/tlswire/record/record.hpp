#pragma once
// The record header: TLSPlaintext / TLSCiphertext framing and its size limits.
//
//   struct {                                   // RFC 8446 §5.1, RFC 5246 §6.2.1
//       ContentType type;
//       ProtocolVersion legacy_record_version;
//       uint16 length;
//       opaque fragment[TLSPlaintext.length];
//   } TLSPlaintext;
//
// TLSCiphertext (RFC 8446 §5.2, RFC 5246 §6.2.3) has the same five-byte
// header, so one `record` type frames both; `record_limits` says which
// ceiling applies. A parsed record is a view of the caller's bytes.
#include <cstddef>
#include <cstdint>

#include "tlswire/registry/content_type.hpp"
#include "tlswire/registry/max_fragment_length.hpp"
#include "tlswire/registry/protocol_version.hpp"
#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/reader.hpp"
#include "tlswire/wire/result.hpp"
#include "tlswire/wire/writer.hpp"

namespace tlswire {

// RFC 8446 §5.1: type (1) + legacy_record_version (2) + length (2).
inline constexpr std::size_t record_header_size = 5;
// RFC 8446 §5.1, RFC 5246 §6.2.1: "The length MUST NOT exceed 2^14."
inline constexpr std::size_t max_plaintext_length = std::size_t{1} << 14;
// RFC 8446 §5.2: encrypted_record "MUST NOT exceed 2^14 + 256 bytes".
inline constexpr std::size_t tls13_ciphertext_expansion = 256;
// RFC 5246 §6.2.3: TLSCiphertext.length "MUST NOT exceed 2^14 + 2048".
inline constexpr std::size_t tls12_ciphertext_expansion = 2048;
// RFC 8449 §4: "Endpoints MUST NOT send a value smaller than 64."
inline constexpr std::size_t min_record_size_limit = 64;

// Which form of record arrives, and so which length ceiling applies.
enum class record_form : std::uint8_t {
  none,   // TLSPlaintext (RFC 8446 §5.1): fragment <= plaintext ceiling
  tls13,  // TLSCiphertext (RFC 8446 §5.2): ceiling + 256
  tls12,  // TLSCiphertext (RFC 5246 §6.2.3): ceiling + 2048 (compression + MAC + padding)
};

// The size limits a receiver enforces (record_overflow beyond them). Firmware
// with small record buffers negotiates max_fragment_length or record_size_limit
// and builds its limits from the result, so no record can outgrow its buffer.
struct record_limits {
  record_form protection = record_form::none;
  // Content bytes a record may carry: 2^14, or less once a limit is negotiated.
  std::size_t max_plaintext = max_plaintext_length;

  // The largest TLSPlaintext/TLSCiphertext.length accepted.
  constexpr std::size_t max_fragment() const noexcept {
    switch (protection) {
      case record_form::none: return max_plaintext;
      case record_form::tls13: return max_plaintext + tls13_ciphertext_expansion;
      case record_form::tls12: return max_plaintext + tls12_ciphertext_expansion;
    }
    return max_plaintext;
  }

  friend constexpr bool operator==(const record_limits&, const record_limits&) = default;
};

// RFC 6066 §4: a negotiated max_fragment_length caps the plaintext of every
// record after the hellos, protected or not; TLSCiphertext keeps its usual
// expansion above it. A code RFC 6066 does not define is illegal_parameter.
constexpr result<record_limits> limits_for_max_fragment_length(max_fragment_length code,
                                                              record_form protection) noexcept {
  const std::size_t bytes = max_fragment_bytes(code);
  if (bytes == 0) return make_error(errc::bad_value, alert_description::illegal_parameter, no_offset);
  return record_limits{protection, bytes};
}

// RFC 8449 §4: record_size_limit counts the plaintext of *protected* records —
// in TLS 1.3 the whole TLSInnerPlaintext (content + type byte + padding), in
// 1.2 everything that goes into compression and encryption. "Unprotected
// messages are not subject to this limit", so for record_form::none the
// limits stay at 2^14. Values above the protocol maximum (2^14 for 1.2,
// 2^14+1 for 1.3) are allowed on the wire and mean "no smaller limit";
// values below 64 are illegal_parameter.
constexpr result<record_limits> limits_for_record_size_limit(std::uint16_t limit, protocol_version version,
                                                            record_form protection) noexcept {
  if (limit < min_record_size_limit) return make_error(errc::bad_value, alert_description::illegal_parameter, no_offset);
  if (protection == record_form::none) return record_limits{};
  // 1.3's limit includes the inner content-type byte; the content is one less.
  const bool tls13 = version == protocol_version::tls13;
  std::size_t content = tls13 ? std::size_t{limit} - 1 : std::size_t{limit};
  if (content > max_plaintext_length) content = max_plaintext_length;
  return record_limits{protection, content};
}

// RFC 5246 §6.2.1 / RFC 8446 §5.1: "Implementations MUST NOT send zero-length
// fragments of Handshake [, Alert, or ChangeCipherSpec] content types";
// application data (and content types this library does not know) may be empty.
constexpr bool may_be_empty(content_type type) noexcept {
  return type != content_type::handshake && type != content_type::alert &&
         type != content_type::change_cipher_spec;
}

// The five-byte header alone, for a fragment already written in place right
// after it (an engine builds a record's content where it will be sent). The
// same refusals as record::encode: over the ceiling of `limits`
// (record_overflow), empty where RFC 8446 §5.1 forbids it (unexpected_message).
constexpr void encode_record_header(writer& w, content_type type, protocol_version version,
                                    std::size_t fragment_length, record_limits limits = {}) noexcept {
  if (fragment_length > limits.max_fragment()) return w.fail(errc::record_overflow);
  if (fragment_length == 0 && !may_be_empty(type)) return w.fail(errc::unexpected_message);
  w.code(type);
  w.code(version);
  w.u16(static_cast<std::uint16_t>(fragment_length));
}

// RFC 8446 §5.1 TLSPlaintext / §5.2 TLSCiphertext.
struct record {
  content_type type{};                       // kept as received, known or not
  protocol_version legacy_record_version{};  // RFC 8446 §5.1: MUST be ignored on receipt
  bytes_view fragment{};

  // Reads one record. Refusals, in the order a stream reveals them:
  //  - a length over limits.max_fragment(): record_overflow at the length
  //    field, decided from the header alone (no need to wait for the body);
  //  - a zero length where RFC 5246 §6.2.1 / RFC 8446 §5.1 forbid it:
  //    unexpected_message at the length field (the alert RFC 8446 §5.4 names
  //    for an empty handshake or alert content);
  //  - a body shorter than the length: decode_error at the length field.
  static constexpr record parse(reader& r, record_limits limits = {}) noexcept {
    record rec;
    rec.type = r.code<content_type>();
    rec.legacy_record_version = r.code<protocol_version>();
    const std::size_t length_at = r.offset();
    const std::size_t length = r.u16();
    if (!r) return rec;
    if (length > limits.max_fragment()) {
      r.fail(errc::record_overflow, length_at);
      return rec;
    }
    if (length == 0 && !may_be_empty(rec.type)) {
      r.fail(errc::unexpected_message, length_at);
      return rec;
    }
    if (length > r.remaining()) {
      r.fail(errc::truncated, length_at);
      return rec;
    }
    rec.fragment = r.bytes(length);
    return rec;
  }

  // Writes the record; refuses (record_overflow) a fragment over the ceiling
  // of `limits` or an empty fragment of a type that may not be empty
  // (unexpected_message), so this library never sends what it would refuse.
  constexpr void encode(writer& w, record_limits limits) const noexcept {
    if (fragment.size() > limits.max_fragment()) return w.fail(errc::record_overflow);
    if (fragment.empty() && !may_be_empty(type)) return w.fail(errc::unexpected_message);
    w.code(type);
    w.code(legacy_record_version);
    w.u16(static_cast<std::uint16_t>(fragment.size()));
    w.bytes(fragment);
  }
  // Without limits: the largest record any TLS version allows (2^14 + 2048).
  constexpr void encode(writer& w) const noexcept {
    encode(w, record_limits{record_form::tls12, max_plaintext_length});
  }

  // Header plus fragment: the bytes this record takes on the wire.
  constexpr std::size_t wire_size() const noexcept { return record_header_size + fragment.size(); }

  friend constexpr bool operator==(const record& a, const record& b) noexcept {
    return a.type == b.type && a.legacy_record_version == b.legacy_record_version &&
           equal_bytes(a.fragment, b.fragment);
  }
};

}  // namespace tlswire
