#pragma once
// reference_provider: hashing, HMAC and HKDF written in this library, all
// constexpr, so key schedules can be computed and checked at compile time.
//
// It satisfies `hash_provider` and `provides_hash_family<P, hash_id::sha384>`
// of crypto/concepts.hpp (checked in tests/providers/provider_test.cpp; the
// reference headers need nothing from crypto/, so they do not include it).
// That shape, in short:
//
//   struct some_provider {
//     using sha256 = ...;   // one type per supported hash; absent = unsupported
//     using sha384 = ...;
//     // A hash type H has:
//     //   static constexpr std::size_t digest_size, block_size;
//     //   H{}                       fresh state; copyable (transcript snapshots)
//     //   h.update(bytes_view)      append
//     //   h.finish(mutable_bytes)   write exactly digest_size bytes
//
//     template <class H> using hmac_state = ...;  // incremental HMAC over H:
//     //   hmac_state<H>(key), .update(bytes_view), .finish(mutable_bytes); copyable,
//     //   so a keyed state can be reused for several messages (TLS 1.2 PRF).
//
//     template <class H> static void hmac(bytes_view key, bytes_view data, mutable_bytes out);
//     template <class H> static void hkdf_extract(bytes_view salt, bytes_view ikm, mutable_bytes prk);
//     template <class H> [[nodiscard]] static bool hkdf_expand(bytes_view prk, bytes_view info,
//                                                              mutable_bytes okm);
//   };
//
// Beyond that shape, the reference states also offer `H::hash(data)` and
// `h.finish()` returning std::array, and finish() leaves a state fresh.
//
// Outputs go to caller spans; `out`/`prk` are exactly H::digest_size bytes,
// hkdf_expand returns false (and writes nothing) when okm is longer than
// 255 * digest_size (RFC 5869 §2.3). Functions are static: nothing here needs
// per-instance state.
//
// Why the hash is a type and the MAC/KDF are functions templated on it: the
// cipher suite picks the hash (RFC 8446 §B.4, RFC 5246 §5), and generic key
// schedules then name `P::sha256` and call `P::template hkdf_expand<H>(...)`.
//
// Secrets: every state here wipes itself when destroyed and when finished;
// temporaries holding key material are wiped before returning.
#include "tlswire/providers/reference/hkdf.hpp"
#include "tlswire/providers/reference/hmac.hpp"
#include "tlswire/providers/reference/sha256.hpp"
#include "tlswire/providers/reference/sha512.hpp"
#include "tlswire/wire/bytes.hpp"

namespace tlswire {

struct reference_provider {
  using sha256 = reference::sha256;  // FIPS 180-4 §6.2
  using sha384 = reference::sha384;  // FIPS 180-4 §6.5

  template <reference::incremental_hash Hash>
  using hmac_state = reference::hmac<Hash>;  // RFC 2104

  // RFC 2104: out = HMAC-Hash(key, data), digest_size bytes.
  template <reference::incremental_hash Hash>
  static constexpr void hmac(bytes_view key, bytes_view data, mutable_bytes out) noexcept {
    reference::hmac<Hash>::mac(key, data, out);
  }

  // RFC 5869 §2.2
  template <reference::incremental_hash Hash>
  static constexpr void hkdf_extract(bytes_view salt, bytes_view ikm, mutable_bytes prk) noexcept {
    reference::hkdf_extract<Hash>(salt, ikm, prk);
  }

  // RFC 5869 §2.3
  template <reference::incremental_hash Hash>
  [[nodiscard]] static constexpr bool hkdf_expand(bytes_view prk, bytes_view info,
                                                  mutable_bytes okm) noexcept {
    return reference::hkdf_expand<Hash>(prk, info, okm);
  }
};

}  // namespace tlswire
