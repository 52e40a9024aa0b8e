// crypto/visit_suite.hpp: from a run-time cipher suite to the provider's
// types. Over every suite of the registry, at compile time: the suites a
// provider supports reach f with the registry's hash, AEAD and sizes; every
// other suite is refused with the alert the header names.
#include <catch2/catch.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "crypto/fake_provider.hpp"
#include "tlswire/crypto/visit_suite.hpp"
#include "tlswire/providers/reference/provider.hpp"

namespace {

using namespace tlswire;
using tlswire::test::fake_provider;

// fake_provider has SHA-256 and every AEAD but ChaCha20-Poly1305; this one
// has SHA-384 and every AEAD as well.
struct full_provider : fake_provider {
  using sha384 = reference_provider::sha384;
  static constexpr bool supports(aead_id) { return true; }
};

// What f saw: the compile-time facts of the suite it was called with.
struct seen {
  cipher_suite suite{};
  hash_id hash{};
  std::size_t hash_type_digest_size = 0;  // of the hash *type* f received
  aead_id aead{};
  bool tls13 = false;
  std::size_t key_length = 0, iv_length = 0, record_iv_length = 0, tag_length = 0,
              verify_data_length = 0;
};

template <class S>
constexpr result<seen> record(S suite) {
  return seen{suite.suite(),        S::prf_hash,         S::hash::digest_size,
              S::aead,              S::tls13,            S::key_length,
              S::iv_length,         S::record_iv_length, S::tag_length,
              S::verify_data_length};
}

constexpr auto record_any = [](auto suite) { return record(suite); };

constexpr error refused_unknown{errc::bad_value, alert_description::illegal_parameter, 0};
constexpr error refused_unsupported{errc::unsupported, alert_description::handshake_failure, 0};

// One suite: dispatched as the registry describes it, or refused as it should be.
template <class P>
constexpr bool dispatches_as_registry_says(cipher_suite suite) {
  const auto r = visit_suite<P>(suite, record_any);
  const auto info = find_cipher_suite_info(suite);
  if (!info) return !r.ok() && r.error() == refused_unknown;
  if (!provider_supports<P>(suite)) return !r.ok() && r.error() == refused_unsupported;
  if (!r.ok()) return false;
  const seen& s = *r;
  return s.suite == suite && s.hash == *hash_of(*info) &&
         s.hash_type_digest_size == digest_size(*hash_of(*info)) && s.aead == *aead_of(*info) &&
         s.tls13 == info->tls13 && s.key_length == info->key_length &&
         s.iv_length == info->fixed_iv_length && s.record_iv_length == info->record_iv_length &&
         s.tag_length == info->tag_length && s.verify_data_length == info->verify_data_length();
}

// Every named code point (listed or described), plus values no table has.
template <class P>
constexpr bool every_registry_suite_dispatches_as_registry_says() {
  for (const auto& row : cipher_suite_infos)
    if (!dispatches_as_registry_says<P>(row.suite)) return false;
  for (const auto& named : cipher_suite_names)
    if (!dispatches_as_registry_says<P>(named.value)) return false;
  for (std::uint16_t v : {0x0a0a, 0xfafa, 0x1308, 0x00c6, 0x1306, 0xffff, 0x0003})
    if (!dispatches_as_registry_says<P>(static_cast<cipher_suite>(v))) return false;
  return true;
}

template <class P>
constexpr std::size_t supported_count() {
  std::size_t n = 0;
  for (const auto& row : cipher_suite_infos)
    if (provider_supports<P>(row.suite)) ++n;
  return n;
}

TEST_CASE("every registry suite a provider supports reaches f with the registry's hash, AEAD and "
          "sizes; every other is refused",
          "[crypto][visit_suite]") {
  STATIC_REQUIRE(every_registry_suite_dispatches_as_registry_says<full_provider>());
  STATIC_REQUIRE(every_registry_suite_dispatches_as_registry_says<fake_provider>());
  // Not vacuous: most AEAD suites reach f with full_provider, fewer with fake_provider.
  STATIC_REQUIRE(supported_count<full_provider>() == std::size(aead_cipher_suites));
  STATIC_REQUIRE(supported_count<fake_provider>() > 10);
  STATIC_REQUIRE(supported_count<fake_provider>() < supported_count<full_provider>());
}

TEST_CASE("TLS 1.3 suites reach f with their RFC 8446 §B.4 hash and AEAD", "[crypto][visit_suite]") {
  constexpr auto aes256 = visit_suite<full_provider>(cipher_suite::tls_aes_256_gcm_sha384, record_any);
  STATIC_REQUIRE(aes256.ok());
  STATIC_REQUIRE(aes256->hash == hash_id::sha384);
  STATIC_REQUIRE(aes256->aead == aead_id::aes_256_gcm);
  STATIC_REQUIRE(aes256->key_length == 32);
  STATIC_REQUIRE(aes256->iv_length == 12);  // RFC 8446 §5.3
  STATIC_REQUIRE(aes256->record_iv_length == 0);
  STATIC_REQUIRE(aes256->verify_data_length == 48);
  constexpr auto is_provider_sha384 = [](auto s) -> result<bool> {
    return std::is_same_v<typename decltype(s)::hash, reference_provider::sha384>;
  };
  STATIC_REQUIRE(visit_suite<full_provider>(cipher_suite::tls_aes_256_gcm_sha384, is_provider_sha384).value());
  STATIC_REQUIRE_FALSE(
      visit_suite<full_provider>(cipher_suite::tls_aes_128_gcm_sha256, is_provider_sha384).value());
  constexpr auto chacha =
      visit_suite<full_provider>(cipher_suite::tls_chacha20_poly1305_sha256, record_any);
  STATIC_REQUIRE(chacha->hash == hash_id::sha256);
  STATIC_REQUIRE(chacha->aead == aead_id::chacha20_poly1305);
  STATIC_REQUIRE(chacha->tls13);
}

TEST_CASE("TLS 1.2 AEAD suites reach f with their PRF hash and record nonce sizes",
          "[crypto][visit_suite]") {
  // RFC 5288 §3: 4-byte salt, 8-byte explicit nonce.
  constexpr auto gcm =
      visit_suite<full_provider>(cipher_suite::tls_ecdhe_rsa_with_aes_256_gcm_sha384, record_any);
  STATIC_REQUIRE(gcm->hash == hash_id::sha384);
  STATIC_REQUIRE_FALSE(gcm->tls13);
  STATIC_REQUIRE(gcm->iv_length == 4);
  STATIC_REQUIRE(gcm->record_iv_length == 8);
  STATIC_REQUIRE(gcm->verify_data_length == 12);  // RFC 5246 §7.4.9
  // RFC 7905 §2: a 12-byte IV, nothing sent per record.
  constexpr auto chacha = visit_suite<full_provider>(
      cipher_suite::tls_ecdhe_ecdsa_with_chacha20_poly1305_sha256, record_any);
  STATIC_REQUIRE(chacha->iv_length == 12);
  STATIC_REQUIRE(chacha->record_iv_length == 0);
  // The key exchange stays a run-time value in info.
  STATIC_REQUIRE(visit_suite<full_provider>(cipher_suite::tls_dhe_rsa_with_aes_128_gcm_sha256,
                                            [](auto s) -> result<key_exchange_algorithm> {
                                              return s.info.key_exchange;
                                            })
                     .value() == key_exchange_algorithm::dhe);
}

TEST_CASE("refuses unknown, GREASE and signalling values with illegal_parameter",
          "[crypto][visit_suite]") {
  for (std::uint16_t v : {0x0a0a, 0x1a1a, 0xeaea, 0x5600, 0x00ff, 0x1306, 0xfefe}) {
    INFO(v);
    const auto r = visit_suite<full_provider>(static_cast<cipher_suite>(v), record_any);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error() == refused_unknown);
  }
}

