// The recorded connections in tests/vectors/go-recorded/ (Go crypto/tls
// testdata: flows against real TLS stacks), end to end through record/
// (splitter, reassembler) and messages/ (dispatcher): every plaintext
// handshake message — up to ChangeCipherSpec in TLS 1.2, the hellos in
// TLS 1.3 — round-trips byte-exact, prints, and allocates nothing.
#include <array>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/allocation_counter.hpp"
#include "support/recorded_flows.hpp"
#include "support/vector_file.hpp"
#include "tlswire/inspect/print.hpp"
#include "tlswire/messages/messages.hpp"
#include "tlswire/record/handshake_reassembler.hpp"
#include "tlswire/record/record_splitter.hpp"

using namespace tlswire;

namespace {

// One plaintext handshake message as it came off the wire, with the
// context it was dispatched in.
struct recorded_message {
  std::string file;
  negotiation_context ctx;
  std::vector<std::uint8_t> bytes;
};

struct walk_result {
  std::vector<recorded_message> messages;
  negotiation_context negotiated{protocol_version::tls12, cipher_suite::tls_null_with_null_null, sender::server,
                                 certificate_type::x509};
  bool tls13 = false;
};

// Walks one direction: records split off the stream, handshake records fed
// to the reassembler until ChangeCipherSpec (TLS 1.2) — in TLS 1.3 every
// later handshake record is application_data, so all type-22 records are
// plaintext. Each message is dispatched in the context known so far; a
// ServerHello sets the version and suite.
walk_result walk(const std::string& file, const std::vector<test::recorded_flow>& flows, sender from,
                 walk_result known) {
  std::vector<std::uint8_t> stream;
  for (const auto& f : flows)
    if (f.client_to_server == (from == sender::client)) stream.insert(stream.end(), f.bytes.begin(), f.bytes.end());
  walk_result out = known;
  out.messages.clear();
  out.negotiated.sender = from;
  record_splitter splitter;
  std::array<std::uint8_t, 1 << 16> buffer{};
  handshake_reassembler reassembler(buffer);
  std::size_t pos = 0;
  while (pos < stream.size()) {
    auto step = splitter.next(bytes_view(stream.data() + pos, stream.size() - pos));
    REQUIRE(step.ok());
    if (!step->complete()) break;  // a flow cut mid-record (e.g. the test ended)
    pos += step->consumed;
    const record& rec = step->rec;
    if (rec.type == content_type::change_cipher_spec && !out.tls13) break;
    if (rec.type != content_type::handshake) continue;
    REQUIRE(reassembler.feed(rec.fragment).ok());
    for (;;) {
      auto next = reassembler.next();
      REQUIRE(next.ok());
      if (!*next) break;
      const handshake_message& m = **next;
      auto typed = dispatch(m, out.negotiated);
      INFO(file << ": " << to_string(m.type));
      REQUIRE(typed.ok());
      CHECK_FALSE(typed->holds<opaque_message>());
      if (typed->holds<server_hello>() && !typed->as<server_hello>().is_hello_retry_request()) {
        const auto& sh = typed->as<server_hello>();
        auto version = negotiated_version(sh);
        REQUIRE(version.ok());
        out.negotiated.version = *version;
        out.negotiated.suite = sh.suite;
        out.tls13 = *version == protocol_version::tls13;
      }
      out.messages.push_back({file, out.negotiated, std::vector<std::uint8_t>(m.raw.begin(), m.raw.end())});
    }
  }
  return out;
}

std::vector<recorded_message> all_recorded_messages() {
  std::vector<recorded_message> all;
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(TLSWIRE_VECTORS_DIR) + "/go-recorded"))
    files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    const auto flows = test::read_recorded_flows(path);
    const std::string name = std::filesystem::path(path).filename().string();
    const walk_result server = walk(name, flows, sender::server, {});
    const walk_result client = walk(name, flows, sender::client, server);
    all.insert(all.end(), client.messages.begin(), client.messages.end());
    all.insert(all.end(), server.messages.begin(), server.messages.end());
  }
  return all;
}

const std::vector<recorded_message>& recorded() {
  static const std::vector<recorded_message> all = all_recorded_messages();
  return all;
}

}  // namespace

