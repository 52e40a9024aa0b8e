#pragma once
// What the TLS 1.3 client and server engines share: the caller's buffers,
// the record layer loop (split, open, reassemble, dispatch through the state
// table), sealing records in place, alerts, events, application data and the
// transcript and per-hash key schedule. client.hpp and server.hpp add the
// handshake of each side (CRTP: Derived::on_message, Derived::table).
//
// The loop, as rustls' read_tls / process_new_packets / write_tls and
// BearSSL's caller-owned buffers:
//
//   std::size_t n = engine.feed(received);        // copies what fits, processes whole records
//   for (event e; (e = engine.next_event()).type != event_type::none;) { ... }
//   send(engine.pending_output()); engine.sent(k); // bytes the engine wants on the wire
//   engine.write(data);                           // application data, once connected
//   engine.close();                               // close_notify
//
// Nothing here allocates, throws or touches a socket, a clock or a file.
// Every failure sends the RFC's alert (when the output buffer has room) and
// leaves the engine failed: feed() consumes nothing more and write() refuses.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

#include "tlswire/crypto/provider.hpp"
#include "tlswire/crypto/record_protection.hpp"
#include "tlswire/crypto/secret.hpp"
#include "tlswire/crypto/tls13_key_schedule.hpp"
#include "tlswire/crypto/transcript.hpp"
#include "tlswire/crypto/visit_suite.hpp"
#include "tlswire/engine/config.hpp"
#include "tlswire/engine/function_ref.hpp"
#include "tlswire/engine/observer.hpp"
#include "tlswire/engine/state_table.hpp"
#include "tlswire/messages/certificate.hpp"
#include "tlswire/messages/client_hello.hpp"  // random_size
#include "tlswire/messages/finished.hpp"
#include "tlswire/messages/handshake.hpp"
#include "tlswire/messages/key_update.hpp"
#include "tlswire/record/alert.hpp"
#include "tlswire/record/change_cipher_spec.hpp"
#include "tlswire/record/handshake_reassembler.hpp"
#include "tlswire/record/record.hpp"
#include "tlswire/record/record_splitter.hpp"
#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/result.hpp"
#include "tlswire/wire/writer.hpp"

