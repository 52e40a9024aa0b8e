// libFuzzer entry for fuzz/targets/inner_plaintext.hpp.
#include "targets/inner_plaintext.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tlswire::fuzz::inner_plaintext_target::run(tlswire::bytes_view(data, size));
  return 0;
}
