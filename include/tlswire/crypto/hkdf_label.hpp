#pragma once
// TLS 1.3's HKDF-Expand-Label and Derive-Secret (RFC 8446 §7.1): the two
// building blocks every secret, key and IV of the TLS 1.3 key schedule is
// made of. Generic over a provider P and its hash H (P::sha256, P::sha384);
// with reference_provider they run in constant evaluation.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <gsl/assert>

#include "tlswire/crypto/concepts.hpp"
#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/writer.hpp"

namespace tlswire {

// RFC 8446 §7.1: every label is prefixed with "tls13 " on the wire.
inline constexpr std::string_view tls13_label_prefix = "tls13 ";

// RFC 8446 §7.1: the largest HkdfLabel (2-byte length, label<7..255>,
// context<0..255>).
inline constexpr std::size_t max_hkdf_label_size = 2 + (1 + 255) + (1 + 255);

// RFC 8446 §7.1
//   struct {
//       uint16 length = Length;
//       opaque label<7..255> = "tls13 " + Label;
//       opaque context<0..255> = Context;
//   } HkdfLabel;
// Writes the HkdfLabel for `length` output bytes into `w`; a label or context
// outside its bounds, or a length over 2^16-1, leaves `w` failed.
constexpr void write_hkdf_label(writer& w, std::size_t length, std::string_view label,
                                bytes_view context) noexcept {
  if (length > 0xffff) return w.fail(errc::length_out_of_range);
  w.u16(static_cast<std::uint16_t>(length));
  w.block(7, 255, [&](writer& b) {
    for (char c : tls13_label_prefix) b.u8(static_cast<std::uint8_t>(c));
    for (char c : label) b.u8(static_cast<std::uint8_t>(c));
  });
  w.vector_bytes(0, 255, context);
}

// RFC 8446 §7.1
//   HKDF-Expand-Label(Secret, Label, Context, Length) =
//        HKDF-Expand(Secret, HkdfLabel, Length)
// Length is out.size(). `label` is without the "tls13 " prefix (e.g. "key").
// Returns false, and the provider writes nothing, when the HkdfLabel cannot
// be formed (label longer than 249 bytes or empty, context over 255 bytes,
// Length over 2^16-1) or Length exceeds 255 * HashLen (RFC 5869 §2.3).
template <class P, class H>
  requires provides_hkdf<P, H>
[[nodiscard]] constexpr bool hkdf_expand_label(bytes_view secret, std::string_view label,
                                               bytes_view context, mutable_bytes out) noexcept {
  std::array<std::uint8_t, max_hkdf_label_size> info{};
  writer w(info);
  write_hkdf_label(w, out.size(), label, context);
  if (!w.ok()) return false;
  return P::template hkdf_expand<H>(secret, w.written(), out);
}

// RFC 8446 §7.1
//   Derive-Secret(Secret, Label, Messages) =
//        HKDF-Expand-Label(Secret, Label, Transcript-Hash(Messages), Hash.length)
// Takes Transcript-Hash(Messages) already computed (the running transcript
// hash of crypto/, or hash_of_empty<H>() for the "derived" steps); `out` is
// Hash.length bytes. Every label RFC 8446 defines fits, so unlike
// hkdf_expand_label this cannot fail on valid arguments.
template <class P, class H>
  requires provides_hkdf<P, H>
constexpr void derive_secret(bytes_view secret, std::string_view label,
                             bytes_view transcript_hash, mutable_bytes out) noexcept {
  Expects(transcript_hash.size() == H::digest_size);
  Expects(out.size() == H::digest_size);
  Expects(!label.empty() && label.size() <= 255 - tls13_label_prefix.size());
  const bool expanded = hkdf_expand_label<P, H>(secret, label, transcript_hash, out);
  Ensures(expanded);
}

// Transcript-Hash of no messages, i.e. Hash("") (RFC 8446 §7.1, the
// Derive-Secret(., "derived", "") steps).
template <class H>
  requires hash_function<H>
constexpr std::array<std::uint8_t, H::digest_size> hash_of_empty() noexcept {
  std::array<std::uint8_t, H::digest_size> digest{};
  H h;
  h.finish(digest);
  return digest;
}

}  // namespace tlswire
