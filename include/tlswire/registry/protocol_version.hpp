#pragma once
// ProtocolVersion (RFC 8446 §4.1.2 legacy_version, §4.2.1 supported_versions;
// RFC 6347 §4.1 and RFC 9147 §5.3 for DTLS, which counts downwards).
#include <array>
#include <cstdint>
#include <string_view>

#include "tlswire/registry/name_table.hpp"

namespace tlswire {

enum class protocol_version : std::uint16_t {
  ssl2 = 0x0002,  // only as the version of an SSLv2-compatible ClientHello
  ssl3 = 0x0300,  // RFC 6101
  tls10 = 0x0301,  // RFC 2246
  tls11 = 0x0302,  // RFC 4346
  tls12 = 0x0303,  // RFC 5246; also 1.3's legacy_version
  tls13 = 0x0304,  // RFC 8446; only inside supported_versions
  dtls13 = 0xfefc,  // RFC 9147
  dtls12 = 0xfefd,  // RFC 6347
  dtls10 = 0xfeff,  // RFC 4347
};

// IANA names, sorted by value: the one source for to_string and is_known.
inline constexpr auto protocol_version_names = std::to_array<named<protocol_version>>({
    {protocol_version::ssl2, "SSL 2.0"},
    {protocol_version::ssl3, "SSL 3.0"},
    {protocol_version::tls10, "TLS 1.0"},
    {protocol_version::tls11, "TLS 1.1"},
    {protocol_version::tls12, "TLS 1.2"},
    {protocol_version::tls13, "TLS 1.3"},
    {protocol_version::dtls13, "DTLS 1.3"},
    {protocol_version::dtls12, "DTLS 1.2"},
    {protocol_version::dtls10, "DTLS 1.0"},
});
static_assert(is_valid_name_table(protocol_version_names));

// The IANA name, or "" for a value the registry does not list.
constexpr std::string_view to_string(protocol_version value) noexcept {
  return lookup_name(protocol_version_names, value);
}
constexpr bool is_known(protocol_version value) noexcept {
  return table_contains(protocol_version_names, value);
}

// RFC 8446 pre-publication drafts announced 0x7f00 | draft-number in
// supported_versions; old captures still show them (0x7f17 = draft 23).
constexpr bool is_tls13_draft(protocol_version value) noexcept {
  return (to_underlying(value) & 0xff00U) == 0x7f00U;
}

constexpr bool is_dtls(protocol_version value) noexcept {
  return (to_underlying(value) & 0xff00U) == 0xfe00U;
}

}  // namespace tlswire
