#include <catch2/catch.hpp>

#include "support/hex.hpp"
#include "tlswire/providers/reference/md5.hpp"

using namespace tlswire;

namespace {
template <std::size_t N>
constexpr bool md5_is(const char (&message)[N], const std::array<std::uint8_t, 16>& expected) {
  std::array<std::uint8_t, N - 1> bytes{};
  for (std::size_t i = 0; i < N - 1; ++i) bytes[i] = static_cast<std::uint8_t>(message[i]);
  return reference::md5::hash(as_view(bytes)) == expected;
}
}  // namespace

// RFC 1321 §A.5 test suite. (md5 lives in providers/reference but only
// fingerprint.hpp uses it, so it is tested with the messages.)
TEST_CASE("md5 matches the RFC 1321 test suite at compile time", "[messages][md5]") {
  STATIC_REQUIRE(md5_is("", test::hex("d41d8cd98f00b204e9800998ecf8427e")));
  STATIC_REQUIRE(md5_is("a", test::hex("0cc175b9c0f1b6a831c399e269772661")));
  STATIC_REQUIRE(md5_is("abc", test::hex("900150983cd24fb0d6963f7d28e17f72")));
  STATIC_REQUIRE(md5_is("message digest", test::hex("f96b697d7cb7938d525a2f31aaf161d0")));
  STATIC_REQUIRE(md5_is("abcdefghijklmnopqrstuvwxyz", test::hex("c3fcd3d76192e4007dfb496cca67e13b")));
  STATIC_REQUIRE(md5_is("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
                        test::hex("d174ab98d277d9f5a5611c2c9f419d9f")));
  STATIC_REQUIRE(md5_is("12345678901234567890123456789012345678901234567890123456789012345678901234567890",
                        test::hex("57edf4a22be3c955ac49da2e2107b67a")));
}

TEST_CASE("md5 gives the same digest when fed in pieces", "[messages][md5]") {
  constexpr auto text = test::ascii("12345678901234567890123456789012345678901234567890123456789012345678901234567890");
  for (std::size_t cut = 0; cut <= text.size(); ++cut) {
    reference::md5 h;
    h.update(as_view(text).first(cut));
    h.update(as_view(text).subspan(cut));
    CHECK(h.finish() == test::hex("57edf4a22be3c955ac49da2e2107b67a"));
  }
}
