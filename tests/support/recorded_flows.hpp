#pragma once
// Test-only reader for the recorded connections in ../shared/testdata/go-recorded/
// (Go crypto/tls testdata): `>>> Flow N (client to server)` headers followed by
// `hexdump -C` lines. Gives each flow's bytes and splits them into TLS
// records, so tests can walk the plaintext handshake. Allocates freely: tests only.
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace tlswire::test {

struct recorded_flow {
  bool client_to_server = false;
  std::vector<std::uint8_t> bytes;
};

// Reads every flow of a recorded file, in order; empty if it cannot be read.
inline std::vector<recorded_flow> read_recorded_flows(const std::string& path) {
  std::vector<recorded_flow> flows;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(">>> Flow", 0) == 0) {
      recorded_flow f;
      f.client_to_server = line.find("client to server") != std::string::npos;
      flows.push_back(f);
      continue;
    }
    if (flows.empty() || line.size() < 10) continue;
    // "00000000  16 03 01 00 fe 01 00 00  fa 03 ...  |................|"
    const std::size_t bar = line.find('|');
    std::istringstream hex(line.substr(10, bar == std::string::npos ? std::string::npos : bar - 10));
    std::string byte;
    while (hex >> byte) flows.back().bytes.push_back(static_cast<std::uint8_t>(std::stoul(byte, nullptr, 16)));
  }
  return flows;
}

struct recorded_record {
  std::uint8_t content_type = 0;
  std::vector<std::uint8_t> fragment;
};

// Splits the concatenated flows of one direction into TLS records (5-byte
// header: type, version, length). A record cut short ends the list.
inline std::vector<recorded_record> split_records(const std::vector<recorded_flow>& flows, bool client_to_server) {
  std::vector<std::uint8_t> stream;
  for (const auto& f : flows)
    if (f.client_to_server == client_to_server) stream.insert(stream.end(), f.bytes.begin(), f.bytes.end());
  std::vector<recorded_record> records;
  std::size_t pos = 0;
  while (pos + 5 <= stream.size()) {
    const std::size_t len = static_cast<std::size_t>(stream[pos + 3]) << 8 | stream[pos + 4];
    if (pos + 5 + len > stream.size()) break;
    recorded_record r;
    r.content_type = stream[pos];
    r.fragment.assign(stream.begin() + static_cast<std::ptrdiff_t>(pos + 5),
                      stream.begin() + static_cast<std::ptrdiff_t>(pos + 5 + len));
    records.push_back(std::move(r));
    pos += 5 + len;
  }
  return records;
}

// The plaintext handshake stream of one direction: the fragments of its
// handshake records (type 22), stopping at the first change_cipher_spec
// (type 20) unless `tls13` — in 1.3 encrypted handshake records travel as
// application_data, so every type-22 record is plaintext.
inline std::vector<std::uint8_t> plaintext_handshake_stream(const std::vector<recorded_record>& records, bool tls13) {
  std::vector<std::uint8_t> out;
  for (const auto& r : records) {
    if (r.content_type == 20 && !tls13) break;
    if (r.content_type == 22) out.insert(out.end(), r.fragment.begin(), r.fragment.end());
  }
  return out;
}

// Whole handshake messages (4-byte header + body) in a handshake stream.
inline std::vector<std::vector<std::uint8_t>> split_handshake_messages(const std::vector<std::uint8_t>& stream) {
  std::vector<std::vector<std::uint8_t>> out;
  std::size_t pos = 0;
  while (pos + 4 <= stream.size()) {
    const std::size_t len = static_cast<std::size_t>(stream[pos + 1]) << 16 |
                            static_cast<std::size_t>(stream[pos + 2]) << 8 | stream[pos + 3];
    if (pos + 4 + len > stream.size()) break;
    out.emplace_back(stream.begin() + static_cast<std::ptrdiff_t>(pos),
                     stream.begin() + static_cast<std::ptrdiff_t>(pos + 4 + len));
    pos += 4 + len;
  }
  return out;
}

}  // namespace tlswire::test
