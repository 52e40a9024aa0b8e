// Text and raw inputs: recorded flows (Go's crypto/tls test recordings:
// ">>> Flow N (client to server)" followed by `hexdump -C` lines) and a pair
// of raw files, one per direction.
#include <fstream>
#include <iterator>
#include <sstream>

#include "connection.hpp"

namespace tlswire_dump {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::vector<connection> read_recorded_flows(const std::string& path, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = "cannot open " + path;
    return {};
  }
  connection conn;
  conn.client = "client";
  conn.server = "server";
  stream* current = nullptr;
  std::size_t flow_number = 0;
  std::string line;
  std::size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.rfind(">>> Flow ", 0) == 0) {
      flow_number = 0;
      for (std::size_t i = 9; i < line.size() && line[i] >= '0' && line[i] <= '9'; ++i)
        flow_number = flow_number * 10 + static_cast<std::size_t>(line[i] - '0');
      current = line.find("client to server") != std::string::npos ? &conn.to_server : &conn.to_client;
      continue;
    }
    if (line.empty()) continue;
    if (current == nullptr) {
      error = path + ":" + std::to_string(line_number) + ": data before the first '>>> Flow' line";
      return {};
    }
    // "00000000  16 03 01 00 fe 01 00 00  fa 03 ...  |ascii|": hex between the offset and '|'.
    const std::size_t bar = line.find('|');
    if (line.size() < 10 || (bar != std::string::npos && bar < 8)) {
      error = path + ":" + std::to_string(line_number) + ": not a hexdump line";
      return {};
    }
    const std::string hex = line.substr(8, bar == std::string::npos ? std::string::npos : bar - 8);
    std::vector<std::uint8_t> bytes;
    for (std::size_t i = 0; i + 1 < hex.size();) {
      if (hex[i] == ' ') {
        ++i;
        continue;
      }
      const int hi = hex_digit(hex[i]);
      const int lo = hex_digit(hex[i + 1]);
      if (hi < 0 || lo < 0) {
        error = path + ":" + std::to_string(line_number) + ": not a hexdump line";
        return {};
      }
      bytes.push_back(static_cast<std::uint8_t>(hi << 4 | lo));
      i += 2;
    }
    // One flow is one write: all its lines belong to the same "packet".
    if (!current->arrivals.empty() && current->arrivals.back().second == flow_number) {
      current->bytes.insert(current->bytes.end(), bytes.begin(), bytes.end());
    } else {
      current->append(bytes.data(), bytes.size(), flow_number);
    }
  }
  std::vector<connection> out;
  out.push_back(std::move(conn));
  return out;
}

std::vector<connection> read_raw_files(const std::string& client_path, const std::string& server_path,
                                       std::string& error) {
  auto slurp = [&](const std::string& path, stream& s, std::size_t packet) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      error = "cannot open " + path;
      return false;
    }
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    s.append(bytes.data(), bytes.size(), packet);
    return true;
  };
  connection conn;
  conn.client = client_path;
  conn.server = server_path;
  conn.timed = false;
  // Raw files carry no timing: records are shown per flight (see dissect.cpp).
  if (!slurp(client_path, conn.to_server, 1) || !slurp(server_path, conn.to_client, 2)) return {};
  std::vector<connection> out;
  out.push_back(std::move(conn));
  return out;
}

}  // namespace tlswire_dump
