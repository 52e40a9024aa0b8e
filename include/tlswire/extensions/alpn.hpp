#pragma once
// application_layer_protocol_negotiation: RFC 7301 §3.1.
#include "tlswire/extensions/extension.hpp"
#include "tlswire/wire/vector.hpp"

namespace tlswire {

// RFC 7301 §3.1
//   opaque ProtocolName<1..2^8-1>;
using protocol_name = opaque_vector<1, 255>;

// RFC 7301 §3.1 — ClientHello, and ServerHello / EncryptedExtensions where
// the list holds exactly the one selected protocol
//   struct {
//       ProtocolName protocol_name_list<2..2^16-1>
//   } ProtocolNameList;
struct application_layer_protocol_negotiation {
  static constexpr extension_type type = extension_type::application_layer_protocol_negotiation;
  item_vector<protocol_name, 2, 65535> protocol_name_list;

  static constexpr application_layer_protocol_negotiation parse(reader& r) {
    return {decltype(protocol_name_list)::parse(r)};
  }
  constexpr void encode(writer& w) const { protocol_name_list.encode(w); }
  friend constexpr bool operator==(const application_layer_protocol_negotiation&,
                                   const application_layer_protocol_negotiation&) = default;

  constexpr bool contains(bytes_view name) const {
    for (const protocol_name& p : protocol_name_list)
      if (equal_bytes(p.bytes, name)) return true;
    return false;
  }
};

// RFC 7301 §3.1: in the server's answer the list "MUST contain exactly
// one ProtocolName".
constexpr status validate_server(const application_layer_protocol_negotiation& ext) {
  if (ext.protocol_name_list.size() != 1) return make_error(errc::bad_value, no_offset);
  return {};
}

using alpn = application_layer_protocol_negotiation;

}  // namespace tlswire
