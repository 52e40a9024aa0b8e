// The TLS 1.3 key schedule object (crypto/tls13_key_schedule.hpp) and the
// transcript hash (crypto/transcript.hpp) with the reference provider:
// RFC 8448 §3's secret chain inside static_assert, and at run time the
// §3, §4 (resumed 0-RTT) and §5 (HelloRetryRequest) traces with transcript
// hashes computed from the messages.
#include <catch2/catch.hpp>

#include <array>
#include <cstdint>

#include "crypto/acvp_json.hpp"
#include "crypto/rfc8448_trace.hpp"
#include "support/hex.hpp"
#include "support/vector_file.hpp"
#include "tlswire/crypto/tls13_key_schedule.hpp"
#include "tlswire/crypto/transcript.hpp"
#include "tlswire/providers/reference/provider.hpp"

namespace {

using namespace tlswire;
using tlswire::test::hex;
using tlswire::test::load_vectors;
using tlswire::test::to_hex;
using ref_sha256 = reference_provider::sha256;
using ref_sha384 = reference_provider::sha384;
using schedule = tls13_key_schedule<reference_provider, ref_sha256>;

// ---------------------------------------------------------------- compile time
// RFC 8448 §3 values.
constexpr auto ecdhe = hex("8bd4054fb55b9d63fdfbacf9f04b9f0d35e6d63f537563efd46272900f89492d");
constexpr auto hello_hash = hex("860c06edc07858ee8e78f0e7428c58edd6b43f2ca3e6e95f02ed063cf0e1cad8");
constexpr auto server_finished_hash =
    hex("9608102a0f1ccc6db6250b7b7e417b1a000eaada3daae4777a7686c9ff83df13");
constexpr auto client_finished_hash =
    hex("209145a96ee8e2a122ff810047cc952684658d6049e86429426db87c54ad143d");

template <std::size_t N>
constexpr bool same(bytes_view a, const std::array<std::uint8_t, N>& b) {
  return equal_bytes(a, as_view(b));
}

constexpr bool rfc8448_simple_1rtt_chain() {
  schedule ks;
  if (!same(ks.early_secret(),
            hex("33ad0a1c607ec03b09e6cd9893680ce210adf300aa1f2660e1b22e10f170f92a")))
    return false;
  ks.enter_handshake(as_view(ecdhe));
  if (!same(ks.handshake_secret(),
            hex("1dc826e93606aa6fdc0aadc12f741b01046aa6b99f691ed221a9f0ca043fbeac")))
    return false;
  const auto c_hs = ks.client_handshake_traffic_secret(as_view(hello_hash));
  const auto s_hs = ks.server_handshake_traffic_secret(as_view(hello_hash));
  if (!same(c_hs.view(), hex("b3eddb126e067f35a780b3abf45e2d8f3b1a950738f52e9600746a0e27a55a21")) ||
      !same(s_hs.view(), hex("b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38")))
    return false;
  const auto s_keys = schedule::traffic_keys_for(s_hs.view(), aead_id::aes_128_gcm);
  if (!same(s_keys.key.view(), hex("3fce516009c21727d0f2e4e86ee403bc")) ||
      !same(s_keys.iv.view(), hex("5d313eb2671276ee13000b30")))
    return false;
  if (!same(schedule::finished_key(s_hs.view()).view(),
            hex("008d3b66f816ea559f96b537e885c31fc068bf492c652f01f288a1d8cdc19fc8")))
    return false;
  ks.enter_master();
  if (!same(ks.master_secret(),
            hex("18df06843d13a08bf2a449844c5f8a478001bc4d4c627984d5a41da8d0402919")))
    return false;
  const auto c_ap = ks.client_application_traffic_secret_0(as_view(server_finished_hash));
  const auto s_ap = ks.server_application_traffic_secret_0(as_view(server_finished_hash));
  if (!same(c_ap.view(), hex("9e40646ce79a7f9dc05af8889bce6552875afa0b06df0087f792ebb7c17504a5")) ||
      !same(s_ap.view(), hex("a11af9f05531f856ad47116b45a950328204b4f44bfb6b3a4b4f1f3fcb631643")))
    return false;
  if (!same(ks.exporter_master_secret(as_view(server_finished_hash)).view(),
            hex("fe22f881176eda18eb8f44529e6792c50c9a3f89452f68d8ae311b4309d3cf50")))
    return false;
  const auto c_keys = schedule::traffic_keys_for(c_ap.view(), aead_id::aes_128_gcm);
  if (!same(c_keys.key.view(), hex("17422dda596ed5d9acd890e3c63f5051")) ||
      !same(c_keys.iv.view(), hex("5b78923dee08579033e523d9")))
    return false;
  const auto res = ks.resumption_master_secret(as_view(client_finished_hash));
  if (!same(res.view(), hex("7df235f2031d2a051287d02b0241b0bfdaf86cc856231f2d5aba46c434ec196c")))
    return false;
  const auto psk = schedule::resumption_psk(res.view(), as_view(hex("0000")));
  return same(psk.view(), hex("4ecd0eb6ec3b4d87f5d6028f922ca4c5851a277fd41311c9e62d2c9492e1c4f3"));
}

constexpr bool rfc8448_client_finished_verifies() {
  const auto c_hs = hex("b3eddb126e067f35a780b3abf45e2d8f3b1a950738f52e9600746a0e27a55a21");
  const auto verify = hex("a8ec436d677634ae525ac1fcebe11a039ec17694fac6e98527b642f2edd5ce61");
  auto wrong = verify;
  wrong[31] ^= 1;
  return schedule::verify_finished(as_view(c_hs), as_view(server_finished_hash), as_view(verify))
             .ok() &&
         !schedule::verify_finished(as_view(c_hs), as_view(server_finished_hash), as_view(wrong))
              .ok();
}

// The transcript of RFC 8448 §3's ClientHello and ServerHello, hashed at
// compile time (both are in the RFC; only their hash is needed here).
constexpr auto client_hello = hex(
    "010000c00303cb34ecb1e78163ba1c38c6dacb196a6dffa21a8d9912ec18a2ef6283024dece7000006130113031302"
    "010000910000000b0009000006736572766572ff01000100000a00140012001d00170018001901000101010201030104"
    "00230000003300260024001d002099381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c002b"
    "0003020304000d0020001e040305030603020308040805080604010501060102010402050206020202002d00020101"
    "001c00024001");
constexpr auto server_hello = hex(
    "020000560303a6af06a4121860dc5e6e60249cd34c95930c8ac5cb1434dac155772ed3e2692800130100002e003300"
    "24001d0020c9828876112095fe66762bdbf7c672e156d6cc253b833df1dd69b1b04e751f0f002b00020304");

constexpr bool transcript_of_hellos_matches() {
  transcript_hash<ref_sha256> t;
  t.update(as_view(client_hello));
  const auto after_client_hello = t.snapshot();
  t.update(as_view(server_hello));
  // Reading the hash does not end the transcript.
  if (!same(as_view(t.current()), hello_hash)) return false;
  if (!same(as_view(t.current()), hello_hash)) return false;
  transcript_hash<ref_sha256> again = after_client_hello;
  again.update(as_view(server_hello));
  return same(as_view(again.current()), hello_hash) &&
         t.length() == client_hello.size() + server_hello.size();
}

TEST_CASE("RFC 8448 §3 secret chain through the schedule object at compile time",
          "[crypto][tls13]") {
  STATIC_REQUIRE(rfc8448_simple_1rtt_chain());
  STATIC_REQUIRE(rfc8448_client_finished_verifies());
  STATIC_REQUIRE(transcript_of_hellos_matches());
}

// ---------------------------------------------------------------- run time
TEST_CASE("RFC 8448 §3 simple 1-RTT: every secret, key, IV and Finished (reference provider)",
          "[crypto][tls13]") {
  const auto v = load_vectors("rfc8448/simple-1rtt.txt");
  REQUIRE_FALSE(v.empty());
  (void)test::rfc8448::check_simple_1rtt_secrets<reference_provider>(v);
}

TEST_CASE("RFC 8448 §4 resumed 0-RTT: binder, early traffic, handshake and master secrets",
          "[crypto][tls13]") {
  const auto first = load_vectors("rfc8448/simple-1rtt.txt");
  const auto v = load_vectors("rfc8448/resumed-0rtt.txt");
  REQUIRE_FALSE(v.empty());
  test::rfc8448::check_resumed_0rtt_secrets<reference_provider>(first, v);
}

TEST_CASE("RFC 8448 §5 HelloRetryRequest: message_hash transcript gives the RFC's secrets",
          "[crypto][tls13]") {
  const auto v = load_vectors("rfc8448/hello-retry-request.txt");
  REQUIRE_FALSE(v.empty());
  test::rfc8448::check_hello_retry_request_secrets<reference_provider>(v);
}

TEST_CASE("RFC 8448 §6 client authentication and §7 compatibility mode: secrets and Finished",
          "[crypto][tls13]") {
  test::rfc8448::check_full_handshake_from_keys<reference_provider>(
      load_vectors("rfc8448/client-authentication.txt"), false);
  test::rfc8448::check_full_handshake_from_keys<reference_provider>(
      load_vectors("rfc8448/compatibility-mode.txt"), false);
  test::rfc8448::check_full_handshake_from_keys<reference_provider>(
      load_vectors("rfc8448/hello-retry-request.txt"), true);
}

TEST_CASE("transcript without message_hash substitution does not give HRR's secrets",
          "[crypto][tls13]") {
  const auto v = load_vectors("rfc8448/hello-retry-request.txt");
  transcript_hash<ref_sha256> t;
  for (const char* m : {"client_hello", "hello_retry_request", "client_hello_2", "server_hello"})
    t.update(v.view(m));
  CHECK(to_hex(as_view(t.current())) != to_hex(v.view("client_handshake_traffic_secret.hash")));
}

TEST_CASE("message_hash replaces ClientHello1 with 254 00 00 Hash.length Hash(CH1)",
          "[crypto][tls13]") {
  const auto ch1 = test::ascii("a ClientHello");
  transcript_hash<ref_sha384> t;
  t.update(as_view(ch1));
  t.replace_with_message_hash();
  CHECK(t.length() == 4 + 48);

  std::array<std::uint8_t, 48> ch1_hash{};
  ref_sha384 h;
  h.update(as_view(ch1));
  h.finish(ch1_hash);
  ref_sha384 expected;
  const std::array<std::uint8_t, 4> header{254, 0, 0, 48};
  expected.update(as_view(header));
  expected.update(as_view(ch1_hash));
  std::array<std::uint8_t, 48> want{};
  expected.finish(want);
  CHECK(to_hex(as_view(t.current())) == to_hex(as_view(want)));
}

TEST_CASE("KeyUpdate's next secret is HKDF-Expand-Label(secret, \"traffic upd\", \"\", 32)",
          "[crypto][tls13]") {
  // RFC 8446 §7.2; the HkdfLabel is spelled out by hand here: 00 20 (length
  // 32), 11 "tls13 traffic upd", 00 (empty context).
  const auto current = hex("9e40646ce79a7f9dc05af8889bce6552875afa0b06df0087f792ebb7c17504a5");
  const auto info = hex("00201174" "6c73313320747261666669632075706400");
  std::array<std::uint8_t, 32> want{};
  REQUIRE(reference_provider::hkdf_expand<ref_sha256>(as_view(current), as_view(info), want));
  const auto next = schedule::next_application_traffic_secret(as_view(current));
  CHECK(to_hex(next.view()) == to_hex(as_view(want)));
  // And it moves on each time.
  const auto after = schedule::next_application_traffic_secret(next.view());
  CHECK(to_hex(after.view()) != to_hex(next.view()));
}

TEST_CASE("exporter derives per label, per context and per length (RFC 8446 §7.5)",
          "[crypto][tls13]") {
  const auto exp = hex("fe22f881176eda18eb8f44529e6792c50c9a3f89452f68d8ae311b4309d3cf50");
  // By hand: Derive-Secret(exp, "EXPORTER-test", "") then "exporter" over Hash(context).
  std::array<std::uint8_t, 32> per_label{};
  derive_secret<reference_provider, ref_sha256>(as_view(exp), "EXPORTER-test",
                                                as_view(hash_of_empty<ref_sha256>()), per_label);
  const auto context = test::ascii("context");
  std::array<std::uint8_t, 32> context_hash{};
  reference_provider::sha256 h;
  h.update(as_view(context));
  h.finish(context_hash);
  std::array<std::uint8_t, 20> want{};
  REQUIRE(hkdf_expand_label<reference_provider, ref_sha256>(as_view(per_label), "exporter",
                                                            as_view(context_hash), want));

  std::array<std::uint8_t, 20> out{};
  REQUIRE(schedule::exporter(as_view(exp), "EXPORTER-test", as_view(context), out));
  CHECK(to_hex(as_view(out)) == to_hex(as_view(want)));
  std::array<std::uint8_t, 20> other{};
  REQUIRE(schedule::exporter(as_view(exp), "EXPORTER-other", as_view(context), other));
  CHECK(to_hex(as_view(other)) != to_hex(as_view(out)));
  REQUIRE(schedule::exporter(as_view(exp), "EXPORTER-test", {}, other));
  CHECK(to_hex(as_view(other)) != to_hex(as_view(out)));
}

TEST_CASE("exporter refuses an empty label and an over-long output", "[crypto][tls13]") {
  const auto exp = hex("fe22f881176eda18eb8f44529e6792c50c9a3f89452f68d8ae311b4309d3cf50");
  const error refused{errc::length_out_of_range, alert_description::internal_error, 0};
  std::array<std::uint8_t, 16> out{};
  const auto empty_label = schedule::exporter(as_view(exp), "", {}, out);
  REQUIRE_FALSE(empty_label.ok());
  CHECK(empty_label.error() == refused);
  CHECK(out == std::array<std::uint8_t, 16>{});  // untouched
  std::array<std::uint8_t, 255 * 32 + 1> too_long{};
  const auto over_long = schedule::exporter(as_view(exp), "EXPORTER-x", {}, too_long);
  REQUIRE_FALSE(over_long.ok());
  CHECK(over_long.error() == refused);
  // The longest output is allowed (RFC 5869 §2.3 L <= 255 * HashLen).
  std::array<std::uint8_t, 255 * 32> longest{};
  CHECK(schedule::exporter(as_view(exp), "EXPORTER-x", {}, longest).ok());
}

TEST_CASE("Finished verification refuses a changed, short or long verify_data",
          "[crypto][tls13]") {
  const auto c_hs = hex("b3eddb126e067f35a780b3abf45e2d8f3b1a950738f52e9600746a0e27a55a21");
  const auto verify = hex("a8ec436d677634ae525ac1fcebe11a039ec17694fac6e98527b642f2edd5ce61");
  for (std::size_t i = 0; i < verify.size(); ++i) {
    auto wrong = verify;
    wrong[i] ^= 0x80;
    const auto st = schedule::verify_finished(as_view(c_hs), as_view(server_finished_hash),
                                              as_view(wrong));
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().alert == alert_description::decrypt_error);
  }
  CHECK_FALSE(schedule::verify_finished(as_view(c_hs), as_view(server_finished_hash),
                                        as_view(verify).first(31)));
  std::array<std::uint8_t, 33> longer{};
  for (std::size_t i = 0; i < 32; ++i) longer[i] = verify[i];
  CHECK_FALSE(
      schedule::verify_finished(as_view(c_hs), as_view(server_finished_hash), as_view(longer)));
}

