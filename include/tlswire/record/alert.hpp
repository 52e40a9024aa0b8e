#pragma once
// RFC 8446 §6 / RFC 5246 §7.2 Alert protocol message.
//
//   struct {
//       AlertLevel level;
//       AlertDescription description;
//   } Alert;
#include <cstddef>
#include <cstdint>

#include "tlswire/registry/alert.hpp"
#include "tlswire/registry/protocol_version.hpp"
#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/codec.hpp"
#include "tlswire/wire/reader.hpp"
#include "tlswire/wire/result.hpp"
#include "tlswire/wire/writer.hpp"

namespace tlswire {

// RFC 8446 §6: level (1) + description (1).
inline constexpr std::size_t alert_message_size = 2;

// RFC 8446 §6 Alert. Named alert_message because `error::alert` is already
// the description a peer should be sent.
struct alert_message {
  alert_level level = alert_level::fatal;  // unknown values kept (1.3 ignores it)
  alert_description description{};        // unknown values kept

  static constexpr alert_message parse(reader& r) noexcept {
    alert_message a;
    a.level = r.code<alert_level>();
    a.description = r.code<alert_description>();
    return a;
  }
  constexpr void encode(writer& w) const noexcept {
    w.code(level);
    w.code(description);
  }
  friend constexpr bool operator==(const alert_message&, const alert_message&) = default;
};

// RFC 8446 §5.1: "Alert messages MUST NOT be fragmented across records, and
// multiple alert messages MUST NOT be coalesced into a single TLSPlaintext
// record. In other words, a record with an Alert type MUST contain exactly
// one message." The fragment of an alert record, exactly two bytes; a shorter
// or longer one is decode_error (RFC 8446 §6.2: "a message could not be
// decoded because some field was ... of incorrect length").
constexpr result<alert_message> decode_alert_record(bytes_view fragment, std::size_t fragment_offset = 0) noexcept {
  return decode_at_offset<alert_message>(fragment, fragment_offset);
}

// RFC 8446 §6: in TLS 1.3 every alert but close_notify and user_canceled is
// fatal whatever its level says; before 1.3 the level decides (RFC 5246 §7.2).
constexpr bool ends_connection(alert_message a, protocol_version version) noexcept {
  if (version == protocol_version::tls13)
    return a.description != alert_description::close_notify && a.description != alert_description::user_canceled;
  return a.level != alert_level::warning;
}

}  // namespace tlswire
