#pragma once
// RFC 8879 §4: CompressedCertificate (TLS 1.3), sent in place of a
// Certificate when the peer offered compress_certificate.
//
//   struct {
//       CertificateCompressionAlgorithm algorithm;
//       uint24 uncompressed_length;
//       opaque compressed_certificate_message<1..2^24-1>;
//   } CompressedCertificate;
//
// Decompression (zlib, brotli, zstd) is not this layer's: the engine hands
// the bytes to a decompressor with uncompressed_length as the output size
// and parses the result as a tls13_certificate.
#include <cstdint>

#include "tlswire/messages/message_common.hpp"
#include "tlswire/registry/certificate_compression_algorithm.hpp"
#include "tlswire/registry/handshake_type.hpp"

namespace tlswire {

// RFC 8879 §4 CompressedCertificate.
struct compressed_certificate {
  static constexpr handshake_type type = handshake_type::compressed_certificate;
  certificate_compression_algorithm algorithm{};
  std::uint32_t uncompressed_length = 0;  // uint24
  opaque_vector<1, 16777215> compressed_certificate_message{};

  static constexpr compressed_certificate parse(reader& r) noexcept {
    compressed_certificate c;
    c.algorithm = r.code<certificate_compression_algorithm>();
    c.uncompressed_length = r.u24();
    c.compressed_certificate_message = decltype(compressed_certificate_message)::parse(r);
    return c;
  }
  constexpr void encode(writer& w) const noexcept {
    w.code(algorithm);
    w.u24(uncompressed_length);
    compressed_certificate_message.encode(w);
  }
  constexpr void encode_message(writer& w) const { encode_handshake(w, *this); }
  friend constexpr bool operator==(const compressed_certificate&, const compressed_certificate&) = default;
};

// RFC 8879 §4: "The algorithm MUST be one of the algorithms listed in the
// peer's compress_certificate extension" (illegal_parameter: the RFC names
// no alert; this is the one for a value the peer may not send). A
// Certificate is at least 4 bytes (empty context + empty list), so a
// smaller uncompressed_length can never match (bad_certificate, as §4 says
// for a length mismatch). `max_uncompressed` caps the buffer the receiver
// will give the decompressor (bad_certificate too).
constexpr status validate(const compressed_certificate& c,
                          const code_vector<certificate_compression_algorithm, 2, 254>& offered,
                          std::uint32_t max_uncompressed = 0xffffff) noexcept {
  if (!offered.contains(c.algorithm)) return make_error(errc::bad_value, alert_description::illegal_parameter, no_offset);
  if (c.uncompressed_length < 4 || c.uncompressed_length > max_uncompressed)
    return make_error(errc::bad_value, alert_description::bad_certificate, no_offset);
  return {};
}

}  // namespace tlswire
