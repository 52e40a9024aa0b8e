// Extensions the recorded handshakes do not carry (DTLS-SRTP, heartbeat, raw
// public keys, certificate_authorities, oid_filters, OCSP responses in a
// CertificateEntry, ECH, ...): bodies written here field by field from the
// RFC structs, round-tripped, built from typed values, truncations refused.
#include <array>

#include <catch2/catch.hpp>

#include "ext_test_util.hpp"
#include "tlswire/extensions/extensions.hpp"

using namespace tlswire;
using namespace tlswire::ext_test;

namespace {

// RFC 5764 §4.1.1: two profiles, srtp_mki "ab".
constexpr auto kUseSrtp = hex("0004" "0001" "0007" "01ab");
// RFC 6520 §2: peer_allowed_to_send.
constexpr auto kHeartbeat = hex("01");
// RFC 7250 §3: client offers raw_public_key then x509; server picks raw_public_key.
constexpr auto kCertTypes = hex("02" "0200");
constexpr auto kCertType = hex("02");
// RFC 8446 §4.2.4: two DistinguishedNames (DER Name bytes, abbreviated).
constexpr auto kAuthorities = hex("000b" "0004" "30023100" "0003" "300100");
// RFC 8446 §4.2.5: keyUsage (2.5.29.15) with a DER BIT STRING, and
// extendedKeyUsage (2.5.29.37) with no values.
constexpr auto kOidFilters = hex("0010" "03551d0f" "0004" "03020780" "03551d25" "0000");
// RFC 8446 §4.4.2.1: CertificateStatus with a (stub) DER OCSPResponse.
constexpr auto kOcspResponse = hex("01" "000005" "3003020100");
// RFC 6066 §8: ocsp request with one ResponderID and request_extensions.
constexpr auto kStatusRequest = hex("01" "0004" "000201aa" "0002" "3000");
// RFC 6066 §4: 2^12.
constexpr auto kMaxFragment = hex("04");
// RFC 5746 §3.2: a renegotiation's client verify_data (12 bytes).
constexpr auto kRenegotiation = hex("0c" "0102030405060708090a0b0c");
// draft-ietf-tls-esni: an outer ECHClientHello, kept opaque.
constexpr auto kEch = hex("00" "0001" "0001" "2a" "0020" "aabbccdd" "0004" "01020304");

constexpr bool constructed_bodies_round_trip() {
  return round_trips<use_srtp>(as_view(kUseSrtp)) && refuses_every_truncation<use_srtp>(as_view(kUseSrtp)) &&
         round_trips<heartbeat>(as_view(kHeartbeat)) && refuses_every_truncation<heartbeat>(as_view(kHeartbeat)) &&
         round_trips<client_certificate_type_client_hello>(as_view(kCertTypes)) &&
         refuses_every_truncation<client_certificate_type_client_hello>(as_view(kCertTypes)) &&
         round_trips<server_certificate_type_client_hello>(as_view(kCertTypes)) &&
         round_trips<client_certificate_type_server_hello>(as_view(kCertType)) &&
         round_trips<server_certificate_type_server_hello>(as_view(kCertType)) &&
         refuses_every_truncation<server_certificate_type_server_hello>(as_view(kCertType)) &&
         round_trips<certificate_authorities>(as_view(kAuthorities)) &&
         refuses_every_truncation<certificate_authorities>(as_view(kAuthorities)) &&
         round_trips<oid_filters>(as_view(kOidFilters)) &&
         refuses_every_truncation<oid_filters>(as_view(kOidFilters)) &&
         round_trips<status_request_certificate>(as_view(kOcspResponse)) &&
         refuses_every_truncation<status_request_certificate>(as_view(kOcspResponse)) &&
         round_trips<status_request_client_hello>(as_view(kStatusRequest)) &&
         refuses_every_truncation<status_request_client_hello>(as_view(kStatusRequest)) &&
         round_trips<max_fragment_length_extension>(as_view(kMaxFragment)) &&
         round_trips<renegotiation_info>(as_view(kRenegotiation)) &&
         refuses_every_truncation<renegotiation_info>(as_view(kRenegotiation)) &&
         round_trips<encrypted_client_hello>(as_view(kEch)) &&
         round_trips<post_handshake_auth>(bytes_view{}) && round_trips<encrypt_then_mac>(bytes_view{});
}

constexpr bool constructed_bodies_read_as_the_rfc_says() {
  auto srtp = decode<use_srtp>(as_view(kUseSrtp));
  auto modes = decode<heartbeat>(as_view(kHeartbeat));
  auto types = decode<client_certificate_type_client_hello>(as_view(kCertTypes));
  auto cas = decode<certificate_authorities>(as_view(kAuthorities));
  auto filters = decode<oid_filters>(as_view(kOidFilters));
  auto ocsp = decode<status_request_certificate>(as_view(kOcspResponse));
  auto mfl = decode<max_fragment_length_extension>(as_view(kMaxFragment));
  return srtp->protection_profiles.size() == 2 &&
         srtp->protection_profiles[1] == srtp_protection_profile::srtp_aead_aes_128_gcm &&
         srtp->srtp_mki.size() == 1 && !validate_server(*srtp).ok() &&
         modes->mode == heartbeat_mode::peer_allowed_to_send && validate(*modes).ok() &&
         types->client_certificate_types[0] == certificate_type::raw_public_key && cas->authorities.size() == 2 &&
         filters->filters.size() == 2 && filters->filters.begin()->certificate_extension_values.size() == 4 &&
         ocsp->status_type == certificate_status_type::ocsp && ocsp->ocsp_response.size() == 5 &&
         mfl->length_limit() == 4096 && validate(*mfl).ok();
}

constexpr bool unknown_status_type_is_kept_unchanged() {
  constexpr auto body = hex("07" "aabbcc");  // a status_type RFC 6066 does not define
  auto request = decode<status_request_client_hello>(as_view(body));
  auto response = decode<status_request_certificate>(as_view(body));
  return request && request->other_request.size() == 3 && round_trips<status_request_client_hello>(as_view(body)) &&
         response && response->other_response.size() == 3 &&
         round_trips<status_request_certificate>(as_view(body));
}

constexpr auto kHostA = hex("612e6578616d706c65");  // "a.example"
constexpr auto kH2 = hex("6832");
constexpr auto kHttp11 = hex("687474702f312e31");

constexpr bool built_values_encode_their_rfc_bytes() {
  const std::array<srtp_protection_profile, 2> profiles{srtp_protection_profile::srtp_aes128_cm_hmac_sha1_80,
                                                        srtp_protection_profile::srtp_aead_aes_128_gcm};
  constexpr auto mki = hex("ab");
  const std::array<protocol_name, 2> protocols{protocol_name{as_view(kH2)}, protocol_name{as_view(kHttp11)}};
  const std::array<server_name_entry, 1> names{server_name_entry{name_type::host_name, {as_view(kHostA)}}};
  const server_name_client_hello sni{names};
  const application_layer_protocol_negotiation alpn_offer{protocols};
  return encodes_to(use_srtp{profiles, {as_view(mki)}}, as_view(kUseSrtp)) &&
         encodes_to(heartbeat{heartbeat_mode::peer_allowed_to_send}, as_view(kHeartbeat)) &&
         encodes_to(server_certificate_type_server_hello{certificate_type::raw_public_key}, as_view(kCertType)) &&
         encodes_to(sni, as_view(hex("000c" "00" "0009" "612e6578616d706c65"))) &&
         equal_bytes(sni.host_name(), as_view(kHostA)) && validate(sni).ok() &&
         encodes_to(alpn_offer, as_view(hex("000c" "026832" "08687474702f312e31"))) &&
         alpn_offer.contains(as_view(kHttp11)) && !alpn_offer.contains(as_view(kHostA)) &&
         encodes_to(padding::zeros(3), as_view(hex("000000"))) && padding::zeros(3) == *decode<padding>(as_view(hex("000000"))) &&
         encodes_to(early_data_new_session_ticket{0x400}, as_view(hex("00000400"))) &&
         encodes_to(opaque_extension<extension_type::token_binding>{as_view(mki)}, as_view(mki));
}

constexpr bool key_share_finds_offered_groups() {
  constexpr auto body = hex("000a" "001d0001aa" "00170001bb");
  auto shares = decode<key_share_client_hello>(as_view(body));
  auto x25519 = shares->find(named_group::x25519);
  return x25519 && x25519->key_exchange.bytes[0] == 0xaa && !shares->find(named_group::x448) &&
         validate(*shares).ok();
}

constexpr bool empty_client_shares_are_syntactically_fine() {
  // RFC 8446 §4.2.8: client_shares<0..2^16-1> may be empty (a client asking
  // for a HelloRetryRequest).
  return round_trips<key_share_client_hello>(as_view(hex("0000")));
}

}  // namespace

TEST_CASE("constructed DTLS-SRTP, heartbeat, certificate-type, CA, OID-filter, OCSP and ECH bodies round-trip",
          "[extensions][constructed]") {
  STATIC_REQUIRE(constructed_bodies_round_trip());
  STATIC_REQUIRE(constructed_bodies_read_as_the_rfc_says());
}

TEST_CASE("accepts an unknown status_type and keeps its bytes unchanged", "[extensions][constructed]") {
  STATIC_REQUIRE(unknown_status_type_is_kept_unchanged());
}

TEST_CASE("extensions built from typed values encode their RFC bytes", "[extensions][build]") {
  STATIC_REQUIRE(built_values_encode_their_rfc_bytes());
  STATIC_REQUIRE(key_share_finds_offered_groups());
  STATIC_REQUIRE(empty_client_shares_are_syntactically_fine());
}
