#pragma once
// Calls a generic callable with the typed shape a message gives an extension
// type (the per-message type lists of fuzz/targets/extensions.hpp), so tests
// walk typed extensions the same way the fuzz target does:
//   with_shape(message_context::client_hello, type, [&]<class Ext>() { ... });
// Types with no typed shape in that message call nothing.
#include "../../fuzz/targets/extensions.hpp"

namespace tlswire::test {

template <class F, class... Ts>
void with_shape(fuzz::extensions::type_list<Ts...>, extension_type type, F&& f) {
  ((type == Ts::type ? f.template operator()<Ts>() : void()), ...);
}

template <class F>
void with_shape(message_context where, extension_type type, F&& f) {
  namespace x = fuzz::extensions;
  switch (where) {
    case message_context::client_hello: return with_shape(x::client_hello_shapes{}, type, f);
    case message_context::server_hello:
    case message_context::tls12_server_hello: return with_shape(x::server_hello_shapes{}, type, f);
    case message_context::hello_retry_request: return with_shape(x::hello_retry_request_shapes{}, type, f);
    case message_context::encrypted_extensions: return with_shape(x::encrypted_extensions_shapes{}, type, f);
    case message_context::certificate: return with_shape(x::certificate_shapes{}, type, f);
    case message_context::certificate_request: return with_shape(x::certificate_request_shapes{}, type, f);
    case message_context::new_session_ticket: return with_shape(x::new_session_ticket_shapes{}, type, f);
  }
}

}  // namespace tlswire::test
