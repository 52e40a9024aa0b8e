#pragma once
// RFC 5246 §7.4.3 / RFC 8422 §5.4 / RFC 4279 §2 / RFC 5489 §2:
// ServerKeyExchange (TLS 1.2 and earlier). Its shape depends on the
// negotiated suite's key exchange, which is therefore a parse parameter
// (cipher_suite_info::key_exchange / ::authentication).
//
// ECDHE (RFC 8422 §5.4):
//   enum { explicit_prime (1), explicit_char2 (2), named_curve (3), (255) } ECCurveType;
//   struct {
//       ECCurveType    curve_type;
//       select (curve_type) {
//           case named_curve:
//               NamedCurve namedcurve;
//       };
//   } ECParameters;
//   struct {
//       opaque point <1..2^8-1>;
//   } ECPoint;
//   struct {
//       ECParameters    curve_params;
//       ECPoint         public;
//   } ServerECDHParams;
//
// DHE (RFC 5246 §7.4.3):
//   struct {
//       opaque dh_p<1..2^16-1>;
//       opaque dh_g<1..2^16-1>;
//       opaque dh_Ys<1..2^16-1>;
//   } ServerDHParams;     /* Ephemeral DH parameters */
//
//   struct {
//       select (KeyExchangeAlgorithm) {
//           case dh_anon:  ServerDHParams params;
//           case dhe_dss:
//           case dhe_rsa:
//               ServerDHParams params;
//               digitally-signed struct {
//                   opaque client_random[32];
//                   opaque server_random[32];
//                   ServerDHParams params;
//               } signed_params;
//           /* ec_diffie_hellman: ServerECDHParams + Signature (RFC 8422) */
//           /* psk, rsa_psk: opaque psk_identity_hint<0..2^16-1> (RFC 4279) */
//           /* dhe_psk: psk_identity_hint + ServerDHParams (RFC 4279) */
//           /* ecdhe_psk: psk_identity_hint + ServerECDHParams (RFC 5489) */
//       };
//   } ServerKeyExchange;
//
// The signature is a DigitallySigned (message_common.hpp): with its
// SignatureAndHashAlgorithm from TLS 1.2 on, bare before.
#include "tlswire/messages/message_common.hpp"
#include "tlswire/registry/cipher_suite.hpp"
#include "tlswire/registry/handshake_type.hpp"
#include "tlswire/registry/named_group.hpp"

namespace tlswire {

// RFC 8422 §5.4 ServerECDHParams (named_curve only: RFC 8422 deprecates the
// explicit curve types, whose parameters cannot be delimited from here).
struct server_ecdh_params {
  ec_curve_type curve_type = ec_curve_type::named_curve;
  named_group named_curve{};
  opaque_vector<1, 255> point{};  // ECPoint public

  static constexpr server_ecdh_params parse(reader& r) noexcept {
    server_ecdh_params p;
    const std::size_t at = r.offset();
    p.curve_type = r.code<ec_curve_type>();
    if (r.ok() && p.curve_type != ec_curve_type::named_curve)
      r.fail(errc::bad_value, alert_description::illegal_parameter, at);
    p.named_curve = r.code<named_group>();
    p.point = decltype(point)::parse(r);
    return p;
  }
  constexpr void encode(writer& w) const noexcept {
    w.code(curve_type);
    w.code(named_curve);
    point.encode(w);
  }
  friend constexpr bool operator==(const server_ecdh_params&, const server_ecdh_params&) = default;
};

// RFC 5246 §7.4.3 ServerDHParams.
struct server_dh_params {
  opaque_vector<1, 65535> dh_p{};
  opaque_vector<1, 65535> dh_g{};
  opaque_vector<1, 65535> dh_ys{};  // dh_Ys

