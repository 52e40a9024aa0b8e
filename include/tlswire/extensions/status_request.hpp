#pragma once
// status_request: RFC 6066 §8 (OCSP stapling request) and its answers, the
// TLS 1.2 empty acknowledgement and the TLS 1.3 CertificateStatus carried in
// a CertificateEntry (RFC 8446 §4.4.2.1).
#include "tlswire/extensions/extension.hpp"
#include "tlswire/registry/certificate_status_type.hpp"
#include "tlswire/wire/vector.hpp"

namespace tlswire {

// RFC 6066 §8
//   opaque ResponderID<1..2^16-1>;
using responder_id = opaque_vector<1, 65535>;

// RFC 6066 §8, in ClientHello
//   struct {
//       CertificateStatusType status_type;
//       select (status_type) {
//           case ocsp: OCSPStatusRequest;
//       } request;
//   } CertificateStatusRequest;
//
//   struct {
//       ResponderID responder_id_list<0..2^16-1>;
//       Extensions  request_extensions;
//   } OCSPStatusRequest;
//   opaque Extensions<0..2^16-1>;
// A status_type other than ocsp has no defined request: its bytes are kept
// in `other_request` and re-encoded unchanged.
struct status_request_client_hello {
  static constexpr extension_type type = extension_type::status_request;
  certificate_status_type status_type = certificate_status_type::ocsp;
  item_vector<responder_id, 0, 65535> responder_id_list;  // ocsp only
  opaque_vector<0, 65535> request_extensions;              // ocsp only (DER Extensions)
  bytes_view other_request{};                              // any other status_type

  static constexpr status_request_client_hello parse(reader& r) {
    status_request_client_hello s;
    s.status_type = r.code<certificate_status_type>();
    if (s.status_type == certificate_status_type::ocsp) {
      s.responder_id_list = decltype(responder_id_list)::parse(r);
      s.request_extensions = decltype(request_extensions)::parse(r);
    } else {
      s.other_request = r.bytes(r.remaining());
    }
    return s;
  }
  constexpr void encode(writer& w) const {
    w.code(status_type);
    if (status_type == certificate_status_type::ocsp) {
      responder_id_list.encode(w);
      request_extensions.encode(w);
    } else {
      w.bytes(other_request);
    }
  }
  friend constexpr bool operator==(const status_request_client_hello& a, const status_request_client_hello& b) {
    return a.status_type == b.status_type && a.responder_id_list == b.responder_id_list &&
           a.request_extensions == b.request_extensions && equal_bytes(a.other_request, b.other_request);
  }
};

// RFC 6066 §8: the server's acknowledgement in a TLS 1.2 ServerHello is
// empty; so is the request in a TLS 1.3 CertificateRequest (RFC 8446 §4.4.2.1).
struct status_request_server_hello : empty_extension_body<status_request_server_hello> {
  static constexpr extension_type type = extension_type::status_request;
};
using status_request_certificate_request = status_request_server_hello;

// RFC 8446 §4.4.2.1 (in a CertificateEntry), the shape of RFC 6066 §8's
// CertificateStatus message
//   struct {
//       CertificateStatusType status_type;
//       select (status_type) {
//           case ocsp: OCSPResponse;
//       } response;
//   } CertificateStatus;
//   opaque OCSPResponse<1..2^24-1>;
struct status_request_certificate {
  static constexpr extension_type type = extension_type::status_request;
  certificate_status_type status_type = certificate_status_type::ocsp;
  opaque_vector<1, 16777215> ocsp_response;  // ocsp only (DER OCSPResponse)
  bytes_view other_response{};                // any other status_type, unchanged

  static constexpr status_request_certificate parse(reader& r) noexcept {
    status_request_certificate s;
    s.status_type = r.code<certificate_status_type>();
    if (s.status_type == certificate_status_type::ocsp) {
      s.ocsp_response = decltype(ocsp_response)::parse(r);
    } else {
      s.other_response = r.bytes(r.remaining());
    }
    return s;
  }
  constexpr void encode(writer& w) const noexcept {
    w.code(status_type);
    if (status_type == certificate_status_type::ocsp) {
      ocsp_response.encode(w);
    } else {
      w.bytes(other_response);
    }
  }
  friend constexpr bool operator==(const status_request_certificate& a, const status_request_certificate& b) noexcept {
    return a.status_type == b.status_type && a.ocsp_response == b.ocsp_response &&
           equal_bytes(a.other_response, b.other_response);
  }
};

}  // namespace tlswire
