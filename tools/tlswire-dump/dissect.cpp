// The dissector's core (see dissect.hpp): frame both directions into
// records, replay them in wire order, decrypt what the key log allows,
// reassemble and dispatch handshake messages, and hand everything to a sink.
#include "dissect.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "decrypt.hpp"
#include "tlswire/messages/client_hello.hpp"
#include "tlswire/messages/server_hello.hpp"
#include "tlswire/record/change_cipher_spec.hpp"
#include "tlswire/record/handshake_reassembler.hpp"
#include "tlswire/record/inner_plaintext.hpp"
#include "tlswire/record/record_splitter.hpp"

namespace tlswire_dump {

using namespace tlswire;

const char* to_string(protection p) {
  switch (p) {
    case protection::plaintext: return "plaintext";
    case protection::decrypted: return "decrypted";
    case protection::encrypted: return "encrypted";
    case protection::undecryptable: return "undecryptable";
  }
  return "";
}

const char* to_string(direction d) {
  return d == direction::client_to_server ? "client_to_server" : "server_to_client";
}

std::string hex(bytes_view b, std::size_t max_bytes) {
  static const char digits[] = "0123456789abcdef";
  std::string s;
  const std::size_t n = std::min(b.size(), max_bytes);
  s.reserve(2 * n);
  for (std::size_t i = 0; i < n; ++i) {
    s += digits[b[i] >> 4];
    s += digits[b[i] & 0xf];
  }
  return s;
}

namespace {

// The largest handshake message reassembled across records. Certificate
// chains of real servers stay far below; a larger one is refused with
// handshake_failure (the reassembler's message_too_large).
constexpr std::size_t max_message_body = std::size_t{1} << 20;

struct framed_record {
  std::size_t offset = 0;        // stream offset of the header
  bytes_view wire{};             // header + fragment
  record rec{};
  std::size_t packet = 0;        // packet that delivered its last byte
  std::size_t first_packet = 0;  // packet that delivered its first byte
  std::size_t missing_before = 0;  // > 0: the first record after a hole in the capture
};

// Where each fed handshake fragment came from, so a message's first byte can
// be found in the stream (for positions and error offsets).
struct fed_fragment {
  std::size_t handshake_position = 0;  // handshake bytes fed before it
  std::size_t stream_offset = 0;
  std::size_t record = 0;
};

struct direction_state {
  direction dir = direction::client_to_server;
  const stream* bytes = nullptr;
  std::vector<framed_record> records;
  std::optional<error> split_error;  // framing stopped here (after `records`)
  std::size_t tail = 0;              // bytes after the last complete record
  std::size_t next = 0;              // next record to replay
  std::optional<sslv2_client_hello> sslv2;
  std::string foreign;  // non-empty: the direction is not TLS records (not framed)
  std::size_t lost_after_gap = 0;  // bytes after a hole that did not start with a record

  // Record protection.
  bool protected_records = false;  // 1.2: after ChangeCipherSpec; 1.3: after ServerHello
  record_keys keys;
  std::string no_keys;             // why keys are missing (shown with encrypted records)
  bool saw_encrypted_handshake = false;
  std::vector<std::uint8_t> plaintext;

  // Handshake reassembly.
  std::vector<std::uint8_t> buffer = std::vector<std::uint8_t>(handshake_header_size + max_message_body);
  std::optional<handshake_reassembler> reassembler;
  std::vector<fed_fragment> fed;
  std::size_t handshake_fed = 0;
  std::size_t handshake_consumed = 0;

  bool flight_ended = false;  // for untimed (raw file) input
};

class dissector {
 public:
  dissector(std::size_t number, const connection& conn, const options& opts, sink& out, check_counts& counts)
      : number_(number), conn_(conn), opts_(opts), out_(out), counts_(counts) {
    for (std::size_t i = 0; i < 2; ++i) {
      auto& d = dirs_[i];
      d.dir = static_cast<direction>(i);
      d.bytes = &conn.of(d.dir);
      d.reassembler.emplace(mutable_bytes(d.buffer), max_message_body);
      d.no_keys = opts.keys ? "no ServerHello seen" : "no --keylog given";
    }
    // Until a ServerHello says otherwise (a capture that missed it).
    context_.version = protocol_version::tls12;
  }

