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
struct extension_index {  // NOLINT(cppcoreguidelines-pro-type-member-init): entries, see below
  // Left uninitialized: an entry is read only when has() says the scan
  // wrote it, and zeroing all of them cost more than the scan's stores.
  struct entry {
    const std::uint8_t* data;  // extension_data
    std::size_t length;
    std::size_t offset;  // of the Extension's type field
    constexpr bytes_view bytes() const noexcept { return bytes_view(data, length); }
  };
  // The extensions the hello rules read, by slot (0: none of them).
  enum slot : std::uint8_t {
    none,
    supported_versions,
    supported_groups,
    key_share,
    signature_algorithms,
    pre_shared_key,
    psk_key_exchange_modes,
    cookie,
    slot_count
  };
  std::array<entry, slot_count> entries;
  std::uint64_t low_types = 0;  // a bit per extension type below 64 present
  // The first breach of the §4.2 table and of "pre_shared_key last", kept
  // for the caller to apply when the message turns out to be TLS 1.3.
  error table_violation{};
  error order_violation{};

  // Every slot's type is below 64 (checked below), so low_types tells.
  constexpr bool has(slot s) const noexcept { return (low_types >> to_underlying(type_of(s)) & 1U) != 0; }
  constexpr const entry& operator[](slot s) const noexcept { return entries[s]; }

  static constexpr extension_type type_of(slot s) noexcept {
    switch (s) {
      case supported_versions: return extension_type::supported_versions;
      case supported_groups: return extension_type::supported_groups;
      case key_share: return extension_type::key_share;
      case signature_algorithms: return extension_type::signature_algorithms;
      case pre_shared_key: return extension_type::pre_shared_key;
      case psk_key_exchange_modes: return extension_type::psk_key_exchange_modes;
      case cookie: return extension_type::cookie;
      case none:
      case slot_count: break;
    }
    return extension_type{};
  }
  static constexpr slot slot_of(extension_type type) noexcept {
    switch (type) {
      case extension_type::supported_versions: return supported_versions;
      case extension_type::supported_groups: return supported_groups;
      case extension_type::key_share: return key_share;
      case extension_type::signature_algorithms: return signature_algorithms;
      case extension_type::pre_shared_key: return pre_shared_key;
      case extension_type::psk_key_exchange_modes: return psk_key_exchange_modes;
      case extension_type::cookie: return cookie;
      default: return none;
    }
  }
};

// For each extension type below 64, as a table indexed by type: the
// messages allowed_in() admits it to (low byte; the binary search in
// allowed.hpp, done once at compile time) and its extension_index slot
// (high byte).
inline constexpr auto low_extension_info = [] {
  std::array<std::uint16_t, 64> info{};
  for (std::size_t t = 0; t < info.size(); ++t) {
    const auto type = static_cast<extension_type>(t);
    message_mask rules = 0;
    for (std::uint8_t m = 0; m <= static_cast<std::uint8_t>(message_context::tls12_server_hello); ++m)
      if (allowed_in(type, static_cast<message_context>(m)))
        rules = static_cast<message_mask>(rules | mask_of(static_cast<message_context>(m)));
    info[t] = static_cast<std::uint16_t>(extension_index::slot_of(type) << 8 | rules);
  }
  return info;
}();

// Every slot's type is below 64, so the table above finds them all and
// extension_index::has() can read the scan's bit per type.
constexpr bool low_table_has_every_slot() noexcept {
  int found = 0;
  for (std::uint16_t info : low_extension_info) found += (info >> 8) != 0 ? 1 : 0;
  for (std::uint8_t s = extension_index::none + 1; s < extension_index::slot_count; ++s) {
    const auto type = to_underlying(extension_index::type_of(static_cast<extension_index::slot>(s)));
    if (type >= 64 || (low_extension_info[type] >> 8) != s) return false;
  }
  return found == extension_index::slot_count - 1;
}
static_assert(low_table_has_every_slot());

