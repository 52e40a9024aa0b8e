#pragma once
// Fuzz target: the typed extensions of extensions/, in the shape each
// message gives them (RFC 8446 §4.2), and whole extension lists with the
// §4.2 rules (table, duplicates, pre_shared_key last).
//
// Input: one context byte, then
//   context < 0x80: one Extension (type, uint16 length, data); its data is
//                   decoded as the typed extension that context expects;
//   context >= 0x80: Extension extensions<0..2^16-1> (with its length),
//                   round-tripped, validated, and every member decoded.
// The low 3 bits of the context pick the message (message_context order:
// CH, SH, HRR, EE, CT, CR, NST, TLS 1.2 SH).
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "../oracle.hpp"
#include "tlswire/extensions/allowed.hpp"
#include "tlswire/extensions/extensions.hpp"

namespace tlswire::fuzz::extensions {

template <class... Ts>
struct type_list {};

// Which typed shape each message gives an extension type.
using client_hello_shapes = type_list<
    server_name_client_hello, max_fragment_length_extension, status_request_client_hello, supported_groups,
    ec_point_formats, signature_algorithms, use_srtp, heartbeat, alpn, signed_certificate_timestamp_client_hello,
    client_certificate_type_client_hello, server_certificate_type_client_hello, padding, encrypt_then_mac,
    extended_master_secret, compress_certificate, record_size_limit, session_ticket, pre_shared_key_client_hello,
    early_data_client_hello, supported_versions_client_hello, cookie, psk_key_exchange_modes,
    certificate_authorities, post_handshake_auth, signature_algorithms_cert, key_share_client_hello,
    renegotiation_info, encrypted_client_hello>;
using server_hello_shapes = type_list<
    server_name_server_hello, max_fragment_length_extension, status_request_server_hello, ec_point_formats, use_srtp,
    heartbeat, alpn, signed_certificate_timestamp_server_hello, client_certificate_type_server_hello,
    server_certificate_type_server_hello, encrypt_then_mac, extended_master_secret, record_size_limit,
    session_ticket, pre_shared_key_server_hello, supported_versions_server_hello, key_share_server_hello,
    renegotiation_info>;
using hello_retry_request_shapes =
    type_list<key_share_hello_retry_request, supported_versions_hello_retry_request, cookie, encrypted_client_hello>;
using encrypted_extensions_shapes = type_list<
    server_name_encrypted_extensions, max_fragment_length_extension, supported_groups, use_srtp, heartbeat, alpn,
    client_certificate_type_encrypted_extensions, server_certificate_type_encrypted_extensions, record_size_limit,
    early_data_encrypted_extensions, encrypted_client_hello>;
using certificate_shapes = type_list<status_request_certificate, signed_certificate_timestamp_certificate>;
using certificate_request_shapes =
    type_list<status_request_certificate_request, signature_algorithms, signed_certificate_timestamp_certificate_request,
              compress_certificate, certificate_authorities, oid_filters, signature_algorithms_cert>;
using new_session_ticket_shapes = type_list<early_data_new_session_ticket>;

// One typed extension's data: the round trip, then its own validate() if it
// has one (its refusal must obey the error contract like a parse's).
template <class Ext>
void check_typed(bytes_view data, bytes_view input) {
  if (!round_trip<Ext>(data)) return;
  const Ext value = *decode<Ext>(data);
  if constexpr (requires { { validate(value) } -> std::same_as<status>; }) {
    const status v = validate(value);
    if (!v.ok()) check_rule_error(v.error(), input);
  }
}

template <class... Ts>
void dispatch(type_list<Ts...>, const extension& ext, bytes_view input) {
  // At most one shape per type in each list (checked at compile time below).
  ((ext.type == Ts::type ? check_typed<Ts>(ext.data, input) : void()), ...);
}

template <class... Ts>
constexpr bool distinct_types(type_list<Ts...>) {
  const extension_type types[] = {Ts::type...};
  for (std::size_t i = 0; i < sizeof...(Ts); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (types[i] == types[j]) return false;
  return true;
}
static_assert(distinct_types(client_hello_shapes{}) && distinct_types(server_hello_shapes{}) &&
              distinct_types(hello_retry_request_shapes{}) && distinct_types(encrypted_extensions_shapes{}) &&
              distinct_types(certificate_shapes{}) && distinct_types(certificate_request_shapes{}) &&
              distinct_types(new_session_ticket_shapes{}));

inline void check_typed_extension(message_context where, const extension& ext, bytes_view input) {
  switch (where) {
    case message_context::client_hello: return dispatch(client_hello_shapes{}, ext, input);
    case message_context::server_hello:
    case message_context::tls12_server_hello: return dispatch(server_hello_shapes{}, ext, input);
    case message_context::hello_retry_request: return dispatch(hello_retry_request_shapes{}, ext, input);
    case message_context::encrypted_extensions: return dispatch(encrypted_extensions_shapes{}, ext, input);
    case message_context::certificate: return dispatch(certificate_shapes{}, ext, input);
    case message_context::certificate_request: return dispatch(certificate_request_shapes{}, ext, input);
    case message_context::new_session_ticket: return dispatch(new_session_ticket_shapes{}, ext, input);
  }
}

// A parsed list iterates infallibly: its members re-encode to exactly its
// body, their offsets point at them, and the §4.2 rules obey the error
// contract. Every member is then decoded as its typed shape.
inline void check_extension_list(const extension_list& list, message_context where, bytes_view input) {
  std::size_t total = 0;
  std::size_t count = 0;
  for (auto it = list.begin(); it != list.end(); ++it) {
    require(it.offset() == list.wire_offset() + total, "an extension's offset is not where the previous one ended",
            input);
    total += encoded_size(*it);
    ++count;
    check_typed_extension(where, *it, input);
  }
  require(total == list.wire_bytes().size(), "extensions of a parsed list do not add up to its body", input);
  require(count == list.size(), "extension_list::size() disagrees with iteration", input);
  const status rules = validate_extensions(list, where);
  if (!rules.ok()) check_parse_error(rules.error(), input);
}

inline void run(bytes_view in) {
  current_target() = "extensions";
  const std::uint8_t context = take_selector(in);
  const auto where = static_cast<message_context>(context & 7);
  if (context & 0x80) {
    if (round_trip<extension_list>(in)) check_extension_list(*decode<extension_list>(in), where, in);
    return;
  }
  if (!round_trip<extension>(in)) return;
  check_typed_extension(where, *decode<extension>(in), in);
}

}  // namespace tlswire::fuzz::extensions
