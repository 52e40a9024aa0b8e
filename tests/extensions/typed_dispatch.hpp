#pragma once
// The typed form of each extension in each message, chosen as messages/
// chooses it, and a check that a whole extension block round-trips through
// those typed forms. Shared by the compile-time tests and the allocation test.
#include "ext_test_util.hpp"
#include "tlswire/extensions/extensions.hpp"

namespace tlswire::ext_test {

enum class outcome { failed, typed, opaque };

// Round trip of T, plus refusal of every truncation where a prefix cannot be
// a complete value (bodies without their own length can: padding, tickets).
template <class T>
constexpr outcome check(bytes_view data, bool truncations_detectable = true) {
  if (!round_trips<T>(data)) return outcome::failed;
  if (truncations_detectable && !refuses_every_truncation<T>(data)) return outcome::failed;
  return outcome::typed;
}

// The typed form of `e` in `message`, as messages/ will choose it.
constexpr outcome check_typed(const extension& e, message_context message) {
  using m = message_context;
  const bytes_view d = e.data;
  const bool ch = message == m::client_hello;
  switch (e.type) {
    case extension_type::server_name:
      return ch ? check<server_name_client_hello>(d) : check<server_name_server_hello>(d, false);
    case extension_type::status_request:
      if (ch) return check<status_request_client_hello>(d);
      if (message == m::certificate) return check<status_request_certificate>(d);
      return check<status_request_server_hello>(d, false);
    case extension_type::supported_groups: return check<supported_groups>(d);
    case extension_type::ec_point_formats: return check<ec_point_formats>(d);
    case extension_type::signature_algorithms: return check<signature_algorithms>(d);
    case extension_type::signature_algorithms_cert: return check<signature_algorithms_cert>(d);
    case extension_type::application_layer_protocol_negotiation:
      return check<application_layer_protocol_negotiation>(d);
    case extension_type::signed_certificate_timestamp:
      return ch ? check<signed_certificate_timestamp_client_hello>(d, false)
                : check<signed_certificate_timestamp_server_hello>(d);
    case extension_type::padding: return check<padding>(d, false);
    case extension_type::encrypt_then_mac: return check<encrypt_then_mac>(d, false);
    case extension_type::extended_master_secret: return check<extended_master_secret>(d, false);
    case extension_type::compress_certificate: return check<compress_certificate>(d);
    case extension_type::record_size_limit: return check<record_size_limit>(d);
    case extension_type::session_ticket: return check<session_ticket>(d, false);
    case extension_type::renegotiation_info: return check<renegotiation_info>(d);
    case extension_type::pre_shared_key:
      return ch ? check<pre_shared_key_client_hello>(d) : check<pre_shared_key_server_hello>(d);
    case extension_type::early_data:
      if (ch) return check<early_data_client_hello>(d, false);
      if (message == m::new_session_ticket) return check<early_data_new_session_ticket>(d);
      return check<early_data_encrypted_extensions>(d, false);
    case extension_type::supported_versions:
      return ch ? check<supported_versions_client_hello>(d) : check<supported_versions_server_hello>(d);
    case extension_type::cookie: return check<cookie>(d);
    case extension_type::psk_key_exchange_modes: return check<psk_key_exchange_modes>(d);
    case extension_type::key_share:
      if (ch) return check<key_share_client_hello>(d);
      if (message == m::hello_retry_request) return check<key_share_hello_retry_request>(d);
      return check<key_share_server_hello>(d);
    default:
      // Unknown here (GREASE, channel_id): kept as an opaque extension.
      return round_trips<opaque_extension<extension_type{}>>(d) ? outcome::opaque : outcome::failed;
  }
}

struct tally {
  bool ok = false;
  std::size_t typed = 0;
  std::size_t opaque = 0;
};

constexpr tally check_block(bytes_view block, message_context message) {
  tally t;
  auto list = decode<extension_list>(block);
  if (!list) return t;
  for (const extension& e : *list) {
    switch (check_typed(e, message)) {
      case outcome::failed: return t;
      case outcome::typed: ++t.typed; break;
      case outcome::opaque: ++t.opaque; break;
    }
  }
  t.ok = round_trips<extension_list, 2048>(block) && refuses_every_truncation<extension_list>(block);
  return t;
}

}  // namespace tlswire::ext_test