// The §4.2 table's rows for types 64 and up (ech_outer_extensions,
// encrypted_client_hello, renegotiation_info): a few compares instead of the
// binary search over the whole table for each GREASE or other high type.
inline constexpr std::size_t high_extension_rule_count = [] {
  std::size_t n = 0;
  for (const extension_rule& rule : tls13_extension_rules) n += to_underlying(rule.type) >= 64 ? 1 : 0;
  return n;
}();
inline constexpr auto high_extension_rules = [] {
  std::array<extension_rule, high_extension_rule_count> rules{};
  std::size_t n = 0;
  for (const extension_rule& rule : tls13_extension_rules)
    if (to_underlying(rule.type) >= 64) rules[n++] = rule;
  return rules;
}();

// allowed_in(type, message) for a type of 64 or more.
constexpr bool high_type_allowed(std::uint16_t type, message_context message) noexcept {
  if (message == message_context::tls12_server_hello) return true;
  for (const extension_rule& rule : high_extension_rules)
    if (to_underlying(rule.type) == type) return (rule.messages & mask_of(message)) != 0;
  return true;  // not in the table: unknown or GREASE, not restricted by it
}

// Both tables agree with allowed_in() for every row and message.
constexpr bool fast_rules_match_table() noexcept {
  for (const extension_rule& rule : tls13_extension_rules) {
    const auto n = to_underlying(rule.type);
    for (std::uint8_t m = 0; m <= static_cast<std::uint8_t>(message_context::tls12_server_hello); ++m) {
      const auto message = static_cast<message_context>(m);
      const bool fast = n < 64 ? (low_extension_info[n] & mask_of(message)) != 0 : high_type_allowed(n, message);
      if (fast != allowed_in(rule.type, message)) return false;
    }
  }
  return high_type_allowed(0x0a0a, message_context::server_hello) && high_type_allowed(0xfffe, message_context::certificate);
}
static_assert(fast_rules_match_table());

// Duplicates among the types of 64 and up: a short list (GREASE, ECH,
// renegotiation_info, ALPS... rarely more than a handful). A list with more
// such types than it holds (never seen in practice) is also checked by
// allowed.hpp's general routine afterwards.
class high_type_set {
 public:
  // False when `type` was already inserted.
  constexpr bool insert(std::uint16_t type) noexcept {
    if (count_ == seen_.size()) {
      overflow_ = true;
      return true;
    }
    for (std::size_t i = 0; i < count_; ++i)
      if (seen_[i] == type) return false;
    seen_[count_++] = type;
    return true;
  }
  constexpr bool overflowed() const noexcept { return overflow_; }

 private:
  std::array<std::uint16_t, 32> seen_{};
  std::size_t count_ = 0;
  bool overflow_ = false;
};

// Walks a parsed list's Extensions as (type, data, offset of the type
// field) on its bytes directly: its framing was checked by its parse, so no
// checked reader is needed.
class parsed_extension_walk {
 public:
  constexpr explicit parsed_extension_walk(const extension_list& list) noexcept
      : begin_(list.wire_bytes().data()),
        end_(begin_ + list.wire_bytes().size()),
        next_(begin_),
        current_(begin_),
        base_(list.wire_offset()) {}

  // Moves to the next Extension; false at the end.
  constexpr bool next() noexcept {
    const auto left = static_cast<std::size_t>(end_ - next_);
    if (left < 4) return false;
    type = static_cast<std::uint16_t>(next_[0] << 8 | next_[1]);
    length = static_cast<std::size_t>(next_[2] << 8 | next_[3]);
    if (length > left - 4) return false;  // cannot happen: the parse checked the framing
    current_ = next_;
    next_ += 4 + length;
    return true;
  }
  constexpr const std::uint8_t* data() const noexcept { return current_ + 4; }
  constexpr std::size_t at() const noexcept { return base_ + static_cast<std::size_t>(current_ - begin_); }

  std::uint16_t type = 0;
  std::size_t length = 0;

 private:
  const std::uint8_t* begin_;
  const std::uint8_t* end_;
  const std::uint8_t* next_;
  const std::uint8_t* current_;
  std::size_t base_;
};

