#pragma once
// crypto_provider: everything a TLS handshake needs from a crypto back end,
// and how a provider says at compile time which algorithms it has.
//
// A provider satisfies the family concepts of crypto/concepts.hpp it
// implements. Code asks for no more than it uses: a TLS 1.3 key schedule
// needs `hash_provider`, record protection `aead_provider`, a full engine
// `crypto_provider`. Within a family the provider's constexpr `supports()`
// says which algorithms exist; `provider_supports<P>(x)` asks uniformly (and
// is false for a whole family the provider does not implement), and
// `require_support<P, x>` turns a missing algorithm into a compile error that
// names it:
//
//   static_assert(require_support<P, aead_id::chacha20_poly1305>);
//   // error: static assertion failed: tlswire: this crypto provider does not
//   //        support ChaCha20-Poly1305 (RFC 8439)
//
// What code over a provider looks like (a record layer keyed for one suite):
//
//   template <class P>
//     requires aead_provider<P>
//   status protect(typename P::aead_key& key, bytes_view nonce, bytes_view header,
//                  mutable_bytes record, std::size_t plaintext_size) {
//     return key.seal(nonce, header, record.first(plaintext_size), record);  // in place
//   }
//
// and for hashing, the hash is a type chosen by the suite:
//
//   using H = hash_type<P, hash_id::sha384>;
//   H transcript;  transcript.update(message);  H snapshot = transcript;
//   P::template hkdf_extract<H>(salt, ikm, prk);
//
// Runtime choices (the negotiated suite or group) are checked with
// provider_supports<P>(id) before use; a provider's member functions refuse
// an unsupported id with errc::unsupported rather than misbehaving.
//
// Providers in this library:
//   reference_provider (providers/reference/provider.hpp)  hash family only, constexpr
//   openssl_provider   (providers/openssl.hpp, opt-in)     everything
//   mbedtls_provider   (providers/mbedtls.hpp, opt-in)     everything but Ed25519
#include "tlswire/crypto/algorithms.hpp"
#include "tlswire/crypto/concepts.hpp"

