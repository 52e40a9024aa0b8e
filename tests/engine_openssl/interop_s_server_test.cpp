// The client engine against `openssl s_server` over 127.0.0.1: each case
// starts s_server on a free port (in its -rev mode: every line comes back
// reversed), runs a real TCP handshake and a line of application data,
// sends close_notify and stops the server. Bounded in time (5 s per wait);
// skipped with a warning when no openssl program is installed.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <tlswire/engine/client.hpp>
#include <tlswire/providers/openssl.hpp>

#include "engine_openssl/interop.hpp"

using namespace tlswire;
using namespace tlswire::engine;
using namespace tlswire::test;
using P = openssl_provider;

namespace {

struct accept_chain {
  std::size_t length = 0;
  status operator()(const tls13_certificate& chain) {
    length = chain.certificate_list.size();
    return {};
  }
};

struct case_t {
  const char* name;
  std::vector<std::string> server_args;
  cipher_suite suite;
  named_group group;
  signature_scheme scheme;
};

}  // namespace

TEST_CASE("the client engine completes handshakes with openssl s_server and exchanges data", "[engine][interop]") {
  if (::access(openssl_program, X_OK) != 0) {
    WARN("no " << openssl_program << ": interop with openssl s_server skipped");
    return;
  }
  const std::string v = TLSWIRE_VECTORS_DIR;
  const std::vector<std::string> ecdsa{"-cert", v + "/x509/chain/server-p256.der", "-certform", "DER",
                                       "-key", v + "/keys/p256.key.der", "-keyform", "DER"};
  const std::vector<std::string> rsa{"-cert", v + "/x509/chain/server.der", "-certform", "DER",
                                     "-key", v + "/keys/rsa2048.key.der", "-keyform", "DER"};
  const auto with = [](std::vector<std::string> a, std::vector<std::string> b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
  };
  const std::vector<case_t> cases{
      {"AES-128-GCM, X25519, ECDSA", with(ecdsa, {"-ciphersuites", "TLS_AES_128_GCM_SHA256"}),
       cipher_suite::tls_aes_128_gcm_sha256, named_group::x25519, signature_scheme::ecdsa_secp256r1_sha256},
      {"AES-256-GCM, X25519, ECDSA", with(ecdsa, {"-ciphersuites", "TLS_AES_256_GCM_SHA384"}),
       cipher_suite::tls_aes_256_gcm_sha384, named_group::x25519, signature_scheme::ecdsa_secp256r1_sha256},
      {"ChaCha20-Poly1305, X25519, ECDSA", with(ecdsa, {"-ciphersuites", "TLS_CHACHA20_POLY1305_SHA256"}),
       cipher_suite::tls_chacha20_poly1305_sha256, named_group::x25519, signature_scheme::ecdsa_secp256r1_sha256},
      {"P-256 by HelloRetryRequest (server takes P-256 only)",
       with(ecdsa, {"-groups", "P-256", "-ciphersuites", "TLS_AES_128_GCM_SHA256"}),
       cipher_suite::tls_aes_128_gcm_sha256, named_group::secp256r1, signature_scheme::ecdsa_secp256r1_sha256},
      {"RSA-PSS certificate", with(rsa, {"-ciphersuites", "TLS_AES_128_GCM_SHA256"}),
       cipher_suite::tls_aes_128_gcm_sha256, named_group::x25519, signature_scheme::rsa_pss_rsae_sha256},
  };
  for (const case_t& k : cases) {
    INFO(k.name);
    const int port = free_port();
    std::vector<std::string> args{"s_server", "-accept", "127.0.0.1:" + std::to_string(port), "-tls1_3", "-rev",
                                  "-naccept", "1"};
    args.insert(args.end(), k.server_args.begin(), k.server_args.end());
    child_process server(args);
    REQUIRE(server.started());
    const int fd = connect_to(port);
    REQUIRE(fd >= 0);
    P crypto;
    tlswire::test::engine_memory memory;
    accept_chain check;
    client_options co;
    co.server_name = bytes_view(reinterpret_cast<const std::uint8_t*>("server.tlswire.test"), 19);  // NOLINT
    co.check_certificate = check;
    client<P> c(crypto, memory.buffers(), co);
    tlswire::test::engine_log log;
    std::vector<std::uint8_t> received;
    received.reserve(256);
    log.data = &received;
    const bool done = run_over_socket(c, fd, log, [&] { return log.done; });
    CHECK(done);
    CHECK_FALSE(log.failed);
    if (log.failed) {
      INFO("alert " << static_cast<int>(c.failure().alert) << " reason " << static_cast<int>(c.failure().reason)
                    << " from peer " << c.failure().from_peer);
      CHECK(false);
    }
    if (done) {
      CHECK(c.summary().suite == k.suite);
      CHECK(c.summary().group == k.group);
      CHECK(c.summary().signature == k.scheme);
      CHECK(check.length >= 1);
      const std::string line = "hello tlswire\n";
      REQUIRE(c.write(bytes_view(reinterpret_cast<const std::uint8_t*>(line.data()), line.size())).ok());  // NOLINT
      const std::string expected = "eriwslt olleh\n";
      CHECK(run_over_socket(c, fd, log, [&] { return received.size() >= expected.size(); }));
      CHECK(std::string(received.begin(), received.end()) == expected);
      CHECK(c.close().ok());
      run_over_socket(c, fd, log, [] { return false; });
    }
    ::close(fd);
  }
}
