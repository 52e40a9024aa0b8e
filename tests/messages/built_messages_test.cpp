// Messages built from typed values encode into the caller's span and parse
// back to equal values; the forms no trace carries (raw public keys, TLS 1.1
// signatures, DHE and PSK key exchanges, CertificateStatus, compressed
// certificates, message_hash) are shown here.
#include <array>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "messages/rfc8448_vectors.hpp"
#include "support/hex.hpp"
#include "support/vector_file.hpp"
#include "tlswire/messages/messages.hpp"
#include "tlswire/providers/reference/sha256.hpp"

using namespace tlswire;
namespace h = tlswire::test::rfc8448;

namespace {

// Encodes `m` (header + body), dispatches it back in `ctx`, and checks the
// typed value and the bytes agree.
template <class T>
constexpr bool built_round_trips(const T& m, const negotiation_context& ctx) {
  std::array<std::uint8_t, 512> out{};
  writer w(out);
  m.encode_message(w);
  if (!w) return false;
  auto typed = dispatch(w.written(), ctx);
  if (!typed || !typed->template holds<T>() || !(typed->template as<T>() == m)) return false;
  std::array<std::uint8_t, 512> again{};
  writer w2(again);
  typed->encode(w2);
  return w2.ok() && equal_bytes(w2.written(), w.written()) &&
         encoded_size(m) + handshake_header_size == w.size();
}

constexpr negotiation_context ctx12(cipher_suite suite, sender from = sender::server,
                                    protocol_version version = protocol_version::tls12,
                                    certificate_type type = certificate_type::x509) {
  return {version, suite, from, type};
}
constexpr negotiation_context tls13{protocol_version::tls13, cipher_suite::tls_aes_256_gcm_sha384, sender::server,
                                    certificate_type::x509};

constexpr auto point = test::hex("04aabbccdd");
constexpr auto key = test::hex("3059301306072a8648ce3d020106082a8648ce3d03010703420004");
constexpr auto sig = test::hex("0102030405060708");
constexpr auto ocsp = test::hex("3003020100");
constexpr auto generator = test::hex("02");
constexpr auto hint = test::ascii("hint");
constexpr auto identity = test::ascii("id");

constexpr bool builds_key_exchanges() {
  // ECDHE_ECDSA ServerKeyExchange, TLS 1.2 signature.
  server_key_exchange ecdhe;
  ecdhe.key_exchange = key_exchange_algorithm::ecdhe;
  ecdhe.ecdh_params = {ec_curve_type::named_curve, named_group::secp256r1, {as_view(point)}};
  ecdhe.signed_params = {true, signature_scheme::ecdsa_secp256r1_sha256, {as_view(sig)}};
  // DHE_RSA in TLS 1.1: the signature has no algorithm in front.
  server_key_exchange dhe;
  dhe.key_exchange = key_exchange_algorithm::dhe;
  dhe.dh_params = {{as_view(sig)}, {as_view(generator)}, {as_view(point)}};
  dhe.signed_params = {false, {}, {as_view(sig)}};
  // ECDHE_PSK: hint + params, no signature (RFC 5489).
  server_key_exchange ecdhe_psk;
  ecdhe_psk.key_exchange = key_exchange_algorithm::ecdhe_psk;
  ecdhe_psk.psk_identity_hint = {as_view(hint)};
  ecdhe_psk.ecdh_params = ecdhe.ecdh_params;
  ecdhe_psk.is_signed = false;
  client_key_exchange rsa{key_exchange_algorithm::rsa, {}, {as_view(sig)}, {}, {}};
  client_key_exchange dhe_psk{key_exchange_algorithm::dhe_psk, {as_view(identity)}, {}, {as_view(point)}, {}};
  client_key_exchange ecdhe_client{key_exchange_algorithm::ecdhe, {}, {}, {}, {as_view(point)}};
  return built_round_trips(ecdhe, ctx12(cipher_suite::tls_ecdhe_ecdsa_with_aes_128_gcm_sha256)) &&
         built_round_trips(dhe, ctx12(cipher_suite::tls_dhe_rsa_with_aes_128_cbc_sha, sender::server,
                                      protocol_version::tls11)) &&
         built_round_trips(ecdhe_psk, ctx12(cipher_suite::tls_ecdhe_psk_with_aes_128_cbc_sha256)) &&
         built_round_trips(rsa, ctx12(cipher_suite::tls_rsa_with_aes_128_gcm_sha256, sender::client)) &&
         built_round_trips(dhe_psk, ctx12(cipher_suite::tls_dhe_psk_with_aes_128_gcm_sha256, sender::client)) &&
         built_round_trips(ecdhe_client, ctx12(cipher_suite::tls_ecdhe_rsa_with_aes_128_gcm_sha256, sender::client));
}

constexpr bool builds_certificates() {
  // RFC 7250 raw public key, TLS 1.2 (one SubjectPublicKeyInfo, no list)
  // and TLS 1.3 (an entry like any other).
  tls12_certificate rpk12;
  rpk12.certificate_type = certificate_type::raw_public_key;
  rpk12.raw_public_key = {as_view(key)};
  const std::array<certificate_entry, 1> entries{certificate_entry{{as_view(key)}, {}}};
  tls13_certificate rpk13;
  rpk13.certificate_type = certificate_type::raw_public_key;
  rpk13.certificate_list = entries;
  // TLS 1.1 CertificateRequest (no signature algorithms) and TLS 1.1
  // CertificateVerify (no algorithm).
  constexpr std::array<client_certificate_type, 2> types{client_certificate_type::rsa_sign,
                                                         client_certificate_type::ecdsa_sign};
  tls12_certificate_request cr11;
  cr11.certificate_types = types;
  cr11.has_signature_algorithms = false;
  const certificate_verify cv11{{false, {}, {as_view(sig)}}};
  return built_round_trips(rpk12, ctx12(cipher_suite::tls_ecdhe_ecdsa_with_aes_128_gcm_sha256, sender::server,
                                        protocol_version::tls12, certificate_type::raw_public_key)) &&
         built_round_trips(rpk13, negotiation_context{protocol_version::tls13, cipher_suite::tls_aes_128_gcm_sha256,
                                                      sender::server, certificate_type::raw_public_key}) &&
         built_round_trips(cr11, ctx12(cipher_suite::tls_rsa_with_aes_128_cbc_sha, sender::server,
                                       protocol_version::tls11)) &&
         built_round_trips(cv11, ctx12(cipher_suite::tls_rsa_with_aes_128_cbc_sha, sender::client,
                                       protocol_version::tls11));
}

constexpr bool builds_the_rest() {
  const certificate_status status{certificate_status_type::ocsp, {as_view(ocsp)}, {}, {}};
  const std::array<ocsp_response_entry, 2> responses{ocsp_response_entry{as_view(ocsp)}, ocsp_response_entry{}};
  certificate_status multi;
  multi.status_type = certificate_status_type::ocsp_multi;
  multi.ocsp_response_list = responses;
  const compressed_certificate compressed{certificate_compression_algorithm::zlib, 441, {as_view(sig)}};
  const std::array<std::uint8_t, 48> verify{};
  const finished fin384{as_view(verify)};  // TLS_AES_256_GCM_SHA384: 48 bytes
  const tls12_new_session_ticket ticket12{7200, {as_view(sig)}};
  const key_update update{key_update_request::update_requested};
  return built_round_trips(status, ctx12(cipher_suite::tls_ecdhe_rsa_with_aes_128_gcm_sha256)) &&
         built_round_trips(multi, ctx12(cipher_suite::tls_ecdhe_rsa_with_aes_128_gcm_sha256)) &&
         built_round_trips(compressed, tls13) && built_round_trips(fin384, tls13) &&
         built_round_trips(ticket12, ctx12(cipher_suite::tls_ecdhe_rsa_with_aes_128_gcm_sha256)) &&
         built_round_trips(update, tls13) && built_round_trips(server_hello_done{}, ctx12(cipher_suite::tls_rsa_with_aes_128_gcm_sha256)) &&
         built_round_trips(hello_request{}, ctx12(cipher_suite::tls_rsa_with_aes_128_gcm_sha256));
}

}  // namespace

