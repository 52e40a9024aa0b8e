// A whole in-memory TLS 1.3 handshake, client and server engines with the
// OpenSSL provider (X25519, ECDSA P-256 CertificateVerify, AES-128-GCM),
// against the floor: the same public-key operations through the same
// provider alone (two key shares, two ECDH derivations, one ECDSA sign,
// one verify), measured in the same run. Prints both and the ratio.
// Buffers and the server's key are set up once; each round constructs the
// two engines in place and runs the handshake to completion.
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#if __has_include(<openssl/evp.h>)
#include <tlswire/engine/client.hpp>
#include <tlswire/engine/server.hpp>
#include <tlswire/providers/openssl.hpp>

using namespace tlswire;
using namespace tlswire::engine;
using P = openssl_provider;

namespace {

std::vector<std::uint8_t> load(const std::string& name) {
  std::ifstream in(std::string(TLSWIRE_VECTORS_DIR) + "/" + name, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct config {
  static constexpr std::array cipher_suites{cipher_suite::tls_aes_128_gcm_sha256};
  static constexpr std::array groups{named_group::x25519};
  static constexpr std::array signature_schemes{signature_scheme::ecdsa_secp256r1_sha256};
  static constexpr bool middlebox_compatibility = true;
};

struct memory {
  std::vector<std::uint8_t> in = std::vector<std::uint8_t>(full_record_buffer_size);
  std::vector<std::uint8_t> out = std::vector<std::uint8_t>(full_record_buffer_size);
  std::vector<std::uint8_t> handshake = std::vector<std::uint8_t>(1 << 14);
  std::vector<std::uint8_t> keep = std::vector<std::uint8_t>(1 << 14);
  engine_buffers buffers() { return {mutable_bytes(in), mutable_bytes(out), mutable_bytes(handshake), mutable_bytes(keep)}; }
};

struct accept_chain {
  status operator()(const tls13_certificate&) const { return {}; }
};

template <class F>
double best_microseconds(int repeats, int rounds, F&& f) {
  double best = 1e30;
  for (int r = 0; r < repeats; ++r) {
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < rounds; ++i) f();
    const double us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count() / rounds;
    if (us < best) best = us;
  }
  return best;
}

template <class A, class B>
bool move_bytes(A& from, B& to) {
  const bytes_view out = from.pending_output();
  if (out.empty()) return false;
  from.sent(to.feed(out));
  while (to.next_event().type != event_type::none) {
  }
  return true;
}

}  // namespace

int main() {
  P client_crypto, server_crypto;
  const auto leaf = load("x509/chain/server-p256.der");
  const auto intermediate = load("x509/chain/intermediate.der");
  const auto key_der = load("keys/p256.key.der");
  const auto spki = load("keys/p256.spki.der");
  P::private_key key;
  if (leaf.empty() || !server_crypto.load_private_key(key_der, key).ok()) {
    std::printf("engine handshake: test vectors not found\n");
    return 1;
  }
  const std::array<bytes_view, 2> chain{bytes_view(leaf), bytes_view(intermediate)};
  const std::array<signature_scheme, 1> schemes{signature_scheme::ecdsa_secp256r1_sha256};
  memory cm, sm;
  accept_chain check;
  client_options co;
  co.server_name = bytes_view(reinterpret_cast<const std::uint8_t*>("server.tlswire.test"), 19);  // NOLINT
  co.check_certificate = check;
  server_options<P> so;
  so.certificate_chain = chain;
  so.private_key = &key;
  so.key_schemes = schemes;

  bool all_done = true;
  const double engines = best_microseconds(5, 200, [&] {
    std::optional<client<P, config>> c;
    std::optional<server<P, config>> s;
    s.emplace(server_crypto, sm.buffers(), so);
    c.emplace(client_crypto, cm.buffers(), co);
    while (move_bytes(*c, *s) || move_bytes(*s, *c)) {
    }
    all_done = all_done && c->handshake_done() && s->handshake_done();
  });

  // The floor: the public-key work of one handshake, through the provider alone.
  const double floor = best_microseconds(5, 200, [&] {
    P::key_share_private_key a, b;
    std::array<std::uint8_t, 32> pa{}, pb{}, sa{}, sb{};
    (void)client_crypto.generate_key_share(named_group::x25519, a, pa);
    (void)server_crypto.generate_key_share(named_group::x25519, b, pb);
    (void)server_crypto.derive_shared_secret(b, pa, sb);
    (void)client_crypto.derive_shared_secret(a, pb, sa);
    std::array<std::uint8_t, 130> content{};
    std::array<std::uint8_t, max_signature_size> signature{};
    const auto n = server_crypto.sign(key, signature_scheme::ecdsa_secp256r1_sha256, content, signature);
    (void)client_crypto.verify(spki, signature_scheme::ecdsa_secp256r1_sha256, content,
                               bytes_view(signature.data(), n ? *n : 0));
  });
  std::printf("TLS 1.3 in-memory handshake (X25519, ECDSA P-256, AES-128-GCM), client + server engines: %.1f us\n", engines);
  std::printf("floor (2 keygen, 2 ECDH, 1 sign, 1 verify through the OpenSSL provider):            %.1f us\n", floor);
  std::printf("engines / floor: %.2f%s\n", engines / floor, all_done ? "" : "   (HANDSHAKE DID NOT COMPLETE)");
  std::printf("sizeof(client) = %zu, sizeof(server) = %zu\n", sizeof(client<P, config>), sizeof(server<P, config>));
  return all_done ? 0 : 1;
}
#else
int main() {
  std::printf("engine handshake: OpenSSL headers not found, skipped\n");
  return 0;
}
#endif
