#pragma once
// Which typed shape an extension takes in which message: the ONE table.
// Several extensions change shape with the message that carries them
// (key_share is a list in ClientHello, one entry in ServerHello, a group in
// HelloRetryRequest; status_request is a request, an empty answer or an OCSP
// response), so each message context lists its shapes once here — like
// rustls' per-message extension sets — and the printer, the dissector, the
// tests and the fuzz targets ask visit_shape() / visit_typed().
//
// A shape listed here says how to read the extension if it is present; it
// does not say the extension may be present (that is the RFC 8446 §4.2
// table in allowed.hpp). An extension type without a shape in a message —
// unknown, GREASE, or out of place — is kept as the plain `extension`.
//
// Adding an extension: its header, its shape in the lists below, its
// include in extensions.hpp.
#include <concepts>
#include <cstddef>
#include <type_traits>

#include "tlswire/extensions/allowed.hpp"
#include "tlswire/extensions/alpn.hpp"
#include "tlswire/extensions/certificate_authorities.hpp"
#include "tlswire/extensions/certificate_type.hpp"
#include "tlswire/extensions/compress_certificate.hpp"
#include "tlswire/extensions/cookie.hpp"
#include "tlswire/extensions/encrypted_client_hello.hpp"
#include "tlswire/extensions/extension.hpp"
#include "tlswire/extensions/fragment_length.hpp"
#include "tlswire/extensions/heartbeat.hpp"
#include "tlswire/extensions/key_share.hpp"
#include "tlswire/extensions/padding.hpp"
#include "tlswire/extensions/pre_shared_key.hpp"
#include "tlswire/extensions/server_name.hpp"
#include "tlswire/extensions/signature_algorithms.hpp"
#include "tlswire/extensions/signed_certificate_timestamp.hpp"
#include "tlswire/extensions/status_request.hpp"
#include "tlswire/extensions/supported_groups.hpp"
#include "tlswire/extensions/supported_versions.hpp"
#include "tlswire/extensions/tls12_security.hpp"
#include "tlswire/extensions/use_srtp.hpp"

