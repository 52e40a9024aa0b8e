// What only the OpenSSL provider has to say: it leaves OpenSSL's per-thread
// error queue as it found it, and it loads PEM as well as DER keys.
#include <catch2/catch.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <openssl/err.h>

#include "support/hex.hpp"
#include "support/read_vector_file.hpp"
#include "tlswire/crypto/rsa_premaster.hpp"
#include "tlswire/providers/openssl.hpp"

namespace {

using namespace tlswire;
using tlswire::test::read_vector_file;

TEST_CASE("failures leave OpenSSL's error queue empty", "[openssl]") {
  ERR_clear_error();
  openssl_provider p;

  openssl_provider::aead_key k;
  REQUIRE(k.set_key(aead_id::aes_128_ccm, std::array<std::uint8_t, 16>{}).ok());
  std::array<std::uint8_t, 40> sealed{};  // all zeros: the tag is wrong
  std::array<std::uint8_t, 24> out{};
  CHECK_FALSE(k.open(std::array<std::uint8_t, 12>{}, {}, sealed, out).ok());
  CHECK(ERR_peek_error() == 0);

  openssl_provider::private_key key;
  CHECK_FALSE(p.load_private_key(test::ascii("not a key"), key).ok());
  CHECK(ERR_peek_error() == 0);

  REQUIRE(p.load_private_key(read_vector_file("keys/rsa2048.key.der"), key).ok());
  std::array<std::uint8_t, 256> garbage{};
  garbage[255] = 1;
  std::array<std::uint8_t, 48> premaster{};
  CHECK(decrypt_rsa_premaster(p, key, garbage, protocol_version::tls12, premaster).ok());
  CHECK(ERR_peek_error() == 0);

  CHECK_FALSE(p.verify(read_vector_file("keys/p256.spki.der"), signature_scheme::ecdsa_secp256r1_sha256,
                       test::ascii("m"), test::ascii("not a signature"))
                  .ok());
  CHECK(ERR_peek_error() == 0);
}

TEST_CASE("an error the application left in the queue is still there afterwards", "[openssl]") {
  ERR_clear_error();
  ERR_raise(ERR_LIB_USER, 42);
  openssl_provider p;
  openssl_provider::private_key key;
  CHECK_FALSE(p.load_private_key(test::ascii("not a key"), key).ok());
  CHECK(ERR_GET_REASON(ERR_peek_error()) == 42);
  ERR_clear_error();
}

TEST_CASE("loads PKCS#8 PEM and refuses PEM garbage", "[openssl]") {
  openssl_provider p;
  for (const char* name : {"rsa2048.key.pem", "p256.key.pem", "p384.key.pem", "ed25519.key.pem"}) {
    INFO(name);
    openssl_provider::private_key key;
    CHECK(p.load_private_key_pem(read_vector_file(std::string("keys/") + name), key).ok());
  }
  openssl_provider::private_key key;
  const status st = p.load_private_key_pem(test::ascii("-----BEGIN PRIVATE KEY-----\nAAAA\n"), key);
  REQUIRE_FALSE(st.ok());
  CHECK(st.error().code == errc::bad_value);
}

}  // namespace
