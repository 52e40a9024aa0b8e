// libFuzzer entry for fuzz/targets/client_hello_rules.hpp.
#include "targets/client_hello_rules.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tlswire::fuzz::client_hello_rules::run(tlswire::bytes_view(data, size));
  return 0;
}
