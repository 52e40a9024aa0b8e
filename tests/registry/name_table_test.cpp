// Tests of registry/name_table.hpp: the one lookup every registry uses.
#include <catch2/catch.hpp>

#include <array>
#include <cstdint>
#include <string_view>

#include "tlswire/registry/name_table.hpp"

namespace {

enum class colour : std::uint16_t { red = 1, green = 7, blue = 0x300 };

constexpr auto colour_names = std::to_array<tlswire::named<colour>>({
    {colour::red, "red"},
    {colour::green, "green"},
    {colour::blue, "blue"},
});

constexpr auto unsorted = std::to_array<tlswire::named<colour>>({
    {colour::green, "green"},
    {colour::red, "red"},
});

constexpr auto duplicated = std::to_array<tlswire::named<colour>>({
    {colour::red, "red"},
    {colour::red, "crimson"},
});

constexpr auto unnamed = std::to_array<tlswire::named<colour>>({
    {colour::red, "red"},
    {colour::green, ""},
});

}  // namespace

TEST_CASE("name table accepts sorted unique named rows", "[registry][name_table]") {
  STATIC_REQUIRE(tlswire::is_valid_name_table(colour_names));
}

TEST_CASE("name table refuses unsorted, duplicate or empty-named rows", "[registry][name_table]") {
  STATIC_REQUIRE_FALSE(tlswire::is_valid_name_table(unsorted));
  STATIC_REQUIRE_FALSE(tlswire::is_valid_name_table(duplicated));
  STATIC_REQUIRE_FALSE(tlswire::is_valid_name_table(unnamed));
}

TEST_CASE("lookup_name finds every row and gives \"\" for a value not listed", "[registry][name_table]") {
  STATIC_REQUIRE(tlswire::lookup_name(colour_names, colour::red) == "red");
  STATIC_REQUIRE(tlswire::lookup_name(colour_names, colour::green) == "green");
  STATIC_REQUIRE(tlswire::lookup_name(colour_names, colour::blue) == "blue");
  // Values between, below and above the rows: kept as numbers, never rejected.
  STATIC_REQUIRE(tlswire::lookup_name(colour_names, static_cast<colour>(0)).empty());
  STATIC_REQUIRE(tlswire::lookup_name(colour_names, static_cast<colour>(2)).empty());
  STATIC_REQUIRE(tlswire::lookup_name(colour_names, static_cast<colour>(0xffff)).empty());
  STATIC_REQUIRE(tlswire::table_contains(colour_names, colour::blue));
  STATIC_REQUIRE_FALSE(tlswire::table_contains(colour_names, static_cast<colour>(8)));
}

TEST_CASE("lookup_value maps an exact name back to its code point", "[registry][name_table]") {
  STATIC_REQUIRE(tlswire::lookup_value(colour_names, "green") == colour::green);
  STATIC_REQUIRE_FALSE(tlswire::lookup_value(colour_names, "Green").has_value());
  STATIC_REQUIRE_FALSE(tlswire::lookup_value(colour_names, "").has_value());
}

TEST_CASE("to_underlying gives the wire number", "[registry][name_table]") {
  STATIC_REQUIRE(tlswire::to_underlying(colour::blue) == 0x300);
}
