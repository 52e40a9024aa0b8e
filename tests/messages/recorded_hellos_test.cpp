#include <dirent.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "messages/hello_builder.hpp"
#include "messages/rfc8448_vectors.hpp"
#include "support/recorded_flows.hpp"
#include "tlswire/extensions/extensions.hpp"
#include "tlswire/messages/validate_hello.hpp"

using namespace tlswire;
namespace v = tlswire::test::rfc8448;

namespace {

std::string vectors(const std::string& name) { return std::string(TLSWIRE_VECTORS_DIR) + "/" + name; }
bytes_view view(const std::vector<std::uint8_t>& b) { return {b.data(), b.size()}; }

std::vector<std::string> list_dir(const std::string& path) {
  std::vector<std::string> out;
  if (DIR* d = opendir(path.c_str())) {
    while (dirent* e = readdir(d))
      if (e->d_name[0] != '.') out.emplace_back(e->d_name);
    closedir(d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Parses a whole handshake message holding a hello and re-encodes it.
template <class Hello>
bool reencodes_exactly(const std::vector<std::uint8_t>& message, const Hello& hello) {
  std::vector<std::uint8_t> out(message.size());
  writer w(mutable_bytes(out.data(), out.size()));
  hello.encode_message(w);
  return w.ok() && w.size() == message.size() && out == message;
}

// Every typed extension of a hello decodes (the syntax of each extension's
// body, beyond the generic framing the hello parse checks).
status decode_known_extensions(const extension_list& list, bool from_client) {
  for (auto it = list.begin(); it != list.end(); ++it) {
    switch (it->type) {
      case extension_type::supported_groups: TLSWIRE_CHECK(list.get<supported_groups>()); break;
      case extension_type::ec_point_formats: TLSWIRE_CHECK(list.get<ec_point_formats>()); break;
      case extension_type::signature_algorithms: TLSWIRE_CHECK(list.get<signature_algorithms>()); break;
      case extension_type::heartbeat: TLSWIRE_CHECK(list.get<heartbeat>()); break;
      case extension_type::session_ticket: TLSWIRE_CHECK(list.get<session_ticket>()); break;
      case extension_type::renegotiation_info: TLSWIRE_CHECK(list.get<renegotiation_info>()); break;
      case extension_type::application_layer_protocol_negotiation: TLSWIRE_CHECK(list.get<alpn>()); break;
      case extension_type::supported_versions:
        if (from_client) {
          TLSWIRE_CHECK(list.get<supported_versions_client_hello>());
        } else {
          TLSWIRE_CHECK(list.get<supported_versions_server_hello>());
        }
        break;
      case extension_type::key_share:
        if (from_client) TLSWIRE_CHECK(list.get<key_share_client_hello>());
        break;
      default: break;
    }
  }
  return {};
}

struct botan_case {
  std::string comment, buffer, protocol, ciphersuite, additional_data, exception;
};

std::vector<botan_case> read_botan(const std::string& path) {
  std::ifstream in(path);
  std::vector<botan_case> out;
  std::string line, comment;
  const auto value = [](const std::string& l) {
    const auto at = l.find('=');
    std::string v = at == std::string::npos ? "" : l.substr(at + 1);
    v.erase(0, v.find_first_not_of(' '));
    return v;
  };
  while (std::getline(in, line)) {
    if (line.rfind("#", 0) == 0) comment = line;
    if (line.rfind("Buffer", 0) == 0) out.push_back({comment, value(line), "", "", "", ""});
    if (out.empty()) continue;
    if (line.rfind("Protocol", 0) == 0) out.back().protocol = value(line);
    if (line.rfind("Ciphersuite", 0) == 0) out.back().ciphersuite = value(line);
    if (line.rfind("AdditionalData", 0) == 0) out.back().additional_data = value(line);
    if (line.rfind("Exception", 0) == 0) out.back().exception = value(line);
  }
  return out;
}

// The sorted extension types of a hello as Botan's AdditionalData writes them.
std::string sorted_types(const extension_list& list) {
  std::vector<std::uint16_t> types;
  for (const extension& e : list) types.push_back(to_underlying(e.type));
  std::sort(types.begin(), types.end());
  std::string out;
  char buf[5];
  for (auto t : types) {
    std::snprintf(buf, sizeof buf, "%04X", t);
    out += buf;
  }
  return out;
}

std::string hex4(std::uint16_t v) {
  char buf[5];
  std::snprintf(buf, sizeof buf, "%04X", v);
  return buf;
}

}  // namespace

TEST_CASE("every plaintext ClientHello and ServerHello of the recorded Go flows round-trips byte-exact",
          "[messages][recorded]") {
  std::size_t client_hellos = 0, server_hellos = 0, files = 0;
  for (const auto& name : list_dir(vectors("go-recorded"))) {
    INFO(name);
    const auto flows = test::read_recorded_flows(vectors("go-recorded/" + name));
    REQUIRE(!flows.empty());
    ++files;
    // 1.3 or not decides whether handshake records after a CCS are still
    // plaintext: ask the server's first hello.
    bool tls13 = false;
    const auto server_records = test::split_records(flows, false);
    for (const auto& m : test::split_handshake_messages(test::plaintext_handshake_stream(server_records, false))) {
      if (m.empty() || m[0] != 2) continue;
      auto sh = decode_at_offset<server_hello>(view(m).subspan(4), 4);
      REQUIRE(sh.ok());
      auto version = negotiated_version(*sh);
      tls13 = version.ok() && *version == protocol_version::tls13;
      break;
    }
    for (bool from_client : {true, false}) {
      const auto stream = test::plaintext_handshake_stream(test::split_records(flows, from_client), tls13);
      for (const auto& m : test::split_handshake_messages(stream)) {
        auto hm = read_handshake(view(m));
        REQUIRE(hm.ok());
        if (from_client && hm->type == handshake_type::client_hello) {
          auto h = parse_message<client_hello>(*hm);
          REQUIRE(h.ok());
          CHECK(reencodes_exactly(m, *h));
          CHECK(validate(*h).ok());
          CHECK(decode_known_extensions(h->extensions, true).ok());
          ++client_hellos;
        } else if (!from_client && hm->type == handshake_type::server_hello) {
          auto h = parse_message<server_hello>(*hm);
          REQUIRE(h.ok());
          CHECK(reencodes_exactly(m, *h));
          CHECK(validate(*h).ok());
          CHECK(decode_known_extensions(h->extensions, false).ok());
          ++server_hellos;
        }
      }
    }
  }
  CHECK(files == 38);
  // Each flow has at least one of each; HelloRetryRequest flows have two.
  CHECK(client_hellos >= 38);
  CHECK(server_hellos >= 38);
}

TEST_CASE("Botan's ClientHello vectors: accepted ones parse and round-trip, refused ones fail with decode_error",
          "[messages][botan]") {
  const auto cases = read_botan(vectors("botan/tls/client_hello.vec"));
  REQUIRE(cases.size() == 13);
  for (const auto& c : cases) {
    INFO(c.comment << " / " << c.exception);
    const auto body = test::from_hex(c.buffer);
    auto h = decode<client_hello>(view(body));
    status s = h.ok() ? validate(*h) : status(h.error());
    if (s.ok()) s = decode_known_extensions(h->extensions, true);
    if (c.exception.empty()) {
      REQUIRE(s.ok());
      CHECK(hex4(to_underlying(h->legacy_version)) == c.protocol);
      CHECK(sorted_types(h->extensions) == c.additional_data.substr(0, sorted_types(h->extensions).size()));
      std::vector<std::uint8_t> out(body.size());
      auto n = encode(*h, mutable_bytes(out.data(), out.size()));
      REQUIRE(n.ok());
      CHECK(out == body);
    } else {
      REQUIRE_FALSE(s.ok());
      CHECK(s.error().alert == alert_description::decode_error);
    }
  }
}

TEST_CASE("Botan's ServerHello vectors: accepted ones parse and round-trip, refused ones fail with decode_error",
          "[messages][botan]") {
  const auto cases = read_botan(vectors("botan/tls/server_hello.vec"));
  REQUIRE(cases.size() == 6);
  for (const auto& c : cases) {
    INFO(c.comment << " / " << c.exception);
    const auto body = test::from_hex(c.buffer);
    auto h = decode<server_hello>(view(body));
    status s = h.ok() ? validate(*h) : status(h.error());
    if (s.ok()) s = decode_known_extensions(h->extensions, false);
    if (c.exception.empty()) {
      REQUIRE(s.ok());
      CHECK(hex4(to_underlying(h->legacy_version)) == c.protocol);
      CHECK(hex4(to_underlying(h->suite)) == c.ciphersuite);
      CHECK(sorted_types(h->extensions) == c.additional_data);
      std::vector<std::uint8_t> out(body.size());
      auto n = encode(*h, mutable_bytes(out.data(), out.size()));
      REQUIRE(n.ok());
      CHECK(out == body);
    } else {
      REQUIRE_FALSE(s.ok());
      CHECK(s.error().alert == alert_description::decode_error);
    }
  }
}

TEST_CASE("refuses RFC 8448's hellos truncated at every byte with decode_error", "[messages][truncation]") {
  const auto each_cut = [](bytes_view message, bool client) {
    const bytes_view body = message.subspan(4);
    const std::size_t extensions_at = client ? decode<client_hello>(body)->extensions.wire_offset() - 2
                                             : decode<server_hello>(body)->extensions.wire_offset() - 2;
    for (std::size_t n = 0; n < body.size(); ++n) {
      INFO((client ? "ClientHello" : "ServerHello") << " cut at " << n);
      const error e = client ? decode<client_hello>(body.first(n)).error() : decode<server_hello>(body.first(n)).error();
      // A cut right after compression_methods is the 1.2 form with no
      // extensions: syntactically complete.
      if (e.code == errc::none) {
        CHECK(n == extensions_at);
        continue;
      }
      CHECK(e.alert == alert_description::decode_error);
      CHECK(e.offset <= n);
    }
    // The framing too: a handshake message cut short is not a message.
    for (std::size_t n = 0; n < message.size(); ++n) CHECK_FALSE(read_handshake(message.first(n)).ok());
  };
  each_cut(as_view(v::simple_client_hello), true);
  each_cut(as_view(v::resumed_client_hello), true);
  each_cut(as_view(v::hrr_client_hello_2), true);
  each_cut(as_view(v::simple_server_hello), false);
  each_cut(as_view(v::hrr_hello_retry_request), false);
}
