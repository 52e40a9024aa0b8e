#pragma once
// CompressionMethod, IANA "TLS Compression Method Identifiers" (RFC 3749). TLS 1.3
// requires exactly {null} (RFC 8446 §4.1.2); compression is a known attack (CRIME).
#include <array>
#include <cstdint>
#include <string_view>

#include "tlswire/registry/name_table.hpp"

namespace tlswire {

enum class compression_method : std::uint8_t {
  null = 0,  // RFC 5246 §6.1
  deflate = 1,  // RFC 3749
  lzs = 64,  // RFC 3943
};

// IANA names, sorted by value: the one source for to_string and is_known.
inline constexpr auto compression_method_names = std::to_array<named<compression_method>>({
    {compression_method::null, "null"},
    {compression_method::deflate, "DEFLATE"},
    {compression_method::lzs, "LZS"},
});
static_assert(is_valid_name_table(compression_method_names));

// The IANA name, or "" for a value the registry does not list.
constexpr std::string_view to_string(compression_method value) noexcept {
  return lookup_name(compression_method_names, value);
}
constexpr bool is_known(compression_method value) noexcept {
  return table_contains(compression_method_names, value);
}

}  // namespace tlswire
