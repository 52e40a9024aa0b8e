// The server engine against `openssl s_client` over 127.0.0.1: each case
// listens on a free port, starts s_client with a line on its stdin, runs
// the handshake, reads the line, answers with one of its own, sends
// close_notify and closes; s_client's stdout must hold the answer. Bounded
// in time (5 s per wait); skipped with a warning without an openssl program.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <tlswire/engine/server.hpp>
#include <tlswire/providers/openssl.hpp>

#include "engine_openssl/interop.hpp"
#include "support/read_vector_file.hpp"

using namespace tlswire;
using namespace tlswire::engine;
using namespace tlswire::test;
using P = openssl_provider;

namespace {

struct client_case {
  const char* name;
  std::vector<std::string> client_args;
  const char* leaf;
  const char* key;
  signature_scheme scheme;
  cipher_suite suite;
  named_group group;
};

std::string temp_file(const std::string& content) {
  char name[] = "/tmp/tlswire-interop-XXXXXX";
  const int fd = ::mkstemp(name);
  REQUIRE(fd >= 0);
  REQUIRE(::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()));
  ::close(fd);
  return name;
}

}  // namespace

TEST_CASE("the server engine completes handshakes with openssl s_client and exchanges data", "[engine][interop]") {
  if (::access(openssl_program, X_OK) != 0) {
    WARN("no " << openssl_program << ": interop with openssl s_client skipped");
    return;
  }
  const std::vector<client_case> cases{
      {"AES-128-GCM, X25519, ECDSA", {"-ciphersuites", "TLS_AES_128_GCM_SHA256"}, "x509/chain/server-p256.der",
       "keys/p256.key.der", signature_scheme::ecdsa_secp256r1_sha256, cipher_suite::tls_aes_128_gcm_sha256,
       named_group::x25519},
      {"AES-256-GCM, X25519, ECDSA", {"-ciphersuites", "TLS_AES_256_GCM_SHA384"}, "x509/chain/server-p256.der",
       "keys/p256.key.der", signature_scheme::ecdsa_secp256r1_sha256, cipher_suite::tls_aes_256_gcm_sha384,
       named_group::x25519},
      {"ChaCha20-Poly1305, P-256, ECDSA", {"-ciphersuites", "TLS_CHACHA20_POLY1305_SHA256", "-groups", "P-256"},
       "x509/chain/server-p256.der", "keys/p256.key.der", signature_scheme::ecdsa_secp256r1_sha256,
       cipher_suite::tls_chacha20_poly1305_sha256, named_group::secp256r1},
      {"HelloRetryRequest: s_client's share is X448, which the server does not take",
       {"-ciphersuites", "TLS_AES_128_GCM_SHA256", "-groups", "X448:X25519"}, "x509/chain/server-p256.der",
       "keys/p256.key.der", signature_scheme::ecdsa_secp256r1_sha256, cipher_suite::tls_aes_128_gcm_sha256,
       named_group::x25519},
      {"RSA-PSS certificate", {"-ciphersuites", "TLS_AES_128_GCM_SHA256"}, "x509/chain/server.der",
       "keys/rsa2048.key.der", signature_scheme::rsa_pss_rsae_sha256, cipher_suite::tls_aes_128_gcm_sha256,
       named_group::x25519},
  };
  const std::string question = "hello from s_client\n";
  const std::string answer = "hello from tlswire\n";
  const std::string input = temp_file(question);
  for (const client_case& k : cases) {
    INFO(k.name);
    P crypto;
    const auto leaf = read_vector_file(k.leaf);
    const auto intermediate = read_vector_file("x509/chain/intermediate.der");
    const auto key_der = read_vector_file(k.key);
    P::private_key key;
    REQUIRE(crypto.load_private_key(key_der, key).ok());
    const std::array<bytes_view, 2> chain{bytes_view(leaf), bytes_view(intermediate)};
    const std::array<signature_scheme, 1> schemes{k.scheme};
    server_options<P> so;
    so.certificate_chain = chain;
    so.private_key = &key;
    so.key_schemes = schemes;
    engine_memory memory;
    server<P> s(crypto, memory.buffers(), so);

    const int port = free_port();
    const int listener = listen_on(port);
    REQUIRE(listener >= 0);
    const std::string output = temp_file("");
    std::vector<std::string> args{"s_client", "-connect", "127.0.0.1:" + std::to_string(port), "-tls1_3", "-quiet",
                                  "-servername", "server.tlswire.test"};
    args.insert(args.end(), k.client_args.begin(), k.client_args.end());
    child_process client(args, input.c_str(), output.c_str());
    REQUIRE(client.started());
    const int fd = accept_from(listener);
    ::close(listener);
    REQUIRE(fd >= 0);

    engine_log log;
    std::vector<std::uint8_t> received;
    received.reserve(256);
    log.data = &received;
    CHECK(run_over_socket(s, fd, log, [&] { return received.size() >= question.size(); }));
    CHECK(log.done);
    CHECK_FALSE(log.failed);
    CHECK(std::string(received.begin(), received.end()) == question);
    CHECK(s.summary().suite == k.suite);
    CHECK(s.summary().group == k.group);
    CHECK(s.summary().signature == k.scheme);
    CHECK(equal_bytes(s.summary().server_name,
                      bytes_view(reinterpret_cast<const std::uint8_t*>("server.tlswire.test"), 19)));  // NOLINT
    if (log.done) {
      REQUIRE(s.write(bytes_view(reinterpret_cast<const std::uint8_t*>(answer.data()), answer.size())).ok());  // NOLINT
      CHECK(s.close().ok());
      run_over_socket(s, fd, log, [&] { return s.pending_output().empty(); });
    }
    ::shutdown(fd, SHUT_RDWR);
    ::close(fd);
    CHECK(client.finish());
    std::ifstream printed(output);
    const std::string got{std::istreambuf_iterator<char>(printed), std::istreambuf_iterator<char>()};
    CHECK(got == answer);
    std::remove(output.c_str());
  }
  std::remove(input.c_str());
}
