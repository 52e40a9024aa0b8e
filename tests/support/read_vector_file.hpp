#pragma once
// Test-only: the bytes of a binary file under tests/vectors/ (DER and PEM
// keys, PRF outputs). A file that cannot be opened fails the calling test.
#include <catch2/catch.hpp>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace tlswire::test {

// TLSWIRE_VECTORS_DIR/<relative_path>, e.g. read_vector_file("keys/p256.key.der").
inline std::vector<std::uint8_t> read_vector_file(const std::string& relative_path) {
  std::ifstream in(std::string(TLSWIRE_VECTORS_DIR) + "/" + relative_path, std::ios::binary);
  REQUIRE(in.good());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace tlswire::test
