#pragma once
// RFC 6520 Heartbeat: the mode offered in the heartbeat extension (§2) and the
// type of a HeartbeatMessage (§3).
#include <array>
#include <cstdint>
#include <string_view>

#include "tlswire/registry/name_table.hpp"

namespace tlswire {

// RFC 6520 §2 HeartbeatMode
enum class heartbeat_mode : std::uint8_t {
  peer_allowed_to_send = 1,
  peer_not_allowed_to_send = 2,
};

// IANA names, sorted by value: the one source for to_string and is_known.
inline constexpr auto heartbeat_mode_names = std::to_array<named<heartbeat_mode>>({
    {heartbeat_mode::peer_allowed_to_send, "peer_allowed_to_send"},
    {heartbeat_mode::peer_not_allowed_to_send, "peer_not_allowed_to_send"},
});
static_assert(is_valid_name_table(heartbeat_mode_names));

// The IANA name, or "" for a value the registry does not list.
constexpr std::string_view to_string(heartbeat_mode value) noexcept {
  return lookup_name(heartbeat_mode_names, value);
}
constexpr bool is_known(heartbeat_mode value) noexcept {
  return table_contains(heartbeat_mode_names, value);
}

// RFC 6520 §3 HeartbeatMessageType
enum class heartbeat_message_type : std::uint8_t {
  heartbeat_request = 1,
  heartbeat_response = 2,
};

// IANA names, sorted by value: the one source for to_string and is_known.
inline constexpr auto heartbeat_message_type_names = std::to_array<named<heartbeat_message_type>>({
    {heartbeat_message_type::heartbeat_request, "heartbeat_request"},
    {heartbeat_message_type::heartbeat_response, "heartbeat_response"},
});
static_assert(is_valid_name_table(heartbeat_message_type_names));

// The IANA name, or "" for a value the registry does not list.
constexpr std::string_view to_string(heartbeat_message_type value) noexcept {
  return lookup_name(heartbeat_message_type_names, value);
}
constexpr bool is_known(heartbeat_message_type value) noexcept {
  return table_contains(heartbeat_message_type_names, value);
}

}  // namespace tlswire
