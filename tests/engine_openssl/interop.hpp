#pragma once
// Test-only: what the interop tests share — a free port on 127.0.0.1, a
// child process (openssl s_server / s_client) that is killed and reaped when
// it goes out of scope, and an engine driven over a TCP socket. Every wait
// is bounded (wait_ms).
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

#include <catch2/catch.hpp>

#include "support/engine_pair.hpp"

extern char** environ;

namespace tlswire::test {

inline constexpr const char* openssl_program = "/usr/bin/openssl";
inline constexpr int wait_ms = 5000;

// A port nobody listens on right now (the kernel's choice for port 0).
inline int free_port() {
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

// `openssl ARGS...` with stdin and stdout from/to the given files, killed and
// reaped when destroyed (or waited for, bounded, with finish()).
class child_process {
 public:
  child_process(std::vector<std::string> args, const char* stdin_path = "/dev/null",
                const char* stdout_path = "/dev/null") {
    args.insert(args.begin(), "openssl");
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, 0, stdin_path, O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&files, 1, stdout_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&files, 2, "/dev/null", O_WRONLY, 0);
    started_ = posix_spawn(&pid_, openssl_program, &files, nullptr, argv.data(), environ) == 0;
    posix_spawn_file_actions_destroy(&files);
  }
  ~child_process() {
    if (!started_) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
  child_process(const child_process&) = delete;
  child_process& operator=(const child_process&) = delete;

  bool started() const { return started_; }
  // Waits (at most wait_ms) for the process to exit by itself.
  bool finish() {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_ms);
    while (started_ && std::chrono::steady_clock::now() < until) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        started_ = false;
        return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return !started_;
  }

 private:
  pid_t pid_ = 0;
  bool started_ = false;
};

inline sockaddr_in loopback(int port) {
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return a;
}

// A connected socket to 127.0.0.1:port, retrying while the peer starts.
inline int connect_to(int port) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_ms);
  while (std::chrono::steady_clock::now() < until) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    const sockaddr_in a = loopback(port);
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&a), sizeof a) == 0) return fd;  // NOLINT
    ::close(fd);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return -1;
}

// A listening socket on 127.0.0.1:port, or -1.
inline int listen_on(int port) {
  const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
  const int one = 1;
  ::setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  const sockaddr_in a = loopback(port);
  if (::bind(listener, reinterpret_cast<const sockaddr*>(&a), sizeof a) != 0 || ::listen(listener, 1) != 0) {  // NOLINT
    ::close(listener);
    return -1;
  }
  return listener;
}

// The first connection to `listener` (at most wait_ms), or -1.
inline int accept_from(int listener) {
  pollfd p{listener, POLLIN, 0};
  return ::poll(&p, 1, wait_ms) == 1 ? ::accept(listener, nullptr, nullptr) : -1;
}

// Runs the engine over the socket until `until()` holds, the peer closes the
// connection, or nothing arrives for wait_ms. True when until() held.
template <class Engine, class Until>
bool run_over_socket(Engine& e, int fd, engine_log& log, Until until) {
  std::array<std::uint8_t, 4096> buffer{};
  for (;;) {
    for (bytes_view out = e.pending_output(); !out.empty(); out = e.pending_output()) {
      const ssize_t n = ::send(fd, out.data(), out.size(), MSG_NOSIGNAL);
      if (n <= 0) return until();
      e.sent(static_cast<std::size_t>(n));
    }
    drain(e, log);
    if (until() || log.failed) return until();
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, wait_ms) <= 0) return false;
    const ssize_t got = ::recv(fd, buffer.data(), buffer.size(), 0);
    if (got <= 0) return until();
    bytes_view in(buffer.data(), static_cast<std::size_t>(got));
    while (!in.empty()) {
      const std::size_t taken = e.feed(in);
      in = in.subspan(taken);
      drain(e, log);
      if (taken == 0 && (log.failed || log.closed)) break;
    }
  }
}

}  // namespace tlswire::test
