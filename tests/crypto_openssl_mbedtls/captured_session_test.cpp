// A real capture (tests/vectors/capture/openssl-loopback.pcap, OpenSSL 3.0
// s_client <-> s_server with the client's key log) replayed through tlswire's
// key schedules and record protection, with each provider:
//  - TLS 1.2 RSA key transport, AES-128-GCM: the extended master secret
//    (RFC 7627) computed from the key log's premaster and the transcript
//    equals the logged master secret; key block, both Finished, and the HTTP
//    request and response decrypt.
//  - TLS 1.2 ECDHE-RSA ChaCha20-Poly1305 (RFC 7905): the same from the logged
//    master secret, and every record re-seals byte-exact (no explicit nonce).
//  - TLS 1.3 AES-128-GCM: traffic keys from the logged traffic secrets open
//    every protected record; both Finished verify against the transcript
//    hash of the decrypted messages. (Without the ECDHE private key the
//    secrets themselves cannot be derived here; RFC 8448 covers that.)
// OpenSSL's TLS 1.2 GCM explicit nonces start at a random value, not at the
// sequence number, so its GCM records are opened but not re-sealed.
#include <catch2/catch.hpp>

#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "support/hex.hpp"
#include "support/pcap_reader.hpp"
#include "support/vector_file.hpp"
#include "tlswire/crypto/record_protection.hpp"
#include "tlswire/crypto/suite_algorithms.hpp"
#include "tlswire/crypto/tls12_key_schedule.hpp"
#include "tlswire/crypto/tls13_key_schedule.hpp"
#include "tlswire/crypto/transcript.hpp"
#include "tlswire/providers/mbedtls.hpp"
#include "tlswire/providers/openssl.hpp"
#include "tlswire/registry/cipher_suite.hpp"

