// The hostile-input table: named malformed inputs across records, handshake
// framing and reassembly, ClientHello/ServerHello, extensions, TLSInnerPlaintext
// and the SSLv2 hello, each with the alert a correct peer sends.
//
// Each row is fed to the same pipeline a receiving endpoint runs for that
// layer (parse, then the semantic checks: validate(), the RFC 8446 §4.2 table,
// every typed extension decoded and validated), and the FIRST error must
// carry the row's alert, a non-`none` code and an offset inside the input.
// Rows are partly written by hand and partly generated from the vectors
// (truncation at named points, one byte appended, extensions moved into a
// message that may not carry them) — every row has a name and an alert.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <catch2/catch.hpp>

#include "fuzzprops/extension_shapes.hpp"
#include "fuzzprops/vector_corpus.hpp"
#include "tlswire/messages/client_hello.hpp"
#include "tlswire/messages/dispatch.hpp"
#include "tlswire/messages/handshake.hpp"
#include "tlswire/messages/server_hello.hpp"
#include "tlswire/messages/sslv2_client_hello.hpp"
#include "tlswire/messages/validate_hello.hpp"
#include "tlswire/record/alert.hpp"
#include "tlswire/record/change_cipher_spec.hpp"
#include "tlswire/record/handshake_reassembler.hpp"
#include "tlswire/record/inner_plaintext.hpp"
#include "tlswire/record/record.hpp"
#include "tlswire/record/record_splitter.hpp"

using namespace tlswire;
using namespace tlswire::test;

namespace {

// Where a row's bytes are received.
enum class layer {
  record,           // one TLSPlaintext, 2^14 limit, then its alert/CCS content
  record_tls13,     // one TLSCiphertext of TLS 1.3 (2^14 + 256)
  record_tls12,     // one TLSCiphertext of TLS 1.2 (2^14 + 2048)
  record_mfl_512,   // one TLSPlaintext after max_fragment_length 2^9 (RFC 6066 §4)
  stream,           // a TCP stream: splitter -> reassembler -> hello pipelines
  inner_plaintext,  // a decrypted TLS 1.3 record
  client_hello,     // a ClientHello body, received by a server
  server_hello,     // a ServerHello/HRR body, received by a client
  extension,        // one Extension in message `where`
  extension_list,   // Extension extensions<0..2^16-1> of message `where`
  sslv2,            // an SSLv2-compatible CLIENT-HELLO record
  message,          // one whole handshake message, dispatched under `negotiated`
};

struct hostile_case {
  std::string name;
  layer where;
  byte_vector input;
  alert_description alert;
  message_context context = message_context::client_hello;
  negotiation_context negotiated{};
};

// ---------------------------------------------------------------- receiving pipelines

using verdict = std::optional<error>;

verdict first_error(const status& s) { return s.ok() ? verdict{} : verdict{s.error()}; }

// A rule about a value that does not know where it lies reports no_offset;
// the receiver, which knows, puts it there.
error placed(error e, std::size_t at) {
  if (!e.has_offset()) e.offset = static_cast<std::uint32_t>(at);
  return e;
}

// Every extension decoded as its typed shape for `where`, and validated.
verdict typed_extensions(const extension_list& list, message_context where) {
  verdict found;
  for (auto it = list.begin(); it != list.end() && !found; ++it) {
    const extension e = *it;
    with_shape(where, e.type, [&]<class Ext>() {
      const auto typed = decode_extension_data<Ext>(e.data, it.data_offset());
      if (!typed.ok()) {
        found = typed.error();
        return;
      }
      if constexpr (requires { { validate(*typed) } -> std::same_as<status>; }) {
        if (const status v = validate(*typed); !v.ok()) found = placed(v.error(), it.offset());
      }
      // A server's answer has rules of its own (e.g. RFC 7301 §3.1: exactly one protocol).
      if constexpr (requires { { validate_server(*typed) } -> std::same_as<status>; }) {
        if (answers_a_request(where) && !found)
          if (const status v = validate_server(*typed); !v.ok()) found = placed(v.error(), it.offset());
      }
    });
  }
  return found;
}

verdict receive_client_hello(bytes_view body, std::size_t offset = 0) {
  const auto h = decode_at_offset<client_hello>(body, offset);
  if (!h.ok()) return h.error();
  if (const status s = validate(*h); !s.ok()) return s.error();
  if (const status s = validate_extensions(h->extensions, message_context::client_hello); !s.ok()) return s.error();
  // A server speaking TLS 1.0-1.3 (RFC 8446 §4.2.1, RFC 7568 for SSL 3.0).
  const auto highest = highest_offered_version(*h);
  if (!highest.ok()) return placed(highest.error(), h->offset);
  if (to_underlying(*highest) < to_underlying(protocol_version::tls10))
    return make_error(errc::bad_value, alert_description::protocol_version, 0);
  return typed_extensions(h->extensions, message_context::client_hello);
}

verdict receive_server_hello(bytes_view body, std::size_t offset = 0) {
  const auto h = decode_at_offset<server_hello>(body, offset);
  if (!h.ok()) return h.error();
  if (const status s = validate(*h); !s.ok()) return s.error();
  const message_context where = h->is_hello_retry_request() ? message_context::hello_retry_request
                                : h->extensions.contains(extension_type::supported_versions)
                                    ? message_context::server_hello
                                    : message_context::tls12_server_hello;
  if (const status s = validate_extensions(h->extensions, where); !s.ok()) return s.error();
  return typed_extensions(h->extensions, where);
}

verdict receive_record(bytes_view in, record_limits limits) {
  const auto rec = decode<record>(in, limits);
  if (!rec.ok()) return rec.error();
  if (rec->type == content_type::alert) {
    const auto a = decode_alert_record(rec->fragment, record_header_size);
    if (!a.ok()) return a.error();
  }
  if (rec->type == content_type::change_cipher_spec) {
    const auto c = decode_change_cipher_spec_record(rec->fragment, record_header_size);
    if (!c.ok()) return c.error();
  }
  return {};
}

// A peer reading a TCP stream of plaintext records (RFC 8446 §5.1).
verdict receive_stream(bytes_view in) {
  record_splitter splitter;
  byte_vector buffer(handshake_header_size + 65536);
  handshake_reassembler hs(mutable_bytes(buffer.data(), buffer.size()), 65536);
  bytes_view rest = in;
  for (;;) {
    const auto step = splitter.next(rest);
    if (!step.ok()) return step.error();
    if (!step->complete()) break;
    const std::size_t at = splitter.position() - step->consumed;
    const record& rec = step->rec;
    if (rec.type == content_type::handshake) {
      if (const status s = hs.feed(rec.fragment, at + record_header_size); !s.ok()) return s.error();
      for (;;) {
        const auto m = hs.next();
        if (!m.ok()) return m.error();
        if (!m->has_value()) break;
        const handshake_message& msg = **m;
        verdict v;
        if (msg.type == handshake_type::client_hello) v = receive_client_hello(msg.body);
        if (msg.type == handshake_type::server_hello) v = receive_server_hello(msg.body);
        if (v) return v;
      }
    } else {
      if (const status s = hs.other_record(at); !s.ok()) return s.error();
      if (rec.type == content_type::alert) {
        const auto a = decode_alert_record(rec.fragment, at + record_header_size);
        if (!a.ok()) return a.error();
      }
      if (rec.type == content_type::change_cipher_spec) {
        const auto c = decode_change_cipher_spec_record(rec.fragment, at + record_header_size);
        if (!c.ok()) return c.error();
        // TLS 1.2: the next record is under new keys (RFC 5246 §7.1).
        if (const status s = hs.key_change(); !s.ok()) return s.error();
      }
    }
    rest = rest.subspan(step->consumed);
  }
  if (!rest.empty()) return make_error(errc::truncated, in.size() - rest.size());  // a record cut short at EOF
  return first_error(hs.finish());
}

// A message after the hellos: framing, dispatch in the negotiated form, then
// the message's own rules (validate(), where it needs nothing else).
verdict receive_message(bytes_view in, const negotiation_context& ctx) {
  const auto m = decode<handshake_message>(in);
  if (!m.ok()) return m.error();
  const auto typed = dispatch(*m, ctx);
  if (!typed.ok()) return typed.error();
  verdict found;
  std::visit(
      [&](const auto& body) {
        if constexpr (requires { { validate(body) } -> std::same_as<status>; }) {
          if (const status v = validate(body); !v.ok()) found = placed(v.error(), 0);  // the message's start
        }
      },
      typed->body);
  return found;
}

verdict receive(const hostile_case& c) {
  const bytes_view in(c.input.data(), c.input.size());
  switch (c.where) {
    case layer::record: return receive_record(in, record_limits{});
    case layer::record_tls13: return receive_record(in, record_limits{record_form::tls13, max_plaintext_length});
    case layer::record_tls12: return receive_record(in, record_limits{record_form::tls12, max_plaintext_length});
    case layer::record_mfl_512: return receive_record(in, record_limits{record_form::none, 512});
    case layer::stream: return receive_stream(in);
    case layer::inner_plaintext: {
      const auto p = decode<inner_plaintext>(in, record_limits{record_form::tls13, max_plaintext_length});
      return p.ok() ? verdict{} : verdict{p.error()};
    }
    case layer::client_hello: return receive_client_hello(in);
    case layer::server_hello: return receive_server_hello(in);
    case layer::extension: {
      const auto list = extension_list::from_encoded(in);
      if (!list.ok()) return list.error();
      if (const status s = validate_extensions(*list, c.context); !s.ok()) return s.error();
      return typed_extensions(*list, c.context);
    }
    case layer::extension_list: {
      const auto list = decode<tlswire::extension_list>(in);
      if (!list.ok()) return list.error();
      if (const status s = validate_extensions(*list, c.context); !s.ok()) return s.error();
      return typed_extensions(*list, c.context);
    }
    case layer::sslv2: {
      const auto h = parse_sslv2_client_hello(in);
      return h.ok() ? verdict{} : verdict{h.error()};
    }
    case layer::message: return receive_message(in, c.negotiated);
  }
  return {};
}

// ---------------------------------------------------------------- building bytes

byte_vector operator+(byte_vector a, const byte_vector& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}
byte_vector u8(std::size_t v) { return {static_cast<std::uint8_t>(v)}; }
byte_vector u16(std::size_t v) { return {static_cast<std::uint8_t>(v >> 8), static_cast<std::uint8_t>(v)}; }
byte_vector u24(std::size_t v) {
  return {static_cast<std::uint8_t>(v >> 16), static_cast<std::uint8_t>(v >> 8), static_cast<std::uint8_t>(v)};
}
byte_vector repeat(std::size_t n, std::uint8_t b) { return byte_vector(n, b); }
byte_vector vec8(const byte_vector& body) { return u8(body.size()) + body; }
byte_vector vec16(const byte_vector& body) { return u16(body.size()) + body; }
byte_vector ext(std::uint16_t type, const byte_vector& data) { return u16(type) + vec16(data); }
byte_vector rec(std::uint8_t type, const byte_vector& fragment, std::uint16_t version = 0x0303) {
  return u8(type) + u16(version) + vec16(fragment);
}
byte_vector first(const byte_vector& v, std::size_t n) { return byte_vector(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n)); }
byte_vector from(const byte_vector& v, std::size_t n) { return byte_vector(v.begin() + static_cast<std::ptrdiff_t>(n), v.end()); }

