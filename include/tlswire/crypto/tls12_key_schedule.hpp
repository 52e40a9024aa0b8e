#pragma once
// The TLS 1.2 key schedule (RFC 5246 §8.1, §6.3, §7.4.9; RFC 7627 §4), over a
// provider P and the suite's PRF hash H (P::sha256 for most suites,
// P::sha384 for the SHA-384 ones, RFC 5246 §5 / RFC 5288 §3).
//
//   premaster --PRF "master secret" (client_random + server_random)--> master_secret
//   premaster --PRF "extended master secret" (session_hash)----------> master_secret
//   master_secret --PRF "key expansion" (server_random + client_random)--> key_block
//   master_secret --PRF "client finished" | "server finished" (Hash(handshake))--> verify_data
//
// A tls12_key_schedule holds the 48-byte master secret and wipes it when
// destroyed; the key block it derives is a tls12_key_block, which wipes too.
// Everything is constexpr (checked at compile time with reference_provider).
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <gsl/assert>

#include "tlswire/crypto/concepts.hpp"
#include "tlswire/crypto/secret.hpp"
#include "tlswire/crypto/tls12_prf.hpp"
#include "tlswire/registry/cipher_suite.hpp"
#include "tlswire/registry/protocol_version.hpp"
#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/result.hpp"

namespace tlswire {

// RFC 5246 §8.1: "the master_secret is always exactly 48 bytes in length".
inline constexpr std::size_t tls12_master_secret_size = 48;
// RFC 5246 §7.4.1.2 Random: 32 bytes.
inline constexpr std::size_t tls12_random_size = 32;
// RFC 5246 §7.4.9: verify_data_length defaults to 12 (no suite here sets another).
inline constexpr std::size_t tls12_verify_data_size = 12;
// A bound for a suite that sets a longer verify_data (RFC 5246 §7.4.9 allows
// it; none in the registry does).
inline constexpr std::size_t tls12_max_verify_data_size = 64;
// The largest key block of any suite in the registry: 2 * (48-byte HMAC-SHA384
// key + 32-byte key + 16-byte TLS 1.0 CBC IV).
inline constexpr std::size_t tls12_max_key_block_size = std::size_t{2} * (48 + 32 + 16);

// RFC 5246 §6.3
//   client_write_MAC_key[SecurityParameters.mac_key_length]
//   server_write_MAC_key[SecurityParameters.mac_key_length]
//   client_write_key[SecurityParameters.enc_key_length]
//   server_write_key[SecurityParameters.enc_key_length]
//   client_write_IV[SecurityParameters.fixed_iv_length]
//   server_write_IV[SecurityParameters.fixed_iv_length]
// For AEAD suites the MAC keys are empty and the IVs are the implicit part of
// the nonce: GCM/CCM's 4-byte salt (RFC 5288 §3, RFC 6655 §3), ChaCha20-
// Poly1305's 12 bytes XORed with the sequence number (RFC 7905 §2).
class tls12_key_block {
 public:
  constexpr tls12_key_block() noexcept = default;
  constexpr tls12_key_block(std::size_t mac_length, std::size_t key_length,
                            std::size_t iv_length) noexcept
      : block_(2 * (mac_length + key_length + iv_length)),
        mac_(mac_length),
        key_(key_length),
        iv_(iv_length) {}

  constexpr bytes_view client_mac_key() const noexcept { return part(0, mac_); }
  constexpr bytes_view server_mac_key() const noexcept { return part(mac_, mac_); }
  constexpr bytes_view client_write_key() const noexcept { return part(2 * mac_, key_); }
  constexpr bytes_view server_write_key() const noexcept { return part(2 * mac_ + key_, key_); }
  constexpr bytes_view client_write_iv() const noexcept { return part(2 * (mac_ + key_), iv_); }
  constexpr bytes_view server_write_iv() const noexcept {
    return part(2 * (mac_ + key_) + iv_, iv_);
  }
  // The whole key_block as the PRF produced it.
  constexpr bytes_view bytes() const noexcept { return block_.view(); }
  constexpr mutable_bytes span() noexcept { return block_.span(); }

 private:
  constexpr bytes_view part(std::size_t offset, std::size_t length) const noexcept {
    return block_.view().subspan(offset, length);
  }
  secret<tls12_max_key_block_size> block_{};
  std::size_t mac_ = 0;
  std::size_t key_ = 0;
  std::size_t iv_ = 0;
};

// Which side sent a Finished (RFC 5246 §7.4.9 finished_label).
enum class tls12_sender : std::uint8_t { client, server };

template <class P, class H>
  requires provides_hmac<P, H>
class tls12_key_schedule {
 public:
  using master_secret_type = secret<tls12_master_secret_size>;

  // RFC 5246 §8.1
  //   master_secret = PRF(pre_master_secret, "master secret",
  //                       ClientHello.random + ServerHello.random)[0..47];
  static constexpr tls12_key_schedule from_premaster(bytes_view premaster,
                                                     bytes_view client_random,
                                                     bytes_view server_random) noexcept {
    Expects(client_random.size() == tls12_random_size &&
            server_random.size() == tls12_random_size);
    return tls12_key_schedule(premaster, "master secret", client_random, server_random);
  }

