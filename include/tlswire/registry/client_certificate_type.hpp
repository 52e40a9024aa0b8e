#pragma once
// RFC 5246 §7.4.4 ClientCertificateType, IANA "TLS ClientCertificateType
// Identifiers": the certificate_types list of a TLS 1.2 CertificateRequest.
#include <array>
#include <cstdint>
#include <string_view>

#include "tlswire/registry/name_table.hpp"

namespace tlswire {

enum class client_certificate_type : std::uint8_t {
  rsa_sign = 1,
  dss_sign = 2,
  rsa_fixed_dh = 3,
  dss_fixed_dh = 4,
  rsa_ephemeral_dh = 5,  // reserved (RFC 5246 §7.4.4)
  dss_ephemeral_dh = 6,  // reserved
  fortezza_dms = 20,  // reserved
  ecdsa_sign = 64,  // RFC 8422 §5.5
  rsa_fixed_ecdh = 65,  // RFC 8422 (deprecated)
  ecdsa_fixed_ecdh = 66,  // RFC 8422 (deprecated)
  gost_sign256 = 67,  // RFC 9189
  gost_sign512 = 68,  // RFC 9189
};

// IANA names, sorted by value: the one source for to_string and is_known.
inline constexpr auto client_certificate_type_names = std::to_array<named<client_certificate_type>>({
    {client_certificate_type::rsa_sign, "rsa_sign"},
    {client_certificate_type::dss_sign, "dss_sign"},
    {client_certificate_type::rsa_fixed_dh, "rsa_fixed_dh"},
    {client_certificate_type::dss_fixed_dh, "dss_fixed_dh"},
    {client_certificate_type::rsa_ephemeral_dh, "rsa_ephemeral_dh_RESERVED"},
    {client_certificate_type::dss_ephemeral_dh, "dss_ephemeral_dh_RESERVED"},
    {client_certificate_type::fortezza_dms, "fortezza_dms_RESERVED"},
    {client_certificate_type::ecdsa_sign, "ecdsa_sign"},
    {client_certificate_type::rsa_fixed_ecdh, "rsa_fixed_ecdh"},
    {client_certificate_type::ecdsa_fixed_ecdh, "ecdsa_fixed_ecdh"},
    {client_certificate_type::gost_sign256, "gost_sign256"},
    {client_certificate_type::gost_sign512, "gost_sign512"},
});
static_assert(is_valid_name_table(client_certificate_type_names));

// The IANA name, or "" for a value the registry does not list.
constexpr std::string_view to_string(client_certificate_type value) noexcept {
  return lookup_name(client_certificate_type_names, value);
}
constexpr bool is_known(client_certificate_type value) noexcept {
  return table_contains(client_certificate_type_names, value);
}

}  // namespace tlswire
