#pragma once
// RFC 8446 §4.5: EndOfEarlyData (TLS 1.3 only).
//
//   struct {} EndOfEarlyData;
#include "tlswire/messages/message_common.hpp"
#include "tlswire/registry/handshake_type.hpp"

namespace tlswire {

// RFC 8446 §4.5 EndOfEarlyData: an empty body (bytes in it: decode_error).
struct end_of_early_data {
  static constexpr handshake_type type = handshake_type::end_of_early_data;
  static constexpr end_of_early_data parse(reader&) noexcept { return {}; }
  constexpr void encode(writer&) const noexcept {}
  constexpr void encode_message(writer& w) const { encode_handshake(w, *this); }
  friend constexpr bool operator==(const end_of_early_data&, const end_of_early_data&) = default;
};

}  // namespace tlswire