namespace tlswire::engine {

// A receive buffer that holds any TLS 1.3 record (RFC 8446 §5.2: 2^14 + 256
// bytes of TLSCiphertext after the 5-byte header); a send buffer of the
// same size holds a full record of application data.
inline constexpr std::size_t full_record_buffer_size =
    record_header_size + max_plaintext_length + tls13_ciphertext_expansion;

// The caller's memory. The engine keeps views of it and never anything else.
// Sizes that work with any peer: in and out full_record_buffer_size each
// (out: a flight of EncryptedExtensions..Finished must fit one record);
// handshake as long as the longest message that may span records (the
// peer's Certificate, a few KiB); keep as long as that Certificate too (the
// client's own ClientHello, a few hundred bytes, is kept there first).
// Too small fails the handshake with internal_error, never overflows.
struct engine_buffers {
  mutable_bytes in;          // received bytes not yet processed (full_record_buffer_size for any peer)
  mutable_bytes out;         // records waiting to be sent
  mutable_bytes handshake;   // one handshake message spanning records (e.g. a long Certificate)
  // What outlives its record: the client's own ClientHello until the
  // ServerHello is checked, then the server's Certificate message (for
  // CertificateVerify and the handshake-done summary); the server keeps
  // the client's server_name here.
  mutable_bytes keep;
};

// NSS key log (https://firefox-source-docs.mozilla.org/security/nss/legacy/key_log_format/):
// label, client random, secret — one line each, which the caller formats
// with keylog_line() and writes where it wants. Off unless given.
using keylog_hook = function_ref<void(std::string_view label, bytes_view client_random, bytes_view secret)>;

// "LABEL <client_random hex> <secret hex>" into out; returns the bytes written
// (empty when out is too small: 2 * (32 + 64) + label + 2 bytes suffice).
constexpr bytes_view keylog_line(std::string_view label, bytes_view client_random, bytes_view secret,
                                 mutable_bytes out) noexcept {
  constexpr std::string_view digits = "0123456789abcdef";
  writer w(out);
  for (char c : label) w.u8(static_cast<std::uint8_t>(c));
  const auto hex = [&](bytes_view b) {
    w.u8(' ');
    for (std::uint8_t x : b) {
      w.u8(static_cast<std::uint8_t>(digits[x >> 4]));
      w.u8(static_cast<std::uint8_t>(digits[x & 15]));
    }
  };
  hex(client_random);
  hex(secret);
  return w.ok() ? w.written() : bytes_view{};
}

enum class event_type : std::uint8_t {
  none,              // nothing (more) happened: feed more bytes
  handshake_done,    // summary() is complete; write() may be used
  application_data,  // event::data: plaintext, valid until the next call into the engine
  peer_closed,       // the peer sent close_notify: no more data will come
  failed,            // failure() says which alert, why and where
};

struct event {
  event_type type = event_type::none;
  bytes_view data{};
};

// What was negotiated; complete at handshake_done.
struct handshake_summary {
  protocol_version version = protocol_version::tls13;
  cipher_suite suite{};
  named_group group{};
  signature_scheme signature{};  // the server's CertificateVerify scheme
  bytes_view alpn{};             // the protocol agreed (a view of the caller's list), or empty
  bytes_view server_name{};      // SNI: the client's own, or what the server received (kept)
  // The server's Certificate message as the client received it (a view of
  // the keep buffer): certificate_list's entries are the chain, leaf first.
  tls13_certificate peer_certificates{};
};

// Why the engine stopped.
struct failure_info {
  alert_description alert = alert_description::close_notify;  // sent, or received from the peer
  errc reason = errc::none;            // what this side found (none when the peer sent the alert)
  std::uint32_t offset = 0;            // where in the message or record it was found
  std::size_t stream_offset = 0;       // where the record being processed starts in the received stream
  bool from_peer = false;              // the peer sent the alert
  bool alert_sent = false;             // we sent it (false: no room in the output buffer)
};

namespace detail {

// One hash family's key schedule and traffic secrets.
template <class P, class H>
struct hash_keys {
  using hash = H;
  using schedule_type = tls13_key_schedule<P, H>;
  using secret_type = typename schedule_type::secret_type;
  static constexpr std::size_t hash_length = H::digest_size;

  schedule_type schedule{};
  secret_type client_handshake{}, server_handshake{};
  secret_type client_application{}, server_application{};
};

struct no_keys {};

template <class P, bool Used>
struct sha384_keys {
  using type = no_keys;
};
template <class P>
struct sha384_keys<P, true> {
  using type = hash_keys<P, hash_type<P, hash_id::sha384>>;
};

}  // namespace detail

template <class Derived, class P, class Config>
  requires crypto_provider<P> && engine_config<Config>
class connection {
  static_assert(check_config<P, Config>(),
                "tlswire: the engine configuration names an algorithm this provider does not support");

 public:
  // An engine holds views of the caller's buffers and live key material:
  // it stays where it was built (std::optional or a member, not a copy).
  connection(const connection&) = delete;
  connection& operator=(const connection&) = delete;
  connection(connection&&) = delete;
  connection& operator=(connection&&) = delete;

  // ---- the loop
  // Copies as much of `received` as the input buffer takes and processes
  // every whole record; returns the bytes taken (0 once failed or closed,
  // or while an application_data event waits to be taken).
  std::size_t feed(bytes_view received) noexcept {
    if (stopped_reading()) return 0;
    compact_input();
    std::size_t n = in_.size() - in_end_;
    if (n > received.size()) n = received.size();
    if (n > 0) std::memcpy(in_.data() + in_end_, received.data(), n);
    in_end_ += n;
    process();
    return n;
  }

