#pragma once
// Test-only: ClientHello / ServerHello bodies assembled from hex pieces, with
// every length computed, so a hostile case names only the field it breaks.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "support/hex.hpp"

namespace tlswire::test {

inline void put_prefixed(std::vector<std::uint8_t>& out, const std::vector<std::uint8_t>& body, std::size_t width) {
  for (std::size_t i = width; i-- > 0;) out.push_back(static_cast<std::uint8_t>(body.size() >> (8 * i)));
  out.insert(out.end(), body.begin(), body.end());
}

struct test_extension {
  std::uint16_t type;
  std::string data_hex;
};

inline std::vector<std::uint8_t> extensions_block(const std::vector<test_extension>& exts) {
  std::vector<std::uint8_t> body;
  for (const auto& e : exts) {
    body.push_back(static_cast<std::uint8_t>(e.type >> 8));
    body.push_back(static_cast<std::uint8_t>(e.type));
    put_prefixed(body, from_hex(e.data_hex), 2);
  }
  return body;
}

// A 1.3-style ClientHello body. `extensions` absent (nullptr) = no block.
struct client_hello_parts {
  std::string version = "0303";
  std::string session_id;              // hex
  std::string suites = "130113021303"; // hex, without length
  std::string compression = "00";      // hex, without length
  bool has_extensions = true;
  std::vector<test_extension> extensions{
      {0x002b, "020304"},                          // supported_versions: TLS 1.3
      {0x000a, "0004001d0017"},                    // supported_groups: x25519, secp256r1
      {0x000d, "000404030804"},                    // signature_algorithms
      {0x0033, "0024001d0020" + std::string(64, 'a')},  // key_share: x25519
  };
  std::string trailing;

  std::vector<std::uint8_t> body() const {
    std::vector<std::uint8_t> out = from_hex(version);
    out.insert(out.end(), 32, 0x11);
    put_prefixed(out, from_hex(session_id), 1);
    put_prefixed(out, from_hex(suites), 2);
    put_prefixed(out, from_hex(compression), 1);
    if (has_extensions) put_prefixed(out, extensions_block(extensions), 2);
    const auto t = from_hex(trailing);
    out.insert(out.end(), t.begin(), t.end());
    return out;
  }
};

struct server_hello_parts {
  std::string version = "0303";
  std::string random = std::string(64, '2');
  std::string session_id;
  std::string suite = "1301";
  std::string compression = "00";
  bool has_extensions = true;
  std::vector<test_extension> extensions{
      {0x002b, "0304"},
      {0x0033, "001d0020" + std::string(64, 'b')},
  };

  std::vector<std::uint8_t> body() const {
    std::vector<std::uint8_t> out = from_hex(version);
    const auto r = from_hex(random);
    out.insert(out.end(), r.begin(), r.end());
    put_prefixed(out, from_hex(session_id), 1);
    const auto s = from_hex(suite + compression);
    out.insert(out.end(), s.begin(), s.end());
    if (has_extensions) put_prefixed(out, extensions_block(extensions), 2);
    return out;
  }
};

}  // namespace tlswire::test
