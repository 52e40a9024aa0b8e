#pragma once
// Helpers for the extensions/ tests: hex literals usable at compile time,
// generic round-trip and truncation checks over the codec vocabulary.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "tlswire/extensions/extension.hpp"
#include "tlswire/wire/codec.hpp"

namespace tlswire::ext_test {

// Not constexpr, so a bad digit in a compile-time literal fails the build.
inline std::uint8_t bad_hex_digit() { std::abort(); }

constexpr std::uint8_t hex_digit(char c) {
  if (c >= '0' && c <= '9') return static_cast<std::uint8_t>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<std::uint8_t>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<std::uint8_t>(c - 'A' + 10);
  return bad_hex_digit();
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

// Run-time hex (vector files).
inline std::vector<std::uint8_t> from_hex(const std::string& s) {
  std::vector<std::uint8_t> out;
  for (std::size_t i = 0; i + 1 < s.size(); i += 2)
    out.push_back(static_cast<std::uint8_t>(hex_digit(s[i]) << 4 | hex_digit(s[i + 1])));
  return out;
}

inline std::string to_hex(bytes_view b) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string s;
  for (std::uint8_t x : b) {
    s += digits[x >> 4];
    s += digits[x & 0xf];
  }
  return s;
}

// Decodes T from `body`, re-encodes it and compares bytes and value.
template <class T, std::size_t N = 1024>
constexpr bool round_trips(bytes_view body) {
  auto v = decode<T>(body);
  if (!v) return false;
  std::array<std::uint8_t, N> out{};
  auto n = encode(*v, mutable_bytes(out));
  if (!n || *n != body.size() || encoded_size(*v) != body.size()) return false;
  if (!equal_bytes(bytes_view(out.data(), *n), body)) return false;
  auto again = decode<T>(bytes_view(out.data(), *n));
  return again && *again == *v;
}

// `value` encodes to exactly `expected`.
template <class T, std::size_t N = 1024>
constexpr bool encodes_to(const T& value, bytes_view expected) {
  std::array<std::uint8_t, N> out{};
  auto n = encode(value, mutable_bytes(out));
  return n && equal_bytes(bytes_view(out.data(), *n), expected) && encoded_size(value) == expected.size();
}

// Every proper prefix of `body` is refused with decode_error. Only for
// bodies that frame themselves (a length or a fixed size): an opaque body
// that runs to the end of extension_data has valid prefixes.
template <class T>
constexpr bool refuses_every_truncation(bytes_view body) {
  for (std::size_t n = 0; n < body.size(); ++n) {
    auto v = decode<T>(body.first(n));
    if (v || v.error().alert != alert_description::decode_error) return false;
  }
  return true;
}

template <class T>
constexpr error decode_error_of(bytes_view body) {
  auto v = decode<T>(body);
  return v ? error{} : v.error();
}

}  // namespace tlswire::ext_test
