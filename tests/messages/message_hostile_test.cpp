// Malformed and non-conforming handshake messages (everything after the
// hellos): truncation at every byte of every real message, and a named
// table of hostile forms, each refused with the alert the RFC names — by
// the syntax parse (dispatch) or by the semantic layer (validate).
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "messages/rfc8448_vectors.hpp"
#include "support/vector_file.hpp"
#include "tlswire/inspect/print.hpp"
#include "tlswire/messages/messages.hpp"

using namespace tlswire;
namespace h = tlswire::test::rfc8448;

namespace {

using bytes = std::vector<std::uint8_t>;
using ad = alert_description;

// A whole message from its type and body hex (spaces allowed): the uint24
// length is computed.
bytes message(std::uint8_t type, std::string body_hex) {
  std::string clean;
  for (char c : body_hex)
    if (c != ' ') clean += c;
  const bytes body = test::bytes_from_hex(clean);
  bytes m{type, static_cast<std::uint8_t>(body.size() >> 16), static_cast<std::uint8_t>(body.size() >> 8),
          static_cast<std::uint8_t>(body.size())};
  m.insert(m.end(), body.begin(), body.end());
  return m;
}

constexpr negotiation_context tls13_server{protocol_version::tls13, cipher_suite::tls_aes_128_gcm_sha256,
                                           sender::server, certificate_type::x509};
constexpr negotiation_context tls13_client{protocol_version::tls13, cipher_suite::tls_aes_128_gcm_sha256,
                                           sender::client, certificate_type::x509};
constexpr negotiation_context tls12_ecdhe{protocol_version::tls12,
                                          cipher_suite::tls_ecdhe_rsa_with_aes_128_gcm_sha256, sender::server,
                                          certificate_type::x509};
constexpr negotiation_context tls12_dhe{protocol_version::tls12, cipher_suite::tls_dhe_rsa_with_aes_128_gcm_sha256,
                                        sender::server, certificate_type::x509};
constexpr negotiation_context tls12_rsa{protocol_version::tls12, cipher_suite::tls_rsa_with_aes_128_gcm_sha256,
                                        sender::client, certificate_type::x509};

// RFC 8448 §3's ClientHello: what the server's answers are checked against.
const client_hello& rfc8448_client_hello() {
  static const client_hello ch = *parse_message<client_hello>(*read_handshake(as_view(h::simple_client_hello)));
  return ch;
}

error status_error(const status& s) { return s ? error{} : s.error(); }

using check_fn = error (*)(const typed_message&);

struct hostile {
  const char* name;
  bytes wire;
  negotiation_context ctx;
  check_fn check;  // nullptr: the parse itself must refuse
  errc code;
  alert_description alert;
};

// The RFC 8448 §3 offer, for the answers' checks.
const auto offered_signatures = [] {
  return rfc8448_client_hello().extensions.get<signature_algorithms>()->supported_signature_algorithms;
};
const auto offered_groups = [] {
  return rfc8448_client_hello().extensions.get<supported_groups>()->named_group_list;
};
constexpr std::array<certificate_compression_algorithm, 2> compression_offer{
    certificate_compression_algorithm::zlib, certificate_compression_algorithm::brotli};

// extension hex pieces
const std::string sig_algs = "000d 0004 0002 0804";         // signature_algorithms {rsa_pss_rsae_sha256}
const std::string key_share_sh = "0033 0006 001d 0002 abcd";  // key_share (ServerHello form)

std::vector<hostile> hostile_cases() {
  const check_fn ee_check = [](const typed_message& m) {
    return status_error(validate(m.as<encrypted_extensions>(), rfc8448_client_hello().extensions));
  };
  const check_fn cr_check = [](const typed_message& m) {
    return status_error(validate(m.as<tls13_certificate_request>()));
  };
  const check_fn server_cert_check = [](const typed_message& m) {
    return status_error(validate(m.as<tls13_certificate>(), sender::server, rfc8448_client_hello().extensions));
  };
  const check_fn client_cert_check = [](const typed_message& m) {
    static const std::array<std::uint8_t, 1> context{0x07};
    static const auto request = extension_list::from_encoded(test::bytes_from_hex("000d000400020804")).value();
    return status_error(validate(m.as<tls13_certificate>(), sender::client, request, as_view(context)));
  };
  const check_fn nst_check = [](const typed_message& m) {
    return status_error(validate(m.as<tls13_new_session_ticket>()));
  };
  const check_fn key_update_check = [](const typed_message& m) {
    return status_error(validate(m.as<key_update>()));
  };
  const check_fn cv_check = [](const typed_message& m) {
    return status_error(validate(m.as<certificate_verify>(), offered_signatures()));
  };
  const check_fn ske_check = [](const typed_message& m) {
    return status_error(validate(m.as<server_key_exchange>(), offered_groups(), offered_signatures()));
  };
  const check_fn compressed_check = [](const typed_message& m) {
    return status_error(validate(m.as<compressed_certificate>(), compression_offer));
  };
  const check_fn message_hash_check = [](const typed_message& m) {
    return status_error(validate(m.as<message_hash>(), 32));
  };
  const check_fn tls12_cert_check = [](const typed_message& m) {
    return status_error(validate(m.as<tls12_certificate>(), sender::server));
  };
  const std::string cert_der = "3003020100";  // stands in for DER bytes: syntax does not look inside
  return {
      // ---- Finished: the length comes from the suite ----
      {"Finished of 11 bytes in TLS 1.2", message(20, std::string(22, '0')), tls12_ecdhe, nullptr, errc::truncated,
       ad::decode_error},
      {"Finished of 13 bytes in TLS 1.2", message(20, std::string(26, '0')), tls12_ecdhe, nullptr,
       errc::trailing_bytes, ad::decode_error},
      {"Finished of 48 bytes with a SHA-256 suite in TLS 1.3", message(20, std::string(96, '0')), tls13_server,
       nullptr, errc::trailing_bytes, ad::decode_error},
      {"Finished of 31 bytes with a SHA-256 suite in TLS 1.3", message(20, std::string(62, '0')), tls13_server,
       nullptr, errc::truncated, ad::decode_error},
      {"empty Finished", message(20, ""), tls13_server, nullptr, errc::truncated, ad::decode_error},
      // ---- empty messages ----
      {"EndOfEarlyData with a body byte", message(5, "00"), tls13_client, nullptr, errc::trailing_bytes,
       ad::decode_error},
      {"ServerHelloDone with a body byte", message(14, "00"), tls12_ecdhe, nullptr, errc::trailing_bytes,
       ad::decode_error},
      {"HelloRequest with a body byte", message(0, "00"), tls12_ecdhe, nullptr, errc::trailing_bytes,
       ad::decode_error},
      // ---- KeyUpdate ----
      {"KeyUpdate without its byte", message(24, ""), tls13_client, nullptr, errc::truncated, ad::decode_error},
      {"KeyUpdate of two bytes", message(24, "0100"), tls13_client, nullptr, errc::trailing_bytes,
       ad::decode_error},
      {"KeyUpdate value 2", message(24, "02"), tls13_client, key_update_check, errc::bad_value,
       ad::illegal_parameter},
      {"KeyUpdate value 255", message(24, "ff"), tls13_client, key_update_check, errc::bad_value,
       ad::illegal_parameter},
      // ---- EncryptedExtensions ----
      {"EncryptedExtensions length past the body", message(8, "0005 0000"), tls13_server, nullptr, errc::truncated,
       ad::decode_error},
      {"EncryptedExtensions with an extension header cut short", message(8, "0002 0000"), tls13_server, nullptr,
       errc::truncated, ad::decode_error},
      {"EncryptedExtensions with bytes after the list", message(8, "0000 00"), tls13_server, nullptr,
       errc::trailing_bytes, ad::decode_error},
      {"EncryptedExtensions with key_share (a ServerHello extension)", message(8, "000a" + key_share_sh),
       tls13_server, ee_check, errc::extension_not_allowed, ad::illegal_parameter},
      {"EncryptedExtensions with supported_versions", message(8, "0006 002b 0002 0304"), tls13_server, ee_check,
       errc::extension_not_allowed, ad::illegal_parameter},
      {"EncryptedExtensions with an extension the ClientHello did not offer (ALPN)",
       message(8, "0009 0010 0005 0003 02 6832"), tls13_server, ee_check, errc::extension_not_allowed,
       ad::unsupported_extension},
      {"EncryptedExtensions with a duplicate extension", message(8, "0008 001c 0000 001c 0000"), tls13_server,
       ee_check, errc::duplicate_extension, ad::illegal_parameter},
      // ---- Certificate, TLS 1.3 ----
      {"1.3 Certificate with an empty cert_data", message(11, "00 000005 000000 0000"), tls13_server, nullptr,
       errc::length_out_of_range, ad::decode_error},
      {"1.3 Certificate list length past the body", message(11, "00 000010 000005" + cert_der + "0000"),
       tls13_server, nullptr, errc::truncated, ad::decode_error},
      {"1.3 Certificate entry without its extensions", message(11, "00 000008 000005" + cert_der), tls13_server,
       nullptr, errc::truncated, ad::decode_error},
      {"1.3 server Certificate with no entries", message(11, "00 000000"), tls13_server, server_cert_check,
       errc::length_out_of_range, ad::decode_error},
      {"1.3 server Certificate with a request context", message(11, "01 07 00000a 000005" + cert_der + "0000"),
       tls13_server, server_cert_check, errc::bad_value, ad::illegal_parameter},
      {"1.3 client Certificate echoing another context", message(11, "01 08 000000"), tls13_client,
       client_cert_check, errc::bad_value, ad::illegal_parameter},
      {"CertificateEntry with key_share (extension in the wrong message)",
       message(11, "00 000014 000005" + cert_der + "000a" + key_share_sh), tls13_server, server_cert_check,
       errc::extension_not_allowed, ad::illegal_parameter},
      {"CertificateEntry with status_request the ClientHello did not ask for",
       message(11, "00 000012 000005" + cert_der + "0008 0005 0004 01 000000"), tls13_server, server_cert_check,
       errc::extension_not_allowed, ad::unsupported_extension},
      // ---- Certificate, TLS 1.2 ----
      {"1.2 Certificate with an empty ASN.1Cert", message(11, "000003 000000"), tls12_ecdhe, nullptr,
       errc::length_out_of_range, ad::decode_error},
      {"1.2 Certificate list length past the body", message(11, "000009 000005" + cert_der), tls12_ecdhe, nullptr,
       errc::truncated, ad::decode_error},
      {"1.2 server Certificate with no certificate", message(11, "000000"), tls12_ecdhe, tls12_cert_check,
       errc::length_out_of_range, ad::decode_error},
      // ---- CertificateRequest ----
      {"1.3 CertificateRequest with no extensions", message(13, "00 0000"), tls13_server, nullptr,
       errc::length_out_of_range, ad::decode_error},
      {"1.3 CertificateRequest without signature_algorithms", message(13, "00 0004 0012 0000"), tls13_server,
       cr_check, errc::missing_extension, ad::missing_extension},
      {"1.3 CertificateRequest with a context during the handshake", message(13, "01 07 0008" + sig_algs),
       tls13_server, cr_check, errc::bad_value, ad::illegal_parameter},
      {"1.3 CertificateRequest with key_share", message(13, "00 0012" + sig_algs + key_share_sh), tls13_server,
       cr_check, errc::extension_not_allowed, ad::illegal_parameter},
      {"1.3 CertificateRequest with a duplicate signature_algorithms", message(13, "00 0010" + sig_algs + sig_algs),
       tls13_server, cr_check, errc::duplicate_extension, ad::illegal_parameter},
      {"1.2 CertificateRequest with no certificate types", message(13, "00 0002 0401 0000"), tls12_ecdhe, nullptr,
       errc::length_out_of_range, ad::decode_error},
      {"1.2 CertificateRequest with an odd signature algorithms length", message(13, "01 01 0003 040105 0000"),
       tls12_ecdhe, nullptr, errc::length_out_of_range, ad::decode_error},
      {"1.2 CertificateRequest with no signature algorithms", message(13, "01 01 0000 0000"), tls12_ecdhe, nullptr,
       errc::length_out_of_range, ad::decode_error},
      {"1.2 CertificateRequest with an empty DistinguishedName", message(13, "01 01 0002 0401 0002 0000"),
       tls12_ecdhe, nullptr, errc::length_out_of_range, ad::decode_error},
      // ---- CertificateVerify ----
      {"CertificateVerify signature length past the body", message(15, "0804 0010 abcd"), tls13_server, nullptr,
       errc::truncated, ad::decode_error},
      {"CertificateVerify without a signature length", message(15, "0804"), tls13_server, nullptr, errc::truncated,
       ad::decode_error},
      {"CertificateVerify with an algorithm the peer did not offer", message(15, "0807 0002 abcd"), tls13_server,
       cv_check, errc::bad_value, ad::illegal_parameter},
      // ---- NewSessionTicket ----
      {"1.3 NewSessionTicket with an empty ticket", message(4, "0000001e 00000000 00 0000 0000"), tls13_server,
       nullptr, errc::length_out_of_range, ad::decode_error},
      {"1.3 NewSessionTicket nonce past the body", message(4, "0000001e 00000000 08 00"), tls13_server, nullptr,
       errc::truncated, ad::decode_error},
      {"1.3 NewSessionTicket without its extensions", message(4, "0000001e 00000000 00 0001 aa"), tls13_server,
       nullptr, errc::truncated, ad::decode_error},
      {"1.3 NewSessionTicket with a lifetime over 7 days", message(4, "00093a81 00000000 00 0001 aa 0000"),
       tls13_server, nst_check, errc::bad_value, ad::illegal_parameter},
      {"1.3 NewSessionTicket with key_share", message(4, "0000001e 00000000 00 0001 aa 000a" + key_share_sh),
       tls13_server, nst_check, errc::extension_not_allowed, ad::illegal_parameter},
      {"1.2 NewSessionTicket ticket past the body", message(4, "0000001e 0004 aa"), tls12_ecdhe, nullptr,
       errc::truncated, ad::decode_error},
      // ---- ServerKeyExchange ----
      {"ECDHE ServerKeyExchange with explicit_prime parameters", message(12, "01 001d 01 aa 0804 0001 aa"),
       tls12_ecdhe, nullptr, errc::bad_value, ad::illegal_parameter},
      {"ECDHE ServerKeyExchange with an empty point", message(12, "03 001d 00 0804 0001 aa"), tls12_ecdhe, nullptr,
       errc::length_out_of_range, ad::decode_error},
      {"ECDHE ServerKeyExchange without its signature", message(12, "03 001d 01 aa"), tls12_ecdhe, nullptr,
       errc::truncated, ad::decode_error},
      {"ECDHE ServerKeyExchange with a curve the client did not offer", message(12, "03 001e 01 aa 0804 0001 aa"),
       tls12_ecdhe, ske_check, errc::bad_value, ad::illegal_parameter},
      {"ECDHE ServerKeyExchange signed with an algorithm the client did not offer",
       message(12, "03 001d 01 aa 0807 0001 aa"), tls12_ecdhe, ske_check, errc::bad_value, ad::illegal_parameter},
      {"DHE ServerKeyExchange with an empty dh_p", message(12, "0000 0001 02 0001 05 0804 0001 aa"), tls12_dhe,
       nullptr, errc::length_out_of_range, ad::decode_error},
      {"ServerKeyExchange in an RSA key transport suite", message(12, "00"), tls12_rsa, nullptr,
       errc::unexpected_message, ad::unexpected_message},
      {"ServerKeyExchange in TLS 1.3", message(12, "03 001d 01 aa 0804 0001 aa"), tls13_server, nullptr,
       errc::unexpected_message, ad::unexpected_message},
      // ---- ClientKeyExchange ----
      {"ECDHE ClientKeyExchange with an empty point", message(16, "00"), tls12_ecdhe, nullptr,
       errc::length_out_of_range, ad::decode_error},
      {"DHE ClientKeyExchange with an empty dh_Yc", message(16, "0000"), tls12_dhe, nullptr,
       errc::length_out_of_range, ad::decode_error},
      {"RSA ClientKeyExchange length past the body", message(16, "0100 aabb"), tls12_rsa, nullptr, errc::truncated,
       ad::decode_error},
      {"RSA ClientKeyExchange with bytes after the secret", message(16, "0001 aa bb"), tls12_rsa, nullptr,
       errc::trailing_bytes, ad::decode_error},
      // ---- CertificateStatus, CompressedCertificate, message_hash ----
      {"CertificateStatus with an empty OCSPResponse", message(22, "01 000000"), tls12_ecdhe, nullptr,
       errc::length_out_of_range, ad::decode_error},
      {"CertificateStatus OCSPResponse past the body", message(22, "01 000005 aa"), tls12_ecdhe, nullptr,
       errc::truncated, ad::decode_error},
      {"CompressedCertificate with no compressed bytes", message(25, "0001 000100 000000"), tls13_server, nullptr,
       errc::length_out_of_range, ad::decode_error},
      {"CompressedCertificate cut inside uncompressed_length", message(25, "0001 0001"), tls13_server, nullptr,
       errc::truncated, ad::decode_error},
      {"CompressedCertificate with an algorithm not offered", message(25, "0003 000100 000001 aa"), tls13_server,
       compressed_check, errc::bad_value, ad::illegal_parameter},
      {"CompressedCertificate announcing 0 uncompressed bytes", message(25, "0001 000000 000001 aa"), tls13_server,
       compressed_check, errc::bad_value, ad::bad_certificate},
      {"message_hash shorter than the transcript hash", message(254, std::string(40, 'a')), tls13_server,
       message_hash_check, errc::length_mismatch, ad::decode_error},
  };
}

}  // namespace