namespace tlswire {

template <typed_extension... Shapes>
struct shape_list {};

// ClientHello (TLS 1.0–1.3; RFC 8446 §4.2 column CH and the TLS 1.2 ones).
using client_hello_shapes = shape_list<
    server_name_client_hello, max_fragment_length_extension, status_request_client_hello, supported_groups,
    ec_point_formats, signature_algorithms, use_srtp, heartbeat, alpn, signed_certificate_timestamp_client_hello,
    client_certificate_type_client_hello, server_certificate_type_client_hello, padding, encrypt_then_mac,
    extended_master_secret, compress_certificate, record_size_limit, session_ticket, pre_shared_key_client_hello,
    early_data_client_hello, supported_versions_client_hello, cookie, psk_key_exchange_modes, certificate_authorities,
    post_handshake_auth, signature_algorithms_cert, key_share_client_hello, renegotiation_info,
    encrypted_client_hello>;

// ServerHello, TLS 1.3 (pre_shared_key, supported_versions, key_share) and
// TLS 1.2 (the answers of RFC 5246 §7.4.1.4 extensions) alike: no type has
// two shapes between them, so tls12_server_hello reads with the same list.
using server_hello_shapes = shape_list<
    server_name_server_hello, max_fragment_length_extension, status_request_server_hello, ec_point_formats, use_srtp,
    heartbeat, alpn, signed_certificate_timestamp_server_hello, client_certificate_type_server_hello,
    server_certificate_type_server_hello, encrypt_then_mac, extended_master_secret, record_size_limit, session_ticket,
    pre_shared_key_server_hello, supported_versions_server_hello, key_share_server_hello, renegotiation_info>;
using tls12_server_hello_shapes = server_hello_shapes;

using hello_retry_request_shapes =
    shape_list<key_share_hello_retry_request, supported_versions_hello_retry_request, cookie, encrypted_client_hello>;

using encrypted_extensions_shapes = shape_list<
    server_name_encrypted_extensions, max_fragment_length_extension, supported_groups, use_srtp, heartbeat, alpn,
    client_certificate_type_encrypted_extensions, server_certificate_type_encrypted_extensions, record_size_limit,
    early_data_encrypted_extensions, encrypted_client_hello>;

// A CertificateEntry's extensions: the answers to the requests of the
// ClientHello or CertificateRequest (RFC 8446 §4.4.2.1).
using certificate_shapes = shape_list<status_request_certificate, signed_certificate_timestamp_certificate>;

// CertificateRequest: status_request and signed_certificate_timestamp are
// requests here, sent empty as a ClientHello sends them (RFC 6962 §3.3.1
// "empty extension_data"; RFC 8446 §4.4.2.1: the server asks with an empty
// extension, the client answers in its CertificateEntry).
using certificate_request_shapes =
    shape_list<status_request_certificate_request, signature_algorithms,
               signed_certificate_timestamp_certificate_request, compress_certificate, certificate_authorities,
               oid_filters, signature_algorithms_cert>;

using new_session_ticket_shapes = shape_list<early_data_new_session_ticket>;

namespace shapes_detail {

template <class... Ts>
constexpr bool distinct_types(shape_list<Ts...>) noexcept {
  const extension_type types[] = {Ts::type...};
  for (std::size_t i = 0; i < sizeof...(Ts); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (types[i] == types[j]) return false;
  return true;
}

// Calls f(std::type_identity<Shape>{}) for the shape of `type` in the list,
// f(std::type_identity<extension>{}) when it has none.
template <class F>
constexpr decltype(auto) find(shape_list<>, extension_type, F& f) {
  return f(std::type_identity<extension>{});
}
template <class First, class... Rest, class F>
constexpr decltype(auto) find(shape_list<First, Rest...>, extension_type type, F& f) {
  if (type == First::type) return f(std::type_identity<First>{});
  return find(shape_list<Rest...>{}, type, f);
}

template <extension_type Type, class List>
struct shape_in;
template <extension_type Type>
struct shape_in<Type, shape_list<>> {
  using type = extension;
};
template <extension_type Type, class First, class... Rest>
struct shape_in<Type, shape_list<First, Rest...>> {
  using type = std::conditional_t<First::type == Type, First, typename shape_in<Type, shape_list<Rest...>>::type>;
};

}  // namespace shapes_detail

// The shape list of each message context: the one place that maps one to
// the other.
template <message_context M>
constexpr auto shapes_in() noexcept {
  using m = message_context;
  if constexpr (M == m::client_hello) return client_hello_shapes{};
  else if constexpr (M == m::server_hello) return server_hello_shapes{};
  else if constexpr (M == m::hello_retry_request) return hello_retry_request_shapes{};
  else if constexpr (M == m::encrypted_extensions) return encrypted_extensions_shapes{};
  else if constexpr (M == m::certificate) return certificate_shapes{};
  else if constexpr (M == m::certificate_request) return certificate_request_shapes{};
  else if constexpr (M == m::new_session_ticket) return new_session_ticket_shapes{};
  else if constexpr (M == m::tls12_server_hello) return tls12_server_hello_shapes{};
  else static_assert(M == m::client_hello, "a message_context without its shape list");
}
template <message_context M>
using shapes_of = decltype(shapes_in<M>());

// At most one shape per extension type in each message.
static_assert(shapes_detail::distinct_types(client_hello_shapes{}) &&
              shapes_detail::distinct_types(server_hello_shapes{}) &&
              shapes_detail::distinct_types(hello_retry_request_shapes{}) &&
              shapes_detail::distinct_types(encrypted_extensions_shapes{}) &&
              shapes_detail::distinct_types(certificate_shapes{}) &&
              shapes_detail::distinct_types(certificate_request_shapes{}) &&
              shapes_detail::distinct_types(new_session_ticket_shapes{}));

// The shape of extension `Type` in message `M` at compile time; `extension`
// when it has none there.
template <extension_type Type, message_context M>
using extension_shape = typename shapes_detail::shape_in<Type, shapes_of<M>>::type;

namespace shapes_detail {
// Finds the list of `message` among the contexts, in enum order.
template <std::size_t I = 0, class F>
constexpr decltype(auto) find_in(message_context message, extension_type type, F& f) {
  constexpr auto m = static_cast<message_context>(I);
  if constexpr (m == message_context::tls12_server_hello) {  // the last context in the enum
    return find(shapes_of<m>{}, type, f);
  } else {
    if (message == m) return find(shapes_of<m>{}, type, f);
    return find_in<I + 1>(message, type, f);
  }
}
}  // namespace shapes_detail

// Calls f(std::type_identity<Shape>{}) with the shape `type` takes in
// `message`, or f(std::type_identity<extension>{}) when it has none. f
// returns the same type for every shape. For code that needs the type, not
// a value (round-trip tests, fuzz oracles).
template <class F>
constexpr decltype(auto) visit_shape(extension_type type, message_context message, F&& f) {
  return shapes_detail::find_in(message, type, f);
}

// Decodes `e` in the shape it takes in `message` and calls f with
//   const Shape&      the decoded value;
//   const error&      why its data does not decode as its shape (offsets
//                     count from `data_offset`, where the data starts in the
//                     caller's input);
//   const extension&  e itself, when it has no typed shape there.
// f returns the same type in every case (an overload set, or a generic
// lambda with `if constexpr`).
template <class F>
constexpr decltype(auto) visit_typed(const extension& e, message_context message, F&& f,
                                     std::size_t data_offset = 0) {
  return visit_shape(e.type, message, [&]<class Shape>(std::type_identity<Shape>) -> decltype(auto) {
    if constexpr (std::same_as<Shape, extension>) {
      return f(e);
    } else {
      const auto value = decode_extension_data<Shape>(e.data, data_offset);
      if (!value) return f(value.error());
      return f(*value);
    }
  });
}

}  // namespace tlswire
