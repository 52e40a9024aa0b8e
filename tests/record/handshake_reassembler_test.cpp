#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/hex.hpp"
#include "support/vector_file.hpp"
#include "tlswire/record/handshake_reassembler.hpp"
#include "tlswire/record/record_splitter.hpp"

using namespace tlswire;
using tlswire::test::hex;

namespace {

// Two messages: Finished-like type 20 with a 3-byte body, then an empty
// EndOfEarlyData (type 5, RFC 8446 §4.5) — a zero-length body is valid.
constexpr auto kTwoMessages = hex("14000003aabbcc05000000");

// Feeds `in` as records of `chunk` bytes; returns the concatenated raw bytes
// of every message handed out, or an empty array on any error.
template <std::size_t N>
constexpr std::array<std::uint8_t, N> reassemble(bytes_view in, std::size_t chunk, int& messages) {
  std::array<std::uint8_t, 16> buffer{};
  handshake_reassembler r{mutable_bytes(buffer)};
  std::array<std::uint8_t, N> out{};
  std::size_t written = 0;
  messages = 0;
  for (std::size_t at = 0; at < in.size(); at += chunk) {
    const std::size_t n = in.size() - at < chunk ? in.size() - at : chunk;
    if (!r.feed(in.subspan(at, n))) return {};
    for (;;) {
      auto m = r.next();
      if (!m) return {};
      if (!*m) break;
      ++messages;
      for (auto b : (*m)->raw) out[written++] = b;
    }
  }
  if (!r.finish()) return {};
  return out;
}

constexpr bool reassembles_at_every_chunk_size() {
  for (std::size_t chunk = 1; chunk <= kTwoMessages.size(); ++chunk) {
    int messages = 0;
    auto out = reassemble<kTwoMessages.size()>(as_view(kTwoMessages), chunk, messages);
    if (messages != 2 || !equal_bytes(as_view(out), as_view(kTwoMessages))) return false;
  }
  return true;
}

bytes_view view(const test::byte_vector& v) { return bytes_view(v.data(), v.size()); }

bool points_into(bytes_view inner, bytes_view outer) {
  return inner.data() >= outer.data() && inner.data() + inner.size() <= outer.data() + outer.size();
}

// All messages handed out for `stream` fed as records of `chunk` bytes.
struct collected {
  std::vector<test::byte_vector> raw;
  std::vector<handshake_type> types;
  std::size_t copied = 0;  // messages handed out from the caller's buffer
  error err{};
};

collected feed_in_chunks(bytes_view stream, std::size_t chunk, mutable_bytes buffer,
                         std::size_t max_body = handshake_max_body) {
  collected c;
  handshake_reassembler r(buffer, max_body);
  for (std::size_t at = 0; at < stream.size(); at += chunk) {
    const bytes_view fragment = stream.subspan(at, std::min(chunk, stream.size() - at));
    if (auto fed = r.feed(fragment, at); !fed) {
      c.err = fed.error();
      return c;
    }
    for (;;) {
      auto m = r.next();
      if (!m) {
        c.err = m.error();
        return c;
      }
      if (!*m) break;
      const handshake_message& msg = **m;
      c.raw.emplace_back(msg.raw.begin(), msg.raw.end());
      c.types.push_back(msg.type);
      if (points_into(msg.raw, buffer)) ++c.copied;
      // The body is the raw bytes after the four-byte header.
      CHECK(msg.body.data() == msg.raw.data() + handshake_header_size);
      CHECK(msg.body.size() + handshake_header_size == msg.raw.size());
    }
  }
  if (auto done = r.finish(); !done) c.err = done.error();
  return c;
}

}  // namespace

TEST_CASE("reassembles two messages at every record size at compile time", "[record][handshake]") {
  STATIC_REQUIRE(reassembles_at_every_chunk_size());
}

