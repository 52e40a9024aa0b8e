#pragma once
// Fuzz target: the TLS 1.3 server engine (engine/server.hpp) with the
// insecure null provider; the fuzzer plays the client and its input is the
// client's byte stream. Input format, seed and oracles: engine_peer.hpp.
#include "engine_peer.hpp"

namespace tlswire::fuzz::engine_server {

inline std::vector<std::uint8_t> seed() { return engine_peer::seed<engine_peer::tested::server>(); }

inline engine_peer::outcome play(bytes_view in) {
  current_target() = "engine_server";
  return engine_peer::play<engine_peer::tested::server>(in);
}

inline void run(bytes_view in) { (void)play(in); }

}  // namespace tlswire::fuzz::engine_server
