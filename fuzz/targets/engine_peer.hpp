#pragma once
// What the two engine fuzz targets (engine_client.hpp, engine_server.hpp)
// share: the fuzzer plays the other side of a TLS 1.3 handshake, with the
// insecure null provider (no MAC, tag or signature stops a fuzzed message),
// and this file holds the oracles.
//
// Input: byte 0 chooses how the peer's stream is cut into feed() calls
// (0: all at once, n: n bytes at a time); byte 1, bit 0 chooses what the
// stream is: 0 - the rest of the input as it is; 1 - a recorded valid
// conversation (the real peer engine's bytes, recorded in process; the null
// provider's counter randomness makes it replay exactly) with the rest of the
// input as edits, 3 bytes each: a 2-byte position (modulo the length) and a
// byte XORed there; bit 1 then picks the recording: 0 - a 1-RTT handshake,
// 1 - one through a HelloRetryRequest (the peer's groups differ). So an empty
// edit list is a whole valid handshake, and seed() gives the same
// conversations in raw form.
//
// Oracles, after every feed():
//  - guard bytes around each of the caller's four buffers are untouched, the
//    engine's output and application data lie inside the caller's buffers
//    (ASan catches the rest);
//  - feed() takes no more than it is given; after a failed event (or the
//    peer's close_notify) it takes nothing, produces no output and no event;
//  - application data only after handshake_done, never after failed; events
//    come once;
//  - every failure names an alert (never close_notify) and a reason, the alert
//    was sent, and the last record on the wire is that alert;
//  - a completed handshake has a transcript that verifies: both Finished
//    messages on the wire equal the verify_data recomputed here from the
//    handshake messages on the wire (both directions, RFC 8446 §4.4.1 order,
//    HelloRetryRequest's message_hash included) and the handshake traffic
//    secrets the engine logged through its keylog hook.
// A violation prints the input and aborts (fuzz/oracle.hpp).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "../oracle.hpp"
#include "tlswire/crypto/suite_algorithms.hpp"
#include "tlswire/crypto/tls13_key_schedule.hpp"
#include "tlswire/crypto/transcript.hpp"
#include "tlswire/engine/client.hpp"
#include "tlswire/engine/server.hpp"
#include "tlswire/messages/server_hello.hpp"
#include "tlswire/providers/null_provider.hpp"

