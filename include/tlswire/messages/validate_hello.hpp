#pragma once
// The semantic rules for ClientHello and ServerHello, kept apart from the
// syntax parse (client_hello.hpp, server_hello.hpp). A parse accepts every
// well-formed hello so dissectors and fingerprinting tools can look at
// non-conforming ones; an engine runs the parse and then these checks.
//
// Each failure carries the alert RFC 8446 names for it and the offset of
// the offending field in the caller's input (when the hello was parsed).
#include <array>
#include <cstddef>
#include <cstdint>

#include "tlswire/extensions/allowed.hpp"
#include "tlswire/extensions/key_share.hpp"
#include "tlswire/extensions/pre_shared_key.hpp"
#include "tlswire/extensions/supported_groups.hpp"
#include "tlswire/extensions/supported_versions.hpp"
#include "tlswire/messages/client_hello.hpp"
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

// One pass over a hello's extensions: the RFC 8446 §4.2 list rules
// (duplicates, the table, pre_shared_key last) and where the extensions the
// hello rules read are. Validation then decodes those from their data
// directly instead of searching the list again for each rule.
struct extension_index {
  struct entry {
    bool present = false;
    bytes_view data{};
    std::size_t offset = 0;  // of the Extension's type field
  };
  entry supported_versions, supported_groups, key_share, signature_algorithms, pre_shared_key,
      psk_key_exchange_modes, cookie;
  // The first breach of the §4.2 table and of "pre_shared_key last", kept
  // for the caller to apply when the message turns out to be TLS 1.3.
  error table_violation{};
  error order_violation{};

  constexpr void note(extension_type type, bytes_view data, std::size_t offset) noexcept {
    entry* e = nullptr;
    switch (type) {
      case extension_type::supported_versions: e = &supported_versions; break;
      case extension_type::supported_groups: e = &supported_groups; break;
      case extension_type::key_share: e = &key_share; break;
      case extension_type::signature_algorithms: e = &signature_algorithms; break;
      case extension_type::pre_shared_key: e = &pre_shared_key; break;
      case extension_type::psk_key_exchange_modes: e = &psk_key_exchange_modes; break;
      case extension_type::cookie: e = &cookie; break;
      default: return;
    }
    if (!e->present) *e = entry{true, data, offset};
  }
};

// Visits each Extension as (type, data, offset of its type field) until
// `f` returns false. A parsed list's framing was checked by its parse, so
// its bytes are walked directly rather than through checked readers.
template <class F>
constexpr void for_each_extension(const extension_list& list, F&& f) {
  if (list.built()) {
    for (auto it = list.begin(); it != list.end(); ++it)
      if (!f(it->type, it->data, it.offset())) return;
    return;
  }
  const bytes_view wire = list.wire_bytes();
  std::size_t pos = 0;
  while (pos + 4 <= wire.size()) {
    const auto type = static_cast<extension_type>(wire[pos] << 8 | wire[pos + 1]);
    const std::size_t length = static_cast<std::size_t>(wire[pos + 2] << 8 | wire[pos + 3]);
    if (!f(type, wire.subspan(pos + 4, length), list.wire_offset() + pos)) return;
    pos += 4 + length;
  }
}

// allowed_in() for the extension types below 64 as a table indexed by type
// (the binary search in allowed.hpp, done once at compile time).
inline constexpr auto low_extension_rules = [] {
  std::array<message_mask, 64> rules{};
  for (std::size_t t = 0; t < rules.size(); ++t)
    for (std::uint8_t m = 0; m <= static_cast<std::uint8_t>(message_context::tls12_server_hello); ++m)
      if (allowed_in(static_cast<extension_type>(t), static_cast<message_context>(m)))
        rules[t] = static_cast<message_mask>(rules[t] | mask_of(static_cast<message_context>(m)));
  return rules;
}();

