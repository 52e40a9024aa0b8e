// libFuzzer entry for fuzz/targets/wire_vectors.hpp.
#include "targets/wire_vectors.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tlswire::fuzz::wire_vectors::run(tlswire::bytes_view(data, size));
  return 0;
}
