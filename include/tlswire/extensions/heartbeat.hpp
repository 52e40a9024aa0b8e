#pragma once
// heartbeat: RFC 6520 §2.
#include "tlswire/extensions/extension.hpp"
#include "tlswire/registry/heartbeat.hpp"

namespace tlswire {

// RFC 6520 §2 — ClientHello and ServerHello / EncryptedExtensions
//   enum {
//      peer_allowed_to_send(1),
//      peer_not_allowed_to_send(2),
//      (255)
//   } HeartbeatMode;
//   struct {
//      HeartbeatMode mode;
//   } HeartbeatExtension;
struct heartbeat {
  static constexpr extension_type type = extension_type::heartbeat;
  heartbeat_mode mode = heartbeat_mode::peer_not_allowed_to_send;

  static constexpr heartbeat parse(reader& r) noexcept { return {r.code<heartbeat_mode>()}; }
  constexpr void encode(writer& w) const noexcept { w.code(mode); }
  friend constexpr bool operator==(const heartbeat&, const heartbeat&) = default;
};

// RFC 6520 §2: "Upon reception of an unknown mode, an error Alert message
// using illegal_parameter as its AlertDescription MUST be sent".
constexpr status validate(const heartbeat& ext) {
  if (!is_known(ext.mode)) return make_error(errc::bad_value, no_offset);
  return {};
}

}  // namespace tlswire