namespace tlswire::fuzz::engine_peer {

using null_p = insecure_null_provider_for_fuzzing;

// tests/vectors/x509/chain/server-p256.der (a P-256 leaf; the null provider never checks its key)
inline constexpr std::uint8_t peer_leaf_der[] = {
  0x30, 0x82, 0x01, 0xe6, 0x30, 0x82, 0x01, 0x8d, 0xa0, 0x03, 0x02, 0x01,
  0x02, 0x02, 0x01, 0x08, 0x30, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce,
  0x3d, 0x04, 0x03, 0x02, 0x30, 0x3f, 0x31, 0x16, 0x30, 0x14, 0x06, 0x03,
  0x55, 0x04, 0x0a, 0x0c, 0x0d, 0x74, 0x6c, 0x73, 0x77, 0x69, 0x72, 0x65,
  0x20, 0x74, 0x65, 0x73, 0x74, 0x73, 0x31, 0x25, 0x30, 0x23, 0x06, 0x03,
  0x55, 0x04, 0x03, 0x0c, 0x1c, 0x74, 0x6c, 0x73, 0x77, 0x69, 0x72, 0x65,
  0x20, 0x74, 0x65, 0x73, 0x74, 0x20, 0x69, 0x6e, 0x74, 0x65, 0x72, 0x6d,
  0x65, 0x64, 0x69, 0x61, 0x74, 0x65, 0x20, 0x43, 0x41, 0x30, 0x20, 0x17,
  0x0d, 0x32, 0x36, 0x31, 0x32, 0x30, 0x33, 0x31, 0x36, 0x32, 0x32, 0x34,
  0x30, 0x5a, 0x18, 0x0f, 0x32, 0x31, 0x32, 0x36, 0x31, 0x31, 0x30, 0x39,
  0x31, 0x36, 0x32, 0x32, 0x34, 0x30, 0x5a, 0x30, 0x36, 0x31, 0x16, 0x30,
  0x14, 0x06, 0x03, 0x55, 0x04, 0x0a, 0x0c, 0x0d, 0x74, 0x6c, 0x73, 0x77,
  0x69, 0x72, 0x65, 0x20, 0x74, 0x65, 0x73, 0x74, 0x73, 0x31, 0x1c, 0x30,
  0x1a, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x13, 0x73, 0x65, 0x72, 0x76,
  0x65, 0x72, 0x2e, 0x74, 0x6c, 0x73, 0x77, 0x69, 0x72, 0x65, 0x2e, 0x74,
  0x65, 0x73, 0x74, 0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48,
  0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03,
  0x01, 0x07, 0x03, 0x42, 0x00, 0x04, 0xea, 0x1f, 0xdc, 0xd2, 0x24, 0x36,
  0xbd, 0x50, 0xa7, 0xe2, 0x54, 0x98, 0xcd, 0x40, 0x7d, 0x98, 0x7f, 0x57,
  0x3d, 0x7e, 0x68, 0x2f, 0xc6, 0x4c, 0x13, 0xd1, 0x88, 0xc8, 0x40, 0x8f,
  0x81, 0x5f, 0xfb, 0x5d, 0x37, 0x66, 0xd5, 0x0d, 0x53, 0x0e, 0xb4, 0x61,
  0x30, 0x58, 0x02, 0x16, 0xfd, 0x9e, 0x3f, 0xfd, 0x6b, 0x21, 0x93, 0xc3,
  0xb0, 0x90, 0xe5, 0xad, 0x01, 0xf0, 0x8b, 0x08, 0xfc, 0x68, 0xa3, 0x81,
  0x80, 0x30, 0x7e, 0x30, 0x0c, 0x06, 0x03, 0x55, 0x1d, 0x13, 0x01, 0x01,
  0xff, 0x04, 0x02, 0x30, 0x00, 0x30, 0x0e, 0x06, 0x03, 0x55, 0x1d, 0x0f,
  0x01, 0x01, 0xff, 0x04, 0x04, 0x03, 0x02, 0x07, 0x80, 0x30, 0x1e, 0x06,
  0x03, 0x55, 0x1d, 0x11, 0x04, 0x17, 0x30, 0x15, 0x82, 0x13, 0x73, 0x65,
  0x72, 0x76, 0x65, 0x72, 0x2e, 0x74, 0x6c, 0x73, 0x77, 0x69, 0x72, 0x65,
  0x2e, 0x74, 0x65, 0x73, 0x74, 0x30, 0x1d, 0x06, 0x03, 0x55, 0x1d, 0x0e,
  0x04, 0x16, 0x04, 0x14, 0x35, 0x31, 0x40, 0x7e, 0xbf, 0xc0, 0x40, 0x90,
  0x66, 0xe3, 0x17, 0x47, 0x09, 0xce, 0x27, 0xe5, 0x87, 0xde, 0x29, 0xd4,
  0x30, 0x1f, 0x06, 0x03, 0x55, 0x1d, 0x23, 0x04, 0x18, 0x30, 0x16, 0x80,
  0x14, 0xbf, 0x52, 0x1f, 0xf3, 0x69, 0x4c, 0x37, 0xd7, 0x0e, 0x2f, 0x2d,
  0x3f, 0xe9, 0x40, 0x09, 0x92, 0x97, 0x93, 0x59, 0x4b, 0x30, 0x0a, 0x06,
  0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02, 0x03, 0x47, 0x00,
  0x30, 0x44, 0x02, 0x20, 0x04, 0x0c, 0x25, 0x60, 0x39, 0x52, 0x2b, 0x11,
  0x3e, 0xec, 0x2f, 0x52, 0xd0, 0x9a, 0x05, 0x63, 0xc7, 0x8b, 0x20, 0xf3,
  0x34, 0x2b, 0x00, 0x6e, 0xe4, 0xa1, 0xbb, 0xc5, 0xe2, 0xa9, 0x87, 0x1d,
  0x02, 0x20, 0x3e, 0x50, 0xe3, 0x12, 0xf9, 0x70, 0xf6, 0x8c, 0xc6, 0xd3,
  0x5f, 0xab, 0x4f, 0x54, 0x0a, 0x1c, 0x57, 0x87, 0x11, 0x45, 0xd5, 0x6c,
  0xa4, 0x25, 0x93, 0x24, 0xba, 0xe1, 0x13, 0xe4, 0x37, 0x07
};

inline constexpr std::uint8_t guard_byte = 0xcb;
inline constexpr std::size_t guard_size = 32;

// One caller buffer with guard bytes on both sides.
struct guarded {
  std::vector<std::uint8_t> bytes;
  explicit guarded(std::size_t n) : bytes(n + 2 * guard_size, guard_byte) {}
  mutable_bytes span() { return mutable_bytes(bytes.data() + guard_size, bytes.size() - 2 * guard_size); }
  bool intact() const {
    for (std::size_t i = 0; i < guard_size; ++i)
      if (bytes[i] != guard_byte || bytes[bytes.size() - 1 - i] != guard_byte) return false;
    return true;
  }
  bool holds(bytes_view v) const {
    const std::uint8_t* begin = bytes.data() + guard_size;
    const std::uint8_t* end = bytes.data() + bytes.size() - guard_size;
    return v.empty() || (v.data() >= begin && v.data() + v.size() <= end);
  }
};

// The engine's memory: the sizes of tests/support/engine_pair.hpp.
struct memory {
  guarded in{engine::full_record_buffer_size};
  guarded out{2 * engine::full_record_buffer_size};
  guarded handshake{1 << 14};
  guarded keep{1 << 14};
  engine::engine_buffers buffers() { return {in.span(), out.span(), handshake.span(), keep.span()}; }
  bool intact() const { return in.intact() && out.intact() && handshake.intact() && keep.intact(); }
};

struct accept_any_chain {
  status operator()(const tls13_certificate&) const { return {}; }
};

// The handshake traffic secrets an engine logs (RFC 8446 §7.1).
struct secrets {
  std::vector<std::uint8_t> client_handshake, server_handshake;
  void operator()(std::string_view label, bytes_view, bytes_view secret) {
    if (label == "CLIENT_HANDSHAKE_TRAFFIC_SECRET") client_handshake.assign(secret.begin(), secret.end());
    if (label == "SERVER_HANDSHAKE_TRAFFIC_SECRET") server_handshake.assign(secret.begin(), secret.end());
  }
};

// The server's fixed setup: one leaf, an ECDSA P-256 scheme, the null key.
struct server_setup {
  bytes_view leaf{peer_leaf_der, sizeof peer_leaf_der};
  std::array<bytes_view, 1> chain{leaf};
  std::array<signature_scheme, 1> schemes{signature_scheme::ecdsa_secp256r1_sha256};
  null_p::private_key key{};
  engine::server_options<null_p> options(engine::keylog_hook keylog) {
    engine::server_options<null_p> o;
    o.certificate_chain = chain;
    o.private_key = &key;
    o.key_schemes = schemes;
    o.keylog = keylog;
    return o;
  }
};

inline engine::client_options client_options(accept_any_chain& check, engine::keylog_hook keylog) {
  engine::client_options o;
  o.check_certificate = check;
  o.keylog = keylog;
  return o;
}

// The bytes each side sent in a valid in-memory handshake of the two engines
// followed by a little application data both ways and the client's
// close_notify: what a fresh engine of the other side accepts exactly.
struct conversation {
  std::vector<std::uint8_t> from_client, from_server;
};

// Peers whose groups force a HelloRetryRequest against the engine under
// test (default_config: X25519 first, then P-256): a server that takes only
// P-256, a client that offers (and shares) P-384 first.
struct p256_server_config : engine::default_config {
  static constexpr std::array groups{named_group::secp256r1};
};
struct p384_first_client_config : engine::default_config {
  static constexpr std::array groups{named_group::secp384r1, named_group::x25519};
};

template <class ClientConfig = engine::default_config, class ServerConfig = engine::default_config>
const conversation& recorded() {
  static const conversation c = [] {
    conversation rec;
    memory cm, sm;
    null_p cp, sp;
    server_setup setup;
    accept_any_chain check;
    engine::server<null_p, ServerConfig> s(sp, sm.buffers(), setup.options({}));
    engine::client<null_p, ClientConfig> c(cp, cm.buffers(), client_options(check, {}));
    const auto move = [](auto& from, auto& to, std::vector<std::uint8_t>& log) {
      const bytes_view out = from.pending_output();
      const std::size_t n = out.empty() ? 0 : to.feed(out);
      log.insert(log.end(), out.begin(), out.begin() + static_cast<std::ptrdiff_t>(n));
      from.sent(n);
      while (to.next_event().type != engine::event_type::none) {
      }
      return n > 0;
    };
    const auto pump = [&] {
      for (bool moved = true; moved;) {
        const bool a = move(c, s, rec.from_client);
        const bool b = move(s, c, rec.from_server);
        moved = a || b;
      }
    };
    pump();
    static constexpr std::uint8_t hello[] = {'h', 'e', 'l', 'l', 'o'};
    (void)c.write(bytes_view(hello, sizeof hello));
    (void)s.write(bytes_view(hello, sizeof hello));
    pump();
    (void)c.close();
    (void)s.close();
    pump();
    return rec;
  }();
  return c;
}

// The seed: a raw-mode input whose stream is `stream`, fed all at once.
inline std::vector<std::uint8_t> raw_input(const std::vector<std::uint8_t>& stream, std::uint8_t chunk = 0) {
  std::vector<std::uint8_t> in{chunk, 0};
  in.insert(in.end(), stream.begin(), stream.end());
  return in;
}

// Splits a record stream into (type, content) with the null AEAD undone: a
// protected record (application_data after keys) is inner plaintext + zero
// tag (RFC 8446 §5.2). `keyed_from` is the index of the first protected
// record; handshake content is concatenated.
struct wire_messages {
  std::vector<std::uint8_t> handshake;  // every handshake message, in order
  std::vector<std::uint8_t> alerts;     // alert contents, in order
};

inline wire_messages read_stream(bytes_view stream, std::size_t tag) {
  wire_messages out;
  std::size_t at = 0;
  while (stream.size() - at >= record_header_size) {
    const std::uint8_t type = stream[at];
    const std::size_t len = static_cast<std::size_t>(stream[at + 3]) << 8 | stream[at + 4];
    if (stream.size() - at - record_header_size < len) break;
    bytes_view content = stream.subspan(at + record_header_size, len);
    at += record_header_size + len;
    std::uint8_t inner = type;
    if (type == 23) {
      if (content.size() < tag + 1) continue;  // not a protected record of this AEAD
      content = content.first(content.size() - tag);
      while (!content.empty() && content[content.size() - 1] == 0) content = content.first(content.size() - 1);
      if (content.empty()) continue;
      inner = content[content.size() - 1];
      content = content.first(content.size() - 1);
    }
    auto& to = inner == 22 ? out.handshake : inner == 21 ? out.alerts : out.handshake;
    if (inner == 22 || inner == 21) to.insert(to.end(), content.begin(), content.end());
  }
  return out;
}

// Handshake messages (header + body) of a concatenation, in order.
inline std::vector<bytes_view> split_messages(const std::vector<std::uint8_t>& bytes) {
  std::vector<bytes_view> out;
  std::size_t at = 0;
  while (bytes.size() - at >= handshake_header_size) {
    const std::size_t len = static_cast<std::size_t>(bytes[at + 1]) << 16 | static_cast<std::size_t>(bytes[at + 2]) << 8 | bytes[at + 3];
    if (bytes.size() - at - handshake_header_size < len) break;
    out.push_back(bytes_view(bytes.data() + at, handshake_header_size + len));
    at += handshake_header_size + len;
  }
  return out;
}

inline bool is_type(bytes_view m, handshake_type t) { return m[0] == static_cast<std::uint8_t>(t); }

// RFC 8446 §4.4.1 and §4.4.4, recomputed from the wire: the server's
// Finished over ClientHello..CertificateVerify, the client's over
// ClientHello..server Finished. Returns what is wrong, or nullptr.
template <class H>
const char* finished_mismatch(bytes_view client_stream, bytes_view server_stream, std::size_t tag, const secrets& keys) {
  using schedule = tls13_key_schedule<null_p, H>;
  const wire_messages c = read_stream(client_stream, tag), s = read_stream(server_stream, tag);
  const std::vector<bytes_view> cm = split_messages(c.handshake), sm = split_messages(s.handshake);
  if (cm.empty() || sm.empty()) return "a completed handshake without hellos on the wire";
  transcript_hash<H> t;
  std::size_t ci = 0, si = 0;
  t.update(cm[ci++]);  // ClientHello1
  const auto first = read_handshake(sm[0]);
  const auto hrr = first ? parse_message<server_hello>(*first) : result<server_hello>(first.error());
  if (hrr && hrr->is_hello_retry_request()) {
    if (ci == cm.size()) return "a completed handshake after HelloRetryRequest without a second ClientHello";
    t.replace_with_message_hash();
    t.update(sm[si++]);
    t.update(cm[ci++]);
  }
  while (si < sm.size() && !is_type(sm[si], handshake_type::finished)) t.update(sm[si++]);
  if (si == sm.size()) return "a completed handshake without the server's Finished on the wire";
  if (keys.server_handshake.size() != H::digest_size || keys.client_handshake.size() != H::digest_size)
    return "the logged handshake traffic secrets do not have the suite's hash length";
  const auto server_expected = schedule::finished_verify_data(bytes_view(keys.server_handshake), as_view(t.current()));
  if (!equal_bytes(sm[si].subspan(handshake_header_size), server_expected.view()))
    return "the server's Finished on the wire does not verify against the wire's transcript";
  t.update(sm[si]);
  // The client's Finished follows its empty Certificate when one was asked for.
  while (ci < cm.size() && !is_type(cm[ci], handshake_type::finished)) t.update(cm[ci++]);
  if (ci == cm.size()) return "a completed handshake without the client's Finished on the wire";
  const auto client_expected = schedule::finished_verify_data(bytes_view(keys.client_handshake), as_view(t.current()));
  if (!equal_bytes(cm[ci].subspan(handshake_header_size), client_expected.view()))
    return "the client's Finished on the wire does not verify against the wire's transcript";
  return nullptr;
}

inline const char* transcript_mismatch(cipher_suite suite, bytes_view client_stream, bytes_view server_stream,
                                       const secrets& keys) {
  const auto info = find_cipher_suite_info(suite);
  if (!info || !aead_of(*info) || !hash_of(*info)) return "a completed handshake with an unknown suite";
  const std::size_t tag = aead_tag_size(*aead_of(*info));
  if (hash_of(*info) == hash_id::sha384) return finished_mismatch<null_p::sha384>(client_stream, server_stream, tag, keys);
  return finished_mismatch<null_p::sha256>(client_stream, server_stream, tag, keys);
}

inline void check_transcript(cipher_suite suite, bytes_view client_stream, bytes_view server_stream, const secrets& keys,
                             bytes_view input) {
  if (const char* what = transcript_mismatch(suite, client_stream, server_stream, keys)) violation(what, input);
}

// The stream an input describes (see the top of this file).
inline std::vector<std::uint8_t> stream_of(bytes_view in, const std::vector<std::uint8_t>& recording,
                                           const std::vector<std::uint8_t>& recording_with_hrr) {
  if (in.size() < 2 || (in[1] & 1) == 0) return std::vector<std::uint8_t>(in.begin() + (in.size() < 2 ? in.size() : 2), in.end());
  std::vector<std::uint8_t> stream = (in[1] & 2) == 0 ? recording : recording_with_hrr;
  for (std::size_t at = 2; in.size() - at >= 3 && !stream.empty(); at += 3) {
    const std::size_t pos = (static_cast<std::size_t>(in[at]) << 8 | in[at + 1]) % stream.size();
    stream[pos] ^= in[at + 2];
  }
  return stream;
}

// What the engine under test did.
struct outcome {
  bool done = false;
  bool failed = false;
  std::vector<std::uint8_t> sent;  // everything it wrote, in order
};

// Feeds `stream` to `e` in chunks and checks the oracles above after every call.
template <class Engine>
outcome drive(Engine& e, memory& mem, bytes_view stream, std::size_t chunk, bytes_view input) {
  outcome o;
  bool closed = false;
  std::size_t last_record = 0;  // where the last record of `sent` starts
  // after_failure: the failed event was seen before the call that made this output.
  const auto take_output = [&](bool after_failure) {
    const bytes_view out = e.pending_output();
    require(mem.out.holds(out), "pending_output() lies outside the caller's output buffer", input);
    if (after_failure) require(out.empty(), "output produced after a failed event", input);
    // Record boundaries of what was sent, to find the last record.
    std::size_t at = o.sent.size();
    o.sent.insert(o.sent.end(), out.begin(), out.end());
    while (o.sent.size() - at >= record_header_size) {
      const std::size_t len = static_cast<std::size_t>(o.sent[at + 3]) << 8 | o.sent[at + 4];
      last_record = at;
      at += record_header_size + len;
    }
    e.sent(out.size());
  };
  const auto drain = [&] {
    for (engine::event ev = e.next_event(); ev.type != engine::event_type::none; ev = e.next_event()) {
      require(!o.failed, "an event after the failed event", input);
      switch (ev.type) {
        case engine::event_type::handshake_done:
          require(!o.done, "handshake_done twice", input);
          // (Records after the Finished in the same feed() may already have failed it.)
          require(e.handshake_done() || e.failed(), "handshake_done while the engine is neither connected nor failed", input);
          o.done = true;
          break;
        case engine::event_type::application_data:
          require(o.done, "application data before handshake_done", input);
          require(!closed, "application data after the peer's close_notify", input);
          require(mem.in.holds(ev.data), "application data lies outside the caller's input buffer", input);
          break;
        case engine::event_type::peer_closed:
          require(!closed, "peer_closed twice", input);
          closed = true;
          break;
        case engine::event_type::failed: o.failed = true; break;
        case engine::event_type::none: break;
      }
    }
  };
  take_output(false);  // a client's ClientHello
  drain();
  std::size_t pos = 0;
  // Two feeds in a row that take nothing (the first may only have waited for
  // an application_data event to be taken): stopped for good.
  for (int idle = 0; pos < stream.size() && idle < 2;) {
    const std::size_t want = chunk == 0 || chunk > stream.size() - pos ? stream.size() - pos : chunk;
    const bool stopped = e.failed() || e.peer_closed();
    const bool was_failed = o.failed;
    const std::size_t n = e.feed(stream.subspan(pos, want));
    require(n <= want, "feed() took more than it was given", input);
    if (stopped) require(n == 0, "feed() took bytes after a fatal alert or close_notify", input);
    pos += n;
    idle = n == 0 ? idle + 1 : 0;
    take_output(was_failed);
    drain();
    take_output(was_failed);
    require(mem.intact(), "a guard byte around the caller's buffers changed", input);
  }
  if (e.failed()) {
    const bool was_failed = o.failed;
    drain();
    take_output(was_failed);
    const engine::failure_info& f = e.failure();
    require(o.failed, "the engine failed without a failed event", input);
    require(f.alert != alert_description::close_notify, "a failure without an alert", input);
    if (!f.from_peer) {
      require(f.reason != errc::none, "a failure without a reason", input);
      require(f.alert_sent, "a failure whose alert was not sent", input);
      // The last record sent is that alert: plain, or protected (null AEAD:
      // inner plaintext = level, description, content type 21, then a zero tag).
      require(o.sent.size() - last_record >= record_header_size + 2, "no alert record after a failure", input);
      const bytes_view rec = bytes_view(o.sent).subspan(last_record);
      const bool plain = rec[0] == 21 && rec[5] == 2 && rec[6] == static_cast<std::uint8_t>(f.alert);
      const bool sealed = rec[0] == 23 && rec.size() >= 8 && rec[5] == 2 && rec[6] == static_cast<std::uint8_t>(f.alert) && rec[7] == 21;
      require(plain || sealed, "the last record sent is not the fatal alert failure() names", input);
    }
    // Stopped for good: nothing more is taken or written.
    static constexpr std::uint8_t more[] = {23, 3, 3, 0, 1, 0};
    require(e.feed(bytes_view(more, sizeof more)) == 0, "feed() took bytes after a fatal alert", input);
    require(!e.write(bytes_view(more, 1)).ok(), "write() accepted data after a fatal alert", input);
    require(e.next_event().type == engine::event_type::none, "an event after the failed event", input);
    require(e.pending_output().empty(), "output produced after a failed event", input);
  } else if (o.done && !closed) {
    static constexpr std::uint8_t data[] = {'p', 'i', 'n', 'g'};
    require(e.write(bytes_view(data, sizeof data)).ok(), "write() refused data on a connected engine", input);
    take_output(false);
  }
  require(mem.intact(), "a guard byte around the caller's buffers changed", input);
  return o;
}

inline std::size_t chunk_of(bytes_view in) { return in.empty() ? 0 : in[0]; }

enum class tested { client, server };

// The stream the fuzzer's side sent in a recording (with_hrr: through a
// HelloRetryRequest).
template <tested Side>
const std::vector<std::uint8_t>& peer_recording(bool with_hrr) {
  if constexpr (Side == tested::client)
    return with_hrr ? recorded<engine::default_config, p256_server_config>().from_server : recorded().from_server;
  else
    return with_hrr ? recorded<p384_first_client_config>().from_client : recorded().from_client;
}

// A seed: a recorded valid conversation, as a raw stream fed at once.
template <tested Side>
std::vector<std::uint8_t> seed(bool with_hrr = false) {
  return raw_input(peer_recording<Side>(with_hrr));
}

// One engine of `Side`, fresh, fed what input `in` describes; the oracles
// hold (or this aborted), and what the engine did is returned.
template <tested Side>
outcome play(bytes_view in) {
  const std::vector<std::uint8_t> stream = stream_of(in, peer_recording<Side>(false), peer_recording<Side>(true));
  memory mem;
  null_p crypto;
  secrets keys;
  if constexpr (Side == tested::client) {
    accept_any_chain check;
    engine::client<null_p> c(crypto, mem.buffers(), client_options(check, keys));
    const outcome o = drive(c, mem, bytes_view(stream), chunk_of(in), in);
    if (o.done) check_transcript(c.summary().suite, bytes_view(o.sent), bytes_view(stream), keys, in);
    return o;
  } else {
    server_setup setup;
    engine::server<null_p> s(crypto, mem.buffers(), setup.options(keys));
    const outcome o = drive(s, mem, bytes_view(stream), chunk_of(in), in);
    if (o.done) check_transcript(s.summary().suite, bytes_view(stream), bytes_view(o.sent), keys, in);
    return o;
  }
}

// libFuzzer's LLVMFuzzerInitialize for an engine target: writes the seeds
// "recorded-handshake" and "recorded-handshake-hrr" into the first directory
// on the command line (the growing corpus; fuzz/run.sh passes it first), so
// every campaign starts from whole valid handshakes.
template <tested Side>
void write_seed(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string dir = argv[i];
    if (dir.empty() || dir[0] == '-') continue;
    bool written = false;
    for (const bool with_hrr : {false, true}) {
      std::FILE* f = std::fopen((dir + (with_hrr ? "/recorded-handshake-hrr" : "/recorded-handshake")).c_str(), "wb");
      if (f == nullptr) break;  // a file, not a directory
      const std::vector<std::uint8_t> bytes = seed<Side>(with_hrr);
      std::fwrite(bytes.data(), 1, bytes.size(), f);
      std::fclose(f);
      written = true;
    }
    if (written) return;
  }
}

}  // namespace tlswire::fuzz::engine_peer