TEST_CASE("hands out several messages of one record as views into it (RFC 8448 server flight)",
          "[record][handshake]") {
  const auto file = test::load_vectors("rfc8448/simple-1rtt.txt");
  // RFC 8448 §3: one protected record carries EncryptedExtensions, Certificate,
  // CertificateVerify and Finished.
  const auto& fragment = file["server_handshake_record_2.plaintext"];
  std::array<std::uint8_t, 4096> buffer{};
  handshake_reassembler r{mutable_bytes(buffer)};
  REQUIRE(r.feed(view(fragment)).ok());
  const std::array<std::pair<const char*, handshake_type>, 4> expected{{
      {"encrypted_extensions", handshake_type::encrypted_extensions},
      {"server_certificate", handshake_type::certificate},
      {"server_certificate_verify", handshake_type::certificate_verify},
      {"server_finished", handshake_type::finished},
  }};
  for (const auto& [name, type] : expected) {
    CAPTURE(name);
    auto m = r.next();
    REQUIRE(m.ok());
    REQUIRE(m->has_value());
    CHECK((*m)->type == type);
    CHECK(equal_bytes((*m)->raw, file.view(name)));
    CHECK(points_into((*m)->raw, view(fragment)));  // zero-copy
  }
  auto end = r.next();
  REQUIRE(end.ok());
  CHECK_FALSE(end->has_value());
  CHECK(r.at_boundary());
  CHECK(r.key_change().ok());
}

TEST_CASE("reassembles the whole RFC 8448 handshake from 1-byte records into the caller's buffer",
          "[record][handshake]") {
  for (const char* file_name : {"rfc8448/simple-1rtt.txt", "rfc8448/resumed-0rtt.txt",
                                "rfc8448/hello-retry-request.txt", "rfc8448/client-authentication.txt"}) {
    CAPTURE(file_name);
    const auto file = test::load_vectors(file_name);
    REQUIRE_FALSE(file.empty());
    // The handshake stream of each direction: the handshake records' plaintexts in order.
    for (const std::string side : {"client_", "server_"}) {
      test::byte_vector stream;
      for (const auto& name : file.names())
        if (name.rfind(side + "handshake_record_", 0) == 0 && name.find(".plaintext") != std::string::npos)
          stream.insert(stream.end(), file[name].begin(), file[name].end());
      REQUIRE_FALSE(stream.empty());

      std::vector<std::uint8_t> buffer(8192);
      const collected whole = feed_in_chunks(view(stream), stream.size(), mutable_bytes(buffer.data(), buffer.size()));
      REQUIRE(whole.err.code == errc::none);
      CHECK(whole.copied == 0);  // one fragment holding everything: nothing copied
      const collected bytewise = feed_in_chunks(view(stream), 1, mutable_bytes(buffer.data(), buffer.size()));
      REQUIRE(bytewise.err.code == errc::none);
      CHECK(bytewise.raw == whole.raw);
      CHECK(bytewise.types == whole.types);
      CHECK(bytewise.copied == whole.raw.size());
      // Every message the trace lists under its own name is among those handed out.
      const std::vector<std::string> names =
          side == "client_" ? std::vector<std::string>{"client_hello", "client_finished", "end_of_early_data"}
                            : std::vector<std::string>{"server_hello", "encrypted_extensions", "server_certificate",
                                                       "server_certificate_verify", "server_finished",
                                                       "new_session_ticket"};
      for (const auto& name : names) {
        if (!file.contains(name)) continue;
        // RFC 8448 §4 lists the ClientHello before its binders: not a whole message.
        const auto& value = file[name];
        if (value.size() < 4 ||
            (std::size_t{value[1]} << 16 | std::size_t{value[2]} << 8 | std::size_t{value[3]}) + 4 != value.size())
          continue;
        CAPTURE(side, name);
        CHECK(std::find(whole.raw.begin(), whole.raw.end(), file[name]) != whole.raw.end());
      }
    }
  }
}

TEST_CASE("accepts a handshake header split across records at every position", "[record][handshake]") {
  const auto file = test::load_vectors("rfc8448/simple-1rtt.txt");
  const auto& stream = file["server_handshake_record_2.plaintext"];
  std::vector<std::uint8_t> buffer(4096);
  const collected reference = feed_in_chunks(view(stream), stream.size(), mutable_bytes(buffer.data(), buffer.size()));
  REQUIRE(reference.raw.size() == 4);
  for (std::size_t chunk = 1; chunk <= 64; ++chunk) {
    CAPTURE(chunk);
    const collected c = feed_in_chunks(view(stream), chunk, mutable_bytes(buffer.data(), buffer.size()));
    REQUIRE(c.err.code == errc::none);
    CHECK(c.raw == reference.raw);
  }
}

