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

namespace codec_detail {

// A large T (a hello: ~200 bytes of views) with `T::parse_into(reader&, T&)`
// is parsed straight into the result, returned by name on both paths:
// written once, never copied (copying a freshly written hello stalled on
// store forwarding). A function of its own: g++ 12 does not elide the copy
// of a variable declared inside an if constexpr branch (~50 instructions).
template <class T>
constexpr result<T> decode_in_place(bytes_view in, std::size_t offset) {
  reader r(in, offset);
  result<T> value(std::in_place);
  T::parse_into(r, *value);
  r.expect_end();
  if (!r) value = r.error();
  return value;
}

}  // namespace codec_detail

// Parses exactly one T from `in`, which starts at `offset` in the caller's
// input (errors carry offsets from there): trailing bytes are an error.
template <class T, class... Context>
  requires parsable<T, Context...>
constexpr result<T> decode_at_offset(bytes_view in, std::size_t offset, Context... ctx) {
  if constexpr (sizeof...(Context) == 0 && requires(reader& r, T& v) { T::parse_into(r, v); }) {
    return codec_detail::decode_in_place<T>(in, offset);
  } else {
    reader r(in, offset);
    T value = T::parse(r, ctx...);
    r.expect_end();
    if (!r) return r.error();
    return value;
  }
}

// The same for input of its own (offsets from 0).
template <class T, class... Context>
  requires parsable<T, Context...>
constexpr result<T> decode(bytes_view in, Context... ctx) {
  return decode_at_offset<T>(in, 0, ctx...);
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
