#pragma once
// RFC 8446 §4 HandshakeType, IANA "TLS HandshakeType": the first byte of every
// handshake message, TLS 1.2 and 1.3 (and DTLS) values side by side.
#include <array>
#include <cstdint>
#include <string_view>

#include "tlswire/registry/name_table.hpp"

namespace tlswire {

// RFC 8446 §4 / RFC 5246 §7.4 and the RFCs named beside each value.
enum class handshake_type : std::uint8_t {
  hello_request = 0,  // RFC 5246 §7.4.1.1; 1.2 and earlier
  client_hello = 1,
  server_hello = 2,
  hello_verify_request = 3,  // RFC 6347 §4.2.1: DTLS only
  new_session_ticket = 4,  // RFC 5077 / RFC 8446 §4.6.1
  end_of_early_data = 5,  // RFC 8446 §4.5
  hello_retry_request = 6,  // reserved: 1.3 sends HRR as a ServerHello (RFC 8446 §4.1.3)
  encrypted_extensions = 8,  // RFC 8446 §4.3.1
  request_connection_id = 9,  // RFC 9147 §9
  new_connection_id = 10,  // RFC 9147 §9
  certificate = 11,
  server_key_exchange = 12,  // 1.2 and earlier
  certificate_request = 13,
  server_hello_done = 14,  // 1.2 and earlier
  certificate_verify = 15,
  client_key_exchange = 16,  // 1.2 and earlier
  client_certificate_request = 17,  // RFC 9261 §4: exported authenticators
  finished = 20,
  certificate_url = 21,  // RFC 6066 §5
  certificate_status = 22,  // RFC 6066 §8; 1.2 and earlier
  supplemental_data = 23,  // RFC 4680
  key_update = 24,  // RFC 8446 §4.6.3
  compressed_certificate = 25,  // RFC 8879 §4
  ekt_key = 26,  // RFC 8870
  message_hash = 254,  // RFC 8446 §4.4.1: only inside the transcript hash after HRR
};

// IANA names, sorted by value: the one source for to_string and is_known.
inline constexpr auto handshake_type_names = std::to_array<named<handshake_type>>({
    {handshake_type::hello_request, "hello_request"},
    {handshake_type::client_hello, "client_hello"},
    {handshake_type::server_hello, "server_hello"},
    {handshake_type::hello_verify_request, "hello_verify_request"},
    {handshake_type::new_session_ticket, "new_session_ticket"},
    {handshake_type::end_of_early_data, "end_of_early_data"},
    {handshake_type::hello_retry_request, "hello_retry_request_RESERVED"},
    {handshake_type::encrypted_extensions, "encrypted_extensions"},
    {handshake_type::request_connection_id, "request_connection_id"},
    {handshake_type::new_connection_id, "new_connection_id"},
    {handshake_type::certificate, "certificate"},
    {handshake_type::server_key_exchange, "server_key_exchange"},
    {handshake_type::certificate_request, "certificate_request"},
    {handshake_type::server_hello_done, "server_hello_done"},
    {handshake_type::certificate_verify, "certificate_verify"},
    {handshake_type::client_key_exchange, "client_key_exchange"},
    {handshake_type::client_certificate_request, "client_certificate_request"},
    {handshake_type::finished, "finished"},
    {handshake_type::certificate_url, "certificate_url"},
    {handshake_type::certificate_status, "certificate_status"},
    {handshake_type::supplemental_data, "supplemental_data"},
    {handshake_type::key_update, "key_update"},
    {handshake_type::compressed_certificate, "compressed_certificate"},
    {handshake_type::ekt_key, "ekt_key"},
    {handshake_type::message_hash, "message_hash"},
});
static_assert(is_valid_name_table(handshake_type_names));

// The IANA name, or "" for a value the registry does not list.
constexpr std::string_view to_string(handshake_type value) noexcept {
  return lookup_name(handshake_type_names, value);
}
constexpr bool is_known(handshake_type value) noexcept {
  return table_contains(handshake_type_names, value);
}

}  // namespace tlswire
