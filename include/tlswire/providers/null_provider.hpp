#pragma once
// insecure_null_provider_for_fuzzing: a crypto provider that does no
// cryptography at all, so fuzz targets and tests can drive key schedules,
// record protection and handshake engines past every MAC, tag and signature
// check with inputs a fuzzer invents.
//
//   hashes      a trivial checksum (digest sizes of SHA-256/SHA-384)
//   HMAC/HKDF   that checksum over key || data (deterministic, keyed in name only)
//   AEAD        identity: ciphertext = plaintext, tag = zeros, every tag verifies
//   signatures  always the same bytes; every signature verifies
//   key share   fixed public values and fixed shared secrets
//   RSA         PKCS#1 v1.5 framing, no encryption
//   random      a counter
//
// NEVER use it outside fuzz/ and tests/: it accepts forged handshakes and
// sends plaintext. To make that hard to do by accident it refuses to compile
// unless the including file says, by defining the macro below, that it knows.
#ifndef TLSWIRE_I_KNOW_NULL_CRYPTO_IS_INSECURE_FOR_FUZZING_ONLY
#error "tlswire/providers/null_provider.hpp provides NO security; it is for fuzz/ and tests/ only. \
Define TLSWIRE_I_KNOW_NULL_CRYPTO_IS_INSECURE_FOR_FUZZING_ONLY in a fuzz target or test to use it."
#endif

#include <array>
#include <cstddef>
#include <cstdint>

#include "tlswire/crypto/algorithms.hpp"
#include "tlswire/crypto/concepts.hpp"
#include "tlswire/crypto/rsa_premaster.hpp"
#include "tlswire/registry/named_group.hpp"
#include "tlswire/registry/signature_scheme.hpp"
#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/error.hpp"
#include "tlswire/wire/result.hpp"

namespace tlswire {

namespace null_crypto_detail {

// A checksum with a hash's shape (crypto/concepts.hpp hash_function): each
// input byte is added into one output byte and xored into the next, and the
// total length is folded in at the end. Deterministic and cheap; it collides
// trivially, which is the point — nothing it protects is protected.
template <std::size_t Digest, std::size_t Block>
class checksum {
 public:
  static constexpr std::size_t digest_size = Digest;
  static constexpr std::size_t block_size = Block;

  constexpr void update(bytes_view in) noexcept {
    for (std::uint8_t b : in) {
      const std::size_t i = length_ % Digest;
      state_[i] = static_cast<std::uint8_t>(state_[i] + b + 1);
      state_[(i + 1) % Digest] = static_cast<std::uint8_t>(state_[(i + 1) % Digest] ^ b);
      ++length_;
    }
  }
  // Writes exactly digest_size bytes (out must hold them) and starts over.
  constexpr void finish(mutable_bytes out) noexcept {
    std::uint64_t n = length_;
    for (std::size_t i = 0; i < Digest && i < out.size(); ++i) {
      out[i] = static_cast<std::uint8_t>(state_[i] ^ static_cast<std::uint8_t>(n));
      n = (n >> 8) | (n << 56);
    }
    *this = checksum{};
  }
  constexpr std::array<std::uint8_t, Digest> finish() noexcept {
    std::array<std::uint8_t, Digest> out{};
    finish(mutable_bytes(out));
    return out;
  }

 private:
  std::array<std::uint8_t, Digest> state_{};
  std::uint64_t length_ = 0;
};

}  // namespace null_crypto_detail

struct insecure_null_provider_for_fuzzing {
  // ---- hashes: SHA-256/SHA-384 sizes (FIPS 180-4), checksum contents
  using sha256 = null_crypto_detail::checksum<32, 64>;
  using sha384 = null_crypto_detail::checksum<48, 128>;

