#pragma once
// NSS key log files (SSLKEYLOGFILE), as browsers, curl, OpenSSL and Go write
// them: "<LABEL> <client_random hex> <secret hex>" per line, '#' comments.
#include <algorithm>
#include <array>
#include <cstdint>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace tlswire_dump {

struct session_secrets {
  std::vector<std::uint8_t> master_secret;  // CLIENT_RANDOM (TLS 1.2 and below)
  std::vector<std::uint8_t> client_handshake_traffic_secret;
  std::vector<std::uint8_t> server_handshake_traffic_secret;
  std::vector<std::uint8_t> client_traffic_secret_0;
  std::vector<std::uint8_t> server_traffic_secret_0;
};

class key_log {
 public:
  // Reads `path`; lines that are not key log lines are counted and skipped.
  bool load(const std::string& path, std::string& error) {
    std::ifstream in(path);
    if (!in) {
      error = "cannot open key log " + path;
      return false;
    }
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      const auto a = line.find(' ');
      const auto b = a == std::string::npos ? a : line.find(' ', a + 1);
      std::vector<std::uint8_t> random, secret;
      if (b == std::string::npos || !unhex(line.substr(a + 1, b - a - 1), random) || random.size() != 32 ||
          !unhex(line.substr(b + 1), secret) || secret.empty()) {
        ++skipped_;
        continue;
      }
      std::array<std::uint8_t, 32> key{};
      std::copy(random.begin(), random.end(), key.begin());
      session_secrets& s = sessions_[key];
      const std::string label = line.substr(0, a);
      if (label == "CLIENT_RANDOM") s.master_secret = secret;
      else if (label == "CLIENT_HANDSHAKE_TRAFFIC_SECRET") s.client_handshake_traffic_secret = secret;
      else if (label == "SERVER_HANDSHAKE_TRAFFIC_SECRET") s.server_handshake_traffic_secret = secret;
      else if (label == "CLIENT_TRAFFIC_SECRET_0") s.client_traffic_secret_0 = secret;
      else if (label == "SERVER_TRAFFIC_SECRET_0") s.server_traffic_secret_0 = secret;
      // EXPORTER_SECRET, EARLY_EXPORTER_SECRET, CLIENT_EARLY_TRAFFIC_SECRET: not needed to decrypt.
    }
    return true;
  }

  const session_secrets* find(const std::uint8_t* client_random) const {
    std::array<std::uint8_t, 32> key{};
    std::copy(client_random, client_random + 32, key.begin());
    const auto it = sessions_.find(key);
    return it == sessions_.end() ? nullptr : &it->second;
  }
  std::size_t size() const { return sessions_.size(); }
  std::size_t skipped() const { return skipped_; }

 private:
  static bool unhex(const std::string& s, std::vector<std::uint8_t>& out) {
    if (s.size() % 2 != 0) return false;
    auto digit = [](char c) {
      return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    };
    for (std::size_t i = 0; i < s.size(); i += 2) {
      const int hi = digit(s[i]), lo = digit(s[i + 1]);
      if (hi < 0 || lo < 0) return false;
      out.push_back(static_cast<std::uint8_t>(hi << 4 | lo));
    }
    return true;
  }

  std::map<std::array<std::uint8_t, 32>, session_secrets> sessions_;
  std::size_t skipped_ = 0;
};

}  // namespace tlswire_dump