std::string ext_name(extension_type t) {
  const auto n = to_string(t);
  return n.empty() ? "extension " + std::to_string(to_underlying(t)) : std::string(n);
}

// RFC 8448 §3's ClientHello, cut into the prefix before its extensions and
// its extensions (each whole), so rows can rebuild it with changes.
struct hello_parts {
  byte_vector prefix;                  // legacy_version .. compression methods
  std::vector<byte_vector> extensions;  // whole Extension structures
  std::vector<extension_type> types;
};

hello_parts split_hello(const byte_vector& body, std::size_t extensions_at) {
  hello_parts p;
  p.prefix = first(body, extensions_at);
  const auto list = extension_list::from_encoded(bytes_view(body.data(), body.size()).subspan(extensions_at + 2));
  REQUIRE(list.ok());
  for (auto it = list->begin(); it != list->end(); ++it) {
    p.extensions.push_back(byte_vector(body.begin() + static_cast<std::ptrdiff_t>(extensions_at + 2 + it.offset()),
                                       body.begin() + static_cast<std::ptrdiff_t>(extensions_at + 2 + it.offset() +
                                                                                  4 + it->data.size())));
    p.types.push_back(it->type);
  }
  return p;
}

byte_vector join(const std::vector<byte_vector>& parts) {
  byte_vector out;
  for (const auto& p : parts) out = out + p;
  return out;
}

std::size_t client_hello_extensions_at(const client_hello& h) {
  return 2 + random_size + 1 + h.session_id.size() + 2 + h.cipher_suites.size() * 2 + 1 +
         h.compression_methods.size();
}
std::size_t server_hello_extensions_at(const server_hello& h) { return 2 + random_size + 1 + h.session_id_echo.size() + 3; }

constexpr auto decode_error = alert_description::decode_error;
constexpr auto illegal_parameter = alert_description::illegal_parameter;
constexpr auto unexpected_message = alert_description::unexpected_message;
constexpr auto record_overflow = alert_description::record_overflow;
constexpr auto handshake_failure = alert_description::handshake_failure;
constexpr auto missing_extension = alert_description::missing_extension;

// ---------------------------------------------------------------- the table

void record_rows(std::vector<hostile_case>& t) {
  // RFC 8446 §5.1: records are framed by their 5-byte header and length; a
  // record cut short "could not be decoded ... the length of the message was
  // incorrect" (§6.2 decode_error). Generated: every record of two RFC 8448
  // traces cut at named points, and each followed by a stray byte.
  for (const auto& file : {std::string("simple-1rtt"), std::string("resumed-0rtt")}) {
    const vector_file v = load_vectors("rfc8448/" + file + ".txt");
    for (const auto& name : v.names()) {
      if (name.find("_record_") == std::string::npos || name.find('.') != std::string::npos) continue;
      const byte_vector& r = v[name];
      const layer l = r[0] == 23 ? layer::record_tls13 : layer::record;
      const std::string base = "record " + file + " " + name;
      t.push_back({base + " cut to its content type", l, first(r, 1), decode_error});
      t.push_back({base + " cut inside its length", l, first(r, 4), decode_error});
      t.push_back({base + " cut to its header", l, first(r, 5), decode_error});
      t.push_back({base + " cut half way", l, first(r, 5 + (r.size() - 5) / 2), decode_error});
      t.push_back({base + " missing its last byte", l, first(r, r.size() - 1), decode_error});
      t.push_back({base + " followed by a stray byte", l, r + u8(0x16), decode_error});
    }
  }
  // RFC 8446 §5.1: "The length MUST NOT exceed 2^14 bytes. An endpoint that
  // receives a record that exceeds this length MUST terminate the connection
  // with a "record_overflow" alert." §5.2: TLSCiphertext "MUST NOT exceed
  // 2^14 + 256 bytes"; RFC 5246 §6.2.3: 2^14 + 2048; RFC 6066 §4 lowers the
  // plaintext limit. Refused from the header alone, before the body arrives.
  t.push_back({"handshake record of 2^14+1 bytes", layer::record, u8(22) + u16(0x0303) + u16(16385), record_overflow});
  t.push_back({"application_data record of 2^14+1 bytes", layer::record, u8(23) + u16(0x0303) + u16(16385), record_overflow});
  t.push_back({"record of 0xffff bytes (uint16 maximum)", layer::record, u8(22) + u16(0x0301) + u16(0xffff), record_overflow});
  t.push_back({"record of unknown type 0x63 and 2^14+1 bytes", layer::record, u8(0x63) + u16(0x0303) + u16(16385), record_overflow});
  t.push_back({"TLS 1.3 ciphertext of 2^14+257 bytes", layer::record_tls13, u8(23) + u16(0x0303) + u16(16641), record_overflow});
  t.push_back({"TLS 1.3 ciphertext of 0xffff bytes", layer::record_tls13, u8(23) + u16(0x0303) + u16(0xffff), record_overflow});
  t.push_back({"TLS 1.2 ciphertext of 2^14+2049 bytes", layer::record_tls12, u8(23) + u16(0x0303) + u16(18433), record_overflow});
  t.push_back({"TLS 1.2 ciphertext of 0xffff bytes", layer::record_tls12, u8(22) + u16(0x0303) + u16(0xffff), record_overflow});
  t.push_back({"record of 513 bytes after max_fragment_length 2^9", layer::record_mfl_512, u8(22) + u16(0x0303) + u16(513), record_overflow});
  t.push_back({"record of 2^14 bytes after max_fragment_length 2^9", layer::record_mfl_512, u8(23) + u16(0x0303) + u16(16384), record_overflow});

  // RFC 8446 §5.1: "Implementations MUST NOT send zero-length fragments of
  // Handshake types"; §5.4/§6: an empty handshake or alert content is
  // refused with unexpected_message (RFC 5246 §6.2.1 adds ChangeCipherSpec).
  for (std::uint16_t version : {0x0301, 0x0303}) {
    const std::string v = version == 0x0301 ? " (version 0x0301)" : " (version 0x0303)";
    t.push_back({"zero-length handshake record" + v, layer::record, rec(22, {}, version), unexpected_message});
    t.push_back({"zero-length alert record" + v, layer::record, rec(21, {}, version), unexpected_message});
    t.push_back({"zero-length change_cipher_spec record" + v, layer::record, rec(20, {}, version), unexpected_message});
  }

  // RFC 8446 §5.1: "a record with an Alert type MUST contain exactly one
  // message"; an Alert is two bytes (§6), anything else is decode_error.
  t.push_back({"alert record with one byte", layer::record, rec(21, {2}), decode_error});
  t.push_back({"alert record with three bytes", layer::record, rec(21, {2, 50, 0}), decode_error});
  t.push_back({"two alerts coalesced into one record", layer::record, rec(21, {1, 0, 2, 40}), decode_error});

  // RFC 8446 §5: "An implementation which receives any other
  // change_cipher_spec value ... MUST abort the handshake with an
  // "unexpected_message" alert."
  t.push_back({"change_cipher_spec value 0", layer::record, rec(20, {0}), unexpected_message});
  t.push_back({"change_cipher_spec value 2", layer::record, rec(20, {2}), unexpected_message});
  t.push_back({"change_cipher_spec value 0xff", layer::record, rec(20, {0xff}), unexpected_message});
  t.push_back({"change_cipher_spec 0x01 0x01", layer::record, rec(20, {1, 1}), unexpected_message});
  t.push_back({"change_cipher_spec 0x01 followed by zero padding", layer::record, rec(20, {1, 0, 0, 0}), unexpected_message});
}

