#pragma once
// The shape of a crypto provider, one concept per family of algorithms.
//
// A provider is a class. The library never includes a crypto library; key
// schedules, record protection and the engines are templates over a provider
// type P and only ever use what these concepts name. crypto/provider.hpp puts
// them together into `crypto_provider` and says how a provider tells, at
// compile time, which algorithms it has.
//
// Conventions every family follows:
// - Output goes to a caller's span; nothing in this layer allocates (a
//   provider may allocate inside its back end: OpenSSL does).
// - Fallible calls return `status` or `result<std::size_t>` (bytes written);
//   the error carries the alert to send (bad_record_mac for a failed AEAD open,
//   decrypt_error for a bad signature, illegal_parameter for a bad peer key
//   share, internal_error for a back-end failure).
// - Keys are opaque handles owned by the provider: member types the library
//   default-constructs (empty), moves and destroys, never looks into. A handle
//   wipes its key material when destroyed.
// - Hashing, HMAC and HKDF are static and cannot fail on any input except an
//   over-long HKDF-Expand (a back end that fails there, e.g. out of memory,
//   terminates). Everything that needs randomness or a key is a member
//   function of a provider object, which holds e.g. the DRBG state.
#include <concepts>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "tlswire/crypto/algorithms.hpp"
#include "tlswire/registry/protocol_version.hpp"
#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/result.hpp"

