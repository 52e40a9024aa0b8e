// libFuzzer entry for fuzz/targets/records.hpp.
#include "targets/records.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tlswire::fuzz::records::run(tlswire::bytes_view(data, size));
  return 0;
}