  // The next thing that happened; processes buffered records as needed.
  event next_event() noexcept {
    if (done_pending_) {
      done_pending_ = false;
      return {event_type::handshake_done, {}};
    }
    if (!app_pending_) process();
    if (done_pending_) return next_event();
    if (app_pending_) {
      app_pending_ = false;
      return {event_type::application_data, app_};
    }
    if (closed_pending_) {
      closed_pending_ = false;
      return {event_type::peer_closed, {}};
    }
    if (failed_pending_) {
      failed_pending_ = false;
      return {event_type::failed, {}};
    }
    return {};
  }

  // Bytes waiting to be sent; sent(n) drops the first n of them.
  bytes_view pending_output() const noexcept { return bytes_view(out_.data(), out_len_); }
  void sent(std::size_t n) noexcept {
    if (n > out_len_) n = out_len_;
    std::memmove(out_.data(), out_.data() + n, out_len_ - n);
    out_len_ -= n;
  }

  // Seals application data into records; returns how much was taken (less
  // than all when the output buffer is full: send, then write the rest).
  // Refused (engine unchanged) before the handshake is done or after close().
  result<std::size_t> write(bytes_view data) noexcept {
    if (state_ == handshake_state::failed) return stopped_error();
    if (state_ != handshake_state::connected || close_sent_) return make_error(errc::unexpected_message, no_offset);
    std::size_t done = 0;
    while (done < data.size()) {
      const std::size_t overhead = write_.sealed_size(0) + alert_reserve;
      const std::size_t free = out_.size() - out_len_;
      if (free <= overhead) break;
      std::size_t chunk = data.size() - done;
      if (chunk > max_plaintext_length) chunk = max_plaintext_length;
      if (chunk > free - overhead) chunk = free - overhead;
      const auto n = write_.seal(content_type::application_data, data.subspan(done, chunk), out_.subspan(out_len_));
      if (!n) {
        fail(n.error());
        return n.error();
      }
      out_len_ += *n;
      done += chunk;
    }
    return done;
  }

  // RFC 8446 §6.1: close_notify; nothing more is written afterwards (the
  // peer's data can still be read until its close_notify).
  status close() noexcept {
    if (state_ == handshake_state::failed) return stopped_error();
    if (close_sent_) return {};
    TLSWIRE_CHECK(send_alert(alert_level::warning, alert_description::close_notify));
    close_sent_ = true;
    return {};
  }

  // RFC 8446 §4.6.3: sends KeyUpdate and moves our direction to its next
  // traffic secret; with `request_peer` the peer is asked to move its own.
  // Refused (engine unchanged) before the handshake is done or after close().
  status update_keys(bool request_peer) noexcept {
    if (state_ != handshake_state::connected || close_sent_) return make_error(errc::unexpected_message, no_offset);
    const status s = with_keys([&](auto& k) { return send_key_update(k, request_peer); });
    if (!s) fail(s.error());
    return s;
  }

  handshake_state state() const noexcept { return state_; }
  bool handshake_done() const noexcept { return state_ == handshake_state::connected; }
  bool failed() const noexcept { return state_ == handshake_state::failed; }
  bool peer_closed() const noexcept { return peer_closed_; }
  const handshake_summary& summary() const noexcept { return summary_; }
  const failure_info& failure() const noexcept { return failure_; }

 protected:
  // Room kept free in the output buffer so a fatal alert can always be sent.
  static constexpr std::size_t alert_reserve = record_header_size + alert_message_size + 1 + 16;

  using keys256 = detail::hash_keys<P, hash_type<P, hash_id::sha256>>;
  static constexpr bool with_sha384 = uses_hash<Config>(hash_id::sha384);
  using keys384 = typename detail::sha384_keys<P, with_sha384>::type;

  connection(P& provider, engine_buffers buffers, handshake_state initial, keylog_hook keylog,
             handshake_observer observer) noexcept
      : provider_(provider),
        in_(buffers.in),
        out_(buffers.out),
        keep_(buffers.keep),
        reassembler_(buffers.handshake),
        keylog_(keylog),
        observer_(observer),
        state_(initial) {}
  ~connection() = default;

