#pragma once
// The fuzz oracles, written once against the codec vocabulary of
// wire/codec.hpp (`T::parse(reader&, ctx...)`, `v.encode(writer&)`,
// `encoded_size(v)`), so each fuzz target is a few lines.
//
// A target hands an input to `round_trip<T>(input, ctx...)`, which checks:
//  - parse failed  -> the error has a code, is not one only an encoder or a
//                     crypto back-end may report, and points inside the input
//                     (offset <= size);
//  - parse worked  -> encoded_size(value) equals what encode() writes, the
//                     encoding fits exactly and refuses a span one byte too
//                     short (buffer_too_small, never an overflow), and
//                     re-parsing the encoding gives an equal value; with
//                     `byte_exact` the encoding is also the input itself.
// A violation prints what broke (and the input as hex) and abort()s, which
// libFuzzer records as a crash with the input that caused it.
//
// This header is also compiled into the regression tests under tests/, with
// g++ and without sanitizers, so it sticks to the library's dialect plus
// <cstdio>/<cstdlib>/<vector> (fuzz code may allocate; the library may not).
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/codec.hpp"
#include "tlswire/wire/error.hpp"
#include "tlswire/wire/reader.hpp"
#include "tlswire/wire/result.hpp"
#include "tlswire/wire/writer.hpp"

namespace tlswire::fuzz {

// Where the last input came from, printed on a violation (set by targets).
inline const char*& current_target() {
  static const char* name = "?";
  return name;
}

[[noreturn]] inline void violation(const char* what, bytes_view input) {
  std::fprintf(stderr, "tlswire fuzz oracle violated in %s: %s\ninput (%zu bytes): ", current_target(), what,
               input.size());
  const std::size_t shown = input.size() < 512 ? input.size() : 512;
  for (std::size_t i = 0; i < shown; ++i) std::fprintf(stderr, "%02x", input.data()[i]);
  std::fprintf(stderr, "%s\n", shown < input.size() ? "..." : "");
  std::abort();
}

inline void require(bool ok, const char* what, bytes_view input) {
  if (!ok) violation(what, input);
}

// A refusal of `input` must say what is wrong and where, in a way a peer can
// act on: a decoding fault, never `none`, nor one only an encoder or a
// crypto back-end reports, at an offset inside the input.
inline void check_parse_error(const error& e, bytes_view input) {
  require(e.code != errc::none, "a failed parse reported errc::none", input);
  require(e.code != errc::buffer_too_small, "a parse reported buffer_too_small (an encoder's error)", input);
  require(e.code != errc::crypto_failure, "a parse reported crypto_failure", input);
  require(e.code != errc::internal, "a parse reported internal_error (tlswire disagrees with itself)", input);
  require(e.offset <= input.size(), "a parse error's offset lies past the end of the input", input);
}

// A refusal by a rule (validate()) obeys the same contract, except that a
// rule about a value that does not know where it lies reports no_offset.
inline void check_rule_error(const error& e, bytes_view input) {
  if (e.has_offset()) return check_parse_error(e, input);
  check_parse_error(make_error(e.code, e.alert, 0), input);
}

enum class exactness {
  byte_exact,      // the only spelling: encode(parse(x)) == x
  value_only,      // the wire allows other spellings: parse(encode(parse(x))) == parse(x)
};

template <class T>
concept equality_comparable_value = requires(const T& a, const T& b) {
  { a == b } -> std::convertible_to<bool>;
};

// Encodes `value` and checks the encoder's own promises: the counted size is
// the written size, the encoding fits a span of exactly that size, and a
// span one byte shorter is refused with buffer_too_small. Returns the bytes.
template <encodable T>
std::vector<std::uint8_t> checked_encoding(const T& value, bytes_view input) {
  const std::size_t size = encoded_size(value);
  std::vector<std::uint8_t> out(size);
  const result<std::size_t> written = encode(value, mutable_bytes(out.data(), out.size()));
  require(written.ok(), "encoding a parsed value failed", input);
  require(*written == size, "encoded_size differs from the bytes encode() wrote", input);
  if (size > 0) {
    std::vector<std::uint8_t> short_out(size - 1);
    const result<std::size_t> too_small = encode(value, mutable_bytes(short_out.data(), short_out.size()));
    require(!too_small.ok() && too_small.error().code == errc::buffer_too_small,
            "encoding into a span one byte too short did not fail with buffer_too_small", input);
  }
  return out;
}

// The round-trip oracle. Returns whether `input` parsed (targets may go on
// to check more of the parsed value).
template <class T, class... Context>
  requires wire_type<T, Context...>
bool round_trip(bytes_view input, exactness mode, Context... ctx) {
  const result<T> parsed = decode<T>(input, ctx...);
  if (!parsed.ok()) {
    check_parse_error(parsed.error(), input);
    return false;
  }
  const std::vector<std::uint8_t> first = checked_encoding(*parsed, input);
  const bytes_view first_view(first.data(), first.size());
  if (mode == exactness::byte_exact)
    require(equal_bytes(first_view, input), "re-encoding a parsed value changed its bytes", input);

  const result<T> again = decode<T>(first_view, ctx...);
  require(again.ok(), "the encoding of a parsed value does not parse", input);
  if constexpr (equality_comparable_value<T>)
    require(*again == *parsed, "re-parsing the encoding gave a different value", input);
  // Whatever spelling the encoder chose, it must choose it every time.
  const std::vector<std::uint8_t> second = checked_encoding(*again, input);
  require(equal_bytes(bytes_view(second.data(), second.size()), first_view),
          "encoding is not stable: encode(parse(encode(v))) != encode(v)", input);
  return true;
}

template <class T, class... Context>
  requires wire_type<T, Context...>
bool round_trip(bytes_view input, Context... ctx) {
  return round_trip<T>(input, exactness::byte_exact, ctx...);
}

// For parsers that are not T::parse-shaped (free functions returning
// result<T>, e.g. a record splitter): checks the error contract only.
template <class T>
bool check_result(const result<T>& r, bytes_view input) {
  if (!r.ok()) check_parse_error(r.error(), input);
  return r.ok();
}

// The first byte selects a sub-target; the rest is its input. Returns the
// selector and strips it from `input`.
inline std::uint8_t take_selector(bytes_view& input) {
  if (input.empty()) return 0;
  const std::uint8_t s = input.data()[0];
  input = input.subspan(1);
  return s;
}

}  // namespace tlswire::fuzz