void inner_plaintext_rows(std::vector<hostile_case>& t) {
  // RFC 8446 §5.4: "If a receiving implementation does not find a non-zero
  // octet in the cleartext, it MUST terminate the connection with an
  // "unexpected_message" alert."
  for (std::size_t n : {1, 2, 16, 255, 4096, 16385})
    t.push_back({"inner plaintext of " + std::to_string(n) + " zero bytes", layer::inner_plaintext, repeat(n, 0),
                 unexpected_message});
  t.push_back({"empty inner plaintext", layer::inner_plaintext, {}, unexpected_message});
  // RFC 8446 §5.4: "The length MUST NOT exceed 2^14 + 1 octets" for the
  // whole TLSInnerPlaintext: record_overflow (§5.2).
  t.push_back({"inner plaintext of 2^14+2 bytes", layer::inner_plaintext, repeat(16385, 0x41) + u8(23), record_overflow});
  t.push_back({"inner plaintext of 2^14+2 zero bytes", layer::inner_plaintext, repeat(16386, 0), record_overflow});
  t.push_back({"inner plaintext with 2^14 content and one padding byte", layer::inner_plaintext,
               repeat(16384, 0x41) + u8(23) + u8(0), record_overflow});
  // RFC 8446 §5.4 / §5.1: handshake and alert content may not be empty.
  t.push_back({"inner plaintext of an empty handshake", layer::inner_plaintext, {22}, unexpected_message});
  t.push_back({"inner plaintext of an empty handshake with padding", layer::inner_plaintext, {22, 0, 0, 0}, unexpected_message});
  t.push_back({"inner plaintext of an empty alert", layer::inner_plaintext, {21}, unexpected_message});
}

void stream_rows(std::vector<hostile_case>& t, const byte_vector& client_hello_message) {
  const byte_vector& ch = client_hello_message;
  const byte_vector alert = rec(21, {1, 0});
  const byte_vector ccs = rec(20, {1});
  // RFC 8446 §5.1: "Handshake messages MUST NOT be interleaved with other
  // record types ... MUST NOT span key changes" -> unexpected_message.
  t.push_back({"stream: ClientHello split by an alert record", layer::stream,
               rec(22, first(ch, 20)) + alert + rec(22, from(ch, 20)), unexpected_message});
  t.push_back({"stream: ClientHello split by change_cipher_spec", layer::stream,
               rec(22, first(ch, 100)) + ccs + rec(22, from(ch, 100)), unexpected_message});
  t.push_back({"stream: ClientHello header split by application data", layer::stream,
               rec(22, first(ch, 2)) + rec(23, {0x17}) + rec(22, from(ch, 2)), unexpected_message});
  t.push_back({"stream: half a message, then change_cipher_spec", layer::stream, rec(22, first(ch, 50)) + ccs,
               unexpected_message});
  // A zero-length handshake record in the middle of a message (§5.1).
  t.push_back({"stream: zero-length handshake record inside a ClientHello", layer::stream,
               rec(22, first(ch, 30)) + rec(22, {}) + rec(22, from(ch, 30)), unexpected_message});
  // The stream ends inside a message or a record: decode_error (§6.2).
  for (std::size_t cut : {1, 3, 4, 40, 150}) {
    t.push_back({"stream: ends after " + std::to_string(cut) + " bytes of a ClientHello", layer::stream,
                 rec(22, first(ch, cut)), decode_error});
    t.push_back({"stream: ClientHello record cut after " + std::to_string(cut) + " fragment bytes", layer::stream,
                 first(rec(22, ch), 5 + cut), decode_error});
  }
  t.push_back({"stream: ClientHello split over two records, second missing", layer::stream,
               rec(22, first(ch, ch.size() / 2)), decode_error});
  // RFC 8446 §4: the uint24 length can announce 16 MiB; a peer that will not
  // buffer that much refuses it from the header (a local limit, so
  // handshake_failure — see record/handshake_reassembler.hpp).
  t.push_back({"stream: handshake message announcing 2^24-1 bytes", layer::stream,
               rec(22, u8(1) + u24(0xffffff) + repeat(100, 0)), handshake_failure});
  t.push_back({"stream: handshake message announcing 65537 bytes", layer::stream,
               rec(22, u8(1) + u24(65537) + repeat(100, 0)), handshake_failure});
  t.push_back({"stream: oversized message whose header spans two records", layer::stream,
               rec(22, {11, 0x7f}) + rec(22, {0xff, 0xff, 0, 0}), handshake_failure});
  t.push_back({"stream: valid ClientHello then a second announcing 2^24-1", layer::stream,
               rec(22, ch) + rec(22, u8(1) + u24(0xffffff)), handshake_failure});
  // §5.1 record_overflow seen on the stream, after a valid record.
  t.push_back({"stream: valid ClientHello then a record of 2^14+1 bytes", layer::stream,
               rec(22, ch) + u8(22) + u16(0x0303) + u16(16385), record_overflow});
  // A ClientHello whose handshake length disagrees with its body (§4).
  t.push_back({"stream: ClientHello whose uint24 length is one short", layer::stream,
               rec(22, u8(1) + u24(ch.size() - 5) + from(ch, 4)), decode_error});
  t.push_back({"stream: ClientHello whose uint24 length is one long, then EOF", layer::stream,
               rec(22, u8(1) + u24(ch.size() - 3) + from(ch, 4)), decode_error});
}

void truncation_rows(std::vector<hostile_case>& t, const std::string& base, layer where, const byte_vector& body,
                     std::size_t extensions_at, bool client) {
  // RFC 8446 §4.1.2/§4.1.3 and §6.2: a hello cut inside any field is
  // decode_error. The cut right at extensions_at is the legal TLS 1.2 form
  // (RFC 5246 §7.4.1.2), so it is not a row.
  auto cut = [&](const std::string& what, std::size_t n) {
    if (n >= body.size() || n == extensions_at) return;
    t.push_back({base + " cut " + what, where, first(body, n), decode_error});
  };
  const std::size_t sid = body[34];
  cut("inside legacy_version", 1);
  cut("inside random", 2 + 16);
  cut("before legacy_session_id", 34);
  if (sid > 0) cut("inside legacy_session_id", 35 + sid / 2);
  if (client) {
    const std::size_t cs_at = 35 + sid;
    const std::size_t cs = std::size_t{body[cs_at]} << 8 | body[cs_at + 1];
    cut("before cipher_suites", cs_at);
    cut("inside the cipher_suites length", cs_at + 1);
    cut("inside cipher_suites", cs_at + 2 + cs / 2 + 1);
    cut("before legacy_compression_methods", cs_at + 2 + cs);
  } else {
    cut("inside cipher_suite", 35 + sid + 1);
    cut("before legacy_compression_method", 35 + sid + 2);
  }
  cut("inside the extensions length", extensions_at + 1);
  cut("after the extensions length", extensions_at + 2);
  const auto list = extension_list::from_encoded(bytes_view(body.data(), body.size()).subspan(extensions_at + 2));
  if (!list.ok()) return;
  for (auto it = list->begin(); it != list->end(); ++it) {
    const std::size_t at = extensions_at + 2 + it.offset();
    const std::string e = ext_name(it->type);
    cut("inside the type of " + e, at + 1);
    cut("inside the length of " + e, at + 3);
    if (!it->data.empty()) {
      cut("inside the data of " + e, at + 4 + it->data.size() / 2);
      cut("one byte before the end of " + e, at + 4 + it->data.size() - 1);
    }
  }
}

void hello_rows(std::vector<hostile_case>& t) {
  // Truncations of every RFC 8448 hello.
  for (const auto& m : vector_handshake_messages()) {
    if (m.name.rfind("rfc8448", 0) != 0) continue;
    const byte_vector body = from(m.bytes, 4);
    if (m.bytes[0] == 1) {
      const auto h = decode<client_hello>(bytes_view(body.data(), body.size()));
      REQUIRE(h.ok());
      truncation_rows(t, m.name, layer::client_hello, body, client_hello_extensions_at(*h), true);
      t.push_back({m.name + " followed by a stray byte", layer::client_hello, body + u8(0), decode_error});
    } else if (m.bytes[0] == 2) {
      const auto h = decode<server_hello>(bytes_view(body.data(), body.size()));
      REQUIRE(h.ok());
      truncation_rows(t, m.name, layer::server_hello, body, server_hello_extensions_at(*h), false);
      t.push_back({m.name + " followed by a stray byte", layer::server_hello, body + u8(0), decode_error});
    }
  }
}

