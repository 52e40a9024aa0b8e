// libFuzzer entry for fuzz/targets/extensions.hpp.
#include "targets/extensions.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tlswire::fuzz::extensions::run(tlswire::bytes_view(data, size));
  return 0;
}
