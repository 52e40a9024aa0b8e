#pragma once
// server_name: RFC 6066 §3 (Server Name Indication).
#include <cstddef>

#include "tlswire/extensions/extension.hpp"
#include "tlswire/registry/name_type.hpp"
#include "tlswire/wire/vector.hpp"

namespace tlswire {

// RFC 6066 §3
//   struct {
//       NameType name_type;
//       select (name_type) {
//           case host_name: HostName;
//       } name;
//   } ServerName;
//   opaque HostName<1..2^16-1>;
// Every name_type is read as opaque<1..2^16-1>: host_name is the only type
// defined, and reading others the same way (as deployed parsers do) keeps
// an unknown name and re-encodes it unchanged.
struct server_name_entry {
  tlswire::name_type name_type{};
  opaque_vector<1, 65535> name;

  static constexpr server_name_entry parse(reader& r) noexcept {
    server_name_entry e;
    e.name_type = r.code<tlswire::name_type>();
    e.name = decltype(name)::parse(r);
    return e;
  }
  constexpr void encode(writer& w) const noexcept {
    w.code(name_type);
    name.encode(w);
  }
  friend constexpr bool operator==(const server_name_entry&, const server_name_entry&) = default;
};

// RFC 6066 §3, in ClientHello
//   struct {
//       ServerName server_name_list<1..2^16-1>
//   } ServerNameList;
struct server_name_client_hello {
  static constexpr extension_type type = extension_type::server_name;
  item_vector<server_name_entry, 1, 65535> server_name_list;

  static constexpr server_name_client_hello parse(reader& r) { return {decltype(server_name_list)::parse(r)}; }
  constexpr void encode(writer& w) const { server_name_list.encode(w); }
  friend constexpr bool operator==(const server_name_client_hello&, const server_name_client_hello&) = default;

  // The first host_name (empty if there is none).
  constexpr bytes_view host_name() const {
    for (const server_name_entry& e : server_name_list)
      if (e.name_type == name_type::host_name) return e.name.bytes;
    return {};
  }
};

// RFC 6066 §3: "The ServerNameList MUST NOT contain more than one name of
// the same name_type." Semantic check, apart from parse.
constexpr status validate(const server_name_client_hello& ext) {
  std::size_t i = 0;
  for (auto a = ext.server_name_list.begin(); a != ext.server_name_list.end(); ++a, ++i) {
    std::size_t j = 0;
    for (auto b = ext.server_name_list.begin(); j < i; ++b, ++j)
      if (b->name_type == a->name_type) return make_error(errc::bad_value, no_offset);
  }
  return {};
}

// RFC 6066 §3: the server's acknowledgement "SHALL be empty" — in a TLS 1.2
// ServerHello, and in TLS 1.3 EncryptedExtensions (RFC 8446 §4.2 table).
struct server_name_server_hello : empty_extension_body<server_name_server_hello> {
  static constexpr extension_type type = extension_type::server_name;
};
using server_name_encrypted_extensions = server_name_server_hello;

}  // namespace tlswire
