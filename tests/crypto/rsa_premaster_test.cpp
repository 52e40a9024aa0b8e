// crypto/rsa_premaster.hpp: RFC 5246 §7.4.7.1 on a scripted provider. A bad
// EncryptedPreMasterSecret must never produce an error, only a random
// premaster; a good one gives client_version || M[2..47].
#include <catch2/catch.hpp>

#include <array>
#include <cstdint>

#include "crypto/fake_provider.hpp"
#include "support/allocation_counter.hpp"
#include "tlswire/crypto/rsa_premaster.hpp"

namespace {

using namespace tlswire;
using tlswire::test::fake_provider;

// M as the client encrypted it: its own version 03 03, then 46 bytes 01 02 ...
fake_provider provider_decrypting_to_good_premaster() {
  fake_provider p;
  p.decrypted[0] = 0x03;
  p.decrypted[1] = 0x03;
  for (std::size_t i = 2; i < 48; ++i) p.decrypted[i] = static_cast<std::uint8_t>(i - 1);
  return p;
}

std::array<std::uint8_t, 48> random_bytes_from(std::uint8_t first) {
  std::array<std::uint8_t, 48> r{};
  for (auto& b : r) b = first++;
  return r;
}

const std::array<std::uint8_t, 4> any_ciphertext{1, 2, 3, 4};

TEST_CASE("accepts a 48-byte premaster and keeps ClientHello.client_version", "[crypto][rsa]") {
  auto p = provider_decrypting_to_good_premaster();
  std::array<std::uint8_t, 48> premaster{};
  REQUIRE(decrypt_rsa_premaster(p, {}, any_ciphertext, protocol_version::tls12, premaster).ok());
  CHECK(equal_bytes(bytes_view(premaster).first(48), bytes_view(p.decrypted).first(48)));
}

// RFC 5246 §7.4.7.1 would write client_version || M[2..47]; the client then
// fails at Finished either way. Treating it like bad padding (as OpenSSL's
// RSA_PKCS1_WITH_TLS_PADDING does) makes every provider agree.
TEST_CASE("a premaster with another version than ClientHello.client_version gives the random premaster",
          "[crypto][rsa]") {
  auto p = provider_decrypting_to_good_premaster();
  p.decrypted[1] = 0x01;  // the client claimed TLS 1.0 inside, 1.2 in its hello
  std::array<std::uint8_t, 48> premaster{};
  REQUIRE(decrypt_rsa_premaster(p, {}, any_ciphertext, protocol_version::tls12, premaster).ok());
  CHECK(premaster == random_bytes_from(0xa0));

  auto q = provider_decrypting_to_good_premaster();
  q.decrypted[0] = 0x02;  // the major byte alone differs
  REQUIRE(decrypt_rsa_premaster(q, {}, any_ciphertext, protocol_version::tls12, premaster).ok());
  CHECK(premaster == random_bytes_from(0xa0));
}

TEST_CASE("bad padding gives the random premaster and no error", "[crypto][rsa]") {
  auto p = provider_decrypting_to_good_premaster();
  p.decrypt_fails = true;
  std::array<std::uint8_t, 48> premaster{};
  REQUIRE(decrypt_rsa_premaster(p, {}, any_ciphertext, protocol_version::tls12, premaster).ok());
  CHECK(premaster == random_bytes_from(0xa0));
}

TEST_CASE("a decrypted message shorter than 48 bytes gives the random premaster", "[crypto][rsa]") {
  auto p = provider_decrypting_to_good_premaster();
  p.decrypted_length = 47;
  std::array<std::uint8_t, 48> premaster{};
  REQUIRE(decrypt_rsa_premaster(p, {}, any_ciphertext, protocol_version::tls12, premaster).ok());
  CHECK(premaster == random_bytes_from(0xa0));
}

TEST_CASE("a decrypted message longer than 48 bytes gives the random premaster", "[crypto][rsa]") {
  auto p = provider_decrypting_to_good_premaster();
  p.decrypted_length = 49;
  std::array<std::uint8_t, 48> premaster{};
  REQUIRE(decrypt_rsa_premaster(p, {}, any_ciphertext, protocol_version::tls12, premaster).ok());
  CHECK(premaster == random_bytes_from(0xa0));
}

TEST_CASE("a failing random source is the only error", "[crypto][rsa]") {
  auto p = provider_decrypting_to_good_premaster();
  p.random_fails = true;
  std::array<std::uint8_t, 48> premaster{};
  const auto s = decrypt_rsa_premaster(p, {}, any_ciphertext, protocol_version::tls12, premaster);
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().alert == alert_description::internal_error);
}

