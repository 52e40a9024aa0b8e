// TLS 1.3 and TLS 1.2 AEAD record protection (crypto/record_protection.hpp)
// with OpenSSL and Mbed TLS: round trips in place and out of place for every
// AEAD the provider has, refusal of every tampered byte, of replayed or
// reordered records, record_overflow on both sides, the sequence number's
// end, and each provider opening what the other sealed.
#include <catch2/catch.hpp>

#include <array>
#include <cstdint>
#include <limits>
#include <vector>

#include "support/allocation_counter.hpp"
#include "support/hex.hpp"
#include "support/record_protection_access.hpp"
#include "tlswire/crypto/record_protection.hpp"
#include "tlswire/providers/mbedtls.hpp"
#include "tlswire/providers/openssl.hpp"

namespace {

using namespace tlswire;
using tlswire::test::to_hex;
using bytes = std::vector<std::uint8_t>;

bytes pattern(std::size_t n, std::uint8_t seed = 1) {
  bytes b(n);
  for (std::size_t i = 0; i < n; ++i) b[i] = static_cast<std::uint8_t>(seed + i * 7);
  return b;
}

const bytes key32 = pattern(32, 0x40);
const bytes iv12 = pattern(12, 0x90);

bytes key_for(aead_id a) { return bytes(key32.begin(), key32.begin() + aead_key_size(a)); }

template <class P>
bytes seal13(tls13_record_protection<P>& w, content_type type, const bytes& content,
             std::size_t padding = 0) {
  bytes out(w.sealed_size(content.size(), padding));
  auto n = w.seal(type, content, out, padding);
  REQUIRE(n.ok());
  REQUIRE(*n == out.size());
  return out;
}

// ---------------------------------------------------------------- TLS 1.3
TEMPLATE_TEST_CASE("TLS 1.3 records round-trip in place and out of place for every AEAD",
                   "[crypto][record]", openssl_provider, mbedtls_provider) {
  for (aead_id a : all_aeads) {
    if (!TestType::supports(a)) continue;
    INFO(to_string(a));
    tls13_record_protection<TestType> w, r;
    REQUIRE(w.set_key(a, key_for(a), iv12));
    REQUIRE(r.set_key(a, key_for(a), iv12));
    for (std::size_t size : {std::size_t{0}, std::size_t{1}, std::size_t{255}, max_plaintext_length}) {
      const bytes content = pattern(size);
      const std::size_t padding = size == max_plaintext_length ? 0 : 7;
      // Out of place seal; in place open.
      bytes record = seal13(w, content_type::application_data, content, padding);
      CHECK(record[0] == 23);
      CHECK(record[1] == 3);
      CHECK(record[2] == 3);
      CHECK(record.size() == 5 + size + 1 + padding + aead_tag_size(a));
      auto opened = r.open(record, mutable_bytes(record).subspan(5));
      REQUIRE(opened.ok());
      CHECK(opened->type == content_type::application_data);
      CHECK(opened->padding == padding);
      CHECK(to_hex(opened->content) == to_hex(content));
      // In place seal (content already at offset 5); out of place open.
      bytes buffer(w.sealed_size(size));
      std::copy(content.begin(), content.end(), buffer.begin() + 5);
      // (an empty handshake record is not allowed: application data then)
      const content_type type =
          size == 0 ? content_type::application_data : content_type::handshake;
      auto n = w.seal(type, bytes_view(buffer).subspan(5, size), buffer);
      REQUIRE(n.ok());
      bytes plain(buffer.size());
      auto again = r.open(buffer, plain);
      REQUIRE(again.ok());
      CHECK(to_hex(again->content) == to_hex(content));
    }
    CHECK(w.sequence().next() == 8);
    CHECK(r.sequence().next() == 8);
  }
}

TEMPLATE_TEST_CASE("TLS 1.3 refuses every changed byte of a record", "[crypto][record]",
                   openssl_provider, mbedtls_provider) {
  tls13_record_protection<TestType> w, r;
  REQUIRE(w.set_key(aead_id::aes_128_gcm, key_for(aead_id::aes_128_gcm), iv12));
  REQUIRE(r.set_key(aead_id::aes_128_gcm, key_for(aead_id::aes_128_gcm), iv12));
  const bytes good = seal13(w, content_type::application_data, pattern(40));
  for (std::size_t i = 0; i < good.size(); ++i) {
    for (std::uint8_t flip : {std::uint8_t{0x01}, std::uint8_t{0x80}}) {
      bytes bad = good;
      bad[i] ^= flip;
      bytes plain(bad.size());
      auto opened = r.open(bad, plain);
      INFO("byte " << i << " flip " << int(flip));
      REQUIRE_FALSE(opened.ok());
      if (i == 0)  // the outer type must be application_data (RFC 8446 §5.2)
        CHECK(opened.error().alert == alert_description::unexpected_message);
      else if (i == 3 || i == 4)  // the length no longer frames the bytes
        CHECK(opened.error().alert != alert_description::close_notify);
      else
        CHECK(opened.error().code == errc::bad_record_mac);
      if (i >= 5) CHECK(to_hex(bytes_view(plain).first(good.size() - 21)) ==
                        to_hex(bytes(good.size() - 21, 0)));  // nothing unauthenticated leaks
    }
  }
  // The untouched record still opens: failures do not advance the sequence.
  bytes plain(good.size());
  CHECK(r.open(good, plain).ok());
}

TEMPLATE_TEST_CASE("TLS 1.3 refuses replayed, reordered and short records with bad_record_mac",
                   "[crypto][record]", openssl_provider, mbedtls_provider) {
  tls13_record_protection<TestType> w, r;
  REQUIRE(w.set_key(aead_id::chacha20_poly1305, key32, iv12));
  REQUIRE(r.set_key(aead_id::chacha20_poly1305, key32, iv12));
  const bytes first = seal13(w, content_type::application_data, pattern(10));
  const bytes second = seal13(w, content_type::application_data, pattern(10, 9));
  bytes plain(64);
  auto reordered = r.open(second, plain);
  REQUIRE_FALSE(reordered.ok());
  CHECK(reordered.error().code == errc::bad_record_mac);
  REQUIRE(r.open(first, plain).ok());
  auto replayed = r.open(first, plain);
  REQUIRE_FALSE(replayed.ok());
  CHECK(replayed.error().code == errc::bad_record_mac);
  REQUIRE(r.open(second, plain).ok());
  // Shorter than a tag.
  const bytes short_record = {23, 3, 3, 0, 15, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
  auto too_short = r.open(short_record, plain);
  REQUIRE_FALSE(too_short.ok());
  CHECK(too_short.error().code == errc::bad_record_mac);
  // Under another key.
  tls13_record_protection<TestType> other;
  REQUIRE(other.set_key(aead_id::chacha20_poly1305, pattern(32, 3), iv12));
  bytes third = seal13(w, content_type::application_data, pattern(10));
  auto wrong_key = other.open(third, plain);
  REQUIRE_FALSE(wrong_key.ok());
  CHECK(wrong_key.error().alert == alert_description::bad_record_mac);
}

TEMPLATE_TEST_CASE("TLS 1.3 record_overflow on seal and on open", "[crypto][record]",
                   openssl_provider, mbedtls_provider) {
  tls13_record_protection<TestType> w, r;
  REQUIRE(w.set_key(aead_id::aes_128_gcm, key_for(aead_id::aes_128_gcm), iv12));
  REQUIRE(r.set_key(aead_id::aes_128_gcm, key_for(aead_id::aes_128_gcm), iv12));
  bytes out(max_plaintext_length + 400);
  // Seal: content over 2^14, or content + padding over 2^14.
  auto over = w.seal(content_type::application_data, pattern(max_plaintext_length + 1), out);
  REQUIRE_FALSE(over.ok());
  CHECK(over.error().alert == alert_description::record_overflow);
  auto padded = w.seal(content_type::application_data, pattern(max_plaintext_length - 10), out, 11);
  REQUIRE_FALSE(padded.ok());
  CHECK(padded.error().alert == alert_description::record_overflow);
  CHECK(w.sequence().next() == 0);  // nothing was sent

  // Open: TLSCiphertext.length over 2^14 + 256, decided from the header.
  bytes huge(5 + max_plaintext_length + 257, 0);
  huge[0] = 23, huge[1] = 3, huge[2] = 3;
  huge[3] = static_cast<std::uint8_t>((max_plaintext_length + 257) >> 8);
  huge[4] = static_cast<std::uint8_t>((max_plaintext_length + 257) & 0xff);
  auto too_long = r.open(huge, out);
  REQUIRE_FALSE(too_long.ok());
  CHECK(too_long.error().alert == alert_description::record_overflow);

  // Open: an authentic inner plaintext over 2^14 + 1 (a peer that ignored the
  // limit; sealed here with a sender whose limit was raised on purpose).
  tls13_record_protection<TestType> lax;
  REQUIRE(lax.set_key(aead_id::aes_128_gcm, key_for(aead_id::aes_128_gcm), iv12,
                      record_limits{record_form::tls13, max_plaintext_length + 100}));
  const bytes big = seal13(lax, content_type::application_data, pattern(max_plaintext_length + 50));
  auto inner_over = r.open(big, out);
  REQUIRE_FALSE(inner_over.ok());
  CHECK(inner_over.error().alert == alert_description::record_overflow);
}

TEMPLATE_TEST_CASE("TLS 1.3 a negotiated record_size_limit is enforced on both sides",
                   "[crypto][record]", openssl_provider, mbedtls_provider) {
  const auto limits = limits_for_record_size_limit(1000, protocol_version::tls13,
                                                   record_form::tls13);
  REQUIRE(limits.ok());
  tls13_record_protection<TestType> w, r;
  REQUIRE(w.set_key(aead_id::aes_256_gcm, key32, iv12, *limits));
  REQUIRE(r.set_key(aead_id::aes_256_gcm, key32, iv12, *limits));
  bytes out(2000);
  CHECK(w.seal(content_type::application_data, pattern(999), out).ok());
  auto over = w.seal(content_type::application_data, pattern(1000), out);
  REQUIRE_FALSE(over.ok());
  CHECK(over.error().alert == alert_description::record_overflow);
}

TEMPLATE_TEST_CASE("TLS 1.3 inner plaintext rules: all-zero padding and empty handshake refused",
                   "[crypto][record]", openssl_provider, mbedtls_provider) {
  tls13_record_protection<TestType> w;
  REQUIRE(w.set_key(aead_id::aes_128_gcm, key_for(aead_id::aes_128_gcm), iv12));
  bytes out(100);
  auto empty_handshake = w.seal(content_type::handshake, {}, out);
  REQUIRE_FALSE(empty_handshake.ok());
  CHECK(empty_handshake.error().alert == alert_description::unexpected_message);
  CHECK_FALSE(w.seal(content_type::invalid, pattern(3), out).ok());
  // A peer's record whose plaintext is all zeros (no type): sealed with the
  // raw AEAD, as this library refuses to produce it.
  typename TestType::aead_key raw;
  REQUIRE(raw.set_key(aead_id::aes_128_gcm, key_for(aead_id::aes_128_gcm)));
  bytes record = {23, 3, 3, 0, 4 + 16};
  record.resize(5 + 4 + 16);
  const std::array<std::uint8_t, 4> zeros{};
  REQUIRE(raw.seal(iv12, bytes_view(record).first(5), as_view(zeros),
                   mutable_bytes(record).subspan(5)));
  tls13_record_protection<TestType> r;
  REQUIRE(r.set_key(aead_id::aes_128_gcm, key_for(aead_id::aes_128_gcm), iv12));
  auto opened = r.open(record, out);
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.error().alert == alert_description::unexpected_message);
}

TEMPLATE_TEST_CASE("sequence numbers end at 2^64 - 1: seal and open refuse after it",
                   "[crypto][record]", openssl_provider, mbedtls_provider) {
  // ChaCha20-Poly1305: its usage limit is the sequence ceiling itself
  // (RFC 8446 §5.5); AES-GCM stops far earlier (the null-AEAD tests).
  const auto last = std::numeric_limits<std::uint64_t>::max();
  const aead_id chacha = aead_id::chacha20_poly1305;
  tls13_record_protection<TestType> w, r;
  REQUIRE(w.set_key(chacha, key_for(chacha), iv12));
  REQUIRE(r.set_key(chacha, key_for(chacha), iv12));
  record_protection_test_access::set_sequence(w, record_sequence(last));
  record_protection_test_access::set_sequence(r, record_sequence(last));
  const bytes record = seal13(w, content_type::application_data, pattern(5));
  bytes plain(64);
  REQUIRE(r.open(record, plain).ok());
  CHECK(w.sequence().exhausted());
  CHECK(w.key_update_needed());
  bytes out(64);
  auto after = w.seal(content_type::application_data, pattern(5), out);
  REQUIRE_FALSE(after.ok());
  CHECK(after.error().code == errc::crypto_failure);
  CHECK_FALSE(r.open(record, plain).ok());
  // Rekeying (RFC 8446 §5.3) starts again at 0.
  REQUIRE(w.set_key(chacha, key_for(chacha), iv12));
  CHECK(w.sequence().next() == 0);
  CHECK(w.seal(content_type::application_data, pattern(5), out).ok());

  tls12_aead_record_protection<TestType> w12;
  REQUIRE(w12.set_key(chacha, key_for(chacha), iv12));
  record_protection_test_access::set_sequence(w12, record_sequence(last));
  CHECK(w12.seal(content_type::application_data, protocol_version::tls12, pattern(5), out).ok());
  CHECK_FALSE(w12.seal(content_type::application_data, protocol_version::tls12, pattern(5), out).ok());
}

TEMPLATE_TEST_CASE("AES-GCM keys stop at 2^24.5 records (RFC 8446 §5.5)", "[crypto][record]",
                   openssl_provider, mbedtls_provider) {
  const aead_id gcm = aead_id::aes_128_gcm;
  tls13_record_protection<TestType> w, r;
  REQUIRE(w.set_key(gcm, key_for(gcm), iv12));
  REQUIRE(r.set_key(gcm, key_for(gcm), iv12));
  record_protection_test_access::set_sequence(w, record_sequence(aead_last_sequence(gcm)));
  record_protection_test_access::set_sequence(r, record_sequence(aead_last_sequence(gcm)));
  CHECK(w.key_update_needed());
  const bytes record = seal13(w, content_type::application_data, pattern(5));
  bytes plain(64);
  CHECK(r.open(record, plain).ok());  // the limit is the sealer's to keep
  bytes out(64);
  const auto refused = w.seal(content_type::application_data, pattern(5), out);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().alert == alert_description::internal_error);
}

