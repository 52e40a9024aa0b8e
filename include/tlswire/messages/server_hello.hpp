#pragma once
// RFC 8446 §4.1.3 / RFC 5246 §7.4.1.3: ServerHello and HelloRetryRequest.
//
//   struct {
//       ProtocolVersion legacy_version = 0x0303;    /* TLS v1.2 */
//       Random random;
//       opaque legacy_session_id_echo<0..32>;
//       CipherSuite cipher_suite;
//       uint8 legacy_compression_method = 0;
//       Extension extensions<6..2^16-1>;
//   } ServerHello;
//
// The 1.2 and 1.3 forms share this wire shape; what differs is meaning:
// in 1.2 the extensions block is optional (RFC 5246 §7.4.1.3) and
// legacy_version is the negotiated version; in 1.3 supported_versions says
// it. A HelloRetryRequest is a ServerHello whose random is a fixed value.
// Parsing checks syntax only; validate_hello.hpp holds the 1.3 rules.
#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>

#include "tlswire/extensions/allowed.hpp"  // message_context
#include "tlswire/extensions/extension.hpp"
#include "tlswire/extensions/supported_versions.hpp"
#include "tlswire/messages/client_hello.hpp"  // random_size, legacy_session_id
#include "tlswire/messages/handshake.hpp"
#include "tlswire/messages/message_common.hpp"
#include "tlswire/registry/cipher_suite.hpp"
#include "tlswire/registry/compression_method.hpp"
#include "tlswire/registry/extension_type.hpp"
#include "tlswire/registry/protocol_version.hpp"
#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/reader.hpp"
#include "tlswire/wire/result.hpp"
#include "tlswire/wire/writer.hpp"

namespace tlswire {

// RFC 8446 §4.1.3: SHA-256("HelloRetryRequest"), the random of every HRR.
inline constexpr std::array<std::uint8_t, 32> hello_retry_request_random{
    0xcf, 0x21, 0xad, 0x74, 0xe5, 0x9a, 0x61, 0x11, 0xbe, 0x1d, 0x8c, 0x02, 0x1e, 0x65, 0xb8, 0x91,
    0xc2, 0xa2, 0x11, 0x16, 0x7a, 0xbb, 0x8c, 0x5e, 0x07, 0x9e, 0x09, 0xe2, 0xc8, 0xa8, 0x33, 0x9c};

// RFC 8446 §4.1.3: a 1.3 server negotiating an older version puts
// "DOWNGRD" and 0x01 (TLS 1.2) or 0x00 (TLS 1.1 or below) in the last
// 8 bytes of its random. The client that offered 1.3 must then abort.
enum class downgrade_sentinel : std::uint8_t {
  none,
  tls12,           // 44 4F 57 4E 47 52 44 01
  tls11_or_below,  // 44 4F 57 4E 47 52 44 00
};

constexpr std::string_view to_string(downgrade_sentinel s) noexcept {
  switch (s) {
    case downgrade_sentinel::none: return "none";
    case downgrade_sentinel::tls12: return "tls12";
    case downgrade_sentinel::tls11_or_below: return "tls11_or_below";
  }
  return "";
}

// The last 8 bytes of a server random, as RFC 8446 §4.1.3 writes them.
inline constexpr std::array<std::uint8_t, 8> downgrade_tls12_suffix{0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44, 0x01};
inline constexpr std::array<std::uint8_t, 8> downgrade_tls11_suffix{0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44, 0x00};

constexpr downgrade_sentinel find_downgrade_sentinel(bytes_view server_random) noexcept {
  if (server_random.size() != random_size) return downgrade_sentinel::none;
  const bytes_view tail = server_random.last(8);
  if (equal_bytes(tail, as_view(downgrade_tls12_suffix))) return downgrade_sentinel::tls12;
  if (equal_bytes(tail, as_view(downgrade_tls11_suffix))) return downgrade_sentinel::tls11_or_below;
  return downgrade_sentinel::none;
}

// RFC 8446 §4.1.3 ServerHello (the body; handshake.hpp adds the header).
template <class Extensions>
struct basic_server_hello {
  static constexpr handshake_type type = handshake_type::server_hello;
  protocol_version legacy_version = protocol_version::tls12;
  bytes_view random{};  // exactly 32 bytes
  legacy_session_id session_id_echo{};
  cipher_suite suite{};
  compression_method legacy_compression_method = compression_method::null;
  // RFC 5246 §7.4.1.3: false = the message ends after the compression method.
  bool has_extensions = true;
  Extensions extensions{};
  bytes_view raw{};  // the body as received (empty for a built one)
  std::size_t offset = 0;  // where raw starts in the caller's input