  // ---- HMAC (RFC 2104 shape): checksum(key || data)
  template <class H>
  class hmac_state {
   public:
    constexpr hmac_state() noexcept = default;
    constexpr explicit hmac_state(bytes_view key) noexcept { hash_.update(key); }
    constexpr void update(bytes_view data) noexcept { hash_.update(data); }
    constexpr void finish(mutable_bytes out) noexcept { hash_.finish(out); }

   private:
    H hash_{};
  };

  template <class H>
  static constexpr void hmac(bytes_view key, bytes_view data, mutable_bytes out) noexcept {
    hmac_state<H> m(key);
    m.update(data);
    m.finish(out);
  }

  // ---- HKDF (RFC 5869 shape): extract = hmac(salt, ikm); expand fills okm
  // block by block with hmac(prk, info || counter), refusing more than
  // 255 blocks like the real thing (§2.3).
  template <class H>
  static constexpr void hkdf_extract(bytes_view salt, bytes_view ikm, mutable_bytes prk) noexcept {
    hmac<H>(salt, ikm, prk);
  }
  template <class H>
  [[nodiscard]] static constexpr bool hkdf_expand(bytes_view prk, bytes_view info, mutable_bytes okm) noexcept {
    if (okm.size() > 255 * H::digest_size) return false;
    std::array<std::uint8_t, H::digest_size> block{};
    std::uint8_t counter = 1;
    for (std::size_t done = 0; done < okm.size(); done += H::digest_size, ++counter) {
      hmac_state<H> m(prk);
      m.update(info);
      const std::array<std::uint8_t, 1> c{counter};
      m.update(as_view(c));
      m.finish(mutable_bytes(block));
      for (std::size_t i = 0; i < H::digest_size && done + i < okm.size(); ++i) okm[done + i] = block[i];
    }
    return true;
  }

  // ---- AEAD (RFC 5116 shape): identity, tag of zeros that always verifies
  static constexpr bool supports(aead_id) noexcept { return true; }

  class aead_key {
   public:
    constexpr aead_key() noexcept = default;
    constexpr status set_key(aead_id id, bytes_view key) noexcept {
      if (key.size() != aead_key_size(id)) return make_error(errc::bad_value, alert_description::internal_error, no_offset);
      id_ = id;
      keyed_ = true;
      return {};
    }
    // out = plaintext || zero tag.
    constexpr status seal(bytes_view nonce, bytes_view aad, bytes_view plaintext, mutable_bytes out) const noexcept {
      (void)aad;
      const std::size_t tag = aead_tag_size(id_);
      if (!keyed_ || nonce.size() != aead_nonce_size || out.size() != plaintext.size() + tag)
        return make_error(errc::crypto_failure, alert_description::internal_error, no_offset);
      copy_forward(plaintext, out);
      for (std::size_t i = 0; i < tag; ++i) out[plaintext.size() + i] = 0;
      return {};
    }
    // out = input without its tag; any tag verifies, but an input shorter
    // than a tag is still bad_record_mac (out zeroed), as the concept says.
    constexpr status open(bytes_view nonce, bytes_view aad, bytes_view sealed, mutable_bytes out) const noexcept {
      (void)aad;
      const std::size_t tag = aead_tag_size(id_);
      if (!keyed_ || nonce.size() != aead_nonce_size)
        return make_error(errc::crypto_failure, alert_description::internal_error, no_offset);
      if (sealed.size() < tag || out.size() != sealed.size() - tag) {
        for (auto& b : out) b = 0;
        return make_error(errc::bad_record_mac, no_offset);
      }
      copy_forward(sealed.first(out.size()), out);
      return {};
    }

   private:
    // In place (out starts at in) or disjoint: a forward copy is right for both.
    static constexpr void copy_forward(bytes_view in, mutable_bytes out) noexcept {
      for (std::size_t i = 0; i < in.size(); ++i) out[i] = in[i];
    }
    aead_id id_ = aead_id::aes_128_gcm;
    bool keyed_ = false;
  };

  // ---- key exchange (RFC 8446 §4.2.8 shape): fixed values
  static constexpr bool supports(named_group g) noexcept { return key_share_size(g) != 0; }

