// The engines' own code never allocates: a whole handshake, application
// data both ways and close_notify, with the no-crypto provider (which does
// not allocate either), counted by the test allocation counter. With a real
// provider the back end allocates inside its calls (OpenSSL's EVP does),
// which says nothing about the engine.
#define TLSWIRE_I_KNOW_NULL_CRYPTO_IS_INSECURE_FOR_FUZZING_ONLY
#include <catch2/catch.hpp>

#include <pthread.h>

#include <algorithm>
#include <array>
#include <memory>
#include <cstdio>
#include <vector>

#include <tlswire/engine/client.hpp>
#include <tlswire/engine/server.hpp>
#include <tlswire/providers/null_provider.hpp>

#include "support/allocation_counter.hpp"
#include "support/engine_pair.hpp"
#include "support/read_vector_file.hpp"

using namespace tlswire;
using namespace tlswire::engine;
using P = insecure_null_provider_for_fuzzing;

namespace {
struct accept_any {
  status operator()(const tls13_certificate&) const { return {}; }
};
}  // namespace

TEST_CASE("a whole handshake, data both ways and close_notify make no heap allocation in engine code", "[engine][alloc]") {
  // Everything the test itself needs is allocated before counting starts.
  const std::vector<std::uint8_t> leaf = tlswire::test::read_vector_file("x509/chain/server-p256.der");
  const std::array<bytes_view, 1> chain{bytes_view(leaf)};
  const std::array<signature_scheme, 1> schemes{signature_scheme::ecdsa_secp256r1_sha256};
  tlswire::test::engine_memory client_memory, server_memory;
  std::vector<std::uint8_t> at_server, at_client;
  at_server.reserve(1 << 16);
  at_client.reserve(1 << 16);
  const std::vector<std::uint8_t> payload(40000, 0x61);
  tlswire::test::engine_log client_log, server_log;
  client_log.data = &at_client;
  server_log.data = &at_server;
  P client_crypto, server_crypto;
  P::private_key key;
  accept_any check;

  tlswire::test::allocation_counter allocations;
  client_options co;
  co.server_name = bytes_view(leaf).first(0);
  co.check_certificate = check;
  server_options<P> so;
  so.certificate_chain = chain;
  so.private_key = &key;
  so.key_schemes = schemes;
  server<P> s(server_crypto, server_memory.buffers(), so);
  client<P> c(client_crypto, client_memory.buffers(), co);
  tlswire::test::pump(c, s, client_log, server_log);
  const bool done = client_log.done && server_log.done;
  std::size_t up = 0, down = 0;
  while (up < payload.size() || down < payload.size()) {
    up += c.write(bytes_view(payload).subspan(up)).value();
    down += s.write(bytes_view(payload).subspan(down)).value();
    tlswire::test::pump(c, s, client_log, server_log);
  }
  const bool closed = c.close().ok() && s.close().ok();
  tlswire::test::pump(c, s, client_log, server_log);
  const std::size_t count = allocations.count();

  REQUIRE(done);
  CHECK(closed);
  CHECK(client_log.closed);
  CHECK(server_log.closed);
  CHECK(at_server == payload);
  CHECK(at_client == payload);
  CHECK(count == 0);
  std::printf("sizeof(client<null provider, default_config>) = %zu, sizeof(server<...>) = %zu\n", sizeof(c), sizeof(s));
}

namespace {

// Runs f on a thread whose stack is `stack` (painted first) and returns how
// many bytes of it were ever touched: the peak stack of f plus a thread's
// small start-up frame.
template <class F>
std::size_t peak_stack(std::vector<std::uint8_t>& stack, F& f) {
  constexpr std::uint8_t paint = 0xa5;
  std::fill(stack.begin(), stack.end(), paint);
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstack(&attr, stack.data(), stack.size());
  pthread_t thread;
  const auto run = [](void* arg) -> void* {
    (*static_cast<F*>(arg))();
    return nullptr;
  };
  if (pthread_create(&thread, &attr, run, &f) != 0) return 0;
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
  std::size_t untouched = 0;  // the stack grows down: count painted bytes from the bottom
  while (untouched < stack.size() && stack[untouched] == paint) ++untouched;
  return stack.size() - untouched;
}

}  // namespace

TEST_CASE("peak stack of one whole handshake, client and server (printed)", "[engine][stack]") {
  const std::vector<std::uint8_t> leaf = tlswire::test::read_vector_file("x509/chain/server-p256.der");
  const std::array<bytes_view, 1> chain{bytes_view(leaf)};
  const std::array<signature_scheme, 1> schemes{signature_scheme::ecdsa_secp256r1_sha256};
  tlswire::test::engine_memory client_memory, server_memory;
  P client_crypto, server_crypto;
  P::private_key key;
  accept_any check;
  bool done = false;
  std::size_t client_peak = 0, server_peak = 0;
  // The engines live on the caller's side (here: the heap of this test);
  // the painted threads run only their handshake steps.
  server_options<P> so;
  so.certificate_chain = chain;
  so.private_key = &key;
  so.key_schemes = schemes;
  client_options co;
  co.check_certificate = check;
  auto s = std::make_unique<server<P>>(server_crypto, server_memory.buffers(), so);
  std::unique_ptr<client<P>> c;
  std::vector<std::uint8_t> stack(256 * 1024);
  tlswire::test::engine_log client_log, server_log;
  auto start = [&] { c = std::make_unique<client<P>>(client_crypto, client_memory.buffers(), co); };
  client_peak = peak_stack(stack, start);
  // Each step runs on the painted stack of its side.
  for (int round = 0; round < 8; ++round) {
    auto server_step = [&] { tlswire::test::transfer(*c, *s, server_log); };
    auto client_step = [&] { tlswire::test::transfer(*s, *c, client_log); };
    server_peak = std::max(server_peak, peak_stack(stack, server_step));
    client_peak = std::max(client_peak, peak_stack(stack, client_step));
  }
  done = client_log.done && server_log.done;
  REQUIRE(done);
  std::printf("peak stack of a handshake step (null provider, g++ flags of this build): client %zu bytes, server %zu bytes\n",
              client_peak, server_peak);
  CHECK(client_peak > 0);
  CHECK(server_peak > 0);
}

TEST_CASE("after the peer's fatal alert, write() and close() refuse with that alert instead of aborting", "[engine][alert]") {
  // Found by fuzz/engine_client: failure_info.reason is none when the peer
  // sent the alert, and an error may not carry errc::none.
  tlswire::test::engine_memory memory;
  P crypto;
  accept_any check;
  client_options co;
  co.check_certificate = check;
  client<P> c(crypto, memory.buffers(), co);
  const std::array<std::uint8_t, 2> fatal{2, static_cast<std::uint8_t>(alert_description::handshake_failure)};
  const std::vector<std::uint8_t> rec = tlswire::test::plaintext_record(content_type::alert, bytes_view(fatal));
  CHECK(c.feed(bytes_view(rec)) == rec.size());
  REQUIRE(c.failed());
  CHECK(c.failure().from_peer);
  const std::array<std::uint8_t, 1> data{'x'};
  const auto written = c.write(bytes_view(data));
  REQUIRE_FALSE(written.ok());
  CHECK(written.error().alert == alert_description::handshake_failure);
  CHECK(written.error().code == errc::unexpected_message);
  const status closed = c.close();
  REQUIRE_FALSE(closed.ok());
  CHECK(closed.error().alert == alert_description::handshake_failure);
}
