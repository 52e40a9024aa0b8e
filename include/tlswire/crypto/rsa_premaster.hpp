#pragma once
// The server's side of TLS 1.2 RSA key transport: the Bleichenbacher
// countermeasure of RFC 5246 §7.4.7.1, done in constant time.
//
// The whole step — decrypt, check padding, length and version, choose between
// the message and a random premaster — happens inside the provider
// (rsa_premaster_decrypt, crypto/concepts.hpp), because only there are the
// back end's outcomes still values rather than branches: OpenSSL 3 does the
// choice itself (RSA_PKCS1_WITH_TLS_PADDING), and for a back end that does
// not (Mbed TLS) the provider hands the raw RSA result to
// select_rsa_premaster() below. decrypt_rsa_premaster() draws the random
// premaster and calls the provider.
//
// "Constant time" here means: no branch and no memory index depends on the
// decrypted bytes, on whether the padding was good, or on the message length
// (tests/constant_time/ checks that under valgrind; bench/ has a timing test).
#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include <gsl/assert>

#include "tlswire/crypto/provider.hpp"
#include "tlswire/registry/protocol_version.hpp"
#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/result.hpp"

namespace tlswire {

// RFC 5246 §7.4.7.1: PreMasterSecret = client_version || random[46].
inline constexpr std::size_t rsa_premaster_size = 48;

namespace detail {

// Returns v, but the compiler can no longer see where v came from, so it
// cannot turn the mask arithmetic below back into a branch or a table load
// (g++ -O3 and clang -O2 did both to the plain version). As BoringSSL's
// value_barrier_w: an empty asm that claims to read and rewrite v. A volatile
// round trip where inline asm is unknown; nothing at compile time, where
// timing does not exist.
template <class T>
  requires std::is_unsigned_v<T>
constexpr T value_barrier(T v) noexcept {
  if (std::is_constant_evaluated()) return v;
#if defined(__GNUC__) || defined(__clang__)
  __asm__("" : "+r"(v));
  return v;
#else
  volatile T hidden = v;
  return hidden;
#endif
}

// 0xff when x == 0, else 0x00, without a branch on x.
constexpr std::uint8_t mask_if_zero(std::size_t x) noexcept {
  // (x | -x) has its top bit set exactly when x != 0.
  const std::size_t nonzero =
      value_barrier((x | (std::size_t{0} - x)) >> (sizeof(std::size_t) * 8 - 1));
  return static_cast<std::uint8_t>(nonzero - 1);
}

// mask ? a : b per byte, for mask 0xff or 0x00.
constexpr std::uint8_t select_byte(std::uint8_t mask, std::uint8_t a, std::uint8_t b) noexcept {
  const std::uint8_t m = value_barrier(mask);
  return static_cast<std::uint8_t>((m & a) | (static_cast<std::uint8_t>(~m) & b));
}

}  // namespace detail

// RFC 5246 §7.4.7.1 after the raw RSA private operation, for a provider
// whose back end does not make the choice itself (Mbed TLS, test doubles):
//
//   1. Generate a string R of 48 random bytes              (`fallback`)
//   2. Decrypt the message to recover the plaintext M      (the back end's
//      RSADP gives the encoded message EM, RFC 8017 §7.2.2 step 2: k bytes,
//      k the modulus size; `decrypt_error` is 0 when that worked)
//   3. If the PKCS#1 padding is not correct, or the length of message
//      M is not exactly 48 bytes:
//         pre_master_secret = R
//      else:
//         pre_master_secret = ClientHello.client_version || M[2..47]
//
// Because M must be 48 bytes, a good EM has a fixed shape (RFC 8017 §7.2.2
// step 3): 0x00 0x02, then k - 51 nonzero padding bytes, 0x00, then M. Every
// byte is checked, the same ones whatever they hold, and M is taken from
// fixed positions: no branch and no index depends on EM or decrypt_error.
// A general unpadding would have to move M by a secret offset; this never
// does (it is what OpenSSL's RSA_PKCS1_WITH_TLS_PADDING does too).
//
// One deliberate difference from the RFC's text: an M whose first two bytes
// are not client_version also gives R (as OpenSSL's
// RSA_PKCS1_WITH_TLS_PADDING and BoringSSL do). The RFC's choice would put
// client_version in front of M[2..47]; either way a client that wrote another
// version fails at Finished, but this way every provider gives the same
// premaster for the same ciphertext. (The "version check explicitly
// disabled" variant for TLS 1.0 clients is not offered.)
inline constexpr std::size_t rsa_premaster_min_modulus_size = rsa_premaster_size + 11;

constexpr void select_rsa_premaster(std::size_t decrypt_error, bytes_view encoded_message,
                                    protocol_version client_version, bytes_view fallback,
                                    mutable_bytes premaster) noexcept {
  Expects(fallback.size() == rsa_premaster_size && premaster.size() == rsa_premaster_size);
  const std::uint8_t* em = encoded_message.data();
  const std::size_t k = encoded_message.size();
  if (k < rsa_premaster_min_modulus_size) {  // public: the key's size; no 48-byte M fits
    for (std::size_t i = 0; i < rsa_premaster_size; ++i)
      premaster.data()[i] = fallback.data()[i];
    return;
  }
  const std::size_t m = k - rsa_premaster_size;  // where M starts
  const auto version = static_cast<std::uint16_t>(client_version);
  std::size_t bad = decrypt_error | em[0] | (em[1] ^ 0x02u) | em[m - 1] |
                    (em[m] ^ (version >> 8)) | (em[m + 1] ^ (version & 0xffu));
  for (std::size_t i = 2; i < m - 1; ++i) bad |= detail::mask_if_zero(em[i]);  // PS: no zero
  const std::uint8_t keep = detail::mask_if_zero(bad);
  for (std::size_t i = 0; i < rsa_premaster_size; ++i)
    premaster.data()[i] = detail::select_byte(keep, em[m + i], fallback.data()[i]);
}

// The server decrypting EncryptedPreMasterSecret (RFC 5246 §7.4.7.1): draws
// R and lets the provider do the rest in constant time. A bad ciphertext is
// never reported: the handshake goes on with a random premaster and fails at
// Finished, indistinguishable from any other wrong key. The only errors are
// a failing random source or back end (internal_error) and a key that is not
// RSA — neither depends on the ciphertext.
//
// `premaster` is rsa_premaster_size bytes; `client_version` is the version
// the client offered in ClientHello.legacy_version.
template <class P>
  requires rsa_key_transport_provider<P> && random_provider<P>
[[nodiscard]] status decrypt_rsa_premaster(P& provider, const typename P::private_key& key,
                                           bytes_view encrypted_premaster,
                                           protocol_version client_version,
                                           mutable_bytes premaster) {
  static_assert(require_support<P, key_transport_id::rsa_pkcs1>);
  Expects(premaster.size() == rsa_premaster_size);

  std::array<std::uint8_t, rsa_premaster_size> r{};  // step 1, before anything is decrypted
  status s = provider.random(r);
  if (s.ok())
    s = provider.rsa_premaster_decrypt(key, encrypted_premaster, client_version, r, premaster);
  secure_wipe(r);
  if (!s.ok()) secure_wipe(premaster);
  return s;
}

}  // namespace tlswire