void client_hello_rows(std::vector<hostile_case>& t, const byte_vector& body, std::size_t extensions_at) {
  const hello_parts p = split_hello(body, extensions_at);
  const std::size_t sid = body[34];
  const std::size_t cs_at = 35 + sid;
  auto with_extensions = [&](const std::vector<byte_vector>& exts) { return p.prefix + vec16(join(exts)); };
  auto without = [&](extension_type type) {
    std::vector<byte_vector> out;
    for (std::size_t i = 0; i < p.types.size(); ++i)
      if (p.types[i] != type) out.push_back(p.extensions[i]);
    return out;
  };
  auto replaced = [&](extension_type type, const byte_vector& data) {
    std::vector<byte_vector> out;
    for (std::size_t i = 0; i < p.types.size(); ++i)
      out.push_back(p.types[i] == type ? ext(to_underlying(type), data) : p.extensions[i]);
    return with_extensions(out);
  };
  const std::string ch = "ClientHello (RFC 8448 §3) ";
  const layer l = layer::client_hello;

  // RFC 8446 §4.1.2 vector bounds; out of range is decode_error (§6.2: "some
  // field was out of the specified range").
  t.push_back({ch + "with a 33-byte legacy_session_id", l,
               first(body, 34) + vec8(repeat(33, 7)) + from(body, 35 + sid), decode_error});
  t.push_back({ch + "with legacy_session_id length 0xff", l, first(body, 34) + u8(0xff) + from(body, 35), decode_error});
  t.push_back({ch + "with empty cipher_suites", l, first(body, cs_at) + u16(0) + u8(1) + u8(0) + vec16({}), decode_error});
  t.push_back({ch + "with an odd cipher_suites length", l,
               first(body, cs_at) + u16(3) + byte_vector{0x13, 0x01, 0x13} + u8(1) + u8(0), decode_error});
  t.push_back({ch + "with cipher_suites length 0xfffe past the end", l, first(body, cs_at) + u16(0xfffe) + from(body, cs_at + 2),
               decode_error});
  t.push_back({ch + "with cipher_suites length 0xffff (odd, over 2^16-2)", l,
               first(body, cs_at) + u16(0xffff) + from(body, cs_at + 2), decode_error});
  t.push_back({ch + "with empty legacy_compression_methods", l,
               first(p.prefix, p.prefix.size() - 2) + u8(0) + vec16(join(p.extensions)), decode_error});
  t.push_back({ch + "with compression_methods length past the end", l,
               first(p.prefix, p.prefix.size() - 2) + u8(0xff) + u8(0), decode_error});
  // Nested lengths that disagree (§4.1.2 extensions<8..2^16-1>, §4.2 extension_data).
  t.push_back({ch + "whose extensions length is one too long", l,
               p.prefix + u16(join(p.extensions).size() + 1) + join(p.extensions), decode_error});
  t.push_back({ch + "whose extensions length is one too short", l,
               p.prefix + u16(join(p.extensions).size() - 1) + join(p.extensions), decode_error});
  t.push_back({ch + "whose extensions length is 0xffff", l, p.prefix + u16(0xffff) + join(p.extensions), decode_error});
  t.push_back({ch + "whose first extension's length runs past the block", l,
               with_extensions({u16(0) + u16(0xfff0) + from(p.extensions[0], 4)}), decode_error});
  t.push_back({ch + "with an extension of 3 bytes (no room for its length)", l, with_extensions({byte_vector{0, 0x0a, 0}}),
               decode_error});
  t.push_back({ch + "followed by 0x00 0x00 after its extensions", l, with_extensions(p.extensions) + u16(0), decode_error});

  // RFC 8446 §4.2: "There MUST NOT be more than one extension of the same
  // type in a given extension block." (refused with illegal_parameter).
  for (std::size_t i = 0; i < p.types.size(); ++i) {
    std::vector<byte_vector> twice = p.extensions;
    twice.push_back(p.extensions[i]);
    t.push_back({ch + "with " + ext_name(p.types[i]) + " twice", l, with_extensions(twice), illegal_parameter});
  }
  {
    std::vector<byte_vector> adjacent = p.extensions;
    adjacent.insert(adjacent.begin(), p.extensions[0]);
    t.push_back({ch + "with its first extension twice in a row", l, with_extensions(adjacent), illegal_parameter});
  }
  // RFC 8446 §4.2: "If an implementation receives an extension which it
  // recognizes and which is not specified for the message in which it
  // appears, it MUST abort the handshake with an "illegal_parameter" alert."
  {
    auto e = p.extensions;
    e.push_back(ext(48, vec16({})));
    t.push_back({ch + "carrying oid_filters (CertificateRequest only)", l, with_extensions(e), illegal_parameter});
  }
  // pre_shared_key must be last (RFC 8446 §4.2.11: "Servers MUST check that
  // it is the last extension and otherwise fail the handshake with an
  // "illegal_parameter" alert").
  const byte_vector psk = ext(41, vec16(vec16(repeat(16, 0x11)) + repeat(4, 0)) + vec16(vec8(repeat(32, 0x22))));
  const byte_vector modes = ext(45, vec8({1}));
  {
    auto e = without(extension_type::psk_key_exchange_modes);
    e.push_back(modes);
    auto last = e;
    last.push_back(psk);
    auto not_last = e;
    not_last.insert(not_last.end() - 1, psk);
    auto first_one = e;
    first_one.insert(first_one.begin(), psk);
    t.push_back({ch + "with pre_shared_key second to last", l, with_extensions(not_last), illegal_parameter});
    t.push_back({ch + "with pre_shared_key first", l, with_extensions(first_one), illegal_parameter});
    auto psk_twice = last;
    psk_twice.push_back(psk);
    t.push_back({ch + "with pre_shared_key twice at the end", l, with_extensions(psk_twice), illegal_parameter});
    // PSK body bounds (§4.2.11): identities<7..2^16-1>, binders<33..2^16-1>, binder<32..255>.
    auto with_psk = [&](const byte_vector& data) {
      auto e2 = e;
      e2.push_back(ext(41, data));
      return with_extensions(e2);
    };
    t.push_back({ch + "with pre_shared_key of no identities", l, with_psk(vec16({}) + vec16(vec8(repeat(32, 1)))), decode_error});
    t.push_back({ch + "with a PSK identity of zero bytes", l,
                 with_psk(vec16(vec16({}) + repeat(4, 0)) + vec16(vec8(repeat(32, 1)))), decode_error});
    t.push_back({ch + "with a PSK binder of 31 bytes", l,
                 with_psk(vec16(vec16(repeat(16, 1)) + repeat(4, 0)) + vec16(vec8(repeat(31, 1)))), decode_error});
    t.push_back({ch + "with no PSK binders", l, with_psk(vec16(vec16(repeat(16, 1)) + repeat(4, 0)) + vec16({})), decode_error});
    t.push_back({ch + "with PSK binders cut short", l,
                 with_psk(vec16(vec16(repeat(16, 1)) + repeat(4, 0)) + u16(40) + vec8(repeat(32, 1))), decode_error});
    t.push_back({ch + "with more PSK identities than binders", l,
                 with_psk(vec16(vec16(repeat(16, 1)) + repeat(4, 0) + vec16(repeat(16, 2)) + repeat(4, 0)) +
                          vec16(vec8(repeat(32, 1)))),
                 illegal_parameter});
    // §4.2.9: a PSK offer needs psk_key_exchange_modes.
    auto no_modes = without(extension_type::psk_key_exchange_modes);
    no_modes.push_back(psk);
    t.push_back({ch + "offering a PSK without psk_key_exchange_modes", l, with_extensions(no_modes), missing_extension});
  }

  // Typed bodies out of their RFC bounds (decode_error, RFC 8446 §6.2).
  t.push_back({ch + "with supported_versions listing nothing", l, replaced(extension_type::supported_versions, vec8({})), decode_error});
  t.push_back({ch + "with supported_versions of odd length", l, replaced(extension_type::supported_versions, vec8({3, 4, 3})), decode_error});
  t.push_back({ch + "with supported_versions length past its data", l, replaced(extension_type::supported_versions, {8, 3, 4}), decode_error});
  t.push_back({ch + "with supported_versions of 255 bytes", l,
               replaced(extension_type::supported_versions, vec8(repeat(255, 3))), decode_error});
  t.push_back({ch + "with supported_groups empty", l, replaced(extension_type::supported_groups, vec16({})), decode_error});
  t.push_back({ch + "with supported_groups of odd length", l, replaced(extension_type::supported_groups, vec16({0, 0x1d, 0})), decode_error});
  t.push_back({ch + "with signature_algorithms empty", l, replaced(extension_type::signature_algorithms, vec16({})), decode_error});
  t.push_back({ch + "with signature_algorithms of odd length", l,
               replaced(extension_type::signature_algorithms, vec16({4, 3, 8})), decode_error});
  t.push_back({ch + "with a key_share entry with an empty key", l,
               replaced(extension_type::key_share, vec16(u16(0x1d) + vec16({}))), decode_error});
  t.push_back({ch + "with a key_share entry whose key runs past the list", l,
               replaced(extension_type::key_share, vec16(u16(0x1d) + u16(0x20) + repeat(8, 1))), decode_error});
  t.push_back({ch + "with client_shares length longer than the extension", l,
               replaced(extension_type::key_share, u16(0x40) + u16(0x1d) + vec16(repeat(32, 9))), decode_error});
  t.push_back({ch + "with a key_share entry cut inside its group", l, replaced(extension_type::key_share, vec16({0})), decode_error});
  t.push_back({ch + "with psk_key_exchange_modes empty", l, replaced(extension_type::psk_key_exchange_modes, vec8({})), decode_error});
  t.push_back({ch + "with server_name list empty", l, replaced(extension_type::server_name, vec16({})), decode_error});
  t.push_back({ch + "with a server_name host_name of zero bytes", l,
               replaced(extension_type::server_name, vec16(u8(0) + vec16({}))), decode_error});
  t.push_back({ch + "with server_name list length past its data", l,
               replaced(extension_type::server_name, u16(0x20) + u8(0) + vec16({'a'})), decode_error});
  t.push_back({ch + "with record_size_limit of one byte", l, replaced(extension_type::record_size_limit, {0x40}), decode_error});
  t.push_back({ch + "with record_size_limit of three bytes", l, replaced(extension_type::record_size_limit, {0x40, 0, 1}), decode_error});
  t.push_back({ch + "with renegotiation_info length past its data", l, replaced(extension_type::renegotiation_info, {5, 0}), decode_error});

  // Values the RFCs forbid (illegal_parameter).
  // RFC 8449 §4: "Endpoints MUST NOT send a value smaller than 64 ... MUST
  // treat receipt of a smaller value as a fatal error ... "illegal_parameter"".
  for (std::size_t v : {0, 1, 63})
    t.push_back({ch + "with record_size_limit " + std::to_string(v), l, replaced(extension_type::record_size_limit, u16(v)),
                 illegal_parameter});
  // RFC 8446 §4.1.2: a 1.3 ClientHello's legacy_version is 0x0303 and its
  // compression methods exactly {null}.
  t.push_back({ch + "offering 1.3 with legacy_version 0x0304", l, u16(0x0304) + from(body, 2), illegal_parameter});
  t.push_back({ch + "offering 1.3 with legacy_version 0x0301", l, u16(0x0301) + from(body, 2), illegal_parameter});
  t.push_back({ch + "offering 1.3 with compression method 1", l,
               first(p.prefix, p.prefix.size() - 1) + u8(1) + vec16(join(p.extensions)), illegal_parameter});
  t.push_back({ch + "offering 1.3 with compression methods {0, 1}", l,
               first(p.prefix, p.prefix.size() - 2) + vec8({0, 1}) + vec16(join(p.extensions)), illegal_parameter});
  // RFC 8446 §4.2.1: "If the "supported_versions" extension in the
  // ClientHello ... contains no versions acceptable to the server, the server
  // MUST abort the handshake with a "protocol_version" alert." GREASE
  // (RFC 8701), drafts and DTLS versions are not acceptable; neither is
  // SSL 3.0 (RFC 7568 §3: "MUST NOT ... negotiate SSLv3").
  const auto protocol_version_alert = alert_description::protocol_version;
  for (const auto& [versions, what] : std::vector<std::pair<byte_vector, std::string>>{
           {u16(0x0a0a), "only GREASE"},
           {u16(0x0a0a) + u16(0x1a1a), "two GREASE values"},
           {u16(0x7f1c), "only TLS 1.3 draft 28"},
           {u16(0xfefd) + u16(0xfefc), "only DTLS versions"},
           {u16(0x0300), "only SSL 3.0"},
           {u16(0x0300) + u16(0x0a0a), "SSL 3.0 and GREASE"},
           {u16(0x0002), "only SSL 2.0"}})
    t.push_back({ch + "whose supported_versions lists " + what, l, replaced(extension_type::supported_versions, vec8(versions)),
                 protocol_version_alert});
  // RFC 5246 §E.1 / RFC 7568: without supported_versions, legacy_version is
  // the offer; below TLS 1.0 nothing is acceptable.
  {
    const auto no_versions = without(extension_type::supported_versions);
    for (std::uint16_t v : {0x0300, 0x0200, 0x0002, 0x0000})
      t.push_back({ch + "without supported_versions and legacy_version " + std::to_string(v), l,
                   u16(v) + from(with_extensions(no_versions), 2), protocol_version_alert});
  }
  // RFC 8446 §4.2.8: key shares for distinct groups, each in supported_groups.
  t.push_back({ch + "with two key shares for x25519", l,
               replaced(extension_type::key_share,
                        vec16(u16(0x1d) + vec16(repeat(32, 1)) + u16(0x1d) + vec16(repeat(32, 2)))),
               illegal_parameter});
  t.push_back({ch + "with a key share for a group it does not list", l,
               replaced(extension_type::key_share, vec16(u16(0x001e) + vec16(repeat(56, 1)))), illegal_parameter});
  // RFC 8446 §9.2: supported_groups and key_share come together, and without
  // a PSK signature_algorithms is required: missing_extension.
  t.push_back({ch + "offering 1.3 without key_share", l, with_extensions(without(extension_type::key_share)), missing_extension});
  t.push_back({ch + "offering 1.3 without supported_groups", l, with_extensions(without(extension_type::supported_groups)),
               missing_extension});
  t.push_back({ch + "offering 1.3 without signature_algorithms or a PSK", l,
               with_extensions(without(extension_type::signature_algorithms)), missing_extension});
}

