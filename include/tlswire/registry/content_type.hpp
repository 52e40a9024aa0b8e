#pragma once
// RFC 8446 §5.1 ContentType, IANA "TLS ContentType": the first byte of every record.
#include <array>
#include <cstdint>
#include <string_view>

#include "tlswire/registry/name_table.hpp"

namespace tlswire {

// RFC 8446 §5.1, RFC 6520 (heartbeat), RFC 9146 (tls12_cid), RFC 9147 (ack).
enum class content_type : std::uint8_t {
  invalid = 0,  // never on the wire; RFC 8446 §5.1
  change_cipher_spec = 20,
  alert = 21,
  handshake = 22,
  application_data = 23,
  heartbeat = 24,  // RFC 6520
  tls12_cid = 25,  // RFC 9146 §4: DTLS 1.2 record with connection ID
  ack = 26,  // RFC 9147 §7: DTLS 1.3 only
  return_routability_check = 27,  // draft-ietf-tls-dtls-rrc: DTLS 1.2/1.3 only
};

// IANA names, sorted by value: the one source for to_string and is_known.
inline constexpr auto content_type_names = std::to_array<named<content_type>>({
    {content_type::invalid, "invalid"},
    {content_type::change_cipher_spec, "change_cipher_spec"},
    {content_type::alert, "alert"},
    {content_type::handshake, "handshake"},
    {content_type::application_data, "application_data"},
    {content_type::heartbeat, "heartbeat"},
    {content_type::tls12_cid, "tls12_cid"},
    {content_type::ack, "ack"},
    {content_type::return_routability_check, "return_routability_check"},
});
static_assert(is_valid_name_table(content_type_names));

// The IANA name, or "" for a value the registry does not list.
constexpr std::string_view to_string(content_type value) noexcept {
  return lookup_name(content_type_names, value);
}
constexpr bool is_known(content_type value) noexcept {
  return table_contains(content_type_names, value);
}

}  // namespace tlswire