TEST_CASE("refuses hostile handshake messages with the alert the RFC names", "[messages][hostile]") {
  for (const hostile& c : hostile_cases()) {
    INFO(c.name);
    auto typed = dispatch(bytes_view(c.wire.data(), c.wire.size()), c.ctx);
    error got{};
    if (c.check == nullptr) {
      REQUIRE_FALSE(typed.ok());
      got = typed.error();
    } else {
      REQUIRE(typed.ok());  // syntactically fine: only the semantic layer refuses it
      got = c.check(*typed);
    }
    CHECK(to_string(got.code) == to_string(c.code));
    CHECK(to_string(got.alert) == to_string(c.alert));
  }
}

TEST_CASE("the hostile table's refusals are found after the header, inside the message", "[messages][hostile]") {
  for (const hostile& c : hostile_cases()) {
    if (c.check != nullptr) continue;
    INFO(c.name);
    auto typed = dispatch(bytes_view(c.wire.data(), c.wire.size()), c.ctx);
    REQUIRE_FALSE(typed.ok());
    CHECK(typed.error().offset <= c.wire.size());
  }
}

TEST_CASE("refuses every truncation of every RFC 8448 message after the hellos", "[messages][hostile][truncation]") {
  std::size_t cuts = 0;
  for (const char* trace : {"simple-1rtt", "resumed-0rtt", "hello-retry-request", "client-authentication",
                            "compatibility-mode"}) {
    const auto file = test::load_vectors(std::string("rfc8448/") + trace + ".txt");
    for (const char* name : {"encrypted_extensions", "certificate_request", "server_certificate",
                             "server_certificate_verify", "server_finished", "client_certificate",
                             "client_certificate_verify", "client_finished", "new_session_ticket"}) {
      if (!file.contains(name)) continue;
      const auto full = read_handshake(file.view(name));
      REQUIRE(full.ok());
      for (std::size_t k = 0; k < full->body.size(); ++k) {
        // The body cut at k, under a header that tells the truth about it.
        const handshake_message cut{full->type, full->body.first(k), {}};
        auto typed = dispatch(cut, tls13_server);
        INFO(trace << ": " << name << " cut to " << k << " bytes");
        REQUIRE_FALSE(typed.ok());
        CHECK(typed.error().alert == ad::decode_error);
        ++cuts;
      }
      // The header itself cut short: read_handshake says it needs more.
      const bytes_view raw = file.view(name);
      for (std::size_t k = 0; k < raw.size(); ++k) CHECK_FALSE(dispatch(raw.first(k), tls13_server).ok());
    }
  }
  CHECK(cuts > 2000);
}