// The same over a built list, through its iterator.
class built_extension_walk {
 public:
  constexpr explicit built_extension_walk(const extension_list& list) noexcept
      : it_(list.begin()), end_(list.end()) {}

  constexpr bool next() noexcept {
    if (it_ == end_) return false;
    type = to_underlying(it_->type);
    data_ = it_->data.data();
    length = it_->data.size();
    at_ = it_.offset();
    ++it_;
    return true;
  }
  constexpr const std::uint8_t* data() const noexcept { return data_; }
  constexpr std::size_t at() const noexcept { return at_; }

  std::uint16_t type = 0;
  std::size_t length = 0;

 private:
  extension_list::iterator it_;
  extension_list::iterator end_;
  const std::uint8_t* data_ = nullptr;
  std::size_t at_ = 0;
};

// Scans the Extensions `walk` visits once into `index`: refuses duplicates
// (every version, RFC 8446 §4.2 / RFC 5246 §7.4.1.4; the error returned),
// notes where the extensions of extension_index's slots are, the first
// extension the §4.2 table keeps out of `message` and, in a ClientHello, a
// pre_shared_key that is not last.
template <class Walk>
constexpr status scan_extensions(Walk walk, const extension_list& list, message_context message,
                                 extension_index& index) noexcept {
  constexpr std::size_t nowhere = ~std::size_t{0};
  const message_mask want = mask_of(message);
  std::uint64_t seen_low = 0;  // a bit per type below 64: every common extension
  high_type_set seen_high;
  std::size_t table_at = nowhere;
  std::uint16_t last_type = 0;
  while (walk.next()) {
    const std::uint16_t n = walk.type;
    if (n < 64) {
      const std::uint64_t bit = std::uint64_t{1} << n;
      if ((seen_low & bit) != 0) [[unlikely]]
        return make_error(errc::duplicate_extension, walk.at());
      seen_low |= bit;
      const std::uint16_t info = low_extension_info[n];
      // A branch, not the flag-and-select the compilers made of the one
      // condition: a conforming hello never takes it (~5 instructions an
      // extension less).
      if ((info & want) == 0) [[unlikely]] {
        if (table_at == nowhere) table_at = walk.at();
      }
      if (const unsigned slot = info >> 8U; slot != extension_index::none)
        index.entries[slot] = extension_index::entry{walk.data(), walk.length, walk.at()};
    } else {
      if (!seen_high.insert(n)) [[unlikely]]
        return make_error(errc::duplicate_extension, walk.at());
      if (!high_type_allowed(n, message) && table_at == nowhere) table_at = walk.at();
    }
    last_type = n;
  }
  index.low_types = seen_low;
  if (seen_high.overflowed()) TLSWIRE_CHECK(check_no_duplicate_extensions(list));
  if (table_at != nowhere)
    index.table_violation = make_error(errc::extension_not_allowed, alert_description::illegal_parameter, table_at);
  // With no duplicates, pre_shared_key is last exactly when the last type is it.
  if (message == message_context::client_hello && index.has(extension_index::pre_shared_key) &&
      last_type != to_underlying(extension_type::pre_shared_key))
    index.order_violation = make_error(errc::extension_order, index[extension_index::pre_shared_key].offset);
  return {};
}

constexpr status scan_extensions(const extension_list& list, message_context message, extension_index& index) noexcept {
  if (list.built()) return scan_extensions(built_extension_walk(list), list, message, index);
  return scan_extensions(parsed_extension_walk(list), list, message, index);
}

template <typed_extension Ext>
constexpr result<Ext> decode_at(const extension_index::entry& e) {
  return decode_extension_data<Ext>(e.bytes(), e.offset + 4);
}

// True when the 2-byte code points in `wire` (a parsed code_vector's bytes)
// include `value`.
constexpr bool contains_u16(bytes_view wire, std::uint16_t value) noexcept {
  const std::uint8_t* p = wire.data();
  for (std::size_t i = 0; i + 2 <= wire.size(); i += 2)
    if ((p[i] << 8 | p[i + 1]) == value) return true;
  return false;
}

