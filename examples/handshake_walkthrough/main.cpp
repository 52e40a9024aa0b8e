// handshake_walkthrough: a TLS client and a TLS server in one process,
// talking through two byte vectors instead of a socket, built only from
// tlswire's pieces and a real crypto back end (OpenSSL).
//
// It runs the handshake as people describe it:
//   1. the client sends ClientHello (versions, cipher suites, compression
//      methods, client random);
//   2. the server answers ServerHello (chosen suite, server random) and its
//      certificate;
//   3. the client checks the certificate chain against its trusted CAs;
//   4. the client sends a premaster secret encrypted to the server's RSA key,
//      and the server decrypts it;
//   5. both derive the session keys from client random, server random and
//      premaster secret;
//   6. the client sends Finished (a MAC over the transcript under the new
//      keys), the server checks it and sends its own;
//   7. application data flows under AEAD record protection.
// first as TLS 1.2 with RSA key transport (TLS_RSA_WITH_AES_128_GCM_SHA256,
// extended master secret), then as TLS 1.3 (X25519 ECDHE + HKDF,
// TLS_AES_128_GCM_SHA256), its modern form. Then it breaks things on
// purpose and shows each break refused with the alert the RFCs name.
//
// Each peer has its own crypto provider (a template parameter: C for the
// client, S for the server), so the same code also runs with one peer on
// OpenSSL and the other on Mbed TLS when both are built in.
//
// Usage: handshake_walkthrough [vectors-dir]   (tests/vectors by default)
#include <array>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tlswire/crypto/provider.hpp>
#include <tlswire/crypto/rsa_premaster.hpp>
#include <tlswire/crypto/suite_algorithms.hpp>
#include <tlswire/crypto/tls12_key_schedule.hpp>
#include <tlswire/crypto/tls13_key_schedule.hpp>
#include <tlswire/crypto/transcript.hpp>
#include <tlswire/extensions/key_share.hpp>
#include <tlswire/extensions/server_name.hpp>
#include <tlswire/extensions/signature_algorithms.hpp>
#include <tlswire/extensions/supported_groups.hpp>
#include <tlswire/extensions/supported_versions.hpp>
#include <tlswire/extensions/tls12_security.hpp>
#include <tlswire/messages/dispatch.hpp>
#include <tlswire/messages/validate_hello.hpp>
#include <tlswire/x509/verify.hpp>

#include <tlswire/providers/openssl.hpp>
#ifdef TLSWIRE_WALKTHROUGH_HAVE_MBEDTLS
#include <tlswire/providers/mbedtls.hpp>
#endif

#include "record_io.hpp"

namespace walkthrough {
namespace {

// ---------------------------------------------------------------- what both runs share

bytes read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(2);
  }
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bytes_view as_bytes(std::string_view s) {
  return bytes_view(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());  // NOLINT
}
std::string_view as_text(bytes_view b) {
  return std::string_view(reinterpret_cast<const char*>(b.data()), b.size());  // NOLINT
}

// The first bytes of a value in hex, for the log ("3f a0 17 …").
std::string hex_start(bytes_view b, std::size_t n = 4) {
  std::string s;
  char part[4];
  for (std::size_t i = 0; i < b.size() && i < n; ++i) {
    std::snprintf(part, sizeof part, "%02x", b[i]);
    s += part;
  }
  if (b.size() > n) s += "...";
  return s;
}

// What the server has and the client trusts, loaded once.
struct setup {
  bytes server_key_der;      // keys/rsa2048.key.der: the server's RSA key
  bytes server_cert;         // x509/chain/server.der: leaf for server.tlswire.test
  bytes intermediate_cert;   // x509/chain/intermediate.der: the CA that signed it
  bytes root_cert;           // x509/chain/root-ca.der: the CA the client trusts
  bytes other_root_cert;     // x509/chain/other-root-ca.der: a CA nobody asked for
  std::string host = "server.tlswire.test";
  std::int64_t now = 0;      // the clock the client checks validity against
};

// How a run is broken on purpose (all false: the handshake as it should go).
struct faults {
  bool client_trusts_other_ca = false;  // → unknown_ca
  bool bad_premaster_padding = false;   // → random premaster, then decrypt_error at Finished
  bool tamper_client_finished = false;  // → decrypt_error
  bool tamper_server_finished = false;  // → decrypt_error
  bool tamper_handshake_record = false; // TLS 1.3: the server's encrypted flight → bad_record_mac
  bool tamper_application_record = false;  // → bad_record_mac
};

// How a run ended: completed, or refused by one side at one step.
struct outcome {
  bool completed = false;
  std::string refused_by;  // "server checks the client's Finished"
  alert_description alert = alert_description::close_notify;
};

// The printed log: one line per step.
class run_log {
 public:
  explicit run_log(std::string name) : name_(std::move(name)) {}

  [[gnu::format(printf, 3, 4)]] void say(const char* who, const char* format, ...) {
    std::printf("  [%s] %-7s ", name_.c_str(), who);
    va_list args;
    va_start(args, format);
    std::vprintf(format, args);
    va_end(args);
    std::printf("\n");
  }
  outcome refuse(const char* who, const char* what, const error& e) {
    const auto alert = to_string(e.alert);
    say(who, "REFUSES at \"%s\": %.*s (sends alert %.*s)", what, static_cast<int>(to_string(e.code).size()),
        to_string(e.code).data(), static_cast<int>(alert.size()), alert.data());
    return {false, std::string(who) + " " + what, e.alert};
  }
  outcome done() {
    say("both", "handshake and application data complete");
    return {true, {}, alert_description::close_notify};
  }

