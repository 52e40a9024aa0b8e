#include <array>

#include <catch2/catch.hpp>

#include "tlswire/wire/reader.hpp"

using namespace tlswire;

namespace {

constexpr std::array<std::uint8_t, 10> kInts{0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a};

constexpr bool reads_big_endian_integers() {
  reader r(as_view(kInts));
  return r.u8() == 0x01 && r.u16() == 0x0203 && r.u24() == 0x040506 && r.u32() == 0x0708090a && r.empty() &&
         r.ok();
}

constexpr error truncation_error(std::size_t size) {
  reader r(as_view(kInts).first(size));
  (void)r.u32();
  (void)r.u32();
  (void)r.u16();
  return r.error();
}

// whole_vector says yes exactly when reader::vector_bytes then expect_end
// accept, with the same body, over every buffer of up to 6 bytes whose
// first two bytes (the length prefix) take values around the bounds, for
// 1- and 2-byte prefixes, with and without a unit.
constexpr bool whole_vector_agrees_with_reader() {
  struct bounds {
    std::size_t min, max, unit;
  };
  constexpr std::array<bounds, 5> shapes{{{0, 255, 1}, {2, 254, 2}, {1, 65535, 1}, {2, 65535, 2}, {0, 3, 1}}};
  constexpr std::array<std::uint8_t, 6> prefix_bytes{0x00, 0x01, 0x02, 0x03, 0x04, 0xff};
  std::array<std::uint8_t, 6> buffer{};
  for (const bounds& b : shapes)
    for (std::size_t size = 0; size <= buffer.size(); ++size)
      for (const std::uint8_t first : prefix_bytes)
        for (const std::uint8_t second : prefix_bytes) {
          buffer = {first, second, 0xaa, 0xbb, 0xcc, 0xdd};
          const bytes_view data = as_view(buffer).first(size);
          reader r(data);
          const bytes_view body = r.vector_bytes(b.min, b.max, b.unit);
          r.expect_end();
          const auto whole = whole_vector(data, b.min, b.max, b.unit);
          if (whole.has_value() != r.ok()) return false;
          if (whole && (whole->data() != body.data() || whole->size() != body.size())) return false;
        }
  return true;
}

}  // namespace

TEST_CASE("whole_vector accepts exactly what vector_bytes + expect_end accept", "[wire]") {
  STATIC_REQUIRE(whole_vector_agrees_with_reader());
  constexpr std::array<std::uint8_t, 5> groups{0x00, 0x03, 0x00, 0x1d, 0x00};  // odd length: not whole NamedGroups
  STATIC_REQUIRE_FALSE(whole_vector(as_view(groups), 2, 65535, 2).has_value());
  STATIC_REQUIRE_FALSE(whole_vector(as_view(groups).first(4), 2, 65535, 1).has_value());  // claims 3, holds 2
  STATIC_REQUIRE(whole_vector(as_view(groups), 0, 65535, 1)->size() == 3);
}

TEST_CASE("reader reads u8/u16/u24/u32 big-endian at compile time", "[wire]") {
  STATIC_REQUIRE(reads_big_endian_integers());
}

TEST_CASE("reader refuses a read past the end with decode_error at the field's offset", "[wire]") {
  STATIC_REQUIRE(truncation_error(10).code == errc::none);
  STATIC_REQUIRE(truncation_error(9) == error{errc::truncated, alert_description::decode_error, 8});
  STATIC_REQUIRE(truncation_error(3) == error{errc::truncated, alert_description::decode_error, 0});
  for (std::size_t n = 0; n < 10; ++n) {
    const error e = truncation_error(n);
    CHECK(e.code == errc::truncated);
    CHECK(e.alert == alert_description::decode_error);
    CHECK(e.offset == (n < 4 ? 0 : n < 8 ? 4 : 8));
  }
}

TEST_CASE("reader keeps the first error and reads nothing after it", "[wire]") {
  constexpr std::array<std::uint8_t, 3> in{0xff, 0x01, 0x02};
  reader r(as_view(in), 100);
  CHECK(r.u32() == 0);
  CHECK(r.empty());
  CHECK(r.u8() == 0);
  r.fail_here(errc::bad_value);
  CHECK(r.error() == error{errc::truncated, alert_description::decode_error, 100});
}

