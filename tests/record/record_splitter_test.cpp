#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/hex.hpp"
#include "support/vector_file.hpp"
#include "tlswire/record/record_splitter.hpp"

using namespace tlswire;
using tlswire::test::hex;

namespace {

// Two records back to back: a 2-byte alert and an empty application_data.
constexpr auto kTwoRecords = hex("150303000201001703030000");

constexpr bool splits_two_records_at_compile_time() {
  record_splitter s;
  bytes_view buffered = as_view(kTwoRecords);
  auto first = s.next(buffered);
  if (!first || !first->complete() || first->rec.type != content_type::alert || first->consumed != 7) return false;
  buffered = buffered.subspan(first->consumed);
  auto second = s.next(buffered);
  if (!second || second->rec.type != content_type::application_data || !second->rec.fragment.empty()) return false;
  buffered = buffered.subspan(second->consumed);
  auto third = s.next(buffered);
  return third && third->needed == record_header_size && s.position() == kTwoRecords.size();
}

constexpr std::size_t needed_after(std::size_t available) {
  record_splitter s;
  auto step = s.next(as_view(kTwoRecords).first(available));
  return step.ok() ? step->needed : 999;
}

struct trace_record {
  std::string name;
  test::byte_vector bytes;
};

// Every complete record (`*_record_N`, not `.plaintext`) of an RFC 8448 trace, in file order.
std::vector<trace_record> trace_records(const test::vector_file& file) {
  std::vector<trace_record> out;
  for (const auto& name : file.names())
    if (name.find("_record_") != std::string::npos && name.find('.') == std::string::npos)
      out.push_back({name, file[name]});
  return out;
}

test::byte_vector concatenate(const std::vector<trace_record>& records) {
  test::byte_vector stream;
  for (const auto& r : records) stream.insert(stream.end(), r.bytes.begin(), r.bytes.end());
  return stream;
}

bytes_view view(const test::byte_vector& v) { return bytes_view(v.data(), v.size()); }

constexpr record_limits kTls13{record_form::tls13, max_plaintext_length};

}  // namespace

TEST_CASE("splitter cuts a buffer into records at compile time", "[record][splitter]") {
  STATIC_REQUIRE(splits_two_records_at_compile_time());
  // Says how many more bytes it needs: first the header, then the body.
  STATIC_REQUIRE(needed_after(0) == 5);
  STATIC_REQUIRE(needed_after(4) == 1);
  STATIC_REQUIRE(needed_after(5) == 2);
  STATIC_REQUIRE(needed_after(6) == 1);
  STATIC_REQUIRE(needed_after(7) == 0);
}

TEST_CASE("splitter splits every record of the RFC 8448 traces from one concatenated stream", "[record][splitter]") {
  for (const char* file_name : {"rfc8448/simple-1rtt.txt", "rfc8448/resumed-0rtt.txt",
                                "rfc8448/hello-retry-request.txt", "rfc8448/client-authentication.txt",
                                "rfc8448/compatibility-mode.txt"}) {
    CAPTURE(file_name);
    const auto file = test::load_vectors(file_name);
    REQUIRE_FALSE(file.empty());
    const auto records = trace_records(file);
    REQUIRE(records.size() >= 6);
    const auto stream = concatenate(records);

    record_splitter splitter(kTls13);
    bytes_view buffered = view(stream);
    std::size_t offset = 0;
    for (const auto& expected : records) {
      CAPTURE(expected.name);
      auto step = splitter.next(buffered);
      REQUIRE(step.ok());
      REQUIRE(step->complete());
      CHECK(equal_bytes(step->wire, view(expected.bytes)));
      CHECK(step->wire.data() == stream.data() + offset);  // a view, not a copy
      CHECK(step->rec.fragment.size() == expected.bytes.size() - record_header_size);
      // RFC 8446 §5.2: protected records travel as application_data; only the
      // first flight (ClientHello, ServerHello) is a plaintext handshake record.
      const bool plaintext = expected.name.find("handshake_record_1") != std::string::npos ||
                             (std::string(file_name) == "rfc8448/hello-retry-request.txt" &&
                              expected.name.find("handshake_record_2") != std::string::npos);
      CHECK(step->rec.type == (plaintext ? content_type::handshake : content_type::application_data));
      // legacy_record_version: 0x0301 in the first ClientHello, 0x0303 everywhere else.
      CHECK((step->rec.legacy_record_version == protocol_version::tls12 ||
             step->rec.legacy_record_version == protocol_version::tls10));
      offset += step->consumed;
      buffered = buffered.subspan(step->consumed);
    }
    CHECK(buffered.empty());
    CHECK(splitter.position() == stream.size());
    auto end = splitter.next(buffered);
    CHECK(end->needed == record_header_size);
  }
}

TEST_CASE("splitter asks for exactly the missing bytes when the stream arrives byte by byte", "[record][splitter]") {
  const auto file = test::load_vectors("rfc8448/simple-1rtt.txt");
  const auto records = trace_records(file);
  const auto stream = concatenate(records);

  record_splitter splitter(kTls13);
  test::byte_vector buffer;  // the caller's buffer: filled one byte at a time, compacted after each record
  std::size_t next_record = 0;
  std::size_t expected_needed = record_header_size;
  for (std::size_t i = 0; i < stream.size(); ++i) {
    buffer.push_back(stream[i]);
    auto step = splitter.next(view(buffer));
    REQUIRE(step.ok());
    if (!step->complete()) {
      // After the header is in, the body's size is known.
      const std::size_t whole = records[next_record].bytes.size();
      expected_needed = buffer.size() < record_header_size ? record_header_size - buffer.size() : whole - buffer.size();
      REQUIRE(step->needed == expected_needed);
      continue;
    }
    REQUIRE(equal_bytes(step->wire, view(records[next_record].bytes)));
    buffer.erase(buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(step->consumed));
    ++next_record;
  }
  CHECK(next_record == records.size());
  CHECK(buffer.empty());
}

