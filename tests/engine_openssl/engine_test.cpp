// The TLS 1.3 client and server engines against each other in memory, with
// the OpenSSL provider: handshakes for each suite, group and certificate
// kind, application data, close_notify, and the alerts hostile input gets.
#include <catch2/catch.hpp>

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <tlswire/engine/client.hpp>
#include <tlswire/engine/server.hpp>
#include <tlswire/providers/openssl.hpp>

#include "support/engine_pair.hpp"
#include "support/read_vector_file.hpp"

using namespace tlswire;
using namespace tlswire::engine;
using tlswire::test::engine_log;
using tlswire::test::engine_memory;
using tlswire::test::pump;
using tlswire::test::read_vector_file;
using P = openssl_provider;

namespace {

bytes_view text(const char* s) { return bytes_view(reinterpret_cast<const std::uint8_t*>(s), std::strlen(s)); }  // NOLINT

template <cipher_suite Suite, named_group Group>
struct only {
  static constexpr std::array cipher_suites{Suite};
  static constexpr std::array groups{Group};
  static constexpr std::array signature_schemes{signature_scheme::ecdsa_secp256r1_sha256,
                                                signature_scheme::rsa_pss_rsae_sha256};
  static constexpr bool middlebox_compatibility = true;
};

// A server that takes P-256 only (a client leading with X25519 gets a HelloRetryRequest).
struct p256_server_config : default_config {
  static constexpr std::array groups{named_group::secp256r1};
};
struct no_compat_config : default_config {
  static constexpr bool middlebox_compatibility = false;
};

// Which certificate the server presents.
struct identity {
  const char* leaf;
  const char* key;
  signature_scheme scheme;
};
constexpr identity ecdsa_p256{"x509/chain/server-p256.der", "keys/p256.key.der", signature_scheme::ecdsa_secp256r1_sha256};
constexpr identity rsa_pss{"x509/chain/server.der", "keys/rsa2048.key.der", signature_scheme::rsa_pss_rsae_sha256};
constexpr identity ed25519{"x509/chain/server-ed25519.der", "keys/ed25519.key.der", signature_scheme::ed25519};

// The caller's certificate hook: counts calls, answers as told.
struct chain_check {
  int calls = 0;
  std::size_t chain_length = 0;
  alert_description refuse_with = alert_description::close_notify;  // close_notify: accept
  status operator()(const tls13_certificate& chain) {
    ++calls;
    chain_length = chain.certificate_list.size();
    if (refuse_with != alert_description::close_notify) return make_error(errc::bad_value, refuse_with, 0);
    return {};
  }
};

// The keylog hook: the secrets by label, and the lines as NSS writes them.
struct keylog_store {
  std::map<std::string, std::vector<std::uint8_t>> secrets;
  std::vector<std::string> lines;
  void operator()(std::string_view label, bytes_view random, bytes_view secret) {
    secrets[std::string(label)].assign(secret.begin(), secret.end());
    std::array<std::uint8_t, 256> line{};
    const bytes_view l = keylog_line(label, random, secret, line);
    lines.emplace_back(l.begin(), l.end());
  }
};

template <class ClientConfig = default_config, class ServerConfig = ClientConfig>
struct duo {
  P client_crypto, server_crypto;
  engine_memory client_memory, server_memory;
  std::vector<std::uint8_t> leaf, intermediate, key_der;
  std::array<bytes_view, 2> chain{};
  std::array<signature_scheme, 1> schemes{};
  P::private_key key;
  chain_check check;
  keylog_store client_keys, server_keys;
  std::optional<client<P, ClientConfig>> c;
  std::optional<server<P, ServerConfig>> s;
  engine_log client_log, server_log;

  explicit duo(identity id = ecdsa_p256, bool start = true)
      : leaf(read_vector_file(id.leaf)),
        intermediate(read_vector_file("x509/chain/intermediate.der")),
        key_der(read_vector_file(id.key)) {
    REQUIRE(server_crypto.load_private_key(key_der, key).ok());
    chain = {bytes_view(leaf), bytes_view(intermediate)};
    schemes = {id.scheme};
    server_options<P> so;
    so.certificate_chain = chain;
    so.private_key = &key;
    so.key_schemes = schemes;
    so.keylog = server_keys;
    s.emplace(server_crypto, server_memory.buffers(), so);
    if (start) start_client();
  }
  void start_client(client_options co = {}) {
    if (co.server_name.empty()) co.server_name = text("server.tlswire.test");
    co.check_certificate = check;
    co.keylog = client_keys;
    c.emplace(client_crypto, client_memory.buffers(), co);
  }
  void run() { pump(*c, *s, client_log, server_log); }
};

}  // namespace