  Derived& derived() noexcept { return static_cast<Derived&>(*this); }

  // ---- the negotiated suite
  // RFC 8446 §4.1.1 / §4.1.3: the suite a hello names, through crypto/'s
  // visit_suite over Config's list (unknown: illegal_parameter; not ours or
  // not runnable: handshake_failure). The transcript keeps its hash from here.
  status choose_suite(cipher_suite suite) {
    TLSWIRE_CHECK((visit_suite<P, Config::cipher_suites>(suite, [&](auto s) -> status {
      using S = decltype(s);
      if (!S::tls13) return make_error(errc::unsupported, alert_description::handshake_failure, no_offset);
      suite_ = {s.suite(), S::prf_hash, S::aead};
      return {};
    })));
    summary_.suite = suite;
    return {};
  }

  // The key schedule of the negotiated suite's hash, as a type: the one
  // place the run-time hash picks compile-time code (only the hashes
  // Config's suites use are instantiated).
  template <class F>
  decltype(auto) with_keys(F&& f) {
    if constexpr (with_sha384) {
      if (suite_.hash == hash_id::sha384) return f(keys384_);
    }
    return f(keys256_);
  }

  // Transcript-Hash of everything so far (RFC 8446 §4.4.1) in Keys' hash.
  template <class Keys>
  auto transcript_now() const {
    return transcript_.template as<typename Keys::hash>().current();
  }

  // ---- output
  // Appends one record whose content body(writer&) writes in place, sealed
  // in place when write keys are in force (change_cipher_spec never is,
  // RFC 8446 §5). `reserve` bytes stay free for a later alert.
  template <class Body>
  status emit(content_type type, Body&& body, std::size_t reserve = alert_reserve) {
    const bool protect = write_.keyed() && type != content_type::change_cipher_spec;
    const std::size_t overhead = protect ? write_.sealed_size(0) : record_header_size;
    const std::size_t free = out_.size() - out_len_;
    if (free < overhead + reserve) return make_error(errc::buffer_too_small, no_offset);
    std::size_t room = free - overhead - reserve;
    if (room > max_plaintext_length) room = max_plaintext_length;
    const mutable_bytes record = out_.subspan(out_len_);
    writer w(record.subspan(record_header_size, room));
    body(w);
    if (!w.ok()) return w.error();
    const std::size_t n = w.size();
    if (protect) {
      TLSWIRE_TRY(const std::size_t total, write_.seal(type, record.subspan(record_header_size, n), record));
      out_len_ += total;
      return {};
    }
    writer header(record.first(record_header_size));
    encode_record_header(header, type, protocol_version::tls12, n);
    if (!header.ok()) return header.error();
    out_len_ += record_header_size + n;
    return {};
  }

  // Writes one handshake message into a record being built and adds it to
  // the transcript (RFC 8446 §4.4.1: header and body as sent); returns the
  // message's bytes (empty when it did not fit).
  template <class Message>
  bytes_view write_message(writer& w, const Message& m) {
    const std::size_t at = w.size();
    m.encode_message(w);
    if (!w.ok()) return {};
    const bytes_view raw = w.written().subspan(at);
    transcript_.update(raw);
    observe_message(direction::sent, raw);
    return raw;
  }

  void observe_message(direction d, bytes_view raw) const {
    if (!observer_.message || raw.size() < handshake_header_size) return;
    observer_.message(d, handshake_message{static_cast<handshake_type>(raw[0]),
                                           raw.subspan(handshake_header_size), raw});
  }
  // A labelled value for the observer's secret hook (off unless given).
  void trace_secret(std::string_view label, bytes_view value) const {
    if (observer_.secret) observer_.secret(label, value);
  }

  status send_alert(alert_level level, alert_description description) {
    return emit(content_type::alert, [&](writer& w) { alert_message{level, description}.encode(w); }, 0);
  }

  // RFC 8446 §D.4: the one dummy change_cipher_spec of middlebox compatibility mode.
  status send_change_cipher_spec() {
    if (ccs_sent_) return {};
    ccs_sent_ = true;
    return emit(content_type::change_cipher_spec, [](writer& w) { change_cipher_spec_message{}.encode(w); });
  }

