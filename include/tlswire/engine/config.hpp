#pragma once
// The compile-time configuration of a TLS 1.3 engine: which cipher suites,
// key exchange groups and signature schemes it supports, in preference
// order. Only what a configuration names is instantiated (a configuration
// without a SHA-384 suite never instantiates SHA-384), so firmware links
// only what it uses; every algorithm named must be one the provider has
// (checked when the engine is instantiated, with a message naming it).
//
//   struct my_config {
//     static constexpr std::array cipher_suites{cipher_suite::tls_aes_128_gcm_sha256};
//     static constexpr std::array groups{named_group::x25519};
//     static constexpr std::array signature_schemes{signature_scheme::ecdsa_secp256r1_sha256};
//     static constexpr bool middlebox_compatibility = true;
//   };
//
// A negotiated suite becomes its hash and AEAD through crypto/visit_suite.hpp
// (visit_suite<P, Config::cipher_suites>), which also bounds what is
// instantiated by this list.
#include <array>
#include <cstddef>
#include <optional>

#include "tlswire/crypto/algorithms.hpp"
#include "tlswire/crypto/provider.hpp"
#include "tlswire/crypto/suite_algorithms.hpp"
#include "tlswire/crypto/visit_suite.hpp"
#include "tlswire/registry/cipher_suite.hpp"
#include "tlswire/registry/named_group.hpp"
#include "tlswire/registry/signature_scheme.hpp"

namespace tlswire::engine {

// RFC 8446 §B.4 suites, RFC 8446 §9.1's mandatory groups and schemes, and
// what interoperates today (X25519 and P-256; ECDSA, RSA-PSS, Ed25519).
struct default_config {
  static constexpr std::array cipher_suites{cipher_suite::tls_aes_128_gcm_sha256,
                                            cipher_suite::tls_aes_256_gcm_sha384,
                                            cipher_suite::tls_chacha20_poly1305_sha256};
  static constexpr std::array groups{named_group::x25519, named_group::secp256r1};
  static constexpr std::array signature_schemes{
      signature_scheme::ecdsa_secp256r1_sha256, signature_scheme::rsa_pss_rsae_sha256,
      signature_scheme::ed25519, signature_scheme::rsa_pss_rsae_sha384};
  // RFC 8446 §D.4: a non-empty legacy_session_id and dummy change_cipher_spec records.
  static constexpr bool middlebox_compatibility = true;
};

template <class C>
concept engine_config = requires {
  { C::cipher_suites.size() } -> std::convertible_to<std::size_t>;
  { C::groups.size() } -> std::convertible_to<std::size_t>;
  { C::signature_schemes.size() } -> std::convertible_to<std::size_t>;
  { C::middlebox_compatibility } -> std::convertible_to<bool>;
} && C::cipher_suites.size() > 0 && C::groups.size() > 0 && C::signature_schemes.size() > 0;

template <class Range, class T>
constexpr bool contains(const Range& range, T value) noexcept {
  for (const auto& v : range)
    if (v == value) return true;
  return false;
}

// What a negotiated TLS 1.3 suite runs on (RFC 8446 §B.4), kept at run time.
struct negotiated_suite {
  cipher_suite suite{};
  hash_id hash = hash_id::sha256;
  aead_id aead = aead_id::aes_128_gcm;
};

// True when a suite of Config runs on `hash`: which key schedules get instantiated.
template <class Config>
constexpr bool uses_hash(hash_id hash) noexcept {
  for (cipher_suite s : Config::cipher_suites)
    if (const auto info = find_cipher_suite_info(s); info && hash_of(*info) == hash) return true;
  return false;
}

// Every algorithm Config names is one P has: true, or a build error naming
// the first that is missing (crypto/provider.hpp require_support).
template <class P, class Config>
constexpr bool check_config() noexcept {
  static_assert(uses_hash<Config>(hash_id::sha256) || uses_hash<Config>(hash_id::sha384),
                "tlswire: the engine configuration lists no TLS 1.3 cipher suite");
  static_assert(require_support<P, hash_id::sha256>);  // the minimum of every provider
  if constexpr (uses_hash<Config>(hash_id::sha384)) static_assert(require_support<P, hash_id::sha384>);
  for (cipher_suite s : Config::cipher_suites) {
    const auto info = find_cipher_suite_info(s);
    if (!info || !info->tls13 || !provider_supports<P>(s)) return false;
  }
  for (named_group g : Config::groups)
    if (!provider_supports<P>(g)) return false;
  for (signature_scheme s : Config::signature_schemes)
    if (!provider_supports<P>(s)) return false;
  return true;
}

}  // namespace tlswire::engine