TEST_CASE("client and server engines complete a TLS 1.3 handshake: X25519, ECDSA P-256, AES-128-GCM", "[engine]") {
  duo<> d;
  d.run();
  REQUIRE(d.client_log.done);
  REQUIRE(d.server_log.done);
  CHECK_FALSE(d.client_log.failed);
  CHECK_FALSE(d.server_log.failed);
  for (const handshake_summary& s : {d.c->summary(), d.s->summary()}) {
    CHECK(s.version == protocol_version::tls13);
    CHECK(s.suite == cipher_suite::tls_aes_128_gcm_sha256);
    CHECK(s.group == named_group::x25519);
    CHECK(s.signature == signature_scheme::ecdsa_secp256r1_sha256);
    CHECK(equal_bytes(s.server_name, text("server.tlswire.test")));
  }
  // The chain as views: leaf first, then the intermediate, as the server sent them.
  CHECK(d.check.calls == 1);
  CHECK(d.check.chain_length == 2);
  const tls13_certificate& chain = d.c->summary().peer_certificates;
  CHECK(equal_bytes(chain.end_entity(), d.leaf));
  // Both sides logged the same secrets (NSS key log labels).
  for (const char* label : {"CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET",
                            "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET"}) {
    INFO(label);
    REQUIRE(d.client_keys.secrets.count(label) == 1);
    CHECK(d.client_keys.secrets[label] == d.server_keys.secrets[label]);
  }
  CHECK(d.client_keys.lines == d.server_keys.lines);
  CHECK(d.client_keys.lines.front().rfind("CLIENT_HANDSHAKE_TRAFFIC_SECRET ", 0) == 0);
  CHECK(d.client_keys.lines.front().size() == 31 + 1 + 64 + 1 + 64);
}

// The narration hooks: what the client sent and received, in order, and the labelled secrets.
struct narration {
  std::vector<std::pair<direction, handshake_type>> messages;
  std::size_t bytes = 0;
  std::map<std::string, std::vector<std::uint8_t>> secrets;
  void operator()(direction d, const handshake_message& m) {
    messages.emplace_back(d, m.type);
    bytes += m.raw.size();
  }
  void operator()(std::string_view label, bytes_view value) { secrets[std::string(label)].assign(value.begin(), value.end()); }
};

TEST_CASE("an observer sees each handshake message in order and the labelled secrets", "[engine][observer]") {
  duo<> d(ecdsa_p256, false);
  narration seen;
  client_options co;
  co.observer.message = seen;
  co.observer.secret = seen;
  d.start_client(co);
  d.run();
  REQUIRE(d.client_log.done);
  using enum handshake_type;
  const std::vector<std::pair<direction, handshake_type>> expected{
      {direction::sent, client_hello},         {direction::received, server_hello},
      {direction::received, encrypted_extensions}, {direction::received, certificate},
      {direction::received, certificate_verify},   {direction::received, finished},
      {direction::sent, finished}};
  CHECK(seen.messages == expected);
  CHECK(seen.bytes > d.leaf.size() + d.intermediate.size());
  // Every key-log secret, plus the (EC)DHE input the demo shows.
  for (const auto& [label, secret] : d.client_keys.secrets) {
    INFO(label);
    CHECK(seen.secrets[label] == secret);
  }
  CHECK(seen.secrets["(EC)DHE shared secret"].size() == 32);
}

