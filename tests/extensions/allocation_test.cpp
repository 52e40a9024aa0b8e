// Parsing, typed decoding, validation and encoding of every extension in the
// recorded messages allocate nothing.
#include <array>

#include <catch2/catch.hpp>

#include "extension_vectors.hpp"
#include "support/allocation_counter.hpp"
#include "typed_dispatch.hpp"

using namespace tlswire;
using namespace tlswire::ext_test;

TEST_CASE("parsing, validating and encoding every recorded extension allocates nothing",
          "[extensions][allocation]") {
  const std::array<std::pair<bytes_view, message_context>, 17> blocks{{
      {as_view(kRfc8448ClientHello), message_context::client_hello},
      {as_view(kRfc8448ServerHello), message_context::server_hello},
      {as_view(kRfc8448EncryptedExtensions), message_context::encrypted_extensions},
      {as_view(kRfc8448NewSessionTicket), message_context::new_session_ticket},
      {as_view(kRfc8448ResumedClientHello), message_context::client_hello},
      {as_view(kRfc8448ResumedServerHello), message_context::server_hello},
      {as_view(kRfc8448ResumedEncryptedExtensions), message_context::encrypted_extensions},
      {as_view(kRfc8448HelloRetryRequest), message_context::hello_retry_request},
      {as_view(kRfc8448SecondClientHello), message_context::client_hello},
      {as_view(kRfc8448CertificateRequest), message_context::certificate_request},
      {as_view(kChrome70ClientHello), message_context::client_hello},
      {as_view(kChrome70ServerHello), message_context::server_hello},
      {as_view(kFirefox63ClientHello), message_context::client_hello},
      {as_view(kTls12SctClientHello), message_context::client_hello},
      {as_view(kTls12SctServerHello), message_context::tls12_server_hello},
      {as_view(kTls12AlpnClientHello), message_context::client_hello},
      {as_view(kTls12AlpnServerHello), message_context::tls12_server_hello},
  }};
  std::size_t typed = 0;
  std::size_t valid = 0;
  std::array<std::uint8_t, 64> out{};
  bool tuple_ok = false;

  test::allocation_counter allocations;
  for (const auto& [block, message] : blocks) {
    const tally t = check_block(block, message);
    if (t.ok) typed += t.typed;
    auto list = decode<extension_list>(block);
    if (list && validate_extensions(*list, message).ok()) ++valid;
  }
  const extension_tuple built{record_size_limit{0x4001}, extended_master_secret{},
                              supported_versions_server_hello{protocol_version::tls13}};
  tuple_ok = encode(built, mutable_bytes(out)).ok();
  const std::size_t count = allocations.count();

  CHECK(count == 0);
  CHECK(typed == 105);  // every extension of the 17 blocks but the 3 opaque ones
  CHECK(valid == blocks.size());
  CHECK(tuple_ok);
}