 private:
  std::string name_;
};

// A check of our own, with the alert the RFC names when it fails.
status require(bool condition, alert_description alert) {
  if (condition) return {};
  return make_error(errc::bad_value, alert, 0);
}

// Each step that can fail either continues or ends the run with that side's alert.
#define OR_REFUSE(who, what, expr)                                                          \
  do {                                                                                      \
    if (const auto check_ = (expr); !check_.ok()) return log.refuse(who, what, check_.error()); \
  } while (false)
#define TRY_OR_REFUSE_IMPL(tmp, decl, who, what, expr)     \
  auto tmp = (expr);                                       \
  if (!tmp.ok()) return log.refuse(who, what, tmp.error()); \
  decl = std::move(tmp).value()
#define TRY_OR_REFUSE(decl, who, what, expr) \
  TRY_OR_REFUSE_IMPL(TLSWIRE_CONCAT(step_, __LINE__), decl, who, what, expr)

constexpr const char* client = "client";
constexpr const char* server = "server";

// The server's private key, loaded through the provider (PKCS#8 DER).
template <class S>
result<typename S::private_key> load_server_key(S& p, const setup& s) {
  typename S::private_key key;
  TLSWIRE_CHECK(p.load_private_key(s.server_key_der, key));
  return key;
}

// Step 3 for both versions: the chain the server sent, leaf first, checked
// against the CA the client trusts, for the host it wants to reach.
template <class C>
result<x509::verified_chain> check_server_chain(C& p, const setup& s, const faults& f,
                                                const std::vector<bytes_view>& chain, run_log& log) {
  const bytes& trusted = f.client_trusts_other_ca ? s.other_root_cert : s.root_cert;
  const std::array<bytes_view, 1> anchors{trusted};
  x509::verify_fault fault = x509::verify_fault::none;
  auto verified = x509::verify_chain(p, chain, anchors, {s.now, s.host}, &fault);
  if (!verified) {
    const auto why = x509::to_string(fault);
    log.say(client, "certificate chain check fails: %.*s", static_cast<int>(why.size()), why.data());
    return verified.error();
  }
  const auto cn = verified->leaf.subject.find(x509::oid::common_name);
  log.say(client,
          "verifies the chain: leaf \"%.*s\" <- %zu intermediate(s) <- trusted root; signatures, validity "
          "now, CA constraints and the name %s all check out",
          cn ? static_cast<int>(cn->size()) : 0, cn ? reinterpret_cast<const char*>(cn->data()) : "",  // NOLINT
          verified->intermediates, s.host.c_str());
  return verified;
}

// Step 7 for both versions: a request one way, a response the other.
template <class C, class S>
outcome exchange_application_data(run_log& log, const faults& f, record_sender<C>& client_out,
                                  record_receiver<S>& server_in, record_sender<S>& server_out,
                                  record_receiver<C>& client_in, wire& to_server) {
  const std::string_view request = "GET / HTTP/1.1\r\nHost: server.tlswire.test\r\n\r\n";
  TRY_OR_REFUSE(const std::size_t sent, client, "seals the request", client_out.send(content_type::application_data, as_bytes(request)));
  log.say(client, "sends application data: a %zu-byte request sealed into a %zu-byte record", request.size(), sent);
  if (f.tamper_application_record) {
    to_server.data[to_server.data.size() - 20] ^= 0x01;
    log.say("network", "(fault injected) flips one bit of that record in transit");
  }
  TRY_OR_REFUSE(const bytes_view got, server, "opens the request record", server_in.next_application_data());
  OR_REFUSE(server, "reads the request", require(got.size() == request.size() && as_text(got) == request, alert_description::internal_error));
  log.say(server, "opens it (AEAD tag verified): \"%.*s\"", 14, as_text(got).data());

  const std::string_view response = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
  TRY_OR_REFUSE(const std::size_t back, server, "seals the response", server_out.send(content_type::application_data, as_bytes(response)));
  log.say(server, "sends application data: a %zu-byte response sealed into a %zu-byte record", response.size(), back);
  TRY_OR_REFUSE(const bytes_view answer, client, "opens the response record", client_in.next_application_data());
  OR_REFUSE(client, "reads the response", require(as_text(answer) == response, alert_description::internal_error));
  log.say(client, "opens it: \"%.*s\" ... \"%.*s\"", 15, as_text(answer).data(), 5, as_text(answer).data() + answer.size() - 5);
  return log.done();
}

// ---------------------------------------------------------------- TLS 1.2, RSA key transport

template <class C, class S>
outcome run_tls12(const setup& s, const faults& f, const char* name) {
  run_log log(name);
  C client_crypto;  // each peer has its own crypto back end
  S server_crypto;
  wire to_server, to_client;
  record_sender<C> client_out(to_server);
  record_sender<S> server_out(to_client);
  record_receiver<S> server_in(to_server);
  record_receiver<C> client_in(to_client);
  transcript_hash<typename C::sha256> client_transcript;
  transcript_hash<typename S::sha256> server_transcript;  // RFC 5246 §7.4.9 handshake_messages

  constexpr cipher_suite suite = cipher_suite::tls_rsa_with_aes_128_gcm_sha256;
  const cipher_suite_info info = *find_cipher_suite_info(suite);
  const aead_id aead = *aead_of(info);
  // The suite's PRF hash is SHA-256; each side runs the schedule with its own provider.
  using client_schedule = tls12_key_schedule<C, typename C::sha256>;
  using server_schedule = tls12_key_schedule<S, typename S::sha256>;
  // What each side's parser needs to know: version and suite (Finished is 12 bytes).
  const negotiation_context at_client{protocol_version::tls12, suite, sender::server};
  const negotiation_context at_server{protocol_version::tls12, suite, sender::client};

  // ---- 1. client → ClientHello
  std::array<std::uint8_t, random_size> client_random{};
  OR_REFUSE(client, "draws its random", client_crypto.random(client_random));
  const std::array offered_suites{suite};
  const std::array compression{compression_method::null};
  const std::array names{server_name_entry{name_type::host_name, {as_bytes(s.host)}}};
  extension_builder client_extensions;
  client_extensions.add(server_name_client_hello{names}).add(extended_master_secret{});
  client_hello hello;
  hello.legacy_version = protocol_version::tls12;
  hello.random = client_random;
  hello.cipher_suites = offered_suites;
  hello.compression_methods = compression;
  hello.extensions = client_extensions.list();
  const bytes hello_bytes = encode_message(hello);
  client_transcript.update(hello_bytes);
  TRY_OR_REFUSE(std::size_t n, client, "sends ClientHello", client_out.send(content_type::handshake, hello_bytes));
  log.say(client,
          "sends ClientHello (%zu bytes, %zu-byte record): version TLS 1.2, cipher suite "
          "TLS_RSA_WITH_AES_128_GCM_SHA256, compression null, random %s, server_name %s, extended_master_secret",
          hello_bytes.size(), n, hex_start(client_random).c_str(), s.host.c_str());

  // ---- 2. server ← ClientHello; server → ServerHello, Certificate, ServerHelloDone
  TRY_OR_REFUSE(const received<client_hello> ch, server, "reads ClientHello", receive<client_hello>(server_in, at_server));
  server_transcript.update(ch.message.raw);
  TRY_OR_REFUSE(const protocol_version offered, server, "reads the offered version", highest_offered_version(ch.body));
  OR_REFUSE(server, "picks TLS 1.2", require(offered == protocol_version::tls12, alert_description::protocol_version));
  OR_REFUSE(server, "picks a cipher suite", require(ch.body.cipher_suites.contains(suite), alert_description::handshake_failure));
  OR_REFUSE(server, "picks a compression method",
            require(ch.body.compression_methods.contains(compression_method::null), alert_description::illegal_parameter));
  // RFC 7627 §5.3: a server MAY refuse a client without extended master secret; this one does.
  OR_REFUSE(server, "requires extended_master_secret",
            require(ch.body.extensions.contains(extension_type::extended_master_secret), alert_description::handshake_failure));
  TRY_OR_REFUSE(const auto sni, server, "reads server_name", ch.body.extensions.get<server_name_client_hello>());
  log.say(server, "reads ClientHello (%zu bytes): TLS 1.2 offered, picks TLS_RSA_WITH_AES_128_GCM_SHA256, server_name %.*s",
          ch.message.raw.size(), static_cast<int>(sni.host_name().size()), as_text(sni.host_name()).data());

  std::array<std::uint8_t, random_size> server_random{};
  OR_REFUSE(server, "draws its random", server_crypto.random(server_random));
  extension_builder server_extensions;
  server_extensions.add(extended_master_secret{});
  server_hello sh;
  sh.legacy_version = protocol_version::tls12;
  sh.random = server_random;
  sh.suite = suite;
  sh.extensions = server_extensions.list();
  tls12_certificate certificate;
  const std::array<asn1_cert, 2> chain_sent{asn1_cert{s.server_cert}, asn1_cert{s.intermediate_cert}};
  certificate.certificate_list = chain_sent;
  const bytes sh_bytes = encode_message(sh);
  const bytes cert_bytes = encode_message(certificate);
  const bytes done_bytes = encode_message(server_hello_done{});
  bytes flight;  // the three messages coalesced into one record, as servers do
  for (const bytes* m : {&sh_bytes, &cert_bytes, &done_bytes}) {
    flight.insert(flight.end(), m->begin(), m->end());
    server_transcript.update(*m);
  }
  TRY_OR_REFUSE(n, server, "sends its first flight", server_out.send(content_type::handshake, flight));
  log.say(server,
          "sends ServerHello (%zu bytes: random %s, extended_master_secret), Certificate (%zu bytes: leaf "
          "%zu + intermediate %zu), ServerHelloDone (%zu bytes), together in one %zu-byte record",
          sh_bytes.size(), hex_start(server_random).c_str(), cert_bytes.size(), s.server_cert.size(),
          s.intermediate_cert.size(), done_bytes.size(), n);

  // ---- 3. client ← ServerHello, Certificate (checked against its CA), ServerHelloDone
  TRY_OR_REFUSE(const received<server_hello> shr, client, "reads ServerHello", receive<server_hello>(client_in, at_client));
  client_transcript.update(shr.message.raw);
  OR_REFUSE(client, "checks ServerHello against its offer", validate(shr.body, hello));
  TRY_OR_REFUSE(const protocol_version version, client, "reads the version", negotiated_version(shr.body));
  OR_REFUSE(client, "checks the version", require(version == protocol_version::tls12, alert_description::protocol_version));
  OR_REFUSE(client, "requires extended_master_secret",
            require(shr.body.extensions.contains(extension_type::extended_master_secret), alert_description::handshake_failure));
  const bytes_view peer_random = shr.body.random;  // a view of the wire bytes, which stay put
  log.say(client, "reads ServerHello (%zu bytes): TLS 1.2, TLS_RSA_WITH_AES_128_GCM_SHA256, random %s, extended master secret agreed",
          shr.message.raw.size(), hex_start(peer_random).c_str());

  TRY_OR_REFUSE(const received<tls12_certificate> cert, client, "reads Certificate", receive<tls12_certificate>(client_in, at_client));
  client_transcript.update(cert.message.raw);
  OR_REFUSE(client, "checks Certificate is not empty", validate(cert.body, sender::server));
  std::vector<bytes_view> chain;
  for (const asn1_cert& c : cert.body.certificate_list) chain.push_back(c.bytes);
  log.say(client, "reads Certificate (%zu bytes): %zu certificates", cert.message.raw.size(), chain.size());
  TRY_OR_REFUSE(const x509::verified_chain verified, client, "checks the certificate chain",
                check_server_chain(client_crypto, s, f, chain, log));
  OR_REFUSE(client, "needs an RSA key for key transport",
            require(x509::oid::rsa_encryption.matches(verified.leaf.public_key.algorithm.algorithm),
                    alert_description::unsupported_certificate));
  const bytes_view server_public_key = verified.leaf.public_key.raw;  // SubjectPublicKeyInfo DER

  TRY_OR_REFUSE(const received<server_hello_done> done, client, "reads ServerHelloDone", receive<server_hello_done>(client_in, at_client));
  client_transcript.update(done.message.raw);
  log.say(client, "reads ServerHelloDone (%zu bytes)", done.message.raw.size());

  // ---- 4. client → ClientKeyExchange (premaster encrypted to the server's key)
  // RFC 5246 §7.4.7.1: PreMasterSecret = client_version (the ClientHello's) || 46 random bytes.
  std::array<std::uint8_t, rsa_premaster_size> premaster{};
  OR_REFUSE(client, "draws the premaster secret", client_crypto.random(premaster));
  premaster[0] = 0x03;
  premaster[1] = 0x03;
  std::array<std::uint8_t, 512> encrypted{};
  TRY_OR_REFUSE(const std::size_t encrypted_size, client, "encrypts the premaster",
                client_crypto.rsa_pkcs1_encrypt(server_public_key, premaster, encrypted));
  log.say(client, "draws a 48-byte premaster secret (03 03 + 46 random bytes) and encrypts it to the server's "
          "RSA key (RSAES-PKCS1-v1_5): %zu-byte ciphertext", encrypted_size);
  if (f.bad_premaster_padding) {
    // Random bytes below the modulus: they decrypt, but not to PKCS#1 v1.5 padding.
    OR_REFUSE(client, "draws garbage", client_crypto.random(mutable_bytes(encrypted.data(), encrypted_size)));
    encrypted[0] = 0x00;
    log.say(client, "(fault injected) replaces the ciphertext by random bytes: its PKCS#1 padding is wrong");
  }
  client_key_exchange cke;
  cke.key_exchange = key_exchange_algorithm::rsa;
  cke.encrypted_pre_master_secret = {bytes_view(encrypted.data(), encrypted_size)};
  const bytes cke_bytes = encode_message(cke);
  client_transcript.update(cke_bytes);
  TRY_OR_REFUSE(n, client, "sends ClientKeyExchange", client_out.send(content_type::handshake, cke_bytes));
  log.say(client, "sends ClientKeyExchange (%zu bytes, %zu-byte record)", cke_bytes.size(), n);

  // ---- 5. client: session keys from premaster, the randoms and (RFC 7627) the session hash
  const auto client_session_hash = client_transcript.current();  // ClientHello..ClientKeyExchange
  const client_schedule client_keys = client_schedule::from_premaster_extended(premaster, client_session_hash);
  secure_wipe(premaster);
  TRY_OR_REFUSE(const tls12_key_block client_block, client, "derives the key block",
                client_keys.key_block(info, client_random, peer_random));
  log.say(client, "derives the master secret (48 bytes, PRF \"extended master secret\" over the %zu-byte session hash) "
          "and a %zu-byte key block: write keys of %zu bytes, implicit IVs of %zu bytes",
          client_session_hash.size(), client_block.bytes().size(), client_block.client_write_key().size(),
          client_block.client_write_iv().size());

  // ---- 6. client → ChangeCipherSpec, Finished (the first record under the new keys)
  const std::array<std::uint8_t, 1> ccs{0x01};
  TRY_OR_REFUSE(n, client, "sends ChangeCipherSpec", client_out.send(content_type::change_cipher_spec, ccs));
  OR_REFUSE(client, "switches to its write keys",
            client_out.protect_tls12(aead, client_block.client_write_key(), client_block.client_write_iv()));
  auto client_verify = client_keys.finished_verify_data(tls12_sender::client, client_transcript.current());
  if (f.tamper_client_finished) {
    client_verify[0] ^= 0x01;
    log.say(client, "(fault injected) flips one bit of its verify_data");
  }
  const bytes client_finished = encode_message(finished{client_verify});
  client_transcript.update(client_finished);
  TRY_OR_REFUSE(const std::size_t fin_record, client, "sends Finished", client_out.send(content_type::handshake, client_finished));
  log.say(client, "sends ChangeCipherSpec (%zu-byte record), then Finished (verify_data %s, 12 bytes = PRF(master, "
          "\"client finished\", transcript hash)) sealed with AES-128-GCM: %zu-byte record",
          n, hex_start(client_verify).c_str(), fin_record);

  // ---- server: decrypts the premaster, derives the same keys, checks the client's Finished
  TRY_OR_REFUSE(const received<client_key_exchange> cker, server, "reads ClientKeyExchange", receive<client_key_exchange>(server_in, at_server));
  TRY_OR_REFUSE(const typename S::private_key server_key, server, "loads its private key", load_server_key(server_crypto, s));
  std::array<std::uint8_t, rsa_premaster_size> server_premaster{};
  // RFC 5246 §7.4.7.1: never an error here — a bad ciphertext yields a random
  // premaster, so the handshake fails at Finished like any wrong key.
  OR_REFUSE(server, "decrypts the premaster",
            decrypt_rsa_premaster(server_crypto, server_key, cker.body.encrypted_pre_master_secret.bytes, ch.body.legacy_version,
                                  server_premaster));
  server_transcript.update(cker.message.raw);
  log.say(server, "reads ClientKeyExchange (%zu bytes) and decrypts the premaster with its RSA key (48 bytes; a bad "
          "padding would silently give random bytes instead, RFC 5246 §7.4.7.1)", cker.message.raw.size());
  const auto server_session_hash = server_transcript.current();
  const server_schedule server_keys = server_schedule::from_premaster_extended(server_premaster, server_session_hash);
  secure_wipe(server_premaster);
  TRY_OR_REFUSE(const tls12_key_block server_block, server, "derives the key block",
                server_keys.key_block(info, ch.body.random, server_random));
  log.say(server, "derives the master secret and key block (%zu bytes) the same way, from its own copy of the premaster",
          server_block.bytes().size());

  OR_REFUSE(server, "reads ChangeCipherSpec", server_in.expect_change_cipher_spec());
  OR_REFUSE(server, "switches to the client's write keys",
            server_in.protect_tls12(aead, server_block.client_write_key(), server_block.client_write_iv()));
  TRY_OR_REFUSE(const received<finished> cfin, server, "opens the client's Finished record", receive<finished>(server_in, at_server));
  OR_REFUSE(server, "checks the client's Finished",
            server_keys.verify_finished(tls12_sender::client, server_transcript.current(), cfin.body.verify_data));
  server_transcript.update(cfin.message.raw);
  log.say(server, "reads ChangeCipherSpec, opens the Finished record and checks verify_data in constant time: it matches");

  // ---- server → ChangeCipherSpec, Finished
  TRY_OR_REFUSE(n, server, "sends ChangeCipherSpec", server_out.send(content_type::change_cipher_spec, ccs));
  OR_REFUSE(server, "switches to its write keys",
            server_out.protect_tls12(aead, server_block.server_write_key(), server_block.server_write_iv()));
  auto server_verify = server_keys.finished_verify_data(tls12_sender::server, server_transcript.current());
  if (f.tamper_server_finished) {
    server_verify[0] ^= 0x01;
    log.say(server, "(fault injected) flips one bit of its verify_data");
  }
  const bytes server_finished = encode_message(finished{server_verify});
  server_transcript.update(server_finished);
  TRY_OR_REFUSE(const std::size_t sfin_record, server, "sends Finished", server_out.send(content_type::handshake, server_finished));
  log.say(server, "sends ChangeCipherSpec and Finished (\"server finished\", verify_data %s): %zu-byte record",
          hex_start(server_verify).c_str(), sfin_record);

  OR_REFUSE(client, "reads ChangeCipherSpec", client_in.expect_change_cipher_spec());
  OR_REFUSE(client, "switches to the server's write keys",
            client_in.protect_tls12(aead, client_block.server_write_key(), client_block.server_write_iv()));
  TRY_OR_REFUSE(const received<finished> sfin, client, "opens the server's Finished record", receive<finished>(client_in, at_client));
  OR_REFUSE(client, "checks the server's Finished",
            client_keys.verify_finished(tls12_sender::server, client_transcript.current(), sfin.body.verify_data));
  client_transcript.update(sfin.message.raw);
  log.say(client, "reads ChangeCipherSpec and Finished: verify_data matches; the handshake is complete");

  // ---- 7. application data
  return exchange_application_data(log, f, client_out, server_in, server_out, client_in, to_server);
}

// ---------------------------------------------------------------- TLS 1.3, ECDHE (X25519) + HKDF

// RFC 8446 §4.4.3: what CertificateVerify signs — 64 spaces, the context
// string, a zero byte, then Transcript-Hash(ClientHello..Certificate).
bytes certificate_verify_content(bytes_view transcript) {
  constexpr std::string_view context = "TLS 1.3, server CertificateVerify";
  bytes content(64, 0x20);
  content.insert(content.end(), context.begin(), context.end());
  content.push_back(0x00);
  content.insert(content.end(), transcript.begin(), transcript.end());
  return content;
}

template <class C, class S>
outcome run_tls13(const setup& s, const faults& f, const char* name) {
  run_log log(name);
  C client_crypto;  // each peer has its own crypto back end
  S server_crypto;
  wire to_server, to_client;
  record_sender<C> client_out(to_server);
  record_sender<S> server_out(to_client);
  record_receiver<S> server_in(to_server);
  record_receiver<C> client_in(to_client);
  transcript_hash<typename C::sha256> client_transcript;
  transcript_hash<typename S::sha256> server_transcript;  // RFC 8446 §4.4.1

  constexpr cipher_suite suite = cipher_suite::tls_aes_128_gcm_sha256;
  const aead_id aead = *aead_of(*find_cipher_suite_info(suite));
  using client_schedule = tls13_key_schedule<C, typename C::sha256>;
  using server_schedule = tls13_key_schedule<S, typename S::sha256>;
  const negotiation_context at_client{protocol_version::tls13, suite, sender::server};
  const negotiation_context at_server{protocol_version::tls13, suite, sender::client};
  constexpr signature_scheme server_signs_with = signature_scheme::rsa_pss_rsae_sha256;

  // ---- 1. client → ClientHello with an X25519 key share
  std::array<std::uint8_t, random_size> client_random{};
  OR_REFUSE(client, "draws its random", client_crypto.random(client_random));
  typename C::key_share_private_key client_secret;
  std::array<std::uint8_t, 32> client_share{};
  OR_REFUSE(client, "makes an X25519 key share", client_crypto.generate_key_share(named_group::x25519, client_secret, client_share));
  const std::array offered_suites{suite};
  const std::array compression{compression_method::null};
  const std::array names{server_name_entry{name_type::host_name, {as_bytes(s.host)}}};
  const std::array versions{protocol_version::tls13};
  const std::array groups{named_group::x25519};
  const std::array schemes{signature_scheme::rsa_pss_rsae_sha256, signature_scheme::ecdsa_secp256r1_sha256,
                           signature_scheme::ed25519};
  const std::array shares{key_share_entry{named_group::x25519, {client_share}}};
  extension_builder client_extensions;
  client_extensions.add(server_name_client_hello{names})
      .add(supported_versions_client_hello{versions})
      .add(supported_groups{groups})
      .add(signature_algorithms{schemes})
      .add(key_share_client_hello{shares});
  client_hello hello;
  hello.random = client_random;
  hello.cipher_suites = offered_suites;
  hello.compression_methods = compression;
  hello.extensions = client_extensions.list();
  const bytes hello_bytes = encode_message(hello);
  client_transcript.update(hello_bytes);
  TRY_OR_REFUSE(std::size_t n, client, "sends ClientHello", client_out.send(content_type::handshake, hello_bytes));
  log.say(client,
          "sends ClientHello (%zu bytes, %zu-byte record): supported_versions TLS 1.3, TLS_AES_128_GCM_SHA256, "
          "X25519 key share %s, signature_algorithms (3), server_name %s",
          hello_bytes.size(), n, hex_start(client_share).c_str(), s.host.c_str());

  // ---- 2. server ← ClientHello; ECDHE; server → ServerHello
  TRY_OR_REFUSE(const received<client_hello> ch, server, "reads ClientHello", receive<client_hello>(server_in, at_server));
  server_transcript.update(ch.message.raw);
  OR_REFUSE(server, "checks ClientHello (RFC 8446 rules)", validate(ch.body));
  OR_REFUSE(server, "picks TLS 1.3", require(offers_tls13(ch.body), alert_description::protocol_version));
  OR_REFUSE(server, "picks a cipher suite", require(ch.body.cipher_suites.contains(suite), alert_description::handshake_failure));
  TRY_OR_REFUSE(const auto offered_sigs, server, "reads signature_algorithms", ch.body.extensions.get<signature_algorithms>());
  OR_REFUSE(server, "picks a signature scheme",
            require(offered_sigs.supported_signature_algorithms.contains(server_signs_with), alert_description::handshake_failure));
  TRY_OR_REFUSE(const auto offered_shares, server, "reads key_share", ch.body.extensions.get<key_share_client_hello>());
  const auto peer_share = offered_shares.find(named_group::x25519);
  // (A client without an X25519 share would get a HelloRetryRequest; this one has it.)
  OR_REFUSE(server, "finds an X25519 share", require(peer_share.has_value(), alert_description::handshake_failure));
  log.say(server, "reads ClientHello (%zu bytes): picks TLS 1.3, TLS_AES_128_GCM_SHA256, X25519, rsa_pss_rsae_sha256",
          ch.message.raw.size());

  typename S::key_share_private_key server_secret;
  std::array<std::uint8_t, 32> server_share{};
  OR_REFUSE(server, "makes its X25519 key share", server_crypto.generate_key_share(named_group::x25519, server_secret, server_share));
  std::array<std::uint8_t, 32> server_shared{};
  OR_REFUSE(server, "computes the ECDHE shared secret",
            server_crypto.derive_shared_secret(server_secret, peer_share->key_exchange.bytes, server_shared));
  std::array<std::uint8_t, random_size> server_random{};
  OR_REFUSE(server, "draws its random", server_crypto.random(server_random));
  extension_builder server_extensions;
  server_extensions.add(supported_versions_server_hello{protocol_version::tls13})
      .add(key_share_server_hello{key_share_entry{named_group::x25519, {server_share}}});
  server_hello sh;
  sh.random = server_random;
  sh.session_id_echo = ch.body.session_id;
  sh.suite = suite;
  sh.extensions = server_extensions.list();
  const bytes sh_bytes = encode_message(sh);
  server_transcript.update(sh_bytes);
  TRY_OR_REFUSE(n, server, "sends ServerHello", server_out.send(content_type::handshake, sh_bytes));
  log.say(server, "sends ServerHello (%zu bytes, %zu-byte record): TLS 1.3, X25519 key share %s",
          sh_bytes.size(), n, hex_start(server_share).c_str());

  // RFC 8446 §7.1: Handshake Secret = HKDF-Extract(Derive-Secret(Early, "derived"), ECDHE).
  server_schedule server_keys;
  OR_REFUSE(server, "enters the handshake stage", server_keys.enter_handshake(server_shared));
  secure_wipe(server_shared);
  const auto server_hello_hash = server_transcript.current();
  const auto s_server_hs = server_keys.server_handshake_traffic_secret(server_hello_hash);
  const auto s_client_hs = server_keys.client_handshake_traffic_secret(server_hello_hash);
  OR_REFUSE(server, "keys its handshake records", server_out.protect_tls13(aead, server_schedule::traffic_keys_for(s_server_hs.view(), aead)));
  OR_REFUSE(server, "keys the client's handshake records", server_in.protect_tls13(aead, server_schedule::traffic_keys_for(s_client_hs.view(), aead)));
  log.say(server, "derives the handshake secret (HKDF-Extract over the shared secret) and both handshake traffic "
          "secrets (%zu bytes each) from the ClientHello..ServerHello hash", s_server_hs.size());

  // ---- 2b. server → {EncryptedExtensions, Certificate, CertificateVerify, Finished}, one encrypted record
  const bytes ee_bytes = encode_message(encrypted_extensions{});
  server_transcript.update(ee_bytes);
  tls13_certificate certificate;
  const std::array<certificate_entry, 2> entries{certificate_entry{asn1_cert{s.server_cert}, {}},
                                                 certificate_entry{asn1_cert{s.intermediate_cert}, {}}};
  certificate.certificate_list = entries;
  const bytes cert_bytes = encode_message(certificate);
  server_transcript.update(cert_bytes);
  TRY_OR_REFUSE(const typename S::private_key server_key, server, "loads its private key", load_server_key(server_crypto, s));
  const bytes to_sign = certificate_verify_content(server_transcript.current());
  std::array<std::uint8_t, max_signature_size> signature{};
  TRY_OR_REFUSE(const std::size_t signature_size, server, "signs the transcript",
                server_crypto.sign(server_key, server_signs_with, to_sign, signature));
  certificate_verify cv;
  cv.signed_content.algorithm = server_signs_with;
  cv.signed_content.signature = {bytes_view(signature.data(), signature_size)};
  const bytes cv_bytes = encode_message(cv);
  server_transcript.update(cv_bytes);
  auto server_verify = server_schedule::finished_verify_data(s_server_hs.view(), server_transcript.current());
  if (f.tamper_server_finished) {
    server_verify.span()[0] ^= 0x01;
    log.say(server, "(fault injected) flips one bit of its verify_data");
  }
  const bytes server_finished = encode_message(finished{server_verify.view()});
  server_transcript.update(server_finished);
  bytes flight;
  for (const bytes* m : {&ee_bytes, &cert_bytes, &cv_bytes, &server_finished}) flight.insert(flight.end(), m->begin(), m->end());
  TRY_OR_REFUSE(n, server, "sends its encrypted flight", server_out.send(content_type::handshake, flight));
  log.say(server,
          "sends EncryptedExtensions (%zu bytes), Certificate (%zu bytes: leaf + intermediate), CertificateVerify "
          "(%zu bytes: RSA-PSS signature of %zu bytes), Finished (%zu bytes, HMAC with its finished_key) in one "
          "%zu-byte encrypted record",
          ee_bytes.size(), cert_bytes.size(), cv_bytes.size(), signature_size, server_finished.size(), n);
  if (f.tamper_handshake_record) {
    to_client.data[to_client.data.size() - 100] ^= 0x01;
    log.say("network", "(fault injected) flips one bit of that encrypted record in transit");
  }
  // RFC 8446 §7.1: Master Secret, then the application traffic secrets over ClientHello..server Finished.
  server_keys.enter_master();
  const auto server_app_hash = server_transcript.current();
  const auto s_client_app = server_keys.client_application_traffic_secret_0(server_app_hash);
  const auto s_server_app = server_keys.server_application_traffic_secret_0(server_app_hash);
  log.say(server, "derives the master secret and both application traffic secrets");

  // ---- 3. client ← ServerHello; ECDHE; handshake keys
  TRY_OR_REFUSE(const received<server_hello> shr, client, "reads ServerHello", receive<server_hello>(client_in, at_client));
  client_transcript.update(shr.message.raw);
  OR_REFUSE(client, "checks ServerHello against its offer", validate(shr.body, hello));
  TRY_OR_REFUSE(const protocol_version version, client, "reads the version", negotiated_version(shr.body));
  OR_REFUSE(client, "checks the version", require(version == protocol_version::tls13, alert_description::protocol_version));
  TRY_OR_REFUSE(const auto their_share, client, "reads key_share", shr.body.extensions.get<key_share_server_hello>());
  std::array<std::uint8_t, 32> client_shared{};
  OR_REFUSE(client, "computes the ECDHE shared secret",
            client_crypto.derive_shared_secret(client_secret, their_share.server_share.key_exchange.bytes, client_shared));
  client_schedule client_keys;
  OR_REFUSE(client, "enters the handshake stage", client_keys.enter_handshake(client_shared));
  secure_wipe(client_shared);
  const auto client_hello_hash = client_transcript.current();
  const auto c_server_hs = client_keys.server_handshake_traffic_secret(client_hello_hash);
  const auto c_client_hs = client_keys.client_handshake_traffic_secret(client_hello_hash);
  OR_REFUSE(client, "keys the server's handshake records", client_in.protect_tls13(aead, client_schedule::traffic_keys_for(c_server_hs.view(), aead)));
  OR_REFUSE(client, "keys its handshake records", client_out.protect_tls13(aead, client_schedule::traffic_keys_for(c_client_hs.view(), aead)));
  log.say(client, "reads ServerHello (%zu bytes): TLS 1.3; computes the same X25519 shared secret and handshake traffic secrets",
          shr.message.raw.size());

  // ---- client ← EncryptedExtensions, Certificate (checked against its CA), CertificateVerify, Finished
  TRY_OR_REFUSE(const received<encrypted_extensions> ee, client, "opens the server's encrypted flight", receive<encrypted_extensions>(client_in, at_client));
  client_transcript.update(ee.message.raw);
  OR_REFUSE(client, "checks EncryptedExtensions", validate(ee.body, hello.extensions));
  log.say(client, "opens the %zu-byte record (AES-128-GCM tag verified); reads EncryptedExtensions (%zu bytes)",
          client_in.last_record_size(), ee.message.raw.size());

  TRY_OR_REFUSE(const received<tls13_certificate> cert, client, "reads Certificate", receive<tls13_certificate>(client_in, at_client));
  client_transcript.update(cert.message.raw);
  OR_REFUSE(client, "checks Certificate", validate(cert.body, sender::server, hello.extensions));
  // The record's plaintext buffer is reused by the next record: keep copies.
  std::vector<bytes> chain_copy;
  for (const certificate_entry& e : cert.body.certificate_list) chain_copy.emplace_back(e.cert_data.bytes.begin(), e.cert_data.bytes.end());
  const std::vector<bytes_view> chain(chain_copy.begin(), chain_copy.end());
  log.say(client, "reads Certificate (%zu bytes): %zu certificates", cert.message.raw.size(), chain.size());
  TRY_OR_REFUSE(const x509::verified_chain verified, client, "checks the certificate chain",
                check_server_chain(client_crypto, s, f, chain, log));

  const bytes signed_content = certificate_verify_content(client_transcript.current());
  TRY_OR_REFUSE(const received<certificate_verify> cvr, client, "reads CertificateVerify", receive<certificate_verify>(client_in, at_client));
  OR_REFUSE(client, "checks the signature scheme was offered", validate(cvr.body, signature_algorithms{schemes}.supported_signature_algorithms));
  OR_REFUSE(client, "verifies CertificateVerify",
            client_crypto.verify(verified.leaf.public_key.raw, cvr.body.algorithm(), signed_content, cvr.body.signature()));
  client_transcript.update(cvr.message.raw);
  const auto scheme_name = to_string(cvr.body.algorithm());
  log.say(client, "reads CertificateVerify (%zu bytes): the %.*s signature over the transcript verifies with the leaf's key",
          cvr.message.raw.size(), static_cast<int>(scheme_name.size()), scheme_name.data());

  TRY_OR_REFUSE(const received<finished> sfin, client, "reads the server's Finished", receive<finished>(client_in, at_client));
  OR_REFUSE(client, "checks the server's Finished",
            client_schedule::verify_finished(c_server_hs.view(), client_transcript.current(), sfin.body.verify_data));
  client_transcript.update(sfin.message.raw);
  log.say(client, "reads Finished (%zu bytes): verify_data matches (constant-time compare)", sfin.message.raw.size());

  client_keys.enter_master();
  const auto client_app_hash = client_transcript.current();
  const auto c_client_app = client_keys.client_application_traffic_secret_0(client_app_hash);
  const auto c_server_app = client_keys.server_application_traffic_secret_0(client_app_hash);

  // ---- client → Finished (under its handshake keys), then application keys
  const auto client_verify = client_schedule::finished_verify_data(c_client_hs.view(), client_transcript.current());
  bytes client_finished = encode_message(finished{client_verify.view()});
  if (f.tamper_client_finished) {
    client_finished.back() ^= 0x01;
    log.say(client, "(fault injected) flips one bit of its verify_data");
  }
  client_transcript.update(client_finished);
  TRY_OR_REFUSE(n, client, "sends Finished", client_out.send(content_type::handshake, client_finished));
  OR_REFUSE(client, "keys its application records", client_out.protect_tls13(aead, client_schedule::traffic_keys_for(c_client_app.view(), aead)));
  OR_REFUSE(client, "keys the server's application records", client_in.protect_tls13(aead, client_schedule::traffic_keys_for(c_server_app.view(), aead)));
  log.say(client, "derives the application traffic secrets; sends Finished (%zu bytes, %zu-byte encrypted record)",
          client_finished.size(), n);

  // ---- server ← Finished
  TRY_OR_REFUSE(const received<finished> cfin, server, "opens the client's Finished record", receive<finished>(server_in, at_server));
  OR_REFUSE(server, "checks the client's Finished",
            server_schedule::verify_finished(s_client_hs.view(), server_transcript.current(), cfin.body.verify_data));
  server_transcript.update(cfin.message.raw);
  OR_REFUSE(server, "keys its application records", server_out.protect_tls13(aead, server_schedule::traffic_keys_for(s_server_app.view(), aead)));
  OR_REFUSE(server, "keys the client's application records", server_in.protect_tls13(aead, server_schedule::traffic_keys_for(s_client_app.view(), aead)));
  log.say(server, "reads Finished: verify_data matches; the handshake is complete");

  // ---- application data
  return exchange_application_data(log, f, client_out, server_in, server_out, client_in, to_server);
}

// Which crypto library each peer uses.
enum class backends : std::uint8_t { openssl_both, openssl_client_mbedtls_server, mbedtls_client_openssl_server };

outcome run(backends crypto, bool tls13, const setup& s, const faults& f, const char* name) {
  switch (crypto) {
    case backends::openssl_both: break;
#ifdef TLSWIRE_WALKTHROUGH_HAVE_MBEDTLS
    case backends::openssl_client_mbedtls_server:
      return tls13 ? run_tls13<openssl_provider, mbedtls_provider>(s, f, name)
                   : run_tls12<openssl_provider, mbedtls_provider>(s, f, name);
    case backends::mbedtls_client_openssl_server:
      return tls13 ? run_tls13<mbedtls_provider, openssl_provider>(s, f, name)
                   : run_tls12<mbedtls_provider, openssl_provider>(s, f, name);
#else
    default: break;
#endif
  }
  return tls13 ? run_tls13<openssl_provider, openssl_provider>(s, f, name)
               : run_tls12<openssl_provider, openssl_provider>(s, f, name);
}

}  // namespace
}  // namespace walkthrough

