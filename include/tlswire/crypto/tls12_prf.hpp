#pragma once
// The TLS 1.2 pseudorandom function (RFC 5246 §5), generic over a provider P
// and its hash H: P_SHA256 for most suites, P_SHA384 for the SHA-384 ones.
// With reference_provider it runs in constant evaluation.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tlswire/crypto/concepts.hpp"
#include "tlswire/wire/bytes.hpp"

namespace tlswire {

namespace detail {

// Feeds ASCII text (a PRF label) to a MAC as bytes, a chunk at a time: a
// string_view cannot be reinterpreted as bytes in constant evaluation.
template <class Mac>
constexpr void update_with_text(Mac& mac, std::string_view text) noexcept {
  std::array<std::uint8_t, 64> chunk{};
  while (!text.empty()) {
    const std::size_t n = text.size() < chunk.size() ? text.size() : chunk.size();
    for (std::size_t i = 0; i < n; ++i) chunk[i] = static_cast<std::uint8_t>(text[i]);
    mac.update(bytes_view(chunk.data(), n));
    text.remove_prefix(n);
  }
}

// P_hash(secret, seed) with seed = label || seed_a || seed_b, fed in pieces so
// the caller never concatenates (client_random || server_random).
template <class P, class H>
constexpr void p_hash_parts(bytes_view secret, std::string_view label, bytes_view seed_a,
                            bytes_view seed_b, mutable_bytes out) noexcept {
  using mac = typename P::template hmac_state<H>;
  constexpr std::size_t hash_len = H::digest_size;
  const mac keyed(secret);  // the key is absorbed once, then copied per HMAC
  const auto add_seed = [&](mac& m) {
    update_with_text(m, label);
    m.update(seed_a);
    m.update(seed_b);
  };

  std::array<std::uint8_t, hash_len> a{};      // A(i)
  std::array<std::uint8_t, hash_len> block{};  // HMAC_hash(secret, A(i) + seed)
  {
    mac m = keyed;  // A(1) = HMAC_hash(secret, A(0)), A(0) = seed
    add_seed(m);
    m.finish(a);
  }
  std::size_t written = 0;
  while (written < out.size()) {
    mac m = keyed;
    m.update(a);
    add_seed(m);
    m.finish(block);
    const std::size_t n = out.size() - written < hash_len ? out.size() - written : hash_len;
    for (std::size_t i = 0; i < n; ++i) out.data()[written + i] = block[i];
    written += n;
    if (written < out.size()) {
      mac next = keyed;  // A(i+1) = HMAC_hash(secret, A(i))
      next.update(a);
      next.finish(a);
    }
  }
  secure_wipe(a);
  secure_wipe(block);
}

}  // namespace detail

// RFC 5246 §5
//   P_hash(secret, seed) = HMAC_hash(secret, A(1) + seed) +
//                          HMAC_hash(secret, A(2) + seed) + ...
//   A(0) = seed, A(i) = HMAC_hash(secret, A(i-1))
// Fills all of `out` (P_hash has no length limit). `out` may alias `secret`
// when P's HMAC absorbs its key at construction (reference_provider does);
// it must not overlap `seed`.
template <class P, class H>
  requires provides_hmac<P, H>
constexpr void p_hash(bytes_view secret, bytes_view seed, mutable_bytes out) noexcept {
  detail::p_hash_parts<P, H>(secret, {}, seed, {}, out);
}

// RFC 5246 §5: PRF(secret, label, seed) = P_<hash>(secret, label + seed).
template <class P, class H>
  requires provides_hmac<P, H>
constexpr void tls12_prf(bytes_view secret, std::string_view label, bytes_view seed,
                         mutable_bytes out) noexcept {
  detail::p_hash_parts<P, H>(secret, label, seed, {}, out);
}

// The same with the seed in two parts, as every TLS 1.2 use has it:
// master_secret (client_random + server_random, RFC 5246 §8.1), key_expansion
// (server_random + client_random, §6.3), extended_master_secret
// (session_hash, RFC 7627 §4) with seed_b empty.
template <class P, class H>
  requires provides_hmac<P, H>
constexpr void tls12_prf(bytes_view secret, std::string_view label, bytes_view seed_a,
                         bytes_view seed_b, mutable_bytes out) noexcept {
  detail::p_hash_parts<P, H>(secret, label, seed_a, seed_b, out);
}

}  // namespace tlswire
