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

TEST_CASE("a premaster with another version gets ClientHello.client_version instead",
          "[crypto][rsa]") {
  auto p = provider_decrypting_to_good_premaster();
  p.decrypted[1] = 0x01;  // the client claimed TLS 1.0 inside, 1.2 in its hello
  std::array<std::uint8_t, 48> premaster{};
  REQUIRE(decrypt_rsa_premaster(p, {}, any_ciphertext, protocol_version::tls12, premaster).ok());
  CHECK(premaster[0] == 0x03);
  CHECK(premaster[1] == 0x03);
  CHECK(equal_bytes(bytes_view(premaster).subspan(2), bytes_view(p.decrypted).subspan(2, 46)));
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

TEST_CASE("the select mask is 0xff only for zero", "[crypto][rsa]") {
  STATIC_REQUIRE(detail::mask_if_zero(0) == 0xff);
  STATIC_REQUIRE(detail::mask_if_zero(1) == 0x00);
  STATIC_REQUIRE(detail::mask_if_zero(48) == 0x00);
  STATIC_REQUIRE(detail::mask_if_zero(~std::size_t{0}) == 0x00);
  STATIC_REQUIRE(detail::mask_if_zero(std::size_t{1} << 63) == 0x00);
}

}  // namespace
