#pragma once
// IANA "TLS Certificate Types": the values of the client_certificate_type and
// server_certificate_type extensions (RFC 7250 §3) and of 1.3's CertificateEntry
// format (RFC 8446 §4.4.2). Not the TLS 1.2 CertificateRequest ClientCertificateType,
// which is client_certificate_type.hpp.
#include <array>
#include <cstdint>
#include <string_view>

#include "tlswire/registry/name_table.hpp"

namespace tlswire {

enum class certificate_type : std::uint8_t {
  x509 = 0,  // RFC 6091
  openpgp = 1,  // RFC 6091 (deprecated by RFC 8446)
  raw_public_key = 2,  // RFC 7250
  ieee1609dot2 = 3,  // IEEE 1609.2 certificates
};

// IANA names, sorted by value: the one source for to_string and is_known.
inline constexpr auto certificate_type_names = std::to_array<named<certificate_type>>({
    {certificate_type::x509, "X.509"},
    {certificate_type::openpgp, "OpenPGP"},
    {certificate_type::raw_public_key, "Raw Public Key"},
    {certificate_type::ieee1609dot2, "1609Dot2"},
});
static_assert(is_valid_name_table(certificate_type_names));

// The IANA name, or "" for a value the registry does not list.
constexpr std::string_view to_string(certificate_type value) noexcept {
  return lookup_name(certificate_type_names, value);
}
constexpr bool is_known(certificate_type value) noexcept {
  return table_contains(certificate_type_names, value);
}

}  // namespace tlswire
