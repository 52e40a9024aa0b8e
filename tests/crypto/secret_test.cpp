// How key material is copied and moved, at compile time: secret<N>
// (crypto/secret.hpp) keeps its bytes in a copy and hands them over in a
// move, which wipes the source; the reference hash moves by copying and
// stays usable; the key schedule and record protection, which hold the one
// live copy of their keys, can be neither copied nor moved (the null
// provider stands in for an AEAD: only the types are looked at).
#define TLSWIRE_I_KNOW_NULL_CRYPTO_IS_INSECURE_FOR_FUZZING_ONLY
#include "tlswire/providers/null_provider.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cstdint>
#include <type_traits>
#include <utility>

#include "support/hex.hpp"
#include "tlswire/crypto/record_protection.hpp"
#include "tlswire/crypto/secret.hpp"
#include "tlswire/crypto/tls13_key_schedule.hpp"
#include "tlswire/providers/reference/provider.hpp"

namespace {

using namespace tlswire;
using tlswire::test::hex;
using sha256 = reference_provider::sha256;
using null_p = insecure_null_provider_for_fuzzing;

constexpr auto key = hex("000102030405060708090a0b0c0d0e0f");

// The bytes a wiped secret would still show if it had not been zeroed.
constexpr bool zeroed(secret<32>& s) {
  s.resize(key.size());
  for (std::size_t i = 0; i < s.size(); ++i)
    if (s[i] != 0) return false;
  return true;
}

constexpr bool copies_keep_the_source() {
  const secret<32> a(as_view(key));
  const secret<32> b(a);
  secret<32> c;
  c = a;
  return a.equals(as_view(key)) && b.equals(as_view(key)) && c.equals(as_view(key));
}

constexpr bool moves_wipe_the_source() {
  secret<32> a(as_view(key));
  secret<32> b(std::move(a));
  secret<32> c(4);
  c = std::move(b);
  const bool handed_over = c.equals(as_view(key)) && a.empty() && b.empty();
  return handed_over && zeroed(a) && zeroed(b);
}

constexpr bool self_assignment_keeps_the_bytes() {
  secret<32> a(as_view(key));
  secret<32>& same = a;
  a = same;
  a = std::move(same);
  return a.equals(as_view(key));
}

constexpr bool moved_from_hash_stays_usable() {
  sha256 h;
  h.update(as_view(key));
  sha256 moved(std::move(h));
  h.update(as_view(key));
  moved.update(as_view(key));
  return h.finish() == moved.finish();
}

using schedule = tls13_key_schedule<reference_provider, sha256>;
template <class T>
constexpr bool neither_copied_nor_moved =
    !std::is_copy_constructible_v<T> && !std::is_copy_assignable_v<T> &&
    !std::is_move_constructible_v<T> && !std::is_move_assignable_v<T>;

}  // namespace

TEST_CASE("secret: a copy keeps the bytes, a move wipes its source", "[crypto][secret]") {
  STATIC_REQUIRE(copies_keep_the_source());
  STATIC_REQUIRE(moves_wipe_the_source());
  STATIC_REQUIRE(self_assignment_keeps_the_bytes());
  STATIC_REQUIRE(std::is_nothrow_move_constructible_v<secret<32>>);
  STATIC_REQUIRE(std::is_nothrow_move_assignable_v<secret<32>>);
}

TEST_CASE("reference hash: a move copies and the source stays usable", "[crypto][secret]") {
  STATIC_REQUIRE(moved_from_hash_stays_usable());
}

TEST_CASE("schedules and record protection are neither copied nor moved", "[crypto][secret]") {
  STATIC_REQUIRE(neither_copied_nor_moved<schedule>);
  STATIC_REQUIRE(neither_copied_nor_moved<tls13_record_protection<null_p>>);
  STATIC_REQUIRE(neither_copied_nor_moved<tls12_aead_record_protection<null_p>>);
}
