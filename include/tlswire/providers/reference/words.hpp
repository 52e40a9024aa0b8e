#pragma once
// Word helpers shared by the reference hashes (sha2_engine.hpp, md5.hpp):
// loads and stores in either byte order, rotations, and wiping an array of
// words. Written with shifts so they work in constant evaluation; compilers
// turn the loads and stores into a single load or store (and a byte swap
// where the order differs from the machine's) at run time.
#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace tlswire::reference::detail {

// Big-endian, as SHA-2 reads and writes its words (FIPS 180-4 §3.1).
template <class Word>
constexpr Word load_be(const std::uint8_t* p) noexcept {
  Word w = 0;
  for (std::size_t i = 0; i < sizeof(Word); ++i) w = static_cast<Word>((w << 8) | p[i]);
  return w;
}

template <class Word>
constexpr void store_be(std::uint8_t* p, Word w) noexcept {
  for (std::size_t i = 0; i < sizeof(Word); ++i)
    p[i] = static_cast<std::uint8_t>(w >> (8 * (sizeof(Word) - 1 - i)));
}

// Little-endian, as MD5 reads and writes its words (RFC 1321 §2: "low-order
// byte first").
template <class Word>
constexpr Word load_le(const std::uint8_t* p) noexcept {
  Word w = 0;
  for (std::size_t i = 0; i < sizeof(Word); ++i) w = static_cast<Word>(w | Word{p[i]} << (8 * i));
  return w;
}

template <class Word>
constexpr void store_le(std::uint8_t* p, Word w) noexcept {
  for (std::size_t i = 0; i < sizeof(Word); ++i) p[i] = static_cast<std::uint8_t>(w >> (8 * i));
}

// ROTR^n (FIPS 180-4 §3.2) and ROTL^n (its §3.2 and RFC 1321 §2's "<<<"),
// for 0 < n < bits of Word.
template <class Word>
constexpr Word rotr(Word x, unsigned n) noexcept {
  return static_cast<Word>((x >> n) | (x << (8 * sizeof(Word) - n)));
}

template <class Word>
constexpr Word rotl(Word x, unsigned n) noexcept {
  return static_cast<Word>((x << n) | (x >> (8 * sizeof(Word) - n)));
}

// Like secure_wipe (wire/bytes.hpp), for arrays of words: a volatile store
// the optimiser may not drop, or a plain loop in constant evaluation.
template <class Word, std::size_t N>
constexpr void wipe_words(std::array<Word, N>& words) noexcept {
  if (std::is_constant_evaluated()) {
    for (auto& w : words) w = 0;
    return;
  }
  volatile Word* p = words.data();
  for (std::size_t i = 0; i < N; ++i) p[i] = 0;
}

}  // namespace tlswire::reference::detail
