#pragma once
// padding: RFC 7685 §3.
#include <cstddef>

#include "tlswire/extensions/extension.hpp"

namespace tlswire {

// RFC 7685 §3: "The "extension_data" for the extension consists of an
// arbitrary number of zero bytes." Parsing keeps the exact bytes received
// (non-zero ones included: refusing them is validate()'s job); a padding to
// send is `padding::zeros(n)`, written without needing a buffer of zeros.
struct padding {
  static constexpr extension_type type = extension_type::padding;
  bytes_view padding_bytes{};   // as received
  std::size_t zero_count = 0;   // zero bytes written after padding_bytes

  static constexpr padding zeros(std::size_t n) noexcept { return {{}, n}; }

  static constexpr padding parse(reader& r) noexcept { return {r.bytes(r.remaining()), 0}; }
  constexpr void encode(writer& w) const noexcept {
    w.bytes(padding_bytes);
    w.fill(zero_count, 0);
  }
  constexpr std::size_t size() const noexcept { return padding_bytes.size() + zero_count; }
  constexpr std::uint8_t operator[](std::size_t i) const noexcept {
    return i < padding_bytes.size() ? padding_bytes[i] : std::uint8_t{0};
  }
  friend constexpr bool operator==(const padding& a, const padding& b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (a[i] != b[i]) return false;
    return true;
  }
};

// RFC 7685 §3: "The client MUST fill the padding extension completely
// with zero bytes"; a non-zero byte is refused with illegal_parameter.
constexpr status validate(const padding& ext) {
  for (std::size_t i = 0; i < ext.padding_bytes.size(); ++i)
    if (ext.padding_bytes[i] != 0) return make_error(errc::bad_value, no_offset);
  return {};
}

}  // namespace tlswire