TEST_CASE("premaster decryption allocates nothing of its own", "[crypto][rsa][alloc]") {
  auto good = provider_decrypting_to_good_premaster();
  auto bad = provider_decrypting_to_good_premaster();
  bad.decrypt_fails = true;
  std::array<std::uint8_t, 48> premaster{};
  tlswire::test::allocation_counter allocations;
  const bool ok =
      decrypt_rsa_premaster(good, {}, any_ciphertext, protocol_version::tls12, premaster).ok() &&
      decrypt_rsa_premaster(bad, {}, any_ciphertext, protocol_version::tls12, premaster).ok();
  const std::size_t count = allocations.count();
  CHECK(ok);
  CHECK(count == 0);
}

// select_rsa_premaster over a 64-byte encoded message 00 02 PS 00 M whose M
// is `length` bytes 03 03 02 03 ... (version_low replaces the second byte);
// `poke` sets byte `at` of the block afterwards. Returns the premaster's last
// byte: M's (47) when M is kept, R's (0x80 + 47) when not.
constexpr std::uint8_t select_last(std::size_t error, std::size_t length, std::uint8_t version_low,
                                   std::size_t at = 0, std::uint8_t poke = 0,
                                   std::size_t k = 64) {
  std::array<std::uint8_t, 64> em{};
  std::array<std::uint8_t, 48> r{}, out{};
  for (std::size_t i = 0; i < 48; ++i) r[i] = static_cast<std::uint8_t>(0x80 + i);
  const std::size_t m = k - length;
  em[1] = 0x02;
  for (std::size_t i = 2; i < m - 1; ++i) em[i] = 0x5a;
  for (std::size_t i = 0; i < length; ++i) em[m + i] = static_cast<std::uint8_t>(i);
  em[m] = 0x03;
  em[m + 1] = version_low;
  if (at != 0) em[at] = poke;
  select_rsa_premaster(error, bytes_view(em).first(k), protocol_version::tls12, r, out);
  return out[47];
}

TEST_CASE("the premaster select keeps M only for a well-formed block with a 48-byte M",
          "[crypto][rsa]") {
  STATIC_REQUIRE(select_last(0, 48, 0x03) == 47);
  STATIC_REQUIRE(select_last(1, 48, 0x03) == 0x80 + 47);                // RSA operation failed
  STATIC_REQUIRE(select_last(0, 48, 0x03, 1, 0x01) == 0x80 + 47);       // block type 1
  STATIC_REQUIRE(select_last(0, 48, 0x03, 7, 0x00) == 0x80 + 47);       // a zero inside PS
  STATIC_REQUIRE(select_last(0, 48, 0x03, 2, 0x00) == 0x80 + 47);       // PS's first byte zero
  STATIC_REQUIRE(select_last(0, 48, 0x03, 14, 0x00) == 0x80 + 47);      // PS's last byte zero
  STATIC_REQUIRE(select_last(0, 48, 0x03, 15, 0x01) == 0x80 + 47);      // no 00 separator
  STATIC_REQUIRE(select_last(0, 47, 0x03) == 0x80 + 47);                // M of 47 bytes
  STATIC_REQUIRE(select_last(0, 49, 0x03) == 0x80 + 47);                // M of 49 bytes
  STATIC_REQUIRE(select_last(0, 48, 0x01) == 0x80 + 47);                // M claims TLS 1.0
  STATIC_REQUIRE(select_last(0, 48, 0x03, 0, 0, 58) == 0x80 + 47);      // too small a modulus
  STATIC_REQUIRE(select_last(0, 48, 0x03, 0, 0, 59) == 47);             // the smallest that fits
  // The same at run time, through the value barrier.
  CHECK(select_last(0, 48, 0x03) == 47);
  CHECK(select_last(0x80000000u, 48, 0x03) == 0x80 + 47);
  CHECK(select_last(0, 48, 0x03, 7, 0x00) == 0x80 + 47);
  CHECK(select_last(0, 49, 0x03) == 0x80 + 47);
}

TEST_CASE("the select mask is 0xff only for zero", "[crypto][rsa]") {
  STATIC_REQUIRE(detail::mask_if_zero(0) == 0xff);
  STATIC_REQUIRE(detail::mask_if_zero(1) == 0x00);
  STATIC_REQUIRE(detail::mask_if_zero(48) == 0x00);
  STATIC_REQUIRE(detail::mask_if_zero(~std::size_t{0}) == 0x00);
  STATIC_REQUIRE(detail::mask_if_zero(std::size_t{1} << 63) == 0x00);
  CHECK(detail::mask_if_zero(0) == 0xff);
  CHECK(detail::mask_if_zero(48) == 0x00);
}

}  // namespace
