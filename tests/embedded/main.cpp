// The embedded build check (.ci/test.sh, stage "embedded"): the umbrella
// header and a small program using wire/ and record/ compile for a
// Cortex-M4 with arm-none-eabi-g++ and newlib, -fno-exceptions -fno-rtti,
// and CI prints the object's text size. Not a test program (no *_test.cpp
// name): it is compiled only by that stage, never run.
//
// The program is what firmware does with tlswire: cut records out of a
// receive buffer with a fixed ceiling, reassemble handshake messages into a
// static buffer, and answer with an alert record written into a static span.
#include <tlswire/tlswire.hpp>

#include <array>
#include <cstddef>
#include <cstdint>

namespace {

// Firmware negotiates max_fragment_length 2^9 (RFC 6066 §4), so records and
// handshake messages fit buffers this small.
std::array<std::uint8_t, 512 + 5 + 256> receive_buffer;
std::array<std::uint8_t, 1024> handshake_buffer;
std::array<std::uint8_t, 16> send_buffer;
std::size_t received = 0;

// Stand-ins for a UART/radio driver; volatile keeps the work observable.
volatile std::uint8_t last_message_type = 0;
volatile std::size_t bytes_to_send = 0;

// One pass over what has arrived; returns the alert to send, if any.
tlswire::status consume() {
  tlswire::record_splitter splitter(tlswire::record_limits{tlswire::record_form::none, 512});
  tlswire::handshake_reassembler handshakes(tlswire::mutable_bytes(handshake_buffer), handshake_buffer.size() - 4);
  tlswire::bytes_view unclaimed(receive_buffer.data(), received);
  for (;;) {
    TLSWIRE_TRY(const tlswire::split_step step, splitter.next(unclaimed));
    if (!step.complete()) return {};  // wait for step.needed more bytes
    unclaimed = unclaimed.subspan(step.consumed);
    if (step.rec.type != tlswire::content_type::handshake) {
      TLSWIRE_CHECK(handshakes.other_record());
      continue;
    }
    TLSWIRE_CHECK(handshakes.feed(step.rec.fragment));
    for (;;) {
      TLSWIRE_TRY(const auto message, handshakes.next());
      if (!message) break;
      last_message_type = static_cast<std::uint8_t>(message->type);
    }
  }
}

// Writes an alert record for `e` into send_buffer (RFC 8446 §6).
void send_alert(const tlswire::error& e) {
  tlswire::writer w{tlswire::mutable_bytes(send_buffer)};
  w.code(tlswire::content_type::alert);
  w.code(tlswire::protocol_version::tls12);
  w.block(2, 2, [&](tlswire::writer& body) {
    body.code(tlswire::alert_level::fatal);
    body.code(e.alert);
  });
  bytes_to_send = w.ok() ? w.size() : 0;
}

}  // namespace

int main() {
  if (auto s = consume(); !s) send_alert(s.error());
  return 0;
}
