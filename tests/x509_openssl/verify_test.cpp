// x509/verify.hpp: chain checking against trusted CAs, with OpenSSL doing the
// signature checks. The chain is tests/vectors/x509/chain/ (make-chain.sh):
// RSA root → P-256 intermediate → RSA server leaf, plus the odd ones out.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "tlswire/providers/openssl.hpp"
#include "tlswire/x509/verify.hpp"
#include "x509/test_certificates.hpp"

namespace {

using namespace tlswire;
using namespace tlswire::x509;

std::vector<std::uint8_t> read_chain_file(const std::string& name) {
  std::ifstream in(std::string(TLSWIRE_VECTORS_DIR) + "/x509/chain/" + name, std::ios::binary);
  REQUIRE(in.good());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A string literal's characters as bytes, usable in constant expressions.
template <std::size_t N>
constexpr std::array<std::uint8_t, N - 1> text(const char (&s)[N]) {
  std::array<std::uint8_t, N - 1> out{};
  for (std::size_t i = 0; i + 1 < N; ++i) out[i] = static_cast<std::uint8_t>(s[i]);
  return out;
}

struct chain_files {
  std::vector<std::uint8_t> root = read_chain_file("root-ca.der");
  std::vector<std::uint8_t> intermediate = read_chain_file("intermediate.der");
  std::vector<std::uint8_t> server = read_chain_file("server.der");
  std::vector<std::uint8_t> server_pss = read_chain_file("server-pss.der");
  std::vector<std::uint8_t> other_root = read_chain_file("other-root-ca.der");
  std::vector<std::uint8_t> below_leaf = read_chain_file("below-leaf.der");

  // A moment inside every certificate's validity: a day after the leaf's notBefore.
  std::int64_t now() const {
    const auto c = decode<certificate>(server);
    REQUIRE(c);
    return c->not_before.unix_seconds() + 86400;
  }
};

struct outcome {
  bool ok = false;
  verify_fault fault = verify_fault::none;
  alert_description alert = alert_description::close_notify;
  std::uint32_t at = 0;
};

outcome run(std::vector<bytes_view> chain, std::vector<bytes_view> anchors, verify_options options) {
  openssl_provider provider;
  outcome o;
  const auto r = verify_chain(provider, chain, anchors, options, &o.fault);
  o.ok = r.ok();
  if (!r) {
    o.alert = r.error().alert;
    o.at = r.error().offset;
  }
  return o;
}

}  // namespace

TEST_CASE("maps certificate signature algorithms to TLS signature schemes at compile time", "[x509][verify]") {
  // RFC 8448's certificate: sha256WithRSAEncryption by an rsaEncryption key.
  constexpr auto rsa = decode<certificate>(as_view(test_certs::rfc8448_server_rsa));
  STATIC_REQUIRE(rsa.ok());
  STATIC_REQUIRE(signature_scheme_of(rsa->signature_algorithm, rsa->public_key) ==
                 signature_scheme::rsa_pkcs1_sha256);
  // san-p256 is self-signed with ecdsa-with-SHA256 by a P-256 key.
  constexpr auto ec = decode<certificate>(as_view(test_certs::san_p256));
  STATIC_REQUIRE(ec.ok());
  STATIC_REQUIRE(signature_scheme_of(ec->signature_algorithm, ec->public_key) ==
                 signature_scheme::ecdsa_secp256r1_sha256);
  // The same ECDSA algorithm under an RSA key has no scheme.
  STATIC_REQUIRE(!signature_scheme_of(ec->signature_algorithm, rsa->public_key));
}

TEST_CASE("checks validity windows, CA constraints and host names at compile time", "[x509][verify]") {
  constexpr auto ec = decode<certificate>(as_view(test_certs::san_p256));
  STATIC_REQUIRE(ec.ok());
  constexpr std::int64_t from = ec->not_before.unix_seconds();
  constexpr std::int64_t to = ec->not_after.unix_seconds();
  STATIC_REQUIRE(check_validity(*ec, from) == verify_fault::none);
  STATIC_REQUIRE(check_validity(*ec, to) == verify_fault::none);
  STATIC_REQUIRE(check_validity(*ec, from - 1) == verify_fault::not_yet_valid);
  STATIC_REQUIRE(check_validity(*ec, to + 1) == verify_fault::expired);
  // san-p256: CA:TRUE, pathlen:2, keyCertSign.
  STATIC_REQUIRE(check_issuer(*ec, 2) == verify_fault::none);
  STATIC_REQUIRE(check_issuer(*ec, 3) == verify_fault::path_too_long);
  // RFC 8448's certificate is CA:FALSE.
  constexpr auto rsa = decode<certificate>(as_view(test_certs::rfc8448_server_rsa));
  STATIC_REQUIRE(check_issuer(*rsa, 0) == verify_fault::issuer_not_ca);
  // san-p256 names tlswire.test and *.tlswire.test.
  STATIC_REQUIRE(check_host(*ec, "tlswire.test") == verify_fault::none);
  STATIC_REQUIRE(check_host(*ec, "WWW.TLSWire.test.") == verify_fault::none);
  STATIC_REQUIRE(check_host(*ec, "a.b.tlswire.test") == verify_fault::host_mismatch);
  STATIC_REQUIRE(check_host(*ec, "example.test") == verify_fault::host_mismatch);
  STATIC_REQUIRE(check_critical_extensions(*ec) == verify_fault::none);
}

TEST_CASE("matches DNS names as RFC 6125 says: exact or one left-most wildcard label", "[x509][verify]") {
  STATIC_REQUIRE(dns_name_matches(as_view(text("example.com")), "example.com"));
  STATIC_REQUIRE(dns_name_matches(as_view(text("Example.COM")), "example.com."));
  STATIC_REQUIRE(dns_name_matches(as_view(text("*.example.com")), "www.example.com"));
  STATIC_REQUIRE_FALSE(dns_name_matches(as_view(text("*.example.com")), "example.com"));
  STATIC_REQUIRE_FALSE(dns_name_matches(as_view(text("*.example.com")), "a.b.example.com"));
  STATIC_REQUIRE_FALSE(dns_name_matches(as_view(text("*.example.com")), ".example.com"));
  STATIC_REQUIRE_FALSE(dns_name_matches(as_view(text("*.com")), "example.com"));
  STATIC_REQUIRE_FALSE(dns_name_matches(as_view(text("w*.example.com")), "www.example.com"));
  STATIC_REQUIRE_FALSE(dns_name_matches(as_view(text("example.com")), "example.org"));
  STATIC_REQUIRE_FALSE(dns_name_matches(as_view(text("example.com")), ""));
  STATIC_REQUIRE_FALSE(dns_name_matches(as_view(text("")), "example.com"));
}

TEST_CASE("accepts the server chain up to the trusted root, by name and by wildcard", "[x509][verify]") {
  const chain_files f;
  const verify_options exact{f.now(), "server.tlswire.test"};
  auto o = run({f.server, f.intermediate}, {f.root}, exact);
  CHECK(o.ok);
  CHECK(o.fault == verify_fault::none);
  // The peer may send the root too, and extras out of order (RFC 8446 §4.4.2).
  CHECK(run({f.server, f.root, f.other_root, f.intermediate}, {f.root}, exact).ok);
  // Anchors other than the one needed are passed over.
  CHECK(run({f.server, f.intermediate}, {f.other_root, f.root}, exact).ok);
  CHECK(run({f.server, f.intermediate}, {f.root}, {f.now(), "v2.api.tlswire.test"}).ok);
  // No host name: a client certificate, names not checked.
  CHECK(run({f.server, f.intermediate}, {f.root}, {f.now(), {}}).ok);
  // The intermediate itself as an anchor: the path ends there.
  CHECK(run({f.server}, {f.intermediate}, exact).ok);
}

TEST_CASE("accepts a certificate signed with RSASSA-PSS (SHA-256, salt 32)", "[x509][verify]") {
  const chain_files f;
  const auto leaf = decode<certificate>(f.server_pss);
  const auto root = decode<certificate>(f.root);
  REQUIRE(leaf);
  REQUIRE(root);
  CHECK(signature_scheme_of(leaf->signature_algorithm, root->public_key) == signature_scheme::rsa_pss_rsae_sha256);
  CHECK(run({f.server_pss}, {f.root}, {f.now(), "server.tlswire.test"}).ok);
}

TEST_CASE("refuses a chain from a CA that is not trusted with unknown_ca", "[x509][verify]") {
  const chain_files f;
  const auto o = run({f.server, f.intermediate}, {f.other_root}, {f.now(), "server.tlswire.test"});
  CHECK_FALSE(o.ok);
  CHECK(o.fault == verify_fault::unknown_issuer);
  CHECK(o.alert == alert_description::unknown_ca);
  CHECK(o.at == 1);  // the intermediate's issuer is nowhere
  // Without the intermediate the leaf's issuer is unknown.
  const auto missing = run({f.server}, {f.root}, {f.now(), "server.tlswire.test"});
  CHECK(missing.alert == alert_description::unknown_ca);
  CHECK(missing.at == 0);
  // No anchors at all.
  CHECK(run({f.server, f.intermediate}, {}, {f.now(), {}}).alert == alert_description::unknown_ca);
}

TEST_CASE("refuses certificates outside their validity with certificate_expired", "[x509][verify]") {
  const chain_files f;
  const auto leaf = decode<certificate>(f.server);
  REQUIRE(leaf);
  const auto expired =
      run({f.server, f.intermediate}, {f.root}, {leaf->not_after.unix_seconds() + 1, "server.tlswire.test"});
  CHECK(expired.fault == verify_fault::expired);
  CHECK(expired.alert == alert_description::certificate_expired);
  const auto early =
      run({f.server, f.intermediate}, {f.root}, {leaf->not_before.unix_seconds() - 1, "server.tlswire.test"});
  CHECK(early.fault == verify_fault::not_yet_valid);
  CHECK(early.alert == alert_description::certificate_expired);
}

TEST_CASE("refuses a tampered signature with decrypt_error", "[x509][verify]") {
  const chain_files f;
  // The leaf's signature (ECDSA, by the intermediate): flip a byte inside r.
  {
    auto tampered = f.server;
    const auto c = decode<certificate>(tampered);
    REQUIRE(c);
    const std::size_t at = static_cast<std::size_t>(c->signature_value.data() - tampered.data()) + 8;
    tampered[at] ^= 0x01;
    const auto o = run({tampered, f.intermediate}, {f.root}, {f.now(), "server.tlswire.test"});
    CHECK(o.fault == verify_fault::bad_signature);
    CHECK(o.alert == alert_description::decrypt_error);
    CHECK(o.at == 0);
  }
  // The intermediate's signature (RSA, by the trusted root).
  {
    auto tampered = f.intermediate;
    tampered[tampered.size() - 1] ^= 0x01;
    const auto o = run({f.server, tampered}, {f.root}, {f.now(), "server.tlswire.test"});
    CHECK(o.fault == verify_fault::bad_signature);
    CHECK(o.alert == alert_description::decrypt_error);
    CHECK(o.at == 1);
  }
  // A byte of the signed part (the subject's CN) changed: the signature no longer covers it.
  {
    auto tampered = f.server;
    const std::string cn = "server.tlswire.test";
    auto it = std::search(tampered.begin(), tampered.end(), cn.begin(), cn.end());
    REQUIRE(it != tampered.end());
    *it = 'S';
    CHECK(run({tampered, f.intermediate}, {f.root}, {f.now(), {}}).alert == alert_description::decrypt_error);
  }
}

TEST_CASE("refuses a host name the certificate does not name", "[x509][verify]") {
  const chain_files f;
  for (const char* host : {"other.tlswire.test", "tlswire.test", "a.b.api.tlswire.test", "api.tlswire.test"}) {
    const auto o = run({f.server, f.intermediate}, {f.root}, {f.now(), host});
    CHECK(o.fault == verify_fault::host_mismatch);
    CHECK(o.alert == alert_description::bad_certificate);
  }
}

TEST_CASE("refuses a certificate issued by a CA:FALSE certificate", "[x509][verify]") {
  const chain_files f;
  const auto o = run({f.below_leaf, f.server, f.intermediate}, {f.root}, {f.now(), "below.tlswire.test"});
  CHECK(o.fault == verify_fault::issuer_not_ca);
  CHECK(o.alert == alert_description::bad_certificate);
  CHECK(o.at == 1);
  // Trusting the CA:FALSE certificate directly does not make it a CA either.
  const auto direct = run({f.below_leaf}, {f.server}, {f.now(), "below.tlswire.test"});
  CHECK(direct.fault == verify_fault::issuer_not_ca);
}

TEST_CASE("refuses a path longer than an issuer's pathLenConstraint", "[x509][verify]") {
  const chain_files f;
  // deep-leaf <- sub-intermediate <- intermediate (pathlen:0) <- root: the
  // intermediate may have no CA below it, and sub-intermediate is one.
  const auto deep = read_chain_file("deep-leaf.der");
  const auto sub = read_chain_file("sub-intermediate.der");
  const auto o = run({deep, sub, f.intermediate}, {f.root}, {f.now(), "deep.tlswire.test"});
  CHECK(o.fault == verify_fault::path_too_long);
  CHECK(o.alert == alert_description::bad_certificate);
  CHECK(o.at == 2);
  // Trusting sub-intermediate directly, the path is fine: constraints above an anchor do not apply.
  CHECK(run({deep}, {sub}, {f.now(), "deep.tlswire.test"}).ok);
  const auto inter = decode<certificate>(f.intermediate);
  REQUIRE(inter);
  CHECK(check_issuer(*inter, 0) == verify_fault::none);
  CHECK(check_issuer(*inter, 1) == verify_fault::path_too_long);
}

TEST_CASE("refuses malformed certificates and an empty chain with bad_certificate", "[x509][verify]") {
  const chain_files f;
  auto cut = f.server;
  cut.resize(cut.size() - 10);
  CHECK(run({cut, f.intermediate}, {f.root}, {f.now(), {}}).alert == alert_description::bad_certificate);
  auto bad_intermediate = f.intermediate;
  bad_intermediate.resize(100);
  const auto o = run({f.server, bad_intermediate}, {f.root}, {f.now(), {}});
  CHECK(o.fault == verify_fault::malformed);
  CHECK(o.at == 1);
  CHECK(run({}, {f.root}, {f.now(), {}}).alert == alert_description::bad_certificate);
}