// ---------------------------------------------------------------- TLS 1.2
template <class P>
bytes seal12(tls12_aead_record_protection<P>& w, content_type type, const bytes& content) {
  bytes out(w.sealed_size(content.size()));
  auto n = w.seal(type, protocol_version::tls12, content, out);
  REQUIRE(n.ok());
  REQUIRE(*n == out.size());
  return out;
}

TEMPLATE_TEST_CASE("TLS 1.2 AES-GCM records carry the sequence number as explicit nonce",
                   "[crypto][record][tls12]", openssl_provider, mbedtls_provider) {
  for (aead_id a : {aead_id::aes_128_gcm, aead_id::aes_256_gcm, aead_id::aes_128_ccm,
                    aead_id::aes_128_ccm_8}) {
    if (!TestType::supports(a)) continue;
    INFO(to_string(a));
    tls12_aead_record_protection<TestType> w, r;
    const bytes salt(iv12.begin(), iv12.begin() + 4);
    REQUIRE(w.set_key(a, key_for(a), salt));
    REQUIRE(r.set_key(a, key_for(a), salt));
    CHECK(w.content_offset() == 13);
    for (std::uint64_t seq = 0; seq < 3; ++seq) {
      const bytes content = pattern(100 + seq);
      bytes record = seal12(w, content_type::application_data, content);
      CHECK(record.size() == 5 + 8 + content.size() + aead_tag_size(a));
      CHECK(to_hex(bytes_view(record).subspan(5, 8)) ==
            to_hex(std::array<std::uint8_t, 8>{0, 0, 0, 0, 0, 0, 0, static_cast<std::uint8_t>(seq)}));
      auto opened = r.open(record, mutable_bytes(record).subspan(13));  // in place
      REQUIRE(opened.ok());
      CHECK(opened->type == content_type::application_data);
      CHECK(opened->legacy_record_version == protocol_version::tls12);
      CHECK(to_hex(opened->content) == to_hex(content));
    }
  }
}

