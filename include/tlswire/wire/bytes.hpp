#pragma once
// The byte vocabulary every layer shares: read-only views of the caller's
// bytes and writable spans the caller owns. Nothing here owns memory.
#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include <gsl/span>

namespace tlswire {

using bytes_view = gsl::span<const std::uint8_t>;
using mutable_bytes = gsl::span<std::uint8_t>;

// Element-wise equality, usable in constant expressions (std::equal on gsl
// spans works too, but this keeps the core free of <algorithm>).
constexpr bool equal_bytes(bytes_view a, bytes_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a.data()[i] != b.data()[i]) return false;
  return true;
}

// Constant-time equality for MACs and Finished values: the time taken
// depends only on the lengths, never on where the bytes first differ.
constexpr bool equal_bytes_constant_time(bytes_view a, bytes_view b) noexcept {
  if (a.size() != b.size()) return false;
  std::uint8_t diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    diff = static_cast<std::uint8_t>(diff | (a.data()[i] ^ b.data()[i]));
  return diff == 0;
}

// Overwrites secrets. The volatile write keeps the compiler from eliding it
// at run time; in constant evaluation a plain loop is all there is.
constexpr void secure_wipe(mutable_bytes secret) noexcept {
  if (std::is_constant_evaluated()) {
    for (auto& b : secret) b = 0;
    return;
  }
  volatile std::uint8_t* p = secret.data();
  for (std::size_t i = 0; i < secret.size(); ++i) p[i] = 0;
}

// The big-endian uint16 at `p` (network order, RFC 8446 §3.3), for walks
// over bytes whose bounds were already checked. g++ and clang make one
// 16-bit load and a byte swap of it.
constexpr std::uint16_t load_u16_be(const std::uint8_t* p) noexcept {
  return static_cast<std::uint16_t>(p[0] << 8 | p[1]);
}

// The big-endian unsigned integer of `width` bytes (1..8) at `p`: a length
// prefix or a code point, over bytes whose bounds were already checked.
constexpr std::uint64_t load_uint_be(const std::uint8_t* p, std::size_t width) noexcept {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < width; ++i) v = (v << 8) | p[i];
  return v;
}

// A view of a compile-time byte array, e.g. `as_view(kClientHello)`.
template <std::size_t N>
constexpr bytes_view as_view(const std::array<std::uint8_t, N>& a) noexcept {
  return bytes_view(a.data(), N);
}

}  // namespace tlswire
