#pragma once
// Fuzz target: a byte stream as it comes off TCP — records framed by the
// splitter (RFC 8446 §5.1), each record round-tripped, alert and CCS
// fragments decoded (§6, §5), handshake fragments reassembled into messages
// (§5.1) — with these oracles on top of the round trip:
//  - the splitter hands out records that tile the stream exactly, in order;
//  - reassembly does not depend on how messages were cut into records: the
//    handshake bytes re-fed one byte per fragment give the same messages and
//    the same verdict, and the messages concatenated are the bytes fed.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "../oracle.hpp"
#include "tlswire/record/alert.hpp"
#include "tlswire/record/change_cipher_spec.hpp"
#include "tlswire/record/handshake_reassembler.hpp"
#include "tlswire/record/inner_plaintext.hpp"
#include "tlswire/record/record.hpp"
#include "tlswire/record/record_splitter.hpp"

namespace tlswire::fuzz::records {

// What a reassembler made of a sequence of fragments: the messages (copied,
// since views die with the next feed) and the first error's code.
struct reassembly {
  std::vector<std::vector<std::uint8_t>> messages;
  errc failure = errc::none;
};

// `max_body` small enough that fuzzed lengths reach message_too_large.
inline constexpr std::size_t fuzz_max_body = 1u << 14;

// Feeds `count` fragments, the i-th given by fragment(i), to a fresh
// reassembler. The buffer is reused across inputs (fuzzing is one thread).
template <class Fragment>
reassembly reassemble(std::size_t count, Fragment&& fragment, bytes_view input) {
  static std::vector<std::uint8_t> buffer(handshake_header_size + fuzz_max_body);
  handshake_reassembler hs(mutable_bytes(buffer.data(), buffer.size()), fuzz_max_body);
  reassembly out;
  for (std::size_t i = 0; i < count; ++i) {
    const status fed = hs.feed(fragment(i));
    if (!fed.ok()) {
      check_parse_error(fed.error(), input);
      out.failure = fed.error().code;
      return out;
    }
    for (;;) {
      auto step = hs.next();
      if (!step.ok()) {
        require(step.error().code != errc::none, "reassembler failed with errc::none", input);
        out.failure = step.error().code;
        return out;
      }
      if (!step->has_value()) break;
      const handshake_message& m = **step;
      require(m.raw.size() == handshake_header_size + m.body.size(), "reassembled raw is not header + body", input);
      require(static_cast<handshake_type>(m.raw[0]) == m.type, "reassembled type differs from its raw byte", input);
      const std::size_t announced = std::size_t{m.raw[1]} << 16 | std::size_t{m.raw[2]} << 8 | m.raw[3];
      require(announced == m.body.size(), "reassembled body differs from its announced length", input);
      out.messages.emplace_back(m.raw.begin(), m.raw.end());
    }
  }
  const status done = hs.finish();
  if (!done.ok()) out.failure = done.error().code;
  return out;
}

inline void check_fragment(const record& rec, bytes_view input) {
  if (rec.type == content_type::alert) {
    const auto a = decode_alert_record(rec.fragment);
    if (check_result(a, input)) (void)round_trip<alert_message>(rec.fragment);
  } else if (rec.type == content_type::change_cipher_spec) {
    const auto c = decode_change_cipher_spec_record(rec.fragment);
    if (check_result(c, input)) (void)round_trip<change_cipher_spec_message>(rec.fragment);
  } else if (rec.type == content_type::application_data) {
    // What a TLS 1.3 record would decrypt to, with the null cipher.
    (void)round_trip<inner_plaintext>(rec.fragment, record_limits{record_form::tls13, max_plaintext_length});
  }
}

inline void split(bytes_view in, record_limits limits, std::vector<bytes_view>* handshake_fragments) {
  record_splitter splitter(limits);
  bytes_view rest = in;
  std::size_t position = 0;
  for (;;) {
    auto step = splitter.next(rest);
    if (!step.ok()) {
      check_parse_error(step.error(), in);
      require(step.error().offset >= position, "splitter error points before the record it refused", in);
      return;
    }
    if (!step->complete()) {
      require(step->needed > 0 && rest.size() + step->needed >= record_header_size,
              "splitter asks for a number of bytes that cannot complete a record", in);
      return;
    }
    require(step->consumed == step->wire.size() && step->wire.data() == rest.data(),
            "splitter's record does not start where the stream is", in);
    require(step->rec.wire_size() == step->wire.size(), "record wire_size differs from the bytes consumed", in);
    require(splitter.position() == position + step->consumed, "splitter position does not advance by the record", in);
    (void)round_trip<record>(step->wire, limits);
    if (handshake_fragments != nullptr) {
      check_fragment(step->rec, in);
      if (step->rec.type == content_type::handshake) handshake_fragments->push_back(step->rec.fragment);
    }
    position += step->consumed;
    rest = rest.subspan(step->consumed);
  }
}

inline void run(bytes_view in) {
  current_target() = "records";
  std::vector<bytes_view> fragments;
  split(in, record_limits{}, &fragments);
  split(in, record_limits{record_form::tls13, max_plaintext_length}, nullptr);
  split(in, record_limits{record_form::tls12, max_plaintext_length}, nullptr);
  split(in, record_limits{record_form::none, 512}, nullptr);  // RFC 6066 max_fragment_length 2^9

  const reassembly as_sent = reassemble(fragments.size(), [&](std::size_t i) { return fragments[i]; }, in);
  std::vector<std::uint8_t> joined;
  for (bytes_view f : fragments) joined.insert(joined.end(), f.begin(), f.end());
  const reassembly one_by_one =
      reassemble(joined.size(), [&](std::size_t i) { return bytes_view(joined.data() + i, 1); }, in);
  require(as_sent.messages == one_by_one.messages, "reassembly depends on how messages were cut into records", in);
  require(as_sent.failure == one_by_one.failure, "reassembly verdict depends on record boundaries", in);
  if (as_sent.failure == errc::none) {
    std::vector<std::uint8_t> concatenated;
    for (const auto& m : as_sent.messages) concatenated.insert(concatenated.end(), m.begin(), m.end());
    require(concatenated == joined, "reassembled messages are not the handshake bytes fed", in);
  }
}

}  // namespace tlswire::fuzz::records
