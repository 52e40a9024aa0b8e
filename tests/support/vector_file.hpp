#pragma once
// Test-only reader for `name: hex` vector files (tests/vectors/rfc8448/*.txt):
// one value per line, `#` lines are comments, an empty value is zero bytes.
// Allocates freely: tests only.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "tlswire/wire/bytes.hpp"

namespace tlswire::test {

using byte_vector = std::vector<std::uint8_t>;

inline byte_vector bytes_from_hex(const std::string& hex) {
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  byte_vector out;
  if (hex.size() % 2 != 0) return out;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int hi = digit(hex[i]);
    const int lo = digit(hex[i + 1]);
    if (hi < 0 || lo < 0) return {};
    out.push_back(static_cast<std::uint8_t>(hi << 4 | lo));
  }
  return out;
}

// The values of one file, by name, and their order of appearance.
class vector_file {
 public:
  // Reads TLSWIRE_VECTORS_DIR/<relative_path>; a missing file leaves it empty.
  explicit vector_file(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      const std::size_t colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string name = line.substr(0, colon);
      std::size_t v = colon + 1;
      while (v < line.size() && line[v] == ' ') ++v;
      std::size_t end = line.size();
      while (end > v && (line[end - 1] == '\r' || line[end - 1] == ' ')) --end;
      names_.push_back(name);
      values_[name] = bytes_from_hex(line.substr(v, end - v));
    }
  }

  bool empty() const { return values_.empty(); }
  bool contains(const std::string& name) const { return values_.count(name) != 0; }
  // The value of `name`; throws if the file has no such line (a test bug).
  const byte_vector& operator[](const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) throw std::out_of_range("no vector named " + name);
    return it->second;
  }
  bytes_view view(const std::string& name) const {
    const byte_vector& v = (*this)[name];
    return bytes_view(v.data(), v.size());
  }
  // Names in file order.
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::vector<std::string> names_;
  std::map<std::string, byte_vector> values_;
};

// A file under tests/vectors/.
inline vector_file load_vectors(const std::string& relative_path) {
  return vector_file(std::string(TLSWIRE_VECTORS_DIR) + "/" + relative_path);
}

}  // namespace tlswire::test
