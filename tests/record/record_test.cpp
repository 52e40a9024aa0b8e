#include <array>
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "support/hex.hpp"
#include "tlswire/record/record.hpp"
#include "tlswire/wire/codec.hpp"

using namespace tlswire;
using tlswire::test::hex;

namespace {

// RFC 8448 §3: the client's alert record header + a 2-byte alert.
constexpr auto kAlertRecord = hex("15030300020100");
constexpr auto kEmptyAppData = hex("1703030000");
constexpr auto kEmptyHandshake = hex("1603030000");

constexpr record_limits kTls13{record_form::tls13, max_plaintext_length};
constexpr record_limits kTls12{record_form::tls12, max_plaintext_length};

constexpr bool parses_small_record() {
  auto r = decode<record>(as_view(kAlertRecord));
  return r.ok() && r->type == content_type::alert && r->legacy_record_version == protocol_version::tls12 &&
         r->fragment.size() == 2 && r->fragment[0] == 0x01 && r->fragment[1] == 0x00 && r->wire_size() == 7;
}

constexpr bool round_trips_small_record() {
  auto r = decode<record>(as_view(kAlertRecord));
  std::array<std::uint8_t, 7> out{};
  auto n = encode(*r, mutable_bytes(out));
  return n.ok() && *n == 7 && equal_bytes(as_view(out), as_view(kAlertRecord));
}

// A header announcing `length` bytes, followed by `body` bytes of 0xaa.
std::vector<std::uint8_t> make_record(std::uint8_t type, std::size_t length, std::size_t body) {
  std::vector<std::uint8_t> v(5 + body, 0xaa);
  v[0] = type;
  v[1] = 0x03;
  v[2] = 0x03;
  v[3] = static_cast<std::uint8_t>(length >> 8);
  v[4] = static_cast<std::uint8_t>(length & 0xff);
  return v;
}

result<record> parse_at(const std::vector<std::uint8_t>& bytes, record_limits limits, std::size_t base = 0) {
  reader r(bytes_view(bytes.data(), bytes.size()), base);
  record rec = record::parse(r, limits);
  if (!r) return r.error();
  return rec;
}

}  // namespace

TEST_CASE("accepts a small TLSPlaintext record at compile time", "[record]") {
  STATIC_REQUIRE(parses_small_record());
  STATIC_REQUIRE(round_trips_small_record());
}

TEST_CASE("accepts zero-length application data and refuses zero-length handshake, alert, CCS", "[record]") {
  STATIC_REQUIRE(decode<record>(as_view(kEmptyAppData)).ok());
  STATIC_REQUIRE(decode<record>(as_view(kEmptyHandshake)).error() ==
                 error{errc::unexpected_message, alert_description::unexpected_message, 3});
  for (std::uint8_t type : {0x14, 0x15, 0x16}) {
    const auto bytes = make_record(type, 0, 0);
    CHECK(parse_at(bytes, {}, 100).error() == error{errc::unexpected_message, alert_description::unexpected_message, 103});
  }
  // Unknown content types are framed, not judged: the caller decides.
  CHECK(parse_at(make_record(0x63, 0, 0), {}).ok());
  CHECK(parse_at(make_record(0x17, 0, 0), kTls13).ok());
}

TEST_CASE("refuses a TLSPlaintext longer than 2^14 with record_overflow at the length field", "[record]") {
  CHECK(parse_at(make_record(0x16, 16384, 16384), {}).ok());
  CHECK(parse_at(make_record(0x16, 16385, 16385), {}, 7).error() ==
        error{errc::record_overflow, alert_description::record_overflow, 10});
  // Decided from the header: a body that is not there yet does not matter.
  CHECK(parse_at(make_record(0x16, 16385, 0), {}).error().code == errc::record_overflow);
}

TEST_CASE("refuses a TLS 1.3 TLSCiphertext longer than 2^14+256", "[record]") {
  CHECK(parse_at(make_record(0x17, 16384 + 256, 16384 + 256), kTls13).ok());
  CHECK(parse_at(make_record(0x17, 16384 + 257, 16384 + 257), kTls13).error() ==
        error{errc::record_overflow, alert_description::record_overflow, 3});
}

TEST_CASE("refuses a TLS 1.2 TLSCiphertext longer than 2^14+2048", "[record]") {
  CHECK(parse_at(make_record(0x17, 16384 + 2048, 16384 + 2048), kTls12).ok());
  CHECK(parse_at(make_record(0x17, 16384 + 2049, 16384 + 2049), kTls12).error() ==
        error{errc::record_overflow, alert_description::record_overflow, 3});
  CHECK(parse_at(make_record(0x17, 0xffff, 0), kTls12).error().code == errc::record_overflow);
}

