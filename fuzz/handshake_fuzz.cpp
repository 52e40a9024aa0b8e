// libFuzzer entry for fuzz/targets/handshake.hpp.
#include "targets/handshake.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tlswire::fuzz::handshake::run(tlswire::bytes_view(data, size));
  return 0;
}
