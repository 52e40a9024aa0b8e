#pragma once
// One name table per IANA registry, and the few lookups every registry shares.
//
// Each registry header declares an open `enum class` (unknown values are kept:
// static_cast<E>(0x1234) is a valid value, never rejected) and one
// `inline constexpr std::array<named<E>, N>` sorted by value. to_string,
// is_known, the dissector and the tests all read that one table, so a name is
// written exactly once. Tables are sorted and duplicate-free, checked by a
// static_assert beside each table, which lets lookups use binary search.
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>

namespace tlswire {

// One row of a registry: the code point and its IANA name.
template <class E>
struct named {
  E value;
  std::string_view name;
};

// The number on the wire behind an enumerator.
template <class E>
constexpr std::underlying_type_t<E> to_underlying(E value) noexcept {
  return static_cast<std::underlying_type_t<E>>(value);
}

// True when the keys of the rows (`key_of(row)`, an enum) strictly increase:
// sorted with no duplicate, which binary search below relies on.
template <class Row, std::size_t N, class KeyOf>
constexpr bool is_strictly_increasing(const std::array<Row, N>& table, KeyOf key_of) noexcept {
  for (std::size_t i = 1; i < N; ++i) {
    if (!(to_underlying(key_of(table[i - 1])) < to_underlying(key_of(table[i])))) return false;
  }
  return true;
}

// The row whose key is `key`, or nullptr. Binary search over a table that
// is_strictly_increasing accepts.
template <class Row, std::size_t N, class Key, class KeyOf>
constexpr const Row* find_sorted(const std::array<Row, N>& table, Key key, KeyOf key_of) noexcept {
  std::size_t lo = 0;
  std::size_t hi = N;
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    const auto here = to_underlying(key_of(table[mid]));
    if (here == to_underlying(key)) return &table[mid];
    if (here < to_underlying(key)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return nullptr;
}

template <class E>
constexpr E value_of(const named<E>& row) noexcept {
  return row.value;
}

// A name table is valid when sorted, duplicate-free, and no name is empty
// (since "" means "unknown").
template <class E, std::size_t N>
constexpr bool is_valid_name_table(const std::array<named<E>, N>& table) noexcept {
  for (const named<E>& row : table) {
    if (row.name.empty()) return false;
  }
  return is_strictly_increasing(table, value_of<E>);
}

// The row for `value`, or nullptr.
template <class E, std::size_t N>
constexpr const named<E>* find_named(const std::array<named<E>, N>& table, E value) noexcept {
  return find_sorted(table, value, value_of<E>);
}

// The registered name of `value`, or "" when the registry does not list it
// (callers print the number instead).
template <class E, std::size_t N>
constexpr std::string_view lookup_name(const std::array<named<E>, N>& table, E value) noexcept {
  const named<E>* row = find_named(table, value);
  return row != nullptr ? row->name : std::string_view{};
}

template <class E, std::size_t N>
constexpr bool table_contains(const std::array<named<E>, N>& table, E value) noexcept {
  return find_named(table, value) != nullptr;
}

// The code point registered under `name` (exact spelling), for tools that
// take names on a command line. Linear: names are not sorted.
template <class E, std::size_t N>
constexpr std::optional<E> lookup_value(const std::array<named<E>, N>& table,
                                        std::string_view name) noexcept {
  for (const named<E>& row : table) {
    if (row.name == name) return row.value;
  }
  return std::nullopt;
}

}  // namespace tlswire
