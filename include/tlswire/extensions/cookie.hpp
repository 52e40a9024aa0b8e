#pragma once
// cookie: RFC 8446 §4.2.2.
#include "tlswire/extensions/extension.hpp"
#include "tlswire/wire/vector.hpp"

namespace tlswire {

// RFC 8446 §4.2.2 — HelloRetryRequest, echoed in the second ClientHello
//   struct {
//       opaque cookie<1..2^16-1>;
//   } Cookie;
struct cookie {
  static constexpr extension_type type = extension_type::cookie;
  opaque_vector<1, 65535> cookie;

  static constexpr tlswire::cookie parse(reader& r) noexcept { return {decltype(cookie)::parse(r)}; }
  constexpr void encode(writer& w) const noexcept { cookie.encode(w); }
  friend constexpr bool operator==(const tlswire::cookie&, const tlswire::cookie&) = default;
};

}  // namespace tlswire
