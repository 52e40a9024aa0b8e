#pragma once
// RFC 8446 §4.6.3 KeyUpdateRequest: whether the peer must answer with its own KeyUpdate.
#include <array>
#include <cstdint>
#include <string_view>

#include "tlswire/registry/name_table.hpp"

namespace tlswire {

enum class key_update_request : std::uint8_t {
  update_not_requested = 0,
  update_requested = 1,
};

// IANA names, sorted by value: the one source for to_string and is_known.
inline constexpr auto key_update_request_names = std::to_array<named<key_update_request>>({
    {key_update_request::update_not_requested, "update_not_requested"},
    {key_update_request::update_requested, "update_requested"},
});
static_assert(is_valid_name_table(key_update_request_names));

// The IANA name, or "" for a value the registry does not list.
constexpr std::string_view to_string(key_update_request value) noexcept {
  return lookup_name(key_update_request_names, value);
}
constexpr bool is_known(key_update_request value) noexcept {
  return table_contains(key_update_request_names, value);
}

}  // namespace tlswire
