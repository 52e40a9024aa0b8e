#pragma once
// RFC 8446 §4.2 ExtensionType, IANA "TLS ExtensionType Values": the full registry,
// and a few unregistered code points that real clients send (marked NOT IANA).
// Which message may carry which extension is the extensions/ layer's business.
#include <array>
#include <cstdint>
#include <string_view>

#include "tlswire/registry/name_table.hpp"

namespace tlswire {

// RFC 8446 §4.2 and the RFCs named beside each value.
enum class extension_type : std::uint16_t {
  server_name = 0,  // RFC 6066 §3
  max_fragment_length = 1,  // RFC 6066 §4
  client_certificate_url = 2,  // RFC 6066 §5
  trusted_ca_keys = 3,  // RFC 6066 §6
  truncated_hmac = 4,  // RFC 6066 §7
  status_request = 5,  // RFC 6066 §8
  user_mapping = 6,  // RFC 4681
  client_authz = 7,  // RFC 5878
  server_authz = 8,  // RFC 5878
  cert_type = 9,  // RFC 6091
  supported_groups = 10,  // RFC 8422 §5.1.1 / RFC 7919 (was elliptic_curves)
  ec_point_formats = 11,  // RFC 8422 §5.1.2
  srp = 12,  // RFC 5054
  signature_algorithms = 13,  // RFC 8446 §4.2.3 / RFC 5246 §7.4.1.4.1
  use_srtp = 14,  // RFC 5764
  heartbeat = 15,  // RFC 6520
  application_layer_protocol_negotiation = 16,  // RFC 7301
  status_request_v2 = 17,  // RFC 6961
  signed_certificate_timestamp = 18,  // RFC 6962
  client_certificate_type = 19,  // RFC 7250
  server_certificate_type = 20,  // RFC 7250
  padding = 21,  // RFC 7685
  encrypt_then_mac = 22,  // RFC 7366
  extended_master_secret = 23,  // RFC 7627
  token_binding = 24,  // RFC 8472
  cached_info = 25,  // RFC 7924
  tls_lts = 26,  // draft-gutmann-tls-lts
  compress_certificate = 27,  // RFC 8879
  record_size_limit = 28,  // RFC 8449
  pwd_protect = 29,  // RFC 8492
  pwd_clear = 30,  // RFC 8492
  password_salt = 31,  // RFC 8492
  ticket_pinning = 32,  // RFC 8672
  tls_cert_with_extern_psk = 33,  // RFC 8773
  delegated_credential = 34,  // RFC 9345
  session_ticket = 35,  // RFC 5077 (IANA: was SessionTicket TLS)
  tlmsp = 36,  // ETSI TS 103 523-2
  tlmsp_proxying = 37,  // ETSI TS 103 523-2
  tlmsp_delegate = 38,  // ETSI TS 103 523-2
  supported_ekt_ciphers = 39,  // RFC 8870
  pre_shared_key = 41,  // RFC 8446 §4.2.11
  early_data = 42,  // RFC 8446 §4.2.10
  supported_versions = 43,  // RFC 8446 §4.2.1
  cookie = 44,  // RFC 8446 §4.2.2
  psk_key_exchange_modes = 45,  // RFC 8446 §4.2.9
  certificate_authorities = 47,  // RFC 8446 §4.2.4
  oid_filters = 48,  // RFC 8446 §4.2.5
  post_handshake_auth = 49,  // RFC 8446 §4.2.6
  signature_algorithms_cert = 50,  // RFC 8446 §4.2.3
  key_share = 51,  // RFC 8446 §4.2.8
  transparency_info = 52,  // RFC 9162
  connection_id_deprecated = 53,  // draft value of RFC 9146
  connection_id = 54,  // RFC 9146
  external_id_hash = 55,  // RFC 8844
  external_session_id = 56,  // RFC 8844
  quic_transport_parameters = 57,  // RFC 9001 §8.2
  ticket_request = 58,  // RFC 9149
  dnssec_chain = 59,  // RFC 9102
  sequence_number_encryption_algorithms = 60,  // draft-pismenny-tls-dtls-plaintext-sequence-number
  rrc = 61,  // draft-ietf-tls-dtls-rrc
  tls_flags = 62,  // draft-ietf-tls-tlsflags
  // Not in the IANA registry, but sent by deployed stacks and seen in captures:
  next_protocol_negotiation = 0x3374,  // NOT IANA: draft-agl-tls-nextprotoneg (NPN)
  application_settings_old = 0x4469,  // NOT IANA: ALPS (draft-vvv-tls-alps), first code point
  application_settings = 0x44cd,  // NOT IANA: ALPS, the code point Chrome moved to
  channel_id = 0x7550,  // NOT IANA: draft-balfanz-tls-channelid
  // Registered again from here on
  ech_outer_extensions = 0xfd00,  // draft-ietf-tls-esni §5.1
  encrypted_client_hello = 0xfe0d,  // draft-ietf-tls-esni §5
  renegotiation_info = 0xff01,  // RFC 5746
};

// IANA names, sorted by value: the one source for to_string and is_known.
inline constexpr auto extension_type_names = std::to_array<named<extension_type>>({
    {extension_type::server_name, "server_name"},
    {extension_type::max_fragment_length, "max_fragment_length"},
    {extension_type::client_certificate_url, "client_certificate_url"},
    {extension_type::trusted_ca_keys, "trusted_ca_keys"},
    {extension_type::truncated_hmac, "truncated_hmac"},
    {extension_type::status_request, "status_request"},
    {extension_type::user_mapping, "user_mapping"},
    {extension_type::client_authz, "client_authz"},
    {extension_type::server_authz, "server_authz"},
    {extension_type::cert_type, "cert_type"},
    {extension_type::supported_groups, "supported_groups"},
    {extension_type::ec_point_formats, "ec_point_formats"},
    {extension_type::srp, "srp"},
    {extension_type::signature_algorithms, "signature_algorithms"},
    {extension_type::use_srtp, "use_srtp"},
    {extension_type::heartbeat, "heartbeat"},
    {extension_type::application_layer_protocol_negotiation, "application_layer_protocol_negotiation"},
    {extension_type::status_request_v2, "status_request_v2"},
    {extension_type::signed_certificate_timestamp, "signed_certificate_timestamp"},
    {extension_type::client_certificate_type, "client_certificate_type"},
    {extension_type::server_certificate_type, "server_certificate_type"},
    {extension_type::padding, "padding"},
    {extension_type::encrypt_then_mac, "encrypt_then_mac"},
    {extension_type::extended_master_secret, "extended_master_secret"},
    {extension_type::token_binding, "token_binding"},
    {extension_type::cached_info, "cached_info"},
    {extension_type::tls_lts, "tls_lts"},
    {extension_type::compress_certificate, "compress_certificate"},
    {extension_type::record_size_limit, "record_size_limit"},
    {extension_type::pwd_protect, "pwd_protect"},
    {extension_type::pwd_clear, "pwd_clear"},
    {extension_type::password_salt, "password_salt"},
    {extension_type::ticket_pinning, "ticket_pinning"},
    {extension_type::tls_cert_with_extern_psk, "tls_cert_with_extern_psk"},
    {extension_type::delegated_credential, "delegated_credential"},
    {extension_type::session_ticket, "session_ticket"},
    {extension_type::tlmsp, "TLMSP"},
    {extension_type::tlmsp_proxying, "TLMSP_proxying"},
    {extension_type::tlmsp_delegate, "TLMSP_delegate"},
    {extension_type::supported_ekt_ciphers, "supported_ekt_ciphers"},
    {extension_type::pre_shared_key, "pre_shared_key"},
    {extension_type::early_data, "early_data"},
    {extension_type::supported_versions, "supported_versions"},
    {extension_type::cookie, "cookie"},
    {extension_type::psk_key_exchange_modes, "psk_key_exchange_modes"},
    {extension_type::certificate_authorities, "certificate_authorities"},
    {extension_type::oid_filters, "oid_filters"},
    {extension_type::post_handshake_auth, "post_handshake_auth"},
    {extension_type::signature_algorithms_cert, "signature_algorithms_cert"},
    {extension_type::key_share, "key_share"},
    {extension_type::transparency_info, "transparency_info"},
    {extension_type::connection_id_deprecated, "connection_id (deprecated)"},
    {extension_type::connection_id, "connection_id"},
    {extension_type::external_id_hash, "external_id_hash"},
    {extension_type::external_session_id, "external_session_id"},
    {extension_type::quic_transport_parameters, "quic_transport_parameters"},
    {extension_type::ticket_request, "ticket_request"},
    {extension_type::dnssec_chain, "dnssec_chain"},
    {extension_type::sequence_number_encryption_algorithms, "sequence_number_encryption_algorithms"},
    {extension_type::rrc, "rrc"},
    {extension_type::tls_flags, "tls_flags"},
    {extension_type::next_protocol_negotiation, "next_protocol_negotiation"},
    {extension_type::application_settings_old, "application_settings (old)"},
    {extension_type::application_settings, "application_settings"},
    {extension_type::channel_id, "channel_id"},
    {extension_type::ech_outer_extensions, "ech_outer_extensions"},
    {extension_type::encrypted_client_hello, "encrypted_client_hello"},
    {extension_type::renegotiation_info, "renegotiation_info"},
});
static_assert(is_valid_name_table(extension_type_names));

// The IANA name, or "" for a value the registry does not list.
constexpr std::string_view to_string(extension_type value) noexcept {
  return lookup_name(extension_type_names, value);
}
constexpr bool is_known(extension_type value) noexcept {
  return table_contains(extension_type_names, value);
}

// RFC 8446 §4.2 / IANA: 0xff00..0xffff is for private use, except
// renegotiation_info (0xff01) registered before that range was set aside.
constexpr bool is_private_use(extension_type type) noexcept {
  return to_underlying(type) >= 0xff00U && type != extension_type::renegotiation_info;
}

}  // namespace tlswire
