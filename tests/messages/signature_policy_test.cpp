// The peer signature scheme rules (messages/signature_policy.hpp): version,
// offered list, the leaf's key type and curve, its keyUsage. Leaves are the
// self-signed certificates of tests/vectors/x509/policy/ (make-policy.sh).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "support/read_vector_file.hpp"
#include "tlswire/messages/signature_policy.hpp"
#include "tlswire/wire/codec.hpp"
#include "x509/test_certificates.hpp"

using namespace tlswire;
using ss = signature_scheme;
using ad = alert_description;

namespace {

// Every scheme any test here offers (the peer chose from this list).
constexpr std::array<signature_scheme, 20> everything{
    ss::rsa_pkcs1_sha1,        ss::ecdsa_sha1,           ss::rsa_pkcs1_sha224,       ss::ecdsa_sha224,
    ss::rsa_pkcs1_sha256,      ss::dsa_sha256,           ss::ecdsa_secp256r1_sha256, ss::rsa_pkcs1_sha384,
    ss::ecdsa_secp384r1_sha384, ss::rsa_pkcs1_sha512,    ss::ecdsa_secp521r1_sha512, ss::rsa_pss_rsae_sha256,
    ss::rsa_pss_rsae_sha384,   ss::rsa_pss_rsae_sha512,  ss::ed25519,                ss::ed448,
    ss::rsa_pss_pss_sha256,    ss::rsa_pss_pss_sha384,   ss::rsa_pkcs1_sha256_legacy, ss::sm2sig_sm3,
};
constexpr signature_scheme_list offered_everything{everything};

struct leaf {
  std::vector<std::uint8_t> der;
  x509::certificate cert;
};

leaf load(const std::string& name) {
  leaf l{test::read_vector_file("x509/policy/" + name + ".der"), {}};
  auto c = decode<x509::certificate>(bytes_view(l.der.data(), l.der.size()));
  REQUIRE(c.ok());
  l.cert = *c;
  return l;
}

alert_description alert_of(const status& s) { return s.ok() ? ad::close_notify : s.error().alert; }

}  // namespace

TEST_CASE("TLS 1.3 CertificateVerify refuses rsa_pkcs1, SHA-1, SHA-224 and DSA even when offered",
          "[messages][signature_policy]") {
  const leaf rsa = load("rsa");
  const leaf p256 = load("p256");
  for (const ss s : {ss::rsa_pkcs1_sha256, ss::rsa_pkcs1_sha384, ss::rsa_pkcs1_sha512, ss::rsa_pkcs1_sha1,
                     ss::rsa_pkcs1_sha224, ss::rsa_pkcs1_sha256_legacy}) {
    INFO(to_string(s));
    CHECK(alert_of(check_peer_signature_scheme(s, protocol_version::tls13, offered_everything, rsa.cert)) ==
          ad::illegal_parameter);
    // TLS 1.2 allows PKCS#1 v1.5 (RFC 5246 §7.4.1.4.1) when offered.
    if (s != ss::rsa_pkcs1_sha256_legacy)
      CHECK(check_peer_signature_scheme(s, protocol_version::tls12, offered_everything, rsa.cert).ok());
  }
  for (const ss s : {ss::ecdsa_sha1, ss::ecdsa_sha224, ss::dsa_sha256}) {
    INFO(to_string(s));
    CHECK(alert_of(check_peer_signature_scheme(s, protocol_version::tls13, offered_everything, p256.cert)) ==
          ad::illegal_parameter);
  }
}

TEST_CASE("accepts the TLS 1.3 schemes that fit the leaf's key and curve", "[messages][signature_policy]") {
  struct row {
    const char* leaf_name;
    ss scheme;
  };
  for (const row& r : {row{"rsa", ss::rsa_pss_rsae_sha256}, row{"rsa", ss::rsa_pss_rsae_sha512},
                       row{"rsa-pss", ss::rsa_pss_pss_sha256}, row{"p256", ss::ecdsa_secp256r1_sha256},
                       row{"p384", ss::ecdsa_secp384r1_sha384}, row{"ed25519", ss::ed25519}}) {
    INFO(r.leaf_name << " " << to_string(r.scheme));
    const leaf l = load(r.leaf_name);
    CHECK(check_peer_signature_scheme(r.scheme, protocol_version::tls13, offered_everything, l.cert).ok());
  }
  // RFC 8448's server certificate (RSA, no keyUsage) with rsa_pss_rsae_sha256.
  const auto rfc8448 = decode<x509::certificate>(as_view(test_certs::rfc8448_server_rsa));
  REQUIRE(rfc8448.ok());
  CHECK(check_peer_signature_scheme(ss::rsa_pss_rsae_sha256, protocol_version::tls13, offered_everything, *rfc8448)
            .ok());
}

