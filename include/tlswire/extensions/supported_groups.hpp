#pragma once
// Group negotiation: supported_groups (RFC 8446 §4.2.7, RFC 8422 §5.1.1,
// RFC 7919) and ec_point_formats (RFC 8422 §5.1.2).
#include "tlswire/extensions/extension.hpp"
#include "tlswire/registry/named_group.hpp"
#include "tlswire/wire/vector.hpp"

namespace tlswire {

// RFC 8446 §4.2.7 — the same shape in ClientHello and EncryptedExtensions
//   struct {
//       NamedGroup named_group_list<2..2^16-1>;
//   } NamedGroupList;
struct supported_groups {
  static constexpr extension_type type = extension_type::supported_groups;
  code_vector<named_group, 2, 65535> named_group_list;

  static constexpr supported_groups parse(reader& r) noexcept { return {decltype(named_group_list)::parse(r)}; }
  constexpr void encode(writer& w) const noexcept { named_group_list.encode(w); }
  friend constexpr bool operator==(const supported_groups&, const supported_groups&) = default;
};

// RFC 8422 §5.1.2 — ClientHello and (TLS 1.2) ServerHello
//   struct {
//       ECPointFormat ec_point_format_list<1..2^8-1>
//   } ECPointFormatList;
struct ec_point_formats {
  static constexpr extension_type type = extension_type::ec_point_formats;
  code_vector<ec_point_format, 1, 255> ec_point_format_list;

  static constexpr ec_point_formats parse(reader& r) noexcept { return {decltype(ec_point_format_list)::parse(r)}; }
  constexpr void encode(writer& w) const noexcept { ec_point_format_list.encode(w); }
  friend constexpr bool operator==(const ec_point_formats&, const ec_point_formats&) = default;
};

// RFC 8422 §5.1.2: the list "MUST contain the value 0 (uncompressed)".
constexpr status validate(const ec_point_formats& ext) {
  if (!ext.ec_point_format_list.contains(ec_point_format::uncompressed)) return make_error(errc::bad_value, no_offset);
  return {};
}

}  // namespace tlswire