  void run() {
    info_.number = number_;
    info_.client = conn_.client;
    info_.server = conn_.server;
    info_.bytes_to_server = conn_.to_server.bytes.size();
    info_.bytes_to_client = conn_.to_client.bytes.size();
    if (!looks_like_tls(conn_.to_server.bytes, true) && !looks_like_tls(conn_.to_client.bytes, false)) {
      out_.skipped_connection(info_, "not TLS (no record header at the start of either direction)");
      return;
    }
    out_.begin_connection(info_);
    for (auto& d : dirs_) frame(d);
    replay();
    if (!failed_) {
      for (auto& d : dirs_) finish(d);
    }
    out_.end_connection(info_);
  }

 private:
  static bool looks_like_tls(const std::vector<std::uint8_t>& b, bool client) {
    if (b.size() >= 3 && client && looks_like_sslv2_client_hello(bytes_view(b))) return true;
    return b.size() >= 3 && b[0] >= 20 && b[0] <= 24 && b[1] == 3;
  }

  // Cuts a direction into records up front. The loosest ceiling (TLS 1.2
  // ciphertext) frames every record; plaintext ones are held to 2^14 later,
  // when it is known whether they are protected.
  void frame(direction_state& d) {
    const auto& s = *d.bytes;
    bytes_view rest(s.bytes);
    std::size_t start = 0;
    if (d.dir == direction::client_to_server && looks_like_sslv2_client_hello(rest)) {
      reader r(rest);
      const sslv2_client_hello h = sslv2_client_hello::parse(r);
      if (r.ok()) {
        d.sslv2 = h;
        start = h.raw.size();
        rest = rest.subspan(start);
      }
    }
    if (!rest.empty() && !(rest[0] >= 20 && rest[0] <= 24 && rest.size() >= 2 && rest[1] == 3) &&
        !(rest[0] >= 20 && rest[0] <= 24 && rest.size() < 2)) {
      // Not a TLS record header: an SSL 2.0 server answer, or not TLS at all.
      d.foreign = (rest[0] & 0x80) != 0 ? "an SSL 2.0 record (SSL 2.0 is not dissected)"
                                        : "bytes that are not a TLS record header";
      d.tail = rest.size();
      return;
    }
    // The stream in pieces between the capture's holes (usually one piece).
    std::vector<std::pair<std::size_t, std::size_t>> pieces;  // (start, missing bytes before it)
    pieces.emplace_back(start, 0);
    for (const auto& [at, missing] : s.gaps)
      if (at > start) pieces.emplace_back(at, missing);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      const std::size_t from = pieces[i].first;
      const std::size_t to = i + 1 < pieces.size() ? pieces[i + 1].first : s.bytes.size();
      bytes_view piece = bytes_view(s.bytes).subspan(from, to - from);
      if (i > 0) {
        // After a hole, go on only where a record header starts.
        d.tail = 0;
        if (piece.size() < record_header_size || piece[0] < 20 || piece[0] > 24 || piece[1] != 3) {
          d.lost_after_gap = to - from;
          return;
        }
      }
      const bool resumed = i > 0;
      if (!frame_piece(d, piece, from, resumed ? pieces[i].second : 0)) return;
    }
  }

  // Frames one contiguous piece; false when framing cannot go on.
  bool frame_piece(direction_state& d, bytes_view rest, std::size_t from, std::size_t missing_before) {
    const auto& s = *d.bytes;
    record_splitter splitter(record_limits{record_protection::tls12, max_plaintext_length}, from);
    bool first = true;
    while (!rest.empty()) {
      const auto step = splitter.next(rest);
      if (!step) {
        d.split_error = step.error();
        return false;
      }
      if (!step->complete()) {
        d.tail = rest.size();
        return true;
      }
      framed_record f;
      f.offset = splitter.position() - step->consumed;
      f.wire = step->wire;
      f.rec = step->rec;
      f.first_packet = s.packet_at(f.offset);
      f.packet = s.packet_at(f.offset + f.wire.size() - 1);
      if (first) f.missing_before = missing_before;
      first = false;
      d.records.push_back(f);
      rest = rest.subspan(step->consumed);
    }
    return true;
  }

