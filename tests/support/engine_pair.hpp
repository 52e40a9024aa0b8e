#pragma once
// Test-only: a tlswire client engine and server engine wired to each other
// in memory. Buffers are allocated once, up front; the pump moves bytes
// both ways and collects events without allocating (received application
// data goes into vectors reserved by the test).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include <tlswire/engine/client.hpp>
#include <tlswire/engine/server.hpp>

namespace tlswire::test {

// One side's buffers: full-size records both ways, 16 KiB for a spanning
// handshake message and for what the engine keeps.
struct engine_memory {
  std::vector<std::uint8_t> in = std::vector<std::uint8_t>(engine::full_record_buffer_size);
  std::vector<std::uint8_t> out = std::vector<std::uint8_t>(2 * engine::full_record_buffer_size);
  std::vector<std::uint8_t> handshake = std::vector<std::uint8_t>(1 << 14);
  std::vector<std::uint8_t> keep = std::vector<std::uint8_t>(1 << 14);
  engine::engine_buffers buffers() { return {mutable_bytes(in), mutable_bytes(out), mutable_bytes(handshake), mutable_bytes(keep)}; }
};

// What one side saw.
struct engine_log {
  bool done = false;
  bool closed = false;
  bool failed = false;
  std::size_t data_events = 0;
  std::vector<std::uint8_t>* data = nullptr;  // where application data goes (capacity reserved), or dropped
  std::size_t data_bytes = 0;
};

template <class Engine>
void drain(Engine& e, engine_log& log) {
  for (engine::event ev = e.next_event(); ev.type != engine::event_type::none; ev = e.next_event()) {
    switch (ev.type) {
      case engine::event_type::handshake_done: log.done = true; break;
      case engine::event_type::application_data:
        ++log.data_events;
        log.data_bytes += ev.data.size();
        if (log.data != nullptr) log.data->insert(log.data->end(), ev.data.begin(), ev.data.end());
        break;
      case engine::event_type::peer_closed: log.closed = true; break;
      case engine::event_type::failed: log.failed = true; break;
      case engine::event_type::none: break;
    }
  }
}

// The encoding of a wire value (encode(writer&)), or of a whole handshake
// message with its header (encode_message(writer&)).
template <class Write>
std::vector<std::uint8_t> written_by(Write write) {
  writer size;
  write(size);
  std::vector<std::uint8_t> out(size.size());
  writer w{mutable_bytes(out)};
  write(w);
  return out;
}
template <class T>
std::vector<std::uint8_t> encoded(const T& value) {
  return written_by([&](writer& w) { value.encode(w); });
}
template <class M>
std::vector<std::uint8_t> encoded_message(const M& message) {
  return written_by([&](writer& w) { message.encode_message(w); });
}

// One unprotected record of `type` around `content`: what a peer injects.
inline std::vector<std::uint8_t> plaintext_record(content_type type, bytes_view content) {
  const record rec{type, protocol_version::tls12, content};
  std::vector<std::uint8_t> out(rec.wire_size());
  writer w{mutable_bytes(out)};
  rec.encode(w);
  return out;
}

// Moves what `from` wants sent into `to`; true when bytes moved.
template <class From, class To>
bool transfer(From& from, To& to, engine_log& to_log) {
  const bytes_view out = from.pending_output();
  const std::size_t n = out.empty() ? 0 : to.feed(out);
  from.sent(n);
  drain(to, to_log);
  return n > 0;
}

// Both ways until nothing moves.
template <class C, class S>
void pump(C& c, S& s, engine_log& client_log, engine_log& server_log) {
  drain(c, client_log);
  drain(s, server_log);
  for (;;) {
    const bool a = transfer(c, s, server_log);
    const bool b = transfer(s, c, client_log);
    if (!a && !b) break;
  }
}

}  // namespace tlswire::test
