// Tests of the registry headers' names and wire values: to_string on known
// values, "" on unknown ones, and the numbers the RFCs assign.
#include <catch2/catch.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tlswire/registry/registry.hpp"

namespace {

using namespace tlswire;

// Every row is found by to_string/is_known, and its name leads back to it
// (so no two values share a name).
template <class E, std::size_t N>
constexpr bool round_trips(const std::array<named<E>, N>& table) {
  for (const named<E>& row : table) {
    if (to_string(row.value) != row.name) return false;
    if (!is_known(row.value)) return false;
    if (lookup_value(table, row.name) != row.value) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("every registry table is sorted, unique and round-trips through to_string", "[registry]") {
  STATIC_REQUIRE(round_trips(alert_level_names));
  STATIC_REQUIRE(round_trips(alert_description_names));
  STATIC_REQUIRE(round_trips(content_type_names));
  STATIC_REQUIRE(round_trips(handshake_type_names));
  STATIC_REQUIRE(round_trips(protocol_version_names));
  STATIC_REQUIRE(round_trips(cipher_suite_names));
  STATIC_REQUIRE(round_trips(named_group_names));
  STATIC_REQUIRE(round_trips(ec_point_format_names));
  STATIC_REQUIRE(round_trips(ec_curve_type_names));
  STATIC_REQUIRE(round_trips(signature_scheme_names));
  STATIC_REQUIRE(round_trips(hash_algorithm_names));
  STATIC_REQUIRE(round_trips(signature_algorithm_names));
  STATIC_REQUIRE(round_trips(extension_type_names));
  STATIC_REQUIRE(round_trips(compression_method_names));
  STATIC_REQUIRE(round_trips(certificate_type_names));
  STATIC_REQUIRE(round_trips(psk_key_exchange_mode_names));
  STATIC_REQUIRE(round_trips(certificate_compression_algorithm_names));
  STATIC_REQUIRE(round_trips(key_update_request_names));
  STATIC_REQUIRE(round_trips(certificate_status_type_names));
  STATIC_REQUIRE(round_trips(name_type_names));
  STATIC_REQUIRE(round_trips(max_fragment_length_names));
  STATIC_REQUIRE(round_trips(heartbeat_mode_names));
  STATIC_REQUIRE(round_trips(heartbeat_message_type_names));
  STATIC_REQUIRE(round_trips(client_certificate_type_names));
  STATIC_REQUIRE(round_trips(change_cipher_spec_type_names));
}

TEST_CASE("unknown code points have no name but are kept", "[registry]") {
  STATIC_REQUIRE(to_string(static_cast<cipher_suite>(0x1234)).empty());
  STATIC_REQUIRE_FALSE(is_known(static_cast<cipher_suite>(0x1234)));
  STATIC_REQUIRE(to_string(static_cast<extension_type>(0x0a0a)).empty());  // GREASE
  STATIC_REQUIRE(to_string(static_cast<extension_type>(40)).empty());      // reserved, unnamed
  STATIC_REQUIRE(to_string(static_cast<named_group>(0xffff)).empty());
  STATIC_REQUIRE(to_string(static_cast<signature_scheme>(0x0000)).empty());
  STATIC_REQUIRE(to_string(static_cast<content_type>(19)).empty());
  STATIC_REQUIRE(to_string(static_cast<handshake_type>(7)).empty());
  STATIC_REQUIRE(to_string(static_cast<protocol_version>(0x0305)).empty());
  STATIC_REQUIRE(to_string(static_cast<alert_description>(255)).empty());
  STATIC_REQUIRE(to_string(static_cast<psk_key_exchange_mode>(2)).empty());
  STATIC_REQUIRE(to_string(static_cast<compression_method>(2)).empty());
  // An unknown value survives a round trip through the enum unchanged.
  STATIC_REQUIRE(to_underlying(static_cast<cipher_suite>(0xbeef)) == 0xbeef);
}

TEST_CASE("record and handshake code points have their RFC values and names", "[registry]") {
  STATIC_REQUIRE(to_underlying(content_type::handshake) == 22);
  STATIC_REQUIRE(to_underlying(content_type::tls12_cid) == 25);
  STATIC_REQUIRE(to_underlying(content_type::ack) == 26);
  STATIC_REQUIRE(to_string(content_type::application_data) == "application_data");

  STATIC_REQUIRE(to_underlying(handshake_type::finished) == 20);
  STATIC_REQUIRE(to_underlying(handshake_type::key_update) == 24);
  STATIC_REQUIRE(to_underlying(handshake_type::compressed_certificate) == 25);
  STATIC_REQUIRE(to_underlying(handshake_type::client_certificate_request) == 17);
  STATIC_REQUIRE(to_underlying(handshake_type::message_hash) == 254);
  STATIC_REQUIRE(to_string(handshake_type::encrypted_extensions) == "encrypted_extensions");
  STATIC_REQUIRE(to_string(handshake_type::hello_retry_request) == "hello_retry_request_RESERVED");

  STATIC_REQUIRE(to_underlying(alert_description::decode_error) == 50);
  STATIC_REQUIRE(to_underlying(alert_description::ech_required) == 121);
  STATIC_REQUIRE(to_string(alert_description::bad_record_mac) == "bad_record_mac");
  STATIC_REQUIRE(to_string(alert_level::fatal) == "fatal");

  STATIC_REQUIRE(to_underlying(change_cipher_spec_type::change_cipher_spec) == 1);
}

TEST_CASE("protocol versions have their wire values and readable names", "[registry]") {
  STATIC_REQUIRE(to_underlying(protocol_version::ssl3) == 0x0300);
  STATIC_REQUIRE(to_underlying(protocol_version::tls12) == 0x0303);
  STATIC_REQUIRE(to_underlying(protocol_version::tls13) == 0x0304);
  STATIC_REQUIRE(to_underlying(protocol_version::dtls10) == 0xfeff);
  STATIC_REQUIRE(to_underlying(protocol_version::dtls12) == 0xfefd);
  STATIC_REQUIRE(to_underlying(protocol_version::dtls13) == 0xfefc);
  STATIC_REQUIRE(to_string(protocol_version::tls13) == "TLS 1.3");
  STATIC_REQUIRE(to_string(protocol_version::dtls12) == "DTLS 1.2");
  STATIC_REQUIRE(is_tls13_draft(static_cast<protocol_version>(0x7f17)));
  STATIC_REQUIRE_FALSE(is_tls13_draft(protocol_version::tls13));
  STATIC_REQUIRE(is_dtls(protocol_version::dtls13));
  STATIC_REQUIRE_FALSE(is_dtls(protocol_version::tls12));
}

TEST_CASE("extension types have their IANA values, unregistered ones are marked", "[registry]") {
  STATIC_REQUIRE(to_underlying(extension_type::server_name) == 0);
  STATIC_REQUIRE(to_underlying(extension_type::supported_groups) == 10);
  STATIC_REQUIRE(to_underlying(extension_type::signature_algorithms) == 13);
  STATIC_REQUIRE(to_underlying(extension_type::application_layer_protocol_negotiation) == 16);
  STATIC_REQUIRE(to_underlying(extension_type::padding) == 21);
  STATIC_REQUIRE(to_underlying(extension_type::extended_master_secret) == 23);
  STATIC_REQUIRE(to_underlying(extension_type::compress_certificate) == 27);
  STATIC_REQUIRE(to_underlying(extension_type::record_size_limit) == 28);
  STATIC_REQUIRE(to_underlying(extension_type::session_ticket) == 35);
  STATIC_REQUIRE(to_underlying(extension_type::pre_shared_key) == 41);
  STATIC_REQUIRE(to_underlying(extension_type::early_data) == 42);
  STATIC_REQUIRE(to_underlying(extension_type::supported_versions) == 43);
  STATIC_REQUIRE(to_underlying(extension_type::cookie) == 44);
  STATIC_REQUIRE(to_underlying(extension_type::psk_key_exchange_modes) == 45);
  STATIC_REQUIRE(to_underlying(extension_type::certificate_authorities) == 47);
  STATIC_REQUIRE(to_underlying(extension_type::oid_filters) == 48);
  STATIC_REQUIRE(to_underlying(extension_type::post_handshake_auth) == 49);
  STATIC_REQUIRE(to_underlying(extension_type::signature_algorithms_cert) == 50);
  STATIC_REQUIRE(to_underlying(extension_type::key_share) == 51);
  STATIC_REQUIRE(to_underlying(extension_type::connection_id) == 54);
  STATIC_REQUIRE(to_underlying(extension_type::quic_transport_parameters) == 57);
  STATIC_REQUIRE(to_underlying(extension_type::ticket_request) == 58);
  STATIC_REQUIRE(to_underlying(extension_type::dnssec_chain) == 59);
  STATIC_REQUIRE(to_underlying(extension_type::ech_outer_extensions) == 0xfd00);
  STATIC_REQUIRE(to_underlying(extension_type::encrypted_client_hello) == 0xfe0d);
  STATIC_REQUIRE(to_underlying(extension_type::renegotiation_info) == 0xff01);
  STATIC_REQUIRE(to_underlying(extension_type::application_settings_old) == 0x4469);
  STATIC_REQUIRE(to_underlying(extension_type::application_settings) == 0x44cd);
  STATIC_REQUIRE(to_string(extension_type::supported_versions) == "supported_versions");
  STATIC_REQUIRE(to_string(extension_type::application_settings_old) == "application_settings (old)");
  STATIC_REQUIRE(is_private_use(static_cast<extension_type>(0xff02)));
  STATIC_REQUIRE_FALSE(is_private_use(extension_type::renegotiation_info));
  STATIC_REQUIRE_FALSE(is_private_use(extension_type::encrypted_client_hello));
}

TEST_CASE("named groups include the hybrid post-quantum code points", "[registry]") {
  STATIC_REQUIRE(to_underlying(named_group::secp256r1) == 23);
  STATIC_REQUIRE(to_underlying(named_group::secp521r1) == 25);
  STATIC_REQUIRE(to_underlying(named_group::x25519) == 29);
  STATIC_REQUIRE(to_underlying(named_group::x448) == 30);
  STATIC_REQUIRE(to_underlying(named_group::ffdhe2048) == 0x0100);
  STATIC_REQUIRE(to_underlying(named_group::ffdhe8192) == 0x0104);
  STATIC_REQUIRE(to_underlying(named_group::mlkem512) == 0x0200);
  STATIC_REQUIRE(to_underlying(named_group::mlkem1024) == 0x0202);
  STATIC_REQUIRE(to_underlying(named_group::secp256r1_mlkem768) == 0x11eb);
  STATIC_REQUIRE(to_underlying(named_group::x25519_mlkem768) == 0x11ec);
  STATIC_REQUIRE(to_underlying(named_group::secp384r1_mlkem1024) == 0x11ed);
  STATIC_REQUIRE(to_underlying(named_group::x25519_kyber768_draft00) == 0x6399);
  STATIC_REQUIRE(to_string(named_group::x25519_mlkem768) == "X25519MLKEM768");
  STATIC_REQUIRE(to_string(named_group::brainpoolp256r1tls13) == "brainpoolP256r1tls13");
  STATIC_REQUIRE(to_string(named_group::sect163k1) == "sect163k1");
  STATIC_REQUIRE(is_ffdhe(named_group::ffdhe3072));
  STATIC_REQUIRE_FALSE(is_ffdhe(named_group::x25519));
  STATIC_REQUIRE(to_underlying(ec_point_format::ansiX962_compressed_char2) == 2);
  STATIC_REQUIRE(to_underlying(ec_curve_type::named_curve) == 3);
}

TEST_CASE("signature schemes split into the TLS 1.2 hash and signature pair", "[registry]") {
  STATIC_REQUIRE(to_underlying(signature_scheme::rsa_pkcs1_sha256) == 0x0401);
  STATIC_REQUIRE(to_underlying(signature_scheme::ecdsa_secp256r1_sha256) == 0x0403);
  STATIC_REQUIRE(to_underlying(signature_scheme::rsa_pss_rsae_sha256) == 0x0804);
  STATIC_REQUIRE(to_underlying(signature_scheme::ed25519) == 0x0807);
  STATIC_REQUIRE(to_underlying(signature_scheme::rsa_pss_pss_sha512) == 0x080b);
  STATIC_REQUIRE(to_underlying(signature_scheme::ecdsa_brainpoolp512r1tls13_sha512) == 0x081c);
  STATIC_REQUIRE(to_underlying(signature_scheme::mldsa44) == 0x0904);
  STATIC_REQUIRE(to_underlying(signature_scheme::mldsa87) == 0x0906);
  STATIC_REQUIRE(to_string(signature_scheme::ecdsa_brainpoolp256r1tls13_sha256) ==
                 "ecdsa_brainpoolP256r1tls13_sha256");
  STATIC_REQUIRE(to_string(signature_scheme::dsa_sha1) == "dsa_sha1_RESERVED");

  STATIC_REQUIRE(hash_part(signature_scheme::rsa_pkcs1_sha256) == hash_algorithm::sha256);
  STATIC_REQUIRE(signature_part(signature_scheme::rsa_pkcs1_sha256) == signature_algorithm::rsa);
  STATIC_REQUIRE(hash_part(signature_scheme::ecdsa_sha1) == hash_algorithm::sha1);
  STATIC_REQUIRE(signature_part(signature_scheme::ecdsa_secp384r1_sha384) == signature_algorithm::ecdsa);
  STATIC_REQUIRE(make_signature_scheme(hash_algorithm::sha384, signature_algorithm::ecdsa) ==
                 signature_scheme::ecdsa_secp384r1_sha384);
  STATIC_REQUIRE(make_signature_scheme(hash_algorithm::sha224, signature_algorithm::rsa) ==
                 signature_scheme::rsa_pkcs1_sha224);
  STATIC_REQUIRE(make_signature_scheme(hash_algorithm::intrinsic, signature_algorithm::ed25519) ==
                 signature_scheme::ed25519);
  STATIC_REQUIRE(hash_length(hash_algorithm::sha384) == 48);
  STATIC_REQUIRE(hash_length(hash_algorithm::intrinsic) == 0);
}

TEST_CASE("small registries have their RFC values", "[registry]") {
  STATIC_REQUIRE(to_string(compression_method::null) == "null");
  STATIC_REQUIRE(to_underlying(compression_method::lzs) == 64);
  STATIC_REQUIRE(to_underlying(certificate_type::raw_public_key) == 2);
  STATIC_REQUIRE(to_string(certificate_type::x509) == "X.509");
  STATIC_REQUIRE(to_string(certificate_type::ieee1609dot2) == "1609Dot2");
  STATIC_REQUIRE(to_underlying(psk_key_exchange_mode::psk_dhe_ke) == 1);
  STATIC_REQUIRE(to_underlying(certificate_compression_algorithm::zstd) == 3);
  STATIC_REQUIRE(to_underlying(key_update_request::update_requested) == 1);
  STATIC_REQUIRE(to_underlying(certificate_status_type::ocsp) == 1);
  STATIC_REQUIRE(to_underlying(name_type::host_name) == 0);
  STATIC_REQUIRE(to_underlying(heartbeat_mode::peer_not_allowed_to_send) == 2);
  STATIC_REQUIRE(to_underlying(client_certificate_type::ecdsa_sign) == 64);
  STATIC_REQUIRE(to_underlying(client_certificate_type::ecdsa_fixed_ecdh) == 66);
}

TEST_CASE("max_fragment_length codes stand for 2^9..2^12 bytes, others for none", "[registry]") {
  STATIC_REQUIRE(max_fragment_bytes(max_fragment_length::len_512) == 512);
  STATIC_REQUIRE(max_fragment_bytes(max_fragment_length::len_1024) == 1024);
  STATIC_REQUIRE(max_fragment_bytes(max_fragment_length::len_2048) == 2048);
  STATIC_REQUIRE(max_fragment_bytes(max_fragment_length::len_4096) == 4096);
  STATIC_REQUIRE(max_fragment_bytes(static_cast<max_fragment_length>(0)) == 0);
  STATIC_REQUIRE(max_fragment_bytes(static_cast<max_fragment_length>(5)) == 0);
  STATIC_REQUIRE(to_string(max_fragment_length::len_4096) == "2^12");
}