int main(int argc, char** argv) {
  using namespace walkthrough;
  const std::string vectors = argc > 1 ? argv[1] : TLSWIRE_VECTORS_DIR;
  setup s;
  s.server_key_der = read_file(vectors + "/keys/rsa2048.key.der");
  s.server_cert = read_file(vectors + "/x509/chain/server.der");
  s.intermediate_cert = read_file(vectors + "/x509/chain/intermediate.der");
  s.root_cert = read_file(vectors + "/x509/chain/root-ca.der");
  s.other_root_cert = read_file(vectors + "/x509/chain/other-root-ca.der");
  s.now = static_cast<std::int64_t>(std::time(nullptr));

  // What each run must do: complete, or be refused by the named side at the
  // named step with the named alert (and not anywhere earlier).
  struct scenario {
    const char* name;
    bool tls13;
    faults f;
    const char* expected_refusal;  // nullptr: must complete
    alert_description expected_alert;
    backends crypto = backends::openssl_both;
  };
  const scenario scenarios[] = {
      {"TLS 1.2, RSA key transport, AES-128-GCM, extended master secret", false, {}, nullptr, {}},
      {"TLS 1.3, X25519 + HKDF, AES-128-GCM", true, {}, nullptr, {}},
      {"TLS 1.2 with a tampered client Finished", false, {.tamper_client_finished = true},
       "server checks the client's Finished", alert_description::decrypt_error},
      {"TLS 1.2 with a tampered server Finished", false, {.tamper_server_finished = true},
       "client checks the server's Finished", alert_description::decrypt_error},
      {"TLS 1.3 with a tampered server Finished", true, {.tamper_server_finished = true},
       "client checks the server's Finished", alert_description::decrypt_error},
      {"TLS 1.3 with a tampered client Finished", true, {.tamper_client_finished = true},
       "server checks the client's Finished", alert_description::decrypt_error},
      {"TLS 1.2 with an application data record tampered in transit", false, {.tamper_application_record = true},
       "server opens the request record", alert_description::bad_record_mac},
      {"TLS 1.3 with an application data record tampered in transit", true, {.tamper_application_record = true},
       "server opens the request record", alert_description::bad_record_mac},
      {"TLS 1.3 with the encrypted handshake record tampered in transit", true, {.tamper_handshake_record = true},
       "client opens the server's encrypted flight", alert_description::bad_record_mac},
      {"TLS 1.2 where the client trusts another CA", false, {.client_trusts_other_ca = true},
       "client checks the certificate chain", alert_description::unknown_ca},
      {"TLS 1.3 where the client trusts another CA", true, {.client_trusts_other_ca = true},
       "client checks the certificate chain", alert_description::unknown_ca},
      // RFC 5246 §7.4.7.1: the server goes on with a random premaster, so its
      // keys differ from the client's and the first record under them — the
      // client's Finished — does not authenticate. Nothing fails earlier.
      {"TLS 1.2 with a premaster ciphertext of wrong PKCS#1 padding", false, {.bad_premaster_padding = true},
       "server opens the client's Finished record", alert_description::bad_record_mac},
#ifdef TLSWIRE_WALKTHROUGH_HAVE_MBEDTLS
      // The same handshakes with the two peers on different crypto libraries.
      {"TLS 1.2, RSA key transport; client on OpenSSL, server on Mbed TLS", false, {}, nullptr, {},
       backends::openssl_client_mbedtls_server},
      {"TLS 1.3, X25519 + HKDF; client on Mbed TLS, server on OpenSSL", true, {}, nullptr, {},
       backends::mbedtls_client_openssl_server},
      {"TLS 1.3, X25519 + HKDF; client on OpenSSL, server on Mbed TLS", true, {}, nullptr, {},
       backends::openssl_client_mbedtls_server},
      {"TLS 1.2 with a premaster of wrong PKCS#1 padding; server on Mbed TLS", false, {.bad_premaster_padding = true},
       "server opens the client's Finished record", alert_description::bad_record_mac,
       backends::openssl_client_mbedtls_server},
#endif
  };

  std::size_t passed = 0;
  std::size_t index = 0;
  for (const scenario& sc : scenarios) {
    ++index;
    const std::string tag = (sc.tls13 ? "1.3 #" : "1.2 #") + std::to_string(index);
    std::printf("\n== %s\n", sc.name);
    const outcome o = run(sc.crypto, sc.tls13, s, sc.f, tag.c_str());
    bool as_expected = false;
    if (sc.expected_refusal == nullptr) {
      as_expected = o.completed;
    } else {
      as_expected = !o.completed && o.refused_by == sc.expected_refusal && o.alert == sc.expected_alert;
    }
    if (as_expected) {
      ++passed;
      if (sc.expected_refusal == nullptr)
        std::printf("   => as expected: completed\n");
      else
        std::printf("   => as expected: refused where the %s, with alert %s\n", sc.expected_refusal,
                    std::string(to_string(sc.expected_alert)).c_str());
    } else {
      std::printf("   => UNEXPECTED: %s\n", o.completed ? "completed" : ("refused where the " + o.refused_by).c_str());
    }
  }
  const std::size_t total = std::size(scenarios);
  if (passed == total) {
    std::printf("\nhandshake_walkthrough: all %zu scenarios behaved as expected\n", total);
    return 0;
  }
  std::printf("\nhandshake_walkthrough: %zu of %zu scenarios did NOT behave as expected\n", total - passed, total);
  return 1;
}
