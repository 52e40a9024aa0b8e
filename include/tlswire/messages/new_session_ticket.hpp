#pragma once
// RFC 5077 §3.3 / RFC 8446 §4.6.1: NewSessionTicket, in its TLS 1.2 and
// TLS 1.3 forms side by side.
//
// TLS 1.2 (RFC 5077 §3.3):
//   struct {
//       uint32 ticket_lifetime_hint;
//       opaque ticket<0..2^16-1>;
//   } NewSessionTicket;
//
// TLS 1.3 (RFC 8446 §4.6.1):
//   struct {
//       uint32 ticket_lifetime;
//       uint32 ticket_age_add;
//       opaque ticket_nonce<0..255>;
//       opaque ticket<1..2^16-1>;
//       Extension extensions<0..2^16-2>;
//   } NewSessionTicket;
#include <cstdint>

#include "tlswire/extensions/allowed.hpp"
#include "tlswire/extensions/extension.hpp"
#include "tlswire/messages/message_common.hpp"
#include "tlswire/registry/handshake_type.hpp"

namespace tlswire {

// RFC 5077 §3.3 NewSessionTicket (TLS 1.2 and earlier).
struct tls12_new_session_ticket {
  static constexpr handshake_type type = handshake_type::new_session_ticket;
  std::uint32_t ticket_lifetime_hint = 0;  // seconds; 0: unspecified
  opaque_vector<0, 65535> ticket{};

  static constexpr tls12_new_session_ticket parse(reader& r) noexcept {
    tls12_new_session_ticket t;
    t.ticket_lifetime_hint = r.u32();
    t.ticket = decltype(ticket)::parse(r);
    return t;
  }
  constexpr void encode(writer& w) const noexcept {
    w.u32(ticket_lifetime_hint);
    ticket.encode(w);
  }
  constexpr void encode_message(writer& w) const { encode_handshake(w, *this); }
  friend constexpr bool operator==(const tls12_new_session_ticket&, const tls12_new_session_ticket&) = default;
};

// RFC 8446 §4.6.1 NewSessionTicket (TLS 1.3).
struct tls13_new_session_ticket {
  static constexpr handshake_type type = handshake_type::new_session_ticket;
  std::uint32_t ticket_lifetime = 0;  // seconds
  std::uint32_t ticket_age_add = 0;
  opaque_vector<0, 255> ticket_nonce{};
  opaque_vector<1, 65535> ticket{};
  extension_list extensions{};  // <0..2^16-2>

  static constexpr tls13_new_session_ticket parse(reader& r) noexcept {
    tls13_new_session_ticket t;
    t.ticket_lifetime = r.u32();
    t.ticket_age_add = r.u32();
    t.ticket_nonce = decltype(ticket_nonce)::parse(r);
    t.ticket = decltype(ticket)::parse(r);
    t.extensions = parse_extension_block<0, 65534>(r);
    return t;
  }
  constexpr void encode(writer& w) const noexcept {
    w.u32(ticket_lifetime);
    w.u32(ticket_age_add);
    ticket_nonce.encode(w);
    ticket.encode(w);
    encode_extension_block<0, 65534>(w, extensions);
  }
  constexpr void encode_message(writer& w) const { encode_handshake(w, *this); }
  friend constexpr bool operator==(const tls13_new_session_ticket&, const tls13_new_session_ticket&) = default;
};

// RFC 8446 §4.6.1: "Servers MUST NOT use any value greater than 604800
// seconds (7 days)" — a client refuses more with illegal_parameter; the
// extensions: no duplicate, only what the §4.2 table allows in NST
// (illegal_parameter; unknown ones are ignored).
inline constexpr std::uint32_t max_ticket_lifetime = 604800;

constexpr status validate(const tls13_new_session_ticket& t) noexcept {
  if (t.ticket_lifetime > max_ticket_lifetime)
    return make_error(errc::bad_value, alert_description::illegal_parameter, no_offset);
  return validate_extensions(t.extensions, message_context::new_session_ticket);
}

}  // namespace tlswire
