#pragma once
// RFC 1321 MD5, constexpr. Broken as a cryptographic hash: tlswire uses it
// only where a published format demands it (the JA3 fingerprint), never
// for security. Streaming: `md5 h; h.update(a); h.update(b); auto d = h.finish();`
#include <array>
#include <cstddef>
#include <cstdint>

#include "tlswire/providers/reference/words.hpp"
#include "tlswire/wire/bytes.hpp"

namespace tlswire::reference {

class md5 {
 public:
  static constexpr std::size_t digest_size = 16;
  static constexpr std::size_t block_size = 64;
  using digest_type = std::array<std::uint8_t, digest_size>;

  [[nodiscard]] static constexpr digest_type hash(bytes_view data) noexcept {
    md5 h;
    h.update(data);
    return h.finish();
  }

  constexpr void update(bytes_view data) noexcept {
    for (std::uint8_t byte : data) {
      buffer_[buffered_++] = byte;
      if (buffered_ == block_size) {
        compress(buffer_.data());
        buffered_ = 0;
      }
    }
    length_ += data.size();
  }

  // RFC 1321 §3.1–3.2: pad with 0x80, zeros to 56 mod 64, then the bit
  // length as 64-bit little-endian. §3.5: the digest is A, B, C, D low byte first.
  [[nodiscard]] constexpr digest_type finish() noexcept {
    const std::uint64_t bits = length_ * 8;
    buffer_[buffered_++] = 0x80;
    if (buffered_ > 56) {
      while (buffered_ < block_size) buffer_[buffered_++] = 0;
      compress(buffer_.data());
      buffered_ = 0;
    }
    while (buffered_ < 56) buffer_[buffered_++] = 0;
    detail::store_le(&buffer_[56], bits);
    compress(buffer_.data());
    digest_type out{};
    for (std::size_t i = 0; i < 4; ++i) detail::store_le(&out[4 * i], state_[i]);
    *this = md5{};
    return out;
  }

 private:
  // RFC 1321 §3.4: T[i] = floor(2^32 * |sin(i)|), i = 1..64.
  static constexpr std::array<std::uint32_t, 64> t_table{
      0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
      0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
      0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
      0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
      0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
      0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
      0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
      0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
  };
  // Per-round rotation amounts, four per round (RFC 1321 §3.4).
  static constexpr std::array<unsigned, 16> shifts{7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21};

  constexpr void compress(const std::uint8_t* block) noexcept {
    std::array<std::uint32_t, 16> x{};
    for (std::size_t i = 0; i < 16; ++i) x[i] = detail::load_le<std::uint32_t>(block + 4 * i);
    std::uint32_t a = state_[0], b = state_[1], c = state_[2], d = state_[3];
    for (unsigned i = 0; i < 64; ++i) {
      const unsigned round = i / 16;
      std::uint32_t f = 0;
      std::size_t k = 0;
      switch (round) {
        case 0:  // F(X,Y,Z) = XY v not(X) Z
          f = (b & c) | (~b & d);
          k = i;
          break;
        case 1:  // G(X,Y,Z) = XZ v Y not(Z)
          f = (b & d) | (c & ~d);
          k = (5 * i + 1) % 16;
          break;
        case 2:  // H(X,Y,Z) = X xor Y xor Z
          f = b ^ c ^ d;
          k = (3 * i + 5) % 16;
          break;
        default:  // I(X,Y,Z) = Y xor (X v not(Z))
          f = c ^ (b | ~d);
          k = (7 * i) % 16;
          break;
      }
      const std::uint32_t rotated = detail::rotl(a + f + x[k] + t_table[i], shifts[round * 4 + i % 4]);
      a = d;
      d = c;
      c = b;
      b = b + rotated;
    }
    state_[0] += a;
    state_[1] += b;
    state_[2] += c;
    state_[3] += d;
  }

  // RFC 1321 §3.3: the initial words A, B, C, D.
  std::array<std::uint32_t, 4> state_{0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
  std::array<std::uint8_t, block_size> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0;
};

}  // namespace tlswire::reference