TEST_CASE("builds every key exchange shape and parses it back at compile time", "[messages][built]") {
  STATIC_REQUIRE(builds_key_exchanges());
}

TEST_CASE("builds raw-public-key certificates and TLS 1.1 request/verify forms at compile time", "[messages][built]") {
  STATIC_REQUIRE(builds_certificates());
}

TEST_CASE("builds CertificateStatus, CompressedCertificate, Finished, tickets and empty messages at compile time",
          "[messages][built]") {
  STATIC_REQUIRE(builds_the_rest());
}

TEST_CASE("the version changes how CertificateVerify and CertificateRequest read the same bytes", "[messages][built]") {
  // 0401 0002 aabb: a TLS 1.2 DigitallySigned; in TLS 1.1 the first two
  // bytes would be the signature's length (0x0401 > the 6 bytes here).
  const auto cv = test::bytes_from_hex("0f0000060401" "0002aabb");
  CHECK(dispatch(bytes_view(cv.data(), cv.size()), ctx12(cipher_suite::tls_rsa_with_aes_128_cbc_sha)).ok());
  const auto old = dispatch(bytes_view(cv.data(), cv.size()),
                            ctx12(cipher_suite::tls_rsa_with_aes_128_cbc_sha, sender::client, protocol_version::tls11));
  REQUIRE_FALSE(old.ok());
  CHECK(old.error().alert == alert_description::decode_error);
}

