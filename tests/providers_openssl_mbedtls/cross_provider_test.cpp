// Cross-provider checks: what OpenSSL seals, encrypts, signs or shares,
// Mbed TLS opens, decrypts, verifies and agrees on, and the other way round;
// and both compute the same hashes, MACs and KDF outputs as the reference
// provider on inputs of many lengths. The one evidence for AES-128-CCM with a
// 16-byte tag and a 12-byte nonce, which has no published known answer.
#include <catch2/catch.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "support/hex.hpp"
#include "support/read_vector_file.hpp"
#include "tlswire/crypto/provider.hpp"
#include "tlswire/crypto/rsa_premaster.hpp"
#include "tlswire/providers/mbedtls.hpp"
#include "tlswire/providers/openssl.hpp"
#include "tlswire/providers/reference/provider.hpp"

namespace {

using namespace tlswire;
using tlswire::test::read_vector_file;
using tlswire::test::to_hex;

// Deterministic filler so a failure is reproducible.
std::vector<std::uint8_t> pattern(std::size_t n, std::uint8_t seed) {
  std::vector<std::uint8_t> v(n);
  std::uint32_t x = 0x9e3779b9u * (seed + 1u);
  for (auto& b : v) {
    x = x * 1664525u + 1013904223u;
    b = static_cast<std::uint8_t>(x >> 24);
  }
  return v;
}

template <class P, class H>
std::vector<std::uint8_t> digest(bytes_view m) {
  H h;
  h.update(m);
  std::vector<std::uint8_t> d(H::digest_size);
  h.finish(d);
  return d;
}

template <class P, hash_id Id>
void check_hash_family_agrees(std::size_t length) {
  using HO = hash_type<openssl_provider, Id>;
  using HM = hash_type<mbedtls_provider, Id>;
  using HR = hash_type<reference_provider, Id>;
  constexpr std::size_t L = HO::digest_size;
  const auto msg = pattern(length, 1);
  const auto key = pattern(length % 200, 2);
  const auto reference = digest<reference_provider, HR>(msg);
  CHECK(digest<openssl_provider, HO>(msg) == reference);
  CHECK(digest<mbedtls_provider, HM>(msg) == reference);

  std::array<std::uint8_t, L> mo{}, mm{}, mr{};
  openssl_provider::hmac<HO>(key, msg, mo);
  mbedtls_provider::hmac<HM>(key, msg, mm);
  reference_provider::hmac<HR>(key, msg, mr);
  CHECK(mo == mr);
  CHECK(mm == mr);

  std::array<std::uint8_t, L> po{}, pm{}, pr{};
  openssl_provider::hkdf_extract<HO>(key, msg, po);
  mbedtls_provider::hkdf_extract<HM>(key, msg, pm);
  reference_provider::hkdf_extract<HR>(key, msg, pr);
  CHECK(po == pr);
  CHECK(pm == pr);
  std::vector<std::uint8_t> oo(length % 300), om(length % 300), orf(length % 300);
  REQUIRE(openssl_provider::hkdf_expand<HO>(pr, msg, oo));
  REQUIRE(mbedtls_provider::hkdf_expand<HM>(pr, msg, om));
  REQUIRE(reference_provider::hkdf_expand<HR>(pr, msg, orf));
  CHECK(oo == orf);
  CHECK(om == orf);
}

TEST_CASE("OpenSSL, Mbed TLS and the reference agree on SHA-2, HMAC and HKDF for lengths 0-300",
          "[cross][hash]") {
  for (std::size_t length = 0; length <= 300; length += (length < 140 ? 1 : 37)) {
    INFO("length " << length);
    check_hash_family_agrees<openssl_provider, hash_id::sha256>(length);
    check_hash_family_agrees<openssl_provider, hash_id::sha384>(length);
  }
}

template <class From, class To>
void check_aead_crosses(aead_id id) {
  INFO(to_string(id));
  const auto key = pattern(aead_key_size(id), 3);
  typename From::aead_key sealer;
  typename To::aead_key opener;
  REQUIRE(sealer.set_key(id, key).ok());
  REQUIRE(opener.set_key(id, key).ok());
  for (std::size_t length : {0, 1, 15, 16, 17, 255, 4096, 16384 + 256}) {
    INFO("length " << length);
    const auto plaintext = pattern(length, 4);
    const auto aad = pattern(13, 5);
    const auto nonce = pattern(12, static_cast<std::uint8_t>(length));
    std::vector<std::uint8_t> sealed(length + aead_tag_size(id)), opened(length);
    REQUIRE(sealer.seal(nonce, aad, plaintext, sealed).ok());
    REQUIRE(opener.open(nonce, aad, sealed, opened).ok());
    CHECK(opened == plaintext);
    // Both sides compute the same ciphertext (AEADs are deterministic).
    std::vector<std::uint8_t> sealed_back(sealed.size());
    REQUIRE(opener.seal(nonce, aad, plaintext, sealed_back).ok());
    CHECK(sealed_back == sealed);
    sealed.back() ^= 1;
    CHECK(opener.open(nonce, aad, sealed, opened).error().code == errc::bad_record_mac);
  }
}

TEST_CASE("what one provider seals the other opens, for every AEAD", "[cross][aead]") {
  for (aead_id id : all_aeads) {
    check_aead_crosses<openssl_provider, mbedtls_provider>(id);
    check_aead_crosses<mbedtls_provider, openssl_provider>(id);
  }
}

TEST_CASE("OpenSSL and Mbed TLS agree on a shared secret in every group", "[cross][kx]") {
  openssl_provider o;
  mbedtls_provider m;
  for (named_group g : all_key_exchange_groups) {
    INFO(to_string(g));
    openssl_provider::key_share_private_key ko;
    mbedtls_provider::key_share_private_key km;
    std::vector<std::uint8_t> po(key_share_size(g)), pm(key_share_size(g));
    REQUIRE(o.generate_key_share(g, ko, po).ok());
    REQUIRE(m.generate_key_share(g, km, pm).ok());
    std::vector<std::uint8_t> so(shared_secret_size(g)), sm(shared_secret_size(g));
    REQUIRE(o.derive_shared_secret(ko, pm, so).ok());
    REQUIRE(m.derive_shared_secret(km, po, sm).ok());
    CHECK(to_hex(so) == to_hex(sm));
  }
}

TEST_CASE("an imported private value gives the same secret in both providers", "[cross][kx]") {
  openssl_provider o;
  mbedtls_provider m;
  for (named_group g : all_key_exchange_groups) {
    INFO(to_string(g));
    // A peer's fresh share, and one fixed scalar imported into both.
    openssl_provider::key_share_private_key peer;
    std::vector<std::uint8_t> peer_public(key_share_size(g));
    REQUIRE(o.generate_key_share(g, peer, peer_public).ok());
    auto scalar = pattern(shared_secret_size(g), 6);
    scalar[0] = 0x01;  // keep a NIST scalar below the group order
    openssl_provider::key_share_private_key ko;
    mbedtls_provider::key_share_private_key km;
    REQUIRE(o.import_key_share(g, scalar, ko).ok());
    REQUIRE(m.import_key_share(g, scalar, km).ok());
    std::vector<std::uint8_t> so(shared_secret_size(g)), sm(shared_secret_size(g));
    REQUIRE(o.derive_shared_secret(ko, peer_public, so).ok());
    REQUIRE(m.derive_shared_secret(km, peer_public, sm).ok());
    CHECK(to_hex(so) == to_hex(sm));
  }
}

template <class Signer, class Verifier>
void check_signatures_cross(Signer& signer, Verifier& verifier) {
  struct case_ {
    const char* key;
    signature_scheme scheme;
  };
  const case_ cases[] = {
      {"rsa2048", signature_scheme::rsa_pss_rsae_sha256},
      {"rsa2048", signature_scheme::rsa_pss_rsae_sha384},
      {"rsa2048", signature_scheme::rsa_pkcs1_sha256},
      {"rsa2048", signature_scheme::rsa_pkcs1_sha384},
      {"p256", signature_scheme::ecdsa_secp256r1_sha256},
      {"p384", signature_scheme::ecdsa_secp384r1_sha384},
  };
  const auto message = pattern(130, 7);  // a CertificateVerify-sized input
  for (const auto& c : cases) {
    INFO(c.key << " " << to_string(c.scheme));
    typename Signer::private_key key;
    REQUIRE(
        signer.load_private_key(read_vector_file(std::string("keys/") + c.key + ".key.der"), key)
            .ok());
    const auto spki = read_vector_file(std::string("keys/") + c.key + ".spki.der");
    std::array<std::uint8_t, max_signature_size> sig{};
    const auto n = signer.sign(key, c.scheme, message, sig);
    REQUIRE(n.ok());
    CHECK(verifier.verify(spki, c.scheme, message, bytes_view(sig).first(*n)).ok());
    auto other = message;
    other[5] ^= 0x40;
    CHECK_FALSE(verifier.verify(spki, c.scheme, other, bytes_view(sig).first(*n)).ok());
  }
}

TEST_CASE("what one provider signs the other verifies, for every shared scheme",
          "[cross][signature]") {
  openssl_provider o;
  mbedtls_provider m;
  check_signatures_cross(o, m);
  check_signatures_cross(m, o);
}

TEST_CASE("an RSA premaster encrypted by one provider is decrypted by the other", "[cross][rsa]") {
  openssl_provider o;
  mbedtls_provider m;
  const auto key_der = read_vector_file("keys/rsa2048.key.der");
  const auto spki = read_vector_file("keys/rsa2048.spki.der");
  openssl_provider::private_key ko;
  mbedtls_provider::private_key km;
  REQUIRE(o.load_private_key(key_der, ko).ok());
  REQUIRE(m.load_private_key(key_der, km).ok());
  auto premaster = pattern(48, 8);
  premaster[0] = 0x03;
  premaster[1] = 0x03;
  std::array<std::uint8_t, 256> encrypted{};
  std::array<std::uint8_t, 48> out{};

  REQUIRE(o.rsa_pkcs1_encrypt(spki, premaster, encrypted).ok());
  REQUIRE(decrypt_rsa_premaster(m, km, encrypted, protocol_version::tls12, out).ok());
  CHECK(to_hex(out) == to_hex(premaster));

  REQUIRE(m.rsa_pkcs1_encrypt(spki, premaster, encrypted).ok());
  REQUIRE(decrypt_rsa_premaster(o, ko, encrypted, protocol_version::tls12, out).ok());
  CHECK(to_hex(out) == to_hex(premaster));
}

TEST_CASE("Mbed TLS 2.28 refuses an Ed25519 key as unsupported, OpenSSL accepts it",
          "[cross][signature]") {
  const auto der = read_vector_file("keys/ed25519.key.der");
  mbedtls_provider m;
  mbedtls_provider::private_key km;
  const status st = m.load_private_key(der, km);
  REQUIRE_FALSE(st.ok());
  CHECK(st.error().code == errc::unsupported);
  STATIC_REQUIRE_FALSE(provider_supports<mbedtls_provider>(signature_scheme::ed25519));
  STATIC_REQUIRE(provider_supports<openssl_provider>(signature_scheme::ed25519));
  openssl_provider o;
  openssl_provider::private_key ko;
  CHECK(o.load_private_key(der, ko).ok());
}

TEST_CASE("OpenSSL loads the same key from PEM as from DER", "[cross][keys]") {
  openssl_provider o;
  openssl_provider::private_key from_pem;
  REQUIRE(o.load_private_key_pem(read_vector_file("keys/p256.key.pem"), from_pem).ok());
  std::array<std::uint8_t, max_signature_size> sig{};
  const auto n = o.sign(from_pem, signature_scheme::ecdsa_secp256r1_sha256, pattern(10, 9), sig);
  REQUIRE(n.ok());
  mbedtls_provider m;
  CHECK(m.verify(read_vector_file("keys/p256.spki.der"), signature_scheme::ecdsa_secp256r1_sha256,
                 pattern(10, 9), bytes_view(sig).first(*n))
            .ok());
}

}  // namespace
