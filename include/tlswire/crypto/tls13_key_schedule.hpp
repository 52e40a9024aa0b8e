#pragma once
// The TLS 1.3 key schedule (RFC 8446 §7.1), over a provider P and the
// suite's hash H (P::sha256 or P::sha384):
//
//              0
//              |
//              v
//    PSK ->  HKDF-Extract = Early Secret ---> binder_key, client_early_traffic_secret,
//              |                              early_exporter_master_secret
//              v  Derive-Secret(., "derived", "")
//   (EC)DHE -> HKDF-Extract = Handshake Secret ---> {client,server}_handshake_traffic_secret
//              |
//              v  Derive-Secret(., "derived", "")
//      0 -> HKDF-Extract = Master Secret ---> {client,server}_application_traffic_secret_0,
//                                             exporter_master_secret, resumption_master_secret
//
// The schedule object holds the one secret of its current stage and walks the
// stages forward (enter_handshake, enter_master); the secret of a finished
// stage is wiped as the next is entered, and the last when the object is
// destroyed. Secrets it hands out are `secret<Hash.length>` values that wipe
// themselves. Transcript hashes come from the caller (crypto/transcript.hpp).
// Everything is constexpr: with reference_provider the whole chain of RFC
// 8448 runs inside static_assert (tests/crypto/tls13_key_schedule_test.cpp).
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <gsl/assert>

#include "tlswire/crypto/algorithms.hpp"
#include "tlswire/crypto/concepts.hpp"
#include "tlswire/crypto/hkdf_label.hpp"
#include "tlswire/crypto/secret.hpp"
#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/result.hpp"

namespace tlswire {

// RFC 8446 §7.3: the key and IV of one direction, from one traffic secret.
// The key is aead_key_size(aead) bytes (at most 32), the IV iv_length = 12.
struct traffic_keys {
  secret<32> key;
  secret<aead_nonce_size> iv;
};

// RFC 8446 §4.2.11: which binder label an offered PSK uses.
enum class psk_kind : std::uint8_t {
  external,    // "ext binder": provisioned outside TLS
  resumption,  // "res binder": from a NewSessionTicket
};

template <class P, class H>
  requires provides_hkdf<P, H> && provides_hmac<P, H>
class tls13_key_schedule {
 public:
  static constexpr std::size_t hash_length = H::digest_size;
  using secret_type = secret<hash_length>;

  enum class stage : std::uint8_t { early, handshake, master };

  // RFC 8446 §7.1: Early Secret = HKDF-Extract(salt = 0, IKM = PSK); without
  // a PSK the IKM is Hash.length zeros ("If a given secret is not available,
  // then the 0-value ... is used").
  constexpr tls13_key_schedule() noexcept : tls13_key_schedule(bytes_view{}) {}
  constexpr explicit tls13_key_schedule(bytes_view psk) noexcept : current_(hash_length) {
    const std::array<std::uint8_t, hash_length> zeros{};
    P::template hkdf_extract<H>(as_view(zeros), psk.empty() ? as_view(zeros) : psk,
                                current_.span());
  }
  // One live copy of each secret: neither copied nor moved (a move would
  // copy the secret and leave the source a schedule without one).
  tls13_key_schedule(const tls13_key_schedule&) = delete;
  tls13_key_schedule& operator=(const tls13_key_schedule&) = delete;
  tls13_key_schedule(tls13_key_schedule&&) = delete;
  tls13_key_schedule& operator=(tls13_key_schedule&&) = delete;
  constexpr ~tls13_key_schedule() = default;  // secret_type wipes itself

  constexpr stage current_stage() const noexcept { return stage_; }

  // The secret of the current stage (RFC 8446 §7.1 Early / Handshake / Master
  // Secret), for tests and key logs.
  constexpr bytes_view early_secret() const noexcept { return at(stage::early); }
  constexpr bytes_view handshake_secret() const noexcept { return at(stage::handshake); }
  constexpr bytes_view master_secret() const noexcept { return at(stage::master); }

  // ------------------------------------------------------------ early stage
  // RFC 8446 §7.1 binder_key = Derive-Secret(Early Secret, "ext binder" | "res binder", "").
  constexpr secret_type binder_key(psk_kind kind) const noexcept {
    Expects(stage_ == stage::early);
    return derive(kind == psk_kind::external ? "ext binder" : "res binder", empty_hash());
  }
  // RFC 8446 §7.1 Derive-Secret(Early Secret, "c e traffic", ClientHello).
  constexpr secret_type client_early_traffic_secret(bytes_view client_hello_hash) const noexcept {
    Expects(stage_ == stage::early);
    return derive("c e traffic", client_hello_hash);
  }
  // RFC 8446 §7.1 Derive-Secret(Early Secret, "e exp master", ClientHello).
  constexpr secret_type early_exporter_master_secret(bytes_view client_hello_hash) const noexcept {
    Expects(stage_ == stage::early);
    return derive("e exp master", client_hello_hash);
  }