TEST_CASE("refuses every truncation of TLS 1.2 messages built from recorded shapes", "[messages][hostile][truncation]") {
  // One of each TLS 1.2 message that has a body, in the shapes the recorded
  // connections use.
  const std::string point = "41 04" + std::string(128, 'b');
  const std::vector<std::pair<bytes, negotiation_context>> messages{
      {message(11, "00000b 000008 3006020100020100"), tls12_ecdhe},
      {message(12, "03 0017 " + point + "0401 0004 aabbccdd"), tls12_ecdhe},
      {message(12, "0002 00ff 0001 02 0002 1234 0401 0002 aabb"), tls12_dhe},
      {message(13, "02 0140 0004 0401 0403 0005 0003 aabbcc"), tls12_ecdhe},
      {message(15, "0401 0003 aabbcc"), tls12_ecdhe},
      {message(16, "41 04" + std::string(128, 'c')), tls12_ecdhe},
      {message(16, "0004 aabbccdd"), tls12_rsa},
      {message(16, "0002 abcd"), tls12_dhe},
      {message(4, "00001c20 0003 aabbcc"), tls12_ecdhe},
      {message(20, std::string(24, 'e')), tls12_ecdhe},
      {message(22, "01 000003 aabbcc"), tls12_ecdhe},
  };
  for (const auto& [wire, ctx] : messages) {
    const auto full = read_handshake(bytes_view(wire.data(), wire.size()));
    REQUIRE(full.ok());
    REQUIRE(dispatch(*full, ctx).ok());
    for (std::size_t k = 0; k < full->body.size(); ++k) {
      const handshake_message cut{full->type, full->body.first(k), {}};
      auto typed = dispatch(cut, ctx);
      INFO(to_string(full->type) << " cut to " << k << " bytes");
      REQUIRE_FALSE(typed.ok());
      CHECK(typed.error().alert == ad::decode_error);
    }
  }
}

