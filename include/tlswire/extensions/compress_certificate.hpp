#pragma once
// compress_certificate: RFC 8879 §3.
#include "tlswire/extensions/extension.hpp"
#include "tlswire/registry/certificate_compression_algorithm.hpp"
#include "tlswire/wire/vector.hpp"

namespace tlswire {

// RFC 8879 §3 — ClientHello and CertificateRequest
//   struct {
//       CertificateCompressionAlgorithm algorithms<2..2^8-2>;
//   } CertificateCompressionAlgorithms;
struct compress_certificate {
  static constexpr extension_type type = extension_type::compress_certificate;
  code_vector<certificate_compression_algorithm, 2, 254> algorithms;

  static constexpr compress_certificate parse(reader& r) noexcept { return {decltype(algorithms)::parse(r)}; }
  constexpr void encode(writer& w) const noexcept { algorithms.encode(w); }
  friend constexpr bool operator==(const compress_certificate&, const compress_certificate&) = default;
};

}  // namespace tlswire
