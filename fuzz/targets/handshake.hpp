#pragma once
// Fuzz target: every handshake message parser of messages/, dispatched on
// the message's own type byte. Input: one whole Handshake message
// (msg_type, uint24 length, body), as the reassembler hands it over.
//
// Oracles: the framing round-trips; a typed body round-trips byte-exact
// (the RFCs give each message one spelling); its extension list iterates
// infallibly and every member decodes as its typed shape (extensions.hpp);
// the questions a hello answers (versions, PSK binder prefix) either answer
// or fail by the error contract.
#include <cstddef>
#include <cstdint>
#include <optional>

#include "../oracle.hpp"
#include "extensions.hpp"
#include "tlswire/messages/client_hello.hpp"
#include "tlswire/messages/handshake.hpp"
#include "tlswire/messages/server_hello.hpp"

namespace tlswire::fuzz::handshake {

inline void check_client_hello(bytes_view body, bytes_view input) {
  if (!round_trip<client_hello>(body)) return;
  const client_hello h = *decode<client_hello>(body);
  require(h.raw.size() == body.size(), "ClientHello raw does not cover the body", input);
  if (h.has_extensions) extensions::check_extension_list(h.extensions, message_context::client_hello, input);
  const auto versions = offered_versions(h);
  if (!versions.ok()) check_parse_error(versions.error(), input);
  const auto highest = highest_offered_version(h);
  if (!highest.ok()) check_parse_error(highest.error(), input);
  if (const auto prefix = binders_prefix_length(h))
    require(*prefix >= handshake_header_size && *prefix <= handshake_header_size + body.size(),
            "PSK binder prefix lies outside the message", input);
}

inline void check_server_hello(bytes_view body, bytes_view input) {
  if (!round_trip<server_hello>(body)) return;
  const server_hello h = *decode<server_hello>(body);
  require(h.raw.size() == body.size(), "ServerHello raw does not cover the body", input);
  const auto version = negotiated_version(h);
  if (!version.ok()) check_parse_error(version.error(), input);
  const message_context where = h.is_hello_retry_request() ? message_context::hello_retry_request
                                : h.extensions.contains(extension_type::supported_versions)
                                    ? message_context::server_hello
                                    : message_context::tls12_server_hello;
  if (h.has_extensions) extensions::check_extension_list(h.extensions, where, input);
}

inline void run(bytes_view in) {
  current_target() = "handshake";
  const auto framed = read_handshake(in, 1u << 16);
  if (!check_result(framed, in)) return;
  if (!round_trip<handshake_message>(in)) return;
  const handshake_message m = *decode<handshake_message>(in);
  require(equal_bytes(m.raw, in) && m.body.size() + handshake_header_size == in.size(),
          "handshake raw/body do not cover the message", in);
  switch (m.type) {
    case handshake_type::client_hello: check_client_hello(m.body, in); break;
    case handshake_type::server_hello: check_server_hello(m.body, in); break;
    default: break;  // targets for the other messages follow as their parsers land
  }
}

}  // namespace tlswire::fuzz::handshake