  // Replays both directions' records in wire order: by the packet that
  // completed each record, or flight by flight for untimed input.
  void replay() {
    if (dirs_[0].sslv2) show_sslv2(dirs_[0]);
    direction current = direction::client_to_server;
    while (!failed_) {
      direction_state* pick = nullptr;
      if (conn_.timed) {
        for (auto& d : dirs_) {
          if (!pending(d)) continue;
          if (pick == nullptr || time_of(d) < time_of(*pick)) pick = &d;
        }
      } else {
        auto& cur = dirs_[static_cast<std::size_t>(current)];
        auto& other = dirs_[1 - static_cast<std::size_t>(current)];
        pick = pending(cur) ? &cur : pending(other) ? &other : nullptr;
      }
      if (pick == nullptr) break;
      current = pick->dir;
      if (pick->next == pick->records.size()) {
        fail_split(*pick);
        break;
      }
      const bool ended_before = pick->flight_ended;  // kept over a trailing CCS
      pick->flight_ended = false;
      process(*pick, pick->records[pick->next]);
      pick->flight_ended = pick->flight_ended || ended_before;
      ++pick->next;
      // A server's middlebox-compatibility CCS trails its flight (RFC 8446
      // §D.4: right after the ServerHello or HelloRetryRequest); a client's
      // leads its next one.
      const bool trailing_ccs = pick->dir == direction::server_to_client && pick->next < pick->records.size() &&
                                pick->records[pick->next].rec.type == content_type::change_cipher_spec;
      if (!conn_.timed && pick->flight_ended && !trailing_ccs) {
        pick->flight_ended = false;
        current = other_dir(current);
      }
    }
  }

  static direction other_dir(direction d) {
    return d == direction::client_to_server ? direction::server_to_client : direction::client_to_server;
  }
  static bool pending(const direction_state& d) { return d.next < d.records.size() || d.split_error; }
  std::tuple<std::size_t, std::size_t, int> time_of(const direction_state& d) const {
    if (d.next < d.records.size()) {
      const auto& r = d.records[d.next];
      return {r.packet, r.first_packet, static_cast<int>(d.dir)};
    }
    const std::size_t p = d.bytes->packet_at(d.split_error->offset);
    return {p, p, static_cast<int>(d.dir)};
  }

  direction_state& of(direction d) { return dirs_[static_cast<std::size_t>(d)]; }

  position at(const direction_state& d, std::size_t offset) const {
    position p;
    p.connection = number_;
    p.dir = d.dir;
    p.record = d.next + 1;
    p.offset = offset;
    p.packet = d.bytes->packet_at(offset);
    return p;
  }

  void fail(const position& p, const std::string& what, const error& e) {
    error_event ev;
    ev.at = p;
    ev.what = what;
    ev.error = e;
    out_.error(ev);
    ++counts_.parse_failures;
    failed_ = true;
  }

  void fail_split(direction_state& d) {
    const error e = *d.split_error;
    position p = at(d, e.offset);
    fail(p, "record framing: " + std::string(to_string(e.code)), e);
  }

  // --check: `encode` writes into a writer; the bytes must equal `expected`.
  template <class Encode>
  void check(const position& p, const std::string& what, bytes_view expected, Encode&& encode) {
    if (!opts_.check) return;
    ++counts_.messages;
    std::vector<std::uint8_t> buf(expected.size() + 64);
    writer w{mutable_bytes(buf)};
    encode(w);
    if (w.ok() && equal_bytes(w.written(), expected)) {
      ++counts_.exact;
      return;
    }
    ++counts_.failed;
    error_event ev;
    ev.at = p;
    ev.what = what + ": re-encoding differs from the bytes received" +
              (w.ok() ? " (" + std::to_string(w.size()) + " bytes written, " + std::to_string(expected.size()) +
                            " received)"
                      : " (encoder failed: " + std::string(tlswire::to_string(w.error().code)) + ")");
    ev.error = make_error(errc::bad_value, p.offset);
    out_.error(ev);
  }

