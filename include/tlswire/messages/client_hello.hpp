#pragma once
// RFC 8446 §4.1.2 / RFC 5246 §7.4.1.2: ClientHello, TLS 1.0–1.3.
//
//   struct {
//       ProtocolVersion legacy_version = 0x0303;    /* TLS v1.2 */
//       Random random;
//       opaque legacy_session_id<0..32>;
//       CipherSuite cipher_suites<2..2^16-2>;
//       opaque legacy_compression_methods<1..2^8-1>;
//       Extension extensions<8..2^16-1>;
//   } ClientHello;
//
// RFC 5246 §7.4.1.2 makes the extensions block optional: a 1.0–1.2 client
// may end the message after the compression methods. `has_extensions` tells
// that "absent" form from a present-but-empty block, so both re-encode as
// they came. Parsing checks syntax only (every length and RFC bound, with
// 1.2's extensions<0..2^16-1> floor since the version is not known until the
// extensions are read); the 1.3 rules live in validate_hello.hpp.
//
// The type is a template over its extension container:
//   client_hello                       parsed (or built from `extension`s /
//                                      already-encoded bytes): extension_list
//   basic_client_hello<extension_tuple<...>>  built from typed values
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>

#include "tlswire/extensions/extension.hpp"
#include "tlswire/extensions/supported_versions.hpp"
#include "tlswire/registry/cipher_suite.hpp"
#include "tlswire/registry/compression_method.hpp"
#include "tlswire/registry/extension_type.hpp"
#include "tlswire/registry/grease.hpp"
#include "tlswire/registry/handshake_type.hpp"
#include "tlswire/registry/protocol_version.hpp"
#include "tlswire/messages/handshake.hpp"
#include "tlswire/messages/message_common.hpp"
#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/reader.hpp"
#include "tlswire/wire/result.hpp"
#include "tlswire/wire/vector.hpp"
#include "tlswire/wire/writer.hpp"

namespace tlswire {

// RFC 8446 §4.1.2: opaque Random[32].
inline constexpr std::size_t random_size = 32;

// RFC 8446 §4.1.2 field types, bounds in the type.
using legacy_session_id = opaque_vector<0, 32>;
using cipher_suite_list = code_vector<cipher_suite, 2, 65534>;
using compression_method_list = code_vector<compression_method, 1, 255>;
using version_list = code_vector<protocol_version, 2, 254>;  // RFC 8446 §4.2.1

// RFC 8446 §4.1.2 ClientHello (the message body; handshake.hpp adds the header).
template <class Extensions>
struct basic_client_hello {
  static constexpr handshake_type type = handshake_type::client_hello;
  protocol_version legacy_version = protocol_version::tls12;
  bytes_view random{};  // exactly 32 bytes
  legacy_session_id session_id{};
  cipher_suite_list cipher_suites{};
  compression_method_list compression_methods{};
  // RFC 5246 §7.4.1.2: false = the message ends after compression_methods.
  bool has_extensions = true;
  Extensions extensions{};
  // The body as received (empty for a built hello): the transcript input.
  bytes_view raw{};
  std::size_t offset = 0;  // where raw starts in the caller's input

  // Reads the body. Requires a container that can parse (extension_list).
  static constexpr basic_client_hello parse(reader& r)
    requires requires(reader& rr) { Extensions::parse(rr); }
  {
    basic_client_hello h;
    parse_into(r, h);
    return h;
  }

  // The same into `h`, a default hello (e.g. a result's value), so the
  // ~200 bytes of views are written once where they stay: copying a freshly
  // written hello into a result stalled clang -O2 builds (store forwarding;
  // 53 -> 31 ns for RFC 8448's ClientHello). On failure `h` is left default.
  // `visit` sees each Extension as the parse walks them (extension_list::parse).
  // Always inlined, so a visitor's state stays in registers across the walk
  // (out of line, g++ kept it in memory: ~25 instructions an extension).
  template <class Visit = extension_list::ignore_extensions>
  [[gnu::always_inline]] static constexpr void parse_into(reader& r, basic_client_hello& h, Visit&& visit = {})
    requires requires(reader& rr) { Extensions::parse(rr, visit); }
  {
    const bytes_view start = r.rest();
    const std::size_t start_offset = r.offset();
    h.legacy_version = r.code<protocol_version>();
    h.random = r.bytes(random_size);
    h.session_id = legacy_session_id::parse(r);
    h.cipher_suites = cipher_suite_list::parse(r);
    h.compression_methods = compression_method_list::parse(r);
    h.has_extensions = r.ok() && !r.empty();
    if (h.has_extensions) h.extensions = Extensions::parse(r, visit);
    if (!r.ok()) {
      h = basic_client_hello{};
    } else {
      h.raw = start.first(start.size() - r.remaining());
      h.offset = start_offset;
    }
  }

