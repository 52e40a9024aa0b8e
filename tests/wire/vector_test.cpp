#include <array>

#include <catch2/catch.hpp>

#include "tlswire/wire/codec.hpp"
#include "tlswire/wire/vector.hpp"

using namespace tlswire;

namespace {

enum class suite : std::uint16_t { a = 0x1301, b = 0x1302, grease = 0x0a0a };
using suites = code_vector<suite, 2, 65534>;

// struct { uint8 tag; opaque data<1..255>; } — a toy item.
struct entry {
  std::uint8_t tag = 0;
  opaque_vector<1, 255> data;
  static constexpr entry parse(reader& r) {
    entry e;
    e.tag = r.u8();
    e.data = decltype(data)::parse(r);
    return e;
  }
  constexpr void encode(writer& w) const {
    w.u8(tag);
    data.encode(w);
  }
  friend constexpr bool operator==(const entry&, const entry&) = default;
};
using entries = item_vector<entry, 0, 65535>;

constexpr std::array<std::uint8_t, 8> kSuites{0x00, 0x06, 0x13, 0x01, 0x0a, 0x0a, 0x13, 0x02};
constexpr std::array<std::uint8_t, 9> kEntries{0x00, 0x07, 0x01, 0x01, 0xaa, 0x02, 0x02, 0xbb, 0xcc};

constexpr bool code_vector_round_trips() {
  auto v = decode<suites>(as_view(kSuites));
  if (!v || v->size() != 3 || (*v)[1] != suite::grease || !v->contains(suite::b)) return false;
  std::array<std::uint8_t, 8> out{};
  auto n = encode(*v, mutable_bytes(out));
  return n && *n == 8 && equal_bytes(as_view(out), as_view(kSuites));
}

constexpr bool built_code_vector_encodes_like_parsed() {
  constexpr std::array<suite, 3> values{suite::a, suite::grease, suite::b};
  suites built{values};
  std::array<std::uint8_t, 8> out{};
  auto n = encode(built, mutable_bytes(out));
  return n && *n == 8 && equal_bytes(as_view(out), as_view(kSuites)) && encoded_size(built) == 8 &&
         built == *decode<suites>(as_view(kSuites));
}

constexpr bool item_vector_iterates_parsed_items() {
  auto v = decode<entries>(as_view(kEntries));
  if (!v) return false;
  std::size_t n = 0;
  std::uint8_t tags = 0;
  for (const entry& e : *v) {
    ++n;
    tags = static_cast<std::uint8_t>(tags + e.tag);
  }
  return n == 2 && tags == 3 && v->size() == 2;
}

constexpr bool built_item_vector_matches_wire() {
  constexpr std::array<std::uint8_t, 1> d1{0xaa};
  constexpr std::array<std::uint8_t, 2> d2{0xbb, 0xcc};
  const std::array<entry, 2> items{entry{1, {as_view(d1)}}, entry{2, {as_view(d2)}}};
  entries built{items};
  std::array<std::uint8_t, 9> out{};
  auto n = encode(built, mutable_bytes(out));
  return n && equal_bytes(as_view(out), as_view(kEntries)) && built == *decode<entries>(as_view(kEntries));
}

}  // namespace

TEST_CASE("code_vector parses, iterates and re-encodes byte-exact, GREASE kept", "[wire]") {
  STATIC_REQUIRE(code_vector_round_trips());
  STATIC_REQUIRE(built_code_vector_encodes_like_parsed());
}

TEST_CASE("code_vector refuses an odd-length suite list and one below its floor", "[wire]") {
  constexpr std::array<std::uint8_t, 3> odd{0x00, 0x01, 0x13};
  CHECK(decode<suites>(as_view(odd)).error().code == errc::length_out_of_range);
  constexpr std::array<std::uint8_t, 2> empty{0x00, 0x00};
  CHECK(decode<suites>(as_view(empty)).error() == error{errc::length_out_of_range, alert_description::decode_error, 0});
}

TEST_CASE("item_vector validates every item once and then iterates without failing", "[wire]") {
  STATIC_REQUIRE(item_vector_iterates_parsed_items());
  STATIC_REQUIRE(built_item_vector_matches_wire());
}

TEST_CASE("item_vector refuses an item that breaks its own bounds, at that item's offset", "[wire]") {
  // second item's data<1..255> is empty
  constexpr std::array<std::uint8_t, 7> bad{0x00, 0x05, 0x01, 0x01, 0xaa, 0x02, 0x00};
  auto v = decode<entries>(as_view(bad));
  CHECK(v.error() == error{errc::length_out_of_range, alert_description::decode_error, 6});
}

TEST_CASE("decode refuses trailing bytes after a complete value", "[wire]") {
  constexpr std::array<std::uint8_t, 5> in{0x00, 0x02, 0x13, 0x01, 0x00};
  CHECK(decode<suites>(as_view(in)).error() == error{errc::trailing_bytes, alert_description::decode_error, 4});
}

TEST_CASE("decode refuses every strict prefix of a valid vector", "[wire]") {
  for (std::size_t n = 0; n < kEntries.size(); ++n)
    CHECK_FALSE(decode<entries>(as_view(kEntries).first(n)).ok());
}