TEST_CASE("refuses CBC, RC4, NULL and integrity-only suites with handshake_failure",
          "[crypto][visit_suite]") {
  for (cipher_suite s : {cipher_suite::tls_rsa_with_aes_128_cbc_sha,
                         cipher_suite::tls_ecdhe_rsa_with_aes_256_cbc_sha384,
                         cipher_suite::tls_rsa_with_rc4_128_sha, cipher_suite::tls_rsa_with_null_sha256,
                         cipher_suite::tls_sha256_sha256, cipher_suite::tls_dhe_rsa_with_aes_256_ccm}) {
    INFO(to_string(s));
    const auto r = visit_suite<full_provider>(s, record_any);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error() == refused_unsupported);
  }
}

TEST_CASE("refuses a suite whose hash or AEAD the provider lacks, and never instantiates f for it",
          "[crypto][visit_suite]") {
  // fake_provider: no SHA-384, no ChaCha20-Poly1305. f does not compile for
  // either, so this compiling proves visit_suite never instantiates it there.
  const auto f = [](auto s) -> status {
    using S = decltype(s);
    static_assert(S::prf_hash == hash_id::sha256 && S::aead != aead_id::chacha20_poly1305);
    return {};
  };
  CHECK(visit_suite<fake_provider>(cipher_suite::tls_aes_128_gcm_sha256, f).ok());
  CHECK(visit_suite<fake_provider>(cipher_suite::tls_ecdhe_rsa_with_aes_128_gcm_sha256, f).ok());
  for (cipher_suite s : {cipher_suite::tls_aes_256_gcm_sha384, cipher_suite::tls_chacha20_poly1305_sha256,
                         cipher_suite::tls_ecdhe_rsa_with_aes_256_gcm_sha384}) {
    INFO(to_string(s));
    const auto r = visit_suite<fake_provider>(s, f);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error() == refused_unsupported);
  }
  STATIC_REQUIRE_FALSE(provider_supports<fake_provider>(cipher_suite::tls_aes_256_gcm_sha384));
  STATIC_REQUIRE(provider_supports<fake_provider>(cipher_suite::tls_aes_128_gcm_sha256));
}