  // ---- keys (RFC 8446 §7.3): a traffic secret keys one direction
  template <class Keys>
  status install_read(bytes_view traffic_secret) {
    // RFC 8446 §5.1: no handshake message spans a key change.
    TLSWIRE_CHECK(reassembler_.key_change());
    const traffic_keys keys = Keys::schedule_type::traffic_keys_for(traffic_secret, suite_.aead);
    TLSWIRE_CHECK(read_.set_key(suite_.aead, keys));
    splitter_.set_limits({record_form::tls13, max_plaintext_length});
    return {};
  }
  template <class Keys>
  status install_write(bytes_view traffic_secret) {
    const traffic_keys keys = Keys::schedule_type::traffic_keys_for(traffic_secret, suite_.aead);
    return write_.set_key(suite_.aead, keys);
  }

  void log_secret(std::string_view label, bytes_view secret) {
    if (keylog_) keylog_(label, as_view(client_random_), secret);
    trace_secret(label, secret);
  }

  // RFC 8446 §7.1 from the Handshake Secret on: both handshake traffic
  // secrets over ClientHello..ServerHello (the transcript so far).
  template <class Keys>
  status derive_handshake_secrets(Keys& k, bytes_view shared_secret) {
    TLSWIRE_CHECK(k.schedule.enter_handshake(shared_secret));  // refuses an empty (EC)DHE input
    trace_secret("(EC)DHE shared secret", shared_secret);
    const auto hash = transcript_now<Keys>();
    k.client_handshake = k.schedule.client_handshake_traffic_secret(as_view(hash));
    k.server_handshake = k.schedule.server_handshake_traffic_secret(as_view(hash));
    log_secret("CLIENT_HANDSHAKE_TRAFFIC_SECRET", k.client_handshake.view());
    log_secret("SERVER_HANDSHAKE_TRAFFIC_SECRET", k.server_handshake.view());
    return {};
  }
  // RFC 8446 §7.1: Master Secret and the application traffic secrets over
  // ClientHello..server Finished (the transcript so far).
  template <class Keys>
  void derive_application_secrets(Keys& k) {
    k.schedule.enter_master();
    const auto hash = transcript_now<Keys>();
    k.client_application = k.schedule.client_application_traffic_secret_0(as_view(hash));
    k.server_application = k.schedule.server_application_traffic_secret_0(as_view(hash));
    log_secret("CLIENT_TRAFFIC_SECRET_0", k.client_application.view());
    log_secret("SERVER_TRAFFIC_SECRET_0", k.server_application.view());
    if (keylog_ || observer_.secret) {
      const auto exporter = k.schedule.exporter_master_secret(as_view(hash));
      log_secret("EXPORTER_SECRET", exporter.view());
    }
  }

  // RFC 8446 §4.4.4: the peer's Finished over the transcript so far.
  template <class Keys>
  status check_finished(Keys& k, const handshake_message& m, bytes_view peer_handshake_secret) {
    (void)k;
    TLSWIRE_TRY(const finished fin, parse_message<finished>(m, Keys::hash_length));
    const auto hash = transcript_now<Keys>();
    TLSWIRE_CHECK(Keys::schedule_type::verify_finished(peer_handshake_secret, as_view(hash), fin.verify_data));
    transcript_.update(m.raw);
    return {};
  }
  // Our Finished over the transcript so far, into a record being built.
  template <class Keys>
  void write_finished(writer& w, Keys& k, bytes_view own_handshake_secret) {
    (void)k;
    const auto hash = transcript_now<Keys>();
    const auto verify_data = Keys::schedule_type::finished_verify_data(own_handshake_secret, as_view(hash));
    write_message(w, finished{verify_data.view()});
  }