  // RFC 8446 §7.1: Handshake Secret = HKDF-Extract(
  //   salt = Derive-Secret(Early Secret, "derived", ""), IKM = (EC)DHE).
  // An empty shared secret (psk_ke, RFC 8446 §4.2.9) is the 0-value.
  constexpr void enter_handshake(bytes_view shared_secret) noexcept {
    Expects(stage_ == stage::early);
    advance(shared_secret);
    stage_ = stage::handshake;
  }

  // ------------------------------------------------------------ handshake stage
  // RFC 8446 §7.1 Derive-Secret(., "c hs traffic", ClientHello...ServerHello).
  constexpr secret_type client_handshake_traffic_secret(bytes_view hello_hash) const noexcept {
    Expects(stage_ == stage::handshake);
    return derive("c hs traffic", hello_hash);
  }
  // RFC 8446 §7.1 Derive-Secret(., "s hs traffic", ClientHello...ServerHello).
  constexpr secret_type server_handshake_traffic_secret(bytes_view hello_hash) const noexcept {
    Expects(stage_ == stage::handshake);
    return derive("s hs traffic", hello_hash);
  }

  // RFC 8446 §7.1: Master Secret = HKDF-Extract(
  //   salt = Derive-Secret(Handshake Secret, "derived", ""), IKM = 0).
  constexpr void enter_master() noexcept {
    Expects(stage_ == stage::handshake);
    advance({});
    stage_ = stage::master;
  }

  // ------------------------------------------------------------ master stage
  // The hashes are of ClientHello...server Finished, except resumption's
  // (ClientHello...client Finished).
  // RFC 8446 §7.1 "c ap traffic"
  constexpr secret_type client_application_traffic_secret_0(bytes_view hash) const noexcept {
    Expects(stage_ == stage::master);
    return derive("c ap traffic", hash);
  }
  // RFC 8446 §7.1 "s ap traffic"
  constexpr secret_type server_application_traffic_secret_0(bytes_view hash) const noexcept {
    Expects(stage_ == stage::master);
    return derive("s ap traffic", hash);
  }
  // RFC 8446 §7.1 "exp master"
  constexpr secret_type exporter_master_secret(bytes_view hash) const noexcept {
    Expects(stage_ == stage::master);
    return derive("exp master", hash);
  }
  // RFC 8446 §7.1 "res master" over ClientHello...client Finished.
  constexpr secret_type resumption_master_secret(bytes_view hash) const noexcept {
    Expects(stage_ == stage::master);
    return derive("res master", hash);
  }

  // ------------------------------------------------------------ from a traffic secret
  // RFC 8446 §7.3
  //   [sender]_write_key = HKDF-Expand-Label(Secret, "key", "", key_length)
  //   [sender]_write_iv  = HKDF-Expand-Label(Secret, "iv", "", iv_length)
  static constexpr traffic_keys traffic_keys_for(bytes_view traffic_secret, aead_id aead) noexcept {
    Expects(traffic_secret.size() == hash_length);
    traffic_keys keys{secret<32>(aead_key_size(aead)), secret<aead_nonce_size>(aead_nonce_size)};
    const bool key_ok = hkdf_expand_label<P, H>(traffic_secret, "key", {}, keys.key.span());
    const bool iv_ok = hkdf_expand_label<P, H>(traffic_secret, "iv", {}, keys.iv.span());
    Ensures(key_ok && iv_ok);
    return keys;
  }

  // RFC 8446 §4.4.4 finished_key = HKDF-Expand-Label(BaseKey, "finished", "", Hash.length).
  static constexpr secret_type finished_key(bytes_view base_key) noexcept {
    Expects(base_key.size() == hash_length);
    secret_type key(hash_length);
    const bool ok = hkdf_expand_label<P, H>(base_key, "finished", {}, key.span());
    Ensures(ok);
    return key;
  }

  // RFC 8446 §4.4.4 verify_data = HMAC(finished_key, Transcript-Hash(Handshake Context,
  // Certificate*, CertificateVerify*)). BaseKey is the sender's handshake traffic
  // secret; for a PSK binder (RFC 8446 §4.2.11.2) it is the binder_key and the
  // hash that of the truncated ClientHello.
  static constexpr secret_type finished_verify_data(bytes_view base_key,
                                                    bytes_view transcript_hash) noexcept {
    Expects(transcript_hash.size() == hash_length);
    const secret_type key = finished_key(base_key);
    secret_type verify_data(hash_length);
    P::template hmac<H>(key.view(), transcript_hash, verify_data.span());
    return verify_data;
  }

