#pragma once
// The typed form of each extension in each message, as extensions/shapes.hpp
// gives it, and a check that a whole extension block round-trips through
// those typed forms. Shared by the compile-time tests and the allocation test.
#include "ext_test_util.hpp"
#include "tlswire/extensions/extensions.hpp"

namespace tlswire::ext_test {

enum class outcome { failed, typed, opaque };

// Round trip of T, plus refusal of every truncation where a prefix cannot be
// a complete value (bodies without their own length can: padding, tickets).
template <class T>
constexpr outcome check(bytes_view data, bool truncations_detectable = true) {
  if (!round_trips<T>(data)) return outcome::failed;
  if (truncations_detectable && !refuses_every_truncation<T>(data)) return outcome::failed;
  return outcome::typed;
}

// Bodies without a length of their own, where a prefix of the data is a
// complete value too (empty bodies have no prefix to refuse).
template <class T>
inline constexpr bool prefix_can_be_whole = std::same_as<T, padding> || std::same_as<T, session_ticket> ||
                                            std::same_as<T, encrypted_client_hello>;

// The typed form of `e` in `message`, from the one table (extensions/shapes.hpp).
constexpr outcome check_typed(const extension& e, message_context message) {
  return visit_shape(e.type, message, [&]<class T>(std::type_identity<T>) {
    // Unknown here (GREASE, channel_id): kept as an opaque extension.
    if constexpr (std::same_as<T, extension>)
      return round_trips<opaque_extension<extension_type{}>>(e.data) ? outcome::opaque : outcome::failed;
    else
      return check<T>(e.data, !prefix_can_be_whole<T>);
  });
}

struct tally {
  bool ok = false;
  std::size_t typed = 0;
  std::size_t opaque = 0;
};

constexpr tally check_block(bytes_view block, message_context message) {
  tally t;
  auto list = decode<extension_list>(block);
  if (!list) return t;
  for (const extension& e : *list) {
    switch (check_typed(e, message)) {
      case outcome::failed: return t;
      case outcome::typed: ++t.typed; break;
      case outcome::opaque: ++t.opaque; break;
    }
  }
  t.ok = round_trips<extension_list, 2048>(block) && refuses_every_truncation<extension_list>(block);
  return t;
}

}  // namespace tlswire::ext_test
