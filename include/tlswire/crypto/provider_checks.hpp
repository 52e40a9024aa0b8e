#pragma once
// The checks a crypto provider makes on its arguments before it calls its
// back end, written once so that every provider (providers/openssl.hpp,
// providers/mbedtls.hpp) refuses the same inputs with the same error and
// alert; tests/providers/conformance.hpp holds each provider to them.
// Use: TLSWIRE_CHECK(provider_checks::key_share_arguments<P>(group, out));
#include <cstddef>
#include <cstdint>

#include "tlswire/crypto/algorithms.hpp"
#include "tlswire/registry/named_group.hpp"
#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/error.hpp"
#include "tlswire/wire/result.hpp"

namespace tlswire::provider_checks {

// RFC 8446 §4.2.7: whether `g` is one of all_key_exchange_groups, the groups
// a back-end provider implements (X25519, secp256r1, secp384r1).
constexpr bool is_key_exchange_group(named_group g) noexcept {
  for (named_group listed : all_key_exchange_groups)
    if (listed == g) return true;
  return false;
}

// RFC 5116 §2.1: seal writes ciphertext || tag, so `out` is exactly the
// plaintext and one tag long.
constexpr status seal_arguments(aead_id id, bytes_view plaintext, bytes_view out) noexcept {
  if (out.size() != plaintext.size() + aead_tag_size(id))
    return make_error(errc::buffer_too_small, no_offset);
  return {};
}

// RFC 5116 §2.2: a sealed record shorter than a tag cannot be authentic
// (bad_record_mac, the same as a wrong tag); `out` is exactly the plaintext.
constexpr status open_arguments(aead_id id, bytes_view sealed, bytes_view out) noexcept {
  const std::size_t tag = aead_tag_size(id);
  if (sealed.size() < tag) return make_error(errc::bad_record_mac, no_offset);
  if (out.size() != sealed.size() - tag) return make_error(errc::buffer_too_small, no_offset);
  return {};
}

// RFC 8446 §4.2.8: generate_key_share(group, priv, public_value) — a group
// the provider supports, and room for exactly one public value of it.
template <class Provider>
constexpr status key_share_arguments(named_group group, bytes_view public_value) noexcept {
  if (!Provider::supports(group)) return make_error(errc::unsupported, no_offset);
  if (public_value.size() != key_share_size(group)) return make_error(errc::buffer_too_small, no_offset);
  return {};
}

// import_key_share(group, private_value, priv): a supported group, and a
// private value as long as the group's scalar (RFC 7748 §5, SEC 1 §2.3.6).
template <class Provider>
constexpr status imported_key_arguments(named_group group, bytes_view private_value) noexcept {
  if (!Provider::supports(group)) return make_error(errc::unsupported, no_offset);
  if (private_value.size() != shared_secret_size(group)) return make_error(errc::bad_value, no_offset);
  return {};
}

// derive_shared_secret(priv, peer_public_value, shared), before the back end
// sees the peer's bytes: room for exactly the secret, then a peer value of
// the group's size and, for the NIST curves, in the uncompressed form only
// (RFC 8446 §4.2.8.2); a bad peer value is illegal_parameter.
constexpr status peer_value_arguments(named_group group, bytes_view peer_public_value,
                                      bytes_view shared) noexcept {
  if (shared.size() != shared_secret_size(group)) return make_error(errc::buffer_too_small, no_offset);
  if (peer_public_value.size() != key_share_size(group) ||
      (group != named_group::x25519 && peer_public_value[0] != 0x04))
    return make_error(errc::bad_value, alert_description::illegal_parameter, no_offset);
  return {};
}

// RFC 8446 §7.4.2 / RFC 7748 §6.1: an all-zero X25519 shared secret (a
// low-order peer point) is refused as illegal_parameter. Every byte is read
// whatever the others are: the secret is not branched on. Only X25519: for
// the NIST curves the secret is an x-coordinate, and x = 0 is a point like
// any other (Wycheproof ecdh_secp256r1/secp384r1 tcId 3, "valid").
constexpr status nonzero_shared_secret(named_group group, bytes_view shared) noexcept {
  if (group != named_group::x25519) return {};
  std::uint8_t any = 0;
  for (auto b : shared) any = static_cast<std::uint8_t>(any | b);
  if (any == 0) return make_error(errc::bad_value, alert_description::illegal_parameter, no_offset);
  return {};
}

// RFC 8446 §4.2.3 / RFC 5480 §2.2 (X.690 DER): an ECDSA signature is
//   Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }
// in DER and nothing else: short or minimal long-form lengths, positive
// integers without superfluous leading zeros, no trailing bytes. A back end
// that parses BER leniently (Mbed TLS 2.28 accepts long-form lengths and
// zero-padded integers: Wycheproof ecdsa tcIds 6, 8, 9, 67, 68, 84, 114, 115,
// 128) would let one signature have many encodings; refused as decrypt_error
// like any signature that does not verify.
constexpr status ecdsa_signature_der(bytes_view sig) noexcept {
  const error bad = make_error(errc::crypto_failure, alert_description::decrypt_error, 0);
  std::size_t at = 0;
  // A DER length: short form below 128, else 0x81 and one byte >= 128
  // (Ecdsa-Sig-Values of the curves here are below 256 bytes).
  auto length = [&](std::size_t& n) {
    if (at >= sig.size()) return false;
    const std::uint8_t first = sig[at++];
    if (first < 0x80) {
      n = first;
    } else {
      if (first != 0x81 || at >= sig.size() || sig[at] < 0x80) return false;
      n = sig[at++];
    }
    return n <= sig.size() - at;
  };
  auto integer = [&]() {
    std::size_t n = 0;
    if (at >= sig.size() || sig[at++] != 0x02 || !length(n) || n == 0) return false;
    const std::uint8_t first = sig[at];
    if ((first & 0x80) != 0) return false;                               // negative
    if (first == 0 && n > 1 && (sig[at + 1] & 0x80) == 0) return false;  // padded
    at += n;
    return true;
  };
  std::size_t body = 0;
  if (sig.empty() || sig[at++] != 0x30 || !length(body) || at + body != sig.size()) return bad;
  if (!integer() || !integer() || at != sig.size()) return bad;
  return {};
}

}  // namespace tlswire::provider_checks
