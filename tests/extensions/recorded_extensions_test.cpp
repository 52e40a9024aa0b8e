// Every extension in recorded handshakes (RFC 8448, Go/uTLS recordings of
// Chrome 70, Firefox 63 and TLS 1.2 servers) decodes into its typed form for
// the message it came from, re-encodes byte-exact, and refuses every
// truncation — all at compile time.
#include <array>

#include <catch2/catch.hpp>

#include "ext_test_util.hpp"
#include "extension_vectors.hpp"
#include "typed_dispatch.hpp"
#include "tlswire/extensions/extensions.hpp"

using namespace tlswire;
using namespace tlswire::ext_test;

namespace {

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
