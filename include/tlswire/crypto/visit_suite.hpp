#pragma once
// Run-time suite dispatch: from the cipher suite a peer named (a run-time
// value) to the provider's types for it (compile-time), without a switch in
// every caller.
//
//   return visit_suite<P>(server_hello.suite, [&](auto suite) -> status {
//     using S = decltype(suite);
//     tls13_key_schedule<P, typename S::hash> schedule;   // the suite's hash
//     ... traffic_keys_for(secret, S::aead) ...            // and its AEAD
//   });
//
// f is called with an `aead_suite<P, Hash, Aead, Tls13>`: the hash as a
// provider type, the AEAD, the sizes record protection needs, all as
// compile-time constants; the suite's code point and its TLS 1.2 key
// exchange / authentication as the run-time `info`.
//
// What gets instantiated: f once per (hash, AEAD, version) combination that
// both the provider P has and the caller's suite list `Suites` names — never
// per suite (TLS 1.2 has ~60 AEAD suites but a handful of combinations), and
// never for an algorithm P lacks: a firmware build whose provider has only
// SHA-256 and AES-128-GCM links one copy of f. The facts about a suite stay
// in the registry (registry/cipher_suite.hpp's table) and
// crypto/suite_algorithms.hpp; this header only reads them.
//
// Refusals (never UB, f not called):
//   - a value the registry does not describe (unknown, GREASE, SCSV, EXPORT,
//     SM4, AEGIS): errc::bad_value, illegal_parameter — no peer may select
//     it (RFC 8446 §4.1.3, RFC 5246 §7.4.1.3);
//   - a described suite this build cannot run (CBC, RC4, NULL, integrity-only,
//     AES-256-CCM; an AEAD or hash P lacks; a suite not in `Suites`):
//     errc::unsupported, handshake_failure (RFC 8446 §4.1.1).
// A client that receives a suite it did not offer sends illegal_parameter
// (RFC 8446 §4.1.3) whatever visit_suite says: it checks its offer first.
#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "tlswire/crypto/algorithms.hpp"
#include "tlswire/crypto/concepts.hpp"
#include "tlswire/crypto/provider.hpp"
#include "tlswire/crypto/suite_algorithms.hpp"
#include "tlswire/registry/cipher_suite.hpp"
#include "tlswire/wire/error.hpp"
#include "tlswire/wire/result.hpp"

namespace tlswire {

// A suite whose records an AEAD protects and whose PRF / HKDF hash is SHA-256
// or SHA-384: what visit_suite can dispatch (RFC 8446 §B.4; RFC 5288, RFC
// 6655, RFC 7905 for TLS 1.2), whatever a provider has.
constexpr bool is_aead_suite(const cipher_suite_info& info) noexcept {
  return aead_of(info).has_value() && hash_of(info).has_value();
}

namespace detail {

template <class Keep>
constexpr std::size_t count_suite_rows(Keep keep) noexcept {
  std::size_t n = 0;
  for (const cipher_suite_info& row : cipher_suite_infos)
    if (keep(row)) ++n;
  return n;
}

template <std::size_t N, class Keep>
constexpr std::array<cipher_suite, N> suite_rows(Keep keep) noexcept {
  std::array<cipher_suite, N> out{};
  std::size_t i = 0;
  for (const cipher_suite_info& row : cipher_suite_infos)
    if (keep(row)) out[i++] = row.suite;
  return out;
}

constexpr bool is_tls13_aead_suite(const cipher_suite_info& info) noexcept {
  return info.tls13 && is_aead_suite(info);
}

}  // namespace detail

// Every AEAD suite of the registry, sorted by code point: visit_suite's
// default list.
inline constexpr auto aead_cipher_suites =
    detail::suite_rows<detail::count_suite_rows(is_aead_suite)>(is_aead_suite);

// The TLS 1.3 AEAD suites (RFC 8446 §B.4): a list for a TLS 1.3-only build.
inline constexpr auto tls13_cipher_suites =
    detail::suite_rows<detail::count_suite_rows(detail::is_tls13_aead_suite)>(
        detail::is_tls13_aead_suite);

namespace detail {

// The first registry row with this hash, AEAD and version: every row of one
// combination has the same record sizes (tests/crypto/visit_suite_test.cpp
// checks it), so its sizes are the combination's.
constexpr cipher_suite_info first_row_of(hash_id hash, aead_id aead, bool tls13) noexcept {
  for (const cipher_suite_info& row : cipher_suite_infos)
    if (is_aead_suite(row) && *hash_of(row) == hash && *aead_of(row) == aead && row.tls13 == tls13)
      return row;
  return cipher_suite_infos[0];  // not reached: aead_suite is only made for a listed combination
}

}  // namespace detail

// What f receives: one suite's algorithms as types and constants.
template <class P, hash_id Hash, aead_id Aead, bool Tls13>
struct aead_suite {
  using provider = P;
  // TLS 1.2: the PRF's hash (RFC 5246 §5); TLS 1.3: HKDF's and the
  // transcript's (RFC 8446 §7.1).
  using hash = hash_type<P, Hash>;
  static constexpr hash_id prf_hash = Hash;
  static constexpr aead_id aead = Aead;
  static constexpr bool tls13 = Tls13;

