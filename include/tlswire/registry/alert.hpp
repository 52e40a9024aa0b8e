#pragma once
// RFC 8446 §6 / RFC 5246 §7.2 — Alert levels and descriptions, IANA "TLS Alerts".
// Included by wire/error.hpp: every error names the alert a peer should be sent.
#include <array>
#include <cstdint>
#include <string_view>

#include "tlswire/registry/name_table.hpp"

namespace tlswire {

// RFC 8446 §6 AlertLevel (1.3 ignores it: every alert but close_notify and
// user_canceled is fatal).
enum class alert_level : std::uint8_t {
  warning = 1,
  fatal = 2,
};

// IANA names, sorted by value: the one source for to_string and is_known.
inline constexpr auto alert_level_names = std::to_array<named<alert_level>>({
    {alert_level::warning, "warning"},
    {alert_level::fatal, "fatal"},
});
static_assert(is_valid_name_table(alert_level_names));

// The IANA name, or "" for a value the registry does not list.
constexpr std::string_view to_string(alert_level value) noexcept {
  return lookup_name(alert_level_names, value);
}
constexpr bool is_known(alert_level value) noexcept {
  return table_contains(alert_level_names, value);
}

// RFC 8446 §6 AlertDescription, with the values older versions and later RFCs add.
enum class alert_description : std::uint8_t {
  close_notify = 0,
  unexpected_message = 10,
  bad_record_mac = 20,
  decryption_failed = 21,  // reserved: TLS 1.0 only (RFC 2246)
  record_overflow = 22,
  decompression_failure = 30,  // reserved (RFC 5246)
  handshake_failure = 40,
  no_certificate = 41,  // reserved: SSL 3.0 only
  bad_certificate = 42,
  unsupported_certificate = 43,
  certificate_revoked = 44,
  certificate_expired = 45,
  certificate_unknown = 46,
  illegal_parameter = 47,
  unknown_ca = 48,
  access_denied = 49,
  decode_error = 50,
  decrypt_error = 51,
  too_many_cids_requested = 52,  // RFC 9147 §9
  export_restriction = 60,  // reserved (RFC 4346)
  protocol_version = 70,
  insufficient_security = 71,
  internal_error = 80,
  inappropriate_fallback = 86,  // RFC 7507
  user_canceled = 90,
  no_renegotiation = 100,  // reserved in 1.3 (RFC 8446 §6)
  missing_extension = 109,
  unsupported_extension = 110,
  certificate_unobtainable = 111,  // reserved (RFC 6066)
  unrecognized_name = 112,  // RFC 6066 §3
  bad_certificate_status_response = 113,  // RFC 6066 §8
  bad_certificate_hash_value = 114,  // reserved (RFC 6066)
  unknown_psk_identity = 115,  // RFC 4279 §2
  certificate_required = 116,
  general_error = 117,  // RFC 9846 (TLS 1.3 revised) §6
  no_application_protocol = 120,  // RFC 7301 §3.2
  ech_required = 121,  // draft-ietf-tls-esni (ECH)
};

// IANA names, sorted by value: the one source for to_string and is_known.
inline constexpr auto alert_description_names = std::to_array<named<alert_description>>({
    {alert_description::close_notify, "close_notify"},
    {alert_description::unexpected_message, "unexpected_message"},
    {alert_description::bad_record_mac, "bad_record_mac"},
    {alert_description::decryption_failed, "decryption_failed_RESERVED"},
    {alert_description::record_overflow, "record_overflow"},
    {alert_description::decompression_failure, "decompression_failure_RESERVED"},
    {alert_description::handshake_failure, "handshake_failure"},
    {alert_description::no_certificate, "no_certificate_RESERVED"},
    {alert_description::bad_certificate, "bad_certificate"},
    {alert_description::unsupported_certificate, "unsupported_certificate"},
    {alert_description::certificate_revoked, "certificate_revoked"},
    {alert_description::certificate_expired, "certificate_expired"},
    {alert_description::certificate_unknown, "certificate_unknown"},
    {alert_description::illegal_parameter, "illegal_parameter"},
    {alert_description::unknown_ca, "unknown_ca"},
    {alert_description::access_denied, "access_denied"},
    {alert_description::decode_error, "decode_error"},
    {alert_description::decrypt_error, "decrypt_error"},
    {alert_description::too_many_cids_requested, "too_many_cids_requested"},
    {alert_description::export_restriction, "export_restriction_RESERVED"},
    {alert_description::protocol_version, "protocol_version"},
    {alert_description::insufficient_security, "insufficient_security"},
    {alert_description::internal_error, "internal_error"},
    {alert_description::inappropriate_fallback, "inappropriate_fallback"},
    {alert_description::user_canceled, "user_canceled"},
    {alert_description::no_renegotiation, "no_renegotiation_RESERVED"},
    {alert_description::missing_extension, "missing_extension"},
    {alert_description::unsupported_extension, "unsupported_extension"},
    {alert_description::certificate_unobtainable, "certificate_unobtainable_RESERVED"},
    {alert_description::unrecognized_name, "unrecognized_name"},
    {alert_description::bad_certificate_status_response, "bad_certificate_status_response"},
    {alert_description::bad_certificate_hash_value, "bad_certificate_hash_value_RESERVED"},
    {alert_description::unknown_psk_identity, "unknown_psk_identity"},
    {alert_description::certificate_required, "certificate_required"},
    {alert_description::general_error, "general_error"},
    {alert_description::no_application_protocol, "no_application_protocol"},
    {alert_description::ech_required, "ech_required"},
});
static_assert(is_valid_name_table(alert_description_names));

// The IANA name, or "" for a value the registry does not list.
constexpr std::string_view to_string(alert_description value) noexcept {
  return lookup_name(alert_description_names, value);
}
constexpr bool is_known(alert_description value) noexcept {
  return table_contains(alert_description_names, value);
}

}  // namespace tlswire
