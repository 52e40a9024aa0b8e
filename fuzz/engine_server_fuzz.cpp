// libFuzzer entry for fuzz/targets/engine_server.hpp; before fuzzing, the
// recorded valid handshake is written into the corpus as a seed.
#include "targets/engine_server.hpp"

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  tlswire::fuzz::engine_peer::write_seed<tlswire::fuzz::engine_peer::tested::server>(*argc, *argv);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tlswire::fuzz::engine_server::run(tlswire::bytes_view(data, size));
  return 0;
}