TEST_CASE("refuses a record truncated at every byte with decode_error at the field", "[record]") {
  const auto whole = make_record(0x16, 10, 10);
  for (std::size_t n = 0; n < whole.size(); ++n) {
    std::vector<std::uint8_t> cut(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(n));
    const error e = parse_at(cut, {}, 50).error();
    CAPTURE(n);
    CHECK(e.code == errc::truncated);
    CHECK(e.alert == alert_description::decode_error);
    // type at 0, version at 1, length at 3; a short body is blamed on the length.
    const std::uint32_t field = n < 1 ? 0 : n < 3 ? 1 : 3;
    CHECK(e.offset == 50 + field);
  }
  CHECK(parse_at(whole, {}).ok());
}

TEST_CASE("refuses trailing bytes after a single record when decoding exactly one", "[record]") {
  auto bytes = make_record(0x16, 3, 4);
  auto r = decode<record>(bytes_view(bytes.data(), bytes.size()));
  CHECK(r.error() == error{errc::trailing_bytes, alert_description::decode_error, 8});
}

TEST_CASE("max_fragment_length lowers the record ceiling (RFC 6066)", "[record]") {
  constexpr auto limits = limits_for_max_fragment_length(max_fragment_length::len_512, record_form::none);
  STATIC_REQUIRE(limits.ok());
  STATIC_REQUIRE(limits->max_fragment() == 512);
  CHECK(parse_at(make_record(0x16, 512, 512), *limits).ok());
  CHECK(parse_at(make_record(0x16, 513, 513), *limits).error().code == errc::record_overflow);

  auto tls12 = limits_for_max_fragment_length(max_fragment_length::len_4096, record_form::tls12);
  CHECK(tls12->max_fragment() == 4096 + 2048);
  CHECK(limits_for_max_fragment_length(static_cast<max_fragment_length>(5), record_form::none).error().alert ==
        alert_description::illegal_parameter);
}

TEST_CASE("record_size_limit lowers the protected-record ceiling only (RFC 8449)", "[record]") {
  // TLS 1.3: the limit counts TLSInnerPlaintext, so content gets one byte less.
  constexpr auto tls13 = limits_for_record_size_limit(1024, protocol_version::tls13, record_form::tls13);
  STATIC_REQUIRE(tls13->max_plaintext == 1023);
  STATIC_REQUIRE(tls13->max_fragment() == 1023 + 256);
  CHECK(parse_at(make_record(0x17, 1279, 1279), *tls13).ok());
  CHECK(parse_at(make_record(0x17, 1280, 1280), *tls13).error().code == errc::record_overflow);

  auto tls12 = limits_for_record_size_limit(512, protocol_version::tls12, record_form::tls12);
  CHECK(tls12->max_plaintext == 512);
  // "Unprotected messages are not subject to this limit."
  auto plain = limits_for_record_size_limit(512, protocol_version::tls13, record_form::none);
  CHECK(plain->max_fragment() == max_plaintext_length);
  // Above the protocol maximum means no smaller limit.
  CHECK(limits_for_record_size_limit(0xffff, protocol_version::tls13, record_form::tls13)->max_plaintext ==
        max_plaintext_length);
  CHECK(limits_for_record_size_limit(16385, protocol_version::tls13, record_form::tls13)->max_plaintext ==
        max_plaintext_length);
  CHECK(limits_for_record_size_limit(63, protocol_version::tls13, record_form::tls13).error().alert ==
        alert_description::illegal_parameter);
  CHECK(limits_for_record_size_limit(64, protocol_version::tls13, record_form::tls13).ok());
}

TEST_CASE("refuses to encode a record it would refuse to parse", "[record]") {
  std::array<std::uint8_t, 32> out{};
  record empty_handshake{content_type::handshake, protocol_version::tls12, {}};
  CHECK(encode(empty_handshake, mutable_bytes(out)).error().code == errc::unexpected_message);

  std::vector<std::uint8_t> big(16385, 0x11);
  std::vector<std::uint8_t> room(16385 + 5);
  record oversized{content_type::handshake, protocol_version::tls12, bytes_view(big.data(), big.size())};
  writer w{mutable_bytes(room.data(), room.size())};
  oversized.encode(w, record_limits{});
  CHECK(w.error().code == errc::record_overflow);
  writer w13{mutable_bytes(room.data(), room.size())};
  oversized.encode(w13, kTls13);
  CHECK(w13.ok());
  CHECK(w13.size() == room.size());

  std::array<std::uint8_t, 6> small{};
  static constexpr auto close_notify = hex("0100");
  record alert{content_type::alert, protocol_version::tls12, as_view(close_notify)};
  CHECK(encode(alert, mutable_bytes(small)).error().code == errc::buffer_too_small);
}