void server_hello_rows(std::vector<hostile_case>& t, const byte_vector& body, std::size_t extensions_at) {
  const hello_parts p = split_hello(body, extensions_at);
  auto with_extensions = [&](const std::vector<byte_vector>& exts) { return p.prefix + vec16(join(exts)); };
  auto plus = [&](const byte_vector& e) {
    auto all = p.extensions;
    all.push_back(e);
    return with_extensions(all);
  };
  auto replaced = [&](extension_type type, const byte_vector& data) {
    std::vector<byte_vector> out;
    for (std::size_t i = 0; i < p.types.size(); ++i)
      out.push_back(p.types[i] == type ? ext(to_underlying(type), data) : p.extensions[i]);
    return with_extensions(out);
  };
  const std::string sh = "ServerHello (RFC 8448 §3) ";
  const layer l = layer::server_hello;
  // RFC 8446 §4.1.3 bounds and nesting: decode_error.
  t.push_back({sh + "with a 33-byte legacy_session_id_echo", l, first(body, 34) + vec8(repeat(33, 1)) + from(body, 35),
               decode_error});
  t.push_back({sh + "whose extensions length is one too long", l, p.prefix + u16(join(p.extensions).size() + 1) + join(p.extensions),
               decode_error});
  t.push_back({sh + "whose extensions length is one too short", l, p.prefix + u16(join(p.extensions).size() - 1) + join(p.extensions),
               decode_error});
  t.push_back({sh + "with selected_version of one byte", l, replaced(extension_type::supported_versions, {3}), decode_error});
  t.push_back({sh + "with selected_version of three bytes", l, replaced(extension_type::supported_versions, {3, 4, 0}), decode_error});
  t.push_back({sh + "with a key_share whose key is empty", l, replaced(extension_type::key_share, u16(0x1d) + vec16({})), decode_error});
  t.push_back({sh + "with a key_share cut inside its key", l, replaced(extension_type::key_share, u16(0x1d) + u16(32) + repeat(4, 1)),
               decode_error});
  t.push_back({sh + "with a key_share followed by a stray byte", l,
               replaced(extension_type::key_share, u16(0x1d) + vec16(repeat(32, 1)) + u8(0)), decode_error});
  // RFC 8446 §4.2: duplicates and extensions the table keeps out of a
  // ServerHello -> illegal_parameter.
  for (std::size_t i = 0; i < p.types.size(); ++i)
    t.push_back({sh + "with " + ext_name(p.types[i]) + " twice", l, plus(p.extensions[i]), illegal_parameter});
  const std::pair<std::uint16_t, const char*> not_in_sh[] = {
      {10, "supported_groups"},  {13, "signature_algorithms"}, {45, "psk_key_exchange_modes"}, {44, "cookie"},
      {16, "ALPN"},              {0, "server_name"},           {42, "early_data"},             {47, "certificate_authorities"},
      {49, "post_handshake_auth"}, {28, "record_size_limit"},  {5, "status_request"},          {21, "padding"}};
  for (const auto& [type, name] : not_in_sh)
    t.push_back({sh + "carrying " + name + " (not allowed in a 1.3 ServerHello)", l, plus(ext(type, {})), illegal_parameter});
  // RFC 8446 §4.1.3/§4.2.1: a 1.3 ServerHello selects exactly 0x0304,
  // with legacy_version 0x0303 and compression method 0.
  t.push_back({sh + "selecting version 0x0303 in supported_versions", l, replaced(extension_type::supported_versions, u16(0x0303)),
               illegal_parameter});
  t.push_back({sh + "selecting a GREASE version", l, replaced(extension_type::supported_versions, u16(0x0a0a)), illegal_parameter});
  t.push_back({sh + "with legacy_version 0x0304", l, u16(0x0304) + from(body, 2), illegal_parameter});
  t.push_back({sh + "with compression method 1", l,
               first(p.prefix, p.prefix.size() - 1) + u8(1) + vec16(join(p.extensions)), illegal_parameter});
}

void hrr_rows(std::vector<hostile_case>& t, const byte_vector& body, std::size_t extensions_at) {
  const hello_parts p = split_hello(body, extensions_at);
  auto with_extensions = [&](const std::vector<byte_vector>& exts) { return p.prefix + vec16(join(exts)); };
  const std::string hrr = "HelloRetryRequest (RFC 8448 §5) ";
  const layer l = layer::server_hello;
  // RFC 8446 §4.1.4 / §4.2.8: key_share in an HRR is just a NamedGroup.
  std::vector<byte_vector> bad_group;
  for (std::size_t i = 0; i < p.types.size(); ++i)
    bad_group.push_back(p.types[i] == extension_type::key_share ? ext(51, u16(0x17) + vec16(repeat(65, 4))) : p.extensions[i]);
  t.push_back({hrr + "with a whole key share instead of a group", l, with_extensions(bad_group), decode_error});
  // RFC 8446 §4.1.4: "Clients MUST abort the handshake with an
  // "illegal_parameter" alert if the HelloRetryRequest would not result in
  // any change in the ClientHello": no key_share and no cookie.
  std::vector<byte_vector> no_change;
  for (std::size_t i = 0; i < p.types.size(); ++i)
    if (p.types[i] != extension_type::key_share && p.types[i] != extension_type::cookie) no_change.push_back(p.extensions[i]);
  t.push_back({hrr + "asking for no change", l, with_extensions(no_change), illegal_parameter});
  // §4.2: what the table keeps out of an HRR.
  for (std::uint16_t type : {std::uint16_t{10}, std::uint16_t{41}, std::uint16_t{0}, std::uint16_t{16}}) {
    auto e = p.extensions;
    e.push_back(ext(type, {}));
    t.push_back({hrr + "carrying " + ext_name(static_cast<extension_type>(type)), l, with_extensions(e), illegal_parameter});
  }
  // RFC 8446 §4.2.2: cookie<1..2^16-1>.
  std::vector<byte_vector> empty_cookie;
  for (std::size_t i = 0; i < p.types.size(); ++i)
    empty_cookie.push_back(p.types[i] == extension_type::cookie ? ext(44, vec16({})) : p.extensions[i]);
  t.push_back({hrr + "with an empty cookie", l, with_extensions(empty_cookie), decode_error});
}

