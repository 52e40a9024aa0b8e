#pragma once
// The fast reading of validate(client_hello)'s facts, for
// validate_hello.hpp: the §4.2 list rules from an extension_scan that rode
// along the parse, and supported_versions, supported_groups and key_share
// read straight from their bytes, checking as they go the framing their
// typed decode checks. validate_hello.hpp's `typed_facts` is the
// definition: both give the same result, code, alert and offset on every
// input (fuzz/targets/client_hello_rules.hpp checks it; so do the mutation
// tests in tests/messages/validate_hello_test.cpp).
//
// For a malformed extension the typed decode runs, to report what is wrong
// and where. Should it accept what the byte reading refused — the two
// readings disagree, a bug here — the hello is refused with internal_error
// rather than the process stopped.
#include <cstddef>
#include <cstdint>

#include "tlswire/extensions/allowed.hpp"
#include "tlswire/extensions/extension.hpp"
#include "tlswire/extensions/key_share.hpp"
#include "tlswire/extensions/supported_groups.hpp"
#include "tlswire/extensions/supported_versions.hpp"
#include "tlswire/registry/protocol_version.hpp"
#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/error.hpp"
#include "tlswire/wire/reader.hpp"
#include "tlswire/wire/result.hpp"

namespace tlswire::validate_detail {

constexpr error illegal(std::size_t at) noexcept {
  return make_error(errc::bad_value, alert_description::illegal_parameter, at);
}

// The typed extension a scan found, its decode errors at its data in the
// caller's input.
template <typed_extension Ext>
constexpr result<Ext> decode_at(const extension_list::located& found) {
  return decode_extension_data<Ext>(found.value.data, found.offset + 4);
}

// The typed decode's error for an extension the byte reading refused.
template <typed_extension Ext>
constexpr error decode_error_of(const extension_list::located& found) {
  const auto typed = decode_at<Ext>(found);
  if (typed) return make_error(errc::internal, found.offset);
  return typed.error();
}

// True when the 2-byte code points in `wire` (a parsed code_vector's bytes)
// include `value`.
constexpr bool contains_u16(bytes_view wire, std::uint16_t value) noexcept {
  const std::uint8_t* p = wire.data();
  for (std::size_t i = 0; i + 2 <= wire.size(); i += 2)
    if (load_u16_be(p + i) == value) return true;
  return false;
}

// The wire bytes of the code points of an extension that is one
// code_vector, named by a pointer to it: &supported_groups::named_group_list.
template <typed_extension Ext, class Vector>
constexpr result<bytes_view> code_vector_bytes(Vector Ext::* /*the vector*/, const extension_list::located& found) {
  if (const auto items = whole_vector(found.value.data, Vector::min_bytes, Vector::max_bytes, Vector::width))
    return *items;
  return decode_error_of<Ext>(found);
}

// The facts validate_detail::check_client_hello asks for, from a scan of
// the list and the bytes of three extensions.
struct fast_facts {
  const extension_list& list;
  const extension_scan& scan;

  constexpr status duplicates() const noexcept { return scan.duplicates(list); }
  constexpr status table() const noexcept { return scan.table(list); }
  constexpr status pre_shared_key_last() const noexcept { return scan.pre_shared_key_last(list); }
  constexpr bool contains(extension_type type) const noexcept { return scan.contains(type); }
  // Inlined: out of line (clang 14), each lookup cost a call.
  [[gnu::always_inline]] constexpr extension_list::located find(extension_type type) const noexcept {
    return scan.find(list, type);
  }

  constexpr result<bool> offers_tls13(const extension_list::located& versions_at) const {
    const auto versions = code_vector_bytes(&supported_versions_client_hello::versions, versions_at);
    if (!versions) return versions.error();
    return contains_u16(*versions, to_underlying(protocol_version::tls13));
  }

  // See typed_facts::key_shares for the rules and their order; here in one
  // walk of the key shares.
  constexpr status key_shares(const extension_list::located& shares_at,
                              const extension_list::located& groups_at) const {
    const auto groups = code_vector_bytes(&supported_groups::named_group_list, groups_at);
    const bytes_view data = shares_at.value.data;
    const std::uint8_t* const p = data.data();
    const std::size_t size = data.size();
    // KeyShareEntry client_shares<0..2^16-1>; each { NamedGroup group;
    // opaque key_exchange<1..2^16-1>; }
    bool framed = size >= 2 && load_u16_be(p) == size - 2;
    bool repeated = false;
    bool unlisted = false;
    std::uint64_t seen = 0;  // a bit per (group mod 64): rescan only on a hit
    for (std::size_t pos = 2; framed && pos != size;) {
      const std::size_t length = size - pos < 4 ? 0 : load_u16_be(p + pos + 2);
      if (length == 0 || length > size - pos - 4) {
        framed = false;
        break;
      }
      const std::uint16_t group = load_u16_be(p + pos);
      const std::uint64_t bit = std::uint64_t{1} << (group & 63);
      if ((seen & bit) != 0) {
        for (std::size_t q = 2; q < pos; q += 4 + std::size_t{load_u16_be(p + q + 2)})
          repeated = repeated || load_u16_be(p + q) == group;
      }
      seen |= bit;
      unlisted = unlisted || (groups.ok() && !contains_u16(*groups, group));
      pos += 4 + length;
    }
    if (!framed) return decode_error_of<key_share_client_hello>(shares_at);
    if (!groups) return groups.error();
    if (repeated) return make_error(errc::bad_value, shares_at.offset);
    if (unlisted) return illegal(shares_at.offset);
    return {};
  }
};

}  // namespace tlswire::validate_detail