TEST_CASE("reader accepts vectors within <min..max> and refuses lengths outside", "[wire]") {
  // opaque x<2..4> with a 1-byte prefix
  constexpr std::array<std::uint8_t, 6> len3{0x03, 0xaa, 0xbb, 0xcc, 0xdd, 0xee};
  reader ok_reader(as_view(len3));
  const bytes_view body = ok_reader.vector_bytes(2, 4);
  CHECK(ok_reader.ok());
  CHECK(body.size() == 3);
  CHECK(ok_reader.remaining() == 2);

  constexpr std::array<std::uint8_t, 3> len1{0x01, 0xaa, 0xbb};
  reader too_short(as_view(len1), 7);
  (void)too_short.vector_bytes(2, 4);
  CHECK(too_short.error() == error{errc::length_out_of_range, alert_description::decode_error, 7});

  constexpr std::array<std::uint8_t, 6> len5{0x05, 1, 2, 3, 4, 5};
  reader too_long(as_view(len5));
  (void)too_long.vector_bytes(2, 4);
  CHECK(too_long.error().code == errc::length_out_of_range);

  // A length that claims more than the input holds is truncation at the prefix.
  constexpr std::array<std::uint8_t, 4> over{0x00, 0x05, 0xaa, 0xbb};
  reader overlong(as_view(over));
  (void)overlong.vector_bytes(0, 65535);
  CHECK(overlong.error() == error{errc::truncated, alert_description::decode_error, 0});

  // CipherSuite cipher_suites<2..2^16-2>: an odd length is not a whole number of suites.
  constexpr std::array<std::uint8_t, 5> odd{0x00, 0x03, 0x13, 0x01, 0x13};
  reader odd_reader(as_view(odd));
  (void)odd_reader.vector_bytes(2, 65534, 2);
  CHECK(odd_reader.error().code == errc::length_out_of_range);
}

TEST_CASE("reader uses 1-, 2- and 3-byte prefixes as the RFC's ceilings imply", "[wire]") {
  STATIC_REQUIRE(length_prefix_width(32) == 1);
  STATIC_REQUIRE(length_prefix_width(255) == 1);
  STATIC_REQUIRE(length_prefix_width(256) == 2);
  STATIC_REQUIRE(length_prefix_width(65534) == 2);
  STATIC_REQUIRE(length_prefix_width(0xffffff) == 3);
  constexpr std::array<std::uint8_t, 5> u24len{0x00, 0x00, 0x02, 0xab, 0xcd};
  reader r(as_view(u24len));
  CHECK(r.vector_bytes(1, 0xffffff).size() == 2);
  CHECK(r.empty());
}

TEST_CASE("reader block confines its body and refuses what the body leaves unread", "[wire]") {
  constexpr std::array<std::uint8_t, 6> in{0x00, 0x03, 0x01, 0x02, 0x03, 0x09};
  reader r(as_view(in));
  r.block(0, 65535, [](reader& body) {
    (void)body.u16();
    (void)body.u16();  // one byte left in the block: truncated inside it
  });
  CHECK(r.error() == error{errc::truncated, alert_description::decode_error, 4});

  reader lazy(as_view(in));
  lazy.block(0, 65535, [](reader& body) { (void)body.u8(); });
  CHECK(lazy.error() == error{errc::trailing_bytes, alert_description::decode_error, 3});

  reader exact(as_view(in));
  std::uint32_t v = 0;
  exact.block(0, 65535, [&](reader& body) { v = body.u24(); });
  CHECK(exact.ok());
  CHECK(v == 0x010203);
  CHECK(exact.u8() == 0x09);
}

TEST_CASE("reader keeps unknown code points as they are", "[wire]") {
  enum class some_code : std::uint16_t { known = 1 };
  constexpr std::array<std::uint8_t, 2> in{0xfa, 0xfa};
  reader r(as_view(in));
  CHECK(static_cast<std::uint16_t>(r.code<some_code>()) == 0xfafa);
}
