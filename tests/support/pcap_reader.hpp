#pragma once
// Test-only capture reader: classic pcap and pcapng (little-endian), link
// types Ethernet / BSD loopback / raw IP / Linux cooked, IPv4 and IPv6, TCP.
// Reassembles each TCP flow's first in-order bytes from its first segment
// whose payload starts a TLS handshake record, which is enough to pull out
// ClientHellos for fingerprint tests. Not a general packet library.
#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

namespace tlswire::test {

struct tcp_flow {
  std::string src_port, dst_port;  // decimal, as the JA4 tool prints them
  std::vector<std::uint8_t> client_bytes;  // in-order payload from the first TLS record on
  std::uint32_t next_seq = 0;
};

namespace pcap_detail {

inline std::uint32_t le32(const std::uint8_t* p) {
  return p[0] | static_cast<std::uint32_t>(p[1]) << 8 | static_cast<std::uint32_t>(p[2]) << 16 |
         static_cast<std::uint32_t>(p[3]) << 24;
}
inline std::uint16_t le16(const std::uint8_t* p) { return static_cast<std::uint16_t>(p[0] | p[1] << 8); }
inline std::uint16_t be16(const std::uint8_t* p) { return static_cast<std::uint16_t>(p[0] << 8 | p[1]); }
inline std::uint32_t be32(const std::uint8_t* p) {
  return static_cast<std::uint32_t>(p[0]) << 24 | static_cast<std::uint32_t>(p[1]) << 16 |
         static_cast<std::uint32_t>(p[2]) << 8 | p[3];
}

// Feeds one link-layer frame's TCP payload into `flows`.
inline void add_frame(std::map<std::string, tcp_flow>& flows, std::uint32_t link, const std::uint8_t* p,
                      std::size_t n) {
  std::uint16_t ethertype = 0;
  std::size_t off = 0;
  if (link == 1) {  // Ethernet
    if (n < 14) return;
    ethertype = be16(p + 12);
    off = 14;
    while (ethertype == 0x8100 && n >= off + 4) {
      ethertype = be16(p + off + 2);
      off += 4;
    }
  } else if (link == 0) {  // BSD loopback: 4-byte host-order family
    if (n < 4) return;
    const std::uint32_t family = le32(p);
    ethertype = family == 2 ? 0x0800 : 0x86dd;
    off = 4;
  } else if (link == 101 || link == 12) {  // raw IP
    ethertype = n > 0 && (p[0] >> 4) == 6 ? 0x86dd : 0x0800;
  } else if (link == 113) {  // Linux cooked
    if (n < 16) return;
    ethertype = be16(p + 14);
    off = 16;
  } else {
    return;
  }
  std::string src, dst;
  std::size_t tcp = 0, end = n;
  if (ethertype == 0x0800) {
    if (n < off + 20 || p[off + 9] != 6) return;
    const std::size_t ihl = (p[off] & 0x0f) * 4u;
    end = std::min<std::size_t>(n, off + be16(p + off + 2));
    src.assign(p + off + 12, p + off + 16);
    dst.assign(p + off + 16, p + off + 20);
    tcp = off + ihl;
  } else if (ethertype == 0x86dd) {
    if (n < off + 40 || p[off + 6] != 6) return;
    end = std::min<std::size_t>(n, off + 40 + be16(p + off + 4));
    src.assign(p + off + 8, p + off + 24);
    dst.assign(p + off + 24, p + off + 40);
    tcp = off + 40;
  } else {
    return;
  }
  if (end < tcp + 20) return;
  const std::uint16_t sport = be16(p + tcp), dport = be16(p + tcp + 2);
  const std::uint32_t seq = be32(p + tcp + 4);
  const std::size_t data = tcp + (p[tcp + 12] >> 4) * 4u;
  if (data >= end) return;
  const std::string key = src + ":" + std::to_string(sport) + ">" + dst + ":" + std::to_string(dport);
  auto it = flows.find(key);
  if (it == flows.end()) {
    if (p[data] != 0x16) return;  // wait for a segment that starts a handshake record
    tcp_flow f;
    f.src_port = std::to_string(sport);
    f.dst_port = std::to_string(dport);
    f.next_seq = seq;
    it = flows.emplace(key, f).first;
  }
  if (seq != it->second.next_seq) return;  // retransmission or out of order: skip
  it->second.client_bytes.insert(it->second.client_bytes.end(), p + data, p + end);
  it->second.next_seq = seq + static_cast<std::uint32_t>(end - data);
}

}  // namespace pcap_detail

// Every TCP flow (one direction each) whose payload starts with a TLS
// handshake record, in-order bytes reassembled.
inline std::vector<tcp_flow> read_tls_flows(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::uint8_t> file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::map<std::string, tcp_flow> flows;
  using namespace pcap_detail;
  if (file.size() >= 24 && le32(file.data()) == 0xa1b2c3d4) {  // classic pcap, little-endian
    const std::uint32_t link = le32(file.data() + 20);
    std::size_t pos = 24;
    while (pos + 16 <= file.size()) {
      const std::uint32_t caplen = le32(file.data() + pos + 8);
      pos += 16;
      if (pos + caplen > file.size()) break;
      add_frame(flows, link, file.data() + pos, caplen);
      pos += caplen;
    }
  } else if (file.size() >= 12 && le32(file.data()) == 0x0a0d0d0a) {  // pcapng, little-endian
    std::vector<std::uint32_t> links;
    std::size_t pos = 0;
    while (pos + 12 <= file.size()) {
      const std::uint32_t type = le32(file.data() + pos);
      const std::uint32_t len = le32(file.data() + pos + 4);
      if (len < 12 || pos + len > file.size()) break;
      const std::uint8_t* b = file.data() + pos + 8;
      if (type == 0x0a0d0d0a) links.clear();
      if (type == 1) links.push_back(le16(b));
      if (type == 6 && len >= 32) {
        const std::uint32_t iface = le32(b);
        const std::uint32_t caplen = le32(b + 12);
        if (iface < links.size() && 20 + caplen <= len - 12) add_frame(flows, links[iface], b + 20, caplen);
      }
      if (type == 3 && !links.empty()) add_frame(flows, links[0], b + 4, len - 16);
      pos += len;
    }
  }
  std::vector<tcp_flow> out;
  for (auto& [key, flow] : flows) out.push_back(std::move(flow));
  return out;
}

// The plaintext handshake messages at the start of a flow: fragments of its
// leading run of handshake records (type 22), CCS records skipped, stopping
// at the first record of another type.
inline std::vector<std::vector<std::uint8_t>> leading_handshake_messages(const std::vector<std::uint8_t>& bytes) {
  std::vector<std::uint8_t> stream;
  std::size_t pos = 0;
  while (pos + 5 <= bytes.size()) {
    const std::uint8_t type = bytes[pos];
    const std::size_t len = pcap_detail::be16(bytes.data() + pos + 3);
    if (pos + 5 + len > bytes.size() || (type != 22 && type != 20)) break;
    if (type == 22) stream.insert(stream.end(), bytes.begin() + static_cast<std::ptrdiff_t>(pos + 5),
                                  bytes.begin() + static_cast<std::ptrdiff_t>(pos + 5 + len));
    pos += 5 + len;
  }
  std::vector<std::vector<std::uint8_t>> out;
  pos = 0;
  while (pos + 4 <= stream.size()) {
    const std::size_t len = static_cast<std::size_t>(stream[pos + 1]) << 16 | pcap_detail::be16(stream.data() + pos + 2);
    if (pos + 4 + len > stream.size()) break;
    out.emplace_back(stream.begin() + static_cast<std::ptrdiff_t>(pos),
                     stream.begin() + static_cast<std::ptrdiff_t>(pos + 4 + len));
    pos += 4 + len;
  }
  return out;
}

}  // namespace tlswire::test