namespace tlswire {

// A provider for the whole handshake: hashes with HMAC/HKDF, AEADs, key
// exchange, signatures, RSA key transport and randomness. Which algorithms of
// each family it has is up to the provider (see provider_supports).
template <class P>
concept crypto_provider = hash_provider<P> && aead_provider<P> && key_exchange_provider<P> &&
                          signature_provider<P> && rsa_key_transport_provider<P> &&
                          random_provider<P>;

// ---------------------------------------------------------------- what a provider has
template <class P>
constexpr bool provider_supports(hash_id h) noexcept {
  if (h == hash_id::sha384) return provides_hash_family<P, hash_id::sha384>;
  return provides_hash_family<P, hash_id::sha256>;
}

template <class P>
constexpr bool provider_supports(aead_id a) noexcept {
  if constexpr (aead_provider<P>)
    return P::supports(a);
  else
    return false;
}

template <class P>
constexpr bool provider_supports(named_group g) noexcept {
  if constexpr (key_exchange_provider<P>)
    return key_share_size(g) != 0 && P::supports(g);
  else
    return false;
}

template <class P>
constexpr bool provider_supports(signature_scheme s) noexcept {
  if constexpr (signature_provider<P>)
    return P::supports(s);
  else
    return false;
}

template <class P>
constexpr bool provider_supports(key_transport_id t) noexcept {
  if constexpr (rsa_key_transport_provider<P>)
    return P::supports(t);
  else
    return false;
}

// ---------------------------------------------------------------- requiring an algorithm
// `require_support<P, Algorithm>` is true, or the build stops with a message
// naming the algorithm P lacks. One static_assert per algorithm, because a
// static_assert message must be a literal.
namespace detail {

template <class P, auto Algorithm>
struct requirement;

template <class P, hash_id H>
struct requirement<P, H> {
  static_assert(H != hash_id::sha256 || provider_supports<P>(H),
                "tlswire: this crypto provider does not support SHA-256 with HMAC and HKDF");
  static_assert(H != hash_id::sha384 || provider_supports<P>(H),
                "tlswire: this crypto provider does not support SHA-384 with HMAC and HKDF");
  static constexpr bool value = true;
};

template <class P, aead_id A>
struct requirement<P, A> {
  static_assert(A != aead_id::aes_128_gcm || provider_supports<P>(A),
                "tlswire: this crypto provider does not support AES-128-GCM (RFC 5116)");
  static_assert(A != aead_id::aes_256_gcm || provider_supports<P>(A),
                "tlswire: this crypto provider does not support AES-256-GCM (RFC 5116)");
  static_assert(A != aead_id::chacha20_poly1305 || provider_supports<P>(A),
                "tlswire: this crypto provider does not support ChaCha20-Poly1305 (RFC 8439)");
  static_assert(A != aead_id::aes_128_ccm || provider_supports<P>(A),
                "tlswire: this crypto provider does not support AES-128-CCM (RFC 5116)");
  static_assert(A != aead_id::aes_128_ccm_8 || provider_supports<P>(A),
                "tlswire: this crypto provider does not support AES-128-CCM-8 (RFC 6655)");
  static constexpr bool value = true;
};

template <class P, named_group G>
struct requirement<P, G> {
  static_assert(G != named_group::x25519 || provider_supports<P>(G),
                "tlswire: this crypto provider does not support X25519 key exchange (RFC 7748)");
  static_assert(G != named_group::secp256r1 || provider_supports<P>(G),
                "tlswire: this crypto provider does not support secp256r1 key exchange");
  static_assert(G != named_group::secp384r1 || provider_supports<P>(G),
                "tlswire: this crypto provider does not support secp384r1 key exchange");
  static_assert(key_share_size(G) != 0 || provider_supports<P>(G),
                "tlswire: no provider in this library supports this named_group");
  static constexpr bool value = true;
};

template <class P, signature_scheme S>
struct requirement<P, S> {
  static_assert(S != signature_scheme::rsa_pss_rsae_sha256 || provider_supports<P>(S),
                "tlswire: this crypto provider does not support rsa_pss_rsae_sha256");
  static_assert(S != signature_scheme::rsa_pss_rsae_sha384 || provider_supports<P>(S),
                "tlswire: this crypto provider does not support rsa_pss_rsae_sha384");
  static_assert(S != signature_scheme::rsa_pkcs1_sha256 || provider_supports<P>(S),
                "tlswire: this crypto provider does not support rsa_pkcs1_sha256");
  static_assert(S != signature_scheme::rsa_pkcs1_sha384 || provider_supports<P>(S),
                "tlswire: this crypto provider does not support rsa_pkcs1_sha384");
  static_assert(S != signature_scheme::ecdsa_secp256r1_sha256 || provider_supports<P>(S),
                "tlswire: this crypto provider does not support ecdsa_secp256r1_sha256");
  static_assert(S != signature_scheme::ecdsa_secp384r1_sha384 || provider_supports<P>(S),
                "tlswire: this crypto provider does not support ecdsa_secp384r1_sha384");
  static_assert(S != signature_scheme::ed25519 || provider_supports<P>(S),
                "tlswire: this crypto provider does not support ed25519 (RFC 8032)");
  static_assert(provider_supports<P>(S),
                "tlswire: this crypto provider does not support this signature scheme");
  static constexpr bool value = true;
};

template <class P, key_transport_id T>
struct requirement<P, T> {
  static_assert(provider_supports<P>(T),
                "tlswire: this crypto provider does not support RSA key transport "
                "(RSAES-PKCS1-v1_5, RFC 5246 §7.4.7.1)");
  static constexpr bool value = true;
};

}  // namespace detail

template <class P, auto Algorithm>
inline constexpr bool require_support = detail::requirement<P, Algorithm>::value;

}  // namespace tlswire
