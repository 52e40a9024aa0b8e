// The engines' own code never allocates: a whole handshake, application
// data both ways and close_notify, with the no-crypto provider (which does
// not allocate either), counted by the test allocation counter. With a real
// provider the back end allocates inside its calls (OpenSSL's EVP does),
// which says nothing about the engine.
#define TLSWIRE_I_KNOW_NULL_CRYPTO_IS_INSECURE_FOR_FUZZING_ONLY
#include <catch2/catch.hpp>

#include <array>
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