  void show_sslv2(direction_state& d) {
    position p;
    p.connection = number_;
    p.dir = d.dir;
    p.record = 0;
    p.offset = 0;
    p.packet = d.bytes->packet_at(0);
    const auto& h = *d.sslv2;
    const auto random = h.random();
    client_random_.assign(random.begin(), random.end());
    // RFC 5246 §E.2: the handshake hash starts with the CLIENT-HELLO message.
    transcript_.reset();
    transcript_.update(h.message);
    transcript_complete_ = true;
    find_secrets();
    if (opts_.check) {
      ++counts_.messages;
      ++counts_.exact;  // a view of its bytes: nothing to re-encode beyond them
    }
    out_.sslv2_client_hello(p, h);
  }

  // --- one record -----------------------------------------------------------

  void process(direction_state& d, const framed_record& f) {
    position p = at(d, f.offset);
    p.packet = f.packet;
    if (f.missing_before > 0) {
      // A message cut by the hole is lost: start reassembly afresh. Later
      // records may no longer decrypt (their sequence numbers are unknown).
      out_.note(p, std::to_string(f.missing_before) +
                       " bytes missing from the capture before this record; dissection resumes here");
      d.reassembler.emplace(mutable_bytes(d.buffer), max_message_body);
      transcript_complete_ = false;
      d.fed.clear();
      d.handshake_fed = d.handshake_consumed = 0;
    }
    if (opts_.check) ++counts_.records;
    check(p, "record", f.wire, [&](writer& w) { f.rec.encode(w); });

    record_event ev;
    ev.at = p;
    ev.rec = f.rec;
    ev.content_type = f.rec.type;
    // Which records are protected: TLS 1.2 after the sender's
    // ChangeCipherSpec (every type); TLS 1.3 after the ServerHello, the
    // application_data-typed ones (CCS stays plaintext: RFC 8446 §5).
    // Application data is never plaintext: before keys exist (early data,
    // a capture that missed the hellos) it is shown as encrypted.
    bool is_protected = false;
    if (d.protected_records) {
      is_protected = tls13_ ? f.rec.type == content_type::application_data : true;
    } else if (f.rec.type == content_type::application_data) {
      is_protected = true;
    }
    // A capture that began after the handshake: its alerts are encrypted
    // (longer than the two bytes of a plaintext alert).
    if (!is_protected && f.rec.type == content_type::alert && f.rec.fragment.size() != alert_message_size &&
        server_random_.empty() && client_random_.empty()) {
      ev.prot = protection::encrypted;
      ev.note = "the capture missed the handshake";
      out_.record(ev);
      return;
    }
    if (!is_protected) {
      if (f.rec.fragment.size() > max_plaintext_length) {
        fail(p, "record longer than 2^14 bytes", make_error(errc::record_overflow, f.offset + 3));
        return;
      }
      ev.prot = protection::plaintext;
      ev.content = f.rec.fragment;
      out_.record(ev);
      content(d, p, f, f.rec.type, f.rec.fragment, f.offset + record_header_size, false);
      return;
    }
    if (d.protected_records) ev.form = tls13_ ? record_protection::tls13 : record_protection::tls12;
    // RFC 5246 §6.2.3.1 with a NULL cipher (TLS_RSA_WITH_NULL_SHA, ...):
    // GenericStreamCipher is the content and its MAC in the clear. The MAC
    // is not checked (it would need the MAC key); the content is shown.
    if (d.protected_records && !tls13_ && suite_ && suite_->cipher == bulk_cipher_algorithm::null &&
        suite_->mac_length > 0 && f.rec.fragment.size() >= suite_->mac_length) {
      const bytes_view body = f.rec.fragment.first(f.rec.fragment.size() - suite_->mac_length);
      ev.prot = protection::plaintext;
      ev.content = body;
      ev.note = "NULL cipher: the content is sent in the clear, followed by its MAC (not checked)";
      out_.record(ev);
      content(d, p, f, f.rec.type, body, f.offset + record_header_size, false);
      return;
    }
    if (!d.protected_records || !d.keys.ready()) {
      ev.prot = protection::encrypted;
      ev.note = d.protected_records ? d.no_keys : "sent before the handshake set keys (early data?)";
      ev.encrypted_finished = !tls13_ && f.rec.type == content_type::handshake && !d.saw_encrypted_handshake;
      out_.record(ev);
      encrypted_content(d, p, f, ev.prot);
      return;
    }
    bytes_view inner;
    const auto opened = d.keys.open(f.wire, d.plaintext, inner);
    if (!opened && opened.error().code == errc::bad_record_mac) {
      ev.prot = protection::undecryptable;
      ev.note = "the key log's secret does not open this record";
      ev.encrypted_finished = !tls13_ && f.rec.type == content_type::handshake && !d.saw_encrypted_handshake;
      out_.record(ev);
      encrypted_content(d, p, f, ev.prot);
      return;
    }
    ev.prot = protection::decrypted;
    if (!opened) {
      // Authenticated, but what is inside breaks the rules (all-zero
      // TLSInnerPlaintext, empty handshake content, over 2^14 + 1 bytes).
      out_.record(ev);
      error e = opened.error();
      e.offset += static_cast<std::uint32_t>(f.offset);
      fail(p, "decrypted record", e);
      return;
    }
    std::size_t content_offset = f.offset + record_header_size;
    const content_type type = opened->type;
    const bytes_view body = opened->content;
    if (d.keys.tls13()) {
      const inner_plaintext ip{body, type, opened->padding};
      check(p, "TLSInnerPlaintext", inner, [&](writer& w) { ip.encode(w); });
      ev.padding = opened->padding;
    } else {
      const auto aead = aead_of(*suite_);
      if (aead && *aead != aead_id::chacha20_poly1305) content_offset += 8;  // explicit nonce
    }
    ev.content_type = type;
    ev.content = body;
    out_.record(ev);
    content(d, p, f, type, body, content_offset, true);
  }