  // RFC 7627 §4
  //   master_secret = PRF(pre_master_secret, "extended master secret",
  //                       session_hash)[0..47];
  // session_hash is the transcript hash up to and including ClientKeyExchange
  // (RFC 7627 §3), with the PRF's hash.
  static constexpr tls12_key_schedule from_premaster_extended(bytes_view premaster,
                                                              bytes_view session_hash) noexcept {
    return tls12_key_schedule(premaster, "extended master secret", session_hash, {});
  }

  // A master secret known already: a resumed session (RFC 5246 §7.3), or a
  // key log's CLIENT_RANDOM line.
  static constexpr tls12_key_schedule from_master_secret(bytes_view master_secret) noexcept {
    Expects(master_secret.size() == tls12_master_secret_size);
    return tls12_key_schedule(master_secret);
  }

  // One live copy of the master secret, as for tls13_key_schedule: neither
  // copied nor moved (the factories above return by guaranteed elision).
  tls12_key_schedule(const tls12_key_schedule&) = delete;
  tls12_key_schedule& operator=(const tls12_key_schedule&) = delete;
  tls12_key_schedule(tls12_key_schedule&&) = delete;
  tls12_key_schedule& operator=(tls12_key_schedule&&) = delete;
  constexpr ~tls12_key_schedule() = default;  // master_secret_type wipes itself

  constexpr bytes_view master_secret() const noexcept { return master_.view(); }

  // RFC 5246 §6.3
  //   key_block = PRF(SecurityParameters.master_secret, "key expansion",
  //                   SecurityParameters.server_random + SecurityParameters.client_random);
  // split as the suite says (cipher_suite_info::key_block_length and the
  // lengths beside it). A TLS 1.3 suite has no key block: bad_value.
  constexpr result<tls12_key_block> key_block(const cipher_suite_info& suite,
                                              bytes_view client_random, bytes_view server_random,
                                              protocol_version version =
                                                  protocol_version::tls12) const noexcept {
    if (suite.tls13) return make_error(errc::bad_value, alert_description::internal_error, no_offset);
    Expects(client_random.size() == tls12_random_size &&
            server_random.size() == tls12_random_size);
    tls12_key_block block(suite.mac_length, suite.key_length, suite.key_block_iv_length(version));
    tls12_prf<P, H>(master_.view(), "key expansion", server_random, client_random, block.span());
    return block;
  }

  // RFC 5246 §7.4.9
  //   verify_data = PRF(master_secret, finished_label, Hash(handshake_messages))
  //                   [0..verify_data_length-1];
  // handshake_hash is Hash(handshake_messages) with the PRF's hash; out is
  // verify_data_length (12) bytes.
  constexpr void finished_verify_data(tls12_sender sender, bytes_view handshake_hash,
                                      mutable_bytes out) const noexcept {
    tls12_prf<P, H>(master_.view(),
                    sender == tls12_sender::client ? "client finished" : "server finished",
                    handshake_hash, {}, out);
  }
  constexpr std::array<std::uint8_t, tls12_verify_data_size> finished_verify_data(
      tls12_sender sender, bytes_view handshake_hash) const noexcept {
    std::array<std::uint8_t, tls12_verify_data_size> out{};
    finished_verify_data(sender, handshake_hash, mutable_bytes(out.data(), out.size()));
    return out;
  }

  // RFC 5246 §7.4.9: "Recipients of Finished messages MUST verify that the
  // contents are correct." A mismatch is decrypt_error (RFC 5246 §7.2.2);
  // compared in constant time, and a received value of another length fails.
  // verify_data_length is the suite's (cipher_suite_info::verify_data_length(),
  // 12 for every suite in the registry), never the received length.
  constexpr status verify_finished(tls12_sender sender, bytes_view handshake_hash,
                                   bytes_view received,
                                   std::size_t verify_data_length =
                                       tls12_verify_data_size) const noexcept {
    Expects(verify_data_length > 0 && verify_data_length <= tls12_max_verify_data_size);
    secret<tls12_max_verify_data_size> expected(verify_data_length);
    finished_verify_data(sender, handshake_hash, expected.span());
    if (!expected.equals(received))
      return make_error(errc::bad_value, alert_description::decrypt_error, no_offset);
    return {};
  }

 private:
  // master_secret = PRF(premaster, label, seed_a + seed_b)[0..47]
  constexpr tls12_key_schedule(bytes_view premaster, std::string_view label, bytes_view seed_a,
                               bytes_view seed_b) noexcept
      : master_(tls12_master_secret_size) {
    tls12_prf<P, H>(premaster, label, seed_a, seed_b, master_.span());
  }
  constexpr explicit tls12_key_schedule(bytes_view master_secret) noexcept
      : master_(master_secret) {}

  master_secret_type master_;
};

}  // namespace tlswire
