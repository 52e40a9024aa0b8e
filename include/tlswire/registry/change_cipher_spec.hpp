#pragma once
// RFC 5246 §7.1 ChangeCipherSpec: a record of one byte, always 1. TLS 1.3 peers
// still exchange it in middlebox-compatibility mode and ignore it (RFC 8446 §5).
#include <array>
#include <cstdint>
#include <string_view>

#include "tlswire/registry/name_table.hpp"

namespace tlswire {

enum class change_cipher_spec_type : std::uint8_t {
  change_cipher_spec = 1,
};

// IANA names, sorted by value: the one source for to_string and is_known.
inline constexpr auto change_cipher_spec_type_names = std::to_array<named<change_cipher_spec_type>>({
    {change_cipher_spec_type::change_cipher_spec, "change_cipher_spec"},
});
static_assert(is_valid_name_table(change_cipher_spec_type_names));

// The IANA name, or "" for a value the registry does not list.
constexpr std::string_view to_string(change_cipher_spec_type value) noexcept {
  return lookup_name(change_cipher_spec_type_names, value);
}
constexpr bool is_known(change_cipher_spec_type value) noexcept {
  return table_contains(change_cipher_spec_type_names, value);
}

}  // namespace tlswire
