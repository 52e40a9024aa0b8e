#pragma once
// RFC 6066 §3 NameType of a server_name entry. Only host_name is defined; an
// unknown type is kept (RFC 6066 lets a server ignore it).
#include <array>
#include <cstdint>
#include <string_view>

#include "tlswire/registry/name_table.hpp"

namespace tlswire {

enum class name_type : std::uint8_t {
  host_name = 0,
};

// IANA names, sorted by value: the one source for to_string and is_known.
inline constexpr auto name_type_names = std::to_array<named<name_type>>({
    {name_type::host_name, "host_name"},
});
static_assert(is_valid_name_table(name_type_names));

// The IANA name, or "" for a value the registry does not list.
constexpr std::string_view to_string(name_type value) noexcept {
  return lookup_name(name_type_names, value);
}
constexpr bool is_known(name_type value) noexcept {
  return table_contains(name_type_names, value);
}

}  // namespace tlswire
