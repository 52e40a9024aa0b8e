#pragma once
// Test helpers for every test program: byte arrays from hex and ASCII
// literals (usable in constant expressions), bytes from run-time hex, and
// hex strings for readable failure messages.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "tlswire/wire/bytes.hpp"

namespace tlswire::test {

// Not constexpr, so a bad digit in a compile-time literal fails the build.
inline std::uint8_t not_a_hex_digit() { std::abort(); }

constexpr std::uint8_t hex_digit(char c) {
  if (c >= '0' && c <= '9') return static_cast<std::uint8_t>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<std::uint8_t>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<std::uint8_t>(c - 'A' + 10);
  return not_a_hex_digit();
}

// hex("00ff") -> std::array<std::uint8_t, 2>{0x00, 0xff}
template <std::size_t N>
constexpr std::array<std::uint8_t, (N - 1) / 2> hex(const char (&s)[N]) {
  static_assert((N - 1) % 2 == 0, "hex literal needs an even number of digits");
  std::array<std::uint8_t, (N - 1) / 2> out{};
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = static_cast<std::uint8_t>(hex_digit(s[2 * i]) << 4 | hex_digit(s[2 * i + 1]));
  return out;
}

// ascii("abc") -> the three bytes, without the terminating NUL.
template <std::size_t N>
constexpr std::array<std::uint8_t, N - 1> ascii(const char (&s)[N]) {
  std::array<std::uint8_t, N - 1> out{};
  for (std::size_t i = 0; i < N - 1; ++i) out[i] = static_cast<std::uint8_t>(s[i]);
  return out;
}

// N copies of one byte, e.g. RFC 4231's 0x0b * 20 key.
template <std::size_t N>
constexpr std::array<std::uint8_t, N> repeated(std::uint8_t b) {
  std::array<std::uint8_t, N> out{};
  for (auto& x : out) x = b;
  return out;
}

// first, first+1, ... (RFC 5869 test case 2's inputs).
template <std::size_t N>
constexpr std::array<std::uint8_t, N> counting_from(std::uint8_t first) {
  std::array<std::uint8_t, N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = static_cast<std::uint8_t>(first + i);
  return out;
}

// Run-time hex (vector files, hex pieces of hostile cases); a bad digit aborts.
inline std::vector<std::uint8_t> from_hex(const std::string& s) {
  std::vector<std::uint8_t> out;
  for (std::size_t i = 0; i + 1 < s.size(); i += 2)
    out.push_back(static_cast<std::uint8_t>(hex_digit(s[i]) << 4 | hex_digit(s[i + 1])));
  return out;
}

inline std::string to_hex(bytes_view b) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string s;
  for (auto x : b) {
    s += digits[x >> 4];
    s += digits[x & 15];
  }
  return s;
}

}  // namespace tlswire::test