namespace {

using namespace tlswire;
using tlswire::test::bytes_from_hex;
using tlswire::test::to_hex;
using bytes = std::vector<std::uint8_t>;

struct raw_record {
  std::uint8_t type;
  bytes whole;  // header + fragment
  bytes_view fragment() const { return bytes_view(whole).subspan(5); }
};

std::vector<raw_record> split_records(const bytes& stream) {
  std::vector<raw_record> out;
  std::size_t pos = 0;
  while (pos + 5 <= stream.size()) {
    const std::size_t len = static_cast<std::size_t>(stream[pos + 3]) << 8 | stream[pos + 4];
    if (pos + 5 + len > stream.size()) break;
    out.push_back({stream[pos], bytes(stream.begin() + static_cast<std::ptrdiff_t>(pos),
                                      stream.begin() + static_cast<std::ptrdiff_t>(pos + 5 + len))});
    pos += 5 + len;
  }
  return out;
}

// Whole handshake messages out of a byte stream of handshake content.
std::vector<bytes> messages_of(const bytes& stream) {
  std::vector<bytes> out;
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

struct hello_facts {
  bytes random;
  std::uint16_t suite = 0;
  bool tls13 = false;
  bool extended_master_secret = false;
};

// ServerHello / ClientHello body: version(2) random(32) session_id<0..32> ...
hello_facts read_hello(const bytes& message) {
  hello_facts f;
  std::size_t p = 4 + 2;
  f.random.assign(message.begin() + static_cast<std::ptrdiff_t>(p),
                  message.begin() + static_cast<std::ptrdiff_t>(p + 32));
  p += 32;
  p += 1 + message[p];
  if (message[0] != 2) return f;
  f.suite = static_cast<std::uint16_t>(message[p] << 8 | message[p + 1]);
  p += 2 + 1;  // suite, compression
  const std::size_t end = p + 2 + (static_cast<std::size_t>(message[p]) << 8 | message[p + 1]);
  p += 2;
  while (p + 4 <= end) {
    const std::uint16_t type = static_cast<std::uint16_t>(message[p] << 8 | message[p + 1]);
    const std::size_t len = static_cast<std::size_t>(message[p + 2]) << 8 | message[p + 3];
    if (type == 43) f.tls13 = true;                   // supported_versions (RFC 8446 §4.2.1)
    if (type == 23) f.extended_master_secret = true;  // RFC 7627 §5.1
    p += 4 + len;
  }
  return f;
}

struct key_log {
  std::map<std::string, bytes> by_label_and_random;  // "LABEL <client_random hex>"
  std::map<std::string, bytes> rsa;                  // encrypted premaster prefix -> premaster
};

key_log read_key_log() {
  key_log log;
  std::ifstream in(std::string(TLSWIRE_VECTORS_DIR) + "/capture/openssl-loopback.keylog");
  std::string label, first, second;
  while (in >> label >> first >> second) {
    if (label == "RSA")
      log.rsa[first] = bytes_from_hex(second);
    else
      log.by_label_and_random[label + " " + first] = bytes_from_hex(second);
  }
  return log;
}

struct session {
  std::vector<raw_record> client, server;
  hello_facts client_hello, server_hello;
  std::vector<bytes> client_plain_messages, server_plain_messages;  // before encryption
};

std::vector<session> read_sessions() {
  const auto flows =
      test::read_tls_flows(std::string(TLSWIRE_VECTORS_DIR) + "/capture/openssl-loopback.pcap");
  std::vector<session> out;
  for (const auto& c : flows) {
    auto client_records = split_records(c.client_bytes);
    if (client_records.empty() || client_records[0].fragment()[0] != 1) continue;
    for (const auto& s : flows) {
      if (s.src_port != c.dst_port || s.dst_port != c.src_port) continue;
      session x;
      x.client = client_records;
      x.server = split_records(s.client_bytes);
      for (auto* side : {&x.client, &x.server}) {
        bytes stream;
        for (const auto& r : *side) {
          if (r.type == 20) break;  // ChangeCipherSpec: what follows is protected
          if (r.type == 22) stream.insert(stream.end(), r.fragment().begin(), r.fragment().end());
        }
        (side == &x.client ? x.client_plain_messages : x.server_plain_messages) =
            messages_of(stream);
      }
      x.client_hello = read_hello(x.client_plain_messages.at(0));
      x.server_hello = read_hello(x.server_plain_messages.at(0));
      out.push_back(std::move(x));
    }
  }
  return out;
}

// The protected records of one direction: everything after its CCS.
std::vector<raw_record> protected_records(const std::vector<raw_record>& records) {
  std::vector<raw_record> out;
  bool after_ccs = false;
  for (const auto& r : records) {
    if (after_ccs) out.push_back(r);
    if (r.type == 20) after_ccs = true;
  }
  return out;
}

std::string text_of(bytes_view b) { return std::string(b.begin(), b.end()); }

template <class P>
void check_tls12_session(const session& s, const key_log& log) {
  using H = hash_type<P, hash_id::sha256>;
  const auto suite = find_cipher_suite_info(static_cast<cipher_suite>(s.server_hello.suite));
  REQUIRE(suite);
  INFO(to_string(suite->suite));
  const auto aead = aead_of(*suite);
  REQUIRE(aead);
  const bytes& master =
      log.by_label_and_random.at("CLIENT_RANDOM " + to_hex(s.client_hello.random));

  // Transcript: ClientHello, the server's flight, ClientKeyExchange.
  // The server's plaintext messages up to ServerHelloDone come before
  // ClientKeyExchange; a NewSessionTicket (RFC 5077 §3.3) after the client's
  // Finished.
  transcript_hash<H> t;
  t.update(s.client_plain_messages.at(0));
  std::size_t server_index = 0;
  while (server_index < s.server_plain_messages.size()) {
    const bytes& m = s.server_plain_messages[server_index++];
    t.update(m);
    if (m[0] == 14) break;  // ServerHelloDone
  }
  for (std::size_t i = 1; i < s.client_plain_messages.size(); ++i)
    t.update(s.client_plain_messages[i]);
  const auto session_hash = t.current();

  if (suite->key_exchange == key_exchange_algorithm::rsa) {
    // The key log's premaster, through RFC 7627's extended master secret.
    REQUIRE(s.server_hello.extended_master_secret);
    REQUIRE(log.rsa.size() == 1);
    const auto computed = tls12_key_schedule<P, H>::from_premaster_extended(
        log.rsa.begin()->second, as_view(session_hash));
    CHECK(to_hex(computed.master_secret()) == to_hex(master));
  }

  const auto ks = tls12_key_schedule<P, H>::from_master_secret(master);
  const auto kb = ks.key_block(*suite, s.client_hello.random, s.server_hello.random);
  REQUIRE(kb.ok());
  tls12_aead_record_protection<P> from_client, from_server, to_server, to_client;
  REQUIRE(from_client.set_key(*aead, kb->client_write_key(), kb->client_write_iv()));
  REQUIRE(from_server.set_key(*aead, kb->server_write_key(), kb->server_write_iv()));
  REQUIRE(to_server.set_key(*aead, kb->client_write_key(), kb->client_write_iv()));
  REQUIRE(to_client.set_key(*aead, kb->server_write_key(), kb->server_write_iv()));
  const bool reseal = *aead == aead_id::chacha20_poly1305;

  const auto open_all = [&](const std::vector<raw_record>& records,
                            tls12_aead_record_protection<P>& opener,
                            tls12_aead_record_protection<P>& sealer) {
    std::vector<std::pair<content_type, bytes>> out;
    for (const auto& r : protected_records(records)) {
      bytes plain(r.whole.size());
      auto opened = opener.open(r.whole, plain);
      REQUIRE(opened.ok());
      out.emplace_back(opened->type, bytes(opened->content.begin(), opened->content.end()));
      if (reseal) {
        bytes again(sealer.sealed_size(opened->content.size()));
        REQUIRE(sealer.seal(opened->type, opened->legacy_record_version, opened->content, again));
        CHECK(to_hex(again) == to_hex(r.whole));
      }
    }
    return out;
  };
  const auto client = open_all(s.client, from_client, to_server);
  const auto server = open_all(s.server, from_server, to_client);
  REQUIRE(client.size() >= 2);
  REQUIRE(server.size() >= 2);

  // Finished: client over ClientHello..ClientKeyExchange, server over ..client Finished.
  REQUIRE(client[0].first == content_type::handshake);
  REQUIRE(client[0].second.size() == 4 + 12);
  CHECK(ks.verify_finished(tls12_sender::client, as_view(session_hash),
                           bytes_view(client[0].second).subspan(4)));
  t.update(client[0].second);
  for (; server_index < s.server_plain_messages.size(); ++server_index)
    t.update(s.server_plain_messages[server_index]);
  REQUIRE(server[0].first == content_type::handshake);
  const bytes& server_finished = server[0].second;
  REQUIRE(server_finished.size() >= 16);
  // (a NewSessionTicket may come first in the server's flight)
  const auto server_messages = messages_of(server_finished);
  for (const auto& m : server_messages) {
    if (m[0] == 20) {
      CHECK(ks.verify_finished(tls12_sender::server, as_view(t.current()),
                               bytes_view(m).subspan(4)));
    }
    t.update(m);
  }
  CHECK(client[1].first == content_type::application_data);
  CHECK(text_of(client[1].second) == "GET / HTTP/1.0\r\n\r\n");
  bool saw_response = false;
  for (const auto& [type, content] : server)
    if (type == content_type::application_data && text_of(content).rfind("HTTP/1.0 200", 0) == 0)
      saw_response = true;
  CHECK(saw_response);
}

template <class P>
void check_tls13_session(const session& s, const key_log& log) {
  using H = hash_type<P, hash_id::sha256>;
  using S = tls13_key_schedule<P, H>;
  REQUIRE(s.server_hello.suite == 0x1301);
  const std::string random = to_hex(s.client_hello.random);
  const auto secret = [&](const char* label) -> const bytes& {
    return log.by_label_and_random.at(std::string(label) + " " + random);
  };
  transcript_hash<H> t;
  t.update(s.client_plain_messages.at(0));
  t.update(s.server_plain_messages.at(0));

  // Server: handshake records under the handshake secret until its Finished,
  // then application records.
  tls13_record_protection<P> server_hs, server_ap, client_hs, client_ap;
  REQUIRE(server_hs.set_key(aead_id::aes_128_gcm,
                            S::traffic_keys_for(secret("SERVER_HANDSHAKE_TRAFFIC_SECRET"),
                                                aead_id::aes_128_gcm)));
  REQUIRE(server_ap.set_key(aead_id::aes_128_gcm, S::traffic_keys_for(secret("SERVER_TRAFFIC_SECRET_0"),
                                                                     aead_id::aes_128_gcm)));
  REQUIRE(client_hs.set_key(aead_id::aes_128_gcm,
                            S::traffic_keys_for(secret("CLIENT_HANDSHAKE_TRAFFIC_SECRET"),
                                                aead_id::aes_128_gcm)));
  REQUIRE(client_ap.set_key(aead_id::aes_128_gcm, S::traffic_keys_for(secret("CLIENT_TRAFFIC_SECRET_0"),
                                                                     aead_id::aes_128_gcm)));
  bool server_finished_seen = false;
  bytes handshake_stream;
  std::vector<std::pair<content_type, bytes>> server_app;
  for (const auto& r : s.server) {
    if (r.type != 23) continue;
    bytes plain(r.whole.size());
    auto opened = (server_finished_seen ? server_ap : server_hs).open(r.whole, plain);
    REQUIRE(opened.ok());
    if (server_finished_seen) {
      server_app.emplace_back(opened->type, bytes(opened->content.begin(), opened->content.end()));
      continue;
    }
    REQUIRE(opened->type == content_type::handshake);
    handshake_stream.insert(handshake_stream.end(), opened->content.begin(), opened->content.end());
    for (const auto& m : messages_of(handshake_stream)) {
      if (m[0] == 20) {
        CHECK(S::verify_finished(secret("SERVER_HANDSHAKE_TRAFFIC_SECRET"),
                                 as_view(t.current()), bytes_view(m).subspan(4)));
        server_finished_seen = true;
      }
      t.update(m);
    }
    handshake_stream.clear();  // (each record held whole messages in this capture)
  }
  CHECK(server_finished_seen);

  bool client_finished_seen = false;
  bool saw_request = false;
  for (const auto& r : s.client) {
    if (r.type != 23) continue;
    bytes plain(r.whole.size());
    auto opened = (client_finished_seen ? client_ap : client_hs).open(r.whole, plain);
    REQUIRE(opened.ok());
    if (!client_finished_seen) {
      REQUIRE(opened->type == content_type::handshake);
      CHECK(S::verify_finished(secret("CLIENT_HANDSHAKE_TRAFFIC_SECRET"), as_view(t.current()),
                               opened->content.subspan(4)));
      client_finished_seen = true;
    } else if (opened->type == content_type::application_data) {
      saw_request = text_of(opened->content) == "GET / HTTP/1.0\r\n\r\n";
    }
  }
  CHECK(client_finished_seen);
  CHECK(saw_request);
  bool saw_response = false;
  for (const auto& [type, content] : server_app)
    if (type == content_type::application_data && text_of(content).rfind("HTTP/1.0 200", 0) == 0)
      saw_response = true;
  CHECK(saw_response);
}

TEMPLATE_TEST_CASE("a captured OpenSSL session decrypts and verifies through tlswire",
                   "[crypto][record][capture]", openssl_provider, mbedtls_provider) {
  const auto log = read_key_log();
  const auto sessions = read_sessions();
  REQUIRE(sessions.size() == 3);
  int tls12 = 0, tls13 = 0;
  for (const auto& s : sessions) {
    if (s.server_hello.tls13) {
      check_tls13_session<TestType>(s, log);
      ++tls13;
    } else {
      check_tls12_session<TestType>(s, log);
      ++tls12;
    }
  }
  CHECK(tls12 == 2);
  CHECK(tls13 == 1);
}

}  // namespace
