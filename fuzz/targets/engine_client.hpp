#pragma once
// Fuzz target: the TLS 1.3 client engine (engine/client.hpp) with the
// insecure null provider; the fuzzer plays the server and its input is the
// server's byte stream. Input format, seed and oracles: engine_peer.hpp.
#include "engine_peer.hpp"

namespace tlswire::fuzz::engine_client {

inline std::vector<std::uint8_t> seed() { return engine_peer::seed<engine_peer::tested::client>(); }

inline engine_peer::outcome play(bytes_view in) {
  current_target() = "engine_client";
  return engine_peer::play<engine_peer::tested::client>(in);
}

inline void run(bytes_view in) { (void)play(in); }

}  // namespace tlswire::fuzz::engine_client