TEST_CASE("every one-byte change to an RFC 8448 message is refused or re-encodes exactly as received",
          "[messages][hostile][mutation]") {
  // The round-trip oracle the fuzz targets use, run over every byte: a view
  // keeps the wire bytes, so anything the parser accepts encodes back
  // unchanged; and the printer copes with whatever the parser accepts.
  std::size_t accepted = 0, refused = 0;
  for (const char* trace : {"simple-1rtt", "resumed-0rtt", "hello-retry-request", "client-authentication",
                            "compatibility-mode"}) {
    const auto file = test::load_vectors(std::string("rfc8448/") + trace + ".txt");
    for (const char* name : {"server_hello", "encrypted_extensions", "certificate_request", "server_certificate",
                             "server_certificate_verify", "server_finished", "client_certificate",
                             "client_certificate_verify", "new_session_ticket", "end_of_early_data"}) {
      if (!file.contains(name)) continue;
      bytes wire = file[name];
      std::vector<std::uint8_t> out(wire.size() + 16);
      for (std::size_t i = 0; i < wire.size(); ++i) {
        for (std::uint8_t flip : {std::uint8_t{0x01}, std::uint8_t{0x80}, std::uint8_t{0xff}}) {
          wire[i] ^= flip;
          auto typed = dispatch(bytes_view(wire.data(), wire.size()), tls13_server);
          if (typed) {
            writer w(out);
            typed->encode(w);
            INFO(trace << ": " << name << " byte " << i << " ^ " << int(flip));
            REQUIRE(w.ok());
            REQUIRE(equal_bytes(w.written(), bytes_view(wire.data(), wire.size())));
            counting_sink sink;
            print(sink, *typed);
            CHECK(sink.size > 0);
            ++accepted;
          } else {
            ++refused;
          }
          wire[i] ^= flip;
        }
      }
    }
  }
  CHECK(accepted > 1000);
  CHECK(refused > 500);
}
