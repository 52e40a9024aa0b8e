#include <array>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "tlswire/wire/codec.hpp"
#include "tlswire/x509/certificate.hpp"
#include "x509/test_certificates.hpp"

using namespace tlswire;
using namespace tlswire::x509;

namespace {

std::string_view text(bytes_view v) {
  return std::string_view(reinterpret_cast<const char*>(v.data()), v.size());  // NOLINT
}

constexpr bool text_equals(bytes_view v, std::string_view s) {
  if (v.size() != s.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (v[i] != static_cast<std::uint8_t>(s[i])) return false;
  return true;
}

constexpr bool rfc8448_certificate_fields() {
  auto c = decode<certificate>(as_view(test_certs::rfc8448_server_rsa));
  if (!c) return false;
  const auto cn = c->subject.find(oid::common_name);
  const auto issuer_cn = c->issuer.find(oid::common_name);
  return c->version == 3 && c->serial.size() == 1 && c->serial[0] == 2 &&
         oid::sha256_with_rsa.matches(c->tbs_signature.algorithm) &&
         oid::sha256_with_rsa.matches(c->signature_algorithm.algorithm) &&
         oid::rsa_encryption.matches(c->public_key.algorithm.algorithm) && cn && text_equals(*cn, "rsa") &&
         issuer_cn && text_equals(*issuer_cn, "rsa") && c->not_before.year == 2016 && c->not_before.month == 7 &&
         c->not_before.day == 30 && c->not_before.hour == 1 && c->not_before.minute == 23 &&
         c->not_before.second == 59 && c->not_after.year == 2026 && !c->constraints().ca &&
         c->key_usage() == std::uint16_t{0x05} &&  // digitalSignature | keyEncipherment
         c->signature_value.size() == 128 && c->signature_value[0] == 0x85 &&
         c->public_key.raw.size() + 0 > 140 && encoded_size(*c) == test_certs::rfc8448_server_rsa.size();
}

}  // namespace

TEST_CASE("parses RFC 8448's server certificate at compile time", "[x509]") {
  STATIC_REQUIRE(rfc8448_certificate_fields());
}

TEST_CASE("re-encodes a certificate byte-exact and keeps its to-be-signed bytes", "[x509]") {
  const auto c = decode<certificate>(as_view(test_certs::rfc8448_server_rsa));
  REQUIRE(c);
  std::array<std::uint8_t, test_certs::rfc8448_server_rsa.size()> out{};
  REQUIRE(encode(*c, mutable_bytes(out)));
  CHECK(out == test_certs::rfc8448_server_rsa);
  // TBSCertificate starts right after the outer SEQUENCE header (4 bytes).
  CHECK(c->tbs.offset == 4);
  CHECK(c->tbs.raw.data() == test_certs::rfc8448_server_rsa.data() + 4);
  CHECK(c->not_before.unix_seconds() == 1469841839);  // 2016-07-30T01:23:59Z
}

TEST_CASE("reads subjectAltName DNS and IP entries, basicConstraints and keyUsage", "[x509]") {
  const auto c = decode<certificate>(as_view(test_certs::san_p256));
  REQUIRE(c);
  std::vector<std::string_view> dns;
  std::vector<std::size_t> ip_sizes;
  c->for_each_subject_alt_name([&](const general_name& n) {
    if (n.form == general_name::kind::dns) dns.push_back(text(n.value));
    if (n.form == general_name::kind::ip) ip_sizes.push_back(n.value.size());
  });
  CHECK(dns == std::vector<std::string_view>{"tlswire.test", "*.tlswire.test"});
  CHECK(ip_sizes == std::vector<std::size_t>{4, 16});
  CHECK(c->constraints().ca);
  CHECK(c->constraints().path_length == 2u);
  CHECK(c->key_usage() == std::uint16_t{0x21});  // digitalSignature | keyCertSign
  CHECK(oid::ec_public_key.matches(c->public_key.algorithm.algorithm));
  CHECK(oid::secp256r1.matches(c->public_key.curve()));
  CHECK(c->public_key.key.size() == 65);
  CHECK(c->public_key.key[0] == 0x04);
  const auto org = c->subject.find(oid::organization);
  REQUIRE(org);
  CHECK(text(*org) == "tlswire tests");
  std::vector<std::string_view> names;
  c->subject.for_each([&](const attribute& a) { names.push_back(oid_name(a.type)); });
  CHECK(names == std::vector<std::string_view>{"C", "O", "CN"});
}

TEST_CASE("formats OIDs in dotted-decimal form", "[x509]") {
  std::array<char, 64> buf{};
  CHECK(format_oid(der::oid{oid::sha256_with_rsa.view()}, buf) == "1.2.840.113549.1.1.11");
  CHECK(format_oid(der::oid{oid::secp384r1.view()}, buf) == "1.3.132.0.34");
  CHECK(format_oid(der::oid{oid::common_name.view()}, buf) == "2.5.4.3");
}

TEST_CASE("refuses every truncation of a certificate with bad_certificate", "[x509]") {
  const bytes_view full = as_view(test_certs::san_p256);
  for (std::size_t n = 0; n < full.size(); ++n) {
    const auto c = decode<certificate>(full.first(n));
    REQUIRE_FALSE(c);
    CHECK(c.error().alert == alert_description::bad_certificate);
    CHECK(c.error().offset <= n);
  }
}

TEST_CASE("refuses every single-byte corruption of DER framing without reading outside", "[x509]") {
  // Flip each byte; whatever is accepted must still re-encode byte-exact.
  std::array<std::uint8_t, test_certs::san_p256.size()> bytes = test_certs::san_p256;
  std::size_t refused = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    bytes[i] ^= 0xff;
    const auto c = decode<certificate>(as_view(bytes));
    if (!c) {
      ++refused;
      CHECK(c.error().offset < bytes.size());
    } else {
      CHECK(encoded_size(*c) == bytes.size());
    }
    bytes[i] ^= 0xff;
  }
  CHECK(refused > 100);
}

