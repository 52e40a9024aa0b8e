#pragma once
// The TLS 1.2 connection-security extensions: encrypt_then_mac (RFC 7366),
// extended_master_secret (RFC 7627), session_ticket (RFC 5077) and
// renegotiation_info (RFC 5746). A TLS 1.3 ClientHello may carry them to
// offer 1.2; no TLS 1.3 server message may.
#include "tlswire/extensions/extension.hpp"
#include "tlswire/wire/vector.hpp"

namespace tlswire {

// RFC 7366 §2: "The "extension_data" field of this extension SHALL be
// empty" — ClientHello and ServerHello.
struct encrypt_then_mac : empty_extension_body<encrypt_then_mac> {
  static constexpr extension_type type = extension_type::encrypt_then_mac;
};

// RFC 7627 §5.1: "The "extension_data" field of this extension is empty" —
// ClientHello and ServerHello.
struct extended_master_secret : empty_extension_body<extended_master_secret> {
  static constexpr extension_type type = extension_type::extended_master_secret;
};

// RFC 5077 §3.2: in ClientHello the extension_data is the ticket (empty to
// ask for a new one); in ServerHello it is empty. No inner length.
struct session_ticket {
  static constexpr extension_type type = extension_type::session_ticket;
  bytes_view ticket{};

  static constexpr session_ticket parse(reader& r) noexcept { return {r.bytes(r.remaining())}; }
  constexpr void encode(writer& w) const noexcept { w.bytes(ticket); }
  friend constexpr bool operator==(const session_ticket& a, const session_ticket& b) noexcept {
    return equal_bytes(a.ticket, b.ticket);
  }
};

// RFC 5746 §3.2 — ClientHello and ServerHello
//   struct {
//       opaque renegotiated_connection<0..255>;
//   } RenegotiationInfo;
struct renegotiation_info {
  static constexpr extension_type type = extension_type::renegotiation_info;
  opaque_vector<0, 255> renegotiated_connection;

  static constexpr renegotiation_info parse(reader& r) noexcept {
    return {decltype(renegotiated_connection)::parse(r)};
  }
  constexpr void encode(writer& w) const noexcept { renegotiated_connection.encode(w); }
  friend constexpr bool operator==(const renegotiation_info&, const renegotiation_info&) = default;
};

}  // namespace tlswire
