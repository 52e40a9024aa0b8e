#pragma once
// RFC 8446 §4.2.11.2: where a ClientHello's PSK binders are, and the
// truncated ClientHello they are computed over.
//
//   "The PskBinderEntry is computed in the same way as the Finished message
//   (Section 4.4.4) but with the BaseKey being the binder_key derived via the
//   key schedule from the corresponding PSK which is being offered. ... The
//   binder is computed as an HMAC over a transcript hash containing a partial
//   ClientHello up to and including the PreSharedKeyExtension.identities
//   field. That is, it includes all of the ClientHello but not the binders
//   list itself."
//
// pre_shared_key is the last extension (RFC 8446 §4.2.11) and binders its
// last field, so the truncated ClientHello is the message less the binders
// list (its 2-byte length included). The binder computation itself needs a
// provider: crypto/psk_binder.hpp.
#include <cstddef>

#include "tlswire/extensions/allowed.hpp"
#include "tlswire/extensions/pre_shared_key.hpp"
#include "tlswire/messages/client_hello.hpp"
#include "tlswire/messages/handshake.hpp"
#include "tlswire/wire/result.hpp"

namespace tlswire {

struct client_hello_binders {
  // The ClientHello handshake message (header included) up to the binders list.
  bytes_view truncated{};
  // Its pre_shared_key: the identities and, one per identity, the binders.
  pre_shared_key_client_hello offered{};
};

// Splits one complete ClientHello handshake message (4-byte header + body,
// as the transcript takes it). Refused: not a ClientHello
// (unexpected_message), a body that does not parse (its decode error), no
// pre_shared_key (missing_extension), pre_shared_key not last
// (illegal_parameter, RFC 8446 §4.2.11), identities and binders of unequal
// count (illegal_parameter). Offsets are within the message.
constexpr result<client_hello_binders> split_client_hello_binders(bytes_view client_hello_message) {
  TLSWIRE_TRY(const handshake_message m, read_handshake(client_hello_message));
  if (m.type != handshake_type::client_hello) return make_error(errc::unexpected_message, 0);
  if (m.raw.size() != client_hello_message.size())
    return make_error(errc::trailing_bytes, m.raw.size());
  TLSWIRE_TRY(const client_hello ch, parse_message<client_hello>(m));
  if (!ch.extensions.contains(extension_type::pre_shared_key))
    return make_error(errc::missing_extension, handshake_header_size);
  TLSWIRE_CHECK(check_pre_shared_key_last(ch.extensions));
  TLSWIRE_TRY(const auto offered, ch.extensions.get<pre_shared_key_client_hello>());
  if (!validate(offered)) return make_error(errc::bad_value, alert_description::illegal_parameter, no_offset);
  // Last extension, last field: the binders list ends the message.
  const bytes_view binders = offered.binders.wire_bytes();
  const std::size_t kept = client_hello_message.size() - offered.binders_length();
  if (binders.data() + binders.size() != m.raw.data() + m.raw.size())
    return make_error(errc::bad_value, alert_description::illegal_parameter, kept);
  return client_hello_binders{m.raw.first(kept), offered};
}

}  // namespace tlswire
