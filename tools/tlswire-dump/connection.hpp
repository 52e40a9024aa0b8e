#pragma once
// What every input form (capture, recorded-flow text, raw files) becomes:
// connections, each with the two TCP byte streams and, for each stream,
// which packet delivered which bytes — so records of both directions can be
// shown in the order they were seen on the wire.
#include <algorithm>
#include <cstddef>
#include <iterator>
#include <cstdint>
#include <string>
#include <vector>

namespace tlswire_dump {

enum class direction : std::uint8_t { client_to_server = 0, server_to_client = 1 };

struct stream {
  std::vector<std::uint8_t> bytes;
  // (offset in `bytes` where a packet's data starts, that packet's number)
  std::vector<std::pair<std::size_t, std::size_t>> arrivals;
  bool has_gap = false;  // bytes were missing from the capture
  // Holes: (offset in `bytes` where bytes resume, number of bytes missing
  // before it). Offsets after a hole count only the bytes captured.
  std::vector<std::pair<std::size_t, std::size_t>> gaps;

  // Number of the packet that delivered the byte at `offset` (binary search:
  // arrivals are in stream order).
  std::size_t packet_at(std::size_t offset) const {
    const auto after = std::upper_bound(arrivals.begin(), arrivals.end(), offset,
                                        [](std::size_t at, const auto& arrival) { return at < arrival.first; });
    return after == arrivals.begin() ? 0 : std::prev(after)->second;
  }
  void append(const std::uint8_t* data, std::size_t size, std::size_t packet) {
    if (size == 0) return;
    arrivals.emplace_back(bytes.size(), packet);
    bytes.insert(bytes.end(), data, data + size);
  }
};

struct connection {
  std::string client;  // "10.0.0.1:51234"
  std::string server;
  stream to_server;
  stream to_client;
  std::size_t first_packet = 0;
  // False for raw files: no packet order, so the dissector interleaves the
  // two directions flight by flight.
  bool timed = true;

  stream& of(direction d) { return d == direction::client_to_server ? to_server : to_client; }
  const stream& of(direction d) const { return d == direction::client_to_server ? to_server : to_client; }
};

// Each returns the connections found, or an error message in `error`.
std::vector<connection> read_capture(const std::string& path, std::string& error);
std::vector<connection> read_recorded_flows(const std::string& path, std::string& error);
std::vector<connection> read_raw_files(const std::string& client_path, const std::string& server_path,
                                       std::string& error);

}  // namespace tlswire_dump
