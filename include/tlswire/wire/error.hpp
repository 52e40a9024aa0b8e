#pragma once
// What went wrong, what the peer should be told, and where.
//
// Every failure in tlswire is an `error`: a code naming the fault, the TLS
// alert a conforming peer sends for it (RFC 8446 §6.2), and the byte offset
// in the caller's input where it was found. Never an exception.
#include <cstdint>
#include <string_view>

#include "tlswire/registry/alert.hpp"

namespace tlswire {

enum class errc : std::uint8_t {
  none = 0,
  truncated,             // the input ended inside a field
  length_out_of_range,   // a vector length outside the RFC's <min..max>
  length_mismatch,       // a length that disagrees with the bytes it covers
  trailing_bytes,        // bytes left over after a complete structure
  bad_value,             // a field holds a value the RFC forbids here
  duplicate_extension,   // the same extension type twice in one list
  extension_not_allowed, // an extension in a message it may not appear in
  extension_order,       // e.g. pre_shared_key not last in ClientHello
  missing_extension,     // a required extension is absent
  record_overflow,       // a record longer than the protocol allows
  message_too_large,     // a handshake message over the configured maximum
  unexpected_message,    // a message or record of the wrong kind here
  buffer_too_small,      // the caller's output span cannot hold the encoding
  bad_record_mac,        // record protection failed to authenticate
  crypto_failure,        // a crypto back-end reported failure
  unsupported,           // a valid value this build does not implement
  internal,              // tlswire broke one of its own invariants: a bug,
                         // refused with internal_error instead of stopping
};

constexpr std::string_view to_string(errc code) noexcept {
  switch (code) {
    case errc::none: return "none";
    case errc::truncated: return "truncated";
    case errc::length_out_of_range: return "length out of range";
    case errc::length_mismatch: return "length mismatch";
    case errc::trailing_bytes: return "trailing bytes";
    case errc::bad_value: return "bad value";
    case errc::duplicate_extension: return "duplicate extension";
    case errc::extension_not_allowed: return "extension not allowed here";
    case errc::extension_order: return "extension out of order";
    case errc::missing_extension: return "missing extension";
    case errc::record_overflow: return "record overflow";
    case errc::message_too_large: return "message too large";
    case errc::unexpected_message: return "unexpected message";
    case errc::buffer_too_small: return "buffer too small";
    case errc::bad_record_mac: return "bad record mac";
    case errc::crypto_failure: return "crypto failure";
    case errc::unsupported: return "unsupported";
    case errc::internal: return "internal error";
  }
  return "unknown error";
}

// The offset of an error that has no position in any input: a crypto
// back-end's failure, an encoder's, a rule about a value built in memory or
// one whose caller has not placed it yet. Offset 0 is a real position (the
// input's first byte), so "nowhere" needs a value of its own.
inline constexpr std::uint32_t no_offset = 0xffffffff;

struct error {
  errc code = errc::none;
  alert_description alert = alert_description::internal_error;
  std::uint32_t offset = no_offset;  // byte offset in the input where it was found

  constexpr bool has_offset() const noexcept { return offset != no_offset; }

  friend constexpr bool operator==(const error&, const error&) = default;
};

// The alert RFC 8446 §6.2 names for faults found while decoding a structure.
constexpr alert_description default_alert(errc code) noexcept {
  switch (code) {
    case errc::truncated:
    case errc::length_out_of_range:
    case errc::length_mismatch:
    case errc::trailing_bytes:
      return alert_description::decode_error;
    case errc::bad_value:
    case errc::duplicate_extension:
    case errc::extension_order:
      return alert_description::illegal_parameter;
    case errc::extension_not_allowed:
      return alert_description::unsupported_extension;
    case errc::missing_extension:
      return alert_description::missing_extension;
    case errc::record_overflow:
      return alert_description::record_overflow;
    case errc::message_too_large:
      return alert_description::handshake_failure;
    case errc::unexpected_message:
      return alert_description::unexpected_message;
    case errc::bad_record_mac:
      return alert_description::bad_record_mac;
    case errc::none:
    case errc::buffer_too_small:
    case errc::crypto_failure:
    case errc::unsupported:
    case errc::internal:
      return alert_description::internal_error;
  }
  return alert_description::internal_error;
}

// `offset` is a position in the caller's input, or no_offset.
constexpr error make_error(errc code, std::size_t offset) noexcept {
  return error{code, default_alert(code), static_cast<std::uint32_t>(offset)};
}

constexpr error make_error(errc code, alert_description alert, std::size_t offset) noexcept {
  return error{code, alert, static_cast<std::uint32_t>(offset)};
}

// An error found in a part of a larger input, placed in the whole: its
// offset moved by `base`, where the part begins; no_offset stays nowhere.
constexpr error placed_at(error e, std::size_t base) noexcept {
  if (e.has_offset()) e.offset = static_cast<std::uint32_t>(e.offset + base);
  return e;
}

}  // namespace tlswire