  struct key_share_private_key {
    named_group group{};
  };
  constexpr status generate_key_share(named_group group, key_share_private_key& priv,
                                      mutable_bytes public_value) noexcept {
    if (!supports(group) || public_value.size() != key_share_size(group))
      return make_error(errc::unsupported, alert_description::internal_error, no_offset);
    priv.group = group;
    for (auto& b : public_value) b = 0x42;
    if (group != named_group::x25519) public_value[0] = 0x04;  // an "uncompressed point"
    return {};
  }
  // A "known private value" (crypto/concepts.hpp): only the group is kept.
  constexpr status import_key_share(named_group group, bytes_view private_value,
                                    key_share_private_key& priv) const noexcept {
    (void)private_value;
    if (!supports(group)) return make_error(errc::unsupported, alert_description::internal_error, no_offset);
    priv.group = group;
    return {};
  }
  // Any peer value is accepted: fuzzed key shares must get past this step.
  constexpr status derive_shared_secret(const key_share_private_key& priv, bytes_view peer,
                                        mutable_bytes shared) const noexcept {
    (void)peer;
    if (shared.size() != shared_secret_size(priv.group))
      return make_error(errc::crypto_failure, alert_description::internal_error, no_offset);
    for (auto& b : shared) b = 0x5e;
    return {};
  }

  // ---- private keys: anything loads
  struct private_key {};
  constexpr status load_private_key(bytes_view der, private_key& key) const noexcept {
    (void)der;
    (void)key;
    return {};
  }

  // ---- signatures: a fixed 64-byte "signature", and every one verifies
  static constexpr std::size_t signature_size = 64;
  static constexpr bool supports(signature_scheme) noexcept { return true; }
  constexpr result<std::size_t> sign(const private_key&, signature_scheme, bytes_view message,
                                     mutable_bytes out) const noexcept {
    (void)message;
    if (out.size() < signature_size) return make_error(errc::buffer_too_small, alert_description::internal_error, no_offset);
    for (std::size_t i = 0; i < signature_size; ++i) out[i] = 0x5a;
    return signature_size;
  }
  constexpr status verify(bytes_view spki, signature_scheme, bytes_view message, bytes_view signature) const noexcept {
    (void)spki;
    (void)message;
    (void)signature;
    return {};
  }

  // ---- RSA key transport (RFC 5246 §7.4.7.1 shape): identity
  static constexpr bool supports(key_transport_id) noexcept { return true; }
  // "Encryption" frames the message as a PKCS#1 v1.5 block without
  // encrypting it (00 02, eight 0xff, 00, message); "decryption" takes the
  // ciphertext as that block.
  constexpr result<std::size_t> rsa_pkcs1_encrypt(bytes_view spki, bytes_view message,
                                                  mutable_bytes out) const noexcept {
    (void)spki;
    if (out.size() < message.size() + 11) return make_error(errc::buffer_too_small, alert_description::internal_error, no_offset);
    out[0] = 0x00;
    out[1] = 0x02;
    for (std::size_t i = 2; i < 10; ++i) out[i] = 0xff;
    out[10] = 0x00;
    for (std::size_t i = 0; i < message.size(); ++i) out[11 + i] = message[i];
    return message.size() + 11;
  }
  constexpr status rsa_premaster_decrypt(const private_key&, bytes_view encrypted,
                                         protocol_version client_version, bytes_view fallback,
                                         mutable_bytes premaster) const noexcept {
    select_rsa_premaster(0, encrypted, client_version, fallback, premaster);
    return {};
  }

  // ---- randomness: a counter, so runs replay exactly
  constexpr status random(mutable_bytes out) noexcept {
    for (auto& b : out) b = static_cast<std::uint8_t>(counter_++);
    return {};
  }

 private:
  std::uint64_t counter_ = 0;
};

}  // namespace tlswire
