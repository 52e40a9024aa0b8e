#include <array>

#include <catch2/catch.hpp>

#include "ext_test_util.hpp"
#include "tlswire/extensions/extension.hpp"

using namespace tlswire;
using ext_test::hex;

namespace {

// RFC 8448 §3, ClientHello: the extensions vector (with its length).
constexpr auto kClientHelloExtensions = hex(
    "00910000000b0009000006736572766572ff01000100000a00140012001d00170018001901000101010201030104"
    "00230000003300260024001d002099381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c"
    "002b0003020304000d0020001e040305030603020308040805080604010501060102010402050206020202002d00"
    "020101001c00024001");

// A toy typed extension following the convention: record_size_limit's shape.
struct toy_limit {
  static constexpr extension_type type = extension_type::record_size_limit;
  std::uint16_t limit = 0;
  static constexpr toy_limit parse(reader& r) noexcept { return {r.u16()}; }
  constexpr void encode(writer& w) const noexcept { w.u16(limit); }
  friend constexpr bool operator==(const toy_limit&, const toy_limit&) = default;
};

constexpr bool client_hello_extensions_parse_in_order() {
  auto list = decode<extension_list>(as_view(kClientHelloExtensions));
  if (!list || list->size() != 9) return false;
  constexpr std::array<extension_type, 9> order{
      extension_type::server_name,      extension_type::renegotiation_info,
      extension_type::supported_groups, extension_type::session_ticket,
      extension_type::key_share,        extension_type::supported_versions,
      extension_type::signature_algorithms, extension_type::psk_key_exchange_modes,
      extension_type::record_size_limit};
  std::size_t i = 0;
  for (const extension& e : *list)
    if (e.type != order[i++]) return false;
  auto limit = list->get<toy_limit>();
  return limit && limit->limit == 0x4001 && list->contains(extension_type::key_share) &&
         !list->contains(extension_type::pre_shared_key) &&
         list->find(extension_type::session_ticket)->data.empty();
}

constexpr bool list_offsets_point_into_input() {
  auto list = decode<extension_list>(as_view(kClientHelloExtensions));
  auto it = list->begin();
  if (it.offset() != 2 || it.data_offset() != 6) return false;
  ++it;  // renegotiation_info after server_name's 4 + 11 bytes
  return it.offset() == 17 && list->wire_offset() == 2;
}

constexpr auto kTwoExtensions = hex("000c" "001c00024001" "ff0100020000");
constexpr auto kLimit = hex("4001");
constexpr auto kReneg = hex("0000");

constexpr bool list_built_from_values_encodes_wire() {
  const std::array<extension, 2> values{extension{extension_type::record_size_limit, as_view(kLimit)},
                                        extension{extension_type::renegotiation_info, as_view(kReneg)}};
  const extension_list built{values};
  return ext_test::encodes_to(built, as_view(kTwoExtensions)) &&
         built == *decode<extension_list>(as_view(kTwoExtensions)) && built.size() == 2 &&
         *built.get<toy_limit>() == toy_limit{0x4001};
}

constexpr bool list_from_encoded_bytes_encodes_wire() {
  auto from_bytes = extension_list::from_encoded(as_view(kTwoExtensions).subspan(2));
  return from_bytes && ext_test::encodes_to(*from_bytes, as_view(kTwoExtensions)) &&
         !extension_list::from_encoded(as_view(kTwoExtensions).subspan(2, 7));
}

constexpr auto kTupleWire = hex("0010" "001c00024001" "ff0100020000" "00170000");

constexpr bool tuple_encodes_in_order() {
  const extension_tuple tuple{toy_limit{0x4001}, extension{extension_type::renegotiation_info, as_view(kReneg)},
                              extension{extension_type::extended_master_secret, {}}};
  static_assert(decltype(tuple)::count == 3);
  const extension_tuple<> none{};
  return ext_test::encodes_to(tuple, as_view(kTupleWire)) && tuple.get<toy_limit>().limit == 0x4001 &&
         ext_test::encodes_to(none, as_view(kReneg));
}

}  // namespace

TEST_CASE("extension_list parses RFC 8448's ClientHello extensions in order, at compile time",
          "[extensions]") {
  STATIC_REQUIRE(client_hello_extensions_parse_in_order());
  STATIC_REQUIRE(list_offsets_point_into_input());
  
  STATIC_REQUIRE(ext_test::round_trips<extension_list>(as_view(kClientHelloExtensions)));
}

TEST_CASE("extension_list refuses every truncation with decode_error", "[extensions]") {
  STATIC_REQUIRE(ext_test::refuses_every_truncation<extension_list>(as_view(kClientHelloExtensions)));
}

TEST_CASE("extension_list refuses an extension overrunning the list", "[extensions]") {
  // One extension whose data length (5) runs past the list's end.
  constexpr auto bad = hex("0006" "001c0005" "4001");
  constexpr error e = ext_test::decode_error_of<extension_list>(as_view(bad));
  STATIC_REQUIRE(e.code == errc::truncated);
  STATIC_REQUIRE(e.alert == alert_description::decode_error);
  STATIC_REQUIRE(e.offset == 4);
  // A dangling half type field after a complete extension.
  constexpr auto half = hex("0005" "00230000" "00");
  STATIC_REQUIRE(ext_test::decode_error_of<extension_list>(as_view(half)).offset == 6);
}

TEST_CASE("extension_list::get refuses a missing extension and trailing bytes", "[extensions]") {
  constexpr auto no_limit = hex("0004" "00230000");
  constexpr auto r = decode<extension_list>(as_view(no_limit))->get<toy_limit>();
  STATIC_REQUIRE(!r);
  STATIC_REQUIRE(r.error().code == errc::missing_extension);
  STATIC_REQUIRE(r.error().alert == alert_description::missing_extension);
  constexpr auto long_limit = hex("0007" "001c0003" "400100");
  constexpr auto t = decode<extension_list>(as_view(long_limit))->get<toy_limit>();
  STATIC_REQUIRE(t.error().code == errc::trailing_bytes);
  STATIC_REQUIRE(t.error().offset == 8);
}


TEST_CASE("extension_list built from extension values or encoded bytes encodes the wire bytes",
          "[extensions]") {
  STATIC_REQUIRE(list_built_from_values_encodes_wire());
  STATIC_REQUIRE(list_from_encoded_bytes_encodes_wire());
}

TEST_CASE("extension_tuple encodes typed and opaque extensions in order without allocation",
          "[extensions]") {
  STATIC_REQUIRE(tuple_encodes_in_order());
}
