// The insecure null provider (providers/null_provider.hpp) is what fuzz
// targets drive engines with: it must satisfy every crypto concept, stay
// usable at compile time, and behave as documented — and it must refuse to
// compile without its opt-in macro (checked by the CTest
// `null_provider_refuses_without_opt_in`, see null_provider_guard.cmake).
#define TLSWIRE_I_KNOW_NULL_CRYPTO_IS_INSECURE_FOR_FUZZING_ONLY
#include "tlswire/providers/null_provider.hpp"

#include <array>

#include <catch2/catch.hpp>

#include "tlswire/crypto/provider.hpp"

using namespace tlswire;
using null_p = insecure_null_provider_for_fuzzing;

namespace {

constexpr std::array<std::uint8_t, 3> kAbc{'a', 'b', 'c'};
constexpr std::array<std::uint8_t, 12> kNonce{};

constexpr bool hash_is_deterministic_and_sized() {
  null_p::sha256 a, b;
  a.update(as_view(kAbc));
  b.update(as_view(kAbc).first(1));
  b.update(as_view(kAbc).subspan(1));
  const auto da = a.finish();
  const auto db = b.finish();
  null_p::sha384 c;
  c.update(as_view(kAbc));
  return da.size() == 32 && c.finish().size() == 48 && equal_bytes(as_view(da), as_view(db));
}

constexpr bool hash_depends_on_input() {
  null_p::sha256 a, b;
  a.update(as_view(kAbc));
  b.update(as_view(kAbc).first(2));
  return !equal_bytes(as_view(a.finish()), as_view(b.finish()));
}

constexpr bool aead_is_identity_with_zero_tag() {
  null_p::aead_key k;
  std::array<std::uint8_t, 16> key{};
  if (!k.set_key(aead_id::aes_128_gcm, as_view(key))) return false;
  std::array<std::uint8_t, 3 + 16> sealed{};
  if (!k.seal(as_view(kNonce), {}, as_view(kAbc), mutable_bytes(sealed))) return false;
  std::array<std::uint8_t, 3> opened{};
  if (!k.open(as_view(kNonce), {}, as_view(sealed), mutable_bytes(opened))) return false;
  sealed[5] = 0xff;  // a "forged" tag verifies too
  if (!k.open(as_view(kNonce), {}, as_view(sealed), mutable_bytes(opened))) return false;
  return equal_bytes(as_view(opened), as_view(kAbc)) && sealed[3] == 0 && sealed[18] == 0;
}

constexpr bool aead_refuses_input_shorter_than_tag() {
  null_p::aead_key k;
  std::array<std::uint8_t, 32> key{};
  (void)k.set_key(aead_id::chacha20_poly1305, as_view(key));
  std::array<std::uint8_t, 15> sealed{};
  const status s = k.open(as_view(kNonce), {}, as_view(sealed), mutable_bytes{});
  return !s.ok() && s.error().alert == alert_description::bad_record_mac;
}

constexpr bool key_exchange_gives_fixed_values() {
  null_p p;
  null_p::key_share_private_key priv;
  std::array<std::uint8_t, 65> pub{};
  if (!p.generate_key_share(named_group::secp256r1, priv, mutable_bytes(pub))) return false;
  std::array<std::uint8_t, 32> shared{};
  if (!p.derive_shared_secret(priv, as_view(kAbc), mutable_bytes(shared))) return false;
  return pub[0] == 0x04 && shared[0] == shared[31];
}

constexpr bool signatures_always_verify() {
  null_p p;
  null_p::private_key key;
  if (!p.load_private_key(as_view(kAbc), key)) return false;
  std::array<std::uint8_t, 512> sig{};
  const auto n = p.sign(key, signature_scheme::ed25519, as_view(kAbc), mutable_bytes(sig));
  return n && *n == null_p::signature_size &&
         p.verify(as_view(kAbc), signature_scheme::rsa_pss_rsae_sha256, as_view(kAbc), as_view(kAbc)).ok();
}

constexpr bool hkdf_expand_refuses_over_255_blocks() {
  std::array<std::uint8_t, 255 * 32 + 1> okm{};
  std::array<std::uint8_t, 32> prk{};
  return !null_p::hkdf_expand<null_p::sha256>(as_view(prk), {}, mutable_bytes(okm)) &&
         null_p::hkdf_expand<null_p::sha256>(as_view(prk), {}, mutable_bytes(okm).first(255 * 32));
}

constexpr bool random_is_a_counter() {
  null_p p;
  std::array<std::uint8_t, 4> r{};
  (void)p.random(mutable_bytes(r));
  return r[0] == 0 && r[3] == 3;
}

}  // namespace

TEST_CASE("insecure null provider satisfies every crypto concept", "[null_provider]") {
  STATIC_REQUIRE(hash_provider<null_p>);
  STATIC_REQUIRE(provides_hash_family<null_p, hash_id::sha384>);
  STATIC_REQUIRE(aead_provider<null_p>);
  STATIC_REQUIRE(key_exchange_provider<null_p>);
  STATIC_REQUIRE(signature_provider<null_p>);
  STATIC_REQUIRE(rsa_key_transport_provider<null_p>);
  STATIC_REQUIRE(random_provider<null_p>);
  STATIC_REQUIRE(crypto_provider<null_p>);
  STATIC_REQUIRE(provider_supports<null_p>(aead_id::aes_128_ccm_8));
  STATIC_REQUIRE(provider_supports<null_p>(named_group::x25519));
  STATIC_REQUIRE(!provider_supports<null_p>(named_group::ffdhe2048));
}

TEST_CASE("insecure null provider is deterministic and usable at compile time", "[null_provider]") {
  STATIC_REQUIRE(hash_is_deterministic_and_sized());
  STATIC_REQUIRE(hash_depends_on_input());
  STATIC_REQUIRE(random_is_a_counter());
  STATIC_REQUIRE(hkdf_expand_refuses_over_255_blocks());
}

TEST_CASE("insecure null provider's AEAD is the identity and accepts any tag", "[null_provider]") {
  STATIC_REQUIRE(aead_is_identity_with_zero_tag());
  STATIC_REQUIRE(aead_refuses_input_shorter_than_tag());
}

TEST_CASE("insecure null provider accepts every key share and signature", "[null_provider]") {
  STATIC_REQUIRE(key_exchange_gives_fixed_values());
  STATIC_REQUIRE(signatures_always_verify());
}
