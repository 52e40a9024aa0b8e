#pragma once
// key_share: RFC 8446 §4.2.8, in its three shapes (ClientHello,
// ServerHello, HelloRetryRequest).
#include <cstddef>
#include <optional>

#include "tlswire/extensions/extension.hpp"
#include "tlswire/registry/named_group.hpp"
#include "tlswire/wire/vector.hpp"

namespace tlswire {

// RFC 8446 §4.2.8
//   struct {
//       NamedGroup group;
//       opaque key_exchange<1..2^16-1>;
//   } KeyShareEntry;
struct key_share_entry {
  named_group group{};
  opaque_vector<1, 65535> key_exchange;

  static constexpr key_share_entry parse(reader& r) noexcept {
    key_share_entry e;
    e.group = r.code<named_group>();
    e.key_exchange = decltype(key_exchange)::parse(r);
    return e;
  }
  constexpr void encode(writer& w) const noexcept {
    w.code(group);
    key_exchange.encode(w);
  }
  friend constexpr bool operator==(const key_share_entry&, const key_share_entry&) = default;
};

// RFC 8446 §4.2.8
//   struct {
//       KeyShareEntry client_shares<0..2^16-1>;
//   } KeyShareClientHello;
struct key_share_client_hello {
  static constexpr extension_type type = extension_type::key_share;
  item_vector<key_share_entry, 0, 65535> client_shares;

  static constexpr key_share_client_hello parse(reader& r) { return {decltype(client_shares)::parse(r)}; }
  constexpr void encode(writer& w) const { client_shares.encode(w); }
  friend constexpr bool operator==(const key_share_client_hello&, const key_share_client_hello&) = default;

  // The share offered for `group`, if any.
  constexpr std::optional<key_share_entry> find(named_group group) const {
    for (const key_share_entry& e : client_shares)
      if (e.group == group) return e;
    return std::nullopt;
  }
};

// RFC 8446 §4.2.8: "Clients MUST NOT offer multiple KeyShareEntry values
// for the same group. ... Servers MAY check for violations of these rules
// and abort the handshake with an "illegal_parameter" alert".
constexpr status validate(const key_share_client_hello& ext) {
  std::size_t i = 0;
  for (auto a = ext.client_shares.begin(); a != ext.client_shares.end(); ++a, ++i) {
    std::size_t j = 0;
    for (auto b = ext.client_shares.begin(); j < i; ++b, ++j)
      if (b->group == a->group) return make_error(errc::bad_value, no_offset);
  }
  return {};
}

// RFC 8446 §4.2.8
//   struct {
//       KeyShareEntry server_share;
//   } KeyShareServerHello;
struct key_share_server_hello {
  static constexpr extension_type type = extension_type::key_share;
  key_share_entry server_share;

  static constexpr key_share_server_hello parse(reader& r) noexcept { return {key_share_entry::parse(r)}; }
  constexpr void encode(writer& w) const noexcept { server_share.encode(w); }
  friend constexpr bool operator==(const key_share_server_hello&, const key_share_server_hello&) = default;
};

// RFC 8446 §4.2.8
//   struct {
//       NamedGroup selected_group;
//   } KeyShareHelloRetryRequest;
struct key_share_hello_retry_request {
  static constexpr extension_type type = extension_type::key_share;
  named_group selected_group{};

  static constexpr key_share_hello_retry_request parse(reader& r) noexcept { return {r.code<named_group>()}; }
  constexpr void encode(writer& w) const noexcept { w.code(selected_group); }
  friend constexpr bool operator==(const key_share_hello_retry_request&,
                                   const key_share_hello_retry_request&) = default;
};

}  // namespace tlswire
