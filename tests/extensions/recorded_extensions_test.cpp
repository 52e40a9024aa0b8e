// Every extension in recorded handshakes (RFC 8448, Go/uTLS recordings of
// Chrome 70, Firefox 63 and TLS 1.2 servers) decodes into its typed form for
// the message it came from, re-encodes byte-exact, and refuses every
// truncation — all at compile time.
#include <array>

#include <catch2/catch.hpp>

#include "ext_test_util.hpp"
#include "extension_vectors.hpp"
#include "tlswire/extensions/extensions.hpp"

using namespace tlswire;
using namespace tlswire::ext_test;

namespace {

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

constexpr bool all_typed(bytes_view block, message_context message, std::size_t count) {
  const tally t = check_block(block, message);
  return t.ok && t.typed == count && t.opaque == 0;
}

}  // namespace

TEST_CASE("RFC 8448 §3 hello and EncryptedExtensions extensions round-trip typed at compile time",
          "[extensions][rfc8448]") {
  STATIC_REQUIRE(all_typed(as_view(kRfc8448ClientHello), message_context::client_hello, 9));
  STATIC_REQUIRE(all_typed(as_view(kRfc8448ServerHello), message_context::server_hello, 2));
  STATIC_REQUIRE(all_typed(as_view(kRfc8448EncryptedExtensions), message_context::encrypted_extensions, 3));
  STATIC_REQUIRE(all_typed(as_view(kRfc8448NewSessionTicket), message_context::new_session_ticket, 1));
}

TEST_CASE("RFC 8448 §4–§6 resumption, HelloRetryRequest and CertificateRequest extensions round-trip typed",
          "[extensions][rfc8448]") {
  STATIC_REQUIRE(all_typed(as_view(kRfc8448ResumedClientHello), message_context::client_hello, 11));
  STATIC_REQUIRE(all_typed(as_view(kRfc8448ResumedServerHello), message_context::server_hello, 3));
  STATIC_REQUIRE(
      all_typed(as_view(kRfc8448ResumedEncryptedExtensions), message_context::encrypted_extensions, 4));
  STATIC_REQUIRE(all_typed(as_view(kRfc8448HelloRetryRequest), message_context::hello_retry_request, 3));
  STATIC_REQUIRE(all_typed(as_view(kRfc8448SecondClientHello), message_context::client_hello, 10));
  STATIC_REQUIRE(all_typed(as_view(kRfc8448CertificateRequest), message_context::certificate_request, 1));
}

TEST_CASE("recorded Chrome 70 ClientHello: GREASE and channel_id kept opaque, the rest typed",
          "[extensions][recorded]") {
  constexpr tally t = check_block(as_view(kChrome70ClientHello), message_context::client_hello);
  STATIC_REQUIRE(t.ok);
  STATIC_REQUIRE(t.typed == 15);
  STATIC_REQUIRE(t.opaque == 3);  // 0x0a0a, channel_id 0x7550, 0x1a1a
  STATIC_REQUIRE(all_typed(as_view(kChrome70ServerHello), message_context::server_hello, 2));
}

TEST_CASE("recorded Firefox 63 and TLS 1.2 hellos (SCT list, ALPN answer) round-trip typed",
          "[extensions][recorded]") {
  STATIC_REQUIRE(all_typed(as_view(kFirefox63ClientHello), message_context::client_hello, 14));
  STATIC_REQUIRE(all_typed(as_view(kTls12SctClientHello), message_context::client_hello, 9));
  STATIC_REQUIRE(all_typed(as_view(kTls12SctServerHello), message_context::tls12_server_hello, 4));
  STATIC_REQUIRE(all_typed(as_view(kTls12AlpnClientHello), message_context::client_hello, 10));
  STATIC_REQUIRE(all_typed(as_view(kTls12AlpnServerHello), message_context::tls12_server_hello, 4));
}
