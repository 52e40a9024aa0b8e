// What a hostile or broken peer gets from the engines: each case names the
// break and the alert the RFC asks for, and checks the engine stops there.
#include <catch2/catch.hpp>

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include <tlswire/engine/client.hpp>
#include <tlswire/engine/server.hpp>
#include <tlswire/providers/openssl.hpp>

#include "support/engine_pair.hpp"
#include "support/read_vector_file.hpp"

using namespace tlswire;
using namespace tlswire::engine;
using tlswire::test::drain;
using tlswire::test::engine_log;
using tlswire::test::engine_memory;
using tlswire::test::read_vector_file;
using P = openssl_provider;
using bytes = std::vector<std::uint8_t>;

namespace {

struct p256_only : default_config {
  static constexpr std::array groups{named_group::secp256r1};
};

struct accept_chain {
  status operator()(const tls13_certificate&) const { return {}; }
};

// The records in `wire`, each whole.
std::vector<bytes> records_of(bytes_view wire) {
  std::vector<bytes> out;
  record_splitter split({record_form::tls13, max_plaintext_length});
  while (!wire.empty()) {
    const auto step = split.next(wire);
    REQUIRE(step.ok());
    REQUIRE(step->complete());
    out.emplace_back(step->wire.begin(), step->wire.end());
    wire = wire.subspan(step->consumed);
  }
  return out;
}

// A man in the middle holding the key log: opens a protected record with
// `traffic_secret` (its first under that secret), lets `change` edit the
// plaintext, seals it again.
bytes reseal(bytes_view traffic_secret, const bytes& record_bytes, const std::function<void(bytes&)>& change) {
  using schedule = tls13_key_schedule<P, P::sha256>;
  const auto keys = schedule::traffic_keys_for(traffic_secret, aead_id::aes_128_gcm);
  tls13_record_protection<P> opener, sealer;
  REQUIRE(opener.set_key(aead_id::aes_128_gcm, keys).ok());
  REQUIRE(sealer.set_key(aead_id::aes_128_gcm, keys).ok());
  bytes plain(record_bytes.size());
  const auto opened = opener.open(record_bytes, plain);
  REQUIRE(opened.ok());
  bytes content(opened->content.begin(), opened->content.end());
  change(content);
  bytes out(sealer.sealed_size(content.size()));
  REQUIRE(sealer.seal(opened->type, content, out).ok());
  return out;
}

// Calls edit(content, at, cv) on the CertificateVerify inside a decrypted
// flight's content (`at`: where the message starts).
void edit_certificate_verify(bytes& content, const std::function<void(bytes&, std::size_t, const handshake_message&)>& edit) {
  for (std::size_t at = 0;;) {
    const auto m = read_handshake(bytes_view(content).subspan(at));
    REQUIRE(m.ok());
    if (m->type == handshake_type::certificate_verify) return edit(content, at, *m);
    at += m->raw.size();
  }
}

struct keylog_store {
  std::map<std::string, bytes> secrets;
  void operator()(std::string_view label, bytes_view, bytes_view secret) {
    secrets[std::string(label)].assign(secret.begin(), secret.end());
  }
};

// A client and a server, unconnected: the test carries bytes between them.
template <class ServerConfig = default_config>
struct peers {
  P client_crypto, server_crypto;
  engine_memory cm, sm;
  bytes leaf = read_vector_file("x509/chain/server-p256.der");
  bytes key_der = read_vector_file("keys/p256.key.der");
  std::array<bytes_view, 1> chain{bytes_view(leaf)};
  std::array<signature_scheme, 1> schemes{signature_scheme::ecdsa_secp256r1_sha256};
  P::private_key key;
  accept_chain check;
  keylog_store client_keys, server_keys;
  std::optional<client<P>> c;
  std::optional<server<P, ServerConfig>> s;
  engine_log cl, sl;

