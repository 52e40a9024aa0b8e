// libFuzzer entry for fuzz/targets/sslv2_hello.hpp.
#include "targets/sslv2_hello.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tlswire::fuzz::sslv2_hello::run(tlswire::bytes_view(data, size));
  return 0;
}
