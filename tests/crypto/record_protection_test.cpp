// Record protection's framing (crypto/record_protection.hpp) checked without
// a real cipher: the insecure null provider's AEAD copies the plaintext and
// appends a zero tag, so what is left to check is tlswire's own part — the
// header, TLSInnerPlaintext with type and padding, TLS 1.2's explicit nonce,
// sequence numbers and every size limit — and all of it at compile time.
// Real AEADs, tampering and RFC 8448's records: tests/crypto_openssl_mbedtls/.
#define TLSWIRE_I_KNOW_NULL_CRYPTO_IS_INSECURE_FOR_FUZZING_ONLY
#include "tlswire/providers/null_provider.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cstdint>

#include "support/allocation_counter.hpp"
#include "support/hex.hpp"
#include "tlswire/crypto/record_protection.hpp"
#include "tlswire/crypto/tls12_key_schedule.hpp"
#include "tlswire/crypto/tls13_key_schedule.hpp"
#include "tlswire/crypto/transcript.hpp"
#include "tlswire/providers/reference/provider.hpp"

namespace {

using namespace tlswire;
using tlswire::test::hex;
using null_p = insecure_null_provider_for_fuzzing;

constexpr auto key16 = hex("000102030405060708090a0b0c0d0e0f");
constexpr auto iv12 = hex("a0a1a2a3a4a5a6a7a8a9aaab");

constexpr bool tls13_framing_round_trips() {
  tls13_record_protection<null_p> w, r;
  if (!w.set_key(aead_id::aes_128_gcm, as_view(key16), as_view(iv12)).ok()) return false;
  if (!r.set_key(aead_id::aes_128_gcm, as_view(key16), as_view(iv12)).ok()) return false;
  const auto content = hex("48656c6c6f");  // "Hello"
  std::array<std::uint8_t, 64> out{};
  auto n = w.seal(content_type::handshake, as_view(content), out, 3);
  // 5 header + 5 content + 1 type + 3 padding + 16 tag
  if (!n.ok() || *n != 30) return false;
  const auto expected = hex("170303001948656c6c6f16000000" "00000000000000000000000000000000");
  if (!equal_bytes(bytes_view(out.data(), 30), as_view(expected))) return false;
  if (w.sequence().next() != 1) return false;
  auto opened = r.open(bytes_view(out.data(), 30), mutable_bytes(out).subspan(5));
  return opened.ok() && opened->type == content_type::handshake && opened->padding == 3 &&
         equal_bytes(opened->content, as_view(content)) && r.sequence().next() == 1;
}

constexpr bool tls13_seal_limits() {
  tls13_record_protection<null_p> w;
  if (!w.set_key(aead_id::chacha20_poly1305, as_view(hex("000102030405060708090a0b0c0d0e0f"
                                                          "101112131415161718191a1b1c1d1e1f")),
                 as_view(iv12), record_limits{record_protection::tls13, 100})
           .ok())
    return false;
  std::array<std::uint8_t, 100> content{};
  std::array<std::uint8_t, 200> out{};
  const bool at_limit = w.seal(content_type::application_data, as_view(content), out).ok();
  std::array<std::uint8_t, 101> over{};
  const auto too_big = w.seal(content_type::application_data, as_view(over), out);
  const auto padded = w.seal(content_type::application_data, as_view(content), out, 1);
  std::array<std::uint8_t, 20> small{};
  const auto no_room = w.seal(content_type::application_data, as_view(content), small);
  return at_limit && too_big.error().code == errc::record_overflow &&
         padded.error().code == errc::record_overflow &&
         no_room.error().code == errc::buffer_too_small && w.sequence().next() == 1;
}

constexpr bool tls13_open_refusals() {
  tls13_record_protection<null_p> r;
  if (!r.set_key(aead_id::aes_128_gcm, as_view(key16), as_view(iv12)).ok()) return false;
  std::array<std::uint8_t, 64> out{};
  // Outer type handshake: unexpected_message.
  const auto wrong_type = hex("160303001148" "00000000000000000000000000000000");
  // All-zero inner plaintext (no content type): unexpected_message.
  const auto no_type = hex("170303001200" "00000000000000000000000000000000" "00");
  // Shorter than the tag: bad_record_mac.
  const auto short_record = hex("170303000300" "0000");
  // Trailing bytes after the record.
  const auto trailing = hex("170303001161" "17000000000000000000000000000000" "00ff");
  return r.open(as_view(wrong_type), out).error().alert == alert_description::unexpected_message &&
         r.open(as_view(no_type), out).error().alert == alert_description::unexpected_message &&
         r.open(as_view(short_record), out).error().code == errc::bad_record_mac &&
         r.open(as_view(trailing), out).error().code == errc::trailing_bytes &&
         r.sequence().next() == 1;  // no_type authenticated (then failed its parse)
}

constexpr bool tls12_gcm_framing() {
  tls12_aead_record_protection<null_p> w, r;
  const auto salt = hex("01020304");
  if (!w.set_key(aead_id::aes_128_gcm, as_view(key16), as_view(salt)).ok()) return false;
  if (!r.set_key(aead_id::aes_128_gcm, as_view(key16), as_view(salt)).ok()) return false;
  w.set_sequence(record_sequence(0x0102030405060708));
  r.set_sequence(record_sequence(0x0102030405060708));
  const auto content = hex("abcdef");
  std::array<std::uint8_t, 64> out{};
  auto n = w.seal(content_type::application_data, protocol_version::tls12, as_view(content), out);
  // header, explicit nonce = the sequence number, content, tag
  const auto expected = hex("170303001b" "0102030405060708" "abcdef" "00000000000000000000000000000000");
  if (!n.ok() || *n != expected.size() || !equal_bytes(bytes_view(out.data(), *n), as_view(expected)))
    return false;
  auto opened = r.open(bytes_view(out.data(), *n), mutable_bytes(out).subspan(13));
  return opened.ok() && equal_bytes(opened->content, as_view(content)) &&
         opened->type == content_type::application_data;
}

constexpr bool tls12_chacha_framing() {
  tls12_aead_record_protection<null_p> w;
  const auto key = hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  if (!w.set_key(aead_id::chacha20_poly1305, as_view(key), as_view(iv12)).ok()) return false;
  std::array<std::uint8_t, 64> out{};
  auto n = w.seal(content_type::handshake, protocol_version::tls12, as_view(hex("14")), out);
  const auto expected = hex("1603030011" "14" "00000000000000000000000000000000");
  const auto empty_alert = w.seal(content_type::alert, protocol_version::tls12, {}, out);
  return n.ok() && equal_bytes(bytes_view(out.data(), *n), as_view(expected)) &&
         empty_alert.error().alert == alert_description::unexpected_message;
}

constexpr bool nonce_is_iv_xor_padded_sequence() {
  // RFC 8446 §5.3
  const std::array<std::uint8_t, 12> iv = iv12;
  const auto nonce = record_protection_detail::xor_nonce(iv, 0x0000000100000002);
  return equal_bytes(as_view(nonce), as_view(hex("a0a1a2a3a4a5a6a6a8a9aaa9")));
}

TEST_CASE("record protection framing at compile time (null AEAD)", "[crypto][record]") {
  STATIC_REQUIRE(tls13_framing_round_trips());
  STATIC_REQUIRE(tls13_seal_limits());
  STATIC_REQUIRE(tls13_open_refusals());
  STATIC_REQUIRE(tls12_gcm_framing());
  STATIC_REQUIRE(tls12_chacha_framing());
  STATIC_REQUIRE(nonce_is_iv_xor_padded_sequence());
}

// ---------------------------------------------------------------- allocations
TEST_CASE("key schedules, transcript and record protection allocate nothing",
          "[crypto][alloc]") {
  using H = reference_provider::sha256;
  using S13 = tls13_key_schedule<reference_provider, H>;
  using S12 = tls12_key_schedule<reference_provider, H>;
  const auto shared = hex("8bd4054fb55b9d63fdfbacf9f04b9f0d35e6d63f537563efd46272900f89492d");
  const auto message = hex("0100000400000000");
  const auto random = hex("0000000000000000000000000000000000000000000000000000000000000001");
  const auto suite = find_cipher_suite_info(cipher_suite::tls_ecdhe_rsa_with_aes_128_gcm_sha256);
  REQUIRE(suite);
  std::array<std::uint8_t, 512> record{};
  std::array<std::uint8_t, 300> content{};
  std::array<std::uint8_t, 32> exported{};
  bool ok = true;

  test::allocation_counter allocations;
  {
    // A whole TLS 1.3 handshake's key schedule.
    transcript_hash<H> t;
    t.update(as_view(message));
    t.replace_with_message_hash();
    t.update(as_view(message));
    S13 ks(as_view(shared));
    const auto h = t.current();
    const auto binder = ks.binder_key(psk_kind::resumption);
    const auto early = ks.client_early_traffic_secret(as_view(h));
    ks.enter_handshake(as_view(shared));
    const auto c_hs = ks.client_handshake_traffic_secret(as_view(h));
    const auto s_hs = ks.server_handshake_traffic_secret(as_view(h));
    const auto keys = S13::traffic_keys_for(s_hs.view(), aead_id::aes_128_gcm);
    ok = ok && S13::verify_finished(c_hs.view(), as_view(h),
                                    S13::finished_verify_data(c_hs.view(), as_view(h)).view())
                   .ok();
    ks.enter_master();
    const auto c_ap = ks.client_application_traffic_secret_0(as_view(h));
    const auto exp = ks.exporter_master_secret(as_view(h));
    ok = ok && S13::exporter(exp.view(), "EXPORTER-x", as_view(message), exported).ok();
    const auto res = ks.resumption_master_secret(as_view(h));
    const auto psk = S13::resumption_psk(res.view(), {});
    const auto next = S13::next_application_traffic_secret(c_ap.view());

    // TLS 1.2.
    const auto ks12 = S12::from_premaster_extended(as_view(shared), as_view(h));
    const auto kb = ks12.key_block(*suite, as_view(random), as_view(random));
    ok = ok && kb.ok() &&
         ks12.verify_finished(tls12_sender::client, as_view(h),
                              as_view(ks12.finished_verify_data(tls12_sender::client, as_view(h))))
             .ok();

    // Record protection, both versions, seal and open.
    tls13_record_protection<null_p> w13, r13;
    ok = ok && w13.set_key(aead_id::aes_128_gcm, keys).ok() &&
         r13.set_key(aead_id::aes_128_gcm, keys).ok();
    for (int i = 0; i < 10; ++i) {
      auto n = w13.seal(content_type::application_data, as_view(content), record, 5);
      ok = ok && n.ok() &&
           r13.open(bytes_view(record.data(), *n), mutable_bytes(record).subspan(5)).ok();
    }
    tls12_aead_record_protection<null_p> w12, r12;
    ok = ok && w12.set_key(aead_id::aes_128_gcm, kb->client_write_key(), kb->client_write_iv()).ok() &&
         r12.set_key(aead_id::aes_128_gcm, kb->client_write_key(), kb->client_write_iv()).ok();
    for (int i = 0; i < 10; ++i) {
      auto n = w12.seal(content_type::application_data, protocol_version::tls12, as_view(content),
                        record);
      ok = ok && n.ok() &&
           r12.open(bytes_view(record.data(), *n), mutable_bytes(record).subspan(13)).ok();
    }
    ok = ok && binder.size() == 32 && early.size() == 32 && psk.size() == 32 && next.size() == 32;
  }
  const std::size_t counted = allocations.count();
  CHECK(ok);
  CHECK(counted == 0);
}

}  // namespace