  explicit peers(gsl::span<const protocol_name> client_alpn = {}, gsl::span<const protocol_name> server_alpn = {}) {
    REQUIRE(server_crypto.load_private_key(key_der, key).ok());
    server_options<P> so;
    so.certificate_chain = chain;
    so.private_key = &key;
    so.key_schemes = schemes;
    so.alpn = server_alpn;
    so.keylog = server_keys;
    s.emplace(server_crypto, sm.buffers(), so);
    client_options co;
    co.check_certificate = check;
    co.alpn = client_alpn;
    co.keylog = client_keys;
    c.emplace(client_crypto, cm.buffers(), co);
  }
  // Everything the client wants sent, taken from it.
  bytes from_client() {
    bytes b(c->pending_output().begin(), c->pending_output().end());
    c->sent(b.size());
    return b;
  }
  bytes from_server() {
    bytes b(s->pending_output().begin(), s->pending_output().end());
    s->sent(b.size());
    return b;
  }
  void to_server(bytes_view b) {
    s->feed(b);
    drain(*s, sl);
  }
  void to_client(bytes_view b) {
    c->feed(b);
    drain(*c, cl);
  }
};

// An unprotected record around the encoding of `value`.
template <class T>
bytes plaintext_record(content_type type, const T& value) {
  return tlswire::test::plaintext_record(type, tlswire::test::encoded(value));
}

template <class Engine>
void require_refused(Engine& e, const engine_log& log, alert_description alert) {
  CHECK(log.failed);
  CHECK_FALSE(log.done);
  CHECK(e.failure().alert == alert);
  CHECK_FALSE(e.failure().from_peer);
  CHECK(e.failure().alert_sent);
  CHECK(e.failed());
}

}  // namespace

