#pragma once
// One vocabulary for every wire type (rustls' Codec is the model).
//
// A wire type T answers three questions: `T::parse(reader&, ctx...)` reads
// one value (errors go to the reader), `t.encode(writer&)` writes it, and
// `encoded_size(t)` — computed by a counting writer — says how long it is.
// Generic code (round-trip tests, fuzz oracles, the printer) is written once
// against these functions.
#include <concepts>
#include <cstddef>
#include <utility>

#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/reader.hpp"
#include "tlswire/wire/result.hpp"
#include "tlswire/wire/writer.hpp"

namespace tlswire {

template <class T, class... Context>
concept parsable = requires(reader& r, Context... ctx) {
  { T::parse(r, ctx...) } -> std::same_as<T>;
};

template <class T>
concept encodable = requires(const T& v, writer& w) {
  { v.encode(w) } -> std::same_as<void>;
};

template <class T, class... Context>
concept wire_type = parsable<T, Context...> && encodable<T>;

// Parses exactly one T from `in`: trailing bytes are an error.
template <class T, class... Context>
  requires parsable<T, Context...>
constexpr result<T> decode(bytes_view in, Context... ctx) {
  reader r(in);
  T value = T::parse(r, ctx...);
  r.expect_end();
  if (!r) return r.error();
  return value;
}

template <encodable T>
constexpr std::size_t encoded_size(const T& value) {
  writer counter;
  value.encode(counter);
  return counter.size();
}

// Writes `value` at the start of `out`; returns the number of bytes written.
template <encodable T>
constexpr result<std::size_t> encode(const T& value, mutable_bytes out) {
  writer w(out);
  value.encode(w);
  if (!w) return w.error();
  return w.size();
}

}  // namespace tlswire
