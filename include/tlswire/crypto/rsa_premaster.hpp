#pragma once
// The server's side of TLS 1.2 RSA key transport, with the Bleichenbacher
// countermeasure of RFC 5246 §7.4.7.1 on top of a provider's raw decryption.
#include <array>
#include <cstddef>
#include <cstdint>

#include <gsl/assert>

#include "tlswire/crypto/provider.hpp"
#include "tlswire/registry/protocol_version.hpp"
#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/result.hpp"

namespace tlswire {

// RFC 5246 §7.4.7.1: PreMasterSecret = client_version || random[46].
inline constexpr std::size_t rsa_premaster_size = 48;

namespace detail {
// 0xff when x == 0, else 0x00, without a branch on x.
constexpr std::uint8_t mask_if_zero(std::size_t x) noexcept {
  // (x | -x) has its top bit set exactly when x != 0.
  const std::size_t nonzero = (x | (std::size_t{0} - x)) >> (sizeof(std::size_t) * 8 - 1);
  return static_cast<std::uint8_t>(nonzero - 1);
}
}  // namespace detail

// RFC 5246 §7.4.7.1, the server decrypting EncryptedPreMasterSecret:
//
//   1. Generate a string R of 48 random bytes
//   2. Decrypt the message to recover the plaintext M
//   3. If the PKCS#1 padding is not correct, or the length of message
//      M is not exactly 48 bytes:
//         pre_master_secret = R
//      else:
//         pre_master_secret = ClientHello.client_version || M[2..47]
//
// so a bad ciphertext is never reported here: the handshake goes on with a
// random premaster and fails at Finished, indistinguishable from any other
// wrong key. R is drawn before decryption and the choice between R and M is
// a constant-time select, so no branch and no early return depends on the
// decryption's outcome (the provider's own decryption must be constant time:
// OpenSSL's and mbedTLS's PKCS#1 v1.5 decryption are written to be).
// (The "version check explicitly disabled" variant for TLS 1.0 clients is
// not offered.) The only error is a failing random source (internal_error).
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

  std::array<std::uint8_t, rsa_premaster_size> r{};  // step 1
  TLSWIRE_CHECK(provider.random(r));

  // Step 2. A message longer than 48 bytes does not fit `m` and fails to
  // decrypt, which is as good as "not exactly 48 bytes".
  std::array<std::uint8_t, rsa_premaster_size> m{};
  const result<std::size_t> decrypted = provider.rsa_pkcs1_decrypt(key, encrypted_premaster, m);
  const std::size_t failed = static_cast<std::size_t>(!decrypted.ok());
  const std::size_t length = decrypted.ok() ? decrypted.value() : 0;

  // Step 3: keep = 0xff when decryption succeeded with exactly 48 bytes.
  const std::uint8_t keep = detail::mask_if_zero(failed | (length ^ rsa_premaster_size));
  m[0] = static_cast<std::uint8_t>(static_cast<std::uint16_t>(client_version) >> 8);
  m[1] = static_cast<std::uint8_t>(static_cast<std::uint16_t>(client_version) & 0xff);
  for (std::size_t i = 0; i < rsa_premaster_size; ++i)
    premaster.data()[i] =
        static_cast<std::uint8_t>((m[i] & keep) | (r[i] & static_cast<std::uint8_t>(~keep)));

  secure_wipe(m);
  secure_wipe(r);
  return {};
}

}  // namespace tlswire
