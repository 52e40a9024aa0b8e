#pragma once
// The semantic rules for ClientHello and ServerHello, kept apart from the
// syntax parse (client_hello.hpp, server_hello.hpp). A parse accepts every
// well-formed hello so dissectors and fingerprinting tools can look at
// non-conforming ones; an engine runs the parse and then these checks —
// for a ClientHello best in one go, parse_and_validate_client_hello, whose
// extension rules ride along the parse's walk of the extensions.
//
// Each failure carries the alert RFC 8446 names for it and the offset of
// the offending field in the caller's input (when the hello was parsed).
#include <cstddef>
#include <cstdint>
#include <utility>

#include "tlswire/extensions/allowed.hpp"
#include "tlswire/extensions/key_share.hpp"
#include "tlswire/extensions/pre_shared_key.hpp"
#include "tlswire/extensions/supported_groups.hpp"
#include "tlswire/extensions/supported_versions.hpp"
#include "tlswire/messages/client_hello.hpp"
#include "tlswire/messages/handshake.hpp"
#include "tlswire/messages/server_hello.hpp"
#include "tlswire/wire/result.hpp"

namespace tlswire {

namespace validate_detail {

// Offset of a parsed field: how far `field` lies into the hello's body.
// (A built hello has no input: its offsets are 0-based guesses.)
constexpr std::size_t offset_in(bytes_view raw, const std::uint8_t* field, std::size_t base) noexcept {
  if (raw.empty() || field == nullptr) return base;
  return base + static_cast<std::size_t>(field - raw.data());
}

// The offset of the first extension of `type` (its type field), or 0.
constexpr std::size_t extension_offset(const extension_list& list, extension_type type) noexcept {
  auto it = list.find_iterator(type);
  return it == list.end() ? 0 : it.offset();
}

constexpr error illegal(std::size_t at) noexcept {
  return make_error(errc::bad_value, alert_description::illegal_parameter, at);
}

// An extension's own validate() reports offset 0; move it to the extension.
constexpr status at_extension(status s, const extension_list& list, extension_type type) noexcept {
  if (s.ok()) return s;
  error e = s.error();
  if (e.offset == 0) e.offset = static_cast<std::uint32_t>(extension_offset(list, type));
  return e;
}

// The typed extension a scan found, its decode errors at its data in the
// caller's input.
template <typed_extension Ext>
constexpr result<Ext> decode_at(const extension_list::located& found) {
  return decode_extension_data<Ext>(found.value.data, found.offset + 4);
}

// True when the 2-byte code points in `wire` (a parsed code_vector's bytes)
// include `value`.
constexpr bool contains_u16(bytes_view wire, std::uint16_t value) noexcept {
  const std::uint8_t* p = wire.data();
  for (std::size_t i = 0; i + 2 <= wire.size(); i += 2)
    if (load_u16_be(p + i) == value) return true;
  return false;
}

// The rules below read the few extensions they need (supported_versions,
// supported_groups, key_share) straight from their bytes, checking the
// framing the typed parse checks as they go: decoding them into typed views
// first (a reader, a result and a view each) cost more than the rules. Only
// for a malformed one does the typed decode run, to say what is wrong and
// where — it must then fail, or the two checks disagree.
template <typed_extension Ext>
constexpr error decode_error_of(const extension_list::located& found) {
  const auto typed = decode_at<Ext>(found);
  Ensures(!typed);
  return typed.error();
}

// The wire bytes of the code points of an extension that is one
// code_vector, named by a pointer to it: &supported_groups::named_group_list.
template <typed_extension Ext, class Vector>
constexpr result<bytes_view> code_vector_bytes(Vector Ext::* /*the vector*/, const extension_list::located& found) {
  if (const auto items = whole_vector(found.value.data, Vector::min_bytes, Vector::max_bytes, Vector::width))
    return *items;
  return decode_error_of<Ext>(found);
}

// The key_share rules of RFC 8446 §4.2.8 over a ClientHello's key_share and
// supported_groups, in one walk of the key shares:
//   - either does not decode (checked in that order)             decode_error
//   - no two entries for one group (key_share_client_hello::validate(),
//     reported like at_extension() reports it)
//   - each entry's group is listed in supported_groups        illegal_parameter
// A duplicate anywhere is reported before a group missing from the list,
// as the rules are checked in that order.
constexpr status check_key_shares(const extension_list::located& shares_at,
                                  const extension_list::located& groups_at) {
  const auto groups = code_vector_bytes(&supported_groups::named_group_list, groups_at);
  const bytes_view data = shares_at.value.data;
  const std::uint8_t* const p = data.data();
  const std::size_t size = data.size();
  // KeyShareEntry client_shares<0..2^16-1>; each { NamedGroup group;
  // opaque key_exchange<1..2^16-1>; }
  bool framed = size >= 2 && load_u16_be(p) == size - 2;
  bool repeated = false;
  bool unlisted = false;
  std::uint64_t seen = 0;  // a bit per (group mod 64): rescan only on a hit
  for (std::size_t pos = 2; framed && pos != size;) {
    const std::size_t length = size - pos < 4 ? 0 : load_u16_be(p + pos + 2);
    if (length == 0 || length > size - pos - 4) {
      framed = false;
      break;
    }
    const std::uint16_t group = load_u16_be(p + pos);
    const std::uint64_t bit = std::uint64_t{1} << (group & 63);
    if ((seen & bit) != 0) {
      for (std::size_t q = 2; q < pos; q += 4 + std::size_t{load_u16_be(p + q + 2)})
        repeated = repeated || load_u16_be(p + q) == group;
    }
    seen |= bit;
    unlisted = unlisted || (groups.ok() && !contains_u16(*groups, group));
    pos += 4 + length;
  }
  if (!framed) return decode_error_of<key_share_client_hello>(shares_at);
  if (!groups) return groups.error();
  if (repeated) return make_error(errc::bad_value, shares_at.offset);
  if (unlisted) return illegal(shares_at.offset);
  return {};
}

// validate(client_hello) once its extensions are scanned: the scan may be
// one of the list afterwards or one that rode along the parse.
constexpr status check_client_hello(const client_hello& h, const extension_scan& scan) {
  const extension_list& ext = h.extensions;
  TLSWIRE_CHECK(scan.duplicates(ext));

  bool tls13 = false;
  if (scan.contains(extension_type::supported_versions)) {
    const auto versions = code_vector_bytes(&supported_versions_client_hello::versions,
                                            scan.find(ext, extension_type::supported_versions));
    if (!versions) return versions.error();
    tls13 = contains_u16(*versions, to_underlying(protocol_version::tls13));
  }
  const std::size_t compression_at = offset_in(h.raw, h.compression_methods.wire_bytes().data(), h.offset) - 1;
  if (!tls13) {
    if (!h.compression_methods.contains(compression_method::null)) return illegal(compression_at);
    return {};
  }

  if (h.legacy_version != protocol_version::tls12) return illegal(h.offset);
  if (h.compression_methods.size() != 1 || h.compression_methods[0] != compression_method::null)
    return illegal(compression_at);
  TLSWIRE_CHECK(scan.table(ext));
  TLSWIRE_CHECK(scan.pre_shared_key_last(ext));

  // RFC 8446 §9.2: "If containing a "supported_groups" extension, it MUST
  // also contain a "key_share" extension, and vice versa."
  const bool has_groups = scan.contains(extension_type::supported_groups);
  const bool has_shares = scan.contains(extension_type::key_share);
  if (has_groups != has_shares)
    return make_error(errc::missing_extension,
                      scan.find(ext, has_groups ? extension_type::supported_groups : extension_type::key_share).offset);
  // §9.2: without a PSK, certificate authentication needs signature_algorithms.
  const bool has_psk = scan.contains(extension_type::pre_shared_key);
  if (!has_psk && !scan.contains(extension_type::signature_algorithms)) return make_error(errc::missing_extension, h.offset);
  if (has_psk) {
    const auto psk_at = scan.find(ext, extension_type::pre_shared_key);
    // §4.2.9: "If clients offer "pre_shared_key" without a
    // "psk_key_exchange_modes" extension, servers MUST abort the handshake."
    if (!scan.contains(extension_type::psk_key_exchange_modes)) return make_error(errc::missing_extension, psk_at.offset);
    TLSWIRE_TRY(const auto psk, decode_at<pre_shared_key_client_hello>(psk_at));
    TLSWIRE_CHECK(at_extension(psk.validate(), ext, extension_type::pre_shared_key));
  }
  // §4.2.8: distinct groups (key_share_client_hello::validate()), and
  // "Each KeyShareEntry value MUST correspond to a group offered in the
  // "supported_groups" extension".
  if (has_shares)
    TLSWIRE_CHECK(check_key_shares(scan.find(ext, extension_type::key_share),
                                   scan.find(ext, extension_type::supported_groups)));
  return {};
}

// A version chosen without supported_versions (TLS 1.2 and below: the
// ServerHello's legacy_version), against what the client offered; `at` is
// the legacy_version field.
constexpr status check_legacy_version(protocol_version version, const client_hello& ch,
                                      const version_list& offered, std::size_t at) {
  const auto v = to_underlying(version);
  // RFC 7568 §3 (SSL 3.0) and RFC 6176 (SSL 2.0): never, and TLS 1.3 or
  // anything above it only through supported_versions (RFC 8446 §4.1.3).
  bool acceptable = v >= to_underlying(protocol_version::tls10) && v <= to_underlying(protocol_version::tls12);
  // RFC 8446 §4.2.1: with supported_versions the client's list is all it
  // offers; without, every version up to legacy_version (RFC 5246 §E.1).
  if (ch.extensions.contains(extension_type::supported_versions))
    acceptable = acceptable && offered.contains(version);
  else
    acceptable = acceptable && v <= to_underlying(ch.legacy_version);
  if (!acceptable) return make_error(errc::bad_value, alert_description::protocol_version, at);
  return {};
}

// RFC 8446 §4.1.3: "TLS 1.3 clients receiving a ServerHello indicating TLS
// 1.2 or below MUST check that the last 8 bytes are not equal to either of
// these values. TLS 1.2 clients SHOULD also check that the last 8 bytes are
// not equal to the second value if the ServerHello indicates TLS 1.1 or
// below. If a match is found, the client MUST abort the handshake with an
// "illegal_parameter" alert." Reported at the random.
constexpr status check_downgrade_sentinel(const server_hello& sh, protocol_version version,
                                          const version_list& offered) {
  const downgrade_sentinel sentinel = sh.downgrade();
  if (sentinel == downgrade_sentinel::none) return {};
  const bool offered_tls13 = offered.contains(protocol_version::tls13);
  const bool tls11_or_below_from_tls12_client =
      offered.contains(protocol_version::tls12) && to_underlying(version) < to_underlying(protocol_version::tls12) &&
      sentinel == downgrade_sentinel::tls11_or_below;
  if (offered_tls13 || tls11_or_below_from_tls12_client) return illegal(sh.offset + 2);
  return {};
}

}  // namespace validate_detail

// RFC 8446 §4.1.2, §4.2, §9.2 — a ClientHello that offers TLS 1.3
// (supported_versions lists 0x0304):
//   - legacy_version is 0x0303                                  illegal_parameter
//   - legacy_compression_methods is exactly {null}              illegal_parameter
//   - no duplicate extension; pre_shared_key last; nothing the §4.2 table
//     keeps out of a ClientHello                                illegal_parameter
//   - key_share entries name distinct groups, each one listed in
//     supported_groups                                          illegal_parameter
//   - supported_groups and key_share come together; without
//     pre_shared_key, signature_algorithms is present (§9.2);
//     pre_shared_key comes with psk_key_exchange_modes (§4.2.9) missing_extension
//   - as many PSK binders as identities (§4.2.11)               illegal_parameter
// A hello offering only TLS 1.2 or earlier (RFC 5246 §7.4.1.2, §7.4.1.4):
//   - compression_methods includes null; no duplicate extension illegal_parameter
// Typed extensions that do not decode are reported with decode_error.
constexpr status validate(const client_hello& h) {
  extension_scan scan(message_context::client_hello);
  h.extensions.visit(scan);
  return validate_detail::check_client_hello(h, scan);
}

// parse_client_hello, then validate — the same hello or the same error —
// with one walk of the extensions: the rules of the list ride along the
// parse's framing walk. What an engine receiving a ClientHello runs.
constexpr result<client_hello> parse_and_validate_client_hello(bytes_view body, std::size_t offset = 0) {
  reader r(body, offset);
  result<client_hello> h(std::in_place);
  extension_scan scan(message_context::client_hello);
  client_hello::parse_into(r, *h, scan);
  r.expect_end();
  if (!r) {
    h = r.error();
  } else if (const status rules = validate_detail::check_client_hello(*h, scan); !rules) {
    h = rules.error();
  }
  return h;
}

// The same from a complete handshake message holding a ClientHello.
constexpr result<client_hello> parse_and_validate_client_hello(const handshake_message& m) {
  if (m.type != handshake_type::client_hello) return make_error(errc::unexpected_message, 0);
  return parse_and_validate_client_hello(m.body, handshake_header_size);
}

// RFC 8446 §4.1.3, §4.1.4, §4.2 — a ServerHello or HelloRetryRequest on its own:
//   TLS 1.3 (supported_versions present, or an HRR):
//   - supported_versions selects exactly 0x0304                 illegal_parameter
//   - legacy_version 0x0303, legacy_compression_method 0        illegal_parameter
//   - no duplicate extension, nothing the §4.2 table keeps out  illegal_parameter
//   - an HRR asks for a change: carries key_share or cookie     illegal_parameter
//   TLS 1.2 and earlier: no duplicate extension                 illegal_parameter
constexpr status validate(const server_hello& h) {
  using namespace validate_detail;
  const extension_list& ext = h.extensions;
  const bool hrr = h.is_hello_retry_request();
  if (!ext.contains(extension_type::supported_versions)) {
    if (hrr) return make_error(errc::missing_extension, h.offset);
    return check_no_duplicate_extensions(ext);
  }
  TLSWIRE_TRY(const auto selected, ext.get<supported_versions_server_hello>());
  if (selected.selected_version != protocol_version::tls13)
    return illegal(extension_offset(ext, extension_type::supported_versions));
  if (h.legacy_version != protocol_version::tls12) return illegal(h.offset);
  if (h.legacy_compression_method != compression_method::null)
    return illegal(offset_in(h.raw, h.session_id_echo.bytes.data(), h.offset) + h.session_id_echo.size() + 2);
  TLSWIRE_CHECK(validate_extensions(ext, hrr ? message_context::hello_retry_request : message_context::server_hello));
  if (hrr && !ext.contains(extension_type::key_share) && !ext.contains(extension_type::cookie)) return illegal(h.offset);
  return {};
}

// The ServerHello against the ClientHello it answers — what a client checks:
//   - everything validate(server_hello) checks
//   - the cipher suite and compression method were offered    illegal_parameter
//   - 1.3: the version was offered, legacy_session_id_echo equals the
//     client's legacy_session_id, extensions answer ones the client sent
//     (unsupported_extension), key_share names a group the client sent a
//     share for (an HRR's: a group it listed but sent no share for),
//     pre_shared_key selects an offered identity                illegal_parameter
//   - ≤1.2: a version the client offered — in its supported_versions when
//     it sent one (RFC 8446 §4.2.1), else at most its legacy_version
//     (RFC 5246 §E.1) — and never below TLS 1.0 (RFC 7568 §3)  protocol_version
//     (RFC 8446 §D.1: "not supported by the client (or is not acceptable)")
//   - ≤1.2 from a client that offered 1.3: no downgrade sentinel in the
//     random; from one that offered at most 1.2, none saying TLS 1.1 or
//     below when 1.1 or below was chosen (RFC 8446 §4.1.3)  illegal_parameter
constexpr status validate(const server_hello& sh, const client_hello& ch) {
  using namespace validate_detail;
  TLSWIRE_CHECK(validate(sh));
  const extension_list& ext = sh.extensions;
  const std::size_t suite_at = offset_in(sh.raw, sh.session_id_echo.bytes.data(), sh.offset) + sh.session_id_echo.size();
  if (!ch.cipher_suites.contains(sh.suite)) return illegal(suite_at);
  if (!ch.compression_methods.contains(sh.legacy_compression_method)) return illegal(suite_at + 2);
  TLSWIRE_TRY(const protocol_version version, negotiated_version(sh));
  TLSWIRE_TRY(const version_list offered, offered_versions(ch));
  const bool hrr = sh.is_hello_retry_request();

  if (!hrr && !ext.contains(extension_type::supported_versions)) {
    TLSWIRE_CHECK(check_legacy_version(version, ch, offered, sh.offset));
    TLSWIRE_CHECK(check_downgrade_sentinel(sh, version, offered));
    return check_extensions_requested(ext, message_context::tls12_server_hello, ch.extensions);
  }
  if (!offered.contains(protocol_version::tls13)) return illegal(extension_offset(ext, extension_type::supported_versions));
  // §4.1.3: "A client which receives a legacy_session_id_echo field that
  // does not match what it sent in the ClientHello MUST abort".
  if (!(sh.session_id_echo == ch.session_id)) return illegal(offset_in(sh.raw, sh.session_id_echo.bytes.data(), sh.offset) - 1);
  TLSWIRE_CHECK(check_extensions_requested(ext, hrr ? message_context::hello_retry_request : message_context::server_hello,
                                           ch.extensions));
  if (ext.contains(extension_type::key_share)) {
    const std::size_t at = extension_offset(ext, extension_type::key_share);
    TLSWIRE_TRY(const auto client_shares, ch.extensions.get<key_share_client_hello>());
    if (hrr) {
      // §4.2.8: the selected group must be in supported_groups and must not
      // already have a share in the ClientHello.
      TLSWIRE_TRY(const auto selected, ext.get<key_share_hello_retry_request>());
      TLSWIRE_TRY(const auto groups, ch.extensions.get<supported_groups>());
      if (!groups.named_group_list.contains(selected.selected_group) ||
          client_shares.find(selected.selected_group).has_value())
        return illegal(at);
    } else {
      TLSWIRE_TRY(const auto share, ext.get<key_share_server_hello>());
      if (!client_shares.find(share.server_share.group).has_value()) return illegal(at);
    }
  }
  if (!hrr && ext.contains(extension_type::pre_shared_key)) {
    TLSWIRE_TRY(const auto chosen, ext.get<pre_shared_key_server_hello>());
    TLSWIRE_TRY(const auto offered_psks, ch.extensions.get<pre_shared_key_client_hello>());
    TLSWIRE_CHECK(at_extension(chosen.validate(offered_psks), ext, extension_type::pre_shared_key));
  }
  return {};
}

}  // namespace tlswire
