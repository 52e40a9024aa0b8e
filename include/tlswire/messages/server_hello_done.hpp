#pragma once
// RFC 5246 §7.4.5: ServerHelloDone (TLS 1.2 and earlier).
//
//   struct { } ServerHelloDone;
#include "tlswire/messages/message_common.hpp"
#include "tlswire/registry/handshake_type.hpp"

namespace tlswire {

// RFC 5246 §7.4.5 ServerHelloDone: an empty body; any byte in it is
// trailing (decode_error).
struct server_hello_done {
  static constexpr handshake_type type = handshake_type::server_hello_done;
  static constexpr server_hello_done parse(reader&) noexcept { return {}; }
  constexpr void encode(writer&) const noexcept {}
  constexpr void encode_message(writer& w) const { encode_handshake(w, *this); }
  friend constexpr bool operator==(const server_hello_done&, const server_hello_done&) = default;
};

}  // namespace tlswire
