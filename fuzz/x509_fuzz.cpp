// libFuzzer entry for fuzz/targets/x509.hpp.
#include "targets/x509.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tlswire::fuzz::x509_target::run(tlswire::bytes_view(data, size));
  return 0;
}
