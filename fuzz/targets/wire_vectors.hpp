#pragma once
// Fuzz target: the typed RFC vectors of wire/vector.hpp, alone and nested
// the way TLS nests them (a list of entries each holding vectors), so the
// oracle sees inner lengths that disagree with outer ones.
#include <cstddef>
#include <cstdint>

#include "../oracle.hpp"
#include "tlswire/wire/vector.hpp"

namespace tlswire::fuzz::wire_vectors {

enum class code16 : std::uint16_t {};
enum class code8 : std::uint8_t {};

// RFC 8446 §4.2.8 KeyShareEntry's shape: a code point and opaque<1..2^16-1>.
struct entry {
  code16 group{};
  opaque_vector<1, 65535> key{};
  static constexpr entry parse(reader& r) {
    entry e;
    e.group = r.code<code16>();
    e.key = decltype(key)::parse(r);
    return e;
  }
  constexpr void encode(writer& w) const {
    w.code(group);
    key.encode(w);
  }
  friend constexpr bool operator==(const entry&, const entry&) = default;
};

// Three vectors in a row, one of them a list of entries: the shape of a
// hello's tail, where each inner length must agree with the outer one.
struct nested {
  opaque_vector<1, 255> name{};
  item_vector<entry, 0, 65535> entries{};
  code_vector<code16, 0, 65534> codes{};
  static constexpr nested parse(reader& r) {
    nested n;
    n.name = decltype(name)::parse(r);
    n.entries = decltype(entries)::parse(r);
    n.codes = decltype(codes)::parse(r);
    return n;
  }
  constexpr void encode(writer& w) const {
    name.encode(w);
    entries.encode(w);
    codes.encode(w);
  }
  friend constexpr bool operator==(const nested&, const nested&) = default;
};

// Iterating a parsed item_vector cannot fail: the items it yields re-encode
// to exactly the vector's body.
template <class Vector>
void check_items(const Vector& v, bytes_view input) {
  std::size_t total = 0;
  std::size_t count = 0;
  for (const auto& item : v) {
    total += encoded_size(item);
    ++count;
  }
  require(total == v.wire_bytes().size(), "items of a parsed item_vector do not add up to its body", input);
  require(count == v.size(), "item_vector::size() disagrees with iteration", input);
  require((count == 0) == v.empty(), "item_vector::empty() disagrees with iteration", input);
}

template <class Vector>
void items_target(bytes_view in) {
  if (!round_trip<Vector>(in)) return;
  check_items(*decode<Vector>(in), in);
}

inline void run(bytes_view in) {
  current_target() = "wire_vectors";
  switch (take_selector(in) % 9) {
    case 0: (void)round_trip<code_vector<code16, 2, 65534>>(in); break;  // CipherSuite cipher_suites<2..2^16-2>
    case 1: (void)round_trip<code_vector<code8, 1, 255>>(in); break;     // legacy_compression_methods<1..2^8-1>
    case 2: (void)round_trip<opaque_vector<0, 32>>(in); break;           // legacy_session_id<0..32>
    case 3: (void)round_trip<opaque_vector<1, 16777215>>(in); break;     // cert_data<1..2^24-1>
    case 4: items_target<item_vector<entry, 0, 65535>>(in); break;       // client_shares<0..2^16-1>
    case 5: items_target<item_vector<opaque_vector<1, 255>, 2, 65535>>(in); break;  // ProtocolNameList
    case 6: (void)round_trip<nested>(in); break;
    case 7: items_target<item_vector<nested, 1, 16777215>>(in); break;
    case 8: items_target<item_vector<item_vector<opaque_vector<0, 255>, 0, 255>, 0, 65535>>(in); break;
  }
}

}  // namespace tlswire::fuzz::wire_vectors
