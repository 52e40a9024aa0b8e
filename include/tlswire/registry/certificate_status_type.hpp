#pragma once
// CertificateStatusType, IANA "TLS Certificate Status Types": the status_request
// (RFC 6066 §8) and status_request_v2 (RFC 6961) extensions, and CertificateStatus.
#include <array>
#include <cstdint>
#include <string_view>

#include "tlswire/registry/name_table.hpp"

namespace tlswire {

enum class certificate_status_type : std::uint8_t {
  ocsp = 1,  // RFC 6066 §8
  ocsp_multi = 2,  // RFC 6961 (status_request_v2 only)
};

// IANA names, sorted by value: the one source for to_string and is_known.
inline constexpr auto certificate_status_type_names = std::to_array<named<certificate_status_type>>({
    {certificate_status_type::ocsp, "ocsp"},
    {certificate_status_type::ocsp_multi, "ocsp_multi"},
});
static_assert(is_valid_name_table(certificate_status_type_names));

// The IANA name, or "" for a value the registry does not list.
constexpr std::string_view to_string(certificate_status_type value) noexcept {
  return lookup_name(certificate_status_type_names, value);
}
constexpr bool is_known(certificate_status_type value) noexcept {
  return table_contains(certificate_status_type_names, value);
}

}  // namespace tlswire