// An engine configured for one suite.
constexpr std::array<cipher_suite, 1> only_aes_128_gcm{cipher_suite::tls_aes_128_gcm_sha256};

TEST_CASE("a caller's suite list refuses other suites and bounds what is instantiated",
          "[crypto][visit_suite]") {
  const auto f = [](auto s) -> status {
    using S = decltype(s);
    static_assert(S::aead == aead_id::aes_128_gcm && S::tls13 && S::prf_hash == hash_id::sha256);
    return {};
  };
  CHECK(visit_suite<full_provider, only_aes_128_gcm>(cipher_suite::tls_aes_128_gcm_sha256, f).ok());
  const auto other = visit_suite<full_provider, only_aes_128_gcm>(cipher_suite::tls_aes_256_gcm_sha384, f);
  REQUIRE_FALSE(other.ok());
  CHECK(other.error() == refused_unsupported);
  // Same (hash, AEAD, version) as the listed suite, but not listed itself.
  const auto ccm = visit_suite<full_provider, only_aes_128_gcm>(
      cipher_suite::tls_ecdhe_rsa_with_aes_128_gcm_sha256, f);
  CHECK_FALSE(ccm.ok());
}

TEST_CASE("tls13_cipher_suites lists the five AEAD suites of RFC 8446 §B.4", "[crypto][visit_suite]") {
  STATIC_REQUIRE(tls13_cipher_suites ==
                 std::array<cipher_suite, 5>{cipher_suite::tls_aes_128_gcm_sha256,
                                             cipher_suite::tls_aes_256_gcm_sha384,
                                             cipher_suite::tls_chacha20_poly1305_sha256,
                                             cipher_suite::tls_aes_128_ccm_sha256,
                                             cipher_suite::tls_aes_128_ccm_8_sha256});
  STATIC_REQUIRE(visit_suite<full_provider, tls13_cipher_suites>(cipher_suite::tls_aes_128_ccm_8_sha256,
                                                                 record_any)
                     ->tag_length == 8);  // RFC 6655 §3
  STATIC_REQUIRE_FALSE(visit_suite<full_provider, tls13_cipher_suites>(
                           cipher_suite::tls_ecdhe_rsa_with_aes_128_gcm_sha256, record_any)
                           .ok());
}

TEST_CASE("a provider without AEADs supports no suite", "[crypto][visit_suite]") {
  const auto r = visit_suite<reference_provider>(cipher_suite::tls_aes_128_gcm_sha256,
                                                 [](auto) -> status { return {}; });
  STATIC_REQUIRE(std::is_same_v<std::remove_const_t<decltype(r)>, status>);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error() == refused_unsupported);
  STATIC_REQUIRE_FALSE(provider_supports<reference_provider>(cipher_suite::tls_aes_128_gcm_sha256));
}

// aead_suite takes its sizes from the first registry row of its (hash, AEAD,
// version); that is only right if every row of the combination agrees.
constexpr bool rows_of_one_combination_agree() {
  for (const auto& a : cipher_suite_infos) {
    if (!is_aead_suite(a)) continue;
    for (const auto& b : cipher_suite_infos) {
      if (!is_aead_suite(b) || *hash_of(a) != *hash_of(b) || *aead_of(a) != *aead_of(b) ||
          a.tls13 != b.tls13)
        continue;
      if (a.key_length != b.key_length || a.fixed_iv_length != b.fixed_iv_length ||
          a.record_iv_length != b.record_iv_length || a.tag_length != b.tag_length ||
          a.verify_data_length() != b.verify_data_length())
        return false;
    }
  }
  return true;
}

TEST_CASE("every registry row of one hash, AEAD and version has the same record sizes",
          "[crypto][visit_suite]") {
  STATIC_REQUIRE(rows_of_one_combination_agree());
}

TEST_CASE("visit_hash reaches f with the provider's hash type, and refuses one it lacks",
          "[crypto][visit_suite]") {
  const auto size_of = [](auto h) -> result<std::size_t> { return decltype(h)::type::digest_size; };
  STATIC_REQUIRE(visit_hash<full_provider>(hash_id::sha384, size_of).value() == 48);
  STATIC_REQUIRE(visit_hash<full_provider>(hash_id::sha256, size_of).value() == 32);
  const auto missing = visit_hash<fake_provider>(hash_id::sha384, size_of);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error() == refused_unsupported);
}

}  // namespace
