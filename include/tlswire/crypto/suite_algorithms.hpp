#pragma once
// From a negotiated cipher suite (registry/cipher_suite.hpp) to the provider
// algorithms that carry it out: which AEAD protects records, which hash runs
// the PRF / HKDF and the transcript. Empty for a suite this library's
// providers have no algorithm for (CBC, RC4, SM4, AEGIS, ...).
#include <optional>

#include "tlswire/crypto/algorithms.hpp"
#include "tlswire/registry/cipher_suite.hpp"

namespace tlswire {

// RFC 8446 §B.4, RFC 5288, RFC 6655, RFC 7905: the record AEAD of a suite.
constexpr std::optional<aead_id> aead_of(bulk_cipher_algorithm cipher) noexcept {
  switch (cipher) {
    case bulk_cipher_algorithm::aes_128_gcm: return aead_id::aes_128_gcm;
    case bulk_cipher_algorithm::aes_256_gcm: return aead_id::aes_256_gcm;
    case bulk_cipher_algorithm::chacha20_poly1305: return aead_id::chacha20_poly1305;
    case bulk_cipher_algorithm::aes_128_ccm: return aead_id::aes_128_ccm;
    case bulk_cipher_algorithm::aes_128_ccm_8: return aead_id::aes_128_ccm_8;
    default: return std::nullopt;
  }
}
constexpr std::optional<aead_id> aead_of(const cipher_suite_info& suite) noexcept {
  return aead_of(suite.cipher);
}

// RFC 5246 §5 (PRF hash), RFC 8446 §7.1 (HKDF and transcript hash).
constexpr std::optional<hash_id> hash_of(hash_algorithm hash) noexcept {
  switch (hash) {
    case hash_algorithm::sha256: return hash_id::sha256;
    case hash_algorithm::sha384: return hash_id::sha384;
    default: return std::nullopt;
  }
}
constexpr std::optional<hash_id> hash_of(const cipher_suite_info& suite) noexcept {
  return hash_of(suite.prf_hash);
}

}  // namespace tlswire
