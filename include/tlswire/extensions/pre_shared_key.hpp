#pragma once
// Resumption and 0-RTT: pre_shared_key (RFC 8446 §4.2.11),
// psk_key_exchange_modes (§4.2.9) and early_data (§4.2.10).
#include <cstddef>
#include <cstdint>

#include "tlswire/extensions/extension.hpp"
#include "tlswire/registry/psk_key_exchange_mode.hpp"
#include "tlswire/wire/vector.hpp"

namespace tlswire {

// RFC 8446 §4.2.11
//   struct {
//       opaque identity<1..2^16-1>;
//       uint32 obfuscated_ticket_age;
//   } PskIdentity;
struct psk_identity {
  opaque_vector<1, 65535> identity;
  std::uint32_t obfuscated_ticket_age = 0;

  static constexpr psk_identity parse(reader& r) noexcept {
    psk_identity p;
    p.identity = decltype(identity)::parse(r);
    p.obfuscated_ticket_age = r.u32();
    return p;
  }
  constexpr void encode(writer& w) const noexcept {
    identity.encode(w);
    w.u32(obfuscated_ticket_age);
  }
  friend constexpr bool operator==(const psk_identity&, const psk_identity&) = default;
};

// RFC 8446 §4.2.11
//   opaque PskBinderEntry<32..255>;
using psk_binder_entry = opaque_vector<32, 255>;

// RFC 8446 §4.2.11, in ClientHello (where it MUST be the last extension)
//   struct {
//       PskIdentity identities<7..2^16-1>;
//       PskBinderEntry binders<33..2^16-1>;
//   } OfferedPsks;
struct pre_shared_key_client_hello {
  static constexpr extension_type type = extension_type::pre_shared_key;
  item_vector<psk_identity, 7, 65535> identities;
  item_vector<psk_binder_entry, 33, 65535> binders;

  static constexpr pre_shared_key_client_hello parse(reader& r) {
    pre_shared_key_client_hello p;
    p.identities = decltype(identities)::parse(r);
    p.binders = decltype(binders)::parse(r);
    return p;
  }
  constexpr void encode(writer& w) const {
    identities.encode(w);
    binders.encode(w);
  }
  friend constexpr bool operator==(const pre_shared_key_client_hello&, const pre_shared_key_client_hello&) = default;

  // RFC 8446 §4.2.11.2: binders are computed over the ClientHello truncated
  // just before the binders list. Since pre_shared_key is last, that is the
  // whole encoded ClientHello minus this many bytes (the list's 2-byte
  // length included).
  constexpr std::size_t binders_length() const { return encoded_size(binders); }
};

// RFC 8446 §4.2.11: one binder per identity, in the same order. A mismatch
// is refused with illegal_parameter.
constexpr status validate(const pre_shared_key_client_hello& ext) {
  if (ext.identities.size() != ext.binders.size()) return make_error(errc::bad_value, no_offset);
  return {};
}

// RFC 8446 §4.2.11, in ServerHello
//   uint16 selected_identity;
struct pre_shared_key_server_hello {
  static constexpr extension_type type = extension_type::pre_shared_key;
  std::uint16_t selected_identity = 0;

  static constexpr pre_shared_key_server_hello parse(reader& r) noexcept { return {r.u16()}; }
  constexpr void encode(writer& w) const noexcept { w.u16(selected_identity); }
  friend constexpr bool operator==(const pre_shared_key_server_hello&, const pre_shared_key_server_hello&) = default;
};

// RFC 8446 §4.2.11: "Clients MUST verify that the server's
// selected_identity is within the range supplied by the client" —
// otherwise illegal_parameter.
constexpr status validate(const pre_shared_key_server_hello& ext, const pre_shared_key_client_hello& offered) {
  if (ext.selected_identity >= offered.identities.size()) return make_error(errc::bad_value, no_offset);
  return {};
}

// RFC 8446 §4.2.9 — ClientHello
//   enum { psk_ke(0), psk_dhe_ke(1), (255) } PskKeyExchangeMode;
//   struct {
//       PskKeyExchangeMode ke_modes<1..255>;
//   } PskKeyExchangeModes;
struct psk_key_exchange_modes {
  static constexpr extension_type type = extension_type::psk_key_exchange_modes;
  code_vector<psk_key_exchange_mode, 1, 255> ke_modes;

  static constexpr psk_key_exchange_modes parse(reader& r) noexcept { return {decltype(ke_modes)::parse(r)}; }
  constexpr void encode(writer& w) const noexcept { ke_modes.encode(w); }
  friend constexpr bool operator==(const psk_key_exchange_modes&, const psk_key_exchange_modes&) = default;
};

// RFC 8446 §4.2.10
//   struct {} Empty;
//   struct {
//       select (Handshake.msg_type) {
//           case new_session_ticket:   uint32 max_early_data_size;
//           case client_hello:         Empty;
//           case encrypted_extensions: Empty;
//       };
//   } EarlyDataIndication;
struct early_data_client_hello : empty_extension_body<early_data_client_hello> {
  static constexpr extension_type type = extension_type::early_data;
};
struct early_data_encrypted_extensions : empty_extension_body<early_data_encrypted_extensions> {
  static constexpr extension_type type = extension_type::early_data;
};
struct early_data_new_session_ticket {
  static constexpr extension_type type = extension_type::early_data;
  std::uint32_t max_early_data_size = 0;

  static constexpr early_data_new_session_ticket parse(reader& r) noexcept { return {r.u32()}; }
  constexpr void encode(writer& w) const noexcept { w.u32(max_early_data_size); }
  friend constexpr bool operator==(const early_data_new_session_ticket&,
                                   const early_data_new_session_ticket&) = default;
};

}  // namespace tlswire