TEST_CASE("refuses a scheme this side did not offer with illegal_parameter", "[messages][signature_policy]") {
  static constexpr std::array<signature_scheme, 2> only{ss::ecdsa_secp256r1_sha256, ss::rsa_pss_rsae_sha256};
  constexpr signature_scheme_list offered{only};
  const leaf rsa = load("rsa");
  const leaf p384 = load("p384");
  CHECK(alert_of(check_peer_signature_scheme(ss::rsa_pss_rsae_sha384, protocol_version::tls13, offered, rsa.cert)) ==
        ad::illegal_parameter);
  CHECK(alert_of(check_peer_signature_scheme(ss::ecdsa_secp384r1_sha384, protocol_version::tls13, offered, p384.cert)) ==
        ad::illegal_parameter);
  CHECK(alert_of(check_peer_signature_scheme(ss::rsa_pkcs1_sha256, protocol_version::tls12, offered, rsa.cert)) ==
        ad::illegal_parameter);
  CHECK(check_peer_signature_scheme(ss::rsa_pss_rsae_sha256, protocol_version::tls12, offered, rsa.cert).ok());
}

TEST_CASE("refuses a scheme that does not fit the leaf's key with illegal_parameter", "[messages][signature_policy]") {
  struct row {
    const char* leaf_name;
    ss scheme;
    protocol_version version;
  };
  const auto v13 = protocol_version::tls13;
  const auto v12 = protocol_version::tls12;
  for (const row& r : {
           row{"rsa", ss::ecdsa_secp256r1_sha256, v13},     // RSA key, ECDSA scheme
           row{"rsa", ss::rsa_pss_pss_sha256, v13},         // rsaEncryption key, PSS-key scheme
           row{"rsa-pss", ss::rsa_pss_rsae_sha256, v13},    // RSASSA-PSS key, rsaEncryption scheme
           row{"rsa-pss", ss::rsa_pkcs1_sha256, v12},       // RSASSA-PSS key signs PSS only
           row{"p256", ss::ecdsa_secp384r1_sha384, v13},    // TLS 1.3: the scheme names P-384
           row{"p384", ss::ecdsa_secp256r1_sha256, v13},    // ... or P-256
           row{"p256", ss::ed25519, v13},                   // EC key, EdDSA scheme
           row{"ed25519", ss::ed448, v13},                  // Ed25519 key, Ed448 scheme
           row{"ed25519", ss::ecdsa_secp256r1_sha256, v12}, // EdDSA key, ECDSA scheme
           row{"p256", ss::rsa_pkcs1_sha256, v12},          // EC key, RSA scheme
       }) {
    INFO(r.leaf_name << " " << to_string(r.scheme));
    const leaf l = load(r.leaf_name);
    CHECK(alert_of(check_peer_signature_scheme(r.scheme, r.version, offered_everything, l.cert)) ==
          ad::illegal_parameter);
  }
  // TLS 1.2's 0x0403 is "ECDSA with SHA-256" on any curve (RFC 5246 §7.4.1.4.1).
  const leaf p384 = load("p384");
  CHECK(check_peer_signature_scheme(ss::ecdsa_secp256r1_sha256, v12, offered_everything, p384.cert).ok());
}

TEST_CASE("refuses a leaf whose keyUsage forbids signing with unsupported_certificate",
          "[messages][signature_policy]") {
  const leaf ecdh_only = load("p256-key-agreement");
  const leaf rsa_kex_only = load("rsa-key-encipherment");
  CHECK(alert_of(check_peer_signature_scheme(ss::ecdsa_secp256r1_sha256, protocol_version::tls13, offered_everything,
                                             ecdh_only.cert)) == ad::unsupported_certificate);
  CHECK(alert_of(check_peer_signature_scheme(ss::ecdsa_secp256r1_sha256, protocol_version::tls12, offered_everything,
                                             ecdh_only.cert)) == ad::unsupported_certificate);
  CHECK(alert_of(check_peer_signature_scheme(ss::rsa_pss_rsae_sha256, protocol_version::tls13, offered_everything,
                                             rsa_kex_only.cert)) == ad::unsupported_certificate);
  CHECK(alert_of(check_peer_signature_scheme(ss::rsa_pkcs1_sha256, protocol_version::tls12, offered_everything,
                                             rsa_kex_only.cert)) == ad::unsupported_certificate);
}

TEST_CASE("refuses a leaf key type it cannot check, and a scheme it cannot check",
          "[messages][signature_policy]") {
  const leaf dsa = load("dsa");
  CHECK(alert_of(check_peer_signature_scheme(ss::rsa_pss_rsae_sha256, protocol_version::tls13, offered_everything,
                                             dsa.cert)) == ad::unsupported_certificate);
  const leaf p256 = load("p256");
  CHECK(alert_of(check_peer_signature_scheme(ss::sm2sig_sm3, protocol_version::tls13, offered_everything,
                                             p256.cert)) == ad::handshake_failure);
}

TEST_CASE("a CertificateVerify is checked by its algorithm", "[messages][signature_policy]") {
  const leaf p256 = load("p256");
  certificate_verify cv;
  cv.signed_content.algorithm = ss::ecdsa_secp256r1_sha256;
  CHECK(check_peer_signature_scheme(cv, protocol_version::tls13, offered_everything, p256.cert).ok());
  cv.signed_content.algorithm = ss::rsa_pkcs1_sha256;
  CHECK(alert_of(check_peer_signature_scheme(cv, protocol_version::tls13, offered_everything, p256.cert)) ==
        ad::illegal_parameter);
}