TEST_CASE("refuses a message over the configured maximum with handshake_failure at its length field",
          "[record][handshake]") {
  const auto file = test::load_vectors("rfc8448/simple-1rtt.txt");
  // EncryptedExtensions (40 bytes) then Certificate (445 bytes) at offset 40.
  const auto& stream = file["server_handshake_record_2.plaintext"];
  const std::size_t certificate_at = file["encrypted_extensions"].size();
  std::vector<std::uint8_t> buffer(4096);
  for (std::size_t chunk : {std::size_t{1}, std::size_t{2}, std::size_t{41}, std::size_t{43}, stream.size()}) {
    CAPTURE(chunk);
    const collected c = feed_in_chunks(view(stream), chunk, mutable_bytes(buffer.data(), buffer.size()), 100);
    CHECK(c.raw.size() == 1);  // EncryptedExtensions fits
    CHECK(c.err == error{errc::message_too_large, alert_description::handshake_failure,
                         static_cast<std::uint32_t>(certificate_at + 1)});
  }
  // A buffer too small for a message caps the maximum the same way.
  std::vector<std::uint8_t> small(104);
  handshake_reassembler r(mutable_bytes(small.data(), small.size()));
  CHECK(r.max_body() == 100);
  const collected c = feed_in_chunks(view(stream), 7, mutable_bytes(small.data(), small.size()));
  CHECK(c.err.code == errc::message_too_large);
}

TEST_CASE("refuses a key change inside a handshake message with unexpected_message", "[record][handshake]") {
  const auto file = test::load_vectors("rfc8448/simple-1rtt.txt");
  const auto& hello = file["server_hello"];
  std::array<std::uint8_t, 512> buffer{};

  SECTION("ServerHello split across records, keys change before its end") {
    handshake_reassembler r{mutable_bytes(buffer)};
    REQUIRE(r.feed(view(hello).first(10), 500).ok());
    REQUIRE(r.next().ok());
    CHECK(r.in_message());
    CHECK(r.key_change().error() == error{errc::unexpected_message, alert_description::unexpected_message, 500});
    CHECK_FALSE(r.ok());
  }
  SECTION("header itself split across the key change") {
    handshake_reassembler r{mutable_bytes(buffer)};
    REQUIRE(r.feed(view(hello).first(2), 7).ok());
    REQUIRE(r.next().ok());
    CHECK(r.key_change().error().code == errc::unexpected_message);
  }
  SECTION("ServerHello and the next message in one record: unread bytes at the key change") {
    test::byte_vector both = hello;
    const auto& ee = file["encrypted_extensions"];
    both.insert(both.end(), ee.begin(), ee.end());
    handshake_reassembler r{mutable_bytes(buffer)};
    REQUIRE(r.feed(view(both)).ok());
    auto sh = r.next();
    REQUIRE(sh.ok());
    REQUIRE(sh->has_value());
    CHECK((*sh)->type == handshake_type::server_hello);
    CHECK(r.key_change().error() ==
          error{errc::unexpected_message, alert_description::unexpected_message, static_cast<std::uint32_t>(hello.size())});
  }
  SECTION("ServerHello ending with its record: the key change is accepted") {
    handshake_reassembler r{mutable_bytes(buffer)};
    REQUIRE(r.feed(view(hello).first(50)).ok());
    REQUIRE(r.next().ok());
    REQUIRE(r.feed(view(hello).subspan(50)).ok());
    auto sh = r.next();
    REQUIRE(sh->has_value());
    CHECK(equal_bytes((*sh)->raw, view(hello)));
    REQUIRE_FALSE(r.next()->has_value());
    CHECK(r.key_change().ok());
  }
}

TEST_CASE("refuses another record type between the fragments of one message", "[record][handshake]") {
  const auto hello = test::load_vectors("rfc8448/simple-1rtt.txt")["client_hello"];
  std::array<std::uint8_t, 512> buffer{};
  handshake_reassembler r{mutable_bytes(buffer)};
  CHECK(r.other_record(0).ok());  // between messages an alert or CCS is fine
  REQUIRE(r.feed(view(hello).first(100), 5).ok());
  REQUIRE(r.next().ok());
  CHECK(r.other_record(105).error() == error{errc::unexpected_message, alert_description::unexpected_message, 105});
}

