#pragma once
// Semantic rules about extension lists, kept apart from parsing: which
// extension may appear in which TLS 1.3 message (the RFC 8446 §4.2 table),
// duplicates, pre_shared_key last, and server answers the client did not ask
// for. A parse never applies these; an engine runs both, a dissector or a
// fingerprinting tool may run only the parse.
#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "tlswire/extensions/extension.hpp"
#include "tlswire/registry/extension_type.hpp"
#include "tlswire/registry/grease.hpp"

namespace tlswire {

// The messages an extension list can belong to. The first seven are the
// columns of RFC 8446 §4.2's table (CH, SH, HRR, EE, CT, CR, NST);
// tls12_server_hello is a TLS 1.2 ServerHello, which has no such table but
// the same duplicate and unrequested-extension rules (RFC 5246 §7.4.1.4).
enum class message_context : std::uint8_t {
  client_hello = 0,         // CH
  server_hello = 1,         // SH
  hello_retry_request = 2,  // HRR
  encrypted_extensions = 3, // EE
  certificate = 4,          // CT (a CertificateEntry's extensions)
  certificate_request = 5,  // CR
  new_session_ticket = 6,   // NST
  tls12_server_hello = 7,
};

// A set of message_context values, one bit each.
using message_mask = std::uint8_t;
constexpr message_mask mask_of(message_context m) noexcept {
  return static_cast<message_mask>(1U << static_cast<unsigned>(m));
}

namespace extension_table_detail {
inline constexpr message_mask CH = mask_of(message_context::client_hello);
inline constexpr message_mask SH = mask_of(message_context::server_hello);
inline constexpr message_mask HRR = mask_of(message_context::hello_retry_request);
inline constexpr message_mask EE = mask_of(message_context::encrypted_extensions);
inline constexpr message_mask CT = mask_of(message_context::certificate);
inline constexpr message_mask CR = mask_of(message_context::certificate_request);
inline constexpr message_mask NST = mask_of(message_context::new_session_ticket);
}  // namespace extension_table_detail

// One row of the table: an extension and the TLS 1.3 messages it may
// appear in.
struct extension_rule {
  extension_type type;
  message_mask messages;
};

// RFC 8446 §4.2 (the table, verbatim) completed with the "TLS 1.3" column of
// the IANA ExtensionType registry for extensions defined elsewhere. Rows the
// registry marks "-" (TLS 1.2 only: ec_point_formats, session_ticket,
// extended_master_secret, ...) are listed as CH only: a TLS 1.3 ClientHello
// may still offer TLS 1.2 with them, but no TLS 1.3 server message may carry
// them. Sorted by value (checked below). Extensions absent from this table
// are not "recognized" in the sense of RFC 8446 §4.2 and are restricted only
// by the unrequested-extension rule.
inline constexpr auto tls13_extension_rules = [] {
  using namespace extension_table_detail;
  using t = extension_type;
  return std::to_array<extension_rule>({
      {t::server_name, CH | EE},
      {t::max_fragment_length, CH | EE},
      {t::client_certificate_url, CH},  // TLS 1.2 only
      {t::trusted_ca_keys, CH},         // TLS 1.2 only
      {t::truncated_hmac, CH},          // TLS 1.2 only
      {t::status_request, CH | CR | CT},
      {t::user_mapping, CH},  // TLS 1.2 only
      {t::client_authz, CH},  // TLS 1.2 only
      {t::server_authz, CH},  // TLS 1.2 only
      {t::cert_type, CH},     // TLS 1.2 only
      {t::supported_groups, CH | EE},
      {t::ec_point_formats, CH},  // TLS 1.2 only
      {t::srp, CH},               // TLS 1.2 only
      {t::signature_algorithms, CH | CR},
      {t::use_srtp, CH | EE},
      {t::heartbeat, CH | EE},
      {t::application_layer_protocol_negotiation, CH | EE},
      {t::status_request_v2, CH},  // TLS 1.2 only
      {t::signed_certificate_timestamp, CH | CR | CT},
      {t::client_certificate_type, CH | EE},
      {t::server_certificate_type, CH | EE},
      {t::padding, CH},
      {t::encrypt_then_mac, CH},        // TLS 1.2 only
      {t::extended_master_secret, CH},  // TLS 1.2 only
      {t::token_binding, CH},           // TLS 1.2 only
      {t::cached_info, CH},             // TLS 1.2 only
      {t::compress_certificate, CH | CR},  // RFC 8879 §3
      {t::record_size_limit, CH | EE},     // RFC 8449 §4
      {t::pwd_protect, CH},                // RFC 8492
      {t::pwd_clear, CH},                  // RFC 8492
      {t::password_salt, CH | SH | HRR},   // RFC 8492
      {t::ticket_pinning, CH | EE},        // RFC 8672
      {t::tls_cert_with_extern_psk, CH | SH},  // RFC 8773
      {t::delegated_credential, CH | CR | CT},  // RFC 9345
      {t::session_ticket, CH},  // TLS 1.2 only
      {t::supported_ekt_ciphers, CH | EE},  // RFC 8870
      {t::pre_shared_key, CH | SH},
      {t::early_data, CH | EE | NST},
      {t::supported_versions, CH | SH | HRR},
      {t::cookie, CH | HRR},
      {t::psk_key_exchange_modes, CH},
      {t::certificate_authorities, CH | CR},
      {t::oid_filters, CR},
      {t::post_handshake_auth, CH},
      {t::signature_algorithms_cert, CH | CR},
      {t::key_share, CH | SH | HRR},
      {t::transparency_info, CH | CT},  // RFC 9162
      {t::connection_id, CH | SH},      // RFC 9146 (DTLS)
      {t::external_id_hash, CH | EE},   // RFC 8844
      {t::external_session_id, CH | EE},   // RFC 8844
      {t::quic_transport_parameters, CH | EE},  // RFC 9001 §8.2
      {t::ticket_request, CH | EE},   // RFC 9149
      {t::dnssec_chain, CH | CT},     // RFC 9102
      {t::ech_outer_extensions, CH},  // draft-ietf-tls-esni §5.1
      {t::encrypted_client_hello, CH | HRR | EE},  // draft-ietf-tls-esni §5
      {t::renegotiation_info, CH},  // TLS 1.2 only
  });
}();

constexpr bool is_sorted_rule_table() noexcept {
  for (std::size_t i = 1; i < tls13_extension_rules.size(); ++i)
    if (!(to_underlying(tls13_extension_rules[i - 1].type) < to_underlying(tls13_extension_rules[i].type)))
      return false;
  return true;
}
static_assert(is_sorted_rule_table());

// The row for `type`, or nullptr for an extension the table does not know.
constexpr const extension_rule* find_extension_rule(extension_type type) noexcept {
  std::size_t lo = 0, hi = tls13_extension_rules.size();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    const auto here = to_underlying(tls13_extension_rules[mid].type);
    if (here == to_underlying(type)) return &tls13_extension_rules[mid];
    if (here < to_underlying(type)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return nullptr;
}

// True when RFC 8446 §4.2 (or the IANA registry) says which TLS 1.3
// messages `type` belongs to.
constexpr bool is_recognized_in_tls13(extension_type type) noexcept {
  return find_extension_rule(type) != nullptr;
}

// RFC 8446 §4.2: may `type` appear in `message`? Extensions the table does
// not list (unknown ones, GREASE) are not restricted by the table — see
// validate_extensions for the rules that do apply to them — and a TLS 1.2
// ServerHello has no table at all.
constexpr bool allowed_in(extension_type type, message_context message) noexcept {
  if (message == message_context::tls12_server_hello) return true;
  const extension_rule* rule = find_extension_rule(type);
  return rule == nullptr || (rule->messages & mask_of(message)) != 0;
}

// Messages whose extensions answer a request (RFC 8446 §4.2: "Implementations
// MUST NOT send extension responses if the remote endpoint did not send the
// corresponding extension requests"): SH, HRR, EE and CT answer the
// ClientHello (a client's CT answers the CertificateRequest). CH, CR and NST
// extensions are requests, where unknown ones are ignored.
constexpr bool answers_a_request(message_context message) noexcept {
  switch (message) {
    case message_context::server_hello:
    case message_context::hello_retry_request:
    case message_context::encrypted_extensions:
    case message_context::certificate:
    case message_context::tls12_server_hello:
      return true;
    case message_context::client_hello:
    case message_context::certificate_request:
    case message_context::new_session_ticket:
      return false;
  }
  return false;
}

// RFC 8446 §4.2: "There MUST NOT be more than one extension of the same type
// in a given extension block." (RFC 5246 §7.4.1.4 says the same.) Refused
// with illegal_parameter at the offset of the second occurrence.
constexpr status check_no_duplicate_extensions(const extension_list& list) noexcept {
  std::size_t i = 0;
  for (auto a = list.begin(); a != list.end(); ++a, ++i) {
    std::size_t j = 0;
    for (auto b = list.begin(); j < i; ++b, ++j)
      if (b->type == a->type) return make_error(errc::duplicate_extension, a.offset());
  }
  return {};
}

// RFC 8446 §4.2.11: pre_shared_key "MUST be the last extension in the
// ClientHello ... Servers MUST check that it is the last extension and
// otherwise fail the handshake with an "illegal_parameter" alert."
constexpr status check_pre_shared_key_last(const extension_list& list) noexcept {
  for (auto it = list.begin(); it != list.end(); ++it) {
    if (it->type != extension_type::pre_shared_key) continue;
    auto next = it;
    if (++next != list.end()) return make_error(errc::extension_order, it.offset());
  }
  return {};
}

// RFC 8446 §4.2: "If an implementation receives an extension which it
// recognizes and which is not specified for the message in which it
// appears, it MUST abort the handshake with an "illegal_parameter" alert."
constexpr status check_extensions_allowed(const extension_list& list, message_context message) noexcept {
  for (auto it = list.begin(); it != list.end(); ++it)
    if (!allowed_in(it->type, message))
      return make_error(errc::extension_not_allowed, alert_description::illegal_parameter, it.offset());
  return {};
}

// RFC 8446 §4.2 (and RFC 5246 §7.4.1.4): an extension in an answer that the
// request did not carry is refused with unsupported_extension — except
// cookie in a HelloRetryRequest, which the server sends unasked. GREASE
// types are refused even when the request carried them (RFC 8701 §4: a
// GREASE value is never negotiated).
constexpr status check_extensions_requested(const extension_list& list, message_context message,
                                            const extension_list& requested) noexcept {
  if (!answers_a_request(message)) return {};
  for (auto it = list.begin(); it != list.end(); ++it) {
    if (it->type == extension_type::cookie && message == message_context::hello_retry_request) continue;
    if (is_grease(it->type) || !requested.contains(it->type))
      return make_error(errc::extension_not_allowed, alert_description::unsupported_extension, it.offset());
  }
  return {};
}

namespace extension_table_detail {

// For each message, the extension types below 64 that allowed_in() admits,
// a bit per type: the table's binary search done once, at compile time.
inline constexpr auto low_allowed = [] {
  std::array<std::uint64_t, 8> masks{};
  for (std::size_t m = 0; m < masks.size(); ++m)
    for (std::uint16_t t = 0; t < 64; ++t)
      if (allowed_in(static_cast<extension_type>(t), static_cast<message_context>(m)))
        masks[m] |= std::uint64_t{1} << t;
  return masks;
}();

// The table's rows for types 64 and up (ech_outer_extensions,
// encrypted_client_hello, renegotiation_info): a few compares instead of
// the binary search for each GREASE or other high type.
inline constexpr std::size_t high_rule_count = [] {
  std::size_t n = 0;
  for (const extension_rule& rule : tls13_extension_rules) n += to_underlying(rule.type) >= 64 ? 1 : 0;
  return n;
}();
inline constexpr auto high_rules = [] {
  std::array<extension_rule, high_rule_count> rules{};
  std::size_t n = 0;
  for (const extension_rule& rule : tls13_extension_rules)
    if (to_underlying(rule.type) >= 64) rules[n++] = rule;
  return rules;
}();

// The lowest of those types: below it (GREASE, ALPS, ...) no high row applies.
inline constexpr std::uint16_t high_rules_from = [] {
  std::uint16_t lowest = 0xffff;
  for (const extension_rule& rule : high_rules)
    if (to_underlying(rule.type) < lowest) lowest = to_underlying(rule.type);
  return lowest;
}();

// allowed_in(type, message) for a type of 64 or more.
constexpr bool high_type_allowed(std::uint16_t type, message_context message) noexcept {
  if (message == message_context::tls12_server_hello) return true;
  for (const extension_rule& rule : high_rules)
    if (to_underlying(rule.type) == type) return (rule.messages & mask_of(message)) != 0;
  return true;  // not in the table: unknown or GREASE, not restricted by it
}

// Both agree with allowed_in() for every row of the table and every message.
constexpr bool fast_rules_match_table() noexcept {
  for (const extension_rule& rule : tls13_extension_rules) {
    const auto n = to_underlying(rule.type);
    for (std::size_t m = 0; m < low_allowed.size(); ++m) {
      const auto message = static_cast<message_context>(m);
      const bool fast = n < 64 ? (low_allowed[m] >> n & 1U) != 0 : high_type_allowed(n, message);
      if (fast != allowed_in(rule.type, message)) return false;
    }
  }
  return high_type_allowed(0x0a0a, message_context::server_hello) &&
         high_type_allowed(0xfffe, message_context::certificate);
}
static_assert(fast_rules_match_table());

// Types of 64 and up seen so far (GREASE, ECH, renegotiation_info, ALPS...
// rarely more than a handful): a small open-addressing hash set, 0 marking
// a free slot (no such type is 0). Kept at most three quarters full; past
// that it stops answering, and the scan falls back to the general
// duplicate check.
class high_type_set {
 public:
  // False when `type` (64 or more) was already inserted.
  constexpr bool insert(std::uint16_t type) noexcept {
    if (count_ == slots_.size() * 3 / 4) {
      overflowed_ = true;
      return true;
    }
    // GREASE types (0x?a?a) differ in their top nibbles: fold those down.
    std::size_t i = (type ^ type >> 7U) % slots_.size();
    while (slots_[i] != 0) {
      if (slots_[i] == type) return false;
      i = (i + 1) % slots_.size();
    }
    slots_[i] = type;
    ++count_;
    return true;
  }
  constexpr bool overflowed() const noexcept { return overflowed_; }

 private:
  std::array<std::uint16_t, 32> slots_{};
  std::uint8_t count_ = 0;
  bool overflowed_ = false;
};

}  // namespace extension_table_detail

// The list rules above in one pass that only records, cheap enough to ride
// along a parse's framing walk (extension_list::parse takes it as its
// visitor; see parse_and_validate_client_hello) or to run over a list
// afterwards (extension_list::visit). Per Extension it keeps a bit per type
// below 64 (every common extension), which of those came twice, where that
// type is, and the rarer higher types in a short set. When a rule
// turns out broken, the exact routine above finds the offending Extension
// and its offset, so the errors are those routines' errors.
class extension_scan {
 public:
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-member-init): position_ on purpose, see below
  constexpr explicit extension_scan(message_context message) noexcept
      : allowed_low_(extension_table_detail::low_allowed[static_cast<std::uint8_t>(message)]), message_(message) {
    // A constant evaluation may not even look at an uninitialized value.
    if (std::is_constant_evaluated()) position_ = {};
  }
  // Not copied: position_ is partly uninitialized (see below).
  extension_scan(const extension_scan&) = delete;
  extension_scan& operator=(const extension_scan&) = delete;
  extension_scan(extension_scan&&) = delete;
  extension_scan& operator=(extension_scan&&) = delete;
  ~extension_scan() = default;

  // One Extension: its type and its position in the list as the list's
  // iterator counts it (byte offset in a parsed list's body, index in a
  // built one).
  constexpr void operator()(std::uint16_t type, std::size_t position) noexcept {
    if (type < 64) [[likely]] {
      const std::uint64_t bit = std::uint64_t{1} << type;
      repeated_ |= seen_low_ & bit;
      seen_low_ |= bit;
      // A list body is < 2^16 bytes, so fewer than 2^14 Extensions.
      position_[type] = static_cast<std::uint16_t>(position);
    } else if (!high_seen_.insert(type)) [[unlikely]] {
      high_repeated_ = true;
    } else if (type >= extension_table_detail::high_rules_from &&
               !extension_table_detail::high_type_allowed(type, message_)) [[unlikely]] {
      high_banned_ = true;
    }
  }

  // RFC 8446 §4.2 / RFC 5246 §7.4.1.4: no type twice (every version).
  constexpr status duplicates(const extension_list& list) const noexcept {
    if (repeated_ == 0 && !high_repeated_ && !high_seen_.overflowed()) return {};
    return check_no_duplicate_extensions(list);
  }
  // RFC 8446 §4.2: nothing the table keeps out of the message.
  constexpr status table(const extension_list& list) const noexcept {
    if ((seen_low_ & ~allowed_low_) == 0 && !high_banned_) return {};
    return check_extensions_allowed(list, message_);
  }
  // RFC 8446 §4.2.11: pre_shared_key last (with no duplicates, it is last
  // exactly when the list ends where it does).
  constexpr status pre_shared_key_last(const extension_list& list) const noexcept {
    if (!contains(extension_type::pre_shared_key)) return {};
    const std::size_t at = position_[to_underlying(extension_type::pre_shared_key)];
    if (list.next_position(at) == list.end_position()) return {};
    return make_error(errc::extension_order, list.at_position(at).offset);
  }

  // For types below 64: present, and where (the extension and its offset;
  // only for a type contains() admits).
  constexpr bool contains(extension_type type) const noexcept {
    Expects(to_underlying(type) < 64);
    return (seen_low_ >> to_underlying(type) & 1U) != 0;
  }
  constexpr extension_list::located find(const extension_list& list, extension_type type) const noexcept {
    Expects(contains(type));
    return list.at_position(position_[to_underlying(type)]);
  }

 private:
  std::uint64_t seen_low_ = 0;
  std::uint64_t repeated_ = 0;
  std::uint64_t allowed_low_;
  // Left uninitialized: an entry is read only when seen_low_ says it was
  // written, and zeroing 128 bytes would cost more than the whole scan.
  std::array<std::uint16_t, 64> position_;
  extension_table_detail::high_type_set high_seen_;
  message_context message_;
  bool high_repeated_ = false;
  bool high_banned_ = false;
};

// All the rules for one message's extensions, in the order a reader meets
// them: duplicates, the §4.2 table, then pre_shared_key's place in a
// ClientHello. For a request (CH, CR, NST).
constexpr status validate_extensions(const extension_list& list, message_context message) noexcept {
  extension_scan scan(message);
  list.visit(scan);
  TLSWIRE_CHECK(scan.duplicates(list));
  TLSWIRE_CHECK(scan.table(list));
  if (message == message_context::client_hello) TLSWIRE_CHECK(scan.pre_shared_key_last(list));
  return {};
}

// For an answer (SH, HRR, EE, CT, TLS 1.2 SH): the same, and every
// extension must answer one in `requested` (the ClientHello's list, or the
// CertificateRequest's for a client's Certificate).
constexpr status validate_extensions(const extension_list& list, message_context message,
                                     const extension_list& requested) noexcept {
  TLSWIRE_CHECK(validate_extensions(list, message));
  TLSWIRE_CHECK(check_extensions_requested(list, message, requested));
  return {};
}

}  // namespace tlswire
