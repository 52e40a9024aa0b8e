#pragma once
// SHA-256 (FIPS 180-4 §6.2), constexpr, written from the standard.
#include <array>
#include <cstddef>
#include <cstdint>

#include "tlswire/providers/reference/sha2_engine.hpp"

namespace tlswire::reference {

namespace detail {

struct sha256_core {
  using word = std::uint32_t;
  static constexpr std::size_t block_size = 64;
  static constexpr std::size_t digest_size = 32;
  static constexpr std::size_t length_size = 8;

  // FIPS 180-4 §5.3.3: first 32 bits of the fractional parts of the square
  // roots of the first eight primes.
  static constexpr std::array<word, 8> initial_hash = {
      0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  };

  // FIPS 180-4 §4.2.2: first 32 bits of the fractional parts of the cube
  // roots of the first 64 primes.
  static constexpr std::array<word, 64> k = {
      0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
      0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
      0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
      0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
      0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
      0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
      0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
      0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
  };

  // FIPS 180-4 §4.1.2
  static constexpr word ch(word x, word y, word z) noexcept { return (x & y) ^ (~x & z); }
  static constexpr word maj(word x, word y, word z) noexcept { return (x & y) ^ (x & z) ^ (y & z); }
  static constexpr word big_sigma0(word x) noexcept { return rotr(x, 2) ^ rotr(x, 13) ^ rotr(x, 22); }
  static constexpr word big_sigma1(word x) noexcept { return rotr(x, 6) ^ rotr(x, 11) ^ rotr(x, 25); }
  static constexpr word small_sigma0(word x) noexcept { return rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3); }
  static constexpr word small_sigma1(word x) noexcept { return rotr(x, 17) ^ rotr(x, 19) ^ (x >> 10); }

  // FIPS 180-4 §6.2.2: one block of 64 bytes into the hash value. `w` is the
  // caller's scratch for the message schedule, W[t] kept at w[t % 16]; the
  // caller wipes it once it has compressed all it had, rather than per block.
  static constexpr void compress(std::array<word, 8>& hash, const std::uint8_t* block,
                                 std::array<word, 16>& w) noexcept {
    for (std::size_t t = 0; t < 16; ++t) w[t] = load_be<word>(block + 4 * t);

    word a = hash[0], b = hash[1], c = hash[2], d = hash[3];
    word e = hash[4], f = hash[5], g = hash[6], h = hash[7];
    // One round of §6.2.2 step 3 (step 1 folded in for t >= 16). FIPS 180-4
    // shifts h=g, g=f, ..., a=T1+T2; here the caller rotates the names of
    // the variables instead, eight rounds at a time, so nothing is moved.
    auto round = [&w](std::size_t t, word a_, word b_, word c_, word& d_, word e_, word f_,
                      word g_, word& h_) constexpr {
      if (t >= 16)
        w[t % 16] += small_sigma1(w[(t - 2) % 16]) + w[(t - 7) % 16] +
                     small_sigma0(w[(t - 15) % 16]);
      const word t1 = h_ + big_sigma1(e_) + ch(e_, f_, g_) + k[t] + w[t % 16];
      d_ += t1;                                    // e of the next round
      h_ = t1 + big_sigma0(a_) + maj(a_, b_, c_);  // a of the next round
    };
    for (std::size_t t = 0; t < 64; t += 8) {
      round(t + 0, a, b, c, d, e, f, g, h);
      round(t + 1, h, a, b, c, d, e, f, g);
      round(t + 2, g, h, a, b, c, d, e, f);
      round(t + 3, f, g, h, a, b, c, d, e);
      round(t + 4, e, f, g, h, a, b, c, d);
      round(t + 5, d, e, f, g, h, a, b, c);
      round(t + 6, c, d, e, f, g, h, a, b);
      round(t + 7, b, c, d, e, f, g, h, a);
    }
    hash[0] += a;
    hash[1] += b;
    hash[2] += c;
    hash[3] += d;
    hash[4] += e;
    hash[5] += f;
    hash[6] += g;
    hash[7] += h;
  }
};

}  // namespace detail

// SHA-256: digest_size 32, block_size 64. See sha2_hash for the interface.
using sha256 = sha2_hash<detail::sha256_core>;

}  // namespace tlswire::reference