TEST_CASE("refuses empty handshake fragments and fragments over the negotiated limit", "[record][handshake]") {
  std::array<std::uint8_t, 64> buffer{};
  handshake_reassembler r{mutable_bytes(buffer)};
  CHECK(r.feed(bytes_view{}, 42).error() == error{errc::unexpected_message, alert_description::unexpected_message, 42});

  // RFC 6066 max_fragment_length 2^9: a 513-byte fragment is record_overflow.
  std::vector<std::uint8_t> fragment(513, 0x0b);
  auto limits = limits_for_max_fragment_length(max_fragment_length::len_512, record_form::none);
  handshake_reassembler limited{mutable_bytes(buffer), handshake_max_body, *limits};
  CHECK(limited.feed(bytes_view(fragment.data(), 512)).ok());
  // Fed fine; its header then announces 0x0b0b0b bytes, too many for a 60-byte body.
  CHECK(limited.next().error().code == errc::message_too_large);
  handshake_reassembler limited2{mutable_bytes(buffer), handshake_max_body, *limits};
  CHECK(limited2.feed(bytes_view(fragment.data(), fragment.size()), 9).error() ==
        error{errc::record_overflow, alert_description::record_overflow, 9});
}

TEST_CASE("refuses a handshake stream cut at every byte with decode_error at the cut message", "[record][handshake]") {
  const auto file = test::load_vectors("rfc8448/simple-1rtt.txt");
  const auto& stream = file["server_handshake_record_2.plaintext"];
  std::vector<std::size_t> starts;  // where each message begins
  for (std::size_t at = 0; at < stream.size();) {
    starts.push_back(at);
    at += handshake_header_size +
          (std::size_t{stream[at + 1]} << 16 | std::size_t{stream[at + 2]} << 8 | std::size_t{stream[at + 3]});
  }
  REQUIRE(starts.size() == 4);
  std::vector<std::uint8_t> buffer(4096);
  for (std::size_t cut = 1; cut < stream.size(); ++cut) {
    CAPTURE(cut);
    const bool boundary = std::find(starts.begin(), starts.end(), cut) != starts.end();
    const collected c =
        feed_in_chunks(view(stream).first(cut), 16, mutable_bytes(buffer.data(), buffer.size()));
    if (boundary) {
      CHECK(c.err.code == errc::none);
      continue;
    }
    std::size_t start = 0;
    for (std::size_t s : starts)
      if (s < cut) start = s;
    CHECK(c.err == error{errc::truncated, alert_description::decode_error, static_cast<std::uint32_t>(start)});
  }
}

TEST_CASE("splitter and reassembler together report errors at offsets in the TCP stream", "[record][handshake]") {
  const auto file = test::load_vectors("rfc8448/simple-1rtt.txt");
  // The server's plaintext ServerHello record, then a handshake record whose
  // message announces more than the 1024-byte maximum.
  test::byte_vector stream = file["server_handshake_record_1"];
  const std::size_t second_record = stream.size();
  for (std::uint8_t b : {0x16, 0x03, 0x03, 0x00, 0x05, 0x0b, 0x01, 0x00, 0x00, 0x00}) stream.push_back(b);

  record_splitter splitter;
  std::array<std::uint8_t, 1028> buffer{};
  handshake_reassembler reassembler{mutable_bytes(buffer), 1024};
  bytes_view buffered = view(stream);
  std::vector<handshake_type> types;
  error failure{};
  while (failure.code == errc::none) {
    auto step = splitter.next(buffered);
    REQUIRE(step.ok());
    if (!step->complete()) break;
    REQUIRE(step->rec.type == content_type::handshake);
    const std::size_t fragment_at = splitter.position() - step->rec.fragment.size();
    REQUIRE(reassembler.feed(step->rec.fragment, fragment_at).ok());
    for (;;) {
      auto m = reassembler.next();
      if (!m) {
        failure = m.error();
        break;
      }
      if (!*m) break;
      types.push_back((*m)->type);
    }
    buffered = buffered.subspan(step->consumed);
  }
  CHECK(types == std::vector<handshake_type>{handshake_type::server_hello});
  // Certificate header at second_record + 5; its length field one byte later.
  CHECK(failure == error{errc::message_too_large, alert_description::handshake_failure,
                         static_cast<std::uint32_t>(second_record + 5 + 1)});
}
