#pragma once
// A whole handshake message (header included) parsed by one of messages/'s
// parse_* functions, and written back: shared by the per-message tests.
#include <array>
#include <cstddef>
#include <cstdint>

#include "tlswire/messages/handshake.hpp"
#include "tlswire/wire/result.hpp"
#include "tlswire/wire/writer.hpp"

namespace tlswire::test {

// `parse` takes a handshake_message, e.g. parse_message<client_hello>.
template <std::size_t N, class Parse>
constexpr auto parse_message(const std::array<std::uint8_t, N>& message, Parse parse)
    -> decltype(parse(handshake_message{})) {
  TLSWIRE_TRY(const handshake_message m, read_handshake(as_view(message)));
  return parse(m);
}

// Parses `message` and writes it back with encode_message; true when the
// bytes are identical.
template <std::size_t N, class Parse>
constexpr bool round_trips_message(const std::array<std::uint8_t, N>& message, Parse parse) {
  auto parsed = parse_message(message, parse);
  if (!parsed) return false;
  std::array<std::uint8_t, N> out{};
  writer w(out);
  parsed->encode_message(w);
  return w.ok() && w.size() == N && equal_bytes(as_view(out), as_view(message));
}

}  // namespace tlswire::test
