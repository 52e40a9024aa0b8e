// libFuzzer entry for fuzz/targets/protected_records.hpp.
#include "targets/protected_records.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tlswire::fuzz::protected_records::run(tlswire::bytes_view(data, size));
  return 0;
}