TEMPLATE_TEST_CASE("every configured suite and group completes a handshake", "[engine]",
                   (only<cipher_suite::tls_aes_128_gcm_sha256, named_group::x25519>),
                   (only<cipher_suite::tls_aes_256_gcm_sha384, named_group::x25519>),
                   (only<cipher_suite::tls_chacha20_poly1305_sha256, named_group::x25519>),
                   (only<cipher_suite::tls_aes_128_gcm_sha256, named_group::secp256r1>),
                   (only<cipher_suite::tls_aes_256_gcm_sha384, named_group::secp256r1>)) {
  duo<TestType> d;
  d.run();
  REQUIRE(d.client_log.done);
  REQUIRE(d.server_log.done);
  CHECK(d.c->summary().suite == TestType::cipher_suites[0]);
  CHECK(d.c->summary().group == TestType::groups[0]);
  // Data flows both ways under the suite's keys.
  std::vector<std::uint8_t> at_server, at_client;
  at_server.reserve(64);
  at_client.reserve(64);
  d.server_log.data = &at_server;
  d.client_log.data = &at_client;
  REQUIRE(*d.c->write(text("ping")) == 4);
  REQUIRE(*d.s->write(text("pong!")) == 5);
  d.run();
  CHECK(equal_bytes(at_server, text("ping")));
  CHECK(equal_bytes(at_client, text("pong!")));
}

TEST_CASE("a server with an RSA key signs CertificateVerify with RSA-PSS", "[engine]") {
  duo<> d(rsa_pss);
  d.run();
  REQUIRE(d.client_log.done);
  CHECK(d.c->summary().signature == signature_scheme::rsa_pss_rsae_sha256);
}

TEST_CASE("a server with an Ed25519 key signs CertificateVerify with ed25519", "[engine]") {
  duo<> d(ed25519);
  d.run();
  REQUIRE(d.client_log.done);
  CHECK(d.c->summary().signature == signature_scheme::ed25519);
}

TEST_CASE("without middlebox compatibility mode no change_cipher_spec is sent either way", "[engine]") {
  duo<no_compat_config> d;
  // The ClientHello's legacy_session_id is empty: the server sends no CCS either.
  d.run();
  REQUIRE(d.client_log.done);
  REQUIRE(d.server_log.done);
}

TEST_CASE("a server without a share for its group sends HelloRetryRequest, and the client answers it", "[engine][hrr]") {
  duo<default_config, p256_server_config> d;
  d.run();
  REQUIRE(d.client_log.done);
  REQUIRE(d.server_log.done);
  CHECK(d.c->summary().group == named_group::secp256r1);
  CHECK(d.s->summary().group == named_group::secp256r1);
}

TEST_CASE("1 MiB of application data each way arrives byte-exact, then close_notify closes both", "[engine]") {
  duo<> d;
  d.run();
  REQUIRE(d.client_log.done);
  std::vector<std::uint8_t> up(1 << 20), down(1 << 20);
  for (std::size_t i = 0; i < up.size(); ++i) {
    up[i] = static_cast<std::uint8_t>(i * 7 + (i >> 13));
    down[i] = static_cast<std::uint8_t>(i * 13 + (i >> 11) + 1);
  }
  std::vector<std::uint8_t> at_server, at_client;
  at_server.reserve(up.size());
  at_client.reserve(down.size());
  d.server_log.data = &at_server;
  d.client_log.data = &at_client;
  std::size_t sent_up = 0, sent_down = 0;
  while (sent_up < up.size() || sent_down < down.size()) {
    sent_up += *d.c->write(bytes_view(up).subspan(sent_up));
    sent_down += *d.s->write(bytes_view(down).subspan(sent_down));
    d.run();
  }
  CHECK(at_server == up);
  CHECK(at_client == down);
  REQUIRE(d.c->close().ok());
  d.run();
  CHECK(d.server_log.closed);
  REQUIRE(d.s->close().ok());
  d.run();
  CHECK(d.client_log.closed);
  CHECK_FALSE(d.client_log.failed);
  CHECK_FALSE(d.server_log.failed);
  CHECK_FALSE(d.c->write(text("late")).ok());
}

