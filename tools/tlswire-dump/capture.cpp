// pcap / pcapng input through libpcap, with TCP stream reassembly.
//
// libpcap reads both file formats and tells the link type; we decode
// Ethernet (with 802.1Q tags), BSD loopback/null, Linux cooked (SLL, SLL2)
// and raw IP, then IPv4/IPv6 and TCP. Each direction of a connection is
// reassembled by sequence number: retransmitted bytes are dropped, segments
// that arrive early wait until the gap before them is filled.
#include <pcap/pcap.h>

#include <array>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <tuple>

#include "connection.hpp"

namespace tlswire_dump {
namespace {

std::uint16_t be16(const std::uint8_t* p) { return static_cast<std::uint16_t>(p[0] << 8 | p[1]); }
std::uint32_t be32(const std::uint8_t* p) {
  return static_cast<std::uint32_t>(p[0]) << 24 | static_cast<std::uint32_t>(p[1]) << 16 |
         static_cast<std::uint32_t>(p[2]) << 8 | p[3];
}

struct endpoint {
  std::array<std::uint8_t, 16> addr{};
  bool v6 = false;
  std::uint16_t port = 0;
  friend bool operator<(const endpoint& a, const endpoint& b) {
    return std::tie(a.v6, a.addr, a.port) < std::tie(b.v6, b.addr, b.port);
  }
  friend bool operator==(const endpoint& a, const endpoint& b) {
    return a.v6 == b.v6 && a.addr == b.addr && a.port == b.port;
  }
  std::string text() const {
    std::array<char, 64> buf{};
    if (!v6) {
      std::snprintf(buf.data(), buf.size(), "%u.%u.%u.%u:%u", addr[0], addr[1], addr[2], addr[3], port);
    } else {
      std::string s = "[";
      for (int i = 0; i < 16; i += 2) {
        std::array<char, 8> part{};
        std::snprintf(part.data(), part.size(), "%x", be16(&addr[static_cast<std::size_t>(i)]));
        s += part.data();
        if (i < 14) s += ':';
      }
      return s + "]:" + std::to_string(port);
    }
    return buf.data();
  }
};

struct tcp_segment {
  endpoint src, dst;
  std::uint32_t seq = 0;
  bool syn = false, ack = false, fin = false, rst = false;
  const std::uint8_t* payload = nullptr;
  std::size_t payload_size = 0;
};

// One direction's reassembly state. Positions are 64-bit offsets in the
// stream, so sequence numbers may wrap freely.
struct direction_state {
  bool started = false;
  std::uint32_t next_seq = 0;    // sequence number of the next byte owed
  std::uint64_t delivered = 0;   // bytes delivered so far
  struct early_segment {
    std::vector<std::uint8_t> bytes;
    std::size_t packet = 0;
  };
  std::map<std::uint64_t, early_segment> pending;  // early segments by position
};

struct flow {
  endpoint client, server;
  bool client_known = false;  // decided by a SYN, otherwise by who speaks first
  connection conn;
  std::array<direction_state, 2> state;
};

// Appends the bytes of [pos, pos+size) that are new; returns false if the
// segment starts beyond what has been delivered (a gap before it).
bool append_new(direction_state& st, stream& out, std::uint64_t pos, const std::uint8_t* data, std::size_t size,
                std::size_t packet) {
  if (pos > st.delivered) return false;
  const std::uint64_t old = st.delivered - pos;
  if (old < size) {
    const auto fresh = size - static_cast<std::size_t>(old);
    out.append(data + old, fresh, packet);
    st.delivered += fresh;
    st.next_seq += static_cast<std::uint32_t>(fresh);
  }
  return true;
}

void deliver(direction_state& st, stream& out, const tcp_segment& s, std::size_t packet) {
  if (s.syn) {
    st.started = true;
    st.next_seq = s.seq + 1;
    return;
  }
  if (s.payload_size == 0) return;
  if (!st.started) {  // capture began mid-connection
    st.started = true;
    st.next_seq = s.seq;
  }
  const auto ahead = static_cast<std::int32_t>(s.seq - st.next_seq);
  if (ahead < 0 && static_cast<std::uint64_t>(-static_cast<std::int64_t>(ahead)) > st.delivered) return;
  const std::uint64_t pos = st.delivered + static_cast<std::uint64_t>(static_cast<std::int64_t>(ahead));
  if (!append_new(st, out, pos, s.payload, s.payload_size, packet)) {
    auto& slot = st.pending[pos];
    if (slot.bytes.size() < s.payload_size) {
      slot.bytes.assign(s.payload, s.payload + s.payload_size);
      slot.packet = packet;
    }
    return;
  }
  // Early segments whose gap is now filled.
  while (!st.pending.empty()) {
    auto first = st.pending.begin();
    if (!append_new(st, out, first->first, first->second.bytes.data(), first->second.bytes.size(), packet)) break;
    st.pending.erase(first);
  }
}

// At the end of the capture, segments still waiting sit behind bytes the
// capture never saw. They are appended anyway, each hole noted in the
// stream, so the dissector can pick up again at a record boundary.
void flush_after_gaps(direction_state& st, stream& out) {
  while (!st.pending.empty()) {
    auto first = st.pending.begin();
    if (first->first > st.delivered) {
      out.has_gap = true;
      out.gaps.emplace_back(out.bytes.size(), static_cast<std::size_t>(first->first - st.delivered));
      st.next_seq += static_cast<std::uint32_t>(first->first - st.delivered);
      st.delivered = first->first;
    }
    append_new(st, out, first->first, first->second.bytes.data(), first->second.bytes.size(), first->second.packet);
    st.pending.erase(first);
  }
}

bool parse_tcp(const std::uint8_t* p, std::size_t n, tcp_segment& seg) {
  if (n < 20) return false;
  const std::size_t header = static_cast<std::size_t>(p[12] >> 4) * 4;
  if (header < 20 || header > n) return false;
  seg.src.port = be16(p);
  seg.dst.port = be16(p + 2);
  seg.seq = be32(p + 4);
  const std::uint8_t flags = p[13];
  seg.fin = flags & 0x01;
  seg.syn = flags & 0x02;
  seg.rst = flags & 0x04;
  seg.ack = flags & 0x10;
  seg.payload = p + header;
  seg.payload_size = n - header;
  return true;
}

bool parse_ip(const std::uint8_t* p, std::size_t n, tcp_segment& seg) {
  if (n < 1) return false;
  const unsigned version = p[0] >> 4;
  if (version == 4) {
    if (n < 20) return false;
    const std::size_t ihl = static_cast<std::size_t>(p[0] & 0x0f) * 4;
    const std::size_t total = be16(p + 2);
    if (ihl < 20 || total < ihl || total > n) return false;
    if (p[9] != 6) return false;                    // not TCP
    if ((be16(p + 6) & 0x3fff) != 0) return false;  // IP fragments are not reassembled
    std::memcpy(seg.src.addr.data(), p + 12, 4);
    std::memcpy(seg.dst.addr.data(), p + 16, 4);
    return parse_tcp(p + ihl, total - ihl, seg);
  }
  if (version == 6) {
    if (n < 40) return false;
    const std::size_t payload = be16(p + 4);
    if (40 + payload > n) return false;
    seg.src.v6 = seg.dst.v6 = true;
    std::memcpy(seg.src.addr.data(), p + 8, 16);
    std::memcpy(seg.dst.addr.data(), p + 24, 16);
    std::uint8_t next = p[6];
    std::size_t at = 40;
    // Hop-by-hop, routing and destination options headers share one layout.
    while (next == 0 || next == 43 || next == 60) {
      if (at + 8 > 40 + payload) return false;
      next = p[at];
      at += (static_cast<std::size_t>(p[at + 1]) + 1) * 8;
    }
    if (next != 6 || at > 40 + payload) return false;
    return parse_tcp(p + at, 40 + payload - at, seg);
  }
  return false;
}

bool parse_link(int linktype, const std::uint8_t* p, std::size_t n, tcp_segment& seg) {
  switch (linktype) {
    case DLT_EN10MB: {
      std::size_t at = 12;
      if (n < 14) return false;
      std::uint16_t type = be16(p + at);
      while (type == 0x8100 || type == 0x88a8) {  // 802.1Q / 802.1ad tags
        at += 4;
        if (at + 2 > n) return false;
        type = be16(p + at);
      }
      at += 2;
      if (type != 0x0800 && type != 0x86dd) return false;
      return parse_ip(p + at, n - at, seg);
    }
    case DLT_NULL:
    case DLT_LOOP:  // 4-byte address family, then IP
      return n > 4 && parse_ip(p + 4, n - 4, seg);
    case DLT_RAW:
#ifdef DLT_IPV4
    case DLT_IPV4:
    case DLT_IPV6:
#endif
      return parse_ip(p, n, seg);
    case DLT_LINUX_SLL:
      return n > 16 && parse_ip(p + 16, n - 16, seg);
#ifdef DLT_LINUX_SLL2
    case DLT_LINUX_SLL2:
      return n > 20 && parse_ip(p + 20, n - 20, seg);
#endif
    default:
      return false;
  }
}

// A first payload that looks like a ClientHello record names its sender the client.
bool looks_like_client_hello(const tcp_segment& s) {
  return s.payload_size >= 6 && s.payload[0] == 0x16 && s.payload[1] == 0x03 && s.payload[5] == 0x01;
}

}  // namespace

std::vector<connection> read_capture(const std::string& path, std::string& error) {
  std::array<char, PCAP_ERRBUF_SIZE> errbuf{};
  std::unique_ptr<pcap_t, decltype(&pcap_close)> pcap(pcap_open_offline(path.c_str(), errbuf.data()), &pcap_close);
  if (!pcap) {
    error = errbuf.data();
    return {};
  }
  const int linktype = pcap_datalink(pcap.get());
  std::map<std::pair<endpoint, endpoint>, std::size_t> index;  // (lower, higher) endpoint -> flow
  std::vector<flow> flows;
  pcap_pkthdr* header = nullptr;
  const u_char* data = nullptr;
  std::size_t packet = 0;
  int rc = 0;
  while ((rc = pcap_next_ex(pcap.get(), &header, &data)) == 1) {
    ++packet;
    tcp_segment seg;
    if (!parse_link(linktype, data, header->caplen, seg)) continue;
    const auto key = seg.src < seg.dst ? std::make_pair(seg.src, seg.dst) : std::make_pair(seg.dst, seg.src);
    auto it = index.find(key);
    // A new SYN on a finished 4-tuple starts a new connection.
    if (it != index.end() && seg.syn && !seg.ack && flows[it->second].conn.to_server.bytes.size() > 0) {
      index.erase(it);
      it = index.end();
    }
    if (it == index.end()) {
      if (seg.payload_size == 0 && !seg.syn) continue;
      it = index.emplace(key, flows.size()).first;
      flows.emplace_back();
      flows.back().conn.first_packet = packet;
    }
    flow& f = flows[it->second];
    if (!f.client_known && ((seg.syn && !seg.ack) || looks_like_client_hello(seg))) {
      f.client = seg.src;
      f.server = seg.dst;
      f.client_known = true;
    } else if (!f.client_known && seg.syn && seg.ack) {
      f.client = seg.dst;
      f.server = seg.src;
      f.client_known = true;
    } else if (!f.client_known && seg.payload_size > 0) {
      // Best guess for a capture that began mid-connection: the server is
      // the side with the lower (well-known) port.
      const bool src_is_server = seg.src.port < seg.dst.port;
      f.client = src_is_server ? seg.dst : seg.src;
      f.server = src_is_server ? seg.src : seg.dst;
      f.client_known = true;
    }
    if (!f.client_known) continue;
    const bool to_server = seg.src == f.client;
    const auto d = to_server ? direction::client_to_server : direction::server_to_client;
    deliver(f.state[static_cast<std::size_t>(d)], f.conn.of(d), seg, packet);
  }
  if (rc == -1) error = pcap_geterr(pcap.get());
  std::vector<connection> out;
  for (flow& f : flows) {
    if (f.conn.to_server.bytes.empty() && f.conn.to_client.bytes.empty()) continue;
    for (std::size_t d = 0; d < 2; ++d)
      flush_after_gaps(f.state[d], f.conn.of(static_cast<direction>(d)));
    f.conn.client = f.client.text();
    f.conn.server = f.server.text();
    out.push_back(std::move(f.conn));
  }
  return out;
}

}  // namespace tlswire_dump