  // Writes the body byte-exact: a parsed hello re-encodes as it came.
  constexpr void encode(writer& w) const {
    w.code(legacy_version);
    if (random.size() != random_size) return w.fail(errc::bad_value);
    w.bytes(random);
    session_id.encode(w);
    cipher_suites.encode(w);
    compression_methods.encode(w);
    if (has_extensions) extensions.encode(w);
  }

  // Writes the whole handshake message: header + body.
  constexpr void encode_message(writer& w) const { encode_handshake(w, *this); }
};

using client_hello = basic_client_hello<extension_list>;

// Parsing uses the vocabulary every message shares: decode<client_hello>(body)
// (decode_at_offset to say where the body lies in a larger input; parsed
// straight into the result, see parse_into), or parse_message<client_hello>(m)
// for a complete handshake message. Trailing bytes are decode_error.

// ---- Questions every hello answers --------------------------------------

// RFC 8446 §4.2.1: the versions a client offers — supported_versions when
// present (in the client's order, GREASE included), else legacy_version
// alone (the 1.2-and-earlier negotiation). A malformed supported_versions
// is reported as its decode error.
constexpr result<version_list> offered_versions(const client_hello& h) {
  if (h.extensions.contains(extension_type::supported_versions)) {
    TLSWIRE_TRY(const auto ext, h.extensions.get<supported_versions_client_hello>());
    return ext.versions;
  }
  return version_list(gsl::span<const protocol_version>(&h.legacy_version, 1));
}

// True when the hello offers TLS 1.3 (in supported_versions: RFC 8446 §4.2.1).
constexpr bool offers_tls13(const client_hello& h) {
  auto versions = offered_versions(h);
  return versions.ok() && versions->contains(protocol_version::tls13);
}

// The highest version offered that is not GREASE and not a draft.
constexpr result<protocol_version> highest_offered_version(const client_hello& h) {
  TLSWIRE_TRY(const version_list versions, offered_versions(h));
  protocol_version best{};
  bool found = false;
  for (protocol_version v : versions) {
    const auto n = to_underlying(v);
    if (is_grease(v) || is_tls13_draft(v) || is_dtls(v)) continue;
    if (!found || n > to_underlying(best)) best = v;
    found = true;
  }
  if (!found) return make_error(errc::bad_value, alert_description::protocol_version, no_offset);
  return best;
}

// The cipher suites offered, in the client's order (GREASE and SCSVs included).
template <class E>
constexpr const cipher_suite_list& offered_cipher_suites(const basic_client_hello<E>& h) noexcept {
  return h.cipher_suites;
}

// RFC 8446 §4.2.11.2: the length of the ClientHello *message* (handshake
// header included) up to and including PreSharedKeyExtension.identities —
// the prefix over which each PSK binder is computed. Empty when the last
// extension is not pre_shared_key or its identities do not parse.
constexpr std::optional<std::size_t> binders_prefix_length(const client_hello& h) {
  if (h.extensions.built() || h.raw.empty()) return std::nullopt;
  std::optional<extension> last;
  for (const extension& e : h.extensions) last = e;
  if (!last || last->type != extension_type::pre_shared_key) return std::nullopt;
  reader r(last->data);
  (void)r.vector_bytes(7, 65535);  // PskIdentity identities<7..2^16-1>
  if (!r) return std::nullopt;
  // pre_shared_key is last, so its binders run to the end of the body.
  return handshake_header_size + h.raw.size() - r.remaining();
}

}  // namespace tlswire
