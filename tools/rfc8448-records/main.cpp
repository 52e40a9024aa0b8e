// rfc8448-records: frames the records of an RFC 8448 trace with tlswire's
// record layer and prints them — a stand-in main job until the dissector
// (tools/dissector) replaces it.
//
//   tlswire_rfc8448_records [trace.txt]   (default: RFC 8448 §3, simple 1-RTT)
//
// The trace files (tests/vectors/rfc8448/*.txt) hold `name: hex` lines; the
// `<side>_<kind>_record_<n>` lines are whole records as sent, in order, and
// `<...>.plaintext` is the payload the RFC shows for each (for protected
// records: the decrypted content, since this tool holds no keys).
//
// Each side's records are appended to that side's byte stream and cut by a
// record_splitter, exactly as a receiver reading from a socket would; the
// handshake messages are reassembled from the plaintext payloads.
#include <array>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "tlswire/record/handshake_reassembler.hpp"
#include "tlswire/record/record.hpp"
#include "tlswire/record/record_splitter.hpp"
#include "tlswire/registry/alert.hpp"
#include "tlswire/registry/content_type.hpp"
#include "tlswire/registry/handshake_type.hpp"
#include "tlswire/registry/protocol_version.hpp"

namespace {

struct trace_line {
  std::string name;
  std::vector<std::uint8_t> bytes;
};

std::optional<std::vector<std::uint8_t>> from_hex(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  std::vector<std::uint8_t> out;
  out.reserve(hex.size() / 2);
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int hi = nibble(hex[i]);
    const int lo = nibble(hex[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out.push_back(static_cast<std::uint8_t>(hi << 4 | lo));
  }
  return out;
}

// `name: hex` lines in file order; '#' lines and blank lines are skipped.
std::optional<std::vector<trace_line>> read_trace(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  std::vector<trace_line> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto colon = line.find(": ");
    if (colon == std::string::npos) continue;
    auto bytes = from_hex(std::string_view(line).substr(colon + 2));
    if (!bytes) {
      std::cerr << path << ": bad hex in '" << line.substr(0, colon) << "'\n";
      return std::nullopt;
    }
    lines.push_back({line.substr(0, colon), std::move(*bytes)});
  }
  return lines;
}

bool is_record_name(const std::string& name) {
  return name.find("_record_") != std::string::npos && name.find('.') == std::string::npos;
}

std::string with_name(std::string_view name, unsigned value) {
  std::ostringstream s;
  s << (name.empty() ? "unknown" : name) << " (" << value << ")";
  return s.str();
}

// The bytes one side has sent, cut into records as they arrive.
struct side_stream {
  std::vector<std::uint8_t> bytes;
  std::size_t claimed = 0;
  tlswire::record_splitter splitter;
  bool keys_changed = false;
  std::array<std::uint8_t, 1 << 16> reassembly{};
  tlswire::handshake_reassembler handshakes{tlswire::mutable_bytes(reassembly)};
};

std::string version_name(tlswire::protocol_version v) {
  std::ostringstream s;
  const auto name = to_string(v);
  s << (name.empty() ? "unknown version" : name) << " (0x" << std::hex << static_cast<unsigned>(v) << ")";
  return s.str();
}

std::string describe(const tlswire::error& e) {
  std::ostringstream s;
  s << to_string(e.code) << " at offset " << e.offset << " (alert " << to_string(e.alert) << ")";
  return s.str();
}

}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : TLSWIRE_DEFAULT_TRACE;
  const auto lines = read_trace(path);
  if (!lines) {
    std::cerr << "cannot read trace " << path << "\n";
    return 2;
  }
  std::map<std::string, const trace_line*> by_name;
  for (const auto& l : *lines) by_name[l.name] = &l;

  std::map<std::string, side_stream> sides;
  std::cout << "records of " << path << "\n";
  std::size_t count = 0;
  for (const auto& l : *lines) {
    if (!is_record_name(l.name)) continue;
    const std::string side = l.name.substr(0, l.name.find('_'));
    side_stream& s = sides[side];
    s.bytes.insert(s.bytes.end(), l.bytes.begin(), l.bytes.end());

    // RFC 8446 §5.2: a protected 1.3 record always shows the outer type
    // application_data, so its first byte says which length ceiling applies.
    const auto unclaimed = tlswire::bytes_view(s.bytes).subspan(s.claimed);
    const bool protected_record =
        !unclaimed.empty() && unclaimed[0] == static_cast<std::uint8_t>(tlswire::content_type::application_data);
    s.splitter.set_limits({protected_record ? tlswire::record_form::tls13 : tlswire::record_form::none});
    const auto step = s.splitter.next(unclaimed);
    if (!step) {
      std::cerr << l.name << ": " << describe(step.error()) << "\n";
      return 1;
    }
    if (!step->complete()) {
      std::cerr << l.name << ": incomplete record, " << step->needed << " more bytes needed\n";
      return 1;
    }
    const tlswire::record& rec = step->rec;
    std::cout << "\n#" << ++count << " " << side << " -> "
              << with_name(to_string(rec.type), static_cast<unsigned>(rec.type)) << ", "
              << version_name(rec.legacy_record_version)
              << ", length " << rec.fragment.size() << " at stream offset " << s.claimed
              << (protected_record ? ", TLSCiphertext" : ", TLSPlaintext") << "\n";
    s.claimed += step->consumed;

    // The content: for a protected record, the payload RFC 8448 shows.
    tlswire::bytes_view content = rec.fragment;
    std::string_view inner_kind = to_string(rec.type);
    if (protected_record) {
      const auto plain = by_name.find(l.name + ".plaintext");
      if (plain == by_name.end()) continue;
      content = plain->second->bytes;
      // The kind of content is in the record's name (encrypted, so not on the wire).
      const std::string kind = l.name.substr(side.size() + 1, l.name.find("_record_") - side.size() - 1);
      inner_kind = kind == "handshake" ? "handshake" : kind == "alert" ? "alert" : "application_data";
      std::cout << "    decrypted content (from the RFC): " << inner_kind << ", " << content.size() << " bytes\n";
      // RFC 8446 §5.1: handshake messages must not span a key change; the
      // first protected record is one.
      if (auto k = s.keys_changed ? tlswire::status{} : s.handshakes.key_change(); !k) {
        std::cerr << l.name << ": " << describe(k.error()) << "\n";
        return 1;
      }
      s.keys_changed = true;
    }

    if (inner_kind == "handshake") {
      if (auto fed = s.handshakes.feed(content); !fed) {
        std::cerr << l.name << ": " << describe(fed.error()) << "\n";
        return 1;
      }
      for (;;) {
        auto msg = s.handshakes.next();
        if (!msg) {
          std::cerr << l.name << ": " << describe(msg.error()) << "\n";
          return 1;
        }
        if (!msg->has_value()) break;
        const auto& m = **msg;
        std::cout << "    handshake " << with_name(to_string(m.type), static_cast<unsigned>(m.type)) << ", "
                  << m.body.size() << " byte body\n";
      }
    } else if (inner_kind == "alert" && content.size() == 2) {
      const auto level = static_cast<tlswire::alert_level>(content[0]);
      const auto description = static_cast<tlswire::alert_description>(content[1]);
      std::cout << "    alert " << with_name(to_string(level), content[0]) << ", "
                << with_name(to_string(description), content[1]) << "\n";
    } else if (inner_kind == "application_data") {
      std::cout << "    application data, " << content.size() << " bytes\n";
    }
  }
  std::cout << "\n" << count << " records, all framed without error\n";
  return count > 0 ? 0 : 1;
}
