#pragma once
// From a reassembled handshake message to a typed one.
//
// Given a complete message (messages/handshake.hpp's handshake_message, as
// read_handshake or record/'s reassembler hand it out) and what has been
// negotiated so far, dispatch() picks the parser for its type and, where
// the wire differs, the version's form (Certificate, CertificateRequest,
// NewSessionTicket, CertificateVerify), the suite's key exchange
// (ServerKeyExchange, ClientKeyExchange) and Finished length. The result is
// a std::variant of views: no allocation, usable in constant expressions.
// A type this library does not parse is kept as an opaque_message.
//
// dispatch() is the syntax layer: it does not ask whether a message may
// arrive now (the engine's state machine does) nor apply the semantic rules
// (each header's validate()).
#include <cstddef>
#include <variant>

#include "tlswire/messages/certificate.hpp"
#include "tlswire/messages/certificate_request.hpp"
#include "tlswire/messages/certificate_status.hpp"
#include "tlswire/messages/certificate_verify.hpp"
#include "tlswire/messages/client_hello.hpp"
#include "tlswire/messages/client_key_exchange.hpp"
#include "tlswire/messages/compressed_certificate.hpp"
#include "tlswire/messages/encrypted_extensions.hpp"
#include "tlswire/messages/end_of_early_data.hpp"
#include "tlswire/messages/finished.hpp"
#include "tlswire/messages/handshake.hpp"
#include "tlswire/messages/hello_request.hpp"
#include "tlswire/messages/key_update.hpp"
#include "tlswire/messages/message_common.hpp"
#include "tlswire/messages/message_hash.hpp"
#include "tlswire/messages/new_session_ticket.hpp"
#include "tlswire/messages/server_hello.hpp"
#include "tlswire/messages/server_hello_done.hpp"
#include "tlswire/messages/server_key_exchange.hpp"
#include "tlswire/registry/certificate_type.hpp"
#include "tlswire/registry/cipher_suite.hpp"
#include "tlswire/registry/protocol_version.hpp"

namespace tlswire {

// A message of a type without a parser here (unknown code points,
// certificate_url, supplemental_data, DTLS's hello_verify_request, ...):
// its type and body, re-encoded unchanged.
struct opaque_message {
  handshake_type type{};
  bytes_view body{};

  constexpr void encode(writer& w) const noexcept { w.bytes(body); }
  constexpr void encode_message(writer& w) const {
    write_handshake(w, type, [&](writer& b) { encode(b); });
  }
  friend constexpr bool operator==(const opaque_message& a, const opaque_message& b) noexcept {
    return a.type == b.type && equal_bytes(a.body, b.body);
  }
};

// What the parser of a message needs to know about the connection.
struct negotiation_context {
  // The negotiated version (TLS 1.3 from supported_versions, else the
  // ServerHello's legacy_version). Before the ServerHello only the hellos
  // parse, which do not depend on it.
  protocol_version version = protocol_version::tls13;
  // The negotiated suite: ServerKeyExchange / ClientKeyExchange shape and
  // Finished length.
  cipher_suite suite = cipher_suite::tls_null_with_null_null;
  // Who sent the message (for validate(); the wire does not depend on it).
  tlswire::sender sender = tlswire::sender::server;
  // The type negotiated for this sender's certificates (RFC 7250).
  certificate_type cert_type = certificate_type::x509;
};

// Every typed message, in handshake_type order, the opaque one first.
using message_body =
    std::variant<opaque_message, hello_request, client_hello, server_hello, tls12_new_session_ticket,
                 tls13_new_session_ticket, end_of_early_data, encrypted_extensions, tls12_certificate,
                 tls13_certificate, server_key_exchange, tls12_certificate_request, tls13_certificate_request,
                 server_hello_done, certificate_verify, client_key_exchange, finished, certificate_status,
                 key_update, compressed_certificate, message_hash>;

// A dispatched message: the framing as received (type, body, raw bytes for
// the transcript) and its typed body.
struct typed_message {
  handshake_message message{};
  message_body body{};

