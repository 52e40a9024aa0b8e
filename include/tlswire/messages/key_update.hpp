#pragma once
// RFC 8446 §4.6.3: KeyUpdate (TLS 1.3 only).
//
//   enum {
//       update_not_requested(0), update_requested(1), (255)
//   } KeyUpdateRequest;
//
//   struct {
//       KeyUpdateRequest request_update;
//   } KeyUpdate;
#include "tlswire/messages/message_common.hpp"
#include "tlswire/registry/handshake_type.hpp"
#include "tlswire/registry/key_update_request.hpp"

namespace tlswire {

// RFC 8446 §4.6.3 KeyUpdate. Any value parses (open enum); validate()
// applies the RFC's rule.
struct key_update {
  static constexpr handshake_type type = handshake_type::key_update;
  key_update_request request_update = key_update_request::update_not_requested;

  static constexpr key_update parse(reader& r) noexcept { return {r.code<key_update_request>()}; }
  constexpr void encode(writer& w) const noexcept { w.code(request_update); }
  constexpr void encode_message(writer& w) const { encode_handshake(w, *this); }
  friend constexpr bool operator==(const key_update&, const key_update&) = default;
};

// RFC 8446 §4.6.3: "If an implementation receives a KeyUpdate with a
// request_update field other than [0 or 1], it MUST terminate the
// connection with an "illegal_parameter" alert."
constexpr status validate(const key_update& k) noexcept {
  if (!is_known(k.request_update)) return make_error(errc::bad_value, alert_description::illegal_parameter, no_offset);
  return {};
}

}  // namespace tlswire
