#pragma once
// Fuzz target: the typed extensions of extensions/, in the shape each
// message gives them (RFC 8446 §4.2), and whole extension lists with the
// §4.2 rules (table, duplicates, pre_shared_key last).
//
// Input: one context byte, then
//   context < 0x80: one Extension (type, uint16 length, data); its data is
//                   decoded as the typed extension that context expects;
//   context >= 0x80: Extension extensions<0..2^16-1> (with its length),
//                   round-tripped, validated, and every member decoded.
// The low 3 bits of the context pick the message (message_context order:
// CH, SH, HRR, EE, CT, CR, NST, TLS 1.2 SH).
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "../oracle.hpp"
#include "tlswire/extensions/allowed.hpp"
#include "tlswire/extensions/extensions.hpp"
#include "tlswire/extensions/shapes.hpp"

namespace tlswire::fuzz::extensions {

// One typed extension's data: the round trip, then its own validate() if it
// has one (its refusal must obey the error contract like a parse's).
template <class Ext>
void check_typed(bytes_view data, bytes_view input) {
  if (!round_trip<Ext>(data)) return;
  const Ext value = *decode<Ext>(data);
  if constexpr (requires { { validate(value) } -> std::same_as<status>; }) {
    const status v = validate(value);
    if (!v.ok()) check_rule_error(v.error(), input);
  }
}

// Each extension's data decoded as the shape its message gives it (the one
// table, extensions/shapes.hpp); one without a shape there is left as it is.
inline void check_typed_extension(message_context where, const extension& ext, bytes_view input) {
  visit_shape(ext.type, where, [&]<class Shape>(std::type_identity<Shape>) {
    if constexpr (!std::same_as<Shape, extension>) check_typed<Shape>(ext.data, input);
  });
}

// A parsed list iterates infallibly: its members re-encode to exactly its
// body, their offsets point at them, and the §4.2 rules obey the error
// contract. Every member is then decoded as its typed shape.
inline void check_extension_list(const extension_list& list, message_context where, bytes_view input) {
  std::size_t total = 0;
  std::size_t count = 0;
  for (auto it = list.begin(); it != list.end(); ++it) {
    require(it.offset() == list.wire_offset() + total, "an extension's offset is not where the previous one ended",
            input);
    total += encoded_size(*it);
    ++count;
    check_typed_extension(where, *it, input);
  }
  require(total == list.wire_bytes().size(), "extensions of a parsed list do not add up to its body", input);
  require(count == list.size(), "extension_list::size() disagrees with iteration", input);
  const status rules = validate_extensions(list, where);
  if (!rules.ok()) check_parse_error(rules.error(), input);
}

inline void run(bytes_view in) {
  current_target() = "extensions";
  const std::uint8_t context = take_selector(in);
  const auto where = static_cast<message_context>(context & 7);
  if (context & 0x80) {
    if (round_trip<extension_list>(in)) check_extension_list(*decode<extension_list>(in), where, in);
    return;
  }
  if (!round_trip<extension>(in)) return;
  check_typed_extension(where, *decode<extension>(in), in);
}

}  // namespace tlswire::fuzz::extensions
