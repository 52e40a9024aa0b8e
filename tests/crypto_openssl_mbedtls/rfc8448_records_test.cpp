// RFC 8448 §3 through tlswire's key schedule, transcript hash and TLS 1.3
// record protection with each real back end: every secret, key and IV equals
// the RFC's; the server's encrypted flight opens to EncryptedExtensions,
// Certificate, CertificateVerify and Finished; both Finished verify; every
// protected record (handshake, ticket, application data, alerts) opens to
// the RFC's plaintext and seals back to the RFC's bytes. The §4 and §5
// traces' secrets too.
#include <catch2/catch.hpp>

#include "crypto/rfc8448_trace.hpp"
#include "support/vector_file.hpp"
#include "tlswire/providers/mbedtls.hpp"
#include "tlswire/providers/openssl.hpp"

namespace {

using namespace tlswire;
using tlswire::test::load_vectors;

TEMPLATE_TEST_CASE("RFC 8448 §3 secrets, Finished and every protected record, byte-exact",
                   "[crypto][tls13][rfc8448]", openssl_provider, mbedtls_provider) {
  const auto v = load_vectors("rfc8448/simple-1rtt.txt");
  REQUIRE_FALSE(v.empty());
  const auto secrets = test::rfc8448::check_simple_1rtt_secrets<TestType>(v);
  test::rfc8448::check_simple_1rtt_records<TestType>(v, secrets);
}

TEMPLATE_TEST_CASE("RFC 8448 §4 resumed 0-RTT and §5 HelloRetryRequest secrets",
                   "[crypto][tls13][rfc8448]", openssl_provider, mbedtls_provider) {
  const auto first = load_vectors("rfc8448/simple-1rtt.txt");
  test::rfc8448::check_resumed_0rtt_secrets<TestType>(first,
                                                      load_vectors("rfc8448/resumed-0rtt.txt"));
  test::rfc8448::check_hello_retry_request_secrets<TestType>(
      load_vectors("rfc8448/hello-retry-request.txt"));
}

TEMPLATE_TEST_CASE("RFC 8448 §4 early data record opens with the client early traffic keys",
                   "[crypto][tls13][rfc8448]", openssl_provider, mbedtls_provider) {
  const auto first = load_vectors("rfc8448/simple-1rtt.txt");
  const auto v = load_vectors("rfc8448/resumed-0rtt.txt");
  tls13_key_schedule<TestType, hash_type<TestType, hash_id::sha256>> ks(
      first.view("resumption_psk"));
  transcript_hash<hash_type<TestType, hash_id::sha256>> t;
  t.update(v.view("client_handshake_record_1.plaintext"));
  const auto early = ks.client_early_traffic_secret(as_view(t.current()));
  test::rfc8448::check_record_stream<TestType>(
      v, early.view(),
      {{"client_application_data_record_1", content_type::application_data}});
}

TEMPLATE_TEST_CASE("every protected record of the five RFC 8448 traces opens and re-seals",
                   "[crypto][tls13][rfc8448]", openssl_provider, mbedtls_provider) {
  // (file, protected records in it)
  const std::pair<const char*, int> traces[] = {
      {"rfc8448/simple-1rtt.txt", 7},          {"rfc8448/resumed-0rtt.txt", 8},
      {"rfc8448/hello-retry-request.txt", 4},  {"rfc8448/client-authentication.txt", 4},
      {"rfc8448/compatibility-mode.txt", 4}};
  for (const auto& [file, count] : traces) {
    INFO(file);
    const auto v = load_vectors(file);
    REQUIRE_FALSE(v.empty());
    CHECK(test::rfc8448::check_all_protected_records<TestType>(v) == count);
  }
}

TEMPLATE_TEST_CASE("RFC 8448 §3, §5, §6, §7 from the ephemeral private keys: every secret, both Finished",
                   "[crypto][tls13][rfc8448]", openssl_provider, mbedtls_provider) {
  // X25519 (§3, §6 client auth, §7 compatibility mode) and P-256 after a
  // HelloRetryRequest (§5), shared secrets through the provider's key exchange.
  const std::pair<const char*, bool> traces[] = {{"rfc8448/simple-1rtt.txt", false},
                                                 {"rfc8448/hello-retry-request.txt", true},
                                                 {"rfc8448/client-authentication.txt", false},
                                                 {"rfc8448/compatibility-mode.txt", false}};
  for (const auto& [file, hrr] : traces) {
    INFO(file);
    const auto v = load_vectors(file);
    REQUIRE_FALSE(v.empty());
    test::rfc8448::check_full_handshake_from_keys<TestType>(v, hrr);
  }
}

}  // namespace