  static constexpr basic_server_hello parse(reader& r)
    requires requires(reader& rr) { Extensions::parse(rr); }
  {
    basic_server_hello h;
    parse_into(r, h);
    return h;
  }

  // The same into `h`, a default hello (e.g. a result's value), written
  // once where it stays, as basic_client_hello::parse_into. On failure `h`
  // is left default.
  static constexpr void parse_into(reader& r, basic_server_hello& h)
    requires requires(reader& rr) { Extensions::parse(rr); }
  {
    const bytes_view start = r.rest();
    const std::size_t start_offset = r.offset();
    h.legacy_version = r.code<protocol_version>();
    h.random = r.bytes(random_size);
    h.session_id_echo = legacy_session_id::parse(r);
    h.suite = r.code<cipher_suite>();
    h.legacy_compression_method = r.code<compression_method>();
    h.has_extensions = r.ok() && !r.empty();
    if (h.has_extensions) h.extensions = Extensions::parse(r);
    if (!r.ok()) {
      h = basic_server_hello{};
    } else {
      h.raw = start.first(start.size() - r.remaining());
      h.offset = start_offset;
    }
  }

  constexpr void encode(writer& w) const {
    w.code(legacy_version);
    if (random.size() != random_size) return w.fail(errc::bad_value);
    w.bytes(random);
    session_id_echo.encode(w);
    w.code(suite);
    w.code(legacy_compression_method);
    if (has_extensions) extensions.encode(w);
  }

  constexpr void encode_message(writer& w) const { encode_handshake(w, *this); }

  // RFC 8446 §4.1.3: HelloRetryRequest is recognised by its random alone.
  constexpr bool is_hello_retry_request() const noexcept {
    return equal_bytes(random, as_view(hello_retry_request_random));
  }
  constexpr downgrade_sentinel downgrade() const noexcept { return find_downgrade_sentinel(random); }
};

using server_hello = basic_server_hello<extension_list>;

// Parsed like every message: decode<server_hello>(body) (decode_at_offset
// inside a larger input; straight into the result) or
// parse_message<server_hello>(m); trailing bytes are decode_error.

// RFC 8446 §4.2.1: the version the server chose — supported_versions'
// selected_version when present, else legacy_version (TLS 1.2 and below).
constexpr result<protocol_version> negotiated_version(const server_hello& h) {
  if (h.extensions.contains(extension_type::supported_versions)) {
    TLSWIRE_TRY(const auto ext, h.extensions.get<supported_versions_server_hello>());
    return ext.selected_version;
  }
  return h.legacy_version;
}

// Which message its extensions belong to (their shapes and the §4.2 rules
// differ): a HelloRetryRequest, a TLS 1.3 ServerHello (it carries
// supported_versions, RFC 8446 §4.2.1) or a TLS 1.2 one.
constexpr message_context extensions_context(const server_hello& h) noexcept {
  if (h.is_hello_retry_request()) return message_context::hello_retry_request;
  return h.extensions.contains(extension_type::supported_versions) ? message_context::server_hello
                                                                   : message_context::tls12_server_hello;
}

}  // namespace tlswire