TEMPLATE_TEST_CASE("TLS 1.2 ChaCha20-Poly1305 records have no explicit nonce (RFC 7905)",
                   "[crypto][record][tls12]", openssl_provider, mbedtls_provider) {
  tls12_aead_record_protection<TestType> w, r;
  REQUIRE(w.set_key(aead_id::chacha20_poly1305, key32, iv12));
  REQUIRE(r.set_key(aead_id::chacha20_poly1305, key32, iv12));
  CHECK(w.content_offset() == 5);
  for (int i = 0; i < 3; ++i) {
    const bytes content = pattern(33);
    bytes record = seal12(w, content_type::handshake, content);
    CHECK(record.size() == 5 + 33 + 16);
    bytes plain(33);
    auto opened = r.open(record, plain);
    REQUIRE(opened.ok());
    CHECK(opened->type == content_type::handshake);
    CHECK(to_hex(opened->content) == to_hex(content));
  }
}

TEMPLATE_TEST_CASE("TLS 1.2 refuses every changed byte, header included, with bad_record_mac",
                   "[crypto][record][tls12]", openssl_provider, mbedtls_provider) {
  for (aead_id a : {aead_id::aes_128_gcm, aead_id::chacha20_poly1305}) {
    INFO(to_string(a));
    const bytes iv = a == aead_id::chacha20_poly1305 ? iv12 : bytes(iv12.begin(), iv12.begin() + 4);
    tls12_aead_record_protection<TestType> w, r;
    REQUIRE(w.set_key(a, key_for(a), iv));
    REQUIRE(r.set_key(a, key_for(a), iv));
    const bytes good = seal12(w, content_type::application_data, pattern(24));
    for (std::size_t i = 0; i < good.size(); ++i) {
      if (i == 3 || i == 4) continue;  // the length: a framing error, not a MAC failure
      bytes bad = good;
      bad[i] ^= 0x04;
      bytes plain(good.size());
      auto opened = r.open(bad, plain);
      INFO("byte " << i);
      REQUIRE_FALSE(opened.ok());
      CHECK(opened.error().code == errc::bad_record_mac);
      CHECK(opened.error().alert == alert_description::bad_record_mac);
    }
    bytes plain(good.size());
    CHECK(r.open(good, plain).ok());
    CHECK_FALSE(r.open(good, plain).ok());  // replay: the sequence number moved on
  }
}