  // What an encrypted record without keys still tells.
  void encrypted_content(direction_state& d, const position& p, const framed_record& f, protection prot) {
    if (finished_seen_ < 2 && f.rec.type != content_type::change_cipher_spec) transcript_complete_ = false;
    if (f.rec.type == content_type::application_data) {
      application_data_event a;
      a.at = p;
      a.prot = prot;
      a.content_type = f.rec.type;
      a.length = f.rec.fragment.size();
      a.tls13_ciphertext = tls13_ && d.protected_records;
      out_.application_data(a);
      // 1.3 without keys: the handshake's end cannot be seen; a flight ends
      // at each record of the other side (untimed input only).
      d.flight_ended = !tls13_ || d.dir == direction::client_to_server;
      return;
    }
    // A renegotiation's ChangeCipherSpec, itself encrypted: a Finished follows again.
    if (f.rec.type == content_type::change_cipher_spec && !tls13_) d.saw_encrypted_handshake = false;
    // TLS 1.2: the first protected handshake record is the Finished (RFC 5246 §7.4.9).
    if (f.rec.type == content_type::handshake && !d.saw_encrypted_handshake) {
      d.saw_encrypted_handshake = true;
      d.flight_ended = true;
    }
  }

  void content(direction_state& d, const position& p, const framed_record& f, content_type type, bytes_view body,
               std::size_t body_offset, bool decrypted) {
    if (type != content_type::handshake) {
      const auto st = d.reassembler->other_record(f.offset);
      if (!st) return fail(p, "handshake message interrupted by a " + std::string(tlswire::to_string(type)) + " record",
                           st.error());
    }
    switch (type) {
      case content_type::handshake: return handshake_records(d, p, body, body_offset, decrypted);
      case content_type::change_cipher_spec: {
        const auto ccs = decode_change_cipher_spec_record(body, body_offset);
        if (!ccs) return fail(p, "ChangeCipherSpec", ccs.error());
        check(p, "ChangeCipherSpec", body, [&](writer& w) { ccs->encode(w); });
        // TLS 1.3 middlebox compatibility (RFC 8446 §D.4): a CCS in a 1.3
        // handshake, or before any ServerHello, changes nothing.
        const bool compatibility = tls13_ || hello_retry_ || server_random_.empty();
        out_.change_cipher_spec(p, compatibility);
        if (!compatibility) start_tls12_protection(d, p);
        return;
      }
      case content_type::alert: {
        const auto a = decode_alert_record(body, body_offset);
        if (!a) return fail(p, "Alert", a.error());
        check(p, "Alert", body, [&](writer& w) { a->encode(w); });
        alert_event ev;
        ev.at = p;
        ev.decrypted = decrypted;
        ev.alert = *a;
        out_.alert(ev);
        d.flight_ended = true;
        return;
      }
      case content_type::application_data:
      default: {
        application_data_event a;
        a.at = p;
        a.prot = decrypted ? protection::decrypted : protection::plaintext;
        a.content_type = type;
        a.content = body;
        a.length = body.size();
        out_.application_data(a);
        d.flight_ended = true;
        return;
      }
    }
  }