TEST_CASE("a tampered application data record gets bad_record_mac, and nothing after it is processed", "[engine]") {
  duo<> d;
  d.run();
  REQUIRE(d.client_log.done);
  REQUIRE(d.c->write(text("hello")).ok());
  REQUIRE(d.c->write(text("world")).ok());
  std::vector<std::uint8_t> wire(d.c->pending_output().begin(), d.c->pending_output().end());
  d.c->sent(wire.size());
  wire[10] ^= 0x01;  // inside the first record's ciphertext
  d.s->feed(wire);
  tlswire::test::drain(*d.s, d.server_log);
  CHECK(d.server_log.failed);
  CHECK(d.server_log.data_events == 0);  // the second, intact record is not opened either
  CHECK(d.s->failure().alert == alert_description::bad_record_mac);
  CHECK(d.s->failure().alert_sent);
  CHECK_FALSE(d.s->failure().from_peer);
  CHECK(d.s->feed(wire) == 0);
  d.run();  // the alert reaches the client
  CHECK(d.client_log.failed);
  CHECK(d.c->failure().from_peer);
  CHECK(d.c->failure().alert == alert_description::bad_record_mac);
}

TEST_CASE("a handshake message out of order gets unexpected_message", "[engine]") {
  SECTION("server: Finished before any ClientHello") {
    duo<> d(ecdsa_p256, false);
    const std::array<std::uint8_t, 32> verify_data{};
    const auto rec = tlswire::test::plaintext_record(content_type::handshake, tlswire::test::encoded_message(finished{as_view(verify_data)}));
    d.s->feed(rec);
    tlswire::test::drain(*d.s, d.server_log);
    CHECK(d.server_log.failed);
    CHECK(d.s->failure().alert == alert_description::unexpected_message);
    CHECK(d.s->failure().alert_sent);
  }
  SECTION("client: EncryptedExtensions instead of ServerHello") {
    duo<> d;
    const auto rec = tlswire::test::plaintext_record(content_type::handshake, tlswire::test::encoded_message(encrypted_extensions{}));
    d.c->feed(rec);
    tlswire::test::drain(*d.c, d.client_log);
    CHECK(d.client_log.failed);
    CHECK(d.c->failure().alert == alert_description::unexpected_message);
  }
  SECTION("server: a second ClientHello after the first") {
    duo<> d;
    const std::vector<std::uint8_t> hello(d.c->pending_output().begin(), d.c->pending_output().end());
    d.s->feed(hello);
    d.s->feed(hello);
    tlswire::test::drain(*d.s, d.server_log);
    CHECK(d.server_log.failed);
    CHECK(d.s->failure().alert == alert_description::unexpected_message);
  }
}

TEST_CASE("a bad client Finished gets decrypt_error", "[engine]") {
  duo<> d;
  // Server flight to the client; the client answers with CCS + Finished.
  d.s->feed(d.c->pending_output());
  d.c->sent(d.c->pending_output().size());
  d.c->feed(d.s->pending_output());
  d.s->sent(d.s->pending_output().size());
  tlswire::test::drain(*d.c, d.client_log);
  REQUIRE(d.client_log.done);
  // A man in the middle with the key log re-seals the client's Finished with one bit flipped.
  std::vector<std::uint8_t> wire(d.c->pending_output().begin(), d.c->pending_output().end());
  d.c->sent(wire.size());
  record_splitter split;
  auto ccs = split.next(wire);
  REQUIRE(ccs.ok());
  REQUIRE(ccs->rec.type == content_type::change_cipher_spec);
  const bytes_view fin_record = bytes_view(wire).subspan(ccs->consumed);
  using schedule = tls13_key_schedule<P, P::sha256>;
  const auto keys = schedule::traffic_keys_for(d.client_keys.secrets["CLIENT_HANDSHAKE_TRAFFIC_SECRET"], aead_id::aes_128_gcm);
  tls13_record_protection<P> open_side, seal_side;
  REQUIRE(open_side.set_key(aead_id::aes_128_gcm, keys).ok());
  REQUIRE(seal_side.set_key(aead_id::aes_128_gcm, keys).ok());
  std::vector<std::uint8_t> plain(fin_record.size());
  auto opened = open_side.open(fin_record, plain);
  REQUIRE(opened.ok());
  REQUIRE(opened->type == content_type::handshake);
  std::vector<std::uint8_t> content(opened->content.begin(), opened->content.end());
  content.back() ^= 0x01;  // the last byte of verify_data
  std::vector<std::uint8_t> forged(ccs->consumed + fin_record.size());
  std::copy(wire.begin(), wire.begin() + static_cast<std::ptrdiff_t>(ccs->consumed), forged.begin());
  REQUIRE(seal_side.seal(content_type::handshake, content, mutable_bytes(forged).subspan(ccs->consumed)).ok());
  d.s->feed(forged);
  tlswire::test::drain(*d.s, d.server_log);
  CHECK_FALSE(d.server_log.done);
  CHECK(d.server_log.failed);
  CHECK(d.s->failure().alert == alert_description::decrypt_error);
  CHECK(d.s->failure().alert_sent);
}

