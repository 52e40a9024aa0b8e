#pragma once
// RFC 5246 §7.4.7 / RFC 8422 §5.7 / RFC 4279 §2 / RFC 5489 §2:
// ClientKeyExchange (TLS 1.2 and earlier). Like ServerKeyExchange, its
// shape follows the negotiated suite's key exchange: a parse parameter.
//
//   struct {
//       select (KeyExchangeAlgorithm) {
//           case rsa:
//               EncryptedPreMasterSecret;
//           case dhe_dss: case dhe_rsa: case dh_dss: case dh_rsa: case dh_anon:
//               ClientDiffieHellmanPublic;
//           case ec_diffie_hellman:                      /* RFC 8422 §5.7 */
//               ClientECDiffieHellmanPublic;
//           /* psk: opaque psk_identity<0..2^16-1> (RFC 4279 §2) */
//           /* dhe_psk, ecdhe_psk, rsa_psk: psk_identity, then the above */
//       } exchange_keys;
//   } ClientKeyExchange;
//
//   struct {
//       public-key-encrypted PreMasterSecret pre_master_secret;
//   } EncryptedPreMasterSecret;     /* TLS >= 1.0: opaque<0..2^16-1> */
//
//   struct {
//       select (PublicValueEncoding) {
//           case implicit: struct { };
//           case explicit: opaque dh_Yc<1..2^16-1>;
//       } dh_public;
//   } ClientDiffieHellmanPublic;
//
//   struct {
//       ECPoint ecdh_Yc;           /* opaque point <1..2^8-1> */
//   } ClientECDiffieHellmanPublic;
//
// Ephemeral (DHE, ECDHE) exchanges always send the explicit value; SSL 3.0's
// RSA form without a length is not supported (version < TLS 1.0 is refused).
#include "tlswire/messages/message_common.hpp"
#include "tlswire/registry/cipher_suite.hpp"
#include "tlswire/registry/handshake_type.hpp"

namespace tlswire {

// RFC 5246 §7.4.7 ClientKeyExchange (the body).
struct client_key_exchange {
  static constexpr handshake_type type = handshake_type::client_key_exchange;
  key_exchange_algorithm key_exchange = key_exchange_algorithm::ecdhe;  // not on the wire
  opaque_vector<0, 65535> psk_identity{};              // PSK families
  opaque_vector<0, 65535> encrypted_pre_master_secret{};  // RSA, RSA_PSK
  opaque_vector<1, 65535> dh_yc{};                     // DHE, DHE_PSK: dh_Yc
  opaque_vector<1, 255> ecdh_yc{};                     // ECDHE, ECDHE_PSK: ECPoint ecdh_Yc

  static constexpr bool has_psk_identity(key_exchange_algorithm kx) noexcept {
    return kx == key_exchange_algorithm::psk || kx == key_exchange_algorithm::rsa_psk ||
           kx == key_exchange_algorithm::dhe_psk || kx == key_exchange_algorithm::ecdhe_psk;
  }
  static constexpr bool has_rsa(key_exchange_algorithm kx) noexcept {
    return kx == key_exchange_algorithm::rsa || kx == key_exchange_algorithm::rsa_psk;
  }
  static constexpr bool has_dh(key_exchange_algorithm kx) noexcept {
    return kx == key_exchange_algorithm::dhe || kx == key_exchange_algorithm::dhe_psk;
  }
  static constexpr bool has_ecdh(key_exchange_algorithm kx) noexcept {
    return kx == key_exchange_algorithm::ecdhe || kx == key_exchange_algorithm::ecdhe_psk;
  }

  static constexpr client_key_exchange parse(reader& r, key_exchange_algorithm kx,
                                             protocol_version version = protocol_version::tls12) noexcept {
    client_key_exchange c;
    c.key_exchange = kx;
    if (!(has_psk_identity(kx) || has_rsa(kx) || has_dh(kx) || has_ecdh(kx)) || version == protocol_version::ssl3) {
      r.fail(errc::unsupported, alert_description::handshake_failure, r.offset());
      return c;
    }
    if (has_psk_identity(kx)) c.psk_identity = decltype(psk_identity)::parse(r);
    if (has_rsa(kx)) c.encrypted_pre_master_secret = decltype(encrypted_pre_master_secret)::parse(r);
    if (has_dh(kx)) c.dh_yc = decltype(dh_yc)::parse(r);
    if (has_ecdh(kx)) c.ecdh_yc = decltype(ecdh_yc)::parse(r);
    return c;
  }
  static constexpr client_key_exchange parse(reader& r, const cipher_suite_info& suite,
                                             protocol_version version = protocol_version::tls12) noexcept {
    return parse(r, suite.key_exchange, version);
  }

  constexpr void encode(writer& w) const noexcept {
    if (has_psk_identity(key_exchange)) psk_identity.encode(w);
    if (has_rsa(key_exchange)) encrypted_pre_master_secret.encode(w);
    if (has_dh(key_exchange)) dh_yc.encode(w);
    if (has_ecdh(key_exchange)) ecdh_yc.encode(w);
  }
  constexpr void encode_message(writer& w) const { encode_handshake(w, *this); }
  friend constexpr bool operator==(const client_key_exchange&, const client_key_exchange&) = default;
};

}  // namespace tlswire
