// reference_provider: the hash/HMAC/HKDF surface generic key schedules use,
// checked through the provider type rather than the algorithm headers.
#include <catch2/catch.hpp>

#include <type_traits>

#include "support/hex.hpp"
#include "tlswire/crypto/provider.hpp"
#include "tlswire/providers/reference/provider.hpp"

namespace {

using tlswire::bytes_view;
using tlswire::mutable_bytes;
using tlswire::reference_provider;
using tlswire::test::ascii;
using tlswire::test::counting_from;
using tlswire::test::hex;
using tlswire::test::repeated;

// What a key schedule written against "some provider P" does.
template <class P, class Hash>
constexpr std::array<std::uint8_t, 42> extract_then_expand(bytes_view salt, bytes_view ikm,
                                                           bytes_view info) {
  std::array<std::uint8_t, Hash::digest_size> prk{};
  P::template hkdf_extract<Hash>(salt, ikm, prk);
  std::array<std::uint8_t, 42> okm{};
  if (!P::template hkdf_expand<Hash>(prk, info, okm)) okm = {};
  return okm;
}

template <class P, class Hash>
constexpr typename Hash::digest_type mac_in_pieces(bytes_view key, bytes_view data,
                                                   std::size_t cut) {
  typename P::template hmac_state<Hash> m(key);
  m.update(data.first(cut));
  m.update(data.subspan(cut));
  return m.finish();
}

template <class P, class Hash>
constexpr typename Hash::digest_type mac_at_once(bytes_view key, bytes_view data) {
  typename Hash::digest_type out{};
  P::template hmac<Hash>(key, data, out);
  return out;
}

}  // namespace

TEST_CASE("reference_provider names SHA-256 and SHA-384 with their sizes", "[provider]") {
  STATIC_REQUIRE(reference_provider::sha256::digest_size == 32);
  STATIC_REQUIRE(reference_provider::sha256::block_size == 64);
  STATIC_REQUIRE(reference_provider::sha384::digest_size == 48);
  STATIC_REQUIRE(reference_provider::sha384::block_size == 128);
  STATIC_REQUIRE(std::is_copy_constructible_v<reference_provider::sha256>);
  STATIC_REQUIRE(std::is_copy_constructible_v<reference_provider::hmac_state<reference_provider::sha384>>);
}

TEST_CASE("reference_provider satisfies the hash family concepts for SHA-256 and SHA-384",
          "[provider]") {
  STATIC_REQUIRE(tlswire::hash_provider<reference_provider>);
  STATIC_REQUIRE(tlswire::provides_hash_family<reference_provider, tlswire::hash_id::sha384>);
  STATIC_REQUIRE(tlswire::provider_supports<reference_provider>(tlswire::hash_id::sha384));
  STATIC_REQUIRE(tlswire::require_support<reference_provider, tlswire::hash_id::sha384>);
  STATIC_REQUIRE_FALSE(tlswire::provider_supports<reference_provider>(tlswire::aead_id::aes_128_gcm));
  STATIC_REQUIRE_FALSE(tlswire::crypto_provider<reference_provider>);
}

TEST_CASE("reference_provider hkdf reproduces RFC 5869 test case 1", "[provider][hkdf]") {
  constexpr auto okm = extract_then_expand<reference_provider, reference_provider::sha256>(
      counting_from<13>(0x00), repeated<22>(0x0b), counting_from<10>(0xf0));
  STATIC_REQUIRE(okm == hex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                            "34007208d5b887185865"));
  auto ikm = repeated<22>(0x0b);
  CHECK(extract_then_expand<reference_provider, reference_provider::sha256>(
            counting_from<13>(0x00), ikm, counting_from<10>(0xf0)) == okm);
}

TEST_CASE("reference_provider hmac one-shot and incremental agree with RFC 4231", "[provider][hmac]") {
  using sha384 = reference_provider::sha384;
  constexpr auto expected = hex(
      "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e"
      "8e2240ca5e69e2c78b3239ecfab21649");  // RFC 4231 §4.3
  constexpr auto key = ascii("Jefe");
  constexpr auto data = ascii("what do ya want for nothing?");
  STATIC_REQUIRE(mac_at_once<reference_provider, sha384>(key, data) == expected);
  STATIC_REQUIRE(mac_in_pieces<reference_provider, sha384>(key, data, 7) == expected);
  CHECK(mac_in_pieces<reference_provider, sha384>(key, data, 13) == expected);
}

TEST_CASE("reference_provider hkdf-expand refuses more than 255 blocks", "[provider][hkdf]") {
  std::array<std::uint8_t, 255 * 48 + 1> okm{};
  const auto prk = repeated<48>(1);
  CHECK_FALSE(reference_provider::hkdf_expand<reference_provider::sha384>(prk, {}, okm));
  CHECK(reference_provider::hkdf_expand<reference_provider::sha384>(
      prk, {}, mutable_bytes(okm).first(255 * 48)));
}