void extension_rows(std::vector<hostile_case>& t) {
  // Generated from every typed extension in the vectors, one row per
  // (message, type): its data with a byte appended or its last byte dropped
  // (framing adjusted) is decode_error (RFC 8446 §6.2) — except bodies that
  // are "the rest of extension_data" (padding, session_ticket, ECH), which
  // have no inner length to disagree with.
  std::vector<std::pair<message_context, extension_type>> seen;
  for (const auto& e : vector_extensions()) {
    const auto key = std::make_pair(e.where, e.type());
    bool dup = false;
    for (const auto& s : seen) dup = dup || s == key;
    if (dup) continue;
    bool typed = false;
    with_shape(e.where, e.type(), [&]<class Ext>() { typed = true; });
    if (!typed || e.type() == extension_type::padding || e.type() == extension_type::session_ticket ||
        e.type() == extension_type::encrypted_client_hello)
      continue;
    seen.push_back(key);
    const byte_vector data(e.data().begin(), e.data().end());
    const std::uint16_t type = to_underlying(e.type());
    const std::string base = e.name + " (" + ext_name(e.type()) + ")";
    t.push_back({base + " with a byte appended to its data", layer::extension, ext(type, data + u8(0)), decode_error, e.where});
    if (!data.empty())
      t.push_back({base + " without its last data byte", layer::extension, ext(type, first(data, data.size() - 1)),
                   decode_error, e.where});
    // Extension framing itself: a length past the data.
    t.push_back({base + " whose length is one past its data", layer::extension, u16(type) + u16(data.size() + 1) + data,
                 decode_error, e.where});
  }
  // Extensions in a message that may not carry them (RFC 8446 §4.2 table):
  // illegal_parameter. Each CH-only extension of the vectors put into
  // EncryptedExtensions, and each SH/HRR-only one into a CertificateRequest.
  std::vector<extension_type> moved;
  for (const auto& e : vector_extensions()) {
    const extension_type type = e.type();
    bool done = false;
    for (auto m : moved) done = done || m == type;
    if (done || is_grease(type) || !is_recognized_in_tls13(type)) continue;
    for (message_context target : {message_context::encrypted_extensions, message_context::certificate_request,
                                   message_context::new_session_ticket}) {
      if (allowed_in(type, target)) continue;
      moved.push_back(type);
      static constexpr const char* names[] = {"ClientHello", "ServerHello", "HelloRetryRequest", "EncryptedExtensions",
                                              "Certificate", "CertificateRequest", "NewSessionTicket", "TLS 1.2 ServerHello"};
      t.push_back({e.name + " " + ext_name(type) + " moved into " + names[static_cast<int>(target)], layer::extension, e.bytes,
                   illegal_parameter, target});
      break;
    }
  }
  // Hand-written typed bodies (each RFC's bounds: decode_error; each RFC's
  // forbidden values: illegal_parameter).
  const auto CH = message_context::client_hello;
  const auto EE = message_context::encrypted_extensions;
  const auto CR = message_context::certificate_request;
  const auto NST = message_context::new_session_ticket;
  auto row = [&](std::string name, message_context where, const byte_vector& e, alert_description a) {
    t.push_back({std::move(name), layer::extension, e, a, where});
  };
  // RFC 7301 §3.1: ProtocolName<1..2^8-1>, ProtocolNameList<2..2^16-1>.
  row("ALPN with an empty protocol list", CH, ext(16, vec16({})), decode_error);
  row("ALPN with an empty protocol name", CH, ext(16, vec16(vec8({}))), decode_error);
  row("ALPN whose protocol name runs past the list", CH, ext(16, vec16(u8(9) + byte_vector{'h', '2'})), decode_error);
  row("ALPN in EncryptedExtensions naming two protocols", EE, ext(16, vec16(vec8({'h', '2'}) + vec8({'h'}))), illegal_parameter);
  // RFC 6066 §4: max_fragment_length 1..4; "If a server receives a maximum
  // fragment length negotiation request for a value other than the allowed
  // values, it MUST abort the handshake with an "illegal_parameter" alert."
  for (std::uint8_t v : {0, 5, 0xff})
    row("max_fragment_length value " + std::to_string(v), CH, ext(1, {v}), illegal_parameter);
  row("max_fragment_length of two bytes", CH, ext(1, {1, 1}), decode_error);
  row("max_fragment_length of no bytes", CH, ext(1, {}), decode_error);
  // RFC 6520 §2: HeartbeatMode 1 or 2; "MUST abort ... illegal_parameter".
  for (std::uint8_t v : {0, 3, 0xff}) row("heartbeat mode " + std::to_string(v), CH, ext(15, {v}), illegal_parameter);
  // RFC 7685 §3: "The client MUST fill the padding extension completely with zero bytes".
  row("padding with a non-zero byte", CH, ext(21, {0, 0, 1, 0}), illegal_parameter);
  row("padding of one 0xff byte", CH, ext(21, {0xff}), illegal_parameter);
  // RFC 8449 §4 in EncryptedExtensions too.
  row("record_size_limit 63 in EncryptedExtensions", EE, ext(28, u16(63)), illegal_parameter);
  // RFC 8446 §4.2.10: early_data in NewSessionTicket is a uint32.
  row("early_data in NewSessionTicket of three bytes", NST, ext(42, {0, 0, 1}), decode_error);
  row("early_data in NewSessionTicket of five bytes", NST, ext(42, {0, 0, 0, 1, 0}), decode_error);
  row("early_data in EncryptedExtensions with data", EE, ext(42, {0}), decode_error);
  // RFC 8446 §4.2.4 certificate_authorities: DistinguishedName<1..2^16-1>, list <3..2^16-1>.
  row("certificate_authorities with an empty list", CR, ext(47, vec16({})), decode_error);
  row("certificate_authorities with an empty name", CR, ext(47, vec16(vec16({}) + u8(0))), decode_error);
  // RFC 8446 §4.2.5 oid_filters: OIDFilter{certificate_extension_oid<1..2^8-1>, values<0..2^16-1>}.
  row("oid_filters with an empty OID", CR, ext(48, vec16(vec8({}) + vec16({}))), decode_error);
  row("oid_filters whose values run past the list", CR, ext(48, vec16(vec8({0x55}) + u16(9))), decode_error);
  // RFC 8446 §4.2.3 signature_algorithms_cert <2..2^16-2>.
  row("signature_algorithms_cert empty in CertificateRequest", CR, ext(50, vec16({})), decode_error);
  // RFC 8879 §3 compress_certificate: algorithms<2..2^8-2>.
  row("compress_certificate listing nothing", CH, ext(27, vec8({})), decode_error);
  row("compress_certificate of odd length", CH, ext(27, vec8({0, 1, 0})), decode_error);
  // RFC 6066 §8 status_request: CertificateStatusType, then two vectors.
  row("status_request cut after its type", CH, ext(5, {1}), decode_error);
  row("status_request whose responder list runs past it", CH, ext(5, u8(1) + u16(5) + u16(0)), decode_error);
  // RFC 5764 §4.1.1 use_srtp: SRTPProtectionProfiles<2..2^16-1>, srtp_mki<0..255>.
  row("use_srtp with no profiles", CH, ext(14, vec16({}) + vec8({})), decode_error);
  row("use_srtp with an odd profile list", CH, ext(14, vec16({0, 1, 0}) + vec8({})), decode_error);
  // Empty-bodied extensions carry nothing (RFC 7366 §2, RFC 7627 §5.1, RFC 8446 §4.2.6).
  row("encrypt_then_mac with data", CH, ext(22, {0}), decode_error);
  row("extended_master_secret with data", CH, ext(23, {0}), decode_error);
  row("post_handshake_auth with data", CH, ext(49, {0}), decode_error);
  row("server_name in EncryptedExtensions with data", EE, ext(0, {0, 0}), decode_error);
  // RFC 7250 §3 certificate types: client list <1..2^8-1>, server reply one byte.
  row("client_certificate_type listing nothing", CH, ext(19, vec8({})), decode_error);
  row("server_certificate_type in EncryptedExtensions of two bytes", EE, ext(20, {0, 2}), decode_error);
  // Extension framing (RFC 8446 §4.2) with lengths at the uint16 limit.
  row("Extension whose length is 0xffff with 4 bytes of data", CH, u16(0xff00) + u16(0xffff) + repeat(4, 0), decode_error);
  row("Extension cut inside its type", CH, {0x00}, decode_error);
  row("Extension cut inside its length", CH, {0x00, 0x0a, 0x00}, decode_error);

  // Whole lists (RFC 8446 §4.2) with duplicates or misplaced PSK.
  auto list_row = [&](std::string name, message_context where, const byte_vector& body, alert_description a) {
    t.push_back({std::move(name), layer::extension_list, vec16(body), a, where});
  };
  list_row("EncryptedExtensions list with ALPN twice", EE, ext(16, vec16(vec8({'h', '2'}))) + ext(16, vec16(vec8({'h', '2'}))),
           illegal_parameter);
  list_row("ClientHello list with GREASE 0x0a0a twice", CH, ext(0x0a0a, {}) + ext(0x0a0a, {}), illegal_parameter);
  list_row("ClientHello list with an unknown type twice", CH, ext(0x7777, {1}) + ext(0x7777, {2}), illegal_parameter);
  list_row("ClientHello list with pre_shared_key before padding", CH,
           ext(41, vec16(vec16(repeat(8, 1)) + repeat(4, 0)) + vec16(vec8(repeat(32, 1)))) + ext(21, {0, 0}), illegal_parameter);
  list_row("CertificateRequest list with key_share", CR, ext(13, vec16({4, 3})) + ext(51, {}), illegal_parameter);
  list_row("NewSessionTicket list with supported_versions", NST, ext(43, {3, 4}), illegal_parameter);
  list_row("EncryptedExtensions list with pre_shared_key", EE, ext(41, {0, 0}), illegal_parameter);
  list_row("EncryptedExtensions list with key_share", EE, ext(51, u16(0x1d) + vec16(repeat(32, 1))), illegal_parameter);
  list_row("Certificate list with supported_groups", message_context::certificate, ext(10, vec16({0, 0x1d})), illegal_parameter);
  t.push_back({"extension list whose length is one past its data", layer::extension_list, u16(5) + ext(23, {}), decode_error, CH});
  t.push_back({"extension list of one byte", layer::extension_list, {0x00}, decode_error, CH});
  t.push_back({"extension list whose length is 0xffff with 8 bytes", layer::extension_list, u16(0xffff) + repeat(8, 0),
               decode_error, CH});
}

