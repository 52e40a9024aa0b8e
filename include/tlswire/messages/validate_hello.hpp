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
#include "tlswire/messages/detail/client_hello_fast_rules.hpp"
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

// The offset of the first extension of `type` (its type field), or
// no_offset.
constexpr std::size_t extension_offset(const extension_list& list, extension_type type) noexcept {
  auto it = list.find_iterator(type);
  return it == list.end() ? no_offset : it.offset();
}

// An extension's validate() cannot know where the extension lies
// (no_offset): place its error at the extension.
constexpr status at_extension(status s, const extension_list& list, extension_type type) noexcept {
  if (s.ok()) return s;
  error e = s.error();
  if (!e.has_offset()) e.offset = static_cast<std::uint32_t>(extension_offset(list, type));
  return e;
}

// The facts check_client_hello asks for, from the list itself: the exact
// list routines of allowed.hpp and the typed decodes. The definition of
// what detail/client_hello_fast_rules.hpp's fast_facts reads faster.
struct typed_facts {
  const extension_list& list;

  constexpr status duplicates() const noexcept { return check_no_duplicate_extensions(list); }
  constexpr status table() const noexcept { return check_extensions_allowed(list, message_context::client_hello); }
  constexpr status pre_shared_key_last() const noexcept { return check_pre_shared_key_last(list); }
  constexpr bool contains(extension_type type) const noexcept { return list.contains(type); }
  constexpr extension_list::located find(extension_type type) const noexcept {
    const auto it = list.find_iterator(type);
    return {*it, it.offset()};
  }

  constexpr result<bool> offers_tls13(const extension_list::located& versions_at) const {
    TLSWIRE_TRY(const auto versions, decode_at<supported_versions_client_hello>(versions_at));
    return versions.versions.contains(protocol_version::tls13);
  }

  // The key_share rules of RFC 8446 §4.2.8 over a ClientHello's key_share
  // and supported_groups, in this order:
  //   - either does not decode (key_share first)                 decode_error
  //   - no two entries for one group (key_share_client_hello's
  //     validate(), at the key_share extension)             illegal_parameter
  //   - each entry's group is listed in supported_groups    illegal_parameter
  constexpr status key_shares(const extension_list::located& shares_at,
                              const extension_list::located& groups_at) const {
    TLSWIRE_TRY(const auto shares, decode_at<key_share_client_hello>(shares_at));
    TLSWIRE_TRY(const auto groups, decode_at<supported_groups>(groups_at));
    TLSWIRE_CHECK(at_extension(validate(shares), list, extension_type::key_share));
    for (const key_share_entry& entry : shares.client_shares)
      if (!groups.named_group_list.contains(entry.group)) return illegal(shares_at.offset);
    return {};
  }
};

// validate(client_hello)'s rules, once, over either reading of the facts:
// typed_facts (the definition) or fast_facts (a scan that may have ridden
// along the parse, and three extensions read from their bytes).
template <class Facts>
constexpr status check_client_hello(const client_hello& h, Facts facts) {
  TLSWIRE_CHECK(facts.duplicates());

  bool tls13 = false;
  if (facts.contains(extension_type::supported_versions)) {
    TLSWIRE_TRY(const bool offered, facts.offers_tls13(facts.find(extension_type::supported_versions)));
    tls13 = offered;
  }
  const std::size_t compression_at = offset_in(h.raw, h.compression_methods.wire_bytes().data(), h.offset) - 1;
  if (!tls13) {
    if (!h.compression_methods.contains(compression_method::null)) return illegal(compression_at);
    return {};
  }

  if (h.legacy_version != protocol_version::tls12) return illegal(h.offset);
  if (h.compression_methods.size() != 1 || h.compression_methods[0] != compression_method::null)
    return illegal(compression_at);
  TLSWIRE_CHECK(facts.table());
  TLSWIRE_CHECK(facts.pre_shared_key_last());

  // RFC 8446 §9.2: "If containing a "supported_groups" extension, it MUST
  // also contain a "key_share" extension, and vice versa."
  const bool has_groups = facts.contains(extension_type::supported_groups);
  const bool has_shares = facts.contains(extension_type::key_share);
  if (has_groups != has_shares)
    return make_error(errc::missing_extension,
                      facts.find(has_groups ? extension_type::supported_groups : extension_type::key_share).offset);
  // §9.2: without a PSK, certificate authentication needs signature_algorithms.
  const bool has_psk = facts.contains(extension_type::pre_shared_key);
  if (!has_psk && !facts.contains(extension_type::signature_algorithms))
    return make_error(errc::missing_extension, h.offset);
  if (has_psk) {
    const auto psk_at = facts.find(extension_type::pre_shared_key);
    // §4.2.9: "If clients offer "pre_shared_key" without a
    // "psk_key_exchange_modes" extension, servers MUST abort the handshake."
    if (!facts.contains(extension_type::psk_key_exchange_modes)) return make_error(errc::missing_extension, psk_at.offset);
    TLSWIRE_TRY(const auto psk, decode_at<pre_shared_key_client_hello>(psk_at));
    TLSWIRE_CHECK(at_extension(validate(psk), h.extensions, extension_type::pre_shared_key));
  }
  // §4.2.8: distinct groups, each offered in supported_groups.
  if (has_shares)
    TLSWIRE_CHECK(facts.key_shares(facts.find(extension_type::key_share), facts.find(extension_type::supported_groups)));
  return {};
}

// The same through the exact routines and typed decodes only: what the
// fast reading is checked against (fuzz/targets/client_hello_rules.hpp).
constexpr status check_client_hello_typed(const client_hello& h) {
  return check_client_hello(h, typed_facts{h.extensions});
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
  return validate_detail::check_client_hello(h, validate_detail::fast_facts{h.extensions, scan});
}

// decode<client_hello>, then validate — the same hello or the same error —
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
  } else if (const status rules = validate_detail::check_client_hello(*h, validate_detail::fast_facts{h->extensions, scan});
             !rules) {
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
    TLSWIRE_CHECK(at_extension(validate(chosen, offered_psks), ext, extension_type::pre_shared_key));
  }
  return {};
}

}  // namespace tlswire