  // --- handshake messages --------------------------------------------------

  void handshake_records(direction_state& d, const position& p, bytes_view body, std::size_t body_offset,
                         bool decrypted) {
    auto& reasm = *d.reassembler;
    if (const auto st = reasm.feed(body, body_offset); !st) return fail(p, "handshake fragment", st.error());
    d.fed.push_back({d.handshake_fed, body_offset, p.record});
    d.handshake_fed += body.size();
    for (;;) {
      const auto next = reasm.next();
      if (!next) return fail(p, "handshake reassembly", next.error());
      if (!next->has_value()) return;
      const handshake_message m = **next;
      // Where the message began: its first byte among the fragments fed.
      position mp = p;
      for (const auto& fr : d.fed) {
        if (fr.handshake_position > d.handshake_consumed) break;
        mp.offset = fr.stream_offset + (d.handshake_consumed - fr.handshake_position);
        mp.record = fr.record;
      }
      d.handshake_consumed += m.raw.size();
      if (opts_.check) ++counts_.handshake_messages;
      negotiation_context ctx = context_;
      ctx.sender = d.dir == direction::client_to_server ? sender::client : sender::server;
      auto typed = dispatch(m, ctx);
      if (!typed && shown_opaque(m, ctx, typed.error())) {
        out_.note(mp, name_of(m.type) + " for " + name_of_suite(ctx.suite) +
                          ": a key exchange tlswire does not describe; its body is shown as bytes");
        typed = typed_message{m, message_body(std::in_place_type<opaque_message>, opaque_message{m.type, m.body})};
      }
      if (!typed) {
        error e = typed.error();
        e.offset += static_cast<std::uint32_t>(mp.offset);
        return fail(mp, std::string(name_of(m.type)) + " message", e);
      }
      check(mp, std::string(name_of(m.type)), m.raw, [&](writer& w) { typed->encode(w); });
      message_event ev;
      ev.at = mp;
      ev.decrypted = decrypted;
      ev.message = &*typed;
      ev.context = ctx;
      ev.from = ctx.sender;
      if (m.type == handshake_type::finished) ev.finished_verified = verify_finished(d, m);
      out_.handshake(ev);
      after_message(d, mp, *typed);
      if (failed_) return;
      transcript_.update(m.raw);
    }
  }

  // ServerKeyExchange / ClientKeyExchange depend on the suite's key
  // exchange: a suite the registry does not describe (Camellia, RC4 EXPORT,
  // ...) or one whose exchange the library does not parse (static DH) is
  // not malformed input, just not dissected further.
  static bool shown_opaque(const handshake_message& m, const negotiation_context& ctx, const error& e) {
    if (m.type != handshake_type::server_key_exchange && m.type != handshake_type::client_key_exchange) return false;
    if (is_tls13_wire(ctx.version)) return false;
    return !find_cipher_suite_info(ctx.suite) || e.code == errc::unsupported;
  }
  static std::string name_of_suite(cipher_suite s) {
    const auto n = tlswire::to_string(s);
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%04x", to_underlying(s));
    return n.empty() ? std::string("cipher suite ") + buf : std::string(n);
  }

  static std::string name_of(handshake_type t) {
    const auto n = tlswire::to_string(t);
    return n.empty() ? "handshake type " + std::to_string(to_underlying(t)) : std::string(n);
  }

