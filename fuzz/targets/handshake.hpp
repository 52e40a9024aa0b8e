#pragma once
// Fuzz target: every handshake message parser of messages/, dispatched on
// the message's own type byte by messages/dispatch.hpp, under each
// negotiation context whose wire form differs (TLS 1.3 / 1.2 / 1.0, the
// key exchange of the suite, Finished length, raw public keys).
// Input: one whole Handshake message (msg_type, uint24 length, body), as
// the reassembler hands it over.
//
// Oracles: the framing round-trips; a dispatched message re-encodes
// byte-exact (the RFCs give each message one spelling), encoded_size equals
// the bytes written, and its encoding dispatches again to the same bytes;
// validate() (where it takes the message alone) obeys the error contract.
// A ClientHello's one-pass parse_and_validate agrees with parse + validate.
// Hellos get more: their extension list iterates infallibly and every
// member decodes as its typed shape (extensions.hpp); the questions a hello
// answers (versions, PSK binder prefix) answer or fail by the contract.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <variant>
#include <vector>

#include "../oracle.hpp"
#include "extensions.hpp"
#include "tlswire/messages/client_hello.hpp"
#include "tlswire/messages/dispatch.hpp"
#include "tlswire/messages/handshake.hpp"
#include "tlswire/messages/server_hello.hpp"
#include "tlswire/messages/validate_hello.hpp"

namespace tlswire::fuzz::handshake {

// parse_and_validate_client_hello is decode<client_hello> then validate() in
// one pass: the same hello, or the same error at the same offset.
inline void check_one_pass_client_hello(bytes_view body, bytes_view input) {
  const auto one_pass = parse_and_validate_client_hello(body);
  const auto parsed = decode<client_hello>(body);
  error expected{};
  if (!parsed.ok()) {
    expected = parsed.error();
  } else if (const status rules = validate(*parsed); !rules.ok()) {
    expected = rules.error();
  }
  if (!one_pass.ok()) {
    require(one_pass.error() == expected, "one-pass ClientHello validation disagrees with parse + validate", input);
    return;
  }
  require(expected.code == errc::none, "one-pass ClientHello validation accepts what validate refuses", input);
  require(equal_bytes(one_pass->raw, parsed->raw) && one_pass->extensions == parsed->extensions,
          "one-pass ClientHello differs from the parsed one", input);
}

inline void check_client_hello(bytes_view body, bytes_view input) {
  check_one_pass_client_hello(body, input);
  if (!round_trip<client_hello>(body)) return;
  const client_hello h = *decode<client_hello>(body);
  require(h.raw.size() == body.size(), "ClientHello raw does not cover the body", input);
  if (h.has_extensions) extensions::check_extension_list(h.extensions, message_context::client_hello, input);
  const auto versions = offered_versions(h);
  if (!versions.ok()) check_rule_error(versions.error(), input);
  const auto highest = highest_offered_version(h);
  if (!highest.ok()) check_rule_error(highest.error(), input);
  const status rules = validate(h);
  if (!rules.ok()) check_rule_error(rules.error(), input);
  if (const auto prefix = binders_prefix_length(h))
    require(*prefix >= handshake_header_size && *prefix <= handshake_header_size + body.size(),
            "PSK binder prefix lies outside the message", input);
}

inline void check_server_hello(bytes_view body, bytes_view input) {
  if (!round_trip<server_hello>(body)) return;
  const server_hello h = *decode<server_hello>(body);
  require(h.raw.size() == body.size(), "ServerHello raw does not cover the body", input);
  const auto version = negotiated_version(h);
  if (!version.ok()) check_rule_error(version.error(), input);
  const status rules = validate(h);
  if (!rules.ok()) check_rule_error(rules.error(), input);
  const message_context where = h.is_hello_retry_request() ? message_context::hello_retry_request
                                : h.extensions.contains(extension_type::supported_versions)
                                    ? message_context::server_hello
                                    : message_context::tls12_server_hello;
  if (h.has_extensions) extensions::check_extension_list(h.extensions, where, input);
}

// The contexts under which a message's wire form differs.
inline constexpr negotiation_context contexts[] = {
    {protocol_version::tls13, cipher_suite::tls_aes_128_gcm_sha256, sender::server, certificate_type::x509},
    {protocol_version::tls13, cipher_suite::tls_aes_256_gcm_sha384, sender::client, certificate_type::raw_public_key},
    {protocol_version::tls12, cipher_suite::tls_ecdhe_rsa_with_aes_128_gcm_sha256, sender::server, certificate_type::x509},
    {protocol_version::tls12, cipher_suite::tls_rsa_with_aes_128_gcm_sha256, sender::client, certificate_type::x509},
    {protocol_version::tls12, cipher_suite::tls_dhe_rsa_with_aes_128_gcm_sha256, sender::server, certificate_type::x509},
    {protocol_version::tls12, cipher_suite::tls_psk_with_aes_128_gcm_sha256, sender::client, certificate_type::x509},
    {protocol_version::tls10, cipher_suite::tls_ecdhe_ecdsa_with_aes_128_cbc_sha, sender::server, certificate_type::x509},
};

inline void check_dispatch(const handshake_message& m, const negotiation_context& ctx, bytes_view input) {
  const auto typed = dispatch(m, ctx);
  if (!check_result(typed, input)) return;
  require(typed->type() == m.type, "dispatch changed the message type", input);
  const std::vector<std::uint8_t> out = checked_encoding(*typed, input);
  const bytes_view encoded(out.data(), out.size());
  require(equal_bytes(encoded, input), "a dispatched message does not re-encode to its bytes", input);
  const auto again = dispatch(encoded, ctx);
  require(again.ok(), "the encoding of a dispatched message does not dispatch", input);
  require(again->body.index() == typed->body.index(), "re-dispatch chose another message type", input);
  std::visit(
      [&](const auto& body) {
        if constexpr (requires { { validate(body) } -> std::same_as<status>; }) {
          const status v = validate(body);
          if (!v.ok()) check_rule_error(v.error(), input);
        }
      },
      typed->body);
}

inline void run(bytes_view in) {
  current_target() = "handshake";
  const auto framed = read_handshake(in, 1u << 16);
  if (!check_result(framed, in)) return;
  if (!round_trip<handshake_message>(in)) return;
  const handshake_message m = *decode<handshake_message>(in);
  require(equal_bytes(m.raw, in) && m.body.size() + handshake_header_size == in.size(),
          "handshake raw/body do not cover the message", in);
  for (const auto& ctx : contexts) check_dispatch(m, ctx, in);
  switch (m.type) {
    case handshake_type::client_hello: check_client_hello(m.body, in); break;
    case handshake_type::server_hello: check_server_hello(m.body, in); break;
    default: break;
  }
}

}  // namespace tlswire::fuzz::handshake
