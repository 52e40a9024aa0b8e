#include <array>
#include <cstdint>

#include <catch2/catch.hpp>

#include "tlswire/wire/error.hpp"
#include "tlswire/wire/reader.hpp"
#include "tlswire/wire/vector.hpp"

using namespace tlswire;

namespace {

// opaque<1..2^8-1> whose length byte, the input's first byte, is 0.
constexpr std::array<std::uint8_t, 1> kEmptyOpaque{0x00};

constexpr error fault_at_first_byte() {
  reader r(as_view(kEmptyOpaque));
  (void)opaque_vector<1, 255>::parse(r);
  return r.error();
}

}  // namespace

TEST_CASE("a fault at the input's first byte reports offset 0, a real position", "[wire][error]") {
  STATIC_REQUIRE(fault_at_first_byte().code == errc::length_out_of_range);
  STATIC_REQUIRE(fault_at_first_byte().offset == 0);
  STATIC_REQUIRE(fault_at_first_byte().has_offset());
}

TEST_CASE("an error with no position reports no_offset, never 0", "[wire][error]") {
  STATIC_REQUIRE(no_offset != 0);
  STATIC_REQUIRE(!error{}.has_offset());
  STATIC_REQUIRE(!make_error(errc::crypto_failure, no_offset).has_offset());
  STATIC_REQUIRE(make_error(errc::crypto_failure, no_offset).offset == no_offset);
}

TEST_CASE("placing an error moves a position and leaves no_offset where it is", "[wire][error]") {
  STATIC_REQUIRE(placed_at(make_error(errc::truncated, 0), 5).offset == 5);
  STATIC_REQUIRE(placed_at(make_error(errc::truncated, 3), 5).offset == 8);
  STATIC_REQUIRE(placed_at(make_error(errc::bad_record_mac, no_offset), 5).offset == no_offset);
}

TEST_CASE("internal errors are refused with the internal_error alert", "[wire][error]") {
  STATIC_REQUIRE(make_error(errc::internal, no_offset).alert == alert_description::internal_error);
  STATIC_REQUIRE(to_string(errc::internal) == "internal error");
}