void sslv2_rows(std::vector<hostile_case>& t) {
  // RFC 5246 Appendix E.2 V2ClientHello: msg_length with the high bit,
  // msg_type 1, cipher_spec_length a non-zero multiple of 3, session_id 0 or
  // 16 bytes, challenge 16..32 bytes. Lengths that disagree: decode_error.
  auto hello = [](std::size_t type, std::size_t specs, std::size_t sid, std::size_t challenge) {
    const byte_vector body = u8(type) + u16(0x0303) + u16(specs) + u16(sid) + u16(challenge) + repeat(specs, 0x2f) +
                             repeat(sid, 0x11) + repeat(challenge, 0x22);
    return u16(0x8000 | body.size()) + body;
  };
  const byte_vector good = hello(1, 6, 0, 32);
  for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{5}, std::size_t{8},
                        std::size_t{10}, std::size_t{11}, std::size_t{20}, good.size() - 1})
    t.push_back({"SSLv2 CLIENT-HELLO cut to " + std::to_string(n) + " bytes", layer::sslv2, first(good, n), decode_error});
  t.push_back({"SSLv2 CLIENT-HELLO followed by a stray byte", layer::sslv2, good + u8(0), decode_error});
  t.push_back({"SSLv2 CLIENT-HELLO with no cipher specs", layer::sslv2, hello(1, 0, 0, 32), decode_error});
  t.push_back({"SSLv2 CLIENT-HELLO with 4 bytes of cipher specs", layer::sslv2, hello(1, 4, 0, 32), decode_error});
  t.push_back({"SSLv2 CLIENT-HELLO with an 8-byte session id", layer::sslv2, hello(1, 3, 8, 32), decode_error});
  t.push_back({"SSLv2 CLIENT-HELLO with a 15-byte challenge", layer::sslv2, hello(1, 3, 0, 15), decode_error});
  t.push_back({"SSLv2 CLIENT-HELLO with a 33-byte challenge", layer::sslv2, hello(1, 3, 0, 33), decode_error});
  t.push_back({"SSLv2 CLIENT-HELLO with an empty challenge", layer::sslv2, hello(1, 3, 0, 0), decode_error});
  // E.2: the 3-byte header form (high bit clear) "is never a CLIENT-HELLO":
  // the header field holds a value forbidden here (illegal_parameter).
  t.push_back({"SSLv2 record whose msg_length lacks the high bit", layer::sslv2, byte_vector{0x00} + from(good, 1),
               illegal_parameter});
  t.push_back({"SSLv2 message of type 2 (SERVER-HELLO)", layer::sslv2, hello(2, 3, 0, 16), unexpected_message});
  t.push_back({"SSLv2 CLIENT-HELLO whose msg_length is one short", layer::sslv2,
               u16(0x8000 | (good.size() - 3)) + from(good, 2), decode_error});
  t.push_back({"SSLv2 CLIENT-HELLO whose cipher_spec_length runs past it", layer::sslv2,
               first(good, 5) + u16(0x7ff8) + from(good, 7), decode_error});
}

constexpr negotiation_context tls13_ctx{protocol_version::tls13, cipher_suite::tls_aes_128_gcm_sha256, sender::server,
                                       certificate_type::x509};
constexpr negotiation_context tls12_ecdhe_ctx{protocol_version::tls12, cipher_suite::tls_ecdhe_rsa_with_aes_128_gcm_sha256,
                                             sender::server, certificate_type::x509};
constexpr negotiation_context tls12_rsa_ctx{protocol_version::tls12, cipher_suite::tls_rsa_with_aes_128_gcm_sha256,
                                           sender::client, certificate_type::x509};

void message_rows(std::vector<hostile_case>& t) {
  // Generated: every kind of message after the hellos found in the vectors
  // (RFC 8448 for 1.3, the Go recordings for 1.2), at most two of each, cut
  // short or with a byte appended while its handshake length is kept
  // consistent — the body itself must refuse (decode_error, RFC 8446 §6.2).
  std::map<std::pair<int, int>, int> taken;
  for (const auto& m : vector_handshake_messages()) {
    const std::uint8_t type = m.bytes[0];
    if (type == 1 || type == 2) continue;
    const auto whole = decode<handshake_message>(m.view());
    REQUIRE(whole.ok());
    for (const auto* ctx : {&tls13_ctx, &tls12_ecdhe_ctx, &tls12_rsa_ctx}) {
      const auto d = dispatch(*whole, *ctx);
      if (!d.ok() || d->holds<opaque_message>()) continue;
      if (taken[{type, to_underlying(ctx->version)}]++ >= 2) break;
      const byte_vector body = from(m.bytes, 4);
      const std::string base = m.name + " (" + std::string(to_string(whole->type)) + ")";
      auto add = [&](const std::string& what, const byte_vector& b) {
        t.push_back({base + " " + what, layer::message, u8(type) + u24(b.size()) + b, decode_error,
                     message_context::client_hello, *ctx});
      };
      if (!body.empty()) {
        add("without its last byte", first(body, body.size() - 1));
        add("cut to half its body", first(body, body.size() / 2));
        if (body.size() > 1) add("cut to its first byte", first(body, 1));
      }
      add("with a byte appended", body + u8(0));
      t.push_back({base + " whose uint24 length runs past it", layer::message, u8(type) + u24(body.size() + 1) + body,
                   decode_error, message_context::client_hello, *ctx});
      break;
    }
  }
  auto row = [&](std::string name, const negotiation_context& ctx, std::uint8_t type, const byte_vector& body,
                 alert_description a) {
    t.push_back({std::move(name), layer::message, u8(type) + u24(body.size()) + body, a, message_context::client_hello, ctx});
  };
  const byte_vector sigalgs = ext(13, vec16({4, 3, 8, 4}));
  const byte_vector cert = {0x30, 0x03, 0x02, 0x01, 0x01};  // shape only: the view is not asked to check it here
  // RFC 8446 §4.6.3: request_update other than 0 or 1 -> illegal_parameter.
  for (std::uint8_t v : {2, 0x7f, 0xff}) row("KeyUpdate request_update " + std::to_string(v), tls13_ctx, 24, {v}, illegal_parameter);
  row("KeyUpdate with no body", tls13_ctx, 24, {}, decode_error);
  row("KeyUpdate of two bytes", tls13_ctx, 24, {0, 0}, decode_error);
  // RFC 8446 §4.4.4: verify_data is Hash.length bytes (32 for SHA-256).
  row("TLS 1.3 Finished of 31 bytes (SHA-256 suite)", tls13_ctx, 20, repeat(31, 1), decode_error);
  row("TLS 1.3 Finished of 33 bytes (SHA-256 suite)", tls13_ctx, 20, repeat(33, 1), decode_error);
  row("TLS 1.3 Finished with no body", tls13_ctx, 20, {}, decode_error);
  // RFC 5246 §7.4.9: verify_data_length 12.
  row("TLS 1.2 Finished of 11 bytes", tls12_ecdhe_ctx, 20, repeat(11, 1), decode_error);
  row("TLS 1.2 Finished of 32 bytes", tls12_ecdhe_ctx, 20, repeat(32, 1), decode_error);
  // Empty-bodied messages (RFC 5246 §7.4.5, RFC 8446 §4.5).
  row("ServerHelloDone with a body", tls12_ecdhe_ctx, 14, {0}, decode_error);
  row("EndOfEarlyData with a body", tls13_ctx, 5, {0}, decode_error);
  // RFC 8446 §4.3.1: EncryptedExtensions is one extension block.
  row("EncryptedExtensions with no body", tls13_ctx, 8, {}, decode_error);
  row("EncryptedExtensions whose block runs past it", tls13_ctx, 8, u16(10) + ext(16, {}), decode_error);
  row("EncryptedExtensions carrying key_share", tls13_ctx, 8, vec16(ext(51, u16(0x1d) + vec16(repeat(32, 1)))), illegal_parameter);
  row("EncryptedExtensions carrying supported_versions", tls13_ctx, 8, vec16(ext(43, u16(0x0304))), illegal_parameter);
  row("EncryptedExtensions carrying pre_shared_key", tls13_ctx, 8, vec16(ext(41, u16(0))), illegal_parameter);
  row("EncryptedExtensions with server_name twice", tls13_ctx, 8, vec16(ext(0, {}) + ext(0, {})), illegal_parameter);
  // RFC 8446 §4.3.2: CertificateRequest context<0..2^8-1>, extensions<2..2^16-1>.
  row("CertificateRequest without signature_algorithms", tls13_ctx, 13, vec8({}) + vec16(ext(47, vec16(vec16({0x30, 0})))),
      missing_extension);
  row("CertificateRequest with a non-empty context in the handshake", tls13_ctx, 13, vec8({1}) + vec16(sigalgs), illegal_parameter);
  row("CertificateRequest carrying key_share", tls13_ctx, 13, vec8({}) + vec16(sigalgs + ext(51, {})), illegal_parameter);
  row("CertificateRequest with signature_algorithms twice", tls13_ctx, 13, vec8({}) + vec16(sigalgs + sigalgs),
      illegal_parameter);
  row("CertificateRequest with an empty extension block", tls13_ctx, 13, vec8({}) + vec16({}), decode_error);
  row("CertificateRequest whose context runs past it", tls13_ctx, 13, u8(40) + vec16(sigalgs), decode_error);
  // RFC 8446 §4.4.2 Certificate: certificate_request_context<0..2^8-1>,
  // CertificateEntry certificate_list<0..2^24-1>, cert_data<1..2^24-1>.
  row("TLS 1.3 Certificate whose list length is 2^24-1", tls13_ctx, 11, vec8({}) + u24(0xffffff) + u24(5) + cert + u16(0),
      decode_error);
  row("TLS 1.3 Certificate with an empty cert_data", tls13_ctx, 11, vec8({}) + u24(5) + u24(0) + u16(0), decode_error);
  row("TLS 1.3 Certificate whose cert_data runs past its list", tls13_ctx, 11,
      vec8({}) + u24(10) + u24(0x100) + cert + u16(0), decode_error);
  row("TLS 1.3 Certificate entry whose extensions run past it", tls13_ctx, 11,
      vec8({}) + u24(3 + cert.size() + 2) + u24(cert.size()) + cert + u16(9), decode_error);
  row("TLS 1.3 Certificate entry cut before its extensions", tls13_ctx, 11, vec8({}) + u24(3 + cert.size()) + u24(cert.size()) + cert,
      decode_error);
  // RFC 5246 §7.4.2: ASN.1Cert certificate_list<0..2^24-1>, ASN.1Cert<1..2^24-1>.
  row("TLS 1.2 Certificate with an empty ASN.1Cert", tls12_ecdhe_ctx, 11, u24(3) + u24(0), decode_error);
  row("TLS 1.2 Certificate whose list length is 2^24-1", tls12_ecdhe_ctx, 11, u24(0xffffff) + u24(cert.size()) + cert,
      decode_error);
  row("TLS 1.2 Certificate whose certificate runs past its list", tls12_ecdhe_ctx, 11, u24(8) + u24(0x7fff) + cert,
      decode_error);
  // RFC 8446 §4.6.1 NewSessionTicket: ticket<1..2^16-1>, lifetime <= 7 days.
  const byte_vector nonce = vec8({0});
  row("NewSessionTicket with an empty ticket", tls13_ctx, 4, u24(0) + u8(1) + repeat(4, 0) + nonce + vec16({}) + vec16({}),
      decode_error);
  row("NewSessionTicket whose nonce runs past it", tls13_ctx, 4, repeat(8, 0) + u8(200) + vec16({1}) + vec16({}), decode_error);
  row("NewSessionTicket with a lifetime of 604801 s", tls13_ctx, 4,
      byte_vector{0x00, 0x09, 0x3a, 0x81} + repeat(4, 0) + nonce + vec16({1}) + vec16({}), illegal_parameter);
  row("NewSessionTicket with a lifetime of 2^32-1 s", tls13_ctx, 4, repeat(4, 0xff) + repeat(4, 0) + nonce + vec16({1}) + vec16({}),
      illegal_parameter);
  row("NewSessionTicket carrying key_share", tls13_ctx, 4, repeat(8, 0) + nonce + vec16({1}) + vec16(ext(51, {})),
      illegal_parameter);
  row("NewSessionTicket with early_data twice", tls13_ctx, 4,
      repeat(8, 0) + nonce + vec16({1}) + vec16(ext(42, repeat(4, 0)) + ext(42, repeat(4, 0))), illegal_parameter);
  // RFC 8446 §4.4.3 CertificateVerify: scheme + signature<0..2^16-1>.
  row("CertificateVerify cut inside its scheme", tls13_ctx, 15, {0x08}, decode_error);
  row("CertificateVerify whose signature runs past it", tls13_ctx, 15, u16(0x0804) + u16(0x100) + repeat(8, 1), decode_error);
  // Handshake framing (RFC 8446 §4): a uint24 length at its limit.
  row("message announcing 2^24-1 body bytes with 10", tls13_ctx, 8, {}, decode_error);
  t.back().input = u8(8) + u24(0xffffff) + repeat(10, 0);
  row("message of three bytes (header cut)", tls13_ctx, 8, {}, decode_error);
  t.back().input = {8, 0, 0};
}