TEST_CASE("external and resumption binder keys differ; PSK-only handshake uses the 0-value",
          "[crypto][tls13]") {
  const auto psk = hex("4ecd0eb6ec3b4d87f5d6028f922ca4c5851a277fd41311c9e62d2c9492e1c4f3");
  schedule ks(as_view(psk));
  CHECK(to_hex(ks.binder_key(psk_kind::external).view()) !=
        to_hex(ks.binder_key(psk_kind::resumption).view()));
  schedule with_zeros(as_view(psk));
  ks.enter_handshake({});
  const std::array<std::uint8_t, 32> zeros{};
  with_zeros.enter_handshake(as_view(zeros));
  CHECK(to_hex(ks.handshake_secret()) == to_hex(with_zeros.handshake_secret()));
}

TEST_CASE("SHA-384 schedule gives 48-byte secrets and AES-256-GCM keys", "[crypto][tls13]") {
  tls13_key_schedule<reference_provider, ref_sha384> ks;
  CHECK(ks.early_secret().size() == 48);
  const std::array<std::uint8_t, 48> h{};
  ks.enter_handshake(as_view(h));
  const auto s = ks.server_handshake_traffic_secret(as_view(h));
  CHECK(s.size() == 48);
  const auto keys = tls13_key_schedule<reference_provider, ref_sha384>::traffic_keys_for(
      s.view(), aead_id::aes_256_gcm);
  CHECK(keys.key.size() == 32);
  CHECK(keys.iv.size() == 12);
}

