#pragma once
// Wycheproof (C2SP) vectors through a provider: the runners behind the
// "Wycheproof" cases of providers/conformance.hpp. Test-only; reads the JSON
// files copied into tests/vectors/wycheproof/ (see SOURCES.md) with
// nlohmann::json, which only the provider test programs link.
//
// Each file's cases are scored the same way:
//   valid       the provider accepts and gives the expected output
//   invalid     the provider refuses, with the alert its API promises
//               (crypto/concepts.hpp: bad_record_mac, illegal_parameter,
//               decrypt_error; HMAC/HKDF/raw RSA have no alert)
//   acceptable  either way is legal; accepted ones must give the expected
//               output; the count each way is printed per provider
// A case the provider's API cannot express (a 64-bit GCM nonce, AES-192, a
// scheme the provider lacks) is "not applicable" and counted as such.
// Every file prints one summary line per provider.
#include <catch2/catch.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/hex.hpp"
#include "tlswire/crypto/provider.hpp"

namespace tlswire::wycheproof {

using json = nlohmann::json;
using tlswire::test::from_hex;

inline json load(const std::string& file) {
  std::ifstream in(std::string(TLSWIRE_VECTORS_DIR) + "/wycheproof/" + file);
  REQUIRE(in.good());
  return json::parse(in);
}

inline std::vector<std::uint8_t> bytes_of(const json& j, const char* field) {
  return from_hex(j.at(field).get<std::string>());
}

// What the provider did with one case.
struct outcome {
  bool applicable = true;
  bool accepted = false;
  bool output_matches = true;  // when accepted: the expected bytes came out
  bool right_alert = true;     // when refused: the promised alert (or none promised)
  static outcome not_applicable() { return {false, false, true, true}; }
};

// The per-provider, per-file tally and the cases that went wrong.
class tally {
 public:
  tally(std::string provider, std::string file)
      : provider_(std::move(provider)), file_(std::move(file)) {}

  void record(const json& test, const outcome& o) {
    const std::string result = test.at("result").get<std::string>();
    if (!o.applicable) {
      ++not_applicable_;
      return;
    }
    if (result == "valid") {
      if (o.accepted && o.output_matches)
        ++valid_passed_;
      else
        fail(test, o.accepted ? "valid: wrong output" : "valid: refused");
    } else if (result == "invalid") {
      if (o.accepted)
        fail(test, "invalid: accepted");
      else if (!o.right_alert)
        fail(test, "invalid: refused with the wrong alert");
      else
        ++invalid_refused_;
    } else {
      if (o.accepted && !o.output_matches) fail(test, "acceptable: accepted with wrong output");
      ++(o.accepted ? acceptable_accepted_ : acceptable_refused_);
    }
  }

  // Prints the summary line and fails the test case once per wrong case.
  void report() const {
    std::printf("wycheproof %s %s: %zu valid passed, %zu invalid refused, %zu acceptable "
                "accepted / %zu refused, %zu not applicable, %zu failed\n",
                provider_.c_str(), file_.c_str(), valid_passed_, invalid_refused_,
                acceptable_accepted_, acceptable_refused_, not_applicable_, failures_.size());
    std::fflush(stdout);
    for (const auto& f : failures_) FAIL_CHECK(provider_ << " " << file_ << " " << f);
    CHECK(applicable() + not_applicable_ > 0);  // the file had cases
  }

  std::size_t applicable() const {
    return valid_passed_ + invalid_refused_ + acceptable_accepted_ + acceptable_refused_ +
           failures_.size();
  }

 private:
  void fail(const json& test, const char* what) {
    failures_.push_back("tcId " + std::to_string(test.at("tcId").get<int>()) + " (" +
                        test.at("comment").get<std::string>() + ", flags " +
                        test.at("flags").dump() + "): " + what);
  }