  // RFC 8446 §4.4.4: "Recipients of Finished messages MUST verify that the
  // contents are correct and if incorrect MUST terminate the connection with a
  // "decrypt_error" alert." Compared in constant time; a wrong length fails too.
  static constexpr status verify_finished(bytes_view base_key, bytes_view transcript_hash,
                                          bytes_view received) noexcept {
    const secret_type expected = finished_verify_data(base_key, transcript_hash);
    if (!expected.equals(received))
      return make_error(errc::bad_value, alert_description::decrypt_error, 0);
    return {};
  }

  // RFC 8446 §4.6.1 HKDF-Expand-Label(resumption_master_secret, "resumption",
  // ticket_nonce, Hash.length): the PSK a NewSessionTicket stands for.
  static constexpr secret_type resumption_psk(bytes_view resumption_master_secret,
                                              bytes_view ticket_nonce) noexcept {
    Expects(resumption_master_secret.size() == hash_length);
    secret_type psk(hash_length);
    // ticket_nonce is <0..255> on the wire (RFC 8446 §4.6.1), so this fits.
    const bool ok =
        hkdf_expand_label<P, H>(resumption_master_secret, "resumption", ticket_nonce, psk.span());
    Ensures(ok);
    return psk;
  }

  // RFC 8446 §7.2 application_traffic_secret_N+1 =
  //   HKDF-Expand-Label(application_traffic_secret_N, "traffic upd", "", Hash.length)
  static constexpr secret_type next_application_traffic_secret(bytes_view current) noexcept {
    Expects(current.size() == hash_length);
    secret_type next(hash_length);
    const bool ok = hkdf_expand_label<P, H>(current, "traffic upd", {}, next.span());
    Ensures(ok);
    return next;
  }

  // RFC 8446 §7.5
  //   TLS-Exporter(label, context_value, key_length) =
  //       HKDF-Expand-Label(Derive-Secret(Secret, label, ""),
  //                         "exporter", Hash(context_value), key_length)
  // Secret is the (early_)exporter_master_secret; key_length is out.size().
  // An absent context and an empty one are the same here (RFC 8446 §7.5
  // makes them the same for TLS 1.3). A label that cannot form an HkdfLabel
  // (empty or over 249 bytes) or out over 255 * HashLen is refused, out
  // untouched: errc::length_out_of_range with internal_error (the caller's
  // request, not the peer's, is at fault).
  static constexpr status exporter(bytes_view exporter_master_secret, std::string_view label,
                                   bytes_view context, mutable_bytes out) noexcept {
    Expects(exporter_master_secret.size() == hash_length);
    const auto refused = make_error(errc::length_out_of_range, alert_description::internal_error, 0);
    secret_type per_label(hash_length);
    const auto empty = empty_hash();
    if (!hkdf_expand_label<P, H>(exporter_master_secret, label, as_view(empty),
                                 per_label.span()))
      return refused;
    std::array<std::uint8_t, hash_length> context_hash{};
    H h;
    h.update(context);
    h.finish(context_hash);
    if (!hkdf_expand_label<P, H>(per_label.view(), "exporter", as_view(context_hash), out))
      return refused;
    return {};
  }

 private:
  static constexpr std::array<std::uint8_t, hash_length> empty_hash() noexcept {
    return hash_of_empty<H>();
  }

  constexpr bytes_view at(stage s) const noexcept {
    return stage_ == s ? current_.view() : bytes_view{};
  }

  // RFC 8446 §7.1 Derive-Secret(current, label, Transcript-Hash(Messages)).
  constexpr secret_type derive(std::string_view label, bytes_view transcript_hash) const noexcept {
    secret_type out(hash_length);
    derive_secret<P, H>(current_.view(), label, transcript_hash, out.span());
    return out;
  }
  template <std::size_t N>
  constexpr secret_type derive(std::string_view label,
                               const std::array<std::uint8_t, N>& hash) const noexcept {
    return derive(label, as_view(hash));
  }

  // next = HKDF-Extract(Derive-Secret(current, "derived", ""), ikm or 0).
  constexpr void advance(bytes_view ikm) noexcept {
    const secret_type salt = derive("derived", empty_hash());
    const std::array<std::uint8_t, hash_length> zeros{};
    P::template hkdf_extract<H>(salt.view(), ikm.empty() ? as_view(zeros) : ikm, current_.span());
  }

  secret_type current_;
  stage stage_ = stage::early;
};

}  // namespace tlswire
