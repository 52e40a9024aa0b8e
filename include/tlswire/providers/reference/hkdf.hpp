#pragma once
// HKDF (RFC 5869), constexpr, over any incremental hash of this folder's shape.
#include <array>
#include <cstddef>
#include <cstdint>

#include <gsl/assert>

#include "tlswire/providers/reference/hmac.hpp"
#include "tlswire/wire/bytes.hpp"

namespace tlswire::reference {

// RFC 5869 §2.2: PRK = HMAC-Hash(salt, IKM). `prk` is exactly HashLen bytes.
// An empty salt is the same as HashLen zero bytes (HMAC pads the key with
// zeros either way), as the RFC requires when salt is "not provided".
template <incremental_hash Hash>
constexpr void hkdf_extract(bytes_view salt, bytes_view ikm, mutable_bytes prk) noexcept {
  Expects(prk.size() == Hash::digest_size);
  hmac<Hash> m(salt);
  m.update(ikm);
  m.finish(prk);
}

// RFC 5869 §2.3: OKM = first L octets of T(1) | T(2) | ..., where
// T(i) = HMAC-Hash(PRK, T(i-1) | info | i) and T(0) is empty; L = okm.size().
// Returns false, writing nothing, when L > 255 * HashLen.
// `okm` may alias `prk` (the key is absorbed before any output is written),
// but must not overlap `info`.
template <incremental_hash Hash>
[[nodiscard]] constexpr bool hkdf_expand(bytes_view prk, bytes_view info,
                                         mutable_bytes okm) noexcept {
  constexpr std::size_t hash_len = Hash::digest_size;
  if (okm.size() > 255 * hash_len) return false;

  const hmac<Hash> keyed(prk);
  std::array<std::uint8_t, hash_len> t{};
  std::size_t written = 0;
  for (unsigned counter = 1; written < okm.size(); ++counter) {
    hmac<Hash> m = keyed;
    if (counter > 1) m.update(t);
    m.update(info);
    const std::array<std::uint8_t, 1> octet{static_cast<std::uint8_t>(counter)};
    m.update(octet);
    m.finish(t);
    const std::size_t n = okm.size() - written < hash_len ? okm.size() - written : hash_len;
    for (std::size_t i = 0; i < n; ++i) okm.data()[written + i] = t[i];
    written += n;
  }
  secure_wipe(t);
  return true;
}

}  // namespace tlswire::reference
