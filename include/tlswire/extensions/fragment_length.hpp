#pragma once
// Limits on record size: max_fragment_length (RFC 6066 §4) and
// record_size_limit (RFC 8449).
#include <cstdint>

#include "tlswire/extensions/extension.hpp"
#include "tlswire/registry/max_fragment_length.hpp"

namespace tlswire {

// RFC 6066 §4: the extension_data is one MaxFragmentLength, in the
// ClientHello and echoed in ServerHello / EncryptedExtensions.
//   enum{
//       2^9(1), 2^10(2), 2^11(3), 2^12(4), (255)
//   } MaxFragmentLength;
// (Named `_extension` because `max_fragment_length` is the registry's enum.)
struct max_fragment_length_extension {
  static constexpr extension_type type = extension_type::max_fragment_length;
  tlswire::max_fragment_length max_fragment_length{};

  static constexpr max_fragment_length_extension parse(reader& r) noexcept {
    return {r.code<tlswire::max_fragment_length>()};
  }
  constexpr void encode(writer& w) const noexcept { w.code(max_fragment_length); }
  friend constexpr bool operator==(const max_fragment_length_extension&,
                                   const max_fragment_length_extension&) = default;
  // The plaintext limit in bytes (2^9..2^12), or 0 for an unknown value.
  constexpr std::uint32_t length_limit() const noexcept {
    const auto code = to_underlying(max_fragment_length);
    return code >= 1 && code <= 4 ? std::uint32_t{1} << (8 + code) : 0;
  }
};

// RFC 6066 §4: a value other than the allowed ones MUST be answered with
// illegal_parameter.
constexpr status validate(const max_fragment_length_extension& ext) {
  if (!is_known(ext.max_fragment_length)) return make_error(errc::bad_value, no_offset);
  return {};
}

// RFC 8449 §4
//   uint16 RecordSizeLimit;
struct record_size_limit {
  static constexpr extension_type type = extension_type::record_size_limit;
  std::uint16_t limit = 0;  // RecordSizeLimit

  static constexpr record_size_limit parse(reader& r) noexcept { return {r.u16()}; }
  constexpr void encode(writer& w) const noexcept { w.u16(limit); }
  friend constexpr bool operator==(const record_size_limit&, const record_size_limit&) = default;
};

// RFC 8449 §4: "Endpoints MUST NOT send a "record_size_limit" extension
// with a value smaller than 64. An endpoint MUST treat receipt of a
// smaller value as a fatal error and generate an "illegal_parameter" alert."
constexpr status validate(const record_size_limit& ext) {
  if (ext.limit < 64) return make_error(errc::bad_value, no_offset);
  return {};
}

}  // namespace tlswire
