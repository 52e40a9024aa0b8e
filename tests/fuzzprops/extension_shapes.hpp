#pragma once
// Calls a generic callable with the typed shape a message gives an extension
// type (the library's one table, extensions/shapes.hpp), so tests walk
// typed extensions the same way the fuzz target does:
//   with_shape(message_context::client_hello, type, [&]<class Ext>() { ... });
// Types with no typed shape in that message call nothing.
#include <concepts>
#include <type_traits>

#include "tlswire/extensions/shapes.hpp"

namespace tlswire::test {

template <class F>
void with_shape(message_context where, extension_type type, F&& f) {
  visit_shape(type, where, [&]<class Ext>(std::type_identity<Ext>) {
    if constexpr (!std::same_as<Ext, extension>) f.template operator()<Ext>();
  });
}

}  // namespace tlswire::test