TEST_CASE("splitter refuses an oversized record from its header, with the offset in the stream", "[record][splitter]") {
  const auto file = test::load_vectors("rfc8448/simple-1rtt.txt");
  auto stream = file["client_handshake_record_1"];
  const std::size_t bad_at = stream.size();
  // A plaintext handshake header announcing 2^14 + 1 bytes, with no body yet.
  for (std::uint8_t b : {0x16, 0x03, 0x03, 0x40, 0x01}) stream.push_back(b);

  record_splitter splitter;  // plaintext limits
  auto first = splitter.next(view(stream));
  REQUIRE(first.ok());
  auto second = splitter.next(view(stream).subspan(first->consumed));
  REQUIRE_FALSE(second.ok());
  CHECK(second.error() == error{errc::record_overflow, alert_description::record_overflow,
                                static_cast<std::uint32_t>(bad_at + 3)});
  // The stream cannot be re-synchronised: the error sticks.
  CHECK(splitter.next(view(stream).subspan(first->consumed)).error() == second.error());
  CHECK_FALSE(splitter.ok());
}

TEST_CASE("splitter refuses 1.3 ciphertext over 2^14+256 and 1.2 ciphertext over 2^14+2048", "[record][splitter]") {
  const std::array<std::uint8_t, 5> over13{0x17, 0x03, 0x03, 0x41, 0x01};  // 2^14 + 257
  const std::array<std::uint8_t, 5> at13{0x17, 0x03, 0x03, 0x41, 0x00};    // 2^14 + 256
  const std::array<std::uint8_t, 5> over12{0x17, 0x03, 0x03, 0x48, 0x01};  // 2^14 + 2049
  const std::array<std::uint8_t, 5> at12{0x17, 0x03, 0x03, 0x48, 0x00};    // 2^14 + 2048

  record_splitter s13(kTls13, 1000);
  CHECK(s13.next(as_view(at13))->needed == 16384 + 256);
  CHECK(s13.next(as_view(over13)).error() == error{errc::record_overflow, alert_description::record_overflow, 1003});

  record_splitter s12(record_limits{record_form::tls12, max_plaintext_length});
  CHECK(s12.next(as_view(at12))->needed == 16384 + 2048);
  CHECK(s12.next(as_view(over12)).error().code == errc::record_overflow);
  // The same header is too long for 1.3.
  record_splitter s13b(kTls13);
  CHECK(s13b.next(as_view(at12)).error().code == errc::record_overflow);
}

TEST_CASE("splitter refuses zero-length handshake, alert and CCS records in a stream", "[record][splitter]") {
  for (std::uint8_t type : {0x14, 0x15, 0x16}) {
    // An empty application_data record (allowed) and then the forbidden empty one.
    const std::array<std::uint8_t, 10> stream{0x17, 0x03, 0x03, 0x00, 0x00, type, 0x03, 0x03, 0x00, 0x00};
    record_splitter s;
    auto ok = s.next(as_view(stream));
    REQUIRE(ok.ok());
    auto bad = s.next(as_view(stream).subspan(ok->consumed));
    CHECK(bad.error() == error{errc::unexpected_message, alert_description::unexpected_message, 8});
  }
}

TEST_CASE("splitter applies a negotiated limit from the next record on", "[record][splitter]") {
  // RFC 6066: max_fragment_length 2^9 negotiated; a 513-byte record is refused.
  test::byte_vector stream{0x16, 0x03, 0x03, 0x02, 0x01};
  stream.resize(5 + 513, 0x00);
  record_splitter s;
  CHECK(s.next(view(stream))->complete());

  record_splitter limited;
  limited.set_limits(*limits_for_max_fragment_length(max_fragment_length::len_512, record_form::none));
  CHECK(limited.next(view(stream)).error() == error{errc::record_overflow, alert_description::record_overflow, 3});

  // RFC 8449: record_size_limit 256 for protected 1.3 records: 255 content + 256 expansion.
  auto rsl = limits_for_record_size_limit(256, protocol_version::tls13, record_form::tls13);
  record_splitter small(*rsl);
  const std::array<std::uint8_t, 5> at{0x17, 0x03, 0x03, 0x01, 0xff};    // 511
  const std::array<std::uint8_t, 5> over{0x17, 0x03, 0x03, 0x02, 0x00};  // 512
  CHECK(small.next(as_view(at))->needed == 511);
  CHECK(small.next(as_view(over)).error().code == errc::record_overflow);
}

TEST_CASE("splitter never reports an error for a stream cut at any byte", "[record][splitter]") {
  const auto file = test::load_vectors("rfc8448/simple-1rtt.txt");
  const auto all = trace_records(file);
  const auto stream = concatenate(all);
  for (std::size_t cut = 0; cut < stream.size(); ++cut) {
    record_splitter s(kTls13);
    bytes_view buffered = view(stream).first(cut);
    std::size_t records = 0;
    for (;;) {
      auto step = s.next(buffered);
      REQUIRE(step.ok());
      if (!step->complete()) {
        CHECK(step->needed > 0);
        break;
      }
      ++records;
      buffered = buffered.subspan(step->consumed);
    }
    CHECK(s.position() + buffered.size() == cut);
    CHECK(records < all.size());
  }
}