 private:
  static constexpr cipher_suite_info row = detail::first_row_of(Hash, Aead, Tls13);

 public:
  static constexpr std::size_t hash_length = digest_size(Hash);
  // RFC 8446 §7.3 key_length / RFC 5246 §6.3 enc_key_length.
  static constexpr std::size_t key_length = row.key_length;
  // RFC 8446 §5.3 iv_length (12); TLS 1.2: the implicit part from the key
  // block (RFC 5288 §3 salt: 4; RFC 7905 §2: 12).
  static constexpr std::size_t iv_length = row.fixed_iv_length;
  // TLS 1.2 GCM/CCM nonce_explicit sent in each record (8); else 0.
  static constexpr std::size_t record_iv_length = row.record_iv_length;
  static constexpr std::size_t tag_length = row.tag_length;
  // RFC 8446 §4.4.4 Hash.length; RFC 5246 §7.4.9: 12.
  static constexpr std::size_t verify_data_length = row.verify_data_length();

  // The negotiated suite itself: its code point, and for TLS 1.2 the key
  // exchange and authentication (which the dispatch leaves at run time).
  cipher_suite_info info;

  constexpr cipher_suite suite() const noexcept { return info.suite; }
};

// Whether P can carry out `suite`: an AEAD suite whose hash family (hash,
// HMAC, HKDF) and AEAD P has. constexpr: an engine filters its offer with it.
template <class P>
constexpr bool provider_supports(cipher_suite suite) noexcept {
  const auto info = find_cipher_suite_info(suite);
  if (!info || !is_aead_suite(*info)) return false;
  return provider_supports<P>(*hash_of(*info)) && provider_supports<P>(*aead_of(*info));
}

namespace detail {

// The (hash, AEAD, version) combinations, numbered: 2 hashes x 5 AEADs x 2.
inline constexpr std::size_t suite_combinations = 2 * std::size(all_aeads) * 2;

struct combination {
  hash_id hash;
  aead_id aead;
  bool tls13;
};

constexpr combination combination_at(std::size_t i) noexcept {
  return {i / (2 * std::size(all_aeads)) == 0 ? hash_id::sha256 : hash_id::sha384,
          all_aeads[(i / 2) % std::size(all_aeads)], i % 2 == 1};
}

template <class P>
constexpr bool combination_available(combination c) noexcept {
  if (c.hash == hash_id::sha384 && !provides_hash_family<P, hash_id::sha384>) return false;
  if (c.hash == hash_id::sha256 && !provides_hash_family<P, hash_id::sha256>) return false;
  return provider_supports<P>(c.aead);
}

// Does `Suites` name a suite of combination `c` that P supports?
template <class P, const auto& Suites>
constexpr bool combination_used(combination c) noexcept {
  if (!combination_available<P>(c)) return false;
  for (cipher_suite s : Suites) {
    const auto info = find_cipher_suite_info(s);
    if (info && is_aead_suite(*info) && *hash_of(*info) == c.hash && *aead_of(*info) == c.aead &&
        info->tls13 == c.tls13)
      return true;
  }
  return false;
}

template <class P, std::size_t I>
using suite_at = aead_suite<P, combination_at(I).hash, combination_at(I).aead,
                            combination_at(I).tls13>;

// f's return type: that of the first combination in use (all must agree);
// status when none is (a provider without AEADs: every suite is refused).
template <class P, const auto& Suites, class F, std::size_t I = 0>
constexpr auto visit_result() noexcept {
  if constexpr (I == suite_combinations) {
    return std::type_identity<status>{};
  } else if constexpr (combination_used<P, Suites>(combination_at(I))) {
    return std::type_identity<std::invoke_result_t<F&, suite_at<P, I>>>{};
  } else {
    return visit_result<P, Suites, F, I + 1>();
  }
}

template <class R, class P, const auto& Suites, class F, std::size_t... I>
constexpr R dispatch_suite(const cipher_suite_info& info, combination c, F& f,
                           std::index_sequence<I...>) {
  R out = make_error(errc::unsupported, alert_description::handshake_failure, 0);
  // One comparison per combination in use; the unused ones compile to nothing.
  const auto try_one = [&]<std::size_t J>(std::integral_constant<std::size_t, J>) -> bool {
    if constexpr (combination_used<P, Suites>(combination_at(J))) {
      constexpr combination here = combination_at(J);
      if (c.hash == here.hash && c.aead == here.aead && c.tls13 == here.tls13) {
        static_assert(std::is_same_v<std::invoke_result_t<F&, suite_at<P, J>>, R>,
                      "tlswire: visit_suite's f must return the same type for every suite");
        out = f(suite_at<P, J>{info});
        return true;
      }
    }
    return false;
  };
  (try_one(std::integral_constant<std::size_t, I>{}) || ...);
  return out;
}

}  // namespace detail

// Calls f(aead_suite<P, ...>{info}) for `suite` and returns what f returns
// (status or result<T>, the same type for every suite), or the refusal
// described at the top of this header. `Suites`: the suites the caller
// allows (an engine's configured list; default every AEAD suite); it also
// bounds what is instantiated.
template <class P, const auto& Suites = aead_cipher_suites, class F>
  requires hash_provider<P>
constexpr auto visit_suite(cipher_suite suite, F&& f) ->
    typename decltype(detail::visit_result<P, Suites, F>())::type {
  using R = typename decltype(detail::visit_result<P, Suites, F>())::type;
  static_assert(std::is_constructible_v<R, error>,
                "tlswire: visit_suite's f must return status or result<T>");
  const auto info = find_cipher_suite_info(suite);
  if (!info) return make_error(errc::bad_value, alert_description::illegal_parameter, 0);
  bool listed = false;
  for (cipher_suite s : Suites) listed = listed || s == suite;
  if (!listed || !is_aead_suite(*info))
    return make_error(errc::unsupported, alert_description::handshake_failure, 0);
  const detail::combination c{*hash_of(*info), *aead_of(*info), info->tls13};
  return detail::dispatch_suite<R, P, Suites>(
      *info, c, f, std::make_index_sequence<detail::suite_combinations>{});
}

// Calls f(std::type_identity<hash_type<P, hash>>{}) and returns what f
// returns; a hash P lacks is refused (errc::unsupported, handshake_failure).
// For what needs only the hash, e.g. a TLS 1.2 Finished under any suite.
template <class P, class F>
  requires hash_provider<P>
constexpr auto visit_hash(hash_id hash, F&& f)
    -> std::invoke_result_t<F&, std::type_identity<hash_type<P, hash_id::sha256>>> {
  using R = std::invoke_result_t<F&, std::type_identity<hash_type<P, hash_id::sha256>>>;
  static_assert(std::is_constructible_v<R, error>,
                "tlswire: visit_hash's f must return status or result<T>");
  if (hash == hash_id::sha256) return f(std::type_identity<hash_type<P, hash_id::sha256>>{});
  if constexpr (provides_hash_family<P, hash_id::sha384>) {
    if (hash == hash_id::sha384) return f(std::type_identity<hash_type<P, hash_id::sha384>>{});
  }
  return make_error(errc::unsupported, alert_description::handshake_failure, 0);
}

}  // namespace tlswire
