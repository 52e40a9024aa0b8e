// The client engine against `openssl s_server` over 127.0.0.1: each case
// starts s_server on a free port (in its -rev mode: every line comes back
// reversed), runs a real TCP handshake and a line of application data,
// sends close_notify and stops the server. Bounded in time (5 s per wait);
// skipped with a warning when no openssl program is installed.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include <tlswire/engine/client.hpp>
#include <tlswire/providers/openssl.hpp>

#include "support/engine_pair.hpp"

extern char** environ;

using namespace tlswire;
using namespace tlswire::engine;
using P = openssl_provider;

namespace {

constexpr const char* openssl_program = "/usr/bin/openssl";
constexpr int wait_ms = 5000;

// A port nobody listens on right now (the kernel's choice for port 0).
int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);  // NOLINT
  REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0);  // NOLINT
  ::close(fd);
  return ntohs(a.sin_port);
}

// `openssl s_server` running until destroyed.
class s_server {
 public:
  explicit s_server(std::vector<std::string> extra) : port_(free_port()) {
    const std::string v = TLSWIRE_VECTORS_DIR;
    std::vector<std::string> args{"openssl", "s_server", "-accept", "127.0.0.1:" + std::to_string(port_), "-tls1_3",
                                  "-rev", "-naccept", "1"};
    args.insert(args.end(), extra.begin(), extra.end());
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&files, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&files, 2, "/dev/null", O_WRONLY, 0);
    started_ = posix_spawn(&pid_, openssl_program, &files, nullptr, argv.data(), environ) == 0;
    posix_spawn_file_actions_destroy(&files);
  }
  ~s_server() {
    if (!started_) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
  s_server(const s_server&) = delete;
  s_server& operator=(const s_server&) = delete;

  // A connected socket, retrying while the server starts (at most wait_ms).
  int connect() const {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_ms);
    while (std::chrono::steady_clock::now() < until) {
      const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
      sockaddr_in a{};
      a.sin_family = AF_INET;
      a.sin_port = htons(static_cast<std::uint16_t>(port_));
      a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0) return fd;  // NOLINT
      ::close(fd);
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return -1;
  }

 private:
  int port_;
  pid_t pid_ = 0;
  bool started_ = false;
};

// Runs the engine over the socket until `until()` holds, the peer closes the
// connection, or nothing arrives for wait_ms. True when until() held.
template <class Engine, class Until>
bool run(Engine& e, int fd, tlswire::test::engine_log& log, Until until) {
  std::array<std::uint8_t, 4096> buffer{};
  for (;;) {
    for (bytes_view out = e.pending_output(); !out.empty(); out = e.pending_output()) {
      const ssize_t n = ::send(fd, out.data(), out.size(), MSG_NOSIGNAL);
      if (n <= 0) return until();
      e.sent(static_cast<std::size_t>(n));
    }
    tlswire::test::drain(e, log);
    if (until() || log.failed) return until();
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, wait_ms) <= 0) return false;
    const ssize_t got = ::recv(fd, buffer.data(), buffer.size(), 0);
    if (got <= 0) return until();
    bytes_view in(buffer.data(), static_cast<std::size_t>(got));
    while (!in.empty()) {
      const std::size_t taken = e.feed(in);
      in = in.subspan(taken);
      tlswire::test::drain(e, log);
      if (taken == 0 && (log.failed || log.closed)) break;
    }
  }
}

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
    s_server server(k.server_args);
    const int fd = server.connect();
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
    const bool done = run(c, fd, log, [&] { return log.done; });
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
      CHECK(run(c, fd, log, [&] { return received.size() >= expected.size(); }));
      CHECK(std::string(received.begin(), received.end()) == expected);
      CHECK(c.close().ok());
      run(c, fd, log, [] { return false; });
    }
    ::close(fd);
  }
}