TEST_CASE("hostile peers get the RFC's alert and the engine stops", "[engine][hostile]") {
  SECTION("server: a second ClientHello without the share its HelloRetryRequest asked for gets illegal_parameter") {
    peers<p256_only> p;
    const bytes hello1 = p.from_client();
    p.to_server(hello1);
    REQUIRE(p.s->state() == handshake_state::wait_client_hello_2);
    p.to_server(hello1);
    require_refused(*p.s, p.sl, alert_description::illegal_parameter);
  }
  SECTION("client: a second HelloRetryRequest gets unexpected_message") {
    peers<p256_only> p;
    p.to_server(p.from_client());
    const auto flight = records_of(p.from_server());  // HelloRetryRequest, change_cipher_spec
    p.to_client(flight[0]);
    REQUIRE(p.c->state() == handshake_state::wait_server_hello_2);
    p.to_client(flight[0]);
    require_refused(*p.c, p.cl, alert_description::unexpected_message);
  }
  SECTION("client: a tampered record of the server's encrypted flight gets bad_record_mac") {
    peers<> p;
    p.to_server(p.from_client());
    bytes flight = p.from_server();
    flight[flight.size() - 20] ^= 0x01;
    p.to_client(flight);
    require_refused(*p.c, p.cl, alert_description::bad_record_mac);
  }
  SECTION("client: a CertificateVerify whose signature does not verify gets decrypt_error") {
    peers<> p;
    p.to_server(p.from_client());
    auto flight = records_of(p.from_server());  // ServerHello, CCS, {EE, Certificate, CV, Finished}
    REQUIRE(flight.size() == 3);
    flight[2] = reseal(p.server_keys.secrets["SERVER_HANDSHAKE_TRAFFIC_SECRET"], flight[2], [](bytes& content) {
      // The last byte of its signature.
      edit_certificate_verify(content, [](bytes& c, std::size_t at, const handshake_message& m) { c[at + m.raw.size() - 1] ^= 0x01; });
    });
    for (const bytes& r : flight) p.to_client(r);
    require_refused(*p.c, p.cl, alert_description::decrypt_error);
  }
  // RFC 8446 §4.4.3: "MUST be one offered in the ... signature_algorithms"
  // (messages/signature_policy.hpp). The scheme is the first two bytes of the body.
  const auto with_scheme = [](signature_scheme scheme) {
    return [scheme](bytes& content) {
      edit_certificate_verify(content, [scheme](bytes& c, std::size_t at, const handshake_message&) {
        c[at + handshake_header_size] = static_cast<std::uint8_t>(static_cast<std::uint16_t>(scheme) >> 8);
        c[at + handshake_header_size + 1] = static_cast<std::uint8_t>(static_cast<std::uint16_t>(scheme));
      });
    };
  };
  SECTION("client: a CertificateVerify with a scheme the client did not offer gets illegal_parameter") {
    peers<> p;
    p.to_server(p.from_client());
    auto flight = records_of(p.from_server());
    REQUIRE(flight.size() == 3);
    REQUIRE_FALSE(contains(default_config::signature_schemes, signature_scheme::ecdsa_secp384r1_sha384));
    flight[2] = reseal(p.server_keys.secrets["SERVER_HANDSHAKE_TRAFFIC_SECRET"], flight[2],
                       with_scheme(signature_scheme::ecdsa_secp384r1_sha384));
    for (const bytes& r : flight) p.to_client(r);
    require_refused(*p.c, p.cl, alert_description::illegal_parameter);
  }
  SECTION("client: a CertificateVerify with an offered scheme that does not fit the leaf's key gets illegal_parameter") {
    peers<> p;  // the leaf holds a P-256 key; rsa_pss_rsae_sha256 was offered
    p.to_server(p.from_client());
    auto flight = records_of(p.from_server());
    REQUIRE(flight.size() == 3);
    flight[2] = reseal(p.server_keys.secrets["SERVER_HANDSHAKE_TRAFFIC_SECRET"], flight[2],
                       with_scheme(signature_scheme::rsa_pss_rsae_sha256));
    for (const bytes& r : flight) p.to_client(r);
    require_refused(*p.c, p.cl, alert_description::illegal_parameter);
  }
  SECTION("client: a bad server Finished gets decrypt_error") {
    peers<> p;
    p.to_server(p.from_client());
    auto flight = records_of(p.from_server());
    flight[2] = reseal(p.server_keys.secrets["SERVER_HANDSHAKE_TRAFFIC_SECRET"], flight[2],
                       [](bytes& content) { content.back() ^= 0x01; });
    for (const bytes& r : flight) p.to_client(r);
    require_refused(*p.c, p.cl, alert_description::decrypt_error);
  }
  SECTION("server: application data before the handshake is done gets unexpected_message") {
    peers<> p;
    const std::array<std::uint8_t, 1> byte{0x41};
    p.to_server(plaintext_record(content_type::application_data, opaque_extension<extension_type::padding>{byte}));
    require_refused(*p.s, p.sl, alert_description::unexpected_message);
  }
  SECTION("server: change_cipher_spec before any ClientHello gets unexpected_message") {
    peers<> p;
    p.to_server(plaintext_record(content_type::change_cipher_spec, change_cipher_spec_message{}));
    require_refused(*p.s, p.sl, alert_description::unexpected_message);
  }
  SECTION("server: change_cipher_spec after the client's Finished gets unexpected_message") {
    peers<> p;
    tlswire::test::pump(*p.c, *p.s, p.cl, p.sl);
    REQUIRE(p.sl.done);
    p.to_server(plaintext_record(content_type::change_cipher_spec, change_cipher_spec_message{}));
    CHECK(p.sl.failed);
    CHECK(p.s->failure().alert == alert_description::unexpected_message);
  }
  SECTION("server: a client offering only protocols it does not speak gets no_application_protocol") {
    const std::array<std::uint8_t, 2> h2{'h', '2'};
    const std::array<std::uint8_t, 8> http11{'h', 't', 't', 'p', '/', '1', '.', '1'};
    const std::array client_alpn{protocol_name{h2}};
    const std::array server_alpn{protocol_name{http11}};
    peers<> p(client_alpn, server_alpn);
    p.to_server(p.from_client());
    require_refused(*p.s, p.sl, alert_description::no_application_protocol);
  }
  SECTION("a fatal alert from the peer stops the engine without an answer") {
    peers<> p;
    p.to_server(plaintext_record(content_type::alert, alert_message{alert_level::fatal, alert_description::internal_error}));
    CHECK(p.sl.failed);
    CHECK(p.s->failure().from_peer);
    CHECK(p.s->failure().alert == alert_description::internal_error);
    CHECK(p.s->pending_output().empty());
  }
}

TEST_CASE("ALPN: the server picks its first protocol the client offered; both summaries say it", "[engine]") {
  const std::array<std::uint8_t, 2> h2{'h', '2'};
  const std::array<std::uint8_t, 8> http11{'h', 't', 't', 'p', '/', '1', '.', '1'};
  const std::array client_alpn{protocol_name{h2}, protocol_name{http11}};
  const std::array server_alpn{protocol_name{http11}, protocol_name{h2}};
  peers<> p(client_alpn, server_alpn);
  tlswire::test::pump(*p.c, *p.s, p.cl, p.sl);
  REQUIRE(p.cl.done);
  CHECK(equal_bytes(p.c->summary().alpn, http11));
  CHECK(equal_bytes(p.s->summary().alpn, http11));
}
