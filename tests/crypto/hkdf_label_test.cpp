// HKDF-Expand-Label and Derive-Secret (RFC 8446 §7.1) with the reference
// provider, against RFC 8448's traces: the §3 secret chain at compile time,
// and every HKDF value of the five traces at run time.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "messages/rfc8448_vectors.hpp"
#include "support/hex.hpp"
#include "support/vector_file.hpp"
#include "tlswire/crypto/hkdf_label.hpp"
#include "tlswire/providers/reference/provider.hpp"

namespace {

using tlswire::bytes_view;
using tlswire::derive_secret;
using tlswire::hash_of_empty;
using tlswire::hkdf_expand_label;
using tlswire::mutable_bytes;
using tlswire::reference_provider;
using tlswire::test::hex;
using tlswire::test::to_hex;
using sha256 = reference_provider::sha256;
using sha384 = reference_provider::sha384;
using secret = std::array<std::uint8_t, 32>;

constexpr secret extract(bytes_view salt, bytes_view ikm) {
  secret prk{};
  reference_provider::hkdf_extract<sha256>(salt, ikm, prk);
  return prk;
}

constexpr secret derive(bytes_view from, std::string_view label, bytes_view transcript_hash) {
  secret out{};
  derive_secret<reference_provider, sha256>(from, label, transcript_hash, out);
  return out;
}

template <std::size_t N>
constexpr std::array<std::uint8_t, N> expand_label(bytes_view from, std::string_view label,
                                                   bytes_view context) {
  std::array<std::uint8_t, N> out{};
  if (!hkdf_expand_label<reference_provider, sha256>(from, label, context, out)) return {};
  return out;
}

// RFC 8448 §3, simple 1-RTT handshake, X25519, TLS_AES_128_GCM_SHA256.
constexpr auto zeros = secret{};
constexpr auto ecdhe_shared = hex("8bd4054fb55b9d63fdfbacf9f04b9f0d35e6d63f537563efd46272900f89492d");
constexpr auto hello_hash = hex("860c06edc07858ee8e78f0e7428c58edd6b43f2ca3e6e95f02ed063cf0e1cad8");
constexpr auto server_finished_hash =
    hex("9608102a0f1ccc6db6250b7b7e417b1a000eaada3daae4777a7686c9ff83df13");

constexpr auto early_secret = extract(zeros, zeros);
constexpr auto derived_for_handshake = derive(early_secret, "derived", hash_of_empty<sha256>());
constexpr auto handshake_secret = extract(derived_for_handshake, ecdhe_shared);
constexpr auto client_hs_traffic = derive(handshake_secret, "c hs traffic", hello_hash);
constexpr auto server_hs_traffic = derive(handshake_secret, "s hs traffic", hello_hash);
constexpr auto derived_for_master = derive(handshake_secret, "derived", hash_of_empty<sha256>());
constexpr auto master_secret = extract(derived_for_master, zeros);

}  // namespace

