#pragma once
// The provider conformance suite: one set of cases, written once over the
// provider type, run against every provider (reference, OpenSSL, mbedTLS).
//
// Include this from exactly one test file of a test program, after defining
// TLSWIRE_CONFORMANCE_PROVIDER to the provider type. The cases are Catch2
// template test cases (over that one type) so that `if constexpr` really
// discards what a provider does not have. A case whose algorithm
// the provider does not offer (provider_supports<P>(...) is false at compile
// time) checks nothing but that it is indeed absent, and says so in a WARN-free
// way: the case passes and is counted as "not applicable" in its output.
//
// Known answers: FIPS 180-4 examples (SHA-2), RFC 4231 (HMAC), RFC 5869
// (HKDF), McGrew & Viega "The Galois/Counter Mode of Operation" test cases
// 4 and 16 (AES-GCM), RFC 8439 §2.8.2 (ChaCha20-Poly1305), NIST SP 800-38C
// example 3 (AES-CCM with an 8-byte tag and 12-byte nonce = CCM_8), RFC 7748
// §5.2 and §6.1 (X25519), RFC 8448 §3 (the X25519 shared secret and the
// server's rsa_pss_rsae_sha256 CertificateVerify, with the RFC's server key). RSA, ECDH over NIST curves and signatures are
// round trips with the keys in tests/vectors/keys (see SOURCES.md).
// Then every Wycheproof file of tests/vectors/wycheproof/ through every
// family the provider has (providers/wycheproof.hpp says how cases score).
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "providers/wycheproof.hpp"
#include "support/hex.hpp"
#include "support/read_vector_file.hpp"
#include "support/vector_file.hpp"
#include "tlswire/crypto/provider.hpp"
#include "tlswire/crypto/rsa_premaster.hpp"

#ifndef TLSWIRE_CONFORMANCE_PROVIDER
#error "define TLSWIRE_CONFORMANCE_PROVIDER to the provider type before including conformance.hpp"
#endif
#define TLSWIRE_CONFORMANCE_STRINGIZE_(x) #x
#define TLSWIRE_CONFORMANCE_STRINGIZE(x) TLSWIRE_CONFORMANCE_STRINGIZE_(x)

namespace tlswire::conformance {

using tlswire::test::ascii;
using tlswire::test::counting_from;
using tlswire::test::from_hex;
using tlswire::test::hex;
using tlswire::test::read_vector_file;
using tlswire::test::repeated;
using tlswire::test::to_hex;

inline std::vector<std::uint8_t> to_vector(bytes_view b) { return {b.begin(), b.end()}; }

template <class H>
std::string digest_hex(bytes_view message) {
  H h;
  h.update(message);
  std::array<std::uint8_t, H::digest_size> d{};
  h.finish(d);
  return to_hex(d);
}

template <class P, class H>
std::string hmac_hex(bytes_view key, bytes_view data) {
  std::array<std::uint8_t, H::digest_size> out{};
  P::template hmac<H>(key, data, out);
  return to_hex(out);
}

// The keys of tests/vectors/keys and the schemes each one signs.
struct test_key {
  const char* name;
  signature_scheme schemes[2];
  std::size_t scheme_count;
};
inline constexpr test_key test_keys[] = {
    {"rsa2048", {signature_scheme::rsa_pss_rsae_sha256, signature_scheme::rsa_pss_rsae_sha384}, 2},
    {"rsa2048", {signature_scheme::rsa_pkcs1_sha256, signature_scheme::rsa_pkcs1_sha384}, 2},
    {"p256", {signature_scheme::ecdsa_secp256r1_sha256, {}}, 1},
    {"p384", {signature_scheme::ecdsa_secp384r1_sha384, {}}, 1},
    {"ed25519", {signature_scheme::ed25519, {}}, 1},
};

// AEAD known answer: seal gives ciphertext||tag, open gives the plaintext
// back, both out of place and in place; a flipped bit anywhere is refused.
template <class P>
void check_aead_known_answer(aead_id id, bytes_view key, bytes_view nonce, bytes_view aad,
                             bytes_view plaintext, bytes_view expected_sealed) {
  INFO(to_string(id));
  typename P::aead_key k;
  REQUIRE(k.set_key(id, key).ok());
  const std::size_t tag = aead_tag_size(id);
  REQUIRE(expected_sealed.size() == plaintext.size() + tag);

  std::vector<std::uint8_t> sealed(plaintext.size() + tag);
  REQUIRE(k.seal(nonce, aad, plaintext, sealed).ok());
  CHECK(to_hex(sealed) == to_hex(expected_sealed));

  std::vector<std::uint8_t> opened(plaintext.size());
  REQUIRE(k.open(nonce, aad, expected_sealed, opened).ok());
  CHECK(to_hex(opened) == to_hex(plaintext));

  // In place: the record buffer holds the plaintext, then room for the tag.
  std::vector<std::uint8_t> record(plaintext.begin(), plaintext.end());
  record.resize(plaintext.size() + tag);
  REQUIRE(k.seal(nonce, aad, bytes_view(record).first(plaintext.size()), record).ok());
  CHECK(to_hex(record) == to_hex(expected_sealed));
  REQUIRE(k.open(nonce, aad, record, mutable_bytes(record).first(plaintext.size())).ok());
  CHECK(to_hex(bytes_view(record).first(plaintext.size())) == to_hex(plaintext));

  // Tampering with the ciphertext, the tag, the AAD or the nonce is refused
  // with bad_record_mac, and no plaintext is left in the output.
  auto refused = [&](bytes_view n, bytes_view a, bytes_view s) {
    std::vector<std::uint8_t> out(plaintext.size(), 0x55);
    const status st = k.open(n, a, s, out);
    const bool wiped = std::all_of(out.begin(), out.end(), [](std::uint8_t b) { return b == 0; });
    return !st.ok() && st.error().code == errc::bad_record_mac &&
           st.error().alert == alert_description::bad_record_mac && wiped;
  };
  for (std::size_t i = 0; i < expected_sealed.size();
       i += (i < 2 || i + 3 > expected_sealed.size()) ? 1 : 7) {
    auto bad = to_vector(expected_sealed);
    bad[i] ^= 0x01;
    INFO("flipped byte " << i);
    CHECK(refused(nonce, aad, bad));
  }
  auto bad_nonce = to_vector(nonce);
  bad_nonce[11] ^= 0x80;
  CHECK(refused(bad_nonce, aad, expected_sealed));
  auto bad_aad = to_vector(aad);
  bad_aad.push_back(0);
  CHECK(refused(nonce, bad_aad, expected_sealed));
  // Shorter than a tag: refused, not read out of bounds.
  std::vector<std::uint8_t> empty_out;
  const status too_short = k.open(nonce, aad, expected_sealed.first(tag - 1), empty_out);
  CHECK(!too_short.ok());
  CHECK(too_short.error().code == errc::bad_record_mac);
}

// The secret `g` gives for a known private value and a peer's public value
// (the known-answer tests of RFC 7748 and RFC 8448).
template <class P>
std::vector<std::uint8_t> shared_secret_of(P& p, named_group g, bytes_view private_value,
                                           bytes_view peer_public_value) {
  typename P::key_share_private_key k;
  REQUIRE(p.import_key_share(g, private_value, k).ok());
  std::vector<std::uint8_t> shared(shared_secret_size(g));
  REQUIRE(p.derive_shared_secret(k, peer_public_value, shared).ok());
  return shared;
}

// A fresh key share each side, derive both ways: the same secret.
template <class P>
void check_key_agreement(P& p, named_group g) {
  INFO(to_string(g));
  typename P::key_share_private_key a, b;
  std::vector<std::uint8_t> pub_a(key_share_size(g)), pub_b(key_share_size(g));
  REQUIRE(p.generate_key_share(g, a, pub_a).ok());
  REQUIRE(p.generate_key_share(g, b, pub_b).ok());
  CHECK(pub_a != pub_b);
  if (g != named_group::x25519) CHECK(pub_a[0] == 0x04);  // RFC 8446 §4.2.8.2 uncompressed
  std::vector<std::uint8_t> s_ab(shared_secret_size(g)), s_ba(shared_secret_size(g));
  REQUIRE(p.derive_shared_secret(a, pub_b, s_ab).ok());
  REQUIRE(p.derive_shared_secret(b, pub_a, s_ba).ok());
  CHECK(s_ab == s_ba);

  // A peer value that is not a point, has the wrong size, or (NIST) is
  // compressed is refused with illegal_parameter.
  auto refused = [&](bytes_view peer) {
    std::vector<std::uint8_t> s(shared_secret_size(g));
    const status st = p.derive_shared_secret(a, peer, s);
    return !st.ok() && st.error().alert == alert_description::illegal_parameter;
  };
  CHECK(refused(bytes_view(pub_b).first(pub_b.size() - 1)));
  if (g != named_group::x25519) {
    auto off_curve = pub_b;
    off_curve.back() ^= 0x01;
    CHECK(refused(off_curve));
    auto compressed = pub_b;
    compressed[0] = 0x02;
    CHECK(refused(compressed));
  } else {
    // RFC 7748 §6.1 / RFC 8446 §7.4.2: a low-order point gives an all-zero
    // secret, which must be refused. u = 0 is the simplest such point.
    CHECK(refused(std::array<std::uint8_t, 32>{}));
  }
}

}  // namespace tlswire::conformance

