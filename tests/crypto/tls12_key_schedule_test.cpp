// The TLS 1.2 key schedule (crypto/tls12_key_schedule.hpp) with the
// reference provider: master secret, extended master secret (RFC 7627) and
// key block against NIST ACVP's sample vectors, the split of the key block
// per suite, Finished verify_data and its constant-time check, all also at
// compile time.
#include <catch2/catch.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <type_traits>

#include "crypto/acvp_json.hpp"
#include "support/hex.hpp"
#include "support/vector_file.hpp"
#include "tlswire/crypto/tls12_key_schedule.hpp"
#include "tlswire/providers/reference/provider.hpp"
#include "tlswire/registry/cipher_suite.hpp"

namespace {

using namespace tlswire;
using tlswire::test::bytes_from_hex;
using tlswire::test::hex;
using tlswire::test::to_hex;
using ref_sha256 = reference_provider::sha256;
using ref_sha384 = reference_provider::sha384;
using schedule256 = tls12_key_schedule<reference_provider, ref_sha256>;
using schedule384 = tls12_key_schedule<reference_provider, ref_sha384>;

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

template <class Schedule>
void check_ems_case(const test::acvp::fields& prompt, const test::acvp::fields& expected,
                    std::size_t key_block_bytes) {
  const auto premaster = bytes_from_hex(prompt.at("preMasterSecret"));
  const auto session_hash = bytes_from_hex(prompt.at("sessionHash"));
  const auto client_random = bytes_from_hex(prompt.at("clientRandom"));
  const auto server_random = bytes_from_hex(prompt.at("serverRandom"));
  const auto ks = Schedule::from_premaster_extended(premaster, session_hash);
  CHECK(to_hex(ks.master_secret()) == lower(expected.at("masterSecret")));

  // The key block of the ACVP length: the same PRF "key expansion" the suite
  // split uses, taken whole.
  std::vector<std::uint8_t> block(key_block_bytes);
  tls12_prf<reference_provider, typename std::conditional_t<
                                    std::is_same_v<Schedule, schedule384>, ref_sha384, ref_sha256>>(
      ks.master_secret(), "key expansion", server_random, client_random, block);
  CHECK(to_hex(block) == lower(expected.at("keyBlock")));

  // And through key_block() for a suite: its bytes are the prefix.
  const auto suite = find_cipher_suite_info(cipher_suite::tls_ecdhe_rsa_with_aes_128_cbc_sha256);
  REQUIRE(suite);
  const auto kb = ks.key_block(*suite, client_random, server_random);
  REQUIRE(kb.ok());
  CHECK(to_hex(kb->bytes()) == lower(expected.at("keyBlock")).substr(0, 2 * kb->bytes().size()));
}

TEST_CASE("extended master secret and key block equal ACVP's RFC 7627 vectors",
          "[crypto][tls12]") {
  const std::string dir = std::string(TLSWIRE_VECTORS_DIR) + "/prf-kdf/acvp/";
  const auto prompts = test::acvp::test_cases(dir + "TLS-v1.2-KDF-RFC7627.prompt.json",
                                              {"hashAlg", "keyBlockLength"});
  const auto answers = test::acvp::by_id(test::acvp::test_cases(
      dir + "TLS-v1.2-KDF-RFC7627.expected.json", {}));
  int checked = 0;
  for (const auto& p : prompts) {
    if (!p.count("sessionHash")) continue;
    INFO("tcId " << p.at("tcId") << " " << p.at("hashAlg"));
    const auto& e = answers.at(p.at("tcId"));
    const std::size_t key_block_bytes = std::stoul(p.at("keyBlockLength")) / 8;
    if (p.at("hashAlg") == "SHA2-256") {
      check_ems_case<schedule256>(p, e, key_block_bytes);
      ++checked;
    } else if (p.at("hashAlg") == "SHA2-384") {
      check_ems_case<schedule384>(p, e, key_block_bytes);
      ++checked;
    }  // SHA2-512: no TLS 1.2 suite uses it, and no provider here has it
  }
  CHECK(checked == 13);
}

// ---------------------------------------------------------------- compile time
// A master secret from premaster + randoms: a fixed input whose result was
// computed independently (Python hmac/hashlib, RFC 5246 §8.1 with SHA-256).
constexpr auto premaster = hex(
    "0303000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d");
constexpr auto client_random =
    hex("0000000000000000000000000000000000000000000000000000000000000001");
constexpr auto server_random =
    hex("0000000000000000000000000000000000000000000000000000000000000002");

constexpr auto master_secret = hex(
    "b9db6f513da98664ceadf066ddf406373b5aa9836e0c8d93a307792ed48eefe98c28bf5338a1df2f5dc05cc0fe856c6f");
// SHA-256("handshake messages"), standing in for Hash(handshake_messages).
constexpr auto handshake_hash =
    hex("6e1b983f2338a681fec9331551f24072641b2c011c693e3410cd95da2d6b5458");

constexpr bool master_secret_matches() {
  const auto ks =
      schedule256::from_premaster(as_view(premaster), as_view(client_random), as_view(server_random));
  return equal_bytes(ks.master_secret(), as_view(master_secret));
}

// TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256: no MAC keys, 16-byte keys, 4-byte salts
// (RFC 5288 §3), so 40 bytes of key block in that order.
constexpr bool gcm_key_block_splits() {
  const auto ks = schedule256::from_master_secret(as_view(master_secret));
  const auto suite = find_cipher_suite_info(cipher_suite::tls_ecdhe_rsa_with_aes_128_gcm_sha256);
  if (!suite) return false;
  const auto kb = ks.key_block(*suite, as_view(client_random), as_view(server_random));
  if (!kb.ok()) return false;
  const auto whole = hex("06ec852ff752603e922c528fd9b0d9fbfc9e265a517b03035d8acc268fb3b801bc9240cc42318664");
  return equal_bytes(kb->bytes(), as_view(whole)) && kb->client_mac_key().empty() &&
         kb->server_mac_key().empty() &&
         equal_bytes(kb->client_write_key(), as_view(whole).subspan(0, 16)) &&
         equal_bytes(kb->server_write_key(), as_view(whole).subspan(16, 16)) &&
         equal_bytes(kb->client_write_iv(), as_view(whole).subspan(32, 4)) &&
         equal_bytes(kb->server_write_iv(), as_view(whole).subspan(36, 4));
}

constexpr bool finished_values_match() {
  const auto ks = schedule256::from_master_secret(as_view(master_secret));
  const auto client = ks.finished_verify_data(tls12_sender::client, as_view(handshake_hash));
  const auto server = ks.finished_verify_data(tls12_sender::server, as_view(handshake_hash));
  return equal_bytes(as_view(client), as_view(hex("8f8c90bd8a59a8996c0183cd"))) &&
         equal_bytes(as_view(server), as_view(hex("540b96a0964a5b0abbb7b8fb"))) &&
         ks.verify_finished(tls12_sender::client, as_view(handshake_hash), as_view(client)).ok() &&
         // the other side's label does not verify
         !ks.verify_finished(tls12_sender::server, as_view(handshake_hash), as_view(client)).ok();
}

TEST_CASE("TLS 1.2 master secret, GCM key block split and Finished at compile time",
          "[crypto][tls12]") {
  STATIC_REQUIRE(master_secret_matches());
  STATIC_REQUIRE(gcm_key_block_splits());
  STATIC_REQUIRE(finished_values_match());
}

TEST_CASE("key block splits CBC-SHA suites into MAC keys, keys and (TLS 1.0) IVs",
          "[crypto][tls12]") {
  const auto ks = schedule256::from_master_secret(as_view(master_secret));
  const auto suite = find_cipher_suite_info(cipher_suite::tls_rsa_with_aes_128_cbc_sha);
  REQUIRE(suite);
  // TLS 1.2: 2 * (20 + 16), no IVs in the key block (RFC 5246 §6.3, §6.2.3.2).
  const auto kb12 = ks.key_block(*suite, as_view(client_random), as_view(server_random));
  REQUIRE(kb12.ok());
  CHECK(kb12->bytes().size() == 72);
  CHECK(kb12->client_mac_key().size() == 20);
  CHECK(kb12->server_write_key().size() == 16);
  CHECK(kb12->client_write_iv().empty());
  CHECK(to_hex(kb12->server_mac_key()) == to_hex(kb12->bytes().subspan(20, 20)));
  CHECK(to_hex(kb12->client_write_key()) == to_hex(kb12->bytes().subspan(40, 16)));
  // TLS 1.0: the CBC IVs come from the key block too (RFC 2246 §6.3).
  const auto kb10 =
      ks.key_block(*suite, as_view(client_random), as_view(server_random), protocol_version::tls10);
  REQUIRE(kb10.ok());
  CHECK(kb10->bytes().size() == 104);
  CHECK(kb10->server_write_iv().size() == 16);
  CHECK(to_hex(kb10->server_write_iv()) == to_hex(kb10->bytes().subspan(88, 16)));
}

TEST_CASE("ChaCha20-Poly1305 key block carries 12-byte IVs (RFC 7905)", "[crypto][tls12]") {
  const auto ks = schedule256::from_master_secret(as_view(master_secret));
  const auto suite =
      find_cipher_suite_info(cipher_suite::tls_ecdhe_rsa_with_chacha20_poly1305_sha256);
  REQUIRE(suite);
  const auto kb = ks.key_block(*suite, as_view(client_random), as_view(server_random));
  REQUIRE(kb.ok());
  CHECK(kb->bytes().size() == 2 * (32 + 12));
  CHECK(kb->client_write_iv().size() == 12);
}

TEST_CASE("key block refuses a TLS 1.3 suite", "[crypto][tls12]") {
  const auto ks = schedule256::from_master_secret(as_view(master_secret));
  const auto suite = find_cipher_suite_info(cipher_suite::tls_aes_128_gcm_sha256);
  REQUIRE(suite);
  CHECK_FALSE(ks.key_block(*suite, as_view(client_random), as_view(server_random)).ok());
}

TEST_CASE("Finished verification refuses every changed byte and other lengths with decrypt_error",
          "[crypto][tls12]") {
  const auto ks = schedule256::from_master_secret(as_view(master_secret));
  const auto good = ks.finished_verify_data(tls12_sender::server, as_view(handshake_hash));
  CHECK(ks.verify_finished(tls12_sender::server, as_view(handshake_hash), as_view(good)));
  for (std::size_t i = 0; i < good.size(); ++i) {
    auto bad = good;
    bad[i] ^= 1;
    const auto st = ks.verify_finished(tls12_sender::server, as_view(handshake_hash), as_view(bad));
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().alert == alert_description::decrypt_error);
  }
  CHECK_FALSE(
      ks.verify_finished(tls12_sender::server, as_view(handshake_hash), as_view(good).first(11)));
  CHECK_FALSE(ks.verify_finished(tls12_sender::server, as_view(handshake_hash), {}));
  // A longer verify_data_length is the PRF output of that length, and the
  // received value must have it.
  std::array<std::uint8_t, 32> longer{};
  ks.finished_verify_data(tls12_sender::server, as_view(handshake_hash), longer);
  CHECK(to_hex(as_view(longer).first(12)) == to_hex(as_view(good)));
  CHECK(ks.verify_finished(tls12_sender::server, as_view(handshake_hash), as_view(longer), 32));
  CHECK_FALSE(ks.verify_finished(tls12_sender::server, as_view(handshake_hash), as_view(good), 32));
}

TEST_CASE("SHA-384 suites run the PRF with SHA-384", "[crypto][tls12]") {
  const auto a = schedule256::from_premaster(as_view(premaster), as_view(client_random),
                                             as_view(server_random));
  const auto b = schedule384::from_premaster(as_view(premaster), as_view(client_random),
                                             as_view(server_random));
  CHECK(to_hex(a.master_secret()) != to_hex(b.master_secret()));
  CHECK(b.master_secret().size() == 48);
}

}  // namespace

TEST_CASE("the TLS 1.2 schedule is neither copied nor moved (one live copy of the master secret)",
          "[crypto][tls12]") {
  STATIC_REQUIRE_FALSE(std::is_copy_constructible_v<schedule256>);
  STATIC_REQUIRE_FALSE(std::is_copy_assignable_v<schedule256>);
  STATIC_REQUIRE_FALSE(std::is_move_constructible_v<schedule256>);
  STATIC_REQUIRE_FALSE(std::is_move_assignable_v<schedule256>);
}