std::vector<hostile_case> hostile_table() {
  std::vector<hostile_case> t;
  const vector_file simple = load_vectors("rfc8448/simple-1rtt.txt");
  const vector_file hrr = load_vectors("rfc8448/hello-retry-request.txt");
  const byte_vector ch_message = simple["client_hello"];
  const byte_vector ch = from(ch_message, 4);
  const byte_vector sh = from(simple["server_hello"], 4);
  const byte_vector hrr_body = from(hrr["hello_retry_request"], 4);
  const auto ch_parsed = decode<client_hello>(bytes_view(ch.data(), ch.size()));
  const auto sh_parsed = decode<server_hello>(bytes_view(sh.data(), sh.size()));
  const auto hrr_parsed = decode<server_hello>(bytes_view(hrr_body.data(), hrr_body.size()));
  REQUIRE(ch_parsed.ok());
  REQUIRE(sh_parsed.ok());
  REQUIRE(hrr_parsed.ok());

  record_rows(t);
  inner_plaintext_rows(t);
  stream_rows(t, ch_message);
  hello_rows(t);
  client_hello_rows(t, ch, client_hello_extensions_at(*ch_parsed));
  server_hello_rows(t, sh, server_hello_extensions_at(*sh_parsed));
  hrr_rows(t, hrr_body, server_hello_extensions_at(*hrr_parsed));
  extension_rows(t);
  sslv2_rows(t);
  message_rows(t);
  return t;
}

const char* layer_name(layer l) {
  switch (l) {
    case layer::record: return "record";
    case layer::record_tls13: return "record_tls13";
    case layer::record_tls12: return "record_tls12";
    case layer::record_mfl_512: return "record_mfl_512";
    case layer::stream: return "stream";
    case layer::inner_plaintext: return "inner_plaintext";
    case layer::client_hello: return "client_hello";
    case layer::server_hello: return "server_hello";
    case layer::extension: return "extension";
    case layer::extension_list: return "extension_list";
    case layer::sslv2: return "sslv2";
    case layer::message: return "message";
  }
  return "?";
}

}  // namespace

TEST_CASE("the untouched vectors pass every receiving pipeline the table uses", "[hostile]") {
  // Without this, a pipeline that refused everything would pass the table.
  const vector_file simple = load_vectors("rfc8448/simple-1rtt.txt");
  const byte_vector ch_message = simple["client_hello"];
  const byte_vector sh = from(simple["server_hello"], 4);
  CHECK_FALSE(receive({"", layer::client_hello, from(ch_message, 4), {}}));
  CHECK_FALSE(receive({"", layer::server_hello, sh, {}}));
  CHECK_FALSE(receive({"", layer::stream, rec(22, first(ch_message, 10)) + rec(22, from(ch_message, 10)), {}}));
  CHECK_FALSE(receive({"", layer::record, simple["client_handshake_record_1"], {}}));
  CHECK_FALSE(receive({"", layer::record, rec(21, {1, 0}), {}}));
  CHECK_FALSE(receive({"", layer::record, rec(20, {1}), {}}));
  CHECK_FALSE(receive({"", layer::inner_plaintext, byte_vector{1, 2, 22, 0, 0}, {}}));
  for (const auto& e : vector_extensions()) {
    INFO(e.name);
    CHECK_FALSE(receive({"", layer::extension, e.bytes, {}, e.where}));
  }
  std::size_t messages = 0;
  for (const auto& m : vector_handshake_messages()) {
    if (m.bytes[0] == 1 || m.bytes[0] == 2) continue;
    for (const auto* ctx : {&tls13_ctx, &tls12_ecdhe_ctx, &tls12_rsa_ctx}) {
      const auto d = dispatch(m.view(), *ctx);
      if (!d.ok() || d->holds<opaque_message>()) continue;
      INFO(m.name);
      CHECK_FALSE(receive({"", layer::message, m.bytes, {}, message_context::client_hello, *ctx}));
      ++messages;
      break;
    }
  }
  CHECK(messages > 80);
}

TEST_CASE("every hostile input is refused with the alert a correct peer sends", "[hostile]") {
  const auto table = hostile_table();
  REQUIRE(table.size() >= 300);
  std::vector<std::string> names;
  std::size_t mismatches = 0;
  for (const auto& c : table) {
    INFO("row: " << c.name << " [" << layer_name(c.where) << "]");
    const verdict v = receive(c);
    REQUIRE(v.has_value());
    CHECK(v->code != errc::none);
    CHECK(v->offset <= c.input.size());
    CHECK(to_string(v->alert) == to_string(c.alert));
    if (v->alert != c.alert) ++mismatches;
    names.push_back(c.name);
  }
  // Every row has its own name.
  std::sort(names.begin(), names.end());
  CHECK(std::adjacent_find(names.begin(), names.end()) == names.end());
  SUCCEED(table.size() << " hostile inputs, " << mismatches << " with an unexpected alert");
}
