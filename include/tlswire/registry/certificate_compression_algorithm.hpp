#pragma once
// RFC 8879 §3 CertificateCompressionAlgorithm, IANA "TLS Certificate Compression
// Algorithm IDs": the compress_certificate extension and CompressedCertificate.
#include <array>
#include <cstdint>
#include <string_view>

#include "tlswire/registry/name_table.hpp"

namespace tlswire {

enum class certificate_compression_algorithm : std::uint16_t {
  zlib = 1,
  brotli = 2,
  zstd = 3,
};

// IANA names, sorted by value: the one source for to_string and is_known.
inline constexpr auto certificate_compression_algorithm_names = std::to_array<named<certificate_compression_algorithm>>({
    {certificate_compression_algorithm::zlib, "zlib"},
    {certificate_compression_algorithm::brotli, "brotli"},
    {certificate_compression_algorithm::zstd, "zstd"},
});
static_assert(is_valid_name_table(certificate_compression_algorithm_names));

// The IANA name, or "" for a value the registry does not list.
constexpr std::string_view to_string(certificate_compression_algorithm value) noexcept {
  return lookup_name(certificate_compression_algorithm_names, value);
}
constexpr bool is_known(certificate_compression_algorithm value) noexcept {
  return table_contains(certificate_compression_algorithm_names, value);
}

}  // namespace tlswire