TEST_CASE("every plaintext handshake message of the recorded connections round-trips byte-exact",
          "[messages][recorded]") {
  const auto& all = recorded();
  REQUIRE(all.size() >= 140);
  std::map<std::string, int> seen;
  for (const auto& m : all) {
    auto typed = dispatch(bytes_view(m.bytes.data(), m.bytes.size()), m.ctx);
    INFO(m.file << ": " << to_string(static_cast<handshake_type>(m.bytes[0])));
    REQUIRE(typed.ok());
    std::visit([&](const auto& body) { ++seen[std::string(print_detail::title<std::decay_t<decltype(body)>>())]; },
               typed->body);
    std::vector<std::uint8_t> out(m.bytes.size());
    writer w(out);
    typed->encode(w);
    REQUIRE(w.ok());
    CHECK(out == m.bytes);
  }
  // The recorded TLS 1.2 flows carry every pre-ChangeCipherSpec message.
  for (const char* title : {"ClientHello", "ServerHello", "Certificate (TLS 1.2)", "ServerKeyExchange",
                            "CertificateRequest (TLS 1.2)", "ServerHelloDone", "ClientKeyExchange",
                            "CertificateVerify", "NewSessionTicket (RFC 5077)"}) {
    INFO(title);
    CHECK(seen[title] > 0);
  }
}

TEST_CASE("the recorded TLS 1.2 key exchanges follow the negotiated suite and the client's offer",
          "[messages][recorded][validate]") {
  std::size_t ecdhe = 0;
  const auto& all = recorded();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].bytes[0] != static_cast<std::uint8_t>(handshake_type::server_key_exchange)) continue;
    auto ske = dispatch(bytes_view(all[i].bytes.data(), all[i].bytes.size()), all[i].ctx);
    REQUIRE(ske.ok());
    const auto& s = ske->as<server_key_exchange>();
    if (s.key_exchange != key_exchange_algorithm::ecdhe) continue;
    // The ClientHello of the same file (walked first, client direction).
    const recorded_message* hello = nullptr;
    for (const auto& m : all)
      if (m.file == all[i].file && m.bytes[0] == 1) hello = &m;
    REQUIRE(hello != nullptr);
    auto ch = decode<client_hello>(read_handshake(bytes_view(hello->bytes.data(), hello->bytes.size()))->body);
    REQUIRE(ch.ok());
    auto groups = ch->extensions.get<supported_groups>();
    auto sigs = ch->extensions.get<signature_algorithms>();
    REQUIRE((groups.ok() && sigs.ok()));
    INFO(all[i].file);
    CHECK(s.is_signed);
    CHECK(s.ecdh_params.curve_type == ec_curve_type::named_curve);
    CHECK(validate(s, groups->named_group_list, sigs->supported_signature_algorithms).ok());
    ++ecdhe;
  }
  CHECK(ecdhe >= 10);
}

TEST_CASE("parsing, encoding and printing every RFC 8448 and recorded message allocates nothing",
          "[messages][allocation][print]") {
  // Everything that allocates (files, vectors) happens before the count.
  std::vector<recorded_message> all = recorded();
  for (const char* trace : {"simple-1rtt", "resumed-0rtt", "hello-retry-request", "client-authentication",
                            "compatibility-mode"}) {
    const auto file = test::load_vectors(std::string("rfc8448/") + trace + ".txt");
    for (const char* name : {"hello_retry_request", "client_hello_2", "server_hello", "encrypted_extensions",
                             "certificate_request", "server_certificate", "server_certificate_verify",
                             "server_finished", "end_of_early_data", "client_certificate",
                             "client_certificate_verify", "client_finished", "new_session_ticket"}) {
      if (!file.contains(name)) continue;
      const sender from = std::string(name).rfind("client", 0) == 0 || std::string(name) == "end_of_early_data"
                              ? sender::client
                              : sender::server;
      all.push_back({trace, {protocol_version::tls13, cipher_suite::tls_aes_128_gcm_sha256, from,
                             certificate_type::x509}, file[name]});
    }
  }
  static std::array<std::uint8_t, 1 << 16> out{};
  static fixed_buffer_sink<1 << 16> text;
  std::size_t failures = 0;
  std::size_t printed = 0;
  test::allocation_counter allocations;
  for (const auto& m : all) {
    auto typed = dispatch(bytes_view(m.bytes.data(), m.bytes.size()), m.ctx);
    if (!typed) {
      ++failures;
      continue;
    }
    writer w(out);
    typed->encode(w);
    if (!w || !equal_bytes(w.written(), bytes_view(m.bytes.data(), m.bytes.size()))) ++failures;
    text.clear();
    print(text, *typed);
    if (text.truncated() || text.view().empty()) ++failures;
    printed += text.view().size();
  }
  const std::size_t count = allocations.count();
  CHECK(count == 0);
  CHECK(failures == 0);
  CHECK(all.size() >= 170);
  CHECK(printed > 10000);
}
