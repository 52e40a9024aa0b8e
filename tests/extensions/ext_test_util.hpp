#pragma once
// Helpers for the extensions/ tests: generic round-trip and truncation
// checks over the codec vocabulary (hex literals from support/hex.hpp).
#include <array>
#include <cstddef>
#include <cstdint>

#include "support/hex.hpp"
#include "tlswire/extensions/extension.hpp"
#include "tlswire/wire/codec.hpp"

namespace tlswire::ext_test {

using test::from_hex;
using test::hex;
using test::to_hex;

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