TEST_CASE("refuses non-DER encodings: indefinite and non-minimal lengths, bad times", "[x509]") {
  struct hostile {
    const char* name;
    std::vector<std::uint8_t> der;
  };
  const std::vector<hostile> cases{
      {"indefinite length", {0x30, 0x80, 0x00, 0x00}},
      {"long form for a short length", {0x30, 0x81, 0x01, 0x00}},
      {"length with a leading zero octet", {0x30, 0x82, 0x00, 0x81}},
      {"length of five octets", {0x30, 0x85, 0x00, 0x00, 0x00, 0x00, 0x01}},
      {"high tag number form", {0x3f, 0x01, 0x00}},
      {"length past the end", {0x30, 0x10, 0x00}},
      {"not a SEQUENCE", {0x31, 0x00}},
  };
  for (const auto& h : cases) {
    INFO(h.name);
    const auto c = decode<certificate>(bytes_view(h.der.data(), h.der.size()));
    REQUIRE_FALSE(c);
    CHECK(c.error().alert == alert_description::bad_certificate);
  }
  // A UTCTime with a month of 13 inside an otherwise valid certificate.
  std::array<std::uint8_t, test_certs::rfc8448_server_rsa.size()> bad = test_certs::rfc8448_server_rsa;
  const std::array<std::uint8_t, 4> utc_start{0x17, 0x0d, '1', '6'};
  std::size_t at = 0;
  for (std::size_t i = 0; i + 4 < bad.size(); ++i)
    if (bad[i] == utc_start[0] && bad[i + 1] == utc_start[1] && bad[i + 2] == utc_start[2] && bad[i + 3] == utc_start[3]) {
      at = i;
      break;
    }
  REQUIRE(at != 0);
  bad[at + 4] = '1';
  bad[at + 5] = '3';
  const auto c = decode<certificate>(as_view(bad));
  REQUIRE_FALSE(c);
  CHECK(c.error().offset == at);
}
