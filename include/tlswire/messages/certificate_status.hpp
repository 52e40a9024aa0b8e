#pragma once
// RFC 6066 §8: CertificateStatus (TLS 1.2 and earlier; TLS 1.3 carries the
// same structure inside a CertificateEntry's status_request extension).
//
//   struct {
//       CertificateStatusType status_type;
//       select (status_type) {
//           case ocsp: OCSPResponse;
//       } response;
//   } CertificateStatus;
//
//   opaque OCSPResponse<1..2^24-1>;
//
// RFC 6961 §2.2 adds ocsp_multi:
//   OCSPResponse ocsp_response_list<1..2^24-1>;   (each opaque<0..2^24-1>)
// A status_type with no defined response keeps its bytes unchanged.
#include "tlswire/messages/message_common.hpp"
#include "tlswire/registry/certificate_status_type.hpp"
#include "tlswire/registry/handshake_type.hpp"

namespace tlswire {

// RFC 6961 §2.2: an entry of ocsp_response_list (may be empty: no response
// for that certificate).
using ocsp_response_entry = opaque_vector<0, 16777215>;

// RFC 6066 §8 CertificateStatus.
struct certificate_status {
  static constexpr handshake_type type = handshake_type::certificate_status;
  certificate_status_type status_type = certificate_status_type::ocsp;
  opaque_vector<1, 16777215> ocsp_response{};                        // ocsp: DER OCSPResponse
  item_vector<ocsp_response_entry, 1, 16777215> ocsp_response_list{};  // ocsp_multi
  bytes_view other_response{};                                      // any other type, unchanged

  static constexpr certificate_status parse(reader& r) {
    certificate_status s;
    s.status_type = r.code<certificate_status_type>();
    if (s.status_type == certificate_status_type::ocsp) {
      s.ocsp_response = decltype(ocsp_response)::parse(r);
    } else if (s.status_type == certificate_status_type::ocsp_multi) {
      s.ocsp_response_list = decltype(ocsp_response_list)::parse(r);
    } else {
      s.other_response = r.bytes(r.remaining());
    }
    return s;
  }
  constexpr void encode(writer& w) const {
    w.code(status_type);
    if (status_type == certificate_status_type::ocsp) return ocsp_response.encode(w);
    if (status_type == certificate_status_type::ocsp_multi) return ocsp_response_list.encode(w);
    w.bytes(other_response);
  }
  constexpr void encode_message(writer& w) const { encode_handshake(w, *this); }
  friend constexpr bool operator==(const certificate_status& a, const certificate_status& b) {
    return a.status_type == b.status_type && a.ocsp_response == b.ocsp_response &&
           a.ocsp_response_list == b.ocsp_response_list && equal_bytes(a.other_response, b.other_response);
  }
};

}  // namespace tlswire