// Scans `list` once: refuses duplicates (every version, RFC 8446 §4.2 /
// RFC 5246 §7.4.1.4) and notes the first extension the §4.2 table keeps out
// of `message` and, in a ClientHello, a pre_shared_key that is not last.
constexpr result<extension_index> scan_extensions(const extension_list& list, message_context message) noexcept {
  extension_index index;
  // Duplicates: a bit per type below 64 (every common extension), and a
  // short list for the rest; a list with more uncommon types than that
  // (never seen in practice) is also checked by allowed.hpp's general routine.
  std::uint64_t seen_low = 0;
  std::array<std::uint16_t, 32> seen_high{};
  std::size_t high_count = 0;
  bool overflow = false;
  bool after_psk = false;
  std::size_t psk_at = 0;
  error failure{};
  for_each_extension(list, [&](extension_type type, bytes_view data, std::size_t at) {
    const auto n = to_underlying(type);
    bool allowed = true;
    if (n < 64) {
      const std::uint64_t bit = std::uint64_t{1} << n;
      if ((seen_low & bit) != 0) {
        failure = make_error(errc::duplicate_extension, at);
        return false;
      }
      seen_low |= bit;
      allowed = (low_extension_rules[n] & mask_of(message)) != 0;
    } else {
      if (high_count < seen_high.size()) {
        for (std::size_t i = 0; i < high_count; ++i) {
          if (seen_high[i] == n) {
            failure = make_error(errc::duplicate_extension, at);
            return false;
          }
        }
        seen_high[high_count++] = n;
      } else {
        overflow = true;
      }
      allowed = allowed_in(type, message);
    }
    if (index.table_violation.code == errc::none && !allowed)
      index.table_violation = make_error(errc::extension_not_allowed, alert_description::illegal_parameter, at);
    if (after_psk && message == message_context::client_hello && index.order_violation.code == errc::none)
      index.order_violation = make_error(errc::extension_order, psk_at);
    if (type == extension_type::pre_shared_key) {
      after_psk = true;
      psk_at = at;
    }
    index.note(type, data, at);
    return true;
  });
  if (failure.code != errc::none) return failure;
  if (overflow) TLSWIRE_CHECK(check_no_duplicate_extensions(list));
  return index;
}

template <typed_extension Ext>
constexpr result<Ext> decode_at(const extension_index::entry& e) {
  return decode_extension_data<Ext>(e.data, e.offset + 4);
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
  using namespace validate_detail;
  const extension_list& ext = h.extensions;
  TLSWIRE_TRY(const extension_index index, scan_extensions(ext, message_context::client_hello));

  bool tls13 = false;
  if (index.supported_versions.present) {
    TLSWIRE_TRY(const auto versions, decode_at<supported_versions_client_hello>(index.supported_versions));
    tls13 = versions.versions.contains(protocol_version::tls13);
  }
  const std::size_t compression_at = offset_in(h.raw, h.compression_methods.wire_bytes().data(), h.offset) - 1;
  if (!tls13) {
    if (!h.compression_methods.contains(compression_method::null)) return illegal(compression_at);
    return {};
  }

  if (h.legacy_version != protocol_version::tls12) return illegal(h.offset);
  if (h.compression_methods.size() != 1 || h.compression_methods[0] != compression_method::null)
    return illegal(compression_at);
  if (index.table_violation.code != errc::none) return index.table_violation;
  if (index.order_violation.code != errc::none) return index.order_violation;

  const bool has_groups = index.supported_groups.present;
  const bool has_shares = index.key_share.present;
  const bool has_psk = index.pre_shared_key.present;
  // RFC 8446 §9.2: "If containing a "supported_groups" extension, it MUST
  // also contain a "key_share" extension, and vice versa."
  if (has_groups != has_shares)
    return make_error(errc::missing_extension, has_groups ? index.supported_groups.offset : index.key_share.offset);
  // §9.2: without a PSK, certificate authentication needs signature_algorithms.
  if (!has_psk && !index.signature_algorithms.present) return make_error(errc::missing_extension, h.offset);
  if (has_psk) {
    // §4.2.9: "If clients offer "pre_shared_key" without a
    // "psk_key_exchange_modes" extension, servers MUST abort the handshake."
    if (!index.psk_key_exchange_modes.present) return make_error(errc::missing_extension, index.pre_shared_key.offset);
    TLSWIRE_TRY(const auto psk, decode_at<pre_shared_key_client_hello>(index.pre_shared_key));
    TLSWIRE_CHECK(at_extension(psk.validate(), ext, extension_type::pre_shared_key));
  }
  if (has_shares) {
    TLSWIRE_TRY(const auto shares, decode_at<key_share_client_hello>(index.key_share));
    TLSWIRE_TRY(const auto groups, decode_at<supported_groups>(index.supported_groups));
    TLSWIRE_CHECK(at_extension(shares.validate(), ext, extension_type::key_share));
    // §4.2.8: "Each KeyShareEntry value MUST correspond to a group offered
    // in the "supported_groups" extension".
    for (const key_share_entry& e : shares.client_shares)
      if (!groups.named_group_list.contains(e.group)) return illegal(index.key_share.offset);
  }
  return {};
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
//   - ≤1.2 from a client that offered 1.3: no downgrade sentinel in the
//     random (RFC 8446 §4.1.3)                                  illegal_parameter
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

  if (version != protocol_version::tls13 && !hrr) {
    if (offered.contains(protocol_version::tls13) && sh.downgrade() != downgrade_sentinel::none) return illegal(sh.offset + 2);
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