TEMPLATE_TEST_CASE("TLS 1.2 record_overflow on seal and on open", "[crypto][record][tls12]",
                   openssl_provider, mbedtls_provider) {
  tls12_aead_record_protection<TestType> w, r;
  const bytes salt(iv12.begin(), iv12.begin() + 4);
  REQUIRE(w.set_key(aead_id::aes_128_gcm, key_for(aead_id::aes_128_gcm), salt));
  REQUIRE(r.set_key(aead_id::aes_128_gcm, key_for(aead_id::aes_128_gcm), salt));
  bytes out(max_plaintext_length + 3000);
  CHECK(w.seal(content_type::application_data, protocol_version::tls12,
               pattern(max_plaintext_length), out).ok());
  auto over = w.seal(content_type::application_data, protocol_version::tls12,
                     pattern(max_plaintext_length + 1), out);
  REQUIRE_FALSE(over.ok());
  CHECK(over.error().alert == alert_description::record_overflow);

  // A fragment whose plaintext would be 2^14 + 1: refused before decrypting.
  const std::size_t fragment = 8 + max_plaintext_length + 1 + 16;
  bytes record(5 + fragment, 0);
  record[0] = 23, record[1] = 3, record[2] = 3;
  record[3] = static_cast<std::uint8_t>(fragment >> 8);
  record[4] = static_cast<std::uint8_t>(fragment & 0xff);
  auto opened = r.open(record, out);
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.error().alert == alert_description::record_overflow);
  // TLSCiphertext.length over 2^14 + 2048.
  const std::size_t huge = max_plaintext_length + 2049;
  record.assign(5 + huge, 0);
  record[0] = 23, record[1] = 3, record[2] = 3;
  record[3] = static_cast<std::uint8_t>(huge >> 8);
  record[4] = static_cast<std::uint8_t>(huge & 0xff);
  auto too_long = r.open(record, out);
  REQUIRE_FALSE(too_long.ok());
  CHECK(too_long.error().alert == alert_description::record_overflow);
}

