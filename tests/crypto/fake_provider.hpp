#pragma once
// A test double with every family of crypto/concepts.hpp: SHA-256 from the
// reference provider, everything else scripted, so the concept layer and the
// code on top of it (decrypt_rsa_premaster) can be tested without a back end.
// It supports a deliberate subset, to test provider_supports().
#include <array>
#include <cstddef>
#include <cstdint>

#include "tlswire/crypto/algorithms.hpp"
#include "tlswire/crypto/rsa_premaster.hpp"
#include "tlswire/providers/reference/provider.hpp"
#include "tlswire/wire/result.hpp"

namespace tlswire::test {

struct fake_provider {
  using sha256 = reference_provider::sha256;
  template <class H>
  using hmac_state = reference_provider::hmac_state<H>;
  template <class H>
  static constexpr void hmac(bytes_view key, bytes_view data, mutable_bytes out) {
    reference_provider::hmac<H>(key, data, out);
  }
  template <class H>
  static constexpr void hkdf_extract(bytes_view salt, bytes_view ikm, mutable_bytes prk) {
    reference_provider::hkdf_extract<H>(salt, ikm, prk);
  }
  template <class H>
  [[nodiscard]] static constexpr bool hkdf_expand(bytes_view prk, bytes_view info,
                                                  mutable_bytes okm) {
    return reference_provider::hkdf_expand<H>(prk, info, okm);
  }

  static constexpr bool supports(aead_id a) { return a != aead_id::chacha20_poly1305; }
  static constexpr bool supports(named_group g) { return g == named_group::x25519; }
  static constexpr bool supports(signature_scheme s) {
    return s == signature_scheme::rsa_pss_rsae_sha256;
  }
  static constexpr bool supports(key_transport_id) { return true; }

  struct aead_key {
    status set_key(aead_id, bytes_view) { return {}; }
    status seal(bytes_view, bytes_view, bytes_view, mutable_bytes) { return {}; }
    status open(bytes_view, bytes_view, bytes_view, mutable_bytes) { return {}; }
  };
  struct key_share_private_key {};
  struct private_key {};

  status generate_key_share(named_group, key_share_private_key&, mutable_bytes) { return {}; }
  status derive_shared_secret(const key_share_private_key&, bytes_view, mutable_bytes) {
    return {};
  }
  status import_key_share(named_group, bytes_view, key_share_private_key&) { return {}; }
  status load_private_key(bytes_view, private_key&) { return {}; }
  result<std::size_t> sign(const private_key&, signature_scheme, bytes_view, mutable_bytes) {
    return std::size_t{0};
  }
  status verify(bytes_view, signature_scheme, bytes_view, bytes_view) { return {}; }
  result<std::size_t> rsa_pkcs1_encrypt(bytes_view, bytes_view, mutable_bytes) {
    return std::size_t{0};
  }

  // Scripted decryption: the back end's RSA operation gives a 128-byte
  // PKCS#1 block 00 02 PS 00 M with M the first `decrypted_length` bytes of
  // `decrypted`, or a block of type 01 when `decrypt_fails`; the rest is the
  // library's constant-time select, as in the provider over Mbed TLS.
  std::array<std::uint8_t, 64> decrypted{};
  std::size_t decrypted_length = 48;
  bool decrypt_fails = false;
  status rsa_premaster_decrypt(const private_key&, bytes_view, protocol_version client_version,
                               bytes_view fallback, mutable_bytes premaster) {
    std::array<std::uint8_t, 128> em{};
    const std::size_t m = em.size() - decrypted_length;
    em[1] = decrypt_fails ? 0x01 : 0x02;
    for (std::size_t i = 2; i < m - 1; ++i) em[i] = 0x11;
    for (std::size_t i = 0; i < decrypted_length; ++i) em[m + i] = decrypted[i];
    select_rsa_premaster(0, em, client_version, fallback, premaster);
    return {};
  }

  // Random bytes: `random_byte`, `random_byte + 1`, ... (so a test can tell R
  // from M); fails when `random_fails`.
  std::uint8_t random_byte = 0xa0;
  bool random_fails = false;
  status random(mutable_bytes out) {
    if (random_fails) return make_error(errc::crypto_failure, 0);
    for (auto& b : out) b = random_byte++;
    return {};
  }
};

}  // namespace tlswire::test