  // RFC 8446 §4.4.4 / RFC 5246 §7.4.9, with the key log's secrets: the
  // transcript is every handshake message since the ClientHello, as received.
  std::optional<bool> verify_finished(const direction_state& d, const handshake_message& m) const {
    if (!transcript_complete_ || !secrets_ || !suite_) return std::nullopt;
    const bool client = d.dir == direction::client_to_server;
    if (tls13_) {
      const auto& secret = client ? secrets_->client_handshake_traffic_secret : secrets_->server_handshake_traffic_secret;
      return tls13_finished_matches(*suite_, secret, transcript_, m.body);
    }
    return tls12_finished_matches(*suite_, secrets_->master_secret, client, transcript_, m.body);
  }

  // The state a message changes: randoms, version and suite, keys.
  void after_message(direction_state& d, const position& p, const typed_message& t) {
    switch (t.type()) {
      case handshake_type::client_hello: {
        const auto& h = t.as<client_hello>();
        if (!second_hello_) {  // a new handshake (first, or a renegotiation): a new transcript
          transcript_.reset();
          transcript_complete_ = true;
          finished_seen_ = 0;
        }
        second_hello_ = false;
        client_random_.assign(h.random.begin(), h.random.end());
        find_secrets();
        d.flight_ended = true;
        return;
      }
      case handshake_type::server_hello: {
        const auto& h = t.as<server_hello>();
        if (h.is_hello_retry_request()) {
          hello_retry_ = true;  // RFC 8446 §4.1.4: a second ClientHello follows
          second_hello_ = true;
          // RFC 8446 §4.4.1: ClientHello1 enters the transcript as
          // message_hash(Hash(ClientHello1)), with the suite the HRR names.
          select_transcript_hash(h.suite, true);
          d.flight_ended = true;
          return;
        }
        server_random_.assign(h.random.begin(), h.random.end());
        const auto version = negotiated_version(h);
        if (!version) return fail(p, "ServerHello supported_versions", version.error());
        context_.version = *version;
        context_.suite = h.suite;
        suite_ = find_cipher_suite_info(h.suite);
        select_transcript_hash(h.suite, false);
        tls13_ = is_tls13_wire(*version);
        if (tls13_) start_tls13_protection(p);
        return;
      }
      case handshake_type::server_hello_done:
        d.flight_ended = true;
        return;
      case handshake_type::finished:
        d.flight_ended = true;
        ++finished_seen_;
        if (tls13_) {
          // RFC 8446 §7.2: after its Finished a side sends under its application traffic secret.
          const bool client = d.dir == direction::client_to_server;
          set_tls13_keys(d, p, client ? "CLIENT_TRAFFIC_SECRET_0" : "SERVER_TRAFFIC_SECRET_0",
                         secrets_ ? (client ? secrets_->client_traffic_secret_0 : secrets_->server_traffic_secret_0)
                                  : std::vector<std::uint8_t>{});
        }
        return;
      case handshake_type::key_update:
        if (tls13_) {
          key_change(d, p);
          if (d.keys.ready() && !d.keys.update_tls13()) d.no_keys = "KeyUpdate: next secret not derived";
        }
        return;
      default:
        return;
    }
  }

  // The suite names the transcript's hash (RFC 8446 §4.4.1, RFC 5246
  // §7.4.9); after a HelloRetryRequest ClientHello1 becomes message_hash. A
  // suite without a hash the provider has, or another hash than the HRR's,
  // leaves a transcript no Finished can be checked against.
  void select_transcript_hash(cipher_suite suite, bool hello_retry) {
    const auto info = find_cipher_suite_info(suite);
    const auto hash = info ? hash_of(*info) : std::nullopt;
    const bool ok = hash && (hello_retry ? transcript_.hello_retry_request(*hash) : transcript_.select(*hash)).ok();
    if (!ok) transcript_complete_ = false;
  }

  void find_secrets() {
    secrets_ = opts_.keys && client_random_.size() == 32 ? opts_.keys->find(client_random_.data()) : nullptr;
  }

