#pragma once
// signed_certificate_timestamp: RFC 6962 §3.3.1 (Certificate Transparency).
#include "tlswire/extensions/extension.hpp"
#include "tlswire/wire/vector.hpp"

namespace tlswire {

// RFC 6962 §3.3.1: the client's request has "extension_data" empty; so does
// the request in a TLS 1.3 CertificateRequest (RFC 8446 §4.2 table).
struct signed_certificate_timestamp_client_hello
    : empty_extension_body<signed_certificate_timestamp_client_hello> {
  static constexpr extension_type type = extension_type::signed_certificate_timestamp;
};
using signed_certificate_timestamp_certificate_request = signed_certificate_timestamp_client_hello;

// RFC 6962 §3.3
//   opaque SerializedSCT<1..2^16-1>;
using serialized_sct = opaque_vector<1, 65535>;

// RFC 6962 §3.3 — TLS 1.2 ServerHello, TLS 1.3 CertificateEntry
//   struct {
//       SerializedSCT sct_list <1..2^16-1>;
//   } SignedCertificateTimestampList;
struct signed_certificate_timestamp_server_hello {
  static constexpr extension_type type = extension_type::signed_certificate_timestamp;
  item_vector<serialized_sct, 1, 65535> sct_list;

  static constexpr signed_certificate_timestamp_server_hello parse(reader& r) {
    return {decltype(sct_list)::parse(r)};
  }
  constexpr void encode(writer& w) const { sct_list.encode(w); }
  friend constexpr bool operator==(const signed_certificate_timestamp_server_hello&,
                                   const signed_certificate_timestamp_server_hello&) = default;
};
using signed_certificate_timestamp_certificate = signed_certificate_timestamp_server_hello;

}  // namespace tlswire