TEST_CASE("what OpenSSL seals Mbed TLS opens, and the other way round", "[crypto][record]") {
  for (aead_id a : {aead_id::aes_128_gcm, aead_id::aes_256_gcm, aead_id::chacha20_poly1305}) {
    INFO(to_string(a));
    tls13_record_protection<openssl_provider> o_w, o_r;
    tls13_record_protection<mbedtls_provider> m_w, m_r;
    REQUIRE(o_w.set_key(a, key_for(a), iv12));
    REQUIRE(o_r.set_key(a, key_for(a), iv12));
    REQUIRE(m_w.set_key(a, key_for(a), iv12));
    REQUIRE(m_r.set_key(a, key_for(a), iv12));
    const bytes content = pattern(1000);
    const bytes from_openssl = seal13(o_w, content_type::application_data, content, 3);
    const bytes from_mbedtls = seal13(m_w, content_type::application_data, content, 3);
    CHECK(to_hex(from_openssl) == to_hex(from_mbedtls));
    bytes plain(from_openssl.size());
    auto a1 = m_r.open(from_openssl, plain);
    REQUIRE(a1.ok());
    CHECK(to_hex(a1->content) == to_hex(content));
    auto a2 = o_r.open(from_mbedtls, plain);
    REQUIRE(a2.ok());
    CHECK(to_hex(a2->content) == to_hex(content));
  }
}

}  // namespace