  static constexpr server_dh_params parse(reader& r) noexcept {
    server_dh_params p;
    p.dh_p = decltype(dh_p)::parse(r);
    p.dh_g = decltype(dh_g)::parse(r);
    p.dh_ys = decltype(dh_ys)::parse(r);
    return p;
  }
  constexpr void encode(writer& w) const noexcept {
    dh_p.encode(w);
    dh_g.encode(w);
    dh_ys.encode(w);
  }
  friend constexpr bool operator==(const server_dh_params&, const server_dh_params&) = default;
};

// Which pieces a ServerKeyExchange carries for a key exchange.
constexpr bool has_psk_identity_hint(key_exchange_algorithm kx) noexcept {
  return kx == key_exchange_algorithm::psk || kx == key_exchange_algorithm::rsa_psk ||
         kx == key_exchange_algorithm::dhe_psk || kx == key_exchange_algorithm::ecdhe_psk;
}
constexpr bool has_ecdh_params(key_exchange_algorithm kx) noexcept {
  return kx == key_exchange_algorithm::ecdhe || kx == key_exchange_algorithm::ecdhe_psk;
}
constexpr bool has_dh_params(key_exchange_algorithm kx) noexcept {
  return kx == key_exchange_algorithm::dhe || kx == key_exchange_algorithm::dhe_psk;
}
// Signed unless anonymous or authenticated by the PSK itself.
constexpr bool has_server_signature(key_exchange_algorithm kx, authentication_algorithm auth) noexcept {
  return (kx == key_exchange_algorithm::ecdhe || kx == key_exchange_algorithm::dhe) &&
         auth != authentication_algorithm::anon && auth != authentication_algorithm::null;
}
// A ServerKeyExchange exists for this key exchange (RFC 5246 §7.4.3: not
// for RSA, DH_DSS, DH_RSA; RFC 8422: not for ECDH_*).
constexpr bool sends_server_key_exchange(key_exchange_algorithm kx) noexcept {
  return has_psk_identity_hint(kx) || has_ecdh_params(kx) || has_dh_params(kx);
}

// RFC 5246 §7.4.3 ServerKeyExchange (the body).
struct server_key_exchange {
  static constexpr handshake_type type = handshake_type::server_key_exchange;
  key_exchange_algorithm key_exchange = key_exchange_algorithm::ecdhe;  // not on the wire
  opaque_vector<0, 65535> psk_identity_hint{};  // PSK families only
  server_ecdh_params ecdh_params{};             // ECDHE, ECDHE_PSK
  server_dh_params dh_params{};                 // DHE, DHE_PSK
  bool is_signed = true;
  digitally_signed signed_params{};             // signed suites only
  bytes_view params{};  // the ServerECDHParams/ServerDHParams bytes as received (what is signed)

  static constexpr server_key_exchange parse(reader& r, key_exchange_algorithm kx, authentication_algorithm auth,
                                             protocol_version version = protocol_version::tls12) noexcept {
    server_key_exchange s;
    s.key_exchange = kx;
    if (!sends_server_key_exchange(kx)) {
      r.fail(errc::unexpected_message, r.offset());
      return s;
    }
    if (has_psk_identity_hint(kx)) s.psk_identity_hint = decltype(psk_identity_hint)::parse(r);
    const bytes_view start = r.rest();
    if (has_ecdh_params(kx)) s.ecdh_params = server_ecdh_params::parse(r);
    if (has_dh_params(kx)) s.dh_params = server_dh_params::parse(r);
    if (r.ok()) s.params = start.first(start.size() - r.remaining());
    s.is_signed = has_server_signature(kx, auth);
    if (s.is_signed) s.signed_params = digitally_signed::parse(r, version);
    return s;
  }
  // The suite's info carries both parameters.
  static constexpr server_key_exchange parse(reader& r, const cipher_suite_info& suite,
                                             protocol_version version = protocol_version::tls12) noexcept {
    return parse(r, suite.key_exchange, suite.authentication, version);
  }

  constexpr void encode(writer& w) const noexcept {
    if (has_psk_identity_hint(key_exchange)) psk_identity_hint.encode(w);
    if (has_ecdh_params(key_exchange)) ecdh_params.encode(w);
    if (has_dh_params(key_exchange)) dh_params.encode(w);
    if (is_signed) signed_params.encode(w);
  }
  constexpr void encode_message(writer& w) const { encode_handshake(w, *this); }
  friend constexpr bool operator==(const server_key_exchange& a, const server_key_exchange& b) noexcept {
    return a.key_exchange == b.key_exchange && a.psk_identity_hint == b.psk_identity_hint &&
           a.ecdh_params == b.ecdh_params && a.dh_params == b.dh_params && a.is_signed == b.is_signed &&
           a.signed_params == b.signed_params;
  }
};

// RFC 8422 §5.4: the server picks a curve the client offered in
// supported_groups; a client receiving another refuses it
// (illegal_parameter). With TLS 1.2 signatures, the algorithm must be one
// the client offered in signature_algorithms (RFC 5246 §7.4.1.4.1) —
// checked when `offered_signatures` is not empty.
constexpr status validate(const server_key_exchange& s, const code_vector<named_group, 2, 65535>& offered_groups,
                          const code_vector<signature_scheme, 2, 65534>& offered_signatures = {}) noexcept {
  if (has_ecdh_params(s.key_exchange) && !offered_groups.contains(s.ecdh_params.named_curve))
    return make_error(errc::bad_value, alert_description::illegal_parameter, no_offset);
  if (s.is_signed && s.signed_params.has_algorithm && !offered_signatures.empty() &&
      !offered_signatures.contains(s.signed_params.algorithm))
    return make_error(errc::bad_value, alert_description::illegal_parameter, no_offset);
  return {};
}

}  // namespace tlswire
