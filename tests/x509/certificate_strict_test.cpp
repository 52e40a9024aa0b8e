// x509/certificate.hpp is strict DER and strict RFC 5280 where a verifier
// could be misled. Each case builds a small certificate from its parts (the
// signature is never checked here), first the well-formed one, then one part
// changed, so every refusal below is caused by that part alone.
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "tlswire/wire/codec.hpp"
#include "tlswire/x509/certificate.hpp"

using namespace tlswire;
using namespace tlswire::x509;

namespace {

using bytes = std::vector<std::uint8_t>;

bytes tlv(std::uint8_t tag, const bytes& contents) {
  bytes out{tag};
  const std::size_t n = contents.size();
  if (n < 0x80) {
    out.push_back(static_cast<std::uint8_t>(n));
  } else if (n < 0x100) {
    out.insert(out.end(), {0x81, static_cast<std::uint8_t>(n)});
  } else {
    out.insert(out.end(), {0x82, static_cast<std::uint8_t>(n >> 8), static_cast<std::uint8_t>(n)});
  }
  out.insert(out.end(), contents.begin(), contents.end());
  return out;
}

bytes cat(std::initializer_list<bytes> parts) {
  bytes out;
  for (const bytes& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

bytes ascii(std::string_view s) { return bytes(s.begin(), s.end()); }

bytes oid_of(const known_oid& o) { return tlv(0x06, bytes(o.view().begin(), o.view().end())); }

const bytes true_ = tlv(0x01, {0xff});

// Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }
bytes extension(const known_oid& id, const bytes& critical, const bytes& value) {
  return tlv(0x30, cat({oid_of(id), critical, tlv(0x04, value)}));
}

// The parts of a TBSCertificate a case may change.
struct parts {
  bytes version = tlv(0xa0, tlv(0x02, {0x02}));  // v3
  bytes not_before = tlv(0x17, ascii("240229120000Z"));  // 2024 is a leap year
  bytes not_after = tlv(0x18, ascii("20501231235959Z"));
  bytes unique_ids{};
  bytes subject_value = tlv(0x0c, ascii("t"));  // the CN, a UTF8String
  bytes signature_parameters{};                  // inside signatureAlgorithm (both copies)
  bytes spki = tlv(0x30, cat({tlv(0x30, cat({oid_of(oid::ec_public_key), oid_of(oid::secp256r1)})),
                              tlv(0x03, cat({{0x00, 0x04}, bytes(64, 0x11)}))}));
  std::vector<bytes> extensions{
      extension(oid::basic_constraints, true_, tlv(0x30, cat({true_, tlv(0x02, {0x00})}))),
      extension(oid::key_usage, true_, tlv(0x03, {0x05, 0xa0})),  // digitalSignature, keyEncipherment
      extension(oid::subject_alt_name, {}, tlv(0x30, cat({tlv(0x82, ascii("a.test")), tlv(0x87, {127, 0, 0, 1})}))),
  };
};

bytes certificate_of(const parts& p) {
  const bytes algorithm = tlv(0x30, cat({oid_of(oid::ecdsa_with_sha256), p.signature_parameters}));
  const bytes issuer = tlv(0x30, tlv(0x31, tlv(0x30, cat({oid_of(oid::common_name), tlv(0x0c, ascii("t"))}))));
  const bytes subject = tlv(0x30, tlv(0x31, tlv(0x30, cat({oid_of(oid::common_name), p.subject_value}))));
  bytes exts;
  for (const bytes& e : p.extensions) exts = cat({exts, e});
  const bytes tbs = tlv(0x30, cat({p.version, tlv(0x02, {0x01}), algorithm, issuer,
                                   tlv(0x30, cat({p.not_before, p.not_after})), subject, p.spki, p.unique_ids,
                                   p.extensions.empty() ? bytes{} : tlv(0xa3, tlv(0x30, exts))}));
  return tlv(0x30, cat({tbs, algorithm, tlv(0x03, {0x00, 0x30, 0x00})}));
}

bool accepted(const parts& p) {
  const bytes der = certificate_of(p);
  const auto c = decode<certificate>(bytes_view(der.data(), der.size()));
  if (!c) CHECK(c.error().alert == alert_description::bad_certificate);
  return c.ok();
}

// `p` with extension `i` replaced.
parts with_extension(std::size_t i, bytes e) {
  parts p;
  p.extensions[i] = std::move(e);
  return p;
}

parts with_extra(bytes e) {
  parts p;
  p.extensions.push_back(std::move(e));
  return p;
}

}  // namespace

TEST_CASE("accepts the well-formed base certificate every strictness case changes", "[x509][der]") {
  REQUIRE(accepted(parts{}));
  const bytes der = certificate_of(parts{});
  const auto c = decode<certificate>(bytes_view(der.data(), der.size()));
  REQUIRE(c);
  CHECK(c->constraints().ca);
  CHECK(c->key_usage() == std::uint16_t{0x05});
  CHECK(c->not_before.day == 29);
}

TEST_CASE("refuses BOOLEANs that are not 0x00 or 0xFF (X.690 §11.1)", "[x509][der]") {
  CHECK_FALSE(accepted(with_extension(1, extension(oid::key_usage, tlv(0x01, {0x01}), tlv(0x03, {0x05, 0xa0})))));
  CHECK_FALSE(accepted(with_extension(
      0, extension(oid::basic_constraints, true_, tlv(0x30, cat({tlv(0x01, {0x01}), tlv(0x02, {0x00})}))))));
  CHECK_FALSE(accepted(with_extension(1, extension(oid::key_usage, tlv(0x01, {0xff, 0xff}), tlv(0x03, {0x05, 0xa0})))));
}

TEST_CASE("refuses a DEFAULT FALSE written out: critical and cA (X.690 §11.5)", "[x509][der]") {
  const bytes false_ = tlv(0x01, {0x00});
  CHECK_FALSE(accepted(with_extension(1, extension(oid::key_usage, false_, tlv(0x03, {0x05, 0xa0})))));
  CHECK_FALSE(accepted(with_extension(0, extension(oid::basic_constraints, true_, tlv(0x30, false_)))));
  // Omitted, both mean FALSE and are accepted.
  CHECK(accepted(with_extension(0, extension(oid::basic_constraints, {}, tlv(0x30, {})))));
}

TEST_CASE("refuses a certificate carrying an extension twice (RFC 5280 §4.2)", "[x509][der]") {
  CHECK_FALSE(accepted(with_extra(extension(oid::key_usage, true_, tlv(0x03, {0x07, 0x80})))));
  CHECK_FALSE(accepted(with_extra(extension(oid::subject_alt_name, {}, tlv(0x30, tlv(0x82, ascii("b.test")))))));
  CHECK(accepted(with_extra(extension(oid::ext_key_usage, {}, tlv(0x30, oid_of(oid::server_auth))))));
}

TEST_CASE("refuses extensions outside v3, unique IDs in v1 and an explicit v1 (RFC 5280 §4.1.2)", "[x509][der]") {
  parts v2;
  v2.version = tlv(0xa0, tlv(0x02, {0x01}));
  CHECK_FALSE(accepted(v2));
  parts v1;
  v1.version = {};
  CHECK_FALSE(accepted(v1));
  v1.extensions.clear();
  CHECK(accepted(v1));
  v1.unique_ids = tlv(0x81, {0x00, 0x01});
  CHECK_FALSE(accepted(v1));
  v2.extensions.clear();
  v2.unique_ids = tlv(0x81, {0x00, 0x01});
  CHECK(accepted(v2));
  parts explicit_v1;
  explicit_v1.version = tlv(0xa0, tlv(0x02, {0x00}));
  explicit_v1.extensions.clear();
  CHECK_FALSE(accepted(explicit_v1));
}

TEST_CASE("refuses dates that are not on the calendar", "[x509][der]") {
  for (const char* when : {"230229120000Z", "240230120000Z", "240431120000Z", "241131120000Z", "240101120060Z"}) {
    INFO(when);
    parts p;
    p.not_before = tlv(0x17, ascii(when));
    CHECK_FALSE(accepted(p));
  }
  parts leap_century;
  leap_century.not_after = tlv(0x18, ascii("21000229000000Z"));  // 2100 is not a leap year
  CHECK_FALSE(accepted(leap_century));
  leap_century.not_after = tlv(0x18, ascii("20000229000000Z"));  // 2000 is
  CHECK(accepted(leap_century));
}

TEST_CASE("refuses malformed values of the extensions it interprets", "[x509][der]") {
  // keyUsage: a DER named-bit list has no trailing zero bits (X.690 §11.2.2).
  CHECK_FALSE(accepted(with_extension(1, extension(oid::key_usage, true_, tlv(0x03, {0x04, 0xa0})))));
  CHECK_FALSE(accepted(with_extension(1, extension(oid::key_usage, true_, tlv(0x03, {0x00, 0xa0, 0x00})))));
  CHECK_FALSE(accepted(with_extension(1, extension(oid::key_usage, true_, tlv(0x03, {0x08, 0x80})))));
  CHECK(accepted(with_extension(1, extension(oid::key_usage, true_, tlv(0x03, {0x07, 0x80, 0x80})))));
  // subjectAltName: tags outside the CHOICE, a constructed dNSName, non-IA5
  // bytes, an iPAddress of 5 octets.
  auto san = [](const bytes& names) { return with_extension(2, extension(oid::subject_alt_name, {}, tlv(0x30, names))); };
  CHECK_FALSE(accepted(san(tlv(0x89, {0x01}))));
  CHECK_FALSE(accepted(san(tlv(0xa2, tlv(0x16, ascii("a.test"))))));
  CHECK_FALSE(accepted(san(tlv(0x82, {'a', 0xc3, 0xa9}))));
  CHECK_FALSE(accepted(san(tlv(0x87, {127, 0, 0, 1, 0}))));
  CHECK_FALSE(accepted(san(tlv(0x04, ascii("a.test")))));
  CHECK(accepted(san(cat({tlv(0x81, ascii("x@a.test")), tlv(0x86, ascii("https://a.test/")),
                          tlv(0x87, bytes(16, 0x00))}))));
  // extKeyUsage: SIZE (1..MAX) OF OBJECT IDENTIFIER.
  CHECK_FALSE(accepted(with_extra(extension(oid::ext_key_usage, {}, tlv(0x30, {})))));
  CHECK_FALSE(accepted(with_extra(extension(oid::ext_key_usage, {}, tlv(0x30, tlv(0x04, {0x01}))))));
  CHECK_FALSE(accepted(with_extra(extension(oid::ext_key_usage, {}, tlv(0x30, tlv(0x06, {0x2b, 0x80}))))));
}

TEST_CASE("refuses malformed nameConstraints (RFC 5280 §4.2.1.10)", "[x509][der]") {
  auto nc = [](const bytes& value) { return with_extra(extension(oid::name_constraints, true_, value)); };
  const bytes dns_subtree = tlv(0x30, tlv(0x82, ascii("a.test")));
  const bytes ip_subtree = tlv(0x30, tlv(0x87, {10, 0, 0, 0, 255, 0, 0, 0}));
  CHECK(accepted(nc(tlv(0x30, cat({tlv(0xa0, cat({dns_subtree, ip_subtree})), tlv(0xa1, dns_subtree)})))));
  CHECK_FALSE(accepted(nc(tlv(0x30, {}))));                           // neither subtree list
  CHECK_FALSE(accepted(nc(tlv(0x30, tlv(0xa0, {})))));                // an empty list
  CHECK_FALSE(accepted(nc(tlv(0x30, cat({tlv(0xa1, dns_subtree), tlv(0xa0, dns_subtree)})))));  // out of order
  CHECK_FALSE(accepted(nc(tlv(0x30, tlv(0xa0, tlv(0x30, tlv(0x87, {10, 0, 0, 0})))))));  // no mask
  CHECK_FALSE(accepted(nc(tlv(0x30, tlv(0xa0, tlv(0x30, cat({tlv(0x82, ascii("a.test")), tlv(0x80, {0x00})})))))));
  CHECK_FALSE(accepted(nc(tlv(0x30, tlv(0xa0, tlv(0x30, cat({tlv(0x82, ascii("a.test")), tlv(0x81, {0x01})})))))));
}

TEST_CASE("reads extKeyUsage and nameConstraints once they are checked", "[x509]") {
  parts p;
  p.extensions.push_back(
      extension(oid::ext_key_usage, {}, tlv(0x30, cat({oid_of(oid::server_auth), oid_of(oid::client_auth)}))));
  p.extensions.push_back(extension(
      oid::name_constraints, true_,
      tlv(0x30, cat({tlv(0xa0, tlv(0x30, tlv(0x82, ascii("a.test")))),
                     tlv(0xa1, tlv(0x30, tlv(0x87, {10, 9, 0, 0, 255, 255, 0, 0})))}))));
  const bytes der = certificate_of(p);
  const auto c = decode<certificate>(bytes_view(der.data(), der.size()));
  REQUIRE(c);
  std::vector<std::string_view> purposes;
  CHECK(c->for_each_extended_key_usage([&](der::oid id) { purposes.push_back(oid_name(id)); }));
  CHECK(purposes == std::vector<std::string_view>{"serverAuth", "clientAuth"});
  const auto nc = c->name_constraints();
  REQUIRE(nc);
  std::vector<general_name::kind> forms;
  name_constraints::for_each_base(nc->permitted, [&](const general_name& n) { forms.push_back(n.form); });
  name_constraints::for_each_base(nc->excluded, [&](const general_name& n) { forms.push_back(n.form); });
  CHECK(forms == std::vector<general_name::kind>{general_name::kind::dns, general_name::kind::ip});
  CHECK_FALSE(decode<certificate>(bytes_view(der.data(), der.size() - 1)));
}

TEST_CASE("refuses names whose strings break their character sets (X.680 §41)", "[x509][der]") {
  auto with_cn = [](bytes value) {
    parts p;
    p.subject_value = std::move(value);
    return p;
  };
  CHECK(accepted(with_cn(tlv(0x0c, {'c', 0xc3, 0xa9}))));           // UTF-8 "cé"
  CHECK_FALSE(accepted(with_cn(tlv(0x0c, {'c', 0xc3}))));           // cut short
  CHECK_FALSE(accepted(with_cn(tlv(0x0c, {0xc0, 0xaf}))));          // overlong "/"
  CHECK_FALSE(accepted(with_cn(tlv(0x0c, {0xed, 0xa0, 0x80}))));    // a surrogate
  CHECK_FALSE(accepted(with_cn(tlv(0x0c, {0xf4, 0x90, 0x80, 0x80}))));  // past U+10FFFF
  CHECK(accepted(with_cn(tlv(0x13, ascii("A-z 0.9 (x)")))));
  CHECK(accepted(with_cn(tlv(0x13, ascii("*.a.test")))));           // '*' as issued in practice
  CHECK_FALSE(accepted(with_cn(tlv(0x13, ascii("a@b")))));
  CHECK_FALSE(accepted(with_cn(tlv(0x13, {'a', 0xe9}))));
  CHECK(accepted(with_cn(tlv(0x16, ascii("a@b.test")))));
  CHECK_FALSE(accepted(with_cn(tlv(0x16, {'a', 0x80}))));
  CHECK_FALSE(accepted(with_cn(tlv(0x1e, {0x00, 0x61, 0x00}))));   // BMPString of an odd length
  CHECK_FALSE(accepted(with_cn(tlv(0x2c, tlv(0x0c, ascii("t"))))));  // a constructed UTF8String (BER only)
  CHECK_FALSE(accepted(with_cn(tlv(0x8c, ascii("t")))));           // not a universal type
  CHECK_FALSE(accepted(with_cn(tlv(0x00, {}))));                    // universal tag 0
}

TEST_CASE("refuses non-canonical NULL, OID and INTEGER inside algorithm parameters", "[x509][der]") {
  auto with_parameters = [](bytes value) {
    parts p;
    p.signature_parameters = std::move(value);
    return p;
  };
  CHECK(accepted(with_parameters(tlv(0x05, {}))));
  CHECK_FALSE(accepted(with_parameters(tlv(0x05, {0x00}))));
  CHECK_FALSE(accepted(with_parameters(tlv(0x06, {0x2a, 0x80, 0x01}))));
  CHECK_FALSE(accepted(with_parameters(tlv(0x30, tlv(0x02, {0x00, 0x01})))));
  CHECK_FALSE(accepted(with_parameters(tlv(0x30, tlv(0x01, {0x01})))));
}

TEST_CASE("refuses public keys their RFCs do not allow", "[x509][der]") {
  auto with_key = [](const known_oid& type, bytes parameters, bytes key) {
    parts p;
    p.spki = tlv(0x30, cat({tlv(0x30, cat({oid_of(type), parameters})), tlv(0x03, cat({{0x00}, key}))}));
    return p;
  };
  const bytes rsa_key = tlv(0x30, cat({tlv(0x02, {0x00, 0xc1, 0x02}), tlv(0x02, {0x01, 0x00, 0x01})}));
  CHECK(accepted(with_key(oid::rsa_encryption, tlv(0x05, {}), rsa_key)));
  CHECK_FALSE(accepted(with_key(oid::rsa_encryption, {}, rsa_key)));  // RFC 3279: parameters NULL
  CHECK_FALSE(accepted(with_key(oid::rsa_encryption, tlv(0x05, {}), tlv(0x30, tlv(0x02, {0x01})))));
  CHECK_FALSE(accepted(with_key(oid::rsa_encryption, tlv(0x05, {}),
                                tlv(0x30, cat({tlv(0x02, {0x81}), tlv(0x02, {0x03})})))));  // negative modulus
  CHECK_FALSE(accepted(with_key(oid::rsa_encryption, tlv(0x05, {}), cat({rsa_key, {0x00}}))));
  CHECK(accepted(with_key(oid::ec_public_key, oid_of(oid::secp384r1), cat({{0x04}, bytes(96, 0x22)}))));
  CHECK(accepted(with_key(oid::ec_public_key, oid_of(oid::secp384r1), cat({{0x03}, bytes(48, 0x22)}))));
  CHECK_FALSE(accepted(with_key(oid::ec_public_key, oid_of(oid::secp384r1), cat({{0x04}, bytes(64, 0x22)}))));
  CHECK_FALSE(accepted(with_key(oid::ec_public_key, oid_of(oid::secp256r1), cat({{0x05}, bytes(64, 0x22)}))));
  // specifiedCurve is parsed (the dissector shows CVE-2020-0601 certificates); verify_policy refuses it.
  CHECK(accepted(with_key(oid::ec_public_key, tlv(0x30, tlv(0x02, {0x01})), cat({{0x04}, bytes(64, 0x22)}))));
  CHECK_FALSE(accepted(with_key(oid::ec_public_key, tlv(0x05, {}), cat({{0x04}, bytes(64, 0x22)}))));  // implicitCurve
  CHECK_FALSE(accepted(with_key(oid::ec_public_key, {}, cat({{0x04}, bytes(64, 0x22)}))));
  CHECK(accepted(with_key(oid::ed25519, {}, bytes(32, 0x33))));
  CHECK_FALSE(accepted(with_key(oid::ed25519, {}, bytes(31, 0x33))));
  CHECK_FALSE(accepted(with_key(oid::ed25519, tlv(0x05, {}), bytes(32, 0x33))));  // RFC 8410: absent
}

TEST_CASE("refuses malformed key identifiers and CRL distribution points", "[x509][der]") {
  CHECK(accepted(with_extra(extension(oid::subject_key_identifier, {}, tlv(0x04, {0x01, 0x02})))));
  CHECK_FALSE(accepted(with_extra(extension(oid::subject_key_identifier, {}, tlv(0x03, {0x00, 0x02})))));
  CHECK(accepted(with_extra(extension(oid::authority_key_identifier, {},
                                      tlv(0x30, cat({tlv(0x80, {0x01}), tlv(0xa1, tlv(0x82, ascii("a"))),
                                                     tlv(0x82, {0x05})}))))));
  CHECK_FALSE(accepted(with_extra(extension(oid::authority_key_identifier, {}, tlv(0x30, tlv(0x81, {0x01}))))));
  CHECK_FALSE(accepted(with_extra(extension(oid::authority_key_identifier, {}, tlv(0x30, tlv(0x82, {0x00, 0x05}))))));
  const bytes uri = tlv(0x86, ascii("http://a.test/crl"));
  CHECK(accepted(with_extra(extension(oid::crl_distribution_points, {},
                                      tlv(0x30, tlv(0x30, tlv(0xa0, tlv(0xa0, uri))))))));
  CHECK_FALSE(accepted(with_extra(extension(oid::crl_distribution_points, {}, tlv(0x30, {})))));
  CHECK_FALSE(accepted(with_extra(extension(oid::crl_distribution_points, {},
                                            tlv(0x30, tlv(0x30, tlv(0xa0, tlv(0xa2, uri))))))));
  CHECK_FALSE(accepted(with_extra(extension(oid::crl_distribution_points, {},
                                            tlv(0x30, tlv(0x30, tlv(0xa0, tlv(0xa0, tlv(0x87, {1, 2, 3})))))))));
}
