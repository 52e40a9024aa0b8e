#pragma once
// RFC 6066 §4 MaxFragmentLength, IANA "TLS MaxFragmentLength": a code for the
// largest plaintext record fragment (2^9 .. 2^12 bytes) the client asks for.
#include <array>
#include <cstdint>
#include <string_view>

#include "tlswire/registry/name_table.hpp"

namespace tlswire {

enum class max_fragment_length : std::uint8_t {
  len_512 = 1,
  len_1024 = 2,
  len_2048 = 3,
  len_4096 = 4,
};

// IANA names, sorted by value: the one source for to_string and is_known.
inline constexpr auto max_fragment_length_names = std::to_array<named<max_fragment_length>>({
    {max_fragment_length::len_512, "2^9"},
    {max_fragment_length::len_1024, "2^10"},
    {max_fragment_length::len_2048, "2^11"},
    {max_fragment_length::len_4096, "2^12"},
});
static_assert(is_valid_name_table(max_fragment_length_names));

// The IANA name, or "" for a value the registry does not list.
constexpr std::string_view to_string(max_fragment_length value) noexcept {
  return lookup_name(max_fragment_length_names, value);
}
constexpr bool is_known(max_fragment_length value) noexcept {
  return table_contains(max_fragment_length_names, value);
}

// RFC 6066 §4: the largest plaintext fragment the code stands for, or 0 for a
// code RFC 6066 does not define (the server then answers illegal_parameter).
constexpr std::uint16_t max_fragment_bytes(max_fragment_length code) noexcept {
  const auto n = to_underlying(code);
  return n >= 1 && n <= 4 ? static_cast<std::uint16_t>(256U << n) : std::uint16_t{0};
}

}  // namespace tlswire