namespace tlswire {

// ---------------------------------------------------------------- hashing
// FIPS 180-4, fed in pieces. Copyable: a copy is a snapshot of the running
// state, which is how a transcript hash is taken at several points of the
// handshake (RFC 8446 §4.4.1) without rehashing.
//   H{}                   fresh state
//   h.update(bytes_view)  append
//   h.finish(out)         write exactly H::digest_size bytes; the state is
//                         then spent (start again from H{} or a copy)
template <class H>
concept hash_function = std::default_initializable<H> && std::copyable<H> &&
    requires(H h, bytes_view in, mutable_bytes out) {
      requires std::same_as<std::remove_cv_t<decltype(H::digest_size)>, std::size_t>;
      requires std::same_as<std::remove_cv_t<decltype(H::block_size)>, std::size_t>;
      h.update(in);
      h.finish(out);
    };

namespace detail {
// hash_id -> P's member type (P::sha256, P::sha384); absent = unsupported.
template <class P, hash_id Id>
struct hash_member {};
template <class P>
  requires requires { typename P::sha256; }
struct hash_member<P, hash_id::sha256> {
  using type = typename P::sha256;
};
template <class P>
  requires requires { typename P::sha384; }
struct hash_member<P, hash_id::sha384> {
  using type = typename P::sha384;
};
}  // namespace detail

// P has hash `Id` as a member type (`P::sha256`, `P::sha384`).
template <class P, hash_id Id>
concept provides_hash = requires { typename detail::hash_member<P, Id>::type; } &&
                        hash_function<typename detail::hash_member<P, Id>::type>;

// The provider's type for hash `Id`, e.g. `hash_type<P, hash_id::sha384>`.
template <class P, hash_id Id>
  requires provides_hash<P, Id>
using hash_type = typename detail::hash_member<P, Id>::type;

// RFC 2104 HMAC over the provider's hash H:
//   P::hmac<H>(key, data, out)   one shot; out is H::digest_size bytes
//   P::hmac_state<H>{key}        keyed and incremental (update/finish like a
//                                hash); copyable, so one keyed state MACs many
//                                messages (RFC 5246 §5 P_hash, RFC 5869 §2.3)
template <class P, class H>
concept provides_hmac =
    hash_function<H> && requires(bytes_view key, bytes_view data, mutable_bytes out) {
      P::template hmac<H>(key, data, out);
      typename P::template hmac_state<H>;
    } && std::copyable<typename P::template hmac_state<H>> &&
    std::constructible_from<typename P::template hmac_state<H>, bytes_view> &&
    requires(typename P::template hmac_state<H> m, bytes_view data, mutable_bytes out) {
      m.update(data);
      m.finish(out);
    };

// RFC 5869 HKDF over the provider's hash H:
//   P::hkdf_extract<H>(salt, ikm, prk)     §2.2; prk is H::digest_size bytes
//   P::hkdf_expand<H>(prk, info, okm)      §2.3; false (nothing written) when
//                                          okm is longer than 255 * HashLen
template <class P, class H>
concept provides_hkdf =
    hash_function<H> &&
    requires(bytes_view salt, bytes_view ikm, bytes_view info, mutable_bytes out) {
      P::template hkdf_extract<H>(salt, ikm, out);
      { P::template hkdf_expand<H>(ikm, info, out) } -> std::same_as<bool>;
    };

// Hash `Id` with its HMAC and HKDF: what a TLS 1.3 key schedule or a TLS 1.2
// PRF needs for one cipher suite.
template <class P, hash_id Id>
concept provides_hash_family = provides_hash<P, Id> && provides_hmac<P, hash_type<P, Id>> &&
                               provides_hkdf<P, hash_type<P, Id>>;

// The minimum of every provider: SHA-256 with HMAC and HKDF (every TLS 1.2
// PRF of a non-SHA-384 suite and TLS 1.3's default suite need it). SHA-384 is
// optional: `provider_supports<P>(hash_id::sha384)` tells.
template <class P>
concept hash_provider = provides_hash_family<P, hash_id::sha256>;

// ---------------------------------------------------------------- AEAD
// RFC 5116 AEADs through one keyed handle, `P::aead_key`:
//   P::supports(aead_id) -> bool            constexpr: which AEADs exist
//   k.set_key(aead_id, key) -> status       key is aead_key_size(id) bytes;
//                                           unsupported id -> errc::unsupported
//   k.seal(nonce, aad, plaintext, out)      out = ciphertext || tag, so
//                                           out.size() == plaintext.size() + tag
//   k.open(nonce, aad, ciphertext_and_tag, out)
//                                           out.size() == input - tag; a wrong
//                                           tag (or input shorter than the tag)
//                                           -> errc::bad_record_mac, and out is
//                                           zeroed: unauthenticated plaintext
//                                           never reaches the caller
// nonce is aead_nonce_size bytes. In place or out of place: `out` either
// starts at the input's first byte or does not overlap it at all. A keyed
// handle is reused for every record (only the nonce changes), which is why
// keying is separate from sealing.
template <class P>
concept aead_provider =
    requires { typename P::aead_key; } && std::default_initializable<typename P::aead_key> &&
    std::movable<typename P::aead_key> &&
    requires(typename P::aead_key& k, bytes_view key, bytes_view nonce, bytes_view aad,
             bytes_view in, mutable_bytes out) {
      typename std::bool_constant<P::supports(aead_id::aes_128_gcm)>;  // constexpr
      { k.set_key(aead_id::aes_128_gcm, key) } -> std::same_as<status>;
      { k.seal(nonce, aad, in, out) } -> std::same_as<status>;
      { k.open(nonce, aad, in, out) } -> std::same_as<status>;
    };

// ---------------------------------------------------------------- key exchange
// (EC)DHE for RFC 8446 §4.2.8 key shares and RFC 8422 ServerKeyExchange:
//   P::supports(named_group) -> bool             constexpr
//   p.generate_key_share(group, priv, public_value) -> status
//       priv: P::key_share_private_key (opaque); public_value is
//       key_share_size(group) bytes: X25519's 32 bytes (RFC 7748 §6.1), or
//       the uncompressed point 04 || x || y (RFC 8446 §4.2.8.2)
//   p.derive_shared_secret(priv, peer_public_value, shared) -> status
//       shared is shared_secret_size(group) bytes; a malformed or invalid peer
//       value, or an all-zero X25519 result (RFC 8446 §7.4.2), is an error
//       with alert illegal_parameter
//   p.import_key_share(group, private_value, priv) -> status
//       a known private value instead of a fresh one: X25519's 32-byte scalar
//       (RFC 7748 §5), or the big-endian scalar of a NIST curve. For
//       known-answer tests and recorded traces (RFC 8448), never for live keys.
template <class P>
concept key_exchange_provider =
    requires { typename P::key_share_private_key; } &&
    std::default_initializable<typename P::key_share_private_key> &&
    std::movable<typename P::key_share_private_key> &&
    requires(P& p, typename P::key_share_private_key& priv, bytes_view peer, mutable_bytes out) {
      typename std::bool_constant<P::supports(named_group::x25519)>;  // constexpr
      { p.generate_key_share(named_group::x25519, priv, out) } -> std::same_as<status>;
      { p.derive_shared_secret(std::as_const(priv), peer, out) } -> std::same_as<status>;
      { p.import_key_share(named_group::x25519, peer, priv) } -> std::same_as<status>;
    };

// ---------------------------------------------------------------- private keys
// The server's (or client-auth) private key, loaded from DER (PKCS#8
// PrivateKeyInfo, or the traditional RSAPrivateKey / ECPrivateKey forms):
//   p.load_private_key(der, key) -> status    bad input -> errc::bad_value
// A key the provider cannot use is refused when it is loaded, not later.
template <class P>
concept private_key_provider =
    requires { typename P::private_key; } && std::default_initializable<typename P::private_key> &&
    std::movable<typename P::private_key> &&
    requires(P& p, typename P::private_key& key, bytes_view der) {
      { p.load_private_key(der, key) } -> std::same_as<status>;
    };

// ---------------------------------------------------------------- signatures
// RFC 8446 §4.4.3 CertificateVerify, RFC 5246 §7.4.3 ServerKeyExchange:
//   P::supports(signature_scheme) -> bool    constexpr
//   p.sign(key, scheme, message, out) -> result<std::size_t>
//       signs `message` (the provider hashes it as the scheme says: RSA-PSS
//       with MGF1 and salt length = hash length, RFC 8446 §4.2.3; ECDSA as a
//       DER Ecdsa-Sig-Value; Ed25519 over the message itself); returns the
//       signature's length; a key that does not fit the scheme -> bad_value
//   p.verify(spki, scheme, message, signature) -> status
//       spki is the peer certificate's SubjectPublicKeyInfo DER (RFC 5280
//       §4.1.2.7); a signature that does not verify -> alert decrypt_error
template <class P>
concept signature_provider =
    private_key_provider<P> &&
    requires(P& p, const typename P::private_key& key, bytes_view spki, bytes_view message,
             bytes_view signature, mutable_bytes out) {
      typename std::bool_constant<P::supports(signature_scheme::ed25519)>;  // constexpr
      { p.sign(key, signature_scheme::ed25519, message, out) } -> std::same_as<result<std::size_t>>;
      { p.verify(spki, signature_scheme::ed25519, message, signature) } -> std::same_as<status>;
    };

// ---------------------------------------------------------------- RSA key transport
// TLS 1.2 RSA key exchange (RFC 5246 §7.4.7.1), RSAES-PKCS1-v1_5 (RFC 8017 §7.2):
//   P::supports(key_transport_id::rsa_pkcs1) -> bool   constexpr
//   p.rsa_pkcs1_encrypt(spki, message, out) -> result<std::size_t>
//       to the RSA key in a certificate's SubjectPublicKeyInfo DER; out holds
//       at least the modulus size; returns the ciphertext length
//   p.rsa_premaster_decrypt(key, encrypted, client_version, fallback, premaster) -> status
//       the server's whole §7.4.7.1 step in constant time: premaster (48
//       bytes) is the decrypted message M when its PKCS#1 padding is correct,
//       it is 48 bytes long and starts with client_version; otherwise it is
//       random: `fallback` (48 random bytes the caller drew) or bytes the back
//       end drew itself. No branch, no memory index and no error depends on
//       which; a ciphertext of the wrong size or not below the modulus is
//       public and gives `fallback` too. Errors only for a key that is not
//       RSA (bad_value) or a failing back end (internal_error).
//       crypto/rsa_premaster.hpp has the constant-time select for back ends
//       that only decrypt, and decrypt_rsa_premaster(), which draws `fallback`.
// There is deliberately no raw decryption: its success or failure is the
// Bleichenbacher oracle, and the library has no other use for it.
template <class P>
concept rsa_key_transport_provider =
    private_key_provider<P> &&
    requires(P& p, const typename P::private_key& key, bytes_view in, mutable_bytes out) {
      typename std::bool_constant<P::supports(key_transport_id::rsa_pkcs1)>;  // constexpr
      { p.rsa_pkcs1_encrypt(in, in, out) } -> std::same_as<result<std::size_t>>;
      {
        p.rsa_premaster_decrypt(key, in, protocol_version::tls12, in, out)
      } -> std::same_as<status>;
    };

// ---------------------------------------------------------------- randomness
// Client/server randoms, key generation, the RSA premaster countermeasure:
//   p.random(out) -> status     fills out from a cryptographically secure source
template <class P>
concept random_provider = requires(P& p, mutable_bytes out) {
  { p.random(out) } -> std::same_as<status>;
};

}  // namespace tlswire
