// Tests of registry/cipher_suite.hpp: names and what each suite means for
// the record layer and key schedule.
#include <catch2/catch.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

#include "tlswire/registry/cipher_suite.hpp"

namespace {

using namespace tlswire;
using kx = key_exchange_algorithm;
using au = authentication_algorithm;
using bulk = bulk_cipher_algorithm;

constexpr cipher_suite_info info(cipher_suite suite) { return *find_cipher_suite_info(suite); }

constexpr bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}
constexpr bool contains(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

// Checks every described suite against what its IANA name says, so the table
// and the names cannot drift apart.
constexpr bool infos_agree_with_names() {
  for (const cipher_suite_info& i : cipher_suite_infos) {
    const std::string_view name = to_string(i.suite);
    if (name.empty()) return false;
    // "_SHA384" suites use the SHA-384 PRF (RFC 5289 §3.2, RFC 5487 §2), all others SHA-256.
    const hash_algorithm want_prf = ends_with(name, "SHA384") ? hash_algorithm::sha384 : hash_algorithm::sha256;
    if (i.prf_hash != want_prf) return false;
    if (i.tls13 != !contains(name, "_WITH_")) return false;
    if (i.tls13 != ((to_underlying(i.suite) >> 8) == 0x13 || name == "TLS_SHA256_SHA256" ||
                    name == "TLS_SHA384_SHA384"))
      return false;
    if (contains(name, "_GCM") != (i.cipher == bulk::aes_128_gcm || i.cipher == bulk::aes_256_gcm)) return false;
    if (contains(name, "CHACHA20") != (i.cipher == bulk::chacha20_poly1305)) return false;
    if (contains(name, "_CBC") != (i.type == cipher_type::block)) return false;
    if (contains(name, "_CCM_8") != (i.cipher == bulk::aes_128_ccm_8 || i.cipher == bulk::aes_256_ccm_8))
      return false;
    if (contains(name, "AES_256") != (i.key_length == 32 && i.cipher != bulk::chacha20_poly1305 &&
                                      i.cipher != bulk::null))
      return false;
    // ECDH_anon is ephemeral ECDH without a signature (RFC 8422 §2.5).
    if ((contains(name, "ECDHE_") || contains(name, "ECDH_anon")) !=
        (i.key_exchange == kx::ecdhe || i.key_exchange == kx::ecdhe_psk))
      return false;
    if ((contains(name, "_anon_")) != (i.authentication == au::anon)) return false;
    // Shape of the record protection.
    switch (i.type) {
      case cipher_type::aead:
        if (i.tag_length == 0 || i.mac_length != 0 || i.block_length != 0) return false;
        if (i.tls13 && (i.fixed_iv_length != 12 || i.record_iv_length != 0)) return false;
        if (!i.tls13 && i.fixed_iv_length + i.record_iv_length != 12) return false;
        break;
      case cipher_type::block:
        if (i.record_iv_length != i.block_length || i.fixed_iv_length != 0 || i.mac_length == 0) return false;
        break;
      case cipher_type::stream:
        if (i.record_iv_length != 0 || i.fixed_iv_length != 0 || i.tag_length != 0) return false;
        break;
    }
  }
  return true;
}

// Every listed suite is described, except those the header says are not.
constexpr bool every_suite_described() {
  for (const named<cipher_suite>& row : cipher_suite_names) {
    const bool expected = !contains(row.name, "EXPORT") && !contains(row.name, "SCSV") &&
                          !contains(row.name, "SM4") && !contains(row.name, "AEGIS");
    if (find_cipher_suite_info(row.value).has_value() != expected) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("cipher suites have their IANA values and exact IANA names", "[registry][cipher_suite]") {
  STATIC_REQUIRE(to_underlying(cipher_suite::tls_aes_128_gcm_sha256) == 0x1301);
  STATIC_REQUIRE(to_underlying(cipher_suite::tls_aes_128_ccm_8_sha256) == 0x1305);
  STATIC_REQUIRE(to_underlying(cipher_suite::tls_sha384_sha384) == 0xc0b5);
  STATIC_REQUIRE(to_underlying(cipher_suite::tls_rsa_with_aes_128_cbc_sha) == 0x002f);
  STATIC_REQUIRE(to_underlying(cipher_suite::tls_rsa_with_3des_ede_cbc_sha) == 0x000a);
  STATIC_REQUIRE(to_underlying(cipher_suite::tls_ecdhe_rsa_with_aes_128_gcm_sha256) == 0xc02f);
  STATIC_REQUIRE(to_underlying(cipher_suite::tls_ecdhe_ecdsa_with_aes_256_gcm_sha384) == 0xc02c);
  STATIC_REQUIRE(to_underlying(cipher_suite::tls_ecdhe_ecdsa_with_chacha20_poly1305_sha256) == 0xcca9);
  STATIC_REQUIRE(to_underlying(cipher_suite::tls_dhe_rsa_with_aes_256_ccm_8) == 0xc0a3);
  STATIC_REQUIRE(to_underlying(cipher_suite::tls_ecdhe_psk_with_aes_128_ccm_sha256) == 0xd005);
  STATIC_REQUIRE(to_underlying(cipher_suite::tls_empty_renegotiation_info_scsv) == 0x00ff);
  STATIC_REQUIRE(to_underlying(cipher_suite::tls_fallback_scsv) == 0x5600);
  STATIC_REQUIRE(to_string(cipher_suite::tls_aes_128_gcm_sha256) == "TLS_AES_128_GCM_SHA256");
  STATIC_REQUIRE(to_string(cipher_suite::tls_dh_anon_with_aes_128_cbc_sha) == "TLS_DH_anon_WITH_AES_128_CBC_SHA");
  STATIC_REQUIRE(to_string(cipher_suite::tls_fallback_scsv) == "TLS_FALLBACK_SCSV");
  STATIC_REQUIRE(lookup_value(cipher_suite_names, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384") ==
                 cipher_suite::tls_ecdhe_rsa_with_aes_256_gcm_sha384);
  STATIC_REQUIRE(is_signalling_suite(cipher_suite::tls_fallback_scsv));
  STATIC_REQUIRE_FALSE(is_signalling_suite(cipher_suite::tls_aes_128_gcm_sha256));
}

TEST_CASE("TLS 1.3 suites: 12-byte iv, no explicit nonce, hash from the name", "[registry][cipher_suite]") {
  constexpr auto aes256 = info(cipher_suite::tls_aes_256_gcm_sha384);
  STATIC_REQUIRE(aes256.tls13);
  STATIC_REQUIRE(aes256.key_exchange == kx::tls13_any);
  STATIC_REQUIRE(aes256.authentication == au::tls13_any);
  STATIC_REQUIRE(aes256.cipher == bulk::aes_256_gcm);
  STATIC_REQUIRE(aes256.type == cipher_type::aead);
  STATIC_REQUIRE(aes256.prf_hash == hash_algorithm::sha384);
  STATIC_REQUIRE(aes256.key_length == 32);
  STATIC_REQUIRE(aes256.fixed_iv_length == 12);
  STATIC_REQUIRE(aes256.record_iv_length == 0);
  STATIC_REQUIRE(aes256.tag_length == 16);
  STATIC_REQUIRE(aes256.mac_length == 0);

  constexpr auto aes128 = info(cipher_suite::tls_aes_128_gcm_sha256);
  STATIC_REQUIRE(aes128.prf_hash == hash_algorithm::sha256);
  STATIC_REQUIRE(aes128.key_length == 16);

  constexpr auto chacha = info(cipher_suite::tls_chacha20_poly1305_sha256);
  STATIC_REQUIRE(chacha.key_length == 32);
  STATIC_REQUIRE(chacha.fixed_iv_length == 12);
  STATIC_REQUIRE(chacha.tag_length == 16);

  constexpr auto ccm8 = info(cipher_suite::tls_aes_128_ccm_8_sha256);
  STATIC_REQUIRE(ccm8.tag_length == 8);
  STATIC_REQUIRE(ccm8.key_length == 16);
  STATIC_REQUIRE(info(cipher_suite::tls_aes_128_ccm_sha256).tag_length == 16);
}

TEST_CASE("RFC 9150 integrity-only suites: HMAC key and tag of the hash length", "[registry][cipher_suite]") {
  constexpr auto s256 = info(cipher_suite::tls_sha256_sha256);
  STATIC_REQUIRE(s256.tls13);
  STATIC_REQUIRE(s256.cipher == bulk::null);
  STATIC_REQUIRE(s256.mac == mac_algorithm::hmac_sha256);
  STATIC_REQUIRE(s256.type == cipher_type::aead);
  STATIC_REQUIRE(s256.key_length == 32);
  STATIC_REQUIRE(s256.tag_length == 32);
  STATIC_REQUIRE(s256.fixed_iv_length == 12);
  constexpr auto s384 = info(cipher_suite::tls_sha384_sha384);
  STATIC_REQUIRE(s384.prf_hash == hash_algorithm::sha384);
  STATIC_REQUIRE(s384.key_length == 48);
  STATIC_REQUIRE(s384.tag_length == 48);
}

TEST_CASE("TLS 1.2 AES-GCM: 4-byte salt from the key block, 8-byte explicit nonce", "[registry][cipher_suite]") {
  constexpr auto rsa_gcm = info(cipher_suite::tls_rsa_with_aes_128_gcm_sha256);
  STATIC_REQUIRE_FALSE(rsa_gcm.tls13);
  STATIC_REQUIRE(rsa_gcm.key_exchange == kx::rsa);
  STATIC_REQUIRE(rsa_gcm.authentication == au::rsa);
  STATIC_REQUIRE(rsa_gcm.prf_hash == hash_algorithm::sha256);
  STATIC_REQUIRE(rsa_gcm.mac == mac_algorithm::aead);
  STATIC_REQUIRE(rsa_gcm.key_length == 16);
  STATIC_REQUIRE(rsa_gcm.fixed_iv_length == 4);
  STATIC_REQUIRE(rsa_gcm.record_iv_length == 8);
  STATIC_REQUIRE(rsa_gcm.tag_length == 16);
  STATIC_REQUIRE(rsa_gcm.key_block_length() == 40);  // 2 * (16 + 4)

  constexpr auto ecdsa_gcm = info(cipher_suite::tls_ecdhe_ecdsa_with_aes_256_gcm_sha384);
  STATIC_REQUIRE(ecdsa_gcm.key_exchange == kx::ecdhe);
  STATIC_REQUIRE(ecdsa_gcm.authentication == au::ecdsa);
  STATIC_REQUIRE(ecdsa_gcm.prf_hash == hash_algorithm::sha384);
  STATIC_REQUIRE(ecdsa_gcm.key_length == 32);
  STATIC_REQUIRE(ecdsa_gcm.key_block_length() == 72);  // 2 * (32 + 4)

  constexpr auto dhe_gcm = info(cipher_suite::tls_dhe_rsa_with_aes_128_gcm_sha256);
  STATIC_REQUIRE(dhe_gcm.key_exchange == kx::dhe);
  STATIC_REQUIRE(dhe_gcm.authentication == au::rsa);
}

TEST_CASE("TLS 1.2 ChaCha20-Poly1305: 12-byte fixed iv, nothing per record", "[registry][cipher_suite]") {
  constexpr auto c = info(cipher_suite::tls_ecdhe_rsa_with_chacha20_poly1305_sha256);
  STATIC_REQUIRE(c.key_exchange == kx::ecdhe);
  STATIC_REQUIRE(c.key_length == 32);
  STATIC_REQUIRE(c.fixed_iv_length == 12);
  STATIC_REQUIRE(c.record_iv_length == 0);
  STATIC_REQUIRE(c.tag_length == 16);
  STATIC_REQUIRE(c.key_block_length() == 88);  // 2 * (32 + 12)
  STATIC_REQUIRE(info(cipher_suite::tls_psk_with_chacha20_poly1305_sha256).fixed_iv_length == 12);
}

TEST_CASE("TLS 1.2 AES-CCM and CCM_8: 4 + 8 nonce, 16 or 8 byte tag", "[registry][cipher_suite]") {
  constexpr auto ccm = info(cipher_suite::tls_ecdhe_ecdsa_with_aes_128_ccm);
  STATIC_REQUIRE(ccm.fixed_iv_length == 4);
  STATIC_REQUIRE(ccm.record_iv_length == 8);
  STATIC_REQUIRE(ccm.tag_length == 16);
  STATIC_REQUIRE(ccm.prf_hash == hash_algorithm::sha256);
  constexpr auto ccm8 = info(cipher_suite::tls_dhe_rsa_with_aes_256_ccm_8);
  STATIC_REQUIRE(ccm8.key_length == 32);
  STATIC_REQUIRE(ccm8.tag_length == 8);
  STATIC_REQUIRE(ccm8.record_iv_length == 8);
}

TEST_CASE("TLS 1.2 CBC suites: HMAC key in the key block, block-sized IV per record", "[registry][cipher_suite]") {
  constexpr auto sha1 = info(cipher_suite::tls_ecdhe_rsa_with_aes_128_cbc_sha);
  STATIC_REQUIRE(sha1.type == cipher_type::block);
  STATIC_REQUIRE(sha1.mac == mac_algorithm::hmac_sha1);
  STATIC_REQUIRE(sha1.mac_length == 20);
  STATIC_REQUIRE(sha1.key_length == 16);
  STATIC_REQUIRE(sha1.block_length == 16);
  STATIC_REQUIRE(sha1.fixed_iv_length == 0);
  STATIC_REQUIRE(sha1.record_iv_length == 16);
  STATIC_REQUIRE(sha1.tag_length == 0);
  STATIC_REQUIRE(sha1.prf_hash == hash_algorithm::sha256);  // TLS 1.2 PRF
  STATIC_REQUIRE(sha1.key_block_length() == 72);            // 2 * (20 + 16)

  constexpr auto sha256 = info(cipher_suite::tls_rsa_with_aes_256_cbc_sha256);
  STATIC_REQUIRE(sha256.mac == mac_algorithm::hmac_sha256);
  STATIC_REQUIRE(sha256.mac_length == 32);
  STATIC_REQUIRE(sha256.key_block_length() == 128);  // 2 * (32 + 32)

  constexpr auto sha384 = info(cipher_suite::tls_ecdhe_ecdsa_with_aes_256_cbc_sha384);
  STATIC_REQUIRE(sha384.mac_length == 48);
  STATIC_REQUIRE(sha384.prf_hash == hash_algorithm::sha384);

  constexpr auto des3 = info(cipher_suite::tls_rsa_with_3des_ede_cbc_sha);
  STATIC_REQUIRE(des3.cipher == bulk::des_ede3_cbc);
  STATIC_REQUIRE(des3.key_length == 24);
  STATIC_REQUIRE(des3.block_length == 8);
  STATIC_REQUIRE(des3.record_iv_length == 8);
}

TEST_CASE("stream and NULL suites carry no IV", "[registry][cipher_suite]") {
  constexpr auto rc4 = info(cipher_suite::tls_rsa_with_rc4_128_sha);
  STATIC_REQUIRE(rc4.type == cipher_type::stream);
  STATIC_REQUIRE(rc4.key_length == 16);
  STATIC_REQUIRE(rc4.record_iv_length == 0);
  STATIC_REQUIRE(rc4.mac_length == 20);
  constexpr auto null_sha256 = info(cipher_suite::tls_rsa_with_null_sha256);
  STATIC_REQUIRE(null_sha256.cipher == bulk::null);
  STATIC_REQUIRE(null_sha256.key_length == 0);
  STATIC_REQUIRE(null_sha256.mac_length == 32);
  constexpr auto initial = info(cipher_suite::tls_null_with_null_null);
  STATIC_REQUIRE(initial.key_exchange == kx::null);
  STATIC_REQUIRE(initial.key_block_length() == 0);
}

TEST_CASE("PSK and anonymous suites name their key exchange", "[registry][cipher_suite]") {
  STATIC_REQUIRE(info(cipher_suite::tls_psk_with_aes_128_gcm_sha256).key_exchange == kx::psk);
  STATIC_REQUIRE(info(cipher_suite::tls_psk_with_aes_128_gcm_sha256).authentication == au::psk);
  STATIC_REQUIRE(info(cipher_suite::tls_dhe_psk_with_aes_256_gcm_sha384).key_exchange == kx::dhe_psk);
  STATIC_REQUIRE(info(cipher_suite::tls_psk_dhe_with_aes_128_ccm_8).key_exchange == kx::dhe_psk);
  STATIC_REQUIRE(info(cipher_suite::tls_rsa_psk_with_aes_128_cbc_sha).key_exchange == kx::rsa_psk);
  STATIC_REQUIRE(info(cipher_suite::tls_rsa_psk_with_aes_128_cbc_sha).authentication == au::rsa);
  STATIC_REQUIRE(info(cipher_suite::tls_ecdhe_psk_with_aes_128_ccm_sha256).key_exchange == kx::ecdhe_psk);
  STATIC_REQUIRE(info(cipher_suite::tls_dh_anon_with_aes_128_cbc_sha).key_exchange == kx::dhe);
  STATIC_REQUIRE(info(cipher_suite::tls_dh_anon_with_aes_128_cbc_sha).authentication == au::anon);
  STATIC_REQUIRE(info(cipher_suite::tls_ecdh_rsa_with_aes_128_gcm_sha256).key_exchange == kx::ecdh);
  STATIC_REQUIRE(info(cipher_suite::tls_dh_dss_with_aes_256_cbc_sha).key_exchange == kx::dh);
  STATIC_REQUIRE(info(cipher_suite::tls_dh_dss_with_aes_256_cbc_sha).authentication == au::dss);
}

TEST_CASE("no description for SCSVs, EXPORT, GREASE or unknown suites", "[registry][cipher_suite]") {
  STATIC_REQUIRE_FALSE(find_cipher_suite_info(cipher_suite::tls_fallback_scsv).has_value());
  STATIC_REQUIRE_FALSE(find_cipher_suite_info(cipher_suite::tls_empty_renegotiation_info_scsv).has_value());
  STATIC_REQUIRE_FALSE(find_cipher_suite_info(cipher_suite::tls_rsa_export_with_rc4_40_md5).has_value());
  STATIC_REQUIRE_FALSE(find_cipher_suite_info(static_cast<cipher_suite>(0x0a0a)).has_value());
  STATIC_REQUIRE_FALSE(find_cipher_suite_info(static_cast<cipher_suite>(0x1234)).has_value());
}

TEST_CASE("every described suite agrees with what its IANA name says", "[registry][cipher_suite]") {
  STATIC_REQUIRE(infos_agree_with_names());
  STATIC_REQUIRE(every_suite_described());
}

TEST_CASE("the meaning of a suite prints with the fragments of IANA names", "[registry][cipher_suite]") {
  constexpr auto c = info(cipher_suite::tls_ecdhe_rsa_with_aes_128_cbc_sha);
  STATIC_REQUIRE(to_string(c.key_exchange) == "ECDHE");
  STATIC_REQUIRE(to_string(c.authentication) == "RSA");
  STATIC_REQUIRE(to_string(c.cipher) == "AES_128_CBC");
  STATIC_REQUIRE(to_string(c.mac) == "HMAC-SHA1");
  STATIC_REQUIRE(to_string(bulk::des_ede3_cbc) == "3DES_EDE_CBC");
  STATIC_REQUIRE(to_string(static_cast<bulk>(200)).empty());
}

TEST_CASE("TLS 1.0 CBC takes its IVs from the key block, TLS 1.1+ does not", "[registry][cipher_suite]") {
  constexpr auto cbc = info(cipher_suite::tls_ecdhe_rsa_with_aes_128_cbc_sha);
  STATIC_REQUIRE(cbc.key_block_iv_length(protocol_version::tls10) == 16);
  STATIC_REQUIRE(cbc.key_block_iv_length(protocol_version::tls11) == 0);
  STATIC_REQUIRE(cbc.key_block_length(protocol_version::tls10) == 104);  // 2 * (20 + 16 + 16)
  STATIC_REQUIRE(cbc.key_block_length(protocol_version::tls12) == 72);
  constexpr auto gcm = info(cipher_suite::tls_ecdhe_rsa_with_aes_128_gcm_sha256);
  STATIC_REQUIRE(gcm.key_block_iv_length(protocol_version::tls10) == 4);  // AEAD salt regardless
}

TEST_CASE("Finished verify_data is 12 bytes in TLS 1.2 and the hash length in 1.3", "[registry][cipher_suite]") {
  STATIC_REQUIRE(info(cipher_suite::tls_ecdhe_ecdsa_with_aes_256_gcm_sha384).verify_data_length() == 12);
  STATIC_REQUIRE(info(cipher_suite::tls_aes_128_gcm_sha256).verify_data_length() == 32);
  STATIC_REQUIRE(info(cipher_suite::tls_aes_256_gcm_sha384).verify_data_length() == 48);
}