  constexpr handshake_type type() const noexcept { return message.type; }
  template <class T>
  constexpr bool holds() const noexcept {
    return std::holds_alternative<T>(body);
  }
  // The typed body (Expects the alternative: check holds<T>() first).
  template <class T>
  constexpr const T& as() const {
    Expects(holds<T>());
    return *std::get_if<T>(&body);
  }
  // Header + body, re-encoded from the typed value.
  constexpr void encode(writer& w) const {
    std::visit([&](const auto& m) { m.encode_message(w); }, body);
  }
};

namespace dispatch_detail {

template <class T, class... Context>
constexpr result<typed_message> parse_as(const handshake_message& m, Context... ctx) {
  const auto value = parse_message<T>(m, ctx...);
  if (!value) return value.error();
  return typed_message{m, message_body(std::in_place_type<T>, *value)};
}

}  // namespace dispatch_detail

// RFC 8446 §4 / RFC 5246 §7.4: parses `m` by its msg_type, in the form the
// context selects. Errors carry offsets from the start of the message's
// header and the alert the RFC names (decode_error for syntax).
constexpr result<typed_message> dispatch(const handshake_message& m, const negotiation_context& ctx) {
  using namespace dispatch_detail;
  const bool tls13 = is_tls13_wire(ctx.version);
  switch (m.type) {
    case handshake_type::hello_request: return parse_as<hello_request>(m);
    case handshake_type::client_hello: return parse_as<client_hello>(m);
    case handshake_type::server_hello: return parse_as<server_hello>(m);
    case handshake_type::new_session_ticket:
      return tls13 ? parse_as<tls13_new_session_ticket>(m) : parse_as<tls12_new_session_ticket>(m);
    case handshake_type::end_of_early_data: return parse_as<end_of_early_data>(m);
    case handshake_type::encrypted_extensions: return parse_as<encrypted_extensions>(m);
    case handshake_type::certificate:
      return tls13 ? parse_as<tls13_certificate>(m, ctx.cert_type) : parse_as<tls12_certificate>(m, ctx.cert_type);
    case handshake_type::server_key_exchange:
    case handshake_type::client_key_exchange: {
      const auto info = find_cipher_suite_info(ctx.suite);
      if (!info || tls13) return make_error(errc::unexpected_message, 0);
      if (m.type == handshake_type::server_key_exchange) return parse_as<server_key_exchange>(m, *info, ctx.version);
      return parse_as<client_key_exchange>(m, *info, ctx.version);
    }
    case handshake_type::certificate_request:
      return tls13 ? parse_as<tls13_certificate_request>(m) : parse_as<tls12_certificate_request>(m, ctx.version);
    case handshake_type::server_hello_done: return parse_as<server_hello_done>(m);
    case handshake_type::certificate_verify: return parse_as<certificate_verify>(m, ctx.version);
    case handshake_type::finished: {
      // An unknown TLS 1.3 suite leaves the length unknown: take the body.
      const std::size_t length = finished_length(ctx.suite, ctx.version);
      return parse_as<finished>(m, length == 0 ? m.body.size() : length);
    }
    case handshake_type::certificate_status: return parse_as<certificate_status>(m);
    case handshake_type::key_update: return parse_as<key_update>(m);
    case handshake_type::compressed_certificate: return parse_as<compressed_certificate>(m);
    case handshake_type::message_hash: return parse_as<message_hash>(m);
    default: break;
  }
  return typed_message{m, message_body(std::in_place_type<opaque_message>, opaque_message{m.type, m.body})};
}

// Reads one message from the start of `in` and dispatches it.
constexpr result<typed_message> dispatch(bytes_view in, const negotiation_context& ctx) {
  TLSWIRE_TRY(const handshake_message m, read_handshake(in));
  return dispatch(m, ctx);
}

}  // namespace tlswire