namespace {

using tlswire::conformance::test_keys;
using namespace tlswire;
using namespace tlswire::conformance;

// ------------------------------------------------------------------ hashing
TEMPLATE_TEST_CASE("SHA-256 matches the FIPS 180-4 examples", "[conformance][sha2]",
                   TLSWIRE_CONFORMANCE_PROVIDER) {
  using P = TestType;
  using H = hash_type<P, hash_id::sha256>;
  CHECK(digest_hex<H>({}) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(digest_hex<H>(ascii("abc")) ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(digest_hex<H>(ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEMPLATE_TEST_CASE("SHA-384 matches the FIPS 180-4 examples", "[conformance][sha2]",
                   TLSWIRE_CONFORMANCE_PROVIDER) {
  using P = TestType;
  if constexpr (!provider_supports<P>(hash_id::sha384)) {
    SUCCEED("not applicable: the provider has no SHA-384");
  } else {
    using H = hash_type<P, hash_id::sha384>;
    CHECK(digest_hex<H>(ascii("abc")) ==
          "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded163"
          "1a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7");
    CHECK(digest_hex<H>(ascii("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                              "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")) ==
          "09330c33f71147e83d192fc782cd1b4753111b173b3b05d2"
          "2fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039");
  }
}

TEMPLATE_TEST_CASE("a copied hash state is an independent snapshot of the transcript",
                   "[conformance][sha2]", TLSWIRE_CONFORMANCE_PROVIDER) {
  using P = TestType;
  using H = hash_type<P, hash_id::sha256>;
  H running;
  running.update(ascii("ab"));
  H snapshot = running;  // e.g. the transcript up to ServerHello
  running.update(ascii("c"));
  std::array<std::uint8_t, 32> at_snapshot{}, at_end{};
  snapshot.finish(at_snapshot);
  running.finish(at_end);
  CHECK(to_hex(at_snapshot) == digest_hex<H>(ascii("ab")));
  CHECK(to_hex(at_end) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // Assigning a snapshot over a used state replaces it entirely.
  H other;
  other.update(ascii("something else"));
  other = snapshot;  // snapshot was finished: it starts from empty again
  std::array<std::uint8_t, 32> again{};
  other.update(ascii("abc"));
  other.finish(again);
  CHECK(to_hex(again) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

// ------------------------------------------------------------------ HMAC
TEMPLATE_TEST_CASE("HMAC-SHA-256 and HMAC-SHA-384 match RFC 4231 test cases 1, 2 and 7",
                   "[conformance][hmac]", TLSWIRE_CONFORMANCE_PROVIDER) {
  using P = TestType;
  using H256 = hash_type<P, hash_id::sha256>;
  const auto key1 = repeated<20>(0x0b);
  const auto key7 = repeated<131>(0xaa);
  const auto data7 = ascii(
      "This is a test using a larger than block-size key and a larger than block-size data. The "
      "key needs to be hashed before being used by the HMAC algorithm.");
  CHECK(hmac_hex<P, H256>(key1, ascii("Hi There")) ==
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  CHECK(hmac_hex<P, H256>(ascii("Jefe"), ascii("what do ya want for nothing?")) ==
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  CHECK(hmac_hex<P, H256>(key7, data7) ==
        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
  if constexpr (provider_supports<P>(hash_id::sha384)) {
    using H384 = hash_type<P, hash_id::sha384>;
    CHECK(hmac_hex<P, H384>(key1, ascii("Hi There")) ==
          "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59c"
          "faea9ea9076ede7f4af152e8b2fa9cb6");
    CHECK(hmac_hex<P, H384>(key7, data7) ==
          "6617178e941f020d351e2f254e8fd32c602420feb0b8fb9adccebb82461e99c5"
          "a678cc31e799176d3860e6110c46523e");
  }
}

TEMPLATE_TEST_CASE("a keyed HMAC state copies, and MACs data fed in pieces", "[conformance][hmac]",
                   TLSWIRE_CONFORMANCE_PROVIDER) {
  using P = TestType;
  using H = hash_type<P, hash_id::sha256>;
  const typename P::template hmac_state<H> keyed(ascii("Jefe"));
  auto first = keyed;
  first.update(ascii("what do ya "));
  first.update(ascii("want for nothing?"));
  auto second = keyed;
  second.update(ascii("Hi There"));
  std::array<std::uint8_t, 32> a{}, b{};
  first.finish(a);
  second.finish(b);
  CHECK(to_hex(a) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  CHECK(to_hex(b) == hmac_hex<P, H>(ascii("Jefe"), ascii("Hi There")));
  // An empty key and empty data are valid inputs (HMAC pads the key).
  CHECK(hmac_hex<P, H>({}, {}) ==
        "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

// ------------------------------------------------------------------ HKDF
TEMPLATE_TEST_CASE("HKDF-SHA-256 matches RFC 5869 test cases 1 and 3", "[conformance][hkdf]",
                   TLSWIRE_CONFORMANCE_PROVIDER) {
  using P = TestType;
  using H = hash_type<P, hash_id::sha256>;
  const auto ikm = repeated<22>(0x0b);
  std::array<std::uint8_t, 32> prk{};
  std::array<std::uint8_t, 42> okm{};

  P::template hkdf_extract<H>(counting_from<13>(0x00), ikm, prk);  // A.1
  CHECK(to_hex(prk) == "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
  REQUIRE(P::template hkdf_expand<H>(prk, counting_from<10>(0xf0), okm));
  CHECK(to_hex(okm) ==
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");

  P::template hkdf_extract<H>({}, ikm, prk);  // A.3: empty salt and info
  CHECK(to_hex(prk) == "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04");
  REQUIRE(P::template hkdf_expand<H>(prk, {}, okm));
  CHECK(to_hex(okm) ==
        "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
}

TEMPLATE_TEST_CASE("HKDF-SHA-256 matches RFC 5869 test case 2 (80-byte inputs, 82-byte output)",
                   "[conformance][hkdf]", TLSWIRE_CONFORMANCE_PROVIDER) {
  using P = TestType;
  using H = hash_type<P, hash_id::sha256>;
  std::array<std::uint8_t, 32> prk{};
  std::array<std::uint8_t, 82> okm{};
  P::template hkdf_extract<H>(counting_from<80>(0x60), counting_from<80>(0x00), prk);
  CHECK(to_hex(prk) == "06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244");
  REQUIRE(P::template hkdf_expand<H>(prk, counting_from<80>(0xb0), okm));
  CHECK(to_hex(okm) ==
        "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e"
        "590e"
        "09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87");
}

TEMPLATE_TEST_CASE("HKDF-Extract accepts an empty IKM, HKDF-Expand refuses L > 255 * HashLen",
                   "[conformance][hkdf]", TLSWIRE_CONFORMANCE_PROVIDER) {
  using P = TestType;
  using H = hash_type<P, hash_id::sha256>;
  std::array<std::uint8_t, 32> prk{}, by_hmac{};
  P::template hkdf_extract<H>(ascii("salt"), {}, prk);
  P::template hmac<H>(ascii("salt"), {}, by_hmac);  // RFC 5869 §2.2: PRK = HMAC(salt, IKM)
  CHECK(prk == by_hmac);
  std::vector<std::uint8_t> too_long(255 * 32 + 1, 0x77);
  CHECK_FALSE(P::template hkdf_expand<H>(prk, {}, too_long));
  CHECK(too_long[0] == 0x77);  // nothing written
  std::vector<std::uint8_t> longest(255 * 32);
  CHECK(P::template hkdf_expand<H>(prk, {}, longest));
  if constexpr (provider_supports<P>(hash_id::sha384)) {
    using H384 = hash_type<P, hash_id::sha384>;
    std::array<std::uint8_t, 48> prk384{}, hmac384{};
    P::template hkdf_extract<H384>(ascii("salt"), ascii("ikm"), prk384);
    P::template hmac<H384>(ascii("salt"), ascii("ikm"), hmac384);
    CHECK(prk384 == hmac384);
  }
}

// ------------------------------------------------------------------ AEAD
TEMPLATE_TEST_CASE("AES-GCM matches the GCM specification's test cases 4 and 16",
                   "[conformance][aead]", TLSWIRE_CONFORMANCE_PROVIDER) {
  using P = TestType;
  if constexpr (!aead_provider<P>) {
    STATIC_REQUIRE_FALSE(provider_supports<P>(aead_id::aes_128_gcm));
  } else {
    const auto key = hex("feffe9928665731c6d6a8f9467308308");
    const auto iv = hex("cafebabefacedbaddecaf888");
    const auto plaintext =
        hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
    const auto aad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
    if constexpr (provider_supports<P>(aead_id::aes_128_gcm))
      check_aead_known_answer<P>(
          aead_id::aes_128_gcm, key, iv, aad, plaintext,
          hex("42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
              "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091"
              "5bc94fbc3221a5db94fae95ae7121a47"));
    if constexpr (provider_supports<P>(aead_id::aes_256_gcm))
      check_aead_known_answer<P>(
          aead_id::aes_256_gcm,
          hex("feffe9928665731c6d6a8f9467308308"
              "feffe9928665731c6d6a8f9467308308"),
          iv, aad, plaintext,
          hex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
              "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
              "76fc6ece0f4e1768cddf8853bb2d551b"));
    // GCM spec test case 2: an empty AAD and one zero block.
    if constexpr (provider_supports<P>(aead_id::aes_128_gcm))
      check_aead_known_answer<P>(
          aead_id::aes_128_gcm, repeated<16>(0), repeated<12>(0), std::array<std::uint8_t, 0>{},
          repeated<16>(0), hex("0388dace60b6a392f328c2b971b2fe78ab6e47d42cec13bdf53a67b21257bddf"));
  }
}

TEMPLATE_TEST_CASE("ChaCha20-Poly1305 matches RFC 8439 §2.8.2", "[conformance][aead]",
                   TLSWIRE_CONFORMANCE_PROVIDER) {
  using P = TestType;
  if constexpr (!provider_supports<P>(aead_id::chacha20_poly1305)) {
    SUCCEED("not applicable: the provider has no ChaCha20-Poly1305");
  } else {
    check_aead_known_answer<P>(
        aead_id::chacha20_poly1305, counting_from<32>(0x80), hex("070000004041424344454647"),
        hex("50515253c0c1c2c3c4c5c6c7"),
        ascii("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for "
              "the future, sunscreen would be it."),
        hex("d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
            "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
            "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
            "3ff4def08e4b7a9de576d26586cec64b6116"
            "1ae10b594f09e26a7e902ecbd0600691"));
  }
}

TEMPLATE_TEST_CASE("AES-128-CCM-8 matches NIST SP 800-38C example 3", "[conformance][aead]",
                   TLSWIRE_CONFORMANCE_PROVIDER) {
  using P = TestType;
  if constexpr (!provider_supports<P>(aead_id::aes_128_ccm_8)) {
    SUCCEED("not applicable: the provider has no AES-128-CCM-8");
  } else {
    check_aead_known_answer<P>(aead_id::aes_128_ccm_8, counting_from<16>(0x40),
                               counting_from<12>(0x10), counting_from<20>(0x00),
                               counting_from<24>(0x20),
                               hex("e3b201a9f5b71a7a9b1ceaeccd97e70b6176aad9a4428aa5"
                                   "484392fbc1b09951"));
  }
}

TEMPLATE_TEST_CASE("every supported AEAD round-trips empty and multi-block records",
                   "[conformance][aead]", TLSWIRE_CONFORMANCE_PROVIDER) {
  using P = TestType;
  if constexpr (!aead_provider<P>) {
    SUCCEED("not applicable: the provider has no AEAD");
  } else {
    for (aead_id id : all_aeads) {
      if (!provider_supports<P>(id)) continue;
      INFO(to_string(id));
      std::vector<std::uint8_t> key(aead_key_size(id), 0x42);
      typename P::aead_key k;
      REQUIRE(k.set_key(id, key).ok());
      const auto nonce = counting_from<12>(1);
      for (std::size_t length :
           {std::size_t{0}, std::size_t{1}, std::size_t{17}, std::size_t{16384}}) {
        std::vector<std::uint8_t> plaintext(length, 0xab), sealed(length + aead_tag_size(id)),
            opened(length, 0);
        REQUIRE(k.seal(nonce, ascii("aad"), plaintext, sealed).ok());
        REQUIRE(k.open(nonce, ascii("aad"), sealed, opened).ok());
        CHECK(opened == plaintext);
      }
    }
  }
}

// ------------------------------------------------------------------ key exchange
TEMPLATE_TEST_CASE("X25519 matches RFC 7748 §6.1 (Alice and Bob)", "[conformance][x25519]",
                   TLSWIRE_CONFORMANCE_PROVIDER) {
  using P = TestType;
  if constexpr (!provider_supports<P>(named_group::x25519)) {
    SUCCEED("not applicable: the provider has no X25519");
  } else {
    P p;
    const auto alice_private =
        hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    const auto alice_public =
        hex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    const auto bob_private =
        hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
    const auto bob_public = hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    const auto k1 = shared_secret_of(p, named_group::x25519, alice_private, bob_public);
    const auto k2 = shared_secret_of(p, named_group::x25519, bob_private, alice_public);
    CHECK(to_hex(k1) == "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
    CHECK(k1 == k2);
  }
}

TEMPLATE_TEST_CASE("X25519 matches RFC 7748 §5.2 (scalar times u-coordinate)",
                   "[conformance][x25519]", TLSWIRE_CONFORMANCE_PROVIDER) {
  using P = TestType;
  if constexpr (!provider_supports<P>(named_group::x25519)) {
    SUCCEED("not applicable: the provider has no X25519");
  } else {
    P p;
    CHECK(to_hex(shared_secret_of(
              p, named_group::x25519,
              hex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4"),
              hex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c"))) ==
          "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552");
    // The u-coordinate's top bit is set: RFC 7748 §5 says to ignore it.
    CHECK(to_hex(shared_secret_of(
              p, named_group::x25519,
              hex("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d"),
              hex("e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493"))) ==
          "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957");
  }
}

TEMPLATE_TEST_CASE("X25519 gives RFC 8448's (EC)DHE shared secret from both sides",
                   "[conformance][x25519][rfc8448]", TLSWIRE_CONFORMANCE_PROVIDER) {
  using P = TestType;
  if constexpr (!provider_supports<P>(named_group::x25519)) {
    SUCCEED("not applicable: the provider has no X25519");
  } else {
    const auto trace = tlswire::test::load_vectors("rfc8448/simple-1rtt.txt");
    P p;
    const auto at_client =
        shared_secret_of(p, named_group::x25519, trace.view("client_x25519_ephemeral_private_key"),
                         trace.view("server_x25519_ephemeral_public_key"));
    const auto at_server =
        shared_secret_of(p, named_group::x25519, trace.view("server_x25519_ephemeral_private_key"),
                         trace.view("client_x25519_ephemeral_public_key"));
    // RFC 8448 §3 "extract secret handshake": IKM is the shared secret.
    CHECK(to_hex(at_client) == to_hex(trace.view("handshake_secret.ikm")));
    CHECK(at_client == at_server);
  }
}

TEMPLATE_TEST_CASE("every supported group agrees on a shared secret and refuses bad peer values",
                   "[conformance][kx]", TLSWIRE_CONFORMANCE_PROVIDER) {
  using P = TestType;
  if constexpr (!key_exchange_provider<P>) {
    for (auto g : all_key_exchange_groups) CHECK_FALSE(provider_supports<P>(g));
  } else {
    P p;
    for (auto g : all_key_exchange_groups)
      if (provider_supports<P>(g)) check_key_agreement(p, g);
    // A group no provider here implements is refused, not crashed on.
    typename P::key_share_private_key k;
    std::array<std::uint8_t, 256> pub{};
    const status st = p.generate_key_share(named_group::ffdhe2048, k, pub);
    CHECK_FALSE(st.ok());
  }
}

// ------------------------------------------------------------------ signatures
TEMPLATE_TEST_CASE("every supported signature scheme signs and verifies with the test keys",
                   "[conformance][signature]", TLSWIRE_CONFORMANCE_PROVIDER) {
  using P = TestType;
  if constexpr (!signature_provider<P>) {
    for (auto s : all_signature_schemes) CHECK_FALSE(provider_supports<P>(s));
  } else {
    P p;
    const auto message = ascii("TLS 1.3, server CertificateVerify\0 and some transcript hash");
    for (const auto& tk : test_keys) {
      const std::string name = tk.name;
      for (std::size_t i = 0; i < tk.scheme_count; ++i) {
        const signature_scheme scheme = tk.schemes[i];
        INFO(name << " " << to_string(scheme));
        if (!provider_supports<P>(scheme)) continue;
        typename P::private_key key;
        REQUIRE(p.load_private_key(read_vector_file("keys/" + name + ".key.der"), key).ok());
        const auto spki = read_vector_file("keys/" + name + ".spki.der");
        std::array<std::uint8_t, max_signature_size> sig{};
        const auto n = p.sign(key, scheme, message, sig);
        REQUIRE(n.ok());
        const bytes_view signature = bytes_view(sig).first(*n);
        CHECK(p.verify(spki, scheme, message, signature).ok());

        auto other_message = to_vector(message);
        other_message[0] ^= 1;
        const status bad = p.verify(spki, scheme, other_message, signature);
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error().alert == alert_description::decrypt_error);

        auto bad_sig = to_vector(signature);
        bad_sig[bad_sig.size() / 2] ^= 0x10;
        CHECK_FALSE(p.verify(spki, scheme, message, bad_sig).ok());
      }
    }
  }
}

TEMPLATE_TEST_CASE("verifies RFC 8448's server CertificateVerify and signs with its key",
                   "[conformance][signature][rfc8448]", TLSWIRE_CONFORMANCE_PROVIDER) {
  using P = TestType;
  if constexpr (!provider_supports<P>(signature_scheme::rsa_pss_rsae_sha256)) {
    SUCCEED("not applicable: the provider has no rsa_pss_rsae_sha256");
  } else {
    const auto trace = tlswire::test::load_vectors("rfc8448/simple-1rtt.txt");
    // RFC 8446 §4.4.3: 64 spaces, the context string, a zero byte, then
    // Transcript-Hash(ClientHello .. Certificate).
    hash_type<P, hash_id::sha256> transcript;
    for (const char* message :
         {"client_hello", "server_hello", "encrypted_extensions", "server_certificate"})
      transcript.update(trace.view(message));
    std::vector<std::uint8_t> content(64, 0x20);
    const auto context = ascii("TLS 1.3, server CertificateVerify");
    content.insert(content.end(), context.begin(), context.end());
    content.push_back(0);
    std::array<std::uint8_t, 32> hash{};
    transcript.finish(hash);
    content.insert(content.end(), hash.begin(), hash.end());

    // CertificateVerify: 4-byte handshake header, scheme 0x0804, 2-byte length.
    const bytes_view certificate_verify = trace.view("server_certificate_verify");
    REQUIRE(certificate_verify[4] == 0x08);
    REQUIRE(certificate_verify[5] == 0x04);
    const bytes_view signature = certificate_verify.subspan(8);
    const auto spki = read_vector_file("keys/rfc8448-server-rsa.spki.der");
    P p;
    CHECK(p.verify(spki, signature_scheme::rsa_pss_rsae_sha256, content, signature).ok());
    content.back() ^= 1;
    CHECK_FALSE(p.verify(spki, signature_scheme::rsa_pss_rsae_sha256, content, signature).ok());
    // The same signature under the other PSS hash or as PKCS#1 v1.5: refused.
    content.back() ^= 1;
    CHECK_FALSE(p.verify(spki, signature_scheme::rsa_pss_rsae_sha384, content, signature).ok());
    CHECK_FALSE(p.verify(spki, signature_scheme::rsa_pkcs1_sha256, content, signature).ok());

    // The RFC's private key (1024-bit) signs what its public key verifies.
    typename P::private_key key;
    REQUIRE(p.load_private_key(read_vector_file("keys/rfc8448-server-rsa.key.der"), key).ok());
    std::array<std::uint8_t, max_signature_size> sig{};
    const auto n = p.sign(key, signature_scheme::rsa_pss_rsae_sha256, content, sig);
    REQUIRE(n.ok());
    CHECK(*n == 128);
    CHECK(p.verify(spki, signature_scheme::rsa_pss_rsae_sha256, content, bytes_view(sig).first(*n))
              .ok());
  }
}

TEMPLATE_TEST_CASE("a key that does not fit the scheme is refused for signing and verifying",
                   "[conformance][signature]", TLSWIRE_CONFORMANCE_PROVIDER) {
  using P = TestType;
  if constexpr (!signature_provider<P>) {
    SUCCEED("not applicable: the provider has no signatures");
  } else {
    P p;
    typename P::private_key p256;
    REQUIRE(p.load_private_key(read_vector_file("keys/p256.key.der"), p256).ok());
    std::array<std::uint8_t, max_signature_size> sig{};
    CHECK_FALSE(p.sign(p256, signature_scheme::rsa_pss_rsae_sha256, ascii("m"), sig).ok());
    CHECK_FALSE(p.sign(p256, signature_scheme::ecdsa_secp384r1_sha384, ascii("m"), sig).ok());
    const auto n = p.sign(p256, signature_scheme::ecdsa_secp256r1_sha256, ascii("m"), sig);
    REQUIRE(n.ok());
    // Verified against the P-384 key or the RSA key: refused.
    CHECK_FALSE(p.verify(read_vector_file("keys/p384.spki.der"),
                         signature_scheme::ecdsa_secp256r1_sha256, ascii("m"),
                         bytes_view(sig).first(*n))
                    .ok());
    CHECK_FALSE(p.verify(read_vector_file("keys/rsa2048.spki.der"),
                         signature_scheme::ecdsa_secp256r1_sha256, ascii("m"),
                         bytes_view(sig).first(*n))
                    .ok());
  }
}

TEMPLATE_TEST_CASE("garbage is refused as a private key and as a SubjectPublicKeyInfo",
                   "[conformance][signature]", TLSWIRE_CONFORMANCE_PROVIDER) {
  using P = TestType;
  if constexpr (!signature_provider<P>) {
    SUCCEED("not applicable: the provider has no signatures");
  } else {
    P p;
    typename P::private_key key;
    const status st = p.load_private_key(ascii("not a key"), key);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().code == errc::bad_value);
    auto spki = read_vector_file("keys/p256.spki.der");
    spki.pop_back();  // truncated
    const status v =
        p.verify(spki, signature_scheme::ecdsa_secp256r1_sha256, ascii("m"), ascii("sig"));
    REQUIRE_FALSE(v.ok());
    CHECK(v.error().alert == alert_description::bad_certificate);
  }
}

// ------------------------------------------------------------------ RSA key transport
// The premaster step of RFC 5246 §7.4.7.1 (rsa_premaster_decrypt). A failure
// gives random bytes — the caller's `fallback` or the back end's own — so the
// cases below check "not M, and fresh each time" rather than which.
template <class P>
struct rsa_fixture {
  P p;
  typename P::private_key key = load(read_vector_file("keys/rsa2048.key.der"));
  std::vector<std::uint8_t> spki = read_vector_file("keys/rsa2048.spki.der");

  typename P::private_key load(bytes_view der) {
    typename P::private_key k;
    REQUIRE(p.load_private_key(der, k).ok());
    return k;
  }
  std::array<std::uint8_t, 256> encrypt(bytes_view message) {
    std::array<std::uint8_t, 256> c{};
    const auto n = p.rsa_pkcs1_encrypt(spki, message, c);
    REQUIRE(n.ok());
    REQUIRE(*n == 256);
    return c;
  }
  std::array<std::uint8_t, 48> decrypt(bytes_view encrypted,
                                       protocol_version client = protocol_version::tls12) {
    std::array<std::uint8_t, 48> out{};
    REQUIRE(decrypt_rsa_premaster(p, key, encrypted, client, out).ok());
    return out;
  }
  // `encrypted` gives a premaster other than `not_this`, fresh on each call.
  void check_random(bytes_view encrypted, const std::array<std::uint8_t, 48>& not_this) {
    const auto first = decrypt(encrypted);
    CHECK(first != not_this);
    CHECK(first != decrypt(encrypted));
  }
};

// Runs body(fixture) when P has RSA key transport, else says it does not.
template <class P, class Body>
void with_rsa_fixture(Body body) {
  if constexpr (!provider_supports<P>(key_transport_id::rsa_pkcs1)) {
    SUCCEED("not applicable: the provider has no RSA key transport");
  } else {
    rsa_fixture<P> f;
    body(f);
  }
}

// 03 03 || 02 03 04 ...: a TLS 1.2 client's premaster.
inline std::array<std::uint8_t, 48> tls12_premaster() {
  auto m = counting_from<48>(0);
  m[0] = 0x03;
  m[1] = 0x03;
  return m;
}

TEMPLATE_TEST_CASE("RSA PKCS#1 v1.5 encrypts to a SubjectPublicKeyInfo and the premaster decrypts",
                   "[conformance][rsa]", TLSWIRE_CONFORMANCE_PROVIDER) {
  with_rsa_fixture<TestType>([](auto& f) {
    const auto premaster = tls12_premaster();
    const auto encrypted = f.encrypt(premaster);
    CHECK(f.decrypt(encrypted) == premaster);

    // The provider's step itself keeps M and ignores the fallback.
    const auto fallback = repeated<48>(0xee);
    std::array<std::uint8_t, 48> out{};
    REQUIRE(f.p.rsa_premaster_decrypt(f.key, encrypted, protocol_version::tls12, fallback, out)
                .ok());
    CHECK(out == premaster);

    // Encryption is randomised (RFC 8017 §7.2.1 PS is random).
    std::array<std::uint8_t, 256> again{};
    REQUIRE(f.p.rsa_pkcs1_encrypt(f.spki, premaster, again).ok());
    CHECK(again != encrypted);
    CHECK(f.decrypt(again) == premaster);

    // Too small an output is refused, not overrun.
    std::array<std::uint8_t, 255> small{};
    CHECK_FALSE(f.p.rsa_pkcs1_encrypt(f.spki, premaster, small).ok());
    // Encrypting to an EC key is refused.
    std::array<std::uint8_t, 256> to_ec{};
    CHECK_FALSE(
        f.p.rsa_pkcs1_encrypt(read_vector_file("keys/p256.spki.der"), premaster, to_ec).ok());
  });
}

TEMPLATE_TEST_CASE("a tampered EncryptedPreMasterSecret gives a fresh random premaster and no error",
                   "[conformance][rsa]", TLSWIRE_CONFORMANCE_PROVIDER) {
  with_rsa_fixture<TestType>([](auto& f) {
    const auto premaster = tls12_premaster();
    auto encrypted = f.encrypt(premaster);
    encrypted[100] ^= 0x01;
    f.check_random(encrypted, premaster);
  });
}

TEMPLATE_TEST_CASE("a premaster of 47 or 49 bytes gives a fresh random premaster and no error",
                   "[conformance][rsa]", TLSWIRE_CONFORMANCE_PROVIDER) {
  with_rsa_fixture<TestType>([](auto& f) {
    const auto premaster = tls12_premaster();
    std::array<std::uint8_t, 49> longer{};
    std::copy(premaster.begin(), premaster.end(), longer.begin());
    for (const bytes_view message : {bytes_view(premaster).first(47), bytes_view(longer)})
      f.check_random(f.encrypt(message), premaster);
  });
}

// RFC 5246 §7.4.7.1 would give client_version || M[2..47] here; every
// provider treats the mismatch like bad padding instead (rsa_premaster.hpp).
TEMPLATE_TEST_CASE("a premaster whose version is not ClientHello.client_version gives a random premaster",
                   "[conformance][rsa]", TLSWIRE_CONFORMANCE_PROVIDER) {
  with_rsa_fixture<TestType>([](auto& f) {
    auto tls10_inside = tls12_premaster();
    tls10_inside[1] = 0x01;
    const auto encrypted = f.encrypt(tls10_inside);
    f.check_random(encrypted, tls10_inside);
    f.check_random(encrypted, tls12_premaster());
    // The same ciphertext is good for a client that offered TLS 1.0.
    CHECK(f.decrypt(encrypted, protocol_version::tls10) == tls10_inside);
  });
}

TEMPLATE_TEST_CASE("a ciphertext of the wrong size or not below the modulus gives a random premaster",
                   "[conformance][rsa]", TLSWIRE_CONFORMANCE_PROVIDER) {
  with_rsa_fixture<TestType>([](auto& f) {
    const auto encrypted = f.encrypt(tls12_premaster());
    std::vector<std::uint8_t> longer(encrypted.begin(), encrypted.end());
    longer.push_back(0);
    const std::vector<std::uint8_t> all_ones(256, 0xff);  // above any 2048-bit modulus
    for (const bytes_view c : {bytes_view(encrypted).first(255), bytes_view(longer),
                               bytes_view(all_ones), bytes_view()})
      f.check_random(c, tls12_premaster());
  });
}

TEMPLATE_TEST_CASE("a key that is not RSA is refused for the premaster",
                   "[conformance][rsa]", TLSWIRE_CONFORMANCE_PROVIDER) {
  with_rsa_fixture<TestType>([](auto& f) {
    const auto ec_key = f.load(read_vector_file("keys/p256.key.der"));
    std::array<std::uint8_t, 256> encrypted{};
    std::array<std::uint8_t, 48> out{};
    const status s = decrypt_rsa_premaster(f.p, ec_key, encrypted, protocol_version::tls12, out);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == errc::bad_value);
    CHECK(out == std::array<std::uint8_t, 48>{});
  });
}

// Wycheproof rsa_pkcs1_2048_test.json (tests/vectors/wycheproof/): none of its
// messages is a 48-byte premaster, so under §7.4.7.1 every ciphertext in it —
// bad padding, bad format, and good padding of another length — must give a
// fresh random premaster and no error.
TEMPLATE_TEST_CASE("every Wycheproof RSAES-PKCS1-v1_5 case gives a random premaster and no error",
                   "[conformance][rsa][wycheproof]", TLSWIRE_CONFORMANCE_PROVIDER) {
  with_rsa_fixture<TestType>([](auto& f) {
    const auto file =
        nlohmann::json::parse(read_vector_file("wycheproof/rsa_pkcs1_2048_test.json"));
    std::size_t cases = 0;
    for (const auto& group : file["testGroups"]) {
      const auto key = f.load(from_hex(group["privateKeyPkcs8"].get<std::string>()));
      for (const auto& t : group["tests"]) {
        INFO("tcId " << t["tcId"] << ": " << t["comment"]);
        REQUIRE(t["msg"].get<std::string>().size() != 2 * rsa_premaster_size);
        const auto c = from_hex(t["ct"].get<std::string>());
        std::array<std::uint8_t, 48> first{}, second{};
        REQUIRE(decrypt_rsa_premaster(f.p, key, c, protocol_version::tls12, first).ok());
        REQUIRE(decrypt_rsa_premaster(f.p, key, c, protocol_version::tls12, second).ok());
        CHECK(first != second);
        ++cases;
      }
    }
    CHECK(cases == file["numberOfTests"].get<std::size_t>());
  });
}

// ------------------------------------------------------------------ randomness
TEMPLATE_TEST_CASE("the random source fills every byte and does not repeat",
                   "[conformance][random]", TLSWIRE_CONFORMANCE_PROVIDER) {
  using P = TestType;
  if constexpr (!random_provider<P>) {
    SUCCEED("not applicable: the provider has no random source");
  } else {
    P p;
    std::array<std::uint8_t, 64> a{}, b{};
    REQUIRE(p.random(a).ok());
    REQUIRE(p.random(b).ok());
    CHECK(a != b);
    CHECK(a != std::array<std::uint8_t, 64>{});
    CHECK(p.random(mutable_bytes{}).ok());
  }
}

// ------------------------------------------------------------------ Wycheproof
// Summary lines: "wycheproof <provider> <file>: N valid passed, ...".
constexpr const char* provider_name = TLSWIRE_CONFORMANCE_STRINGIZE(TLSWIRE_CONFORMANCE_PROVIDER);

TEMPLATE_TEST_CASE("Wycheproof HMAC and HKDF: valid cases match, invalid ones are refused",
                   "[conformance][wycheproof][hmac][hkdf]", TLSWIRE_CONFORMANCE_PROVIDER) {
  using P = TestType;
  using H256 = hash_type<P, hash_id::sha256>;
  wycheproof::run_file(provider_name, "hmac_sha256_test.json", wycheproof::run_hmac<P, H256>);
  wycheproof::run_file(provider_name, "hkdf_sha256_test.json", wycheproof::run_hkdf<P, H256>);
  if constexpr (provider_supports<P>(hash_id::sha384)) {
    using H384 = hash_type<P, hash_id::sha384>;
    wycheproof::run_file(provider_name, "hmac_sha384_test.json", wycheproof::run_hmac<P, H384>);
    wycheproof::run_file(provider_name, "hkdf_sha384_test.json", wycheproof::run_hkdf<P, H384>);
  }
}

TEMPLATE_TEST_CASE("Wycheproof AEAD: valid cases seal and open, forgeries get bad_record_mac",
                   "[conformance][wycheproof][aead]", TLSWIRE_CONFORMANCE_PROVIDER) {
  using P = TestType;
  if constexpr (!aead_provider<P>) {
    SUCCEED("not applicable: the provider has no AEAD");
  } else {
    // The groups TLS uses: 96-bit nonces (RFC 8446 §5.3, RFC 5288 §3 after
    // the implicit/explicit split), the suites' key and tag sizes.
    static constexpr wycheproof::aead_shape gcm[] = {{128, 96, 128, aead_id::aes_128_gcm},
                                                     {256, 96, 128, aead_id::aes_256_gcm}};
    static constexpr wycheproof::aead_shape ccm[] = {{128, 96, 128, aead_id::aes_128_ccm},
                                                     {128, 96, 64, aead_id::aes_128_ccm_8}};
    static constexpr wycheproof::aead_shape chacha[] = {
        {256, 96, 128, aead_id::chacha20_poly1305}};
    auto with = [](const wycheproof::aead_shape* shapes, std::size_t n) {
      return [=](const auto& group, const auto& test) {
        return wycheproof::run_aead<P>(shapes, n, group, test);
      };
    };
    wycheproof::run_file(provider_name, "aes_gcm_test.json", with(gcm, 2));
    wycheproof::run_file(provider_name, "aes_ccm_test.json", with(ccm, 2));
    wycheproof::run_file(provider_name, "chacha20_poly1305_test.json", with(chacha, 1));
  }
}

TEMPLATE_TEST_CASE("Wycheproof X25519 and ECDH: valid cases agree, bad peer values get "
                   "illegal_parameter",
                   "[conformance][wycheproof][kx]", TLSWIRE_CONFORMANCE_PROVIDER) {
  using P = TestType;
  if constexpr (!key_exchange_provider<P>) {
    SUCCEED("not applicable: the provider has no key exchange");
  } else {
    P p;
    for (const auto& [file, group] :
         {std::pair{"x25519_test.json", named_group::x25519},
          std::pair{"ecdh_secp256r1_ecpoint_test.json", named_group::secp256r1},
          std::pair{"ecdh_secp384r1_ecpoint_test.json", named_group::secp384r1}}) {
      const named_group g = group;
      wycheproof::run_file(provider_name, file, [&](const auto& grp, const auto& test) {
        return wycheproof::run_key_exchange(p, g, grp, test);
      });
    }
  }
}

TEMPLATE_TEST_CASE("Wycheproof signatures: valid ones verify, invalid ones get decrypt_error",
                   "[conformance][wycheproof][signature]", TLSWIRE_CONFORMANCE_PROVIDER) {
  using P = TestType;
  if constexpr (!signature_provider<P>) {
    SUCCEED("not applicable: the provider has no signatures");
  } else {
    P p;
    for (const auto& [file, scheme] :
         {std::pair{"ecdsa_secp256r1_sha256_test.json", signature_scheme::ecdsa_secp256r1_sha256},
          std::pair{"ecdsa_secp384r1_sha384_test.json", signature_scheme::ecdsa_secp384r1_sha384},
          std::pair{"ed25519_test.json", signature_scheme::ed25519},
          std::pair{"rsa_pss_2048_sha256_mgf1_32_test.json", signature_scheme::rsa_pss_rsae_sha256},
          std::pair{"rsa_signature_2048_sha256_test.json", signature_scheme::rsa_pkcs1_sha256}}) {
      const signature_scheme s = scheme;
      wycheproof::run_file(provider_name, file, [&](const auto& group, const auto& test) {
        return wycheproof::run_verify(p, s, group, test);
      });
    }
  }
}

}  // namespace
