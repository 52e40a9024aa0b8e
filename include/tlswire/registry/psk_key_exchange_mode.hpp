#pragma once
// RFC 8446 §4.2.9 PskKeyExchangeMode, IANA "TLS PskKeyExchangeMode".
#include <array>
#include <cstdint>
#include <string_view>

#include "tlswire/registry/name_table.hpp"

namespace tlswire {

enum class psk_key_exchange_mode : std::uint8_t {
  psk_ke = 0,  // PSK-only key establishment
  psk_dhe_ke = 1,  // PSK with (EC)DHE key establishment
};

// IANA names, sorted by value: the one source for to_string and is_known.
inline constexpr auto psk_key_exchange_mode_names = std::to_array<named<psk_key_exchange_mode>>({
    {psk_key_exchange_mode::psk_ke, "psk_ke"},
    {psk_key_exchange_mode::psk_dhe_ke, "psk_dhe_ke"},
});
static_assert(is_valid_name_table(psk_key_exchange_mode_names));

// The IANA name, or "" for a value the registry does not list.
constexpr std::string_view to_string(psk_key_exchange_mode value) noexcept {
  return lookup_name(psk_key_exchange_mode_names, value);
}
constexpr bool is_known(psk_key_exchange_mode value) noexcept {
  return table_contains(psk_key_exchange_mode_names, value);
}

}  // namespace tlswire