// Allocation counting with the real back ends. Keying (set_key) allocates the
// back end's cipher contexts and is outside the measurement; per-record seal
// and open are measured. tlswire's own code allocates nothing (shown with the
// null provider in tests/crypto/record_protection_test.cpp); what is counted
// here is the back end's own behaviour per record.
namespace {
TEMPLATE_TEST_CASE("per-record seal and open allocate nothing once keyed",
                   "[crypto][record][alloc]", openssl_provider, mbedtls_provider) {
  for (aead_id a : {aead_id::aes_128_gcm, aead_id::aes_256_gcm, aead_id::chacha20_poly1305}) {
    INFO(to_string(a));
    tls13_record_protection<TestType> w, r;
    tls12_aead_record_protection<TestType> w12, r12;
    REQUIRE(w.set_key(a, key_for(a), iv12));
    REQUIRE(r.set_key(a, key_for(a), iv12));
    const bytes iv12_or_salt =
        a == aead_id::chacha20_poly1305 ? iv12 : bytes(iv12.begin(), iv12.begin() + 4);
    REQUIRE(w12.set_key(a, key_for(a), iv12_or_salt));
    REQUIRE(r12.set_key(a, key_for(a), iv12_or_salt));
    std::vector<std::uint8_t> record(max_plaintext_length + 64);
    const bytes content = pattern(max_plaintext_length);
    bool ok = true;
    test::allocation_counter allocations;
    for (int i = 0; i < 20; ++i) {
      auto n = w.seal(content_type::application_data, content, record);
      ok = ok && n.ok() && r.open(bytes_view(record).first(*n), mutable_bytes(record).subspan(5)).ok();
      auto m = w12.seal(content_type::application_data, protocol_version::tls12, content, record);
      ok = ok && m.ok() &&
           r12.open(bytes_view(record).first(*m), mutable_bytes(record).subspan(w12.content_offset()))
               .ok();
    }
    const std::size_t counted = allocations.count();
    CHECK(ok);
    CHECK(counted == 0);
  }
}
}  // namespace