  std::string missing_secret_reason(const char* label) const {
    if (!opts_.keys) return "no --keylog given";
    if (!secrets_) return "the key log has no line for this client random";
    if (!suite_) return "cipher suite unknown to tlswire";
    if (!aead_of(*suite_))
      return std::string(tlswire::to_string(suite_->suite)) + " is not an AEAD suite (only AEAD suites are decrypted)";
    return std::string("the key log has no ") + label + " for this client random";
  }

  void key_change(direction_state& d, const position& p) {
    if (const auto st = d.reassembler->key_change(); !st) fail(p, "handshake message spans a key change", st.error());
  }

  void set_tls13_keys(direction_state& d, const position& p, const char* label, const std::vector<std::uint8_t>& secret) {
    key_change(d, p);
    d.keys = record_keys{};
    if (secret.empty() || !suite_ || !d.keys.set_tls13(*suite_, secret)) {
      d.keys = record_keys{};
      d.no_keys = missing_secret_reason(label);
    }
  }

  // RFC 8446 §2: everything after the ServerHello is protected with the
  // handshake traffic secrets.
  void start_tls13_protection(const position& p) {
    for (auto& d : dirs_) {
      d.protected_records = true;
      const bool client = d.dir == direction::client_to_server;
      set_tls13_keys(d, p, client ? "CLIENT_HANDSHAKE_TRAFFIC_SECRET" : "SERVER_HANDSHAKE_TRAFFIC_SECRET",
                     secrets_ ? (client ? secrets_->client_handshake_traffic_secret
                                        : secrets_->server_handshake_traffic_secret)
                              : std::vector<std::uint8_t>{});
      if (failed_) return;
    }
  }

  // RFC 5246 §7.1: the sender's records after ChangeCipherSpec use the
  // pending keys, from the key block of the master secret.
  void start_tls12_protection(direction_state& d, const position& p) {
    key_change(d, p);
    if (failed_) return;
    d.protected_records = true;
    d.saw_encrypted_handshake = false;
    d.keys = record_keys{};
    record_keys client, server;
    if (secrets_ && suite_ &&
        record_keys::set_tls12(*suite_, secrets_->master_secret, client_random_, server_random_, client, server)) {
      d.keys = std::move(d.dir == direction::client_to_server ? client : server);
      return;
    }
    d.no_keys = missing_secret_reason("CLIENT_RANDOM");
  }

  void finish(direction_state& d) {
    position p = at(d, d.bytes->bytes.size());
    p.record = d.records.size();
    if (!d.foreign.empty()) {
      out_.note(p, "then this direction carries " + d.foreign + ": " + std::to_string(d.tail) + " bytes not shown");
      return;
    }
    if (const auto st = d.reassembler->finish(); !st)
      out_.note(p, "the stream ends inside a handshake message (capture cut short?)");
    if (d.tail > 0)
      out_.note(p, "the stream ends " + std::to_string(d.tail) + " bytes into an incomplete record");
    if (d.lost_after_gap > 0)
      out_.note(p, "bytes missing from the capture, and the " + std::to_string(d.lost_after_gap) +
                       " bytes after the hole do not start with a record: not shown");
  }

  std::size_t number_;
  const connection& conn_;
  const options& opts_;
  sink& out_;
  check_counts& counts_;
  connection_info info_;
  std::array<direction_state, 2> dirs_;
  bool failed_ = false;

  std::vector<std::uint8_t> client_random_, server_random_;
  const session_secrets* secrets_ = nullptr;
  std::optional<cipher_suite_info> suite_;
  negotiation_context context_{};
  bool tls13_ = false;
  bool hello_retry_ = false;
  bool second_hello_ = false;         // after a HelloRetryRequest: the next ClientHello continues the transcript
  transcript transcript_;             // handshake messages since the ClientHello
  bool transcript_complete_ = false;  // false once a handshake message could not be read
  std::size_t finished_seen_ = 0;     // Finished messages of the current handshake
};

}  // namespace

void dissect_connection(std::size_t number, const connection& conn, const options& opts, sink& out,
                        check_counts& counts) {
  auto d = std::make_unique<dissector>(number, conn, opts, out, counts);
  d->run();
}

}  // namespace tlswire_dump