  std::string provider_, file_;
  std::size_t valid_passed_ = 0, invalid_refused_ = 0, acceptable_accepted_ = 0,
              acceptable_refused_ = 0, not_applicable_ = 0;
  std::vector<std::string> failures_;
};

// Every test of every group through `run(group, test) -> outcome`.
template <class Run>
tally run_file(const char* provider, const std::string& file, Run run) {
  const json doc = load(file);
  tally t(provider, file);
  for (const auto& group : doc.at("testGroups"))
    for (const auto& test : group.at("tests")) t.record(test, run(group, test));
  t.report();
  return t;
}

inline bool refused_with(const status& st, alert_description alert) {
  return !st.ok() && st.error().alert == alert;
}

// ------------------------------------------------------------------ AEAD
// (key bits, nonce bits, tag bits) of a group -> the TLS AEAD it is, if any.
struct aead_shape {
  int key_bits, iv_bits, tag_bits;
  aead_id id;
};

template <class P>
outcome run_aead(const aead_shape* shapes, std::size_t shape_count, const json& group,
                 const json& test) {
  const int key_bits = group.at("keySize"), iv_bits = group.at("ivSize"),
            tag_bits = group.at("tagSize");
  const aead_shape* shape = nullptr;
  for (std::size_t i = 0; i < shape_count; ++i)
    if (shapes[i].key_bits == key_bits && shapes[i].iv_bits == iv_bits &&
        shapes[i].tag_bits == tag_bits)
      shape = &shapes[i];
  if (shape == nullptr || !provider_supports<P>(shape->id)) return outcome::not_applicable();
  const auto key = bytes_of(test, "key"), iv = bytes_of(test, "iv"), aad = bytes_of(test, "aad"),
             msg = bytes_of(test, "msg");
  auto sealed = bytes_of(test, "ct");
  const auto tag = bytes_of(test, "tag");
  sealed.insert(sealed.end(), tag.begin(), tag.end());
  if (iv.size() != aead_nonce_size || key.size() != aead_key_size(shape->id))
    return outcome::not_applicable();

  typename P::aead_key k;
  REQUIRE(k.set_key(shape->id, key).ok());
  outcome o;
  if (sealed.size() < tag.size() || tag.size() != aead_tag_size(shape->id)) {
    o.accepted = false;  // cannot even be a record: nothing to open
    return o;
  }
  std::vector<std::uint8_t> opened(sealed.size() - tag.size(), 0x55);
  const status st = k.open(iv, aad, sealed, opened);
  o.accepted = st.ok();
  if (o.accepted) {
    // Sealing the plaintext gives the same bytes (only for a valid case is
    // the expected ciphertext meaningful, and then it must match).
    std::vector<std::uint8_t> resealed(msg.size() + tag.size());
    o.output_matches = opened == msg && k.seal(iv, aad, msg, resealed).ok() && resealed == sealed;
  } else {
    bool wiped = true;
    for (auto b : opened) wiped = wiped && b == 0;
    o.right_alert = refused_with(st, alert_description::bad_record_mac) && wiped;
  }
  return o;
}

// ------------------------------------------------------------------ HMAC, HKDF
template <class P, class H>
outcome run_hmac(const json& group, const json& test) {
  const std::size_t tag_bytes = group.at("tagSize").get<std::size_t>() / 8;
  const auto key = bytes_of(test, "key"), msg = bytes_of(test, "msg"),
             tag = bytes_of(test, "tag");
  if (tag_bytes > H::digest_size) return outcome::not_applicable();
  std::vector<std::uint8_t> mac(H::digest_size);
  P::template hmac<H>(key, msg, mac);
  mac.resize(tag_bytes);  // a truncated tag is the MAC's leading bytes (RFC 2104 §5)
  outcome o;
  o.accepted = mac == tag;  // "refused": the tag does not match what the provider computes
  return o;
}

template <class P, class H>
outcome run_hkdf(const json&, const json& test) {
  const auto ikm = bytes_of(test, "ikm"), salt = bytes_of(test, "salt"),
             info = bytes_of(test, "info"), okm = bytes_of(test, "okm");
  std::vector<std::uint8_t> prk(H::digest_size), out(test.at("size").get<std::size_t>());
  P::template hkdf_extract<H>(salt, ikm, prk);
  outcome o;
  o.accepted = P::template hkdf_expand<H>(prk, info, out);
  o.output_matches = out == okm;
  return o;
}

// ------------------------------------------------------------------ key exchange
// Wycheproof's NIST private values are ASN.1-style integers (a leading 00,
// or shorter than the field); import_key_share takes exactly the field size.
inline std::vector<std::uint8_t> scalar_of_size(std::vector<std::uint8_t> v, std::size_t size) {
  while (v.size() > size && v.front() == 0) v.erase(v.begin());
  if (v.size() < size) v.insert(v.begin(), size - v.size(), 0);
  return v;
}

template <class P>
outcome run_key_exchange(P& p, named_group g, const json&, const json& test) {
  if (!provider_supports<P>(g)) return outcome::not_applicable();
  const auto priv = scalar_of_size(bytes_of(test, "private"), shared_secret_size(g));
  const auto peer = bytes_of(test, "public"), expected = bytes_of(test, "shared");
  typename P::key_share_private_key k;
  REQUIRE(p.import_key_share(g, priv, k).ok());
  std::vector<std::uint8_t> shared(shared_secret_size(g));
  const status st = p.derive_shared_secret(k, peer, shared);
  outcome o;
  o.accepted = st.ok();
  o.output_matches = shared == expected;
  o.right_alert = refused_with(st, alert_description::illegal_parameter);
  return o;
}

// ------------------------------------------------------------------ signatures
template <class P>
outcome run_verify(P& p, signature_scheme scheme, const json& group, const json& test) {
  if (!provider_supports<P>(scheme)) return outcome::not_applicable();
  const auto spki = bytes_of(group, "publicKeyDer");
  const status st = p.verify(spki, scheme, bytes_of(test, "msg"), bytes_of(test, "sig"));
  outcome o;
  o.accepted = st.ok();
  o.right_alert = refused_with(st, alert_description::decrypt_error);
  return o;
}

}  // namespace tlswire::wycheproof
