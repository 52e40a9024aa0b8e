// crypto/provider.hpp: which providers satisfy which concepts, and how a
// provider's compile-time list of algorithms is read. Everything here is
// decided at compile time.
//
// The diagnostic for a missing algorithm (a build that must FAIL) is checked
// by the CTest test `crypto_missing_algorithm_diagnostic`, which compiles
// tests/crypto/missing_algorithm.cpp.in and expects the message
//   "tlswire: this crypto provider does not support ChaCha20-Poly1305 (RFC 8439)"
// That file does, in short:
//   static_assert(tlswire::require_support<tlswire::reference_provider,
//                                          tlswire::aead_id::chacha20_poly1305>);
#include <catch2/catch.hpp>

#include "crypto/fake_provider.hpp"
#include "tlswire/crypto/provider.hpp"
#include "tlswire/providers/reference/provider.hpp"

namespace {

using namespace tlswire;
using tlswire::test::fake_provider;

TEST_CASE("reference provider is a hash provider with SHA-256 and SHA-384", "[crypto][concept]") {
  STATIC_REQUIRE(hash_function<reference_provider::sha256>);
  STATIC_REQUIRE(hash_function<reference_provider::sha384>);
  STATIC_REQUIRE(hash_provider<reference_provider>);
  STATIC_REQUIRE(provides_hash_family<reference_provider, hash_id::sha384>);
  STATIC_REQUIRE(std::same_as<hash_type<reference_provider, hash_id::sha384>, reference::sha384>);
  STATIC_REQUIRE(provider_supports<reference_provider>(hash_id::sha256));
  STATIC_REQUIRE(provider_supports<reference_provider>(hash_id::sha384));
  STATIC_REQUIRE(require_support<reference_provider, hash_id::sha384>);
}

TEST_CASE("reference provider is refused where AEAD, key exchange or signatures are needed",
          "[crypto][concept]") {
  STATIC_REQUIRE_FALSE(aead_provider<reference_provider>);
  STATIC_REQUIRE_FALSE(key_exchange_provider<reference_provider>);
  STATIC_REQUIRE_FALSE(signature_provider<reference_provider>);
  STATIC_REQUIRE_FALSE(rsa_key_transport_provider<reference_provider>);
  STATIC_REQUIRE_FALSE(random_provider<reference_provider>);
  STATIC_REQUIRE_FALSE(crypto_provider<reference_provider>);
  for (auto a : all_aeads) CHECK_FALSE(provider_supports<reference_provider>(a));
  for (auto g : all_key_exchange_groups) CHECK_FALSE(provider_supports<reference_provider>(g));
  for (auto s : all_signature_schemes) CHECK_FALSE(provider_supports<reference_provider>(s));
  STATIC_REQUIRE_FALSE(provider_supports<reference_provider>(key_transport_id::rsa_pkcs1));
}

TEST_CASE("a provider with every family is a crypto_provider", "[crypto][concept]") {
  STATIC_REQUIRE(crypto_provider<fake_provider>);
}

TEST_CASE("a provider's supports() decides each algorithm at compile time", "[crypto][concept]") {
  // fake_provider leaves out ChaCha20-Poly1305, secp384r1, ed25519 and SHA-384.
  STATIC_REQUIRE(provider_supports<fake_provider>(aead_id::aes_128_gcm));
  STATIC_REQUIRE_FALSE(provider_supports<fake_provider>(aead_id::chacha20_poly1305));
  STATIC_REQUIRE(provider_supports<fake_provider>(named_group::x25519));
  STATIC_REQUIRE_FALSE(provider_supports<fake_provider>(named_group::secp384r1));
  STATIC_REQUIRE_FALSE(provider_supports<fake_provider>(named_group::ffdhe2048));
  STATIC_REQUIRE(provider_supports<fake_provider>(signature_scheme::rsa_pss_rsae_sha256));
  STATIC_REQUIRE_FALSE(provider_supports<fake_provider>(signature_scheme::ed25519));
  STATIC_REQUIRE_FALSE(provider_supports<fake_provider>(hash_id::sha384));
  STATIC_REQUIRE(require_support<fake_provider, aead_id::aes_128_gcm>);
  STATIC_REQUIRE(require_support<fake_provider, named_group::x25519>);
  STATIC_REQUIRE(require_support<fake_provider, signature_scheme::rsa_pss_rsae_sha256>);
}

struct move_only_hash {
  [[maybe_unused]] static constexpr std::size_t digest_size = 32;
  [[maybe_unused]] static constexpr std::size_t block_size = 64;
  move_only_hash() = default;
  move_only_hash(move_only_hash&&) = default;
  move_only_hash& operator=(move_only_hash&&) = default;
  void update(bytes_view) {}
  void finish(mutable_bytes) {}
};

TEST_CASE("a hash without copy is not a hash_function (transcript snapshots need copies)",
          "[crypto][concept]") {
  STATIC_REQUIRE_FALSE(hash_function<move_only_hash>);
  STATIC_REQUIRE(hash_function<reference::sha256>);
}

TEST_CASE("TLS sizes of AEADs, key shares and shared secrets", "[crypto][algorithms]") {
  STATIC_REQUIRE(aead_key_size(aead_id::aes_128_gcm) == 16);
  STATIC_REQUIRE(aead_key_size(aead_id::aes_256_gcm) == 32);
  STATIC_REQUIRE(aead_key_size(aead_id::chacha20_poly1305) == 32);
  STATIC_REQUIRE(aead_key_size(aead_id::aes_128_ccm_8) == 16);
  STATIC_REQUIRE(aead_tag_size(aead_id::aes_128_ccm) == 16);
  STATIC_REQUIRE(aead_tag_size(aead_id::aes_128_ccm_8) == 8);
  STATIC_REQUIRE(key_share_size(named_group::x25519) == 32);
  STATIC_REQUIRE(key_share_size(named_group::secp256r1) == 65);
  STATIC_REQUIRE(key_share_size(named_group::secp384r1) == 97);
  STATIC_REQUIRE(shared_secret_size(named_group::secp384r1) == 48);
  STATIC_REQUIRE(digest_size(hash_id::sha384) == 48);
  STATIC_REQUIRE(to_string(aead_id::aes_128_ccm_8) == "AES-128-CCM-8");
}

}  // namespace
