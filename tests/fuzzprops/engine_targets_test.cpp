// The engine fuzz targets (fuzz/targets/engine_client.hpp, engine_server.hpp)
// run as ordinary tests: their seed is a whole valid handshake at every
// chunking, their oracles hold on every truncation and on byte flips of the
// recorded conversation, and the transcript oracle does catch a Finished that
// does not match the wire. (Saved reproducers are replayed by
// fuzz_regressions_test.cpp.)
#define TLSWIRE_I_KNOW_NULL_CRYPTO_IS_INSECURE_FOR_FUZZING_ONLY
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "../../fuzz/targets/engine_client.hpp"
#include "../../fuzz/targets/engine_server.hpp"

using namespace tlswire;
using namespace tlswire::fuzz;

namespace {

using play_fn = engine_peer::outcome (*)(bytes_view);

struct side {
  const char* name;
  play_fn play;
  const std::vector<std::uint8_t>& stream;  // what the fuzzer's side sent in the recording
  bool with_hrr;
};

std::vector<side> sides() {
  using engine_peer::tested;
  return {{"client", engine_client::play, engine_peer::peer_recording<tested::client>(false), false},
          {"server", engine_server::play, engine_peer::peer_recording<tested::server>(false), false},
          {"client after HelloRetryRequest", engine_client::play, engine_peer::peer_recording<tested::client>(true), true},
          {"server after HelloRetryRequest", engine_server::play, engine_peer::peer_recording<tested::server>(true), true}};
}

// The record header, handshake header and legacy_version come before the random.
bool starts_with_hello_retry_request(const std::vector<std::uint8_t>& server_bytes) {
  constexpr std::size_t at = record_header_size + handshake_header_size + 2;
  return server_bytes.size() >= at + random_size &&
         equal_bytes(bytes_view(server_bytes).subspan(at, random_size), as_view(hello_retry_request_random));
}

// A patch-mode input (engine_peer.hpp): the recording with one byte XORed.
std::vector<std::uint8_t> patched(const side& s, std::uint8_t chunk, std::size_t pos, std::uint8_t mask) {
  return {chunk, static_cast<std::uint8_t>(s.with_hrr ? 3 : 1), static_cast<std::uint8_t>(pos >> 8),
          static_cast<std::uint8_t>(pos), mask};
}

}  // namespace

TEST_CASE("the engine fuzz targets' seed is a whole valid handshake at every chunking", "[fuzzprops][engine]") {
  for (const side& s : sides()) {
    INFO(s.name);
    for (std::uint8_t chunk : {0, 1, 2, 5, 16, 255}) {
      INFO(int(chunk));
      const auto raw = s.play(bytes_view(engine_peer::raw_input(s.stream, chunk)));
      CHECK(raw.done);
      CHECK_FALSE(raw.failed);
      // The server's first record: ServerHello, or HelloRetryRequest when asked for.
      const bool client_side = s.stream.data() == engine_peer::peer_recording<engine_peer::tested::client>(s.with_hrr).data();
      CHECK(starts_with_hello_retry_request(client_side ? s.stream : raw.sent) == s.with_hrr);
      const std::vector<std::uint8_t> unedited{chunk, static_cast<std::uint8_t>(s.with_hrr ? 3 : 1)};
      CHECK(s.play(bytes_view(unedited)).done);
    }
  }
}

TEST_CASE("the engine fuzz targets' oracles hold on every truncation and on byte flips of the conversation", "[fuzzprops][engine]") {
  for (const side& s : sides()) {
    INFO(s.name);
    std::size_t failed = 0, done = 0;
    for (std::size_t cut = 0; cut < s.stream.size(); ++cut) {
      std::vector<std::uint8_t> in = engine_peer::raw_input(s.stream, static_cast<std::uint8_t>(cut % 7));
      in.resize(2 + cut);
      const auto o = s.play(bytes_view(in));
      done += o.done;
    }
    for (std::size_t pos = 0; pos < s.stream.size(); ++pos) {
      const auto o = s.play(bytes_view(patched(s, 0, pos, 0x01)));
      failed += o.failed;
    }
    // Most flips are caught (Finished covers the handshake; the null AEAD
    // leaves record contents open to each flip); the rest change nothing checked.
    CHECK(failed > s.stream.size() / 2);
    CHECK(done > 0);  // cut after the Finished: a completed handshake, the rest still to come
  }
}

TEST_CASE("the engine targets' transcript oracle refuses a Finished that does not match the wire", "[fuzzprops][engine]") {
  const auto& rec = engine_peer::recorded();
  engine_peer::memory mem;
  engine_peer::null_p crypto;
  engine_peer::secrets keys;
  engine_peer::accept_any_chain check;
  engine::client<engine_peer::null_p> c(crypto, mem.buffers(), engine_peer::client_options(check, keys));
  const bytes_view input(rec.from_server);
  const auto o = engine_peer::drive(c, mem, input, 0, input);
  REQUIRE(o.done);
  const cipher_suite suite = c.summary().suite;
  CHECK(engine_peer::transcript_mismatch(suite, bytes_view(o.sent), input, keys) == nullptr);

  // One byte of the ServerHello's random changed on the wire, as the
  // engine would see it had it hashed something other than the wire.
  std::vector<std::uint8_t> other = rec.from_server;
  other[record_header_size + handshake_header_size + 2 + 5] ^= 0x80;
  CHECK(engine_peer::transcript_mismatch(suite, bytes_view(o.sent), bytes_view(other), keys) != nullptr);
  engine_peer::secrets wrong = keys;
  wrong.server_handshake[0] ^= 1;
  CHECK(engine_peer::transcript_mismatch(suite, bytes_view(o.sent), input, wrong) != nullptr);
}