// NIST ACVP TLS 1.3 KDF (RFC 8446): the "messages" hashed for each
// Derive-Secret are the test's random strings: ClientHello = helloClientRandom,
// ...ServerHello adds helloServerRandom, ...server Finished adds
// finishedServerRandom, ...client Finished adds finishedClientRandom. DHE, PSK
// and PSK-DHE modes; an absent PSK or DHE is the 0-value.
template <class H>
void check_acvp_tls13_case(const test::acvp::fields& p, const test::acvp::fields& e) {
  using S = tls13_key_schedule<reference_provider, H>;
  const auto lower = [](std::string s) {
    for (char& c : s)
      if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
    return s;
  };
  const auto get = [&](const char* k) {
    return p.count(k) ? test::bytes_from_hex(p.at(k)) : test::byte_vector{};
  };
  const auto psk = get("psk");
  const auto dhe = get("dhe");
  S ks{bytes_view(psk)};
  transcript_hash<H> t;
  t.update(get("helloClientRandom"));
  const auto ch = t.current();
  CHECK(to_hex(ks.client_early_traffic_secret(as_view(ch)).view()) ==
        lower(e.at("clientEarlyTrafficSecret")));
  CHECK(to_hex(ks.early_exporter_master_secret(as_view(ch)).view()) ==
        lower(e.at("earlyExporterMasterSecret")));
  t.update(get("helloServerRandom"));
  const auto sh = t.current();
  ks.enter_handshake(dhe);
  CHECK(to_hex(ks.client_handshake_traffic_secret(as_view(sh)).view()) ==
        lower(e.at("clientHandshakeTrafficSecret")));
  CHECK(to_hex(ks.server_handshake_traffic_secret(as_view(sh)).view()) ==
        lower(e.at("serverHandshakeTrafficSecret")));
  t.update(get("finishedServerRandom"));
  const auto sf = t.current();
  ks.enter_master();
  CHECK(to_hex(ks.client_application_traffic_secret_0(as_view(sf)).view()) ==
        lower(e.at("clientApplicationTrafficSecret")));
  CHECK(to_hex(ks.server_application_traffic_secret_0(as_view(sf)).view()) ==
        lower(e.at("serverApplicationTrafficSecret")));
  CHECK(to_hex(ks.exporter_master_secret(as_view(sf)).view()) ==
        lower(e.at("exporterMasterSecret")));
  t.update(get("finishedClientRandom"));
  CHECK(to_hex(ks.resumption_master_secret(as_view(t.current())).view()) ==
        lower(e.at("resumptionMasterSecret")));
}

TEST_CASE("ACVP TLS 1.3 KDF vectors (DHE, PSK, PSK-DHE; SHA-256 and SHA-384)",
          "[crypto][tls13]") {
  const std::string dir = std::string(TLSWIRE_VECTORS_DIR) + "/prf-kdf/acvp/";
  const auto prompts = test::acvp::test_cases(dir + "TLS-v1.3-KDF-RFC8446.prompt.json",
                                              {"hmacAlg", "runningMode"});
  const auto answers =
      test::acvp::by_id(test::acvp::test_cases(dir + "TLS-v1.3-KDF-RFC8446.expected.json", {}));
  int checked = 0;
  for (const auto& p : prompts) {
    if (!p.count("helloClientRandom")) continue;
    INFO("tcId " << p.at("tcId") << " " << p.at("hmacAlg") << " " << p.at("runningMode"));
    const auto& e = answers.at(p.at("tcId"));
    if (p.at("hmacAlg") == "SHA2-256")
      check_acvp_tls13_case<ref_sha256>(p, e);
    else
      check_acvp_tls13_case<ref_sha384>(p, e);
    ++checked;
  }
  CHECK(checked == 10);
}

}  // namespace
