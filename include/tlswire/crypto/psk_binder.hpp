#pragma once
// RFC 8446 §4.2.11.2 PSK binders, through the TLS 1.3 key schedule:
//
//   binder_key    = Derive-Secret(Early Secret(PSK), "ext binder" | "res binder", "")
//   finished_key  = HKDF-Expand-Label(binder_key, "finished", "", Hash.length)
//   PskBinderEntry = HMAC(finished_key, Transcript-Hash(Truncate(ClientHello)))
//
// and after a HelloRetryRequest
//   "Transcript-Hash(ClientHello1, HelloRetryRequest, Truncate(ClientHello2))"
// where ClientHello1 is "reinjected as a "message_hash" message" (§4.4.1).
// The truncation (the ClientHello without its binders list) is
// messages/psk_binders.hpp's; the HMAC is the key schedule's Finished
// computation. A server checks the binder of the identity it selects before
// accepting it (RFC 8446 §4.2.11: "If this value does not validate, the
// server MUST abort the handshake"), with decrypt_error (§6.2: "unable to ...
// validate a Finished message or a PSK binder"), compared in constant time.
#include <cstddef>

#include "tlswire/crypto/secret.hpp"
#include "tlswire/crypto/tls13_key_schedule.hpp"
#include "tlswire/crypto/transcript.hpp"
#include "tlswire/messages/psk_binders.hpp"
#include "tlswire/wire/result.hpp"

namespace tlswire {

// The binder for `psk` over `before` (the transcript before this ClientHello:
// empty for the first, message_hash(ClientHello1) || HelloRetryRequest after
// an HRR) followed by the truncated ClientHello. What a client writes into
// the binders list (then encodes the rest of the hello unchanged).
template <class P, class H>
constexpr secret<H::digest_size> compute_psk_binder(bytes_view psk, psk_kind kind,
                                                    const transcript_hash<H>& before,
                                                    bytes_view truncated_client_hello) noexcept {
  using schedule = tls13_key_schedule<P, H>;
  transcript_hash<H> t = before.snapshot();
  t.update(truncated_client_hello);
  const auto hash = t.current();
  const schedule early(psk);
  const auto binder_key = early.binder_key(kind);
  return schedule::finished_verify_data(binder_key.view(), as_view(hash));
}

// Checks the binder of offered identity `identity` in `client_hello_message`
// (one whole ClientHello handshake message, header included) against `psk`.
// Refused: what split_client_hello_binders refuses, an identity index past
// the offered ones (illegal_parameter), a binder that does not match
// (decrypt_error, at the binders list).
template <class P, class H>
constexpr status verify_psk_binder(bytes_view psk, psk_kind kind, const transcript_hash<H>& before,
                                   bytes_view client_hello_message, std::size_t identity) {
  TLSWIRE_TRY(const client_hello_binders split, split_client_hello_binders(client_hello_message));
  const auto& binders = split.offered.binders;
  if (identity >= binders.size())
    return make_error(errc::bad_value, alert_description::illegal_parameter, split.truncated.size());
  auto it = binders.begin();
  for (std::size_t i = 0; i < identity; ++i) ++it;
  const bytes_view received = it->bytes;
  const auto expected = compute_psk_binder<P, H>(psk, kind, before, split.truncated);
  if (!expected.equals(received))
    return make_error(errc::bad_value, alert_description::decrypt_error, split.truncated.size());
  return {};
}

// The first ClientHello of a handshake: nothing before it.
template <class P, class H>
constexpr status verify_psk_binder(bytes_view psk, psk_kind kind, bytes_view client_hello_message,
                                   std::size_t identity) {
  return verify_psk_binder<P, H>(psk, kind, transcript_hash<H>{}, client_hello_message, identity);
}

// ClientHello2 after a HelloRetryRequest: the transcript before it is
// message_hash(ClientHello1) || HelloRetryRequest (RFC 8446 §4.4.1), each
// passed as the whole handshake message.
template <class P, class H>
constexpr status verify_psk_binder_after_retry(bytes_view psk, psk_kind kind, bytes_view client_hello1_message,
                                               bytes_view hello_retry_request_message,
                                               bytes_view client_hello2_message, std::size_t identity) {
  transcript_hash<H> before;
  before.update(client_hello1_message);
  before.replace_with_message_hash();
  before.update(hello_retry_request_message);
  return verify_psk_binder<P, H>(psk, kind, before, client_hello2_message, identity);
}

}  // namespace tlswire
