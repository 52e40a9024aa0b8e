#pragma once
// Record decryption for the dissector, through the OpenSSL provider:
//  - TLS 1.3 (RFC 8446 §7.3, §5.2/§5.3): key and iv from a traffic secret with
//    HKDF-Expand-Label and the suite's hash; nonce = iv XOR sequence number;
//    additional data = the record header.
//  - TLS 1.2 AEAD suites (RFC 5246 §6.3, RFC 5288 §3, RFC 7905 §2): the key
//    block from the master secret with the PRF; GCM/CCM take a 4-byte salt
//    and the record's 8-byte explicit nonce, ChaCha20-Poly1305 XORs the
//    sequence number into a 12-byte iv; additional data = seq_num + type +
//    version + plaintext length.
#include <array>
#include <cstdint>
#include <optional>
#include <type_traits>
#include <vector>

#include "tlswire/crypto/hkdf_label.hpp"
#include "tlswire/crypto/tls12_prf.hpp"
#include "tlswire/providers/openssl.hpp"
#include "tlswire/record/record.hpp"
#include "tlswire/registry/cipher_suite.hpp"

namespace tlswire_dump {

using provider = tlswire::openssl_provider;

// The AEAD of a bulk cipher, or nothing for CBC/stream suites (not decrypted).
inline std::optional<tlswire::aead_id> aead_of(tlswire::bulk_cipher_algorithm c) {
  using tlswire::bulk_cipher_algorithm;
  switch (c) {
    case bulk_cipher_algorithm::aes_128_gcm: return tlswire::aead_id::aes_128_gcm;
    case bulk_cipher_algorithm::aes_256_gcm: return tlswire::aead_id::aes_256_gcm;
    case bulk_cipher_algorithm::chacha20_poly1305: return tlswire::aead_id::chacha20_poly1305;
    case bulk_cipher_algorithm::aes_128_ccm: return tlswire::aead_id::aes_128_ccm;
    case bulk_cipher_algorithm::aes_128_ccm_8: return tlswire::aead_id::aes_128_ccm_8;
    default: return std::nullopt;
  }
}

// Calls f(std::type_identity<H>{}) with the provider's hash for `h`.
template <class F>
bool with_hash(tlswire::hash_algorithm h, F&& f) {
  if (h == tlswire::hash_algorithm::sha256) return f(std::type_identity<provider::sha256>{});
  if (h == tlswire::hash_algorithm::sha384) return f(std::type_identity<provider::sha384>{});
  return false;
}

// One direction's read keys.
class record_keys {
 public:
  // RFC 8446 §7.3: [sender]_write_key / _iv from a traffic secret.
  bool set_tls13(const tlswire::cipher_suite_info& suite, tlswire::bytes_view secret) {
    const auto aead = aead_of(suite.cipher);
    if (!aead) return false;
    suite_ = suite;
    secret_.assign(secret.begin(), secret.end());
    std::array<std::uint8_t, 32> key{};
    const tlswire::mutable_bytes key_out(key.data(), tlswire::aead_key_size(*aead));
    const bool ok = with_hash(suite.prf_hash, [&](auto h) {
      using H = typename decltype(h)::type;
      return tlswire::hkdf_expand_label<provider, H>(secret, "key", {}, key_out) &&
             tlswire::hkdf_expand_label<provider, H>(secret, "iv", {}, iv_);
    });
    if (!ok || !aead_.set_key(*aead, key_out).ok()) return false;
    tls13_ = true;
    seq_ = 0;
    ready_ = true;
    return true;
  }

  // RFC 8446 §7.2: application_traffic_secret_N+1 after a KeyUpdate.
  bool update_tls13() {
    if (!ready_ || !tls13_) return false;
    std::vector<std::uint8_t> next(secret_.size());
    const bool ok = with_hash(suite_.prf_hash, [&](auto h) {
      using H = typename decltype(h)::type;
      return tlswire::hkdf_expand_label<provider, H>(secret_, "traffic upd", {}, next);
    });
    return ok && set_tls13(suite_, next);
  }

  // RFC 5246 §6.3: write key and (salt or whole) iv from the key block.
  bool set_tls12(const tlswire::cipher_suite_info& suite, tlswire::bytes_view key, tlswire::bytes_view iv) {
    const auto aead = aead_of(suite.cipher);
    if (!aead || !aead_.set_key(*aead, key).ok()) return false;
    suite_ = suite;
    iv_ = {};
    for (std::size_t i = 0; i < iv.size() && i < iv_.size(); ++i) iv_[i] = iv[i];
    tls13_ = false;
    seq_ = 0;
    ready_ = true;
    return true;
  }

