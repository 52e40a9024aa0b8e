#pragma once
// RFC 5246 Appendix E.2: the SSL 2.0-compatible CLIENT-HELLO that old
// clients send to reach TLS servers. Parse only (no TLS stack may send it).
//
//   uint8 V2CipherSpec[3];
//   struct {
//       uint16 msg_length;        /* high bit set: 2-byte SSLv2 record header */
//       uint8 msg_type;           /* 1 = CLIENT-HELLO */
//       Version version;
//       uint16 cipher_spec_length;
//       uint16 session_id_length;
//       uint16 challenge_length;
//       V2CipherSpec cipher_specs[V2ClientHello.cipher_spec_length];
//       opaque session_id[V2ClientHello.session_id_length];
//       opaque challenge[V2ClientHello.challenge_length];
//   } V2ClientHello;
//
// A view answering the questions a ClientHello answers: versions, suites
// (V2CipherSpecs 0x00XXYY are TLS suite XXYY), random (the challenge,
// right-aligned and zero-padded to 32 bytes, RFC 2246 Appendix E.1).
#include <array>
#include <cstddef>
#include <cstdint>

#include "tlswire/registry/cipher_suite.hpp"
#include "tlswire/registry/protocol_version.hpp"
#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/codec.hpp"
#include "tlswire/wire/reader.hpp"
#include "tlswire/wire/result.hpp"

namespace tlswire {

// RFC 5246 Appendix E.2 V2CipherSpec: three bytes.
struct v2_cipher_spec {
  std::uint32_t value = 0;  // the 24-bit code point

  // 0x00XXYY is the TLS CipherSuite {XX, YY}; anything else is an SSL 2.0 kind.
  constexpr bool is_tls_suite() const noexcept { return (value >> 16) == 0; }
  constexpr cipher_suite tls_suite() const noexcept { return static_cast<cipher_suite>(value & 0xffff); }
  friend constexpr bool operator==(const v2_cipher_spec&, const v2_cipher_spec&) = default;
};

// RFC 5246 Appendix E.2 V2ClientHello.
struct sslv2_client_hello {
  static constexpr std::uint8_t client_hello_type = 1;
  static constexpr std::size_t header_size = 2;  // msg_length
  static constexpr std::size_t min_challenge = 16;
  static constexpr std::size_t max_challenge = 32;

  protocol_version version{};
  bytes_view cipher_specs{};  // cipher_spec_length bytes, a multiple of 3
  bytes_view session_id{};
  bytes_view challenge{};
  bytes_view message{};  // from msg_type on: what the handshake hash covers
  bytes_view raw{};      // the whole record, msg_length included

  // Reads the record (2-byte SSLv2 header + message).
  static constexpr sslv2_client_hello parse(reader& r) noexcept {
    sslv2_client_hello h;
    const bytes_view start = r.rest();
    const std::size_t header_at = r.offset();
    const std::uint16_t msg_length = r.u16();
    if (!r) return {};
    // The 2-byte header form has the high bit set; the 3-byte form (with
    // padding) is never a CLIENT-HELLO.
    if ((msg_length & 0x8000) == 0) {
      r.fail(errc::bad_value, header_at);
      return {};
    }
    const std::size_t length = msg_length & 0x7fff;
    reader m = r.sub(length);
    const std::size_t type_at = m.offset();
    if (m.u8() != client_hello_type && m.ok()) m.fail(errc::unexpected_message, type_at);
    h.version = m.code<protocol_version>();
    const std::size_t lengths_at = m.offset();
    const std::size_t spec_length = m.u16();
    const std::size_t session_id_length = m.u16();
    const std::size_t challenge_length = m.u16();
    if (m.ok()) {
      // E.2: cipher_spec_length is a multiple of 3 and non-zero; session_id
      // is empty or an SSL 2.0 session id (16 bytes); the challenge is 16..32.
      if (spec_length == 0 || spec_length % 3 != 0) m.fail(errc::length_out_of_range, lengths_at);
      if (session_id_length != 0 && session_id_length != 16) m.fail(errc::length_out_of_range, lengths_at + 2);
      if (challenge_length < min_challenge || challenge_length > max_challenge)
        m.fail(errc::length_out_of_range, lengths_at + 4);
    }
    h.cipher_specs = m.bytes(spec_length);
    h.session_id = m.bytes(session_id_length);
    h.challenge = m.bytes(challenge_length);
    m.expect_end();
    if (!m.ok()) {
      r.fail(m.error());
      return {};
    }
    h.raw = start.first(header_size + length);
    h.message = h.raw.subspan(header_size);
    return h;
  }

  constexpr std::size_t cipher_spec_count() const noexcept { return cipher_specs.size() / 3; }
  constexpr v2_cipher_spec cipher_spec(std::size_t i) const noexcept {
    const std::uint8_t* p = cipher_specs.data() + 3 * i;
    return {static_cast<std::uint32_t>(p[0]) << 16 | static_cast<std::uint32_t>(p[1]) << 8 | p[2]};
  }

  // The TLS suites among the cipher specs, in order, written to `out`;
  // returns how many (at most out.size()).
  constexpr std::size_t tls_cipher_suites(gsl::span<cipher_suite> out) const noexcept {
    std::size_t n = 0;
    for (std::size_t i = 0; i < cipher_spec_count() && n < out.size(); ++i)
      if (cipher_spec(i).is_tls_suite()) out[n++] = cipher_spec(i).tls_suite();
    return n;
  }
  constexpr bool offers(cipher_suite suite) const noexcept {
    for (std::size_t i = 0; i < cipher_spec_count(); ++i)
      if (cipher_spec(i).is_tls_suite() && cipher_spec(i).tls_suite() == suite) return true;
    return false;
  }

  // The only version it offers: the highest the client supports (E.2).
  constexpr protocol_version offered_version() const noexcept { return version; }

  // RFC 2246 Appendix E.1 / RFC 5246 E.2: ClientHello.random is the challenge
  // right-aligned in 32 bytes, padded with leading zeros.
  constexpr std::array<std::uint8_t, 32> random() const noexcept {
    std::array<std::uint8_t, 32> out{};
    const std::size_t pad = out.size() - challenge.size();
    for (std::size_t i = 0; i < challenge.size(); ++i) out[pad + i] = challenge[i];
    return out;
  }
};

// True when `record` starts like an SSLv2-compatible CLIENT-HELLO rather than
// a TLS record: high bit set in the first byte and msg_type 1 in the third.
constexpr bool looks_like_sslv2_client_hello(bytes_view record) noexcept {
  return record.size() >= 3 && (record[0] & 0x80) != 0 && record[2] == sslv2_client_hello::client_hello_type;
}

constexpr result<sslv2_client_hello> parse_sslv2_client_hello(bytes_view record) noexcept {
  return decode<sslv2_client_hello>(record);
}

}  // namespace tlswire
