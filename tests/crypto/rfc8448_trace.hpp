#pragma once
// RFC 8448 traces replayed through tlswire's TLS 1.3 key schedule, transcript
// hash and record protection, generic over the provider so the same checks
// run with reference_provider (secrets only: it has no AEAD), OpenSSL and
// Mbed TLS (tests/crypto_openssl_mbedtls/). Transcript hashes are computed
// here from the trace's handshake messages, not taken from the RFC's text,
// and then compared with the RFC's "hash" lines.
#include <catch2/catch.hpp>

#include <array>
#include <memory>
#include <cstdint>
#include <string>
#include <vector>

#include "support/hex.hpp"
#include "support/vector_file.hpp"
#include "tlswire/crypto/provider.hpp"
#include "tlswire/crypto/record_protection.hpp"
#include "tlswire/crypto/tls13_key_schedule.hpp"
#include "tlswire/crypto/transcript.hpp"

namespace tlswire::test::rfc8448 {

inline std::string hex_of(bytes_view b) { return to_hex(b); }

template <class P>
using sha256_of = hash_type<P, hash_id::sha256>;
template <class P>
using schedule_of = tls13_key_schedule<P, sha256_of<P>>;

// The transcript of a list of named messages of one trace.
template <class P>
transcript_hash<sha256_of<P>> transcript_of(const vector_file& v,
                                            std::initializer_list<const char*> names) {
  transcript_hash<sha256_of<P>> t;
  for (const char* n : names) t.update(v.view(n));
  return t;
}

// Every secret of the simple 1-RTT trace (RFC 8448 §3) equals the RFC's.
// Returns the secrets the record checks need.
struct simple_1rtt_secrets {
  std::vector<std::uint8_t> client_hs, server_hs, client_ap, server_ap;
};

template <class P>
simple_1rtt_secrets check_simple_1rtt_secrets(const vector_file& v) {
  using S = schedule_of<P>;
  const auto view = [](const auto& s) { return hex_of(s.view()); };

  S ks;
  CHECK(hex_of(ks.early_secret()) == hex_of(v.view("early_secret")));

  const auto hello = transcript_of<P>(v, {"client_hello", "server_hello"});
  const auto hello_hash = hello.current();
  CHECK(hex_of(as_view(hello_hash)) == hex_of(v.view("client_handshake_traffic_secret.hash")));

  REQUIRE(ks.enter_handshake(v.view("handshake_secret.ikm")));
  CHECK(ks.current_stage() == S::stage::handshake);
  CHECK(ks.early_secret().empty());  // the finished stage's secret is gone
  CHECK(hex_of(ks.handshake_secret()) == hex_of(v.view("handshake_secret")));
  const auto c_hs = ks.client_handshake_traffic_secret(as_view(hello_hash));
  const auto s_hs = ks.server_handshake_traffic_secret(as_view(hello_hash));
  CHECK(view(c_hs) == hex_of(v.view("client_handshake_traffic_secret")));
  CHECK(view(s_hs) == hex_of(v.view("server_handshake_traffic_secret")));

  const auto s_hs_keys = S::traffic_keys_for(s_hs.view(), aead_id::aes_128_gcm);
  CHECK(view(s_hs_keys.key) == hex_of(v.view("server_handshake_write_key")));
  CHECK(view(s_hs_keys.iv) == hex_of(v.view("server_handshake_write_iv")));
  const auto c_hs_keys = S::traffic_keys_for(c_hs.view(), aead_id::aes_128_gcm);
  CHECK(view(c_hs_keys.key) == hex_of(v.view("client_handshake_write_key")));
  CHECK(view(c_hs_keys.iv) == hex_of(v.view("client_handshake_write_iv")));

  // Server Finished over ClientHello..CertificateVerify.
  auto t = hello.snapshot();
  t.update(v.view("encrypted_extensions"));
  t.update(v.view("server_certificate"));
  t.update(v.view("server_certificate_verify"));
  const auto before_server_finished = t.current();
  CHECK(view(S::finished_key(s_hs.view())) == hex_of(v.view("server_finished_key")));
  const auto server_verify = S::finished_verify_data(s_hs.view(), as_view(before_server_finished));
  CHECK(view(server_verify) == hex_of(v.view("server_finished_verify_data")));
  // The Finished message carries it after its 4-byte header.
  const bytes_view server_finished_body = v.view("server_finished").subspan(4);
  CHECK(S::verify_finished(s_hs.view(), as_view(before_server_finished), server_finished_body));

  t.update(v.view("server_finished"));
  const auto through_server_finished = t.current();
  CHECK(hex_of(as_view(through_server_finished)) ==
        hex_of(v.view("client_application_traffic_secret_0.hash")));

  ks.enter_master();
  CHECK(hex_of(ks.master_secret()) == hex_of(v.view("master_secret")));
  const auto c_ap = ks.client_application_traffic_secret_0(as_view(through_server_finished));
  const auto s_ap = ks.server_application_traffic_secret_0(as_view(through_server_finished));
  const auto exp = ks.exporter_master_secret(as_view(through_server_finished));
  CHECK(view(c_ap) == hex_of(v.view("client_application_traffic_secret_0")));
  CHECK(view(s_ap) == hex_of(v.view("server_application_traffic_secret_0")));
  CHECK(view(exp) == hex_of(v.view("exporter_master_secret")));
  const auto s_ap_keys = S::traffic_keys_for(s_ap.view(), aead_id::aes_128_gcm);
  CHECK(view(s_ap_keys.key) == hex_of(v.view("server_application_write_key")));
  CHECK(view(s_ap_keys.iv) == hex_of(v.view("server_application_write_iv")));
  const auto c_ap_keys = S::traffic_keys_for(c_ap.view(), aead_id::aes_128_gcm);
  CHECK(view(c_ap_keys.key) == hex_of(v.view("client_application_write_key")));
  CHECK(view(c_ap_keys.iv) == hex_of(v.view("client_application_write_iv")));

  // Client Finished (no client certificate: the same transcript).
  CHECK(view(S::finished_key(c_hs.view())) == hex_of(v.view("client_finished_key")));
  const auto client_verify = S::finished_verify_data(c_hs.view(), as_view(through_server_finished));
  CHECK(view(client_verify) == hex_of(v.view("client_finished_verify_data")));
  const bytes_view client_finished_body = v.view("client_finished").subspan(4);
  CHECK(S::verify_finished(c_hs.view(), as_view(through_server_finished), client_finished_body));

  t.update(v.view("client_finished"));
  const auto through_client_finished = t.current();
  CHECK(hex_of(as_view(through_client_finished)) ==
        hex_of(v.view("resumption_master_secret.hash")));
  const auto res = ks.resumption_master_secret(as_view(through_client_finished));
  CHECK(view(res) == hex_of(v.view("resumption_master_secret")));
  // RFC 8448 §3's NewSessionTicket has ticket_nonce 00 00.
  const auto psk = S::resumption_psk(res.view(), v.view("resumption_psk.hash"));
  CHECK(view(psk) == hex_of(v.view("resumption_psk")));

  const auto copy = [](const auto& s) {
    return std::vector<std::uint8_t>(s.view().begin(), s.view().end());
  };
  return {copy(c_hs), copy(s_hs), copy(c_ap), copy(s_ap)};
}

// A direction's record stream: each record of `names`, in order, opens to its
// RFC plaintext with the given inner type, and sealing the same plaintexts
// with a fresh protection object for the same keys gives the same bytes.
struct expected_record {
  const char* name;
  content_type type;
};

template <class P>
void check_record_stream(const vector_file& v, bytes_view traffic_secret,
                         std::initializer_list<expected_record> records) {
  using S = schedule_of<P>;
  const auto keys = S::traffic_keys_for(traffic_secret, aead_id::aes_128_gcm);
  tls13_record_protection<P> reader_side;
  tls13_record_protection<P> writer_side;
  REQUIRE(reader_side.set_key(aead_id::aes_128_gcm, keys));
  REQUIRE(writer_side.set_key(aead_id::aes_128_gcm, keys));
  for (const expected_record& e : records) {
    INFO(e.name);
    const std::string name = e.name;
    std::vector<std::uint8_t> record(v[name].begin(), v[name].end());
    const bytes_view expected_plaintext = v.view(name + ".plaintext");

    // In place: the plaintext is written over the ciphertext.
    auto opened = reader_side.open(record, mutable_bytes(record).subspan(5));
    REQUIRE(opened.ok());
    CHECK(opened->type == e.type);
    CHECK(opened->padding == 0);
    CHECK(hex_of(opened->content) == hex_of(expected_plaintext));

    std::vector<std::uint8_t> sealed(writer_side.sealed_size(expected_plaintext.size()));
    auto n = writer_side.seal(e.type, expected_plaintext, sealed);
    REQUIRE(n.ok());
    CHECK(*n == sealed.size());
    CHECK(hex_of(sealed) == hex_of(v.view(name)));
  }
}

template <class P>
void check_simple_1rtt_records(const vector_file& v, const simple_1rtt_secrets& s) {
  // Server handshake: EncryptedExtensions, Certificate, CertificateVerify,
  // Finished in one record (server_handshake_record_1 is the plaintext ServerHello).
  const bytes_view server_flight = v.view("server_handshake_record_2.plaintext");
  std::vector<std::uint8_t> expected;
  for (const char* m : {"encrypted_extensions", "server_certificate", "server_certificate_verify",
                        "server_finished"})
    expected.insert(expected.end(), v[m].begin(), v[m].end());
  CHECK(hex_of(server_flight) == hex_of(expected));

  check_record_stream<P>(v, s.server_hs, {{"server_handshake_record_2", content_type::handshake}});
  check_record_stream<P>(v, s.client_hs, {{"client_handshake_record_2", content_type::handshake}});
  check_record_stream<P>(v, s.server_ap,
                         {{"server_handshake_record_3", content_type::handshake},  // ticket
                          {"server_application_data_record_1", content_type::application_data},
                          {"server_alert_record_1", content_type::alert}});
  check_record_stream<P>(v, s.client_ap,
                         {{"client_application_data_record_1", content_type::application_data},
                          {"client_alert_record_1", content_type::alert}});
}

// RFC 8448 §4: resumed 0-RTT handshake. The PSK is §3's resumption PSK.
template <class P>
void check_resumed_0rtt_secrets(const vector_file& first, const vector_file& v) {
  using S = schedule_of<P>;
  const auto view = [](const auto& s) { return hex_of(s.view()); };
  S ks(first.view("resumption_psk"));
  CHECK(hex_of(ks.early_secret()) == hex_of(v.view("early_secret")));

  // Binder over the ClientHello up to its binders (RFC 8446 §4.2.11.2).
  transcript_hash<sha256_of<P>> prefix;
  prefix.update(v.view("psk_binder.client_hello_prefix"));
  const auto prefix_hash = prefix.current();
  CHECK(hex_of(as_view(prefix_hash)) == hex_of(v.view("psk_binder.transcript_hash")));
  const auto binder_key = ks.binder_key(psk_kind::resumption);
  CHECK(view(binder_key) == hex_of(v.view("psk_binder_key")));
  CHECK(view(S::finished_key(binder_key.view())) == hex_of(v.view("psk_binder_finished_key")));
  const auto binder = S::finished_verify_data(binder_key.view(), as_view(prefix_hash));
  CHECK(view(binder) == hex_of(v.view("psk_binder")));
  CHECK(S::verify_finished(binder_key.view(), as_view(prefix_hash), v.view("psk_binder")));

  // The trace's "client_hello" line is the RFC's partial ClientHello (up to
  // the binders); the whole message is what the client's first record carries.
  const auto ch = transcript_of<P>(v, {"client_handshake_record_1.plaintext"});
  const auto ch_hash = ch.current();
  const auto early = ks.client_early_traffic_secret(as_view(ch_hash));
  CHECK(view(early) == hex_of(v.view("client_early_traffic_secret")));
  CHECK(view(ks.early_exporter_master_secret(as_view(ch_hash))) ==
        hex_of(v.view("early_exporter_master_secret")));
  const auto early_keys = S::traffic_keys_for(early.view(), aead_id::aes_128_gcm);
  CHECK(view(early_keys.key) == hex_of(v.view("client_early_write_key")));
  CHECK(view(early_keys.iv) == hex_of(v.view("client_early_write_iv")));

  auto t = transcript_of<P>(v, {"client_handshake_record_1.plaintext", "server_hello"});
  const auto hello_hash = t.current();
  REQUIRE(ks.enter_handshake(v.view("handshake_secret.ikm")));
  CHECK(hex_of(ks.handshake_secret()) == hex_of(v.view("handshake_secret")));
  const auto s_hs = ks.server_handshake_traffic_secret(as_view(hello_hash));
  CHECK(view(s_hs) == hex_of(v.view("server_handshake_traffic_secret")));
  const auto c_hs = ks.client_handshake_traffic_secret(as_view(hello_hash));
  CHECK(view(c_hs) == hex_of(v.view("client_handshake_traffic_secret")));
  t.update(v.view("encrypted_extensions"));
  CHECK(view(S::finished_verify_data(s_hs.view(), as_view(t.current()))) ==
        hex_of(v.view("server_finished_verify_data")));
  t.update(v.view("server_finished"));
  const auto through_server_finished = t.current();
  ks.enter_master();
  CHECK(hex_of(ks.master_secret()) == hex_of(v.view("master_secret")));
  CHECK(view(ks.client_application_traffic_secret_0(as_view(through_server_finished))) ==
        hex_of(v.view("client_application_traffic_secret_0")));
  CHECK(view(ks.exporter_master_secret(as_view(through_server_finished))) ==
        hex_of(v.view("exporter_master_secret")));
  t.update(v.view("end_of_early_data"));
  CHECK(view(S::finished_verify_data(c_hs.view(), as_view(t.current()))) ==
        hex_of(v.view("client_finished_verify_data")));
  t.update(v.view("client_finished"));
  CHECK(view(ks.resumption_master_secret(as_view(t.current()))) ==
        hex_of(v.view("resumption_master_secret")));
}

// RFC 8448 §5: HelloRetryRequest. The transcript replaces ClientHello1 with
// message_hash (RFC 8446 §4.4.1); the handshake secrets only match if it does.
template <class P>
void check_hello_retry_request_secrets(const vector_file& v) {
  using S = schedule_of<P>;
  const auto view = [](const auto& s) { return hex_of(s.view()); };
  transcript_hash<sha256_of<P>> t;
  t.update(v.view("client_hello"));
  t.replace_with_message_hash();
  t.update(v.view("hello_retry_request"));
  t.update(v.view("client_hello_2"));
  t.update(v.view("server_hello"));
  const auto hello_hash = t.current();
  CHECK(hex_of(as_view(hello_hash)) == hex_of(v.view("client_handshake_traffic_secret.hash")));

  S ks;
  REQUIRE(ks.enter_handshake(v.view("handshake_secret.ikm")));
  CHECK(hex_of(ks.handshake_secret()) == hex_of(v.view("handshake_secret")));
  CHECK(view(ks.client_handshake_traffic_secret(as_view(hello_hash))) ==
        hex_of(v.view("client_handshake_traffic_secret")));
  const auto s_hs = ks.server_handshake_traffic_secret(as_view(hello_hash));
  CHECK(view(s_hs) == hex_of(v.view("server_handshake_traffic_secret")));
  for (const char* m : {"encrypted_extensions", "server_certificate", "server_certificate_verify"})
    t.update(v.view(m));
  CHECK(view(S::finished_verify_data(s_hs.view(), as_view(t.current()))) ==
        hex_of(v.view("server_finished_verify_data")));
  t.update(v.view("server_finished"));
  ks.enter_master();
  CHECK(view(ks.server_application_traffic_secret_0(as_view(t.current()))) ==
        hex_of(v.view("server_application_traffic_secret_0")));
  t.update(v.view("client_finished"));
  CHECK(view(ks.resumption_master_secret(as_view(t.current()))) ==
        hex_of(v.view("resumption_master_secret")));
}

// RFC 8448 §5 through handshake_transcript, fed as a client sees it:
// ClientHello1 before any suite is known, then the HelloRetryRequest names
// TLS_AES_128_GCM_SHA256 and the transcript does the message_hash itself.
template <class P>
void check_early_transcript_hello_retry_request(const vector_file& v) {
  handshake_transcript<P> t;
  t.update(v.view("client_hello"));
  REQUIRE(t.hello_retry_request(hash_id::sha256).ok());
  t.update(v.view("hello_retry_request"));
  t.update(v.view("client_hello_2"));
  t.update(v.view("server_hello"));
  REQUIRE(t.select(hash_id::sha256).ok());  // the ServerHello names the HRR's suite again
  std::array<std::uint8_t, handshake_transcript<P>::max_digest_size> d{};
  const auto hex_now = [&] { return hex_of(bytes_view(d).first(t.current(d))); };
  CHECK(hex_now() == hex_of(v.view("client_handshake_traffic_secret.hash")));
  for (const char* m : {"encrypted_extensions", "server_certificate", "server_certificate_verify",
                        "server_finished"})
    t.update(v.view(m));
  CHECK(hex_now() == hex_of(v.view("server_application_traffic_secret_0.hash")));
  t.update(v.view("client_finished"));
  CHECK(hex_now() == hex_of(v.view("resumption_master_secret.hash")));
}

// The (EC)DHE shared secret of a trace from the RFC's ephemeral private key
// and the peer's public value, through the provider's key exchange (both
// sides, which must agree); the RFC's "handshake_secret.ikm" when the
// provider has no key exchange (reference_provider).
template <class P>
std::vector<std::uint8_t> shared_secret_of(const vector_file& v) {
  if constexpr (key_exchange_provider<P>) {
    const bool p256 = v.contains("client_p_256_ephemeral_private_key");
    const named_group g = p256 ? named_group::secp256r1 : named_group::x25519;
    const std::string prefix = p256 ? "_p_256_ephemeral_" : "_x25519_ephemeral_";
    P provider;
    std::vector<std::uint8_t> from_client(shared_secret_size(g)), from_server(shared_secret_size(g));
    typename P::key_share_private_key c, s;
    REQUIRE(provider.import_key_share(g, v.view("client" + prefix + "private_key"), c));
    REQUIRE(provider.import_key_share(g, v.view("server" + prefix + "private_key"), s));
    REQUIRE(provider.derive_shared_secret(c, v.view("server" + prefix + "public_key"), from_client));
    REQUIRE(provider.derive_shared_secret(s, v.view("client" + prefix + "public_key"), from_server));
    CHECK(hex_of(from_client) == hex_of(from_server));
    return from_client;
  } else {
    return v["handshake_secret.ikm"];
  }
}

// A full handshake without PSK (RFC 8448 §3, §5, §6, §7): from the ephemeral
// keys (when the provider has key exchange) and the messages, every secret
// and both Finished. `hello_retry`: the trace has a HelloRetryRequest, so
// ClientHello1 is replaced by message_hash before HRR and ClientHello2 are fed.
template <class P>
void check_full_handshake_from_keys(const vector_file& v, bool hello_retry) {
  using S = schedule_of<P>;
  const auto view = [](const auto& s) { return hex_of(s.view()); };
  transcript_hash<sha256_of<P>> t;
  t.update(v.view("client_hello"));
  if (hello_retry) {
    t.replace_with_message_hash();
    t.update(v.view("hello_retry_request"));
    t.update(v.view("client_hello_2"));
  }
  t.update(v.view("server_hello"));
  const auto hello_hash = t.current();
  const auto shared = shared_secret_of<P>(v);
  CHECK(hex_of(shared) == hex_of(v.view("handshake_secret.ikm")));

  S ks;
  CHECK(hex_of(ks.early_secret()) == hex_of(v.view("early_secret")));
  REQUIRE(ks.enter_handshake(shared));
  CHECK(hex_of(ks.handshake_secret()) == hex_of(v.view("handshake_secret")));
  const auto c_hs = ks.client_handshake_traffic_secret(as_view(hello_hash));
  const auto s_hs = ks.server_handshake_traffic_secret(as_view(hello_hash));
  CHECK(view(c_hs) == hex_of(v.view("client_handshake_traffic_secret")));
  CHECK(view(s_hs) == hex_of(v.view("server_handshake_traffic_secret")));
  for (const char* m : {"encrypted_extensions", "certificate_request", "server_certificate",
                        "server_certificate_verify"})
    if (v.contains(m)) t.update(v.view(m));
  CHECK(S::verify_finished(s_hs.view(), as_view(t.current()), v.view("server_finished").subspan(4)));
  t.update(v.view("server_finished"));
  const auto through_server_finished = t.current();
  ks.enter_master();
  CHECK(hex_of(ks.master_secret()) == hex_of(v.view("master_secret")));
  CHECK(view(ks.client_application_traffic_secret_0(as_view(through_server_finished))) ==
        hex_of(v.view("client_application_traffic_secret_0")));
  CHECK(view(ks.server_application_traffic_secret_0(as_view(through_server_finished))) ==
        hex_of(v.view("server_application_traffic_secret_0")));
  CHECK(view(ks.exporter_master_secret(as_view(through_server_finished))) ==
        hex_of(v.view("exporter_master_secret")));
  for (const char* m : {"client_certificate", "client_certificate_verify"})
    if (v.contains(m)) t.update(v.view(m));
  CHECK(S::verify_finished(c_hs.view(), as_view(t.current()), v.view("client_finished").subspan(4)));
  t.update(v.view("client_finished"));
  CHECK(view(ks.resumption_master_secret(as_view(t.current()))) ==
        hex_of(v.view("resumption_master_secret")));
}

// Every protected record of a trace (every "*_record_N" whose header says
// application_data), in the file's order, opens under exactly one of its
// side's traffic secrets as the trace logs them (early, handshake,
// application) at that key's running sequence number, gives the trace's
// plaintext, and seals back to the same bytes. Returns how many opened.
template <class P>
int check_all_protected_records(const vector_file& v) {
  using S = schedule_of<P>;
  struct direction {
    std::vector<std::string> secrets;
    std::vector<std::unique_ptr<tls13_record_protection<P>>> openers, sealers;
  };
  const auto make = [&](std::initializer_list<const char*> names) {
    direction d;
    for (const char* n : names) {
      if (!v.contains(n)) continue;
      const auto keys = S::traffic_keys_for(v.view(n), aead_id::aes_128_gcm);
      d.secrets.emplace_back(n);
      d.openers.push_back(std::make_unique<tls13_record_protection<P>>());
      d.sealers.push_back(std::make_unique<tls13_record_protection<P>>());
      REQUIRE(d.openers.back()->set_key(aead_id::aes_128_gcm, keys));
      REQUIRE(d.sealers.back()->set_key(aead_id::aes_128_gcm, keys));
    }
    return d;
  };
  direction client = make({"client_early_traffic_secret", "client_handshake_traffic_secret",
                           "client_application_traffic_secret_0"});
  direction server =
      make({"server_handshake_traffic_secret", "server_application_traffic_secret_0"});
  int opened_count = 0;
  for (const std::string& name : v.names()) {
    const std::size_t at = name.find("_record_");
    if (at == std::string::npos || name.find('.') != std::string::npos) continue;
    if (v[name].empty() || v[name][0] != 23) continue;  // plaintext records
    INFO(name);
    direction& d = name.rfind("client_", 0) == 0 ? client : server;
    int matches = 0;
    for (std::size_t k = 0; k < d.openers.size(); ++k) {
      std::vector<std::uint8_t> plain(v[name].size());
      auto opened = d.openers[k]->open(v.view(name), plain);
      if (!opened.ok()) continue;
      ++matches;
      INFO("under " << d.secrets[k]);
      CHECK(hex_of(opened->content) == hex_of(v.view(name + ".plaintext")));
      std::vector<std::uint8_t> sealed(
          d.sealers[k]->sealed_size(opened->content.size(), opened->padding));
      // (opener and sealer of one key advance together, so their sequence
      // numbers agree)
      CHECK(d.sealers[k]->sequence().next() + 1 == d.openers[k]->sequence().next());
      REQUIRE(d.sealers[k]->seal(opened->type, opened->content, sealed, opened->padding));
      CHECK(hex_of(sealed) == hex_of(v.view(name)));
    }
    CHECK(matches == 1);
    opened_count += matches;
  }
  return opened_count;
}

}  // namespace tlswire::test::rfc8448
