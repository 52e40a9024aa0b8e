#pragma once
// RFC 5246 §7.4.1.1: HelloRequest (TLS 1.2 and earlier; renegotiation).
//
//   struct { } HelloRequest;
#include "tlswire/messages/message_common.hpp"
#include "tlswire/registry/handshake_type.hpp"

namespace tlswire {

// RFC 5246 §7.4.1.1 HelloRequest: an empty body (bytes in it: decode_error).
// It is not part of the transcript (RFC 5246 §7.4.9), which the engine, not
// this view, takes care of.
struct hello_request {
  static constexpr handshake_type type = handshake_type::hello_request;
  static constexpr hello_request parse(reader&) noexcept { return {}; }
  constexpr void encode(writer&) const noexcept {}
  constexpr void encode_message(writer& w) const { encode_handshake(w, *this); }
  friend constexpr bool operator==(const hello_request&, const hello_request&) = default;
};

}  // namespace tlswire