  bool ready() const { return ready_; }

  // Opens `rec`; the plaintext goes to `out`. The sequence number advances
  // only on success, so a record that does not open can be retried.
  bool open(const tlswire::record& rec, std::vector<std::uint8_t>& out) {
    if (!ready_) return false;
    const auto aead = aead_of(suite_.cipher);
    const std::size_t tag = tlswire::aead_tag_size(*aead);
    std::array<std::uint8_t, 12> nonce = iv_;
    tlswire::bytes_view sealed = rec.fragment;
    const bool explicit_nonce = !tls13_ && *aead != tlswire::aead_id::chacha20_poly1305;
    if (explicit_nonce) {
      // RFC 5288 §3: nonce = salt (4) || explicit nonce (8, sent first in the record).
      if (sealed.size() < 8 + tag) return false;
      for (std::size_t i = 0; i < 8; ++i) nonce[4 + i] = sealed[i];
      sealed = sealed.subspan(8);
    } else {
      // RFC 8446 §5.3 / RFC 7905 §2: iv XOR the 64-bit sequence number.
      for (std::size_t i = 0; i < 8; ++i) nonce[4 + i] ^= static_cast<std::uint8_t>(seq_ >> (56 - 8 * i));
    }
    if (sealed.size() < tag) return false;
    const std::size_t length = sealed.size() - tag;
    std::array<std::uint8_t, 13> aad{};
    std::size_t aad_size = 0;
    if (tls13_) {
      // RFC 8446 §5.2: additional_data = the TLSCiphertext header.
      aad[0] = static_cast<std::uint8_t>(rec.type);
      aad[1] = static_cast<std::uint8_t>(tlswire::to_underlying(rec.legacy_record_version) >> 8);
      aad[2] = static_cast<std::uint8_t>(tlswire::to_underlying(rec.legacy_record_version));
      aad[3] = static_cast<std::uint8_t>(rec.fragment.size() >> 8);
      aad[4] = static_cast<std::uint8_t>(rec.fragment.size());
      aad_size = 5;
    } else {
      // RFC 5246 §6.2.3.3: seq_num + type + version + length (of the plaintext).
      for (std::size_t i = 0; i < 8; ++i) aad[i] = static_cast<std::uint8_t>(seq_ >> (56 - 8 * i));
      aad[8] = static_cast<std::uint8_t>(rec.type);
      aad[9] = static_cast<std::uint8_t>(tlswire::to_underlying(rec.legacy_record_version) >> 8);
      aad[10] = static_cast<std::uint8_t>(tlswire::to_underlying(rec.legacy_record_version));
      aad[11] = static_cast<std::uint8_t>(length >> 8);
      aad[12] = static_cast<std::uint8_t>(length);
      aad_size = 13;
    }
    out.assign(length, 0);
    const auto opened = aead_.open(nonce, tlswire::bytes_view(aad.data(), aad_size), sealed, out);
    if (!opened.ok()) {
      out.clear();
      return false;
    }
    ++seq_;
    return true;
  }

 private:
  provider::aead_key aead_;
  tlswire::cipher_suite_info suite_{};
  std::vector<std::uint8_t> secret_;
  std::array<std::uint8_t, 12> iv_{};
  std::uint64_t seq_ = 0;
  bool tls13_ = false;
  bool ready_ = false;
};

// RFC 5246 §6.3: key_block = PRF(master_secret, "key expansion",
// server_random + client_random); AEAD suites have no MAC keys, so it is
// client key, server key, client iv, server iv.
inline bool tls12_key_block(const tlswire::cipher_suite_info& suite, tlswire::bytes_view master_secret,
                            tlswire::bytes_view client_random, tlswire::bytes_view server_random,
                            record_keys& client, record_keys& server) {
  if (!aead_of(suite.cipher) || suite.mac_length != 0) return false;
  std::vector<std::uint8_t> block(suite.key_block_length());
  const bool ok = with_hash(suite.prf_hash, [&](auto h) {
    using H = typename decltype(h)::type;
    tlswire::tls12_prf<provider, H>(master_secret, "key expansion", server_random, client_random, block);
    return true;
  });
  if (!ok) return false;
  const tlswire::bytes_view b(block);
  const std::size_t k = suite.key_length, iv = suite.fixed_iv_length;
  return client.set_tls12(suite, b.subspan(0, k), b.subspan(2 * k, iv)) &&
         server.set_tls12(suite, b.subspan(k, k), b.subspan(2 * k + iv, iv));
}

}  // namespace tlswire_dump