  // RFC 8446 §4.6.3 KeyUpdate, either side, once connected: the peer's
  // direction moves to its next secret; when asked, ours follows after we
  // answer with a KeyUpdate of our own under the old key.
  template <class Keys>
  status on_key_update(Keys& k, const handshake_message& m) {
    TLSWIRE_TRY(const key_update ku, parse_message<key_update>(m));
    // The one field of the body is where a bad value is.
    if (status valid = validate(ku); !valid.ok())
      return make_error(valid.error().code, valid.error().alert, handshake_header_size);
    auto& peer = Derived::is_client ? k.server_application : k.client_application;
    peer = Keys::schedule_type::next_application_traffic_secret(peer.view());
    TLSWIRE_CHECK(install_read<Keys>(peer.view()));
    if (ku.request_update == key_update_request::update_requested && !close_sent_)
      return send_key_update(k, false);
    return {};
  }
  template <class Keys>
  status send_key_update(Keys& k, bool request_peer) {
    const key_update_request request =
        request_peer ? key_update_request::update_requested : key_update_request::update_not_requested;
    TLSWIRE_CHECK(emit(content_type::handshake, [&](writer& w) { key_update{request}.encode_message(w); }));
    auto& own = Derived::is_client ? k.client_application : k.server_application;
    own = Keys::schedule_type::next_application_traffic_secret(own.view());
    return install_write<Keys>(own.view());
  }

  // Copies `bytes` into the keep buffer at `at`; empty when it does not fit.
  bytes_view keep(bytes_view bytes, std::size_t at = 0) noexcept {
    if (at > keep_.size() || bytes.size() > keep_.size() - at) return {};
    if (!bytes.empty()) std::memmove(keep_.data() + at, bytes.data(), bytes.size());
    return bytes_view(keep_.data() + at, bytes.size());
  }

  void handshake_complete() noexcept {
    state_ = handshake_state::connected;
    done_pending_ = true;
  }

  // What write() and close() answer once failed: the failure, or, when the
  // peer's alert ended the connection (no reason of ours), unexpected_message
  // with that alert (an error never carries errc::none).
  error stopped_error() const noexcept {
    return make_error(failure_.reason == errc::none ? errc::unexpected_message : failure_.reason, failure_.alert,
                      no_offset);
  }

  // Sends the alert `e` names (when there is room) and stops for good.
  void fail(const error& e) noexcept {
    if (state_ == handshake_state::failed) return;
    failure_.alert = e.alert;
    failure_.reason = e.code;
    failure_.offset = e.offset;
    failure_.stream_offset = record_offset_;
    failure_.alert_sent = send_alert(alert_level::fatal, e.alert).ok();
    state_ = handshake_state::failed;
    failed_pending_ = true;
    app_pending_ = false;
  }

  // ---- state shared with client.hpp / server.hpp
  P& provider_;
  mutable_bytes in_;
  mutable_bytes out_;
  mutable_bytes keep_;
  std::size_t in_begin_ = 0;  // first unprocessed byte of in_
  std::size_t in_end_ = 0;    // end of received bytes in in_
  std::size_t out_len_ = 0;   // bytes of out_ waiting to be sent
  std::size_t record_offset_ = 0;
  record_splitter splitter_{};
  handshake_reassembler reassembler_;
  tls13_record_protection<P> read_{};
  tls13_record_protection<P> write_{};
  // RFC 8446 §4.4.1; SHA-256 and SHA-384 side by side until the suite is known.
  handshake_transcript<P> transcript_{};
  keys256 keys256_{};
  [[no_unique_address]] keys384 keys384_{};
  keylog_hook keylog_{};
  handshake_observer observer_{};
  std::array<std::uint8_t, random_size> client_random_{};
  negotiated_suite suite_{};
  handshake_summary summary_{};
  failure_info failure_{};
  bytes_view app_{};
  handshake_state state_;
  bool done_pending_ = false;
  bool app_pending_ = false;
  bool closed_pending_ = false;
  bool failed_pending_ = false;
  bool peer_closed_ = false;
  bool close_sent_ = false;
  bool ccs_sent_ = false;
  bool peer_finished_ = false;  // RFC 8446 §5: no change_cipher_spec after the peer's Finished