TEST_CASE("message_hash rebuilds RFC 8448's transcript after the HelloRetryRequest", "[messages][built][rfc8448]") {
  // RFC 8446 §4.4.1: Transcript-Hash(CH1, HRR, CH2, SH) =
  //   Hash(message_hash(Hash(CH1)) || HRR || CH2 || SH)
  // RFC 8448 §5 prints that value as the hash of "tls13 c hs traffic".
  const auto file = test::load_vectors("rfc8448/hello-retry-request.txt");
  const auto ch1_hash = reference::sha256::hash(file.view("client_hello"));
  std::array<std::uint8_t, message_hash_max_size> synthetic{};
  auto size = build_message_hash(as_view(ch1_hash), synthetic);
  REQUIRE(size.ok());
  CHECK(*size == 36);
  CHECK(synthetic[0] == 254);
  CHECK(synthetic[3] == 32);

  // It parses back through the dispatcher and has the transcript hash's length.
  auto typed = dispatch(bytes_view(synthetic.data(), *size), negotiation_context{});
  REQUIRE(typed.ok());
  REQUIRE(typed->holds<message_hash>());
  CHECK(validate(typed->as<message_hash>(), 32).ok());
  CHECK_FALSE(validate(typed->as<message_hash>(), 48).ok());

  reference::sha256 transcript;
  transcript.update(bytes_view(synthetic.data(), *size));
  transcript.update(file.view("hello_retry_request"));
  transcript.update(file.view("client_hello_2"));
  transcript.update(file.view("server_hello"));
  std::array<std::uint8_t, 32> digest{};
  transcript.finish(digest);
  CHECK(test::to_hex(as_view(digest)) == test::to_hex(file.view("client_handshake_traffic_secret.hash")));
}

TEST_CASE("refuses to build an empty or oversized message_hash and messages that break their bounds",
          "[messages][built]") {
  std::array<std::uint8_t, 128> out{};
  CHECK_FALSE(build_message_hash({}, out).ok());
  const std::array<std::uint8_t, 65> too_long{};
  CHECK_FALSE(build_message_hash(as_view(too_long), out).ok());
  // A TLS 1.3 ticket must not be empty: the writer refuses to send it.
  const tls13_new_session_ticket empty_ticket{};
  writer w(out);
  empty_ticket.encode_message(w);
  CHECK(w.error().code == errc::length_out_of_range);
  // The output span too small is an error, never an overflow.
  const compressed_certificate big{certificate_compression_algorithm::zlib, 10, {as_view(too_long)}};
  std::array<std::uint8_t, 16> tiny{};
  writer small(tiny);
  big.encode_message(small);
  CHECK(small.error().code == errc::buffer_too_small);
}
