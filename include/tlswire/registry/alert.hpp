#pragma once
// RFC 8446 §6 / RFC 5246 §7.2 — Alert levels and descriptions, IANA "TLS Alerts".
#include <cstdint>

namespace tlswire {

enum class alert_level : std::uint8_t { warning = 1, fatal = 2 };

enum class alert_description : std::uint8_t {
  close_notify = 0,
  unexpected_message = 10,
  bad_record_mac = 20,
  decryption_failed = 21,  // reserved: TLS 1.0 only
  record_overflow = 22,
  decompression_failure = 30,  // reserved
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
  too_many_cids_requested = 52,
  export_restriction = 60,  // reserved
  protocol_version = 70,
  insufficient_security = 71,
  internal_error = 80,
  inappropriate_fallback = 86,
  user_canceled = 90,
  no_renegotiation = 100,  // reserved in 1.3
  missing_extension = 109,
  unsupported_extension = 110,
  certificate_unobtainable = 111,  // reserved
  unrecognized_name = 112,
  bad_certificate_status_response = 113,
  bad_certificate_hash_value = 114,  // reserved
  unknown_psk_identity = 115,
  certificate_required = 116,
  general_error = 117,
  no_application_protocol = 120,
  ech_required = 121,
};

}  // namespace tlswire