// The key_share rules of RFC 8446 §4.2.8 over a decoded (so well-formed)
// KeyShareClientHello, in one walk of its bytes:
//   - no two entries for one group (key_share_client_hello::validate(),
//     reported like at_extension() reports it)
//   - each entry's group is listed in supported_groups        illegal_parameter
// A duplicate anywhere is reported before a group missing from the list,
// as the rules are checked in that order.
constexpr status check_key_shares(bytes_view shares, bytes_view groups, std::size_t key_share_at) noexcept {
  const std::uint8_t* const p = shares.data();
  const std::size_t size = shares.size();
  bool unlisted = false;
  std::uint64_t seen = 0;  // a bit per (group mod 64): rescan only on a hit
  std::size_t pos = 0;
  while (size - pos >= 4) {
    const auto group = static_cast<std::uint16_t>(p[pos] << 8 | p[pos + 1]);
    const std::uint64_t bit = std::uint64_t{1} << (group & 63);
    if ((seen & bit) != 0) {
      for (std::size_t q = 0; q < pos; q += 4 + static_cast<std::size_t>(p[q + 2] << 8 | p[q + 3]))
        if ((p[q] << 8 | p[q + 1]) == group) return make_error(errc::bad_value, key_share_at);
    }
    seen |= bit;
    if (!unlisted && !contains_u16(groups, group)) unlisted = true;
    pos += 4 + static_cast<std::size_t>(p[pos + 2] << 8 | p[pos + 3]);
  }
  if (unlisted) return illegal(key_share_at);
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
  using namespace validate_detail;
  using slot = extension_index::slot;
  const extension_list& ext = h.extensions;
  extension_index index;
  TLSWIRE_CHECK(scan_extensions(ext, message_context::client_hello, index));
  const auto& versions_ext = index[slot::supported_versions];
  const auto& groups_ext = index[slot::supported_groups];
  const auto& shares_ext = index[slot::key_share];
  const auto& psk_ext = index[slot::pre_shared_key];

  bool tls13 = false;
  if (index.has(slot::supported_versions)) {
    // Decoded results are read in place, not moved out as TLSWIRE_TRY does:
    // copying a just-written result stalls on store forwarding (g++ -O2
    // spent ~25 ns per hello on it).
    const auto versions = decode_at<supported_versions_client_hello>(versions_ext);
    if (!versions) return versions.error();
    tls13 = contains_u16(versions->versions.wire_bytes(), to_underlying(protocol_version::tls13));
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

  // RFC 8446 §9.2: "If containing a "supported_groups" extension, it MUST
  // also contain a "key_share" extension, and vice versa."
  if (index.has(slot::supported_groups) != index.has(slot::key_share))
    return make_error(errc::missing_extension, index.has(slot::supported_groups) ? groups_ext.offset : shares_ext.offset);
  // §9.2: without a PSK, certificate authentication needs signature_algorithms.
  if (!index.has(slot::pre_shared_key) && !index.has(slot::signature_algorithms)) return make_error(errc::missing_extension, h.offset);
  if (index.has(slot::pre_shared_key)) {
    // §4.2.9: "If clients offer "pre_shared_key" without a
    // "psk_key_exchange_modes" extension, servers MUST abort the handshake."
    if (!index.has(slot::psk_key_exchange_modes)) return make_error(errc::missing_extension, psk_ext.offset);
    TLSWIRE_TRY(const auto psk, decode_at<pre_shared_key_client_hello>(psk_ext));
    TLSWIRE_CHECK(at_extension(psk.validate(), ext, extension_type::pre_shared_key));
  }
  if (index.has(slot::key_share)) {
    const auto shares = decode_at<key_share_client_hello>(shares_ext);
    if (!shares) return shares.error();
    const auto groups = decode_at<supported_groups>(groups_ext);
    if (!groups) return groups.error();
    // §4.2.8: distinct groups (key_share_client_hello::validate()), and
    // "Each KeyShareEntry value MUST correspond to a group offered in the
    // "supported_groups" extension".
    TLSWIRE_CHECK(check_key_shares(shares->client_shares.wire_bytes(), groups->named_group_list.wire_bytes(),
                                   shares_ext.offset));
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
