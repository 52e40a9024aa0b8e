// HKDF-SHA-256 of the reference provider against RFC 5869 appendix A test
// cases 1-3, at run time and in constant evaluation, plus the L limit.
#include <catch2/catch.hpp>

#include <vector>

#include "support/hex.hpp"
#include "tlswire/providers/reference/hkdf.hpp"
#include "tlswire/providers/reference/sha256.hpp"
#include "tlswire/providers/reference/sha512.hpp"

namespace {

using tlswire::bytes_view;
using tlswire::mutable_bytes;
using tlswire::reference::hkdf_expand;
using tlswire::reference::hkdf_extract;
using tlswire::reference::sha256;
using tlswire::reference::sha384;
using tlswire::test::counting_from;
using tlswire::test::hex;
using tlswire::test::repeated;

struct hkdf_output {
  std::array<std::uint8_t, 32> prk{};
  std::array<std::uint8_t, 82> okm{};  // the longest L of the three cases
  bool expanded = false;
};

constexpr hkdf_output run_hkdf(bytes_view salt, bytes_view ikm, bytes_view info, std::size_t l) {
  hkdf_output r;
  hkdf_extract<sha256>(salt, ikm, r.prk);
  r.expanded = hkdf_expand<sha256>(r.prk, info, mutable_bytes(r.okm).first(l));
  return r;
}

template <std::size_t N>
constexpr bool okm_is(const hkdf_output& r, const std::array<std::uint8_t, N>& expected) {
  return r.expanded && tlswire::equal_bytes(bytes_view(r.okm).first(N), expected) &&
         tlswire::equal_bytes(bytes_view(r.okm).subspan(N), bytes_view(repeated<82 - N>(0)));
}

// RFC 5869 A.1: basic test case with SHA-256.
constexpr auto case1 = run_hkdf(counting_from<13>(0x00), repeated<22>(0x0b),
                                counting_from<10>(0xf0), 42);
// RFC 5869 A.2: longer inputs and outputs.
constexpr auto case2 = run_hkdf(counting_from<80>(0x60), counting_from<80>(0x00),
                                counting_from<80>(0xb0), 82);
// RFC 5869 A.3: zero-length salt and info.
constexpr auto case3 = run_hkdf({}, repeated<22>(0x0b), {}, 42);

// RFC 5869 A.1-A.3 expected PRK and OKM.
constexpr auto prk1 = hex("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
constexpr auto prk2 = hex("06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244");
constexpr auto prk3 = hex("19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04");
constexpr auto okm1 = hex(
    "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
constexpr auto okm2 = hex(
    "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e"
    "09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87");
constexpr auto okm3 = hex(
    "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");

}  // namespace

TEST_CASE("hkdf-sha256 matches RFC 5869 test cases 1-3 in constant evaluation", "[hkdf][constexpr]") {
  STATIC_REQUIRE(case1.prk == prk1);
  STATIC_REQUIRE(okm_is(case1, okm1));
  STATIC_REQUIRE(case2.prk == prk2);
  STATIC_REQUIRE(okm_is(case2, okm2));
  STATIC_REQUIRE(case3.prk == prk3);
  STATIC_REQUIRE(okm_is(case3, okm3));
}

TEST_CASE("hkdf-sha256 matches RFC 5869 test cases 1-3 at run time", "[hkdf]") {
  // The same computation, not folded by the compiler: inputs come from
  // non-constant copies.
  auto salt = counting_from<80>(0x60);
  auto ikm = counting_from<80>(0x00);
  auto info = counting_from<80>(0xb0);
  const auto r2 = run_hkdf(salt, ikm, info, 82);
  CHECK(r2.prk == prk2);
  CHECK(okm_is(r2, okm2));

  auto ikm1 = repeated<22>(0x0b);
  const auto r1 = run_hkdf(counting_from<13>(0x00), ikm1, counting_from<10>(0xf0), 42);
  CHECK(r1.prk == prk1);
  CHECK(okm_is(r1, okm1));

  const auto r3 = run_hkdf({}, ikm1, {}, 42);
  CHECK(r3.prk == prk3);
  CHECK(okm_is(r3, okm3));
}

TEST_CASE("hkdf-extract treats an empty salt as HashLen zero bytes", "[hkdf]") {
  std::array<std::uint8_t, 48> with_empty{}, with_zeros{};
  hkdf_extract<sha384>({}, repeated<22>(0x0b), with_empty);
  hkdf_extract<sha384>(repeated<48>(0), repeated<22>(0x0b), with_zeros);
  CHECK(with_empty == with_zeros);
}

TEST_CASE("hkdf-expand refuses L above 255 * HashLen and writes nothing", "[hkdf]") {
  std::vector<std::uint8_t> okm(255 * 32 + 1, 0x55);
  CHECK_FALSE(hkdf_expand<sha256>(prk1, {}, okm));
  CHECK(okm == std::vector<std::uint8_t>(255 * 32 + 1, 0x55));
}

TEST_CASE("hkdf-expand accepts L of exactly 255 * HashLen", "[hkdf]") {
  std::vector<std::uint8_t> okm(255 * 32);
  REQUIRE(hkdf_expand<sha256>(prk1, {}, okm));
  // The last block is T(255); a prefix must equal a shorter expansion.
  std::array<std::uint8_t, 100> shorter{};
  REQUIRE(hkdf_expand<sha256>(prk1, {}, shorter));
  CHECK(tlswire::equal_bytes(bytes_view(okm).first(100), shorter));
}

TEST_CASE("hkdf-expand output may overwrite its own prk", "[hkdf]") {
  auto secret = prk1;
  REQUIRE(hkdf_expand<sha256>(secret, counting_from<10>(0xf0), secret));
  CHECK(tlswire::equal_bytes(secret, bytes_view(okm1).first(32)));
}
