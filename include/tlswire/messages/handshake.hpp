#pragma once
// RFC 8446 §4 / RFC 5246 §7.4: the handshake message framing.
//
//   struct {
//       HandshakeType msg_type;    /* handshake type */
//       uint24 length;             /* remaining bytes in message */
//       select (Handshake.msg_type) { ... } body;
//   } Handshake;
//
// `handshake_message` is a view of one complete message: its type, its body
// and its raw bytes (header + body), which the transcript hash consumes as
// they are. The record layer's reassembler hands complete messages over; the
// typed message parsers (client_hello.hpp, server_hello.hpp, ...) take the
// body.
#include <cstddef>
#include <cstdint>

#include "tlswire/registry/handshake_type.hpp"
#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/reader.hpp"
#include "tlswire/wire/result.hpp"
#include "tlswire/wire/writer.hpp"

namespace tlswire {

// The 4-byte header: msg_type (1) + uint24 length.
inline constexpr std::size_t handshake_header_size = 4;
// uint24 length: the ceiling the wire format itself allows.
inline constexpr std::size_t handshake_max_body = 0xffffff;

// RFC 8446 §4 Handshake
struct handshake_message {
  handshake_type type{};
  bytes_view body{};
  bytes_view raw{};  // header + body, exactly as received (transcript input)

  // Reads one message: header, then exactly `length` body bytes.
  static constexpr handshake_message parse(reader& r) noexcept {
    handshake_message m;
    const bytes_view start = r.rest();
    m.type = r.code<handshake_type>();
    const std::size_t length = r.u24();
    m.body = r.bytes(length);
    if (!r.ok()) return {};
    m.raw = start.first(handshake_header_size + length);
    return m;
  }

  // Re-emits the message as header + body (raw is not consulted, so a
  // message whose body was replaced encodes the new body).
  constexpr void encode(writer& w) const noexcept {
    w.code(type);
    w.block(0, handshake_max_body, [&](writer& b) { b.bytes(body); });
  }

  friend constexpr bool operator==(const handshake_message& a, const handshake_message& b) noexcept {
    return a.type == b.type && equal_bytes(a.body, b.body);
  }
};

// Writes `msg_type`, a uint24 length and the body produced by `body(writer&)`.
// A message type's encoder uses this so its code reads like the RFC struct:
//   write_handshake(w, handshake_type::client_hello, [&](writer& b) { ... });
template <class Body>
constexpr void write_handshake(writer& w, handshake_type type, Body&& body) {
  w.code(type);
  w.block(0, handshake_max_body, body);
}

// The header of a message whose body may not have arrived yet (for
// reassemblers and dispatchers): type and announced length.
struct handshake_header {
  handshake_type type{};
  std::uint32_t length = 0;

  static constexpr handshake_header parse(reader& r) noexcept {
    handshake_header h;
    h.type = r.code<handshake_type>();
    h.length = r.u24();
    return h;
  }
  constexpr void encode(writer& w) const noexcept {
    w.code(type);
    w.u24(length);
  }
};

// Splits `in` into its first complete message and what follows. Refuses a
// message announcing more than `max_body` bytes (errc::message_too_large)
// before waiting for them, so a peer cannot make us buffer 16 MiB.
constexpr result<handshake_message> read_handshake(bytes_view in,
                                                   std::size_t max_body = handshake_max_body) noexcept {
  reader r(in);
  const bytes_view start = r.rest();
  handshake_message m;
  m.type = r.code<handshake_type>();
  const std::size_t length = r.u24();
  if (!r) return r.error();
  if (length > max_body) return make_error(errc::message_too_large, 1);
  m.body = r.bytes(length);
  if (!r) return r.error();
  m.raw = start.first(handshake_header_size + length);
  return m;
}

}  // namespace tlswire
