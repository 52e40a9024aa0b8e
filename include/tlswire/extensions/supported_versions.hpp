#pragma once
// supported_versions: RFC 8446 §4.2.1.
#include "tlswire/extensions/extension.hpp"
#include "tlswire/registry/protocol_version.hpp"
#include "tlswire/wire/vector.hpp"

namespace tlswire {

// RFC 8446 §4.2.1
//   struct {
//       select (Handshake.msg_type) {
//           case client_hello:
//                ProtocolVersion versions<2..254>;
//
//           case server_hello: /* and HelloRetryRequest */
//                ProtocolVersion selected_version;
//       };
//   } SupportedVersions;
struct supported_versions_client_hello {
  static constexpr extension_type type = extension_type::supported_versions;
  code_vector<protocol_version, 2, 254> versions;

  static constexpr supported_versions_client_hello parse(reader& r) noexcept { return {decltype(versions)::parse(r)}; }
  constexpr void encode(writer& w) const noexcept { versions.encode(w); }
  friend constexpr bool operator==(const supported_versions_client_hello&,
                                   const supported_versions_client_hello&) = default;
};

struct supported_versions_server_hello {
  static constexpr extension_type type = extension_type::supported_versions;
  protocol_version selected_version = protocol_version::tls13;

  static constexpr supported_versions_server_hello parse(reader& r) noexcept {
    return {r.code<protocol_version>()};
  }
  constexpr void encode(writer& w) const noexcept { w.code(selected_version); }
  friend constexpr bool operator==(const supported_versions_server_hello&,
                                   const supported_versions_server_hello&) = default;
};
using supported_versions_hello_retry_request = supported_versions_server_hello;

}  // namespace tlswire