TEST_CASE("the client's certificate hook refusing the chain sends its alert", "[engine]") {
  duo<> d;
  d.check.refuse_with = alert_description::unknown_ca;
  d.run();
  CHECK_FALSE(d.client_log.done);
  CHECK(d.client_log.failed);
  CHECK(d.c->failure().alert == alert_description::unknown_ca);
  CHECK(d.server_log.failed);
  CHECK(d.s->failure().from_peer);
  CHECK(d.s->failure().alert == alert_description::unknown_ca);
}

TEST_CASE("a client without a certificate hook refuses every chain", "[engine]") {
  duo<> d(ecdsa_p256, false);
  client_options co;
  co.server_name = text("server.tlswire.test");
  d.c.emplace(d.client_crypto, d.client_memory.buffers(), co);
  d.run();
  CHECK(d.client_log.failed);
  CHECK(d.c->failure().alert == alert_description::certificate_unknown);
}

TEST_CASE("KeyUpdate either way: the peer answers update_requested, and data flows under the next secrets", "[engine]") {
  duo<> d;
  d.run();
  REQUIRE(d.client_log.done);
  std::vector<std::uint8_t> at_server, at_client;
  at_server.reserve(64);
  at_client.reserve(64);
  d.server_log.data = &at_server;
  d.client_log.data = &at_client;
  SECTION("the client asks, the server answers") {
    REQUIRE(d.c->update_keys(true).ok());
    d.c->sent(d.s->feed(d.c->pending_output()));
    CHECK(d.s->pending_output().size() > 0);  // the server's own KeyUpdate
  }
  SECTION("the server asks, the client answers") {
    REQUIRE(d.s->update_keys(true).ok());
    d.s->sent(d.c->feed(d.s->pending_output()));
    CHECK(d.c->pending_output().size() > 0);
  }
  SECTION("the client updates alone: no answer") {
    REQUIRE(d.c->update_keys(false).ok());
    d.c->sent(d.s->feed(d.c->pending_output()));
    CHECK(d.s->pending_output().empty());
  }
  d.run();
  REQUIRE(d.c->write(text("after")).ok());
  REQUIRE(d.s->write(text("update")).ok());
  REQUIRE(d.c->update_keys(false).ok());
  REQUIRE(d.c->write(text("!")).ok());
  d.run();
  CHECK_FALSE(d.client_log.failed);
  CHECK_FALSE(d.server_log.failed);
  CHECK(equal_bytes(at_server, text("after!")));
  CHECK(equal_bytes(at_client, text("update")));
}

TEST_CASE("engine sizes and in-memory handshake time (printed)", "[engine][size]") {
  std::printf("sizeof(client<openssl_provider, default_config>) = %zu\n", sizeof(client<P, default_config>));
  std::printf("sizeof(server<openssl_provider, default_config>) = %zu\n", sizeof(server<P, default_config>));
  using sha256_only = only<cipher_suite::tls_aes_128_gcm_sha256, named_group::x25519>;
  std::printf("sizeof(client<openssl_provider, AES-128-GCM + X25519 only>) = %zu\n", sizeof(client<P, sha256_only>));
  std::printf("sizeof(server<openssl_provider, AES-128-GCM + X25519 only>) = %zu\n", sizeof(server<P, sha256_only>));
  constexpr int rounds = 50;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < rounds; ++i) {
    duo<sha256_only> d;
    d.run();
    REQUIRE(d.client_log.done);
  }
  const auto elapsed = std::chrono::steady_clock::now() - start;
  std::printf("in-memory handshake (X25519, ECDSA P-256, AES-128-GCM, incl. loading the key): %.1f us each over %d\n",
              std::chrono::duration<double, std::micro>(elapsed).count() / rounds, rounds);
  CHECK(sizeof(client<P, sha256_only>) < sizeof(client<P, default_config>));
}
