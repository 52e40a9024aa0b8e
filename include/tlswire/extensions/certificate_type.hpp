#pragma once
// client_certificate_type and server_certificate_type: RFC 7250 §3 (raw
// public keys). Each has a ClientHello list form and a single-value answer
// form (TLS 1.2 ServerHello, TLS 1.3 EncryptedExtensions).
#include "tlswire/extensions/extension.hpp"
#include "tlswire/registry/certificate_type.hpp"
#include "tlswire/wire/vector.hpp"

namespace tlswire {

// RFC 7250 §3
//   struct {
//           select(ClientOrServerExtension) {
//               case client:
//                 CertificateType client_certificate_types<1..2^8-1>;
//               case server:
//                 CertificateType client_certificate_type;
//           }
//   } ClientCertTypeExtension;
struct client_certificate_type_client_hello {
  static constexpr extension_type type = extension_type::client_certificate_type;
  code_vector<certificate_type, 1, 255> client_certificate_types;

  static constexpr client_certificate_type_client_hello parse(reader& r) noexcept {
    return {decltype(client_certificate_types)::parse(r)};
  }
  constexpr void encode(writer& w) const noexcept { client_certificate_types.encode(w); }
  friend constexpr bool operator==(const client_certificate_type_client_hello&,
                                   const client_certificate_type_client_hello&) = default;
};

struct client_certificate_type_server_hello {
  static constexpr extension_type type = extension_type::client_certificate_type;
  certificate_type client_certificate_type = certificate_type::x509;

  static constexpr client_certificate_type_server_hello parse(reader& r) noexcept {
    return {r.code<certificate_type>()};
  }
  constexpr void encode(writer& w) const noexcept { w.code(client_certificate_type); }
  friend constexpr bool operator==(const client_certificate_type_server_hello&,
                                   const client_certificate_type_server_hello&) = default;
};
using client_certificate_type_encrypted_extensions = client_certificate_type_server_hello;

// RFC 7250 §3
//   struct {
//           select(ClientOrServerExtension) {
//               case client:
//                 CertificateType server_certificate_types<1..2^8-1>;
//               case server:
//                 CertificateType server_certificate_type;
//           }
//   } ServerCertTypeExtension;
struct server_certificate_type_client_hello {
  static constexpr extension_type type = extension_type::server_certificate_type;
  code_vector<certificate_type, 1, 255> server_certificate_types;

  static constexpr server_certificate_type_client_hello parse(reader& r) noexcept {
    return {decltype(server_certificate_types)::parse(r)};
  }
  constexpr void encode(writer& w) const noexcept { server_certificate_types.encode(w); }
  friend constexpr bool operator==(const server_certificate_type_client_hello&,
                                   const server_certificate_type_client_hello&) = default;
};

struct server_certificate_type_server_hello {
  static constexpr extension_type type = extension_type::server_certificate_type;
  certificate_type server_certificate_type = certificate_type::x509;

  static constexpr server_certificate_type_server_hello parse(reader& r) noexcept {
    return {r.code<certificate_type>()};
  }
  constexpr void encode(writer& w) const noexcept { w.code(server_certificate_type); }
  friend constexpr bool operator==(const server_certificate_type_server_hello&,
                                   const server_certificate_type_server_hello&) = default;
};
using server_certificate_type_encrypted_extensions = server_certificate_type_server_hello;

}  // namespace tlswire