 private:
  bool stopped_reading() const noexcept {
    return state_ == handshake_state::failed || peer_closed_ || app_pending_;
  }

  void compact_input() noexcept {
    if (in_begin_ == 0 || app_pending_) return;
    std::memmove(in_.data(), in_.data() + in_begin_, in_end_ - in_begin_);
    in_end_ -= in_begin_;
    in_begin_ = 0;
  }

  void process() noexcept {
    while (!stopped_reading()) {
      const bytes_view buffered(in_.data() + in_begin_, in_end_ - in_begin_);
      const auto step = splitter_.next(buffered);
      record_offset_ = splitter_.position();
      if (!step) return fail(step.error());
      if (!step->complete()) {
        // A record longer than the caller's input buffer can never complete.
        if (in_begin_ + buffered.size() + step->needed > in_.size() && in_begin_ == 0)
          fail(make_error(errc::buffer_too_small, no_offset));
        return;
      }
      record_offset_ = splitter_.position() - step->consumed;
      const mutable_bytes wire(in_.data() + in_begin_, step->consumed);
      in_begin_ += step->consumed;
      on_record(step->rec, wire);
    }
  }

  void on_record(const record& rec, mutable_bytes wire) noexcept {
    if (rec.type == content_type::change_cipher_spec) {
      // RFC 8446 §5: an unprotected change_cipher_spec of the single byte 1,
      // after the first ClientHello and before the peer's Finished, "MUST
      // simply" be dropped; any other is unexpected_message.
      if (peer_finished_ || !seen_client_hello()) return fail(make_error(errc::unexpected_message, 0));
      if (const auto ccs = decode_change_cipher_spec_record(rec.fragment, record_header_size); !ccs)
        return fail(ccs.error());
      return;
    }
    content_type type = rec.type;
    bytes_view content = rec.fragment;
    if (read_.keyed()) {
      const auto opened = read_.open(wire, wire.subspan(record_header_size));
      if (!opened) return fail(opened.error());
      type = opened->type;
      content = opened->content;
    }
    if (type != content_type::handshake) {
      if (const auto s = reassembler_.other_record(); !s) return fail(s.error());
    }
    switch (type) {
      case content_type::handshake: return on_handshake(content);
      case content_type::alert: return on_alert(content);
      case content_type::application_data:
        if (state_ != handshake_state::connected) return fail(make_error(errc::unexpected_message, 0));
        if (!content.empty()) {
          app_ = content;
          app_pending_ = true;
        }
        return;
      default: return fail(make_error(errc::unexpected_message, 0));
    }
  }

  bool seen_client_hello() const noexcept {
    return state_ != handshake_state::client_start && state_ != handshake_state::wait_client_hello;
  }

  void on_handshake(bytes_view content) noexcept {
    if (const auto s = reassembler_.feed(content); !s) return fail(s.error());
    for (;;) {
      const auto next = reassembler_.next();
      if (!next) return fail(next.error());
      if (!next->has_value()) return;
      const handshake_message& m = **next;
      observe_message(direction::received, m.raw);
      if (!may_arrive(Derived::table, state_, m.type)) return fail(make_error(errc::unexpected_message, 0));
      if (const status s = derived().on_message(m); !s) return fail(s.error());
      if (state_ == handshake_state::failed) return;
    }
  }

  void on_alert(bytes_view content) noexcept {
    const auto alert = decode_alert_record(content);
    if (!alert) return fail(alert.error());
    if (alert->description == alert_description::close_notify) {
      peer_closed_ = true;
      closed_pending_ = true;
      return;
    }
    // RFC 8446 §6.1: user_canceled is followed by close_notify.
    if (alert->description == alert_description::user_canceled) return;
    // RFC 8446 §6.2: every other alert ends the connection; none is sent back.
    failure_.alert = alert->description;
    failure_.from_peer = true;
    failure_.stream_offset = record_offset_;
    state_ = handshake_state::failed;
    failed_pending_ = true;
  }
};

}  // namespace tlswire::engine
