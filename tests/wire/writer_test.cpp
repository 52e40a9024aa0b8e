#include <array>

#include <catch2/catch.hpp>

#include "tlswire/wire/writer.hpp"

using namespace tlswire;

namespace {

// struct { uint16 a; opaque b<0..2^16-1> { uint8 c; opaque d<1..255>; }; }
constexpr void write_nested(writer& w) {
  w.u16(0x0303);
  w.block(0, 65535, [](writer& b) {
    b.u8(7);
    b.block(1, 255, [](writer& d) { d.u24(0xabcdef); });
  });
}

constexpr bool nested_blocks_patch_lengths() {
  std::array<std::uint8_t, 16> out{};
  writer w{mutable_bytes(out)};
  write_nested(w);
  constexpr std::array<std::uint8_t, 9> want{0x03, 0x03, 0x00, 0x05, 0x07, 0x03, 0xab, 0xcd, 0xef};
  return w.ok() && w.size() == 9 && equal_bytes(w.written(), as_view(want));
}

constexpr std::size_t counted_size() {
  writer counter;
  write_nested(counter);
  return counter.size();
}

}  // namespace

TEST_CASE("writer patches nested length blocks at compile time", "[wire]") {
  STATIC_REQUIRE(nested_blocks_patch_lengths());
}

TEST_CASE("writer in size-only mode counts exactly the bytes it would write", "[wire]") {
  STATIC_REQUIRE(counted_size() == 9);
}

TEST_CASE("writer refuses to overflow the caller's span", "[wire]") {
  for (std::size_t room = 0; room < 9; ++room) {
    std::array<std::uint8_t, 16> out{};
    writer w{mutable_bytes(out.data(), room)};
    write_nested(w);
    CHECK(w.error().code == errc::buffer_too_small);
    CHECK(w.error().alert == alert_description::internal_error);
    CHECK(w.size() <= room);
  }
}

TEST_CASE("writer leaves an abandoned block's prefix at its maximum", "[wire]") {
  std::array<std::uint8_t, 5> out{};
  writer w{mutable_bytes(out)};
  w.block(0, 65535, [](writer& b) { b.u32(0x11223344); });  // 2 + 4 > 5
  CHECK(!w.ok());
  CHECK(out[0] == 0xff);
  CHECK(out[1] == 0xff);
}

TEST_CASE("writer refuses a block longer than its ceiling or shorter than its floor", "[wire]") {
  std::array<std::uint8_t, 8> out{};
  writer w{mutable_bytes(out)};
  w.block(0, 2, [](writer& b) { b.u24(1); });
  CHECK(w.error().code == errc::length_out_of_range);
  CHECK(out[0] == 0xff);

  writer empty_block{mutable_bytes(out)};
  empty_block.block(1, 255, [](writer&) {});
  CHECK(empty_block.error() == error{errc::length_out_of_range, alert_description::decode_error, 0});
}

TEST_CASE("writer refuses a u24 value that does not fit", "[wire]") {
  std::array<std::uint8_t, 8> out{};
  writer w{mutable_bytes(out)};
  w.u24(0x1000000);
  CHECK(w.error().code == errc::bad_value);
}
