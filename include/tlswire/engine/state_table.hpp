#pragma once
// The TLS 1.3 handshake state machines (RFC 8446 §A.1 client, §A.2 server)
// as one table per side: which handshake message may arrive in which state.
// The engines look a message up here before anything else; a message the
// table does not list for the current state is unexpected_message (RFC 8446
// §6.2), whatever it is. Which state follows is decided by the handler of
// each message (a ServerHello may be a HelloRetryRequest, a server may ask
// for a certificate or not); s2n-tls keeps the same split in
// tls/s2n_handshake_io.c.
#include <cstdint>
#include <string_view>

#include "tlswire/registry/handshake_type.hpp"

namespace tlswire::engine {

// RFC 8446 §A.1 and §A.2 state names, one enum for both sides.
enum class handshake_state : std::uint8_t {
  // client (§A.1)
  client_start,          // before ClientHello is written
  wait_server_hello,     // WAIT_SH
  wait_server_hello_2,   // WAIT_SH after a HelloRetryRequest (no second HRR)
  wait_encrypted_extensions,  // WAIT_EE
  wait_certificate_or_request,  // WAIT_CERT_CR
  wait_certificate,      // WAIT_CERT (after CertificateRequest)
  wait_certificate_verify,  // WAIT_CV
  wait_finished,         // WAIT_FINISHED (the peer's)
  // server (§A.2)
  wait_client_hello,     // START / RECVD_CH
  wait_client_hello_2,   // after sending a HelloRetryRequest
  wait_client_finished,  // WAIT_FINISHED
  // both
  connected,             // CONNECTED: post-handshake messages only
  failed,                // a fatal alert was sent or received: nothing more is processed
};

struct accepted_message {
  handshake_state state;
  handshake_type message;
};

// RFC 8446 §A.1, client side. Post-handshake (§4.6): NewSessionTicket and KeyUpdate.
inline constexpr accepted_message client_table[] = {
    {handshake_state::wait_server_hello, handshake_type::server_hello},  // or HelloRetryRequest
    {handshake_state::wait_server_hello_2, handshake_type::server_hello},
    {handshake_state::wait_encrypted_extensions, handshake_type::encrypted_extensions},
    {handshake_state::wait_certificate_or_request, handshake_type::certificate_request},
    {handshake_state::wait_certificate_or_request, handshake_type::certificate},
    {handshake_state::wait_certificate, handshake_type::certificate},
    {handshake_state::wait_certificate_verify, handshake_type::certificate_verify},
    {handshake_state::wait_finished, handshake_type::finished},
    {handshake_state::connected, handshake_type::new_session_ticket},
    {handshake_state::connected, handshake_type::key_update},
};

// RFC 8446 §A.2, server side (no client authentication, no early data yet).
inline constexpr accepted_message server_table[] = {
    {handshake_state::wait_client_hello, handshake_type::client_hello},
    {handshake_state::wait_client_hello_2, handshake_type::client_hello},
    {handshake_state::wait_client_finished, handshake_type::finished},
    {handshake_state::connected, handshake_type::key_update},
};

template <class Table>
constexpr bool may_arrive(const Table& table, handshake_state state, handshake_type message) noexcept {
  for (const accepted_message& a : table)
    if (a.state == state && a.message == message) return true;
  return false;
}

constexpr std::string_view to_string(handshake_state s) noexcept {
  switch (s) {
    case handshake_state::client_start: return "START";
    case handshake_state::wait_server_hello: return "WAIT_SH";
    case handshake_state::wait_server_hello_2: return "WAIT_SH (after HRR)";
    case handshake_state::wait_encrypted_extensions: return "WAIT_EE";
    case handshake_state::wait_certificate_or_request: return "WAIT_CERT_CR";
    case handshake_state::wait_certificate: return "WAIT_CERT";
    case handshake_state::wait_certificate_verify: return "WAIT_CV";
    case handshake_state::wait_finished: return "WAIT_FINISHED";
    case handshake_state::wait_client_hello: return "RECVD_CH";
    case handshake_state::wait_client_hello_2: return "RECVD_CH (after HRR)";
    case handshake_state::wait_client_finished: return "WAIT_FINISHED";
    case handshake_state::connected: return "CONNECTED";
    case handshake_state::failed: return "FAILED";
  }
  return "";
}

}  // namespace tlswire::engine