TEST_CASE("RFC 8448 simple 1-RTT secret chain holds in constant evaluation", "[hkdf_label][constexpr]") {
  STATIC_REQUIRE(hash_of_empty<sha256>() ==
                 hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
  STATIC_REQUIRE(early_secret ==
                 hex("33ad0a1c607ec03b09e6cd9893680ce210adf300aa1f2660e1b22e10f170f92a"));
  STATIC_REQUIRE(derived_for_handshake ==
                 hex("6f2615a108c702c5678f54fc9dbab69716c076189c48250cebeac3576c3611ba"));
  STATIC_REQUIRE(handshake_secret ==
                 hex("1dc826e93606aa6fdc0aadc12f741b01046aa6b99f691ed221a9f0ca043fbeac"));
  STATIC_REQUIRE(client_hs_traffic ==
                 hex("b3eddb126e067f35a780b3abf45e2d8f3b1a950738f52e9600746a0e27a55a21"));
  STATIC_REQUIRE(server_hs_traffic ==
                 hex("b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38"));
  STATIC_REQUIRE(derived_for_master ==
                 hex("43de77e0c77713859a944db9db2590b53190a65b3ee2e4f12dd7a0bb7ce254b4"));
  STATIC_REQUIRE(master_secret ==
                 hex("18df06843d13a08bf2a449844c5f8a478001bc4d4c627984d5a41da8d0402919"));
  STATIC_REQUIRE(derive(master_secret, "c ap traffic", server_finished_hash) ==
                 hex("9e40646ce79a7f9dc05af8889bce6552875afa0b06df0087f792ebb7c17504a5"));
  STATIC_REQUIRE(derive(master_secret, "s ap traffic", server_finished_hash) ==
                 hex("a11af9f05531f856ad47116b45a950328204b4f44bfb6b3a4b4f1f3fcb631643"));
}

TEST_CASE("RFC 8448 handshake traffic keys, IVs and finished key hold in constant evaluation",
          "[hkdf_label][constexpr]") {
  STATIC_REQUIRE(expand_label<16>(server_hs_traffic, "key", {}) ==
                 hex("3fce516009c21727d0f2e4e86ee403bc"));
  STATIC_REQUIRE(expand_label<12>(server_hs_traffic, "iv", {}) == hex("5d313eb2671276ee13000b30"));
  STATIC_REQUIRE(expand_label<32>(server_hs_traffic, "finished", {}) ==
                 hex("008d3b66f816ea559f96b537e885c31fc068bf492c652f01f288a1d8cdc19fc8"));
}

TEST_CASE("RFC 8448 ClientHello..ServerHello transcript hash holds in constant evaluation",
          "[hkdf_label][constexpr]") {
  constexpr auto transcript = [] {
    sha256 h;
    h.update(tlswire::test::rfc8448::simple_client_hello);
    h.update(tlswire::test::rfc8448::simple_server_hello);
    return h.finish();
  }();
  STATIC_REQUIRE(transcript == hello_hash);
}

namespace {

// Splits an HkdfLabel the RFC shows (the `.info` lines) back into Length,
// Label (without "tls13 ") and Context, so hkdf_expand_label re-encodes it.
struct parsed_label {
  std::size_t length = 0;
  std::string label;
  std::vector<std::uint8_t> context;
};

parsed_label parse_hkdf_label(const std::vector<std::uint8_t>& info) {
  parsed_label p;
  REQUIRE(info.size() >= 4);
  p.length = static_cast<std::size_t>(info[0] << 8 | info[1]);
  const std::size_t label_len = info[2];
  REQUIRE(info.size() == 3 + label_len + 1 + info[3 + label_len]);
  const std::string full(info.begin() + 3, info.begin() + 3 + static_cast<long>(label_len));
  REQUIRE(full.rfind("tls13 ", 0) == 0);
  p.label = full.substr(6);
  p.context.assign(info.begin() + 4 + static_cast<long>(label_len), info.end());
  return p;
}

template <class Hash>
std::vector<std::uint8_t> expand_label_rt(const std::vector<std::uint8_t>& prk,
                                          const parsed_label& l) {
  std::vector<std::uint8_t> out(l.length);
  REQUIRE(hkdf_expand_label<reference_provider, Hash>(prk, l.label, l.context, out));
  return out;
}

// Every HKDF-Extract (.salt/.ikm), HKDF-Expand-Label (.prk/.info and the
// traffic key/IV .key_info/.iv_info lines) of one trace file. Returns the
// number of values checked.
template <class Hash>
int check_trace(const std::string& file) {
  const auto v = tlswire::test::load_vectors("rfc8448/" + file);
  REQUIRE_FALSE(v.empty());
  int checked = 0;
  auto ends_with = [](const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  for (const auto& name : v.names()) {
    INFO(file << ": " << name);
    if (ends_with(name, ".salt")) {
      const std::string base = name.substr(0, name.size() - 5);
      std::vector<std::uint8_t> prk(Hash::digest_size);
      reference_provider::hkdf_extract<Hash>(v[name], v[base + ".ikm"], prk);
      CHECK(to_hex(prk) == to_hex(v[base]));
      ++checked;
    } else if (ends_with(name, ".info") && name != "psk_binder.info") {  // binder: own test
      const std::string base = name.substr(0, name.size() - 5);
      const auto l = parse_hkdf_label(v[name]);
      if (v.contains(base + ".hash")) CHECK(to_hex(l.context) == to_hex(v[base + ".hash"]));
      CHECK(to_hex(expand_label_rt<Hash>(v[base + ".prk"], l)) == to_hex(v[base]));
      ++checked;
    } else if (ends_with(name, ".key_info") || ends_with(name, ".iv_info")) {
      // "<who>_write_key.key_info" -> "<who>_write_key"; ".iv_info" -> "<who>_write_iv";
      // both expanded from "<who>_write_keys.prk".
      const bool is_iv = ends_with(name, ".iv_info");
      const std::string key_name = name.substr(0, name.find('.'));
      const std::string stem = key_name.substr(0, key_name.size() - 3);  // drop "key"
      const std::string expected = is_iv ? stem + "iv" : key_name;
      const auto l = parse_hkdf_label(v[name]);
      CHECK(to_hex(expand_label_rt<Hash>(v[key_name + "s.prk"], l)) == to_hex(v[expected]));
      ++checked;
    }
  }
  return checked;
}

}  // namespace

TEST_CASE("every HKDF value of the RFC 8448 traces is reproduced at run time", "[hkdf_label]") {
  // All five traces use TLS_AES_128_GCM_SHA256.
  CHECK(check_trace<sha256>("simple-1rtt.txt") >= 20);
  CHECK(check_trace<sha256>("resumed-0rtt.txt") >= 20);
  CHECK(check_trace<sha256>("hello-retry-request.txt") >= 20);
  CHECK(check_trace<sha256>("client-authentication.txt") >= 20);
  CHECK(check_trace<sha256>("compatibility-mode.txt") >= 20);
}

TEST_CASE("RFC 8448 Finished verify_data follows from the finished keys", "[hkdf_label]") {
  const auto v = tlswire::test::load_vectors("rfc8448/simple-1rtt.txt");
  REQUIRE_FALSE(v.empty());
  // RFC 8446 §4.4.4: verify_data = HMAC(finished_key, Transcript-Hash(...)).
  sha256 transcript;
  for (const char* m : {"client_hello", "server_hello", "encrypted_extensions",
                        "server_certificate", "server_certificate_verify"})
    transcript.update(v.view(m));
  sha256 through_server_finished = transcript;
  std::array<std::uint8_t, 32> h{}, mac{};
  transcript.finish(h);
  reference_provider::hmac<sha256>(v["server_finished_key"], h, mac);
  CHECK(to_hex(mac) == to_hex(v["server_finished_verify_data"]));

  through_server_finished.update(v.view("server_finished"));
  through_server_finished.finish(h);
  CHECK(to_hex(h) == to_hex(v["client_application_traffic_secret_0.hash"]));
  reference_provider::hmac<sha256>(v["client_finished_key"], h, mac);
  CHECK(to_hex(mac) == to_hex(v["client_finished_verify_data"]));
}

TEST_CASE("RFC 8448 §4 PSK binder follows from the resumption PSK", "[hkdf_label]") {
  const auto v = tlswire::test::load_vectors("rfc8448/resumed-0rtt.txt");
  REQUIRE_FALSE(v.empty());
  // RFC 8446 §7.1: binder_key = Derive-Secret(early_secret, "res binder", "");
  // §4.2.11.2: the binder is a Finished MAC over the truncated ClientHello.
  std::array<std::uint8_t, 32> binder_key{}, finished_key{}, h{}, binder{};
  derive_secret<reference_provider, sha256>(v["early_secret"], "res binder",
                                            hash_of_empty<sha256>(), binder_key);
  CHECK(to_hex(binder_key) == to_hex(v["psk_binder_key"]));
  REQUIRE(hkdf_expand_label<reference_provider, sha256>(binder_key, "finished", {}, finished_key));
  CHECK(to_hex(finished_key) == to_hex(v["psk_binder_finished_key"]));
  sha256 transcript;
  transcript.update(v.view("psk_binder.client_hello_prefix"));
  transcript.finish(h);
  CHECK(to_hex(h) == to_hex(v["psk_binder.transcript_hash"]));
  reference_provider::hmac<sha256>(finished_key, h, binder);
  CHECK(to_hex(binder) == to_hex(v["psk_binder"]));
}

TEST_CASE("hkdf_expand_label refuses labels and contexts outside the HkdfLabel bounds",
          "[hkdf_label]") {
  const secret prk = early_secret;
  std::array<std::uint8_t, 32> out{};
  const std::string longest(255 - 6, 'x');
  CHECK(hkdf_expand_label<reference_provider, sha256>(prk, longest, {}, out));
  CHECK_FALSE(hkdf_expand_label<reference_provider, sha256>(prk, longest + "x", {}, out));
  CHECK_FALSE(hkdf_expand_label<reference_provider, sha256>(prk, "", {}, out));
  const std::vector<std::uint8_t> context(255, 1), too_long_context(256, 1);
  CHECK(hkdf_expand_label<reference_provider, sha256>(prk, "exporter", context, out));
  CHECK_FALSE(hkdf_expand_label<reference_provider, sha256>(prk, "exporter", too_long_context, out));
}

TEST_CASE("hkdf_expand_label refuses a Length over 255 * HashLen", "[hkdf_label]") {
  const secret prk = early_secret;
  std::vector<std::uint8_t> out(255 * 48 + 1, 0x77);
  CHECK_FALSE(hkdf_expand_label<reference_provider, sha384>(prk, "key", {}, out));
  CHECK(out == std::vector<std::uint8_t>(255 * 48 + 1, 0x77));
  out.resize(255 * 48);
  CHECK(hkdf_expand_label<reference_provider, sha384>(prk, "key", {}, out));
}

TEST_CASE("HkdfLabel is encoded as RFC 8446 §7.1 lays it out", "[hkdf_label]") {
  // RFC 8448 §3 "derive write traffic keys for handshake data": key info.
  std::array<std::uint8_t, tlswire::max_hkdf_label_size> buf{};
  tlswire::writer w(buf);
  tlswire::write_hkdf_label(w, 16, "key", {});
  REQUIRE(w.ok());
  CHECK(to_hex(w.written()) == "001009746c733133206b657900");
}
