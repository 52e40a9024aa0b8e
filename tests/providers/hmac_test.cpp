// HMAC-SHA-256 and HMAC-SHA-384 of the reference provider against RFC 4231
// §4.2-§4.8 (test cases 1-7), at run time and in constant evaluation.
#include <catch2/catch.hpp>

#include "support/hex.hpp"
#include "tlswire/providers/reference/hmac.hpp"
#include "tlswire/providers/reference/sha256.hpp"
#include "tlswire/providers/reference/sha512.hpp"

namespace {

using tlswire::bytes_view;
using tlswire::reference::hmac;
using tlswire::reference::sha256;
using tlswire::reference::sha384;
using tlswire::test::ascii;
using tlswire::test::counting_from;
using tlswire::test::hex;
using tlswire::test::repeated;
using tlswire::test::to_hex;

// RFC 4231 §4.2-§4.8 inputs.
constexpr auto key1 = repeated<20>(0x0b);
constexpr auto data1 = ascii("Hi There");
constexpr auto key2 = ascii("Jefe");
constexpr auto data2 = ascii("what do ya want for nothing?");
constexpr auto key3 = repeated<20>(0xaa);
constexpr auto data3 = repeated<50>(0xdd);
constexpr auto key4 = counting_from<25>(0x01);
constexpr auto data4 = repeated<50>(0xcd);
constexpr auto key5 = repeated<20>(0x0c);
constexpr auto data5 = ascii("Test With Truncation");
constexpr auto key6 = repeated<131>(0xaa);  // longer than either block size
constexpr auto data6 = ascii("Test Using Larger Than Block-Size Key - Hash Key First");
constexpr auto data7 = ascii(
    "This is a test using a larger than block-size key and a larger than block-size data. The "
    "key needs to be hashed before being used by the HMAC algorithm.");

// RFC 4231 outputs checked both at run time and in constant evaluation.
constexpr auto hmac256_case1 =
    hex("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
constexpr auto hmac256_case2 =
    hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
constexpr auto hmac256_case7 =
    hex("9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
constexpr auto hmac384_case3 =
    hex("88062608d3e6ad8a0aa2ace014c8a86f0aa635d947ac9febe83ef4e55966144b"
        "2a5ab39dc13814b94e3ab6e101a34f27");
constexpr auto hmac384_case6 =
    hex("4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c6"
        "0c2ef6ab4030fe8296248df163f44952");

template <class Hash>
std::string mac_hex(bytes_view key, bytes_view data) {
  return to_hex(hmac<Hash>::mac(key, data));
}

}  // namespace

TEST_CASE("hmac-sha256 matches RFC 4231 test cases 1-7", "[hmac]") {
  CHECK(mac_hex<sha256>(key1, data1) == to_hex(hmac256_case1));
  CHECK(mac_hex<sha256>(key2, data2) == to_hex(hmac256_case2));
  CHECK(mac_hex<sha256>(key3, data3) ==
        "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
  CHECK(mac_hex<sha256>(key4, data4) ==
        "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
  // Test case 5 gives only the first 128 bits.
  CHECK(mac_hex<sha256>(key5, data5).substr(0, 32) == "a3b6167473100ee06e0c796c2955552b");
  CHECK(mac_hex<sha256>(key6, data6) ==
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  CHECK(mac_hex<sha256>(key6, data7) == to_hex(hmac256_case7));
}

TEST_CASE("hmac-sha384 matches RFC 4231 test cases 1-7", "[hmac]") {
  CHECK(mac_hex<sha384>(key1, data1) ==
        "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59c"
        "faea9ea9076ede7f4af152e8b2fa9cb6");
  CHECK(mac_hex<sha384>(key2, data2) ==
        "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e"
        "8e2240ca5e69e2c78b3239ecfab21649");
  CHECK(mac_hex<sha384>(key3, data3) == to_hex(hmac384_case3));
  CHECK(mac_hex<sha384>(key4, data4) ==
        "3e8a69b7783c25851933ab6290af6ca77a9981480850009cc5577c6e1f573b4e"
        "6801dd23c4a7d679ccf8a386c674cffb");
  CHECK(mac_hex<sha384>(key5, data5).substr(0, 32) == "3abf34c3503b2a23a46efc619baef897");
  CHECK(mac_hex<sha384>(key6, data6) == to_hex(hmac384_case6));
  CHECK(mac_hex<sha384>(key6, data7) ==
        "6617178e941f020d351e2f254e8fd32c602420feb0b8fb9adccebb82461e99c5"
        "a678cc31e799176d3860e6110c46523e");
}

TEST_CASE("hmac RFC 4231 cases hold in constant evaluation", "[hmac][constexpr]") {
  STATIC_REQUIRE(hmac<sha256>::mac(key1, data1) == hmac256_case1);
  STATIC_REQUIRE(hmac<sha256>::mac(key2, data2) == hmac256_case2);
  STATIC_REQUIRE(hmac<sha256>::mac(key6, data7) == hmac256_case7);
  STATIC_REQUIRE(hmac<sha384>::mac(key3, data3) == hmac384_case3);
  STATIC_REQUIRE(hmac<sha384>::mac(key6, data6) == hmac384_case6);
}

namespace {

// A keyed hmac copied before use MACs each message as if keyed afresh, and
// feeding the text in pieces gives the one-shot MAC.
template <class Hash>
constexpr bool keyed_copies_are_reusable() {
  const hmac<Hash> keyed(key6);
  hmac<Hash> first = keyed;
  first.update(bytes_view(data7).first(40));
  first.update(bytes_view(data7).subspan(40));
  hmac<Hash> second = keyed;
  second.update(data6);
  return first.finish() == hmac<Hash>::mac(key6, data7) &&
         second.finish() == hmac<Hash>::mac(key6, data6);
}

// init() replaces the key entirely.
constexpr bool init_rekeys() {
  hmac<sha256> m(key6);
  m.update(data6);
  m.init(key1);
  m.update(data1);
  return m.finish() == hmac<sha256>::mac(key1, data1);
}

}  // namespace

TEST_CASE("a keyed hmac can be copied to MAC several messages", "[hmac]") {
  STATIC_REQUIRE(keyed_copies_are_reusable<sha256>());
  STATIC_REQUIRE(keyed_copies_are_reusable<sha384>());
  STATIC_REQUIRE(init_rekeys());
  CHECK(keyed_copies_are_reusable<sha384>());
  CHECK(init_rekeys());
}

TEST_CASE("hmac output may overwrite its own key", "[hmac]") {
  auto key = key2;
  hmac<sha256> m(key);
  m.update(data2);
  std::array<std::uint8_t, 32> out{};
  m.finish(out);
  CHECK(out == hmac<sha256>::mac(key2, data2));
}
