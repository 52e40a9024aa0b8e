// x509/verify.hpp's certificate policy against `openssl verify`: every row
// of the table is a chain from tests/vectors/x509/policy/ (make.sh), checked
// by tlswire's verify_chain (OpenSSL provider for the signatures) and by the
// openssl CLI, run here on the same files at the same time:
//   openssl verify -attime NOW -auth_level 2 -purpose sslserver
//                  -CAfile ANCHOR.pem [-untrusted INTERMEDIATE.pem]
//                  -verify_hostname HOST | -verify_ip HOST  LEAF.pem
// (-auth_level 2 is OpenSSL's "112-bit security": RSA >= 2048 on every
// certificate of the path, the anchor's included, as tlswire's default policy.)
// Both must give the same verdict on every row, and tlswire must name the
// reason the row expects. The few places where tlswire is deliberately
// stricter or more liberal than OpenSSL are rows of their own further down,
// each with its reason.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "tlswire/providers/openssl.hpp"
#include "tlswire/x509/verify.hpp"

namespace {

using namespace tlswire;
using namespace tlswire::x509;

const std::string policy_dir = std::string(TLSWIRE_VECTORS_DIR) + "/x509/policy/";

std::vector<std::uint8_t> read_der(const std::string& stem) {
  std::ifstream in(policy_dir + stem + ".der", std::ios::binary);
  REQUIRE(in.good());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// One row: a leaf (and at most one intermediate) under an anchor, checked for a host.
struct row {
  const char* leaf;
  const char* intermediate;  // "" for none
  const char* anchor;
  const char* host;          // a DNS name or an IP address literal
  const char* reason;        // to_string(verify_fault) tlswire gives; "none" when it accepts
};

// An IP literal goes to -verify_ip (OpenSSL's -verify_hostname never matches iPAddress).
bool ip_literal(std::string_view host) {
  return host.find(':') != std::string_view::npos || host.find_first_not_of("0123456789.") == std::string_view::npos;
}

// Runs the CLI; true when it verifies the chain.
bool openssl_accepts(const row& r, std::int64_t now) {
  std::string cmd = "openssl verify -attime " + std::to_string(now) + " -auth_level 2 -purpose sslserver -CAfile '" +
                    policy_dir + r.anchor + ".pem'";
  if (*r.intermediate != '\0') cmd += " -untrusted '" + policy_dir + r.intermediate + ".pem'";
  cmd += std::string(ip_literal(r.host) ? " -verify_ip " : " -verify_hostname ") + r.host;
  cmd += " '" + policy_dir + r.leaf + ".pem' >/dev/null 2>&1";
  const int status = std::system(cmd.c_str());  // NOLINT(cert-env33-c): a fixed command over our own files
  REQUIRE(WIFEXITED(status));
  return WEXITSTATUS(status) == 0;
}

struct verdict {
  bool ok = false;
  verify_fault fault = verify_fault::none;
  alert_description alert = alert_description::close_notify;
};

verdict tlswire_verdict(const row& r, std::int64_t now, const verify_policy& policy = {},
                        key_purpose purpose = key_purpose::server_auth) {
  const auto leaf = read_der(r.leaf);
  const auto anchor = read_der(r.anchor);
  std::vector<std::uint8_t> intermediate;
  std::vector<bytes_view> chain{leaf};
  if (*r.intermediate != '\0') {
    intermediate = read_der(r.intermediate);
    chain.emplace_back(intermediate);
  }
  const std::array<bytes_view, 1> anchors{anchor};
  verify_options options{now, r.host};
  options.policy = policy;
  options.purpose = purpose;
  openssl_provider provider;
  verdict v;
  const auto result = verify_chain(provider, chain, anchors, options, &v.fault);
  v.ok = result.ok();
  if (!result) v.alert = result.error().alert;
  return v;
}

// A leaf under the P-256 intermediate, for good.policy.test.
row under_inter(const char* leaf) { return {leaf, "inter", "root-ca", "good.policy.test", ""}; }

// A moment inside every certificate's validity: a day after the root's notBefore.
std::int64_t policy_now() {
  const auto root = read_der("root-ca");
  const auto c = decode<certificate>(root);
  REQUIRE(c);
  return c->not_before.unix_seconds() + 86400;
}

constexpr std::array rows{
    // The baseline: RSA-2048 leaf, P-256 CA, RSA-2048 root, EKU serverAuth.
    row{"leaf-good", "inter", "root-ca", "good.policy.test", "none"},
    row{"leaf-good", "inter", "root-ca", "other.policy.test", "host name does not match"},
    row{"leaf-no-eku", "inter", "root-ca", "good.policy.test", "none"},
    // Key sizes and types (verify_policy: RSA >= 2048 on every certificate, anchor included).
    row{"leaf-rsa512", "inter", "root-ca", "good.policy.test", "key too small"},
    row{"leaf-rsa1024", "inter", "root-ca", "good.policy.test", "key too small"},
    row{"weak-ca-leaf", "inter-rsa1024", "root-ca", "good.policy.test", "key too small"},
    row{"weak-root-leaf", "", "root-rsa1024", "good.policy.test", "key too small"},
    row{"leaf-p384", "inter", "root-ca", "good.policy.test", "none"},
    row{"leaf-ed25519", "inter", "root-ca", "good.policy.test", "none"},
    // extKeyUsage (RFC 5280 §4.2.1.12), on the leaf and on a CA.
    row{"leaf-eku-codesign", "inter", "root-ca", "good.policy.test", "certificate not for this purpose"},
    row{"leaf-eku-client", "inter", "root-ca", "good.policy.test", "certificate not for this purpose"},
    row{"leaf-eku-both", "inter", "root-ca", "good.policy.test", "none"},
    row{"leaf-eku-any", "inter", "root-ca", "good.policy.test", "certificate not for this purpose"},
    row{"eku-ca-leaf", "inter-eku-codesign", "root-ca", "good.policy.test", "certificate not for this purpose"},
    row{"eku-server-ca-leaf", "inter-eku-server", "root-ca", "good.policy.test", "none"},
    // Critical extensions nobody knows, on the leaf and on the trust anchor.
    row{"leaf-crit-unknown", "inter", "root-ca", "good.policy.test", "unhandled critical extension"},
    row{"root-crit-leaf", "", "root-crit", "good.policy.test", "unhandled critical extension"},
    // IP hosts: only iPAddress subjectAltNames name them (RFC 6125 §6.4.4, RFC 9525 §6.3).
    row{"leaf-ip", "inter", "root-ca", "127.0.0.1", "none"},
    row{"leaf-ip", "inter", "root-ca", "::1", "none"},
    row{"leaf-ip", "inter", "root-ca", "0:0:0:0:0:0:0:1", "none"},
    row{"leaf-ip", "inter", "root-ca", "127.0.0.2", "host name does not match"},
    row{"leaf-ip", "inter", "root-ca", "::2", "host name does not match"},
    row{"leaf-ip-wildcard", "inter", "root-ca", "127.0.0.1", "host name does not match"},
    row{"leaf-dns-ip", "inter", "root-ca", "127.0.0.1", "host name does not match"},
    // nameConstraints (RFC 5280 §4.2.1.10): DNS permitted ok.policy.test, excluded bad.ok.policy.test.
    row{"nc-dns-in", "inter-nc-dns", "root-ca", "www.ok.policy.test", "none"},
    row{"nc-dns-out", "inter-nc-dns", "root-ca", "www.evil.policy.test", "name outside the permitted subtrees"},
    row{"nc-dns-excluded", "inter-nc-dns", "root-ca", "x.bad.ok.policy.test", "name inside an excluded subtree"},
    row{"nc-dns-mixed", "inter-nc-dns", "root-ca", "www.ok.policy.test", "name outside the permitted subtrees"},
    // IP permitted 10.0.0.0/8, excluded 10.9.0.0/16; a DNS name is not constrained by them.
    row{"nc-ip-in", "inter-nc-ip", "root-ca", "10.1.2.3", "none"},
    row{"nc-ip-out", "inter-nc-ip", "root-ca", "192.0.2.1", "name outside the permitted subtrees"},
    row{"nc-ip-excluded", "inter-nc-ip", "root-ca", "10.9.1.1", "name inside an excluded subtree"},
    row{"nc-ip-dns", "inter-nc-ip", "root-ca", "good.policy.test", "none"},
    // The trust anchor's own constraints apply too.
    row{"root-nc-in", "", "root-nc", "www.ok.policy.test", "none"},
    row{"root-nc-out", "", "root-nc", "www.evil.policy.test", "name outside the permitted subtrees"},
};

}  // namespace

TEST_CASE("gives the verdict openssl verify gives on every row of the policy table", "[x509][verify][openssl]") {
  REQUIRE(std::system("openssl version >/dev/null 2>&1") == 0);  // NOLINT(cert-env33-c)
  const std::int64_t now = policy_now();
  std::size_t refused = 0;
  for (const row& r : rows) {
    INFO(r.leaf << " / " << r.intermediate << " / " << r.anchor << " for " << r.host);
    const verdict v = tlswire_verdict(r, now);
    CHECK(v.ok == openssl_accepts(r, now));
    CHECK(to_string(v.fault) == std::string_view(r.reason));
    refused += v.ok ? 0 : 1;
  }
  CHECK(refused > rows.size() / 2);  // the table mostly probes refusals
}

TEST_CASE("names each policy failure with the alert the engines send", "[x509][verify]") {
  const std::int64_t now = policy_now();
  auto alert_of = [&](const row& r) { return tlswire_verdict(r, now).alert; };
  CHECK(alert_of(under_inter("leaf-rsa512")) == alert_description::bad_certificate);
  CHECK(alert_of(under_inter("leaf-secp256k1")) ==
        alert_description::unsupported_certificate);
  CHECK(alert_of(under_inter("leaf-eku-codesign")) ==
        alert_description::unsupported_certificate);
  CHECK(alert_of({"nc-dns-out", "inter-nc-dns", "root-ca", "www.evil.policy.test", ""}) ==
        alert_description::bad_certificate);
  CHECK(alert_of({"nc-email-leaf", "inter-nc-email", "root-ca", "good.policy.test", ""}) ==
        alert_description::unsupported_certificate);
  CHECK(alert_of({"root-crit-leaf", "", "root-crit", "good.policy.test", ""}) ==
        alert_description::unsupported_certificate);
}

TEST_CASE("refuses an EC key on a curve outside the policy's list unless the caller adds it", "[x509][verify]") {
  // OpenSSL accepts secp256k1 (128-bit security); tlswire's default list is
  // the curves TLS 1.3 signs with (P-256, P-384, P-521).
  const std::int64_t now = policy_now();
  const row r = under_inter("leaf-secp256k1");
  CHECK(openssl_accepts(r, now));
  CHECK(tlswire_verdict(r, now).fault == verify_fault::key_not_allowed);
  static constexpr std::array<const known_oid*, 2> with_k1{&oid::secp256r1, &oid::secp256k1};
  verify_policy policy;
  policy.curves = with_k1;
  CHECK(tlswire_verdict(r, now, policy).ok);
  // ... and the P-384 leaf is then refused: the list is the whole list.
  CHECK(tlswire_verdict(under_inter("leaf-p384"), now, policy).fault ==
        verify_fault::key_not_allowed);
}

TEST_CASE("takes a caller's smaller RSA minimum and anyExtendedKeyUsage when the policy says so", "[x509][verify]") {
  const std::int64_t now = policy_now();
  verify_policy policy;
  policy.min_rsa_bits = 1024;
  CHECK(tlswire_verdict(under_inter("leaf-rsa1024"), now, policy).ok);
  CHECK(tlswire_verdict(under_inter("leaf-rsa512"), now, policy).fault ==
        verify_fault::key_too_small);
  // RFC 5280 §4.2.1.12: anyExtendedKeyUsage means any purpose; applications
  // "MAY reject" it, and by default tlswire does (as OpenSSL).
  verify_policy any;
  any.accept_any_extended_key_usage = true;
  CHECK(tlswire_verdict(under_inter("leaf-eku-any"), now, any).ok);
  CHECK(tlswire_verdict(under_inter("leaf-eku-codesign"), now, any).fault ==
        verify_fault::wrong_purpose);
}

TEST_CASE("refuses a CA constraining a name form it cannot check, where OpenSSL checks it", "[x509][verify]") {
  // inter-nc-email permits only email:.policy.test. OpenSSL implements
  // rfc822Name (and directoryName, URI) constraints and accepts the leaf,
  // which carries no email name; tlswire implements dNSName and iPAddress
  // constraints only and refuses a CA with any other form as a whole
  // (unsupported_certificate) rather than leave a constraint unchecked.
  const std::int64_t now = policy_now();
  const row r{"nc-email-leaf", "inter-nc-email", "root-ca", "good.policy.test", ""};
  CHECK(openssl_accepts(r, now));
  CHECK(tlswire_verdict(r, now).fault == verify_fault::unsupported_name_constraint);
}

TEST_CASE("checks a client certificate for clientAuth", "[x509][verify]") {
  const std::int64_t now = policy_now();
  auto as_client = [&](const char* leaf) {
    return tlswire_verdict({leaf, "inter", "root-ca", "", ""}, now, {}, key_purpose::client_auth).fault;
  };
  CHECK(as_client("leaf-eku-client") == verify_fault::none);
  CHECK(as_client("leaf-eku-both") == verify_fault::none);
  CHECK(as_client("leaf-no-eku") == verify_fault::none);
  CHECK(as_client("leaf-good") == verify_fault::wrong_purpose);  // serverAuth only
}

TEST_CASE("reads IP literals and matches name-constraint subtrees at compile time", "[x509][verify]") {
  STATIC_REQUIRE(is_ip_literal("127.0.0.1"));
  STATIC_REQUIRE(is_ip_literal("::1"));
  STATIC_REQUIRE(is_ip_literal("1.2.3.999"));  // not an address, but never a DNS name either
  STATIC_REQUIRE_FALSE(is_ip_literal("a.0.0.1.example"));
  STATIC_REQUIRE_FALSE(is_ip_literal("example.com."));
  STATIC_REQUIRE(parse_ip_address("10.1.2.3")->size == 4);
  STATIC_REQUIRE(parse_ip_address("10.1.2.3")->octets[3] == 3);
  STATIC_REQUIRE(parse_ip_address("::1")->size == 16);
  STATIC_REQUIRE(parse_ip_address("::1")->octets[15] == 1);
  STATIC_REQUIRE(parse_ip_address("fe80::1:2")->octets[0] == 0xfe);
  STATIC_REQUIRE(parse_ip_address("fe80::1:2")->octets[13] == 1);
  STATIC_REQUIRE(parse_ip_address("1:2:3:4:5:6:7:8")->octets[15] == 8);
  STATIC_REQUIRE(parse_ip_address("::")->size == 16);
  for (const char* bad : {"1.2.3", "1.2.3.4.5", "01.2.3.4", "256.1.1.1", "1..2.3", "1:2:3:4:5:6:7", "1::2::3",
                          ":::1", "1:2:3:4:5:6:7:8:9", "12345::1", "::ffff:1.2.3.4", "g::1"}) {
    INFO(bad);
    CHECK_FALSE(parse_ip_address(bad));
  }
  static constexpr std::array<std::uint8_t, 15> www{'w', 'w', 'w', '.', 'e', 'x', 'a', 'm', 'p', 'l', 'e', '.', 'c', 'o', 'm'};
  constexpr bytes_view name = as_view(www);
  STATIC_REQUIRE(dns_name_within(name, name.subspan(4)));      // example.com
  STATIC_REQUIRE(dns_name_within(name, name.subspan(3)));      // .example.com
  STATIC_REQUIRE(dns_name_within(name, name));                 // itself
  STATIC_REQUIRE(dns_name_within(name, name.subspan(15)));     // the empty base
  STATIC_REQUIRE_FALSE(dns_name_within(name, name.subspan(5)));  // xample.com: not on a label boundary
  STATIC_REQUIRE_FALSE(dns_name_within(name.subspan(4), name));
  static constexpr std::array<std::uint8_t, 8> ten_slash_8{10, 0, 0, 0, 255, 0, 0, 0};
  static constexpr std::array<std::uint8_t, 4> inside{10, 9, 8, 7}, outside{11, 0, 0, 1};
  STATIC_REQUIRE(ip_address_within(as_view(inside), as_view(ten_slash_8)));
  STATIC_REQUIRE_FALSE(ip_address_within(as_view(outside), as_view(ten_slash_8)));
  STATIC_REQUIRE_FALSE(ip_address_within(bytes_view(inside.data(), 2), as_view(ten_slash_8)));
}
