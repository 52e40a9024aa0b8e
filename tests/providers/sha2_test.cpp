// SHA-256, SHA-384 and SHA-512 of the reference provider against the FIPS
// 180-4 examples (NIST "Cryptographic Standards and Guidelines: Examples with
// Intermediate Values", SHA256.pdf, SHA384.pdf, SHA512.pdf), at run time and
// in constant evaluation.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "support/hex.hpp"
#include "tlswire/providers/reference/sha256.hpp"
#include "tlswire/providers/reference/sha512.hpp"

namespace {

using tlswire::bytes_view;
using tlswire::mutable_bytes;
using tlswire::reference::sha256;
using tlswire::reference::sha384;
using tlswire::reference::sha512;
using tlswire::test::ascii;
using tlswire::test::hex;
using tlswire::test::to_hex;

// FIPS 180-4 example messages: one block, two blocks for SHA-256 (448 bits),
// two blocks for SHA-384/512 (896 bits).
constexpr auto abc = ascii("abc");
constexpr auto msg448 = ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq");
constexpr auto msg896 = ascii(
    "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopq"
    "rsmnopqrstnopqrstu");
constexpr std::array<std::uint8_t, 0> empty{};

// Their digests (FIPS 180-4 examples), checked at run time and in constant
// evaluation.
constexpr auto sha256_abc = hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
constexpr auto sha256_msg448 =
    hex("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
constexpr auto sha384_abc =
    hex("cb00753f45a35e8bb5a03d699ac65007272c32ab0eded163"
        "1a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7");
constexpr auto sha384_msg896 =
    hex("09330c33f71147e83d192fc782cd1b4753111b173b3b05d2"
        "2fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039");
constexpr auto sha512_abc =
    hex("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
        "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
constexpr auto sha512_msg896 =
    hex("8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
        "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909");

template <class Hash>
std::string hex_digest(bytes_view data) {
  return to_hex(Hash::hash(data));
}

// The million 'a' message, fed in uneven pieces to exercise the buffering.
template <class Hash>
std::string million_a() {
  const std::vector<std::uint8_t> chunk(1000, 'a');
  Hash h;
  std::size_t left = 1000000;
  for (std::size_t piece = 1; left > 0; piece = piece % 997 + 1) {
    const std::size_t n = piece < left ? piece : left;
    h.update(bytes_view(chunk.data(), n));
    left -= n;
  }
  return to_hex(h.finish());
}

}  // namespace

TEST_CASE("sha256 matches the FIPS 180-4 examples", "[sha2]") {
  CHECK(hex_digest<sha256>(abc) == to_hex(sha256_abc));
  CHECK(hex_digest<sha256>(msg448) == to_hex(sha256_msg448));
  CHECK(hex_digest<sha256>(empty) ==
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(million_a<sha256>() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha384 matches the FIPS 180-4 examples", "[sha2]") {
  CHECK(hex_digest<sha384>(abc) == to_hex(sha384_abc));
  CHECK(hex_digest<sha384>(msg896) == to_hex(sha384_msg896));
  CHECK(hex_digest<sha384>(empty) ==
        "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da"
        "274edebfe76f65fbd51ad2f14898b95b");
  CHECK(million_a<sha384>() ==
        "9d0e1809716474cb086e834e310a4a1ced149e9c00f248527972cec5704c2a5b"
        "07b8b3dc38ecc4ebae97ddd87f3d8985");
}

TEST_CASE("sha512 matches the FIPS 180-4 examples", "[sha2]") {
  CHECK(hex_digest<sha512>(abc) == to_hex(sha512_abc));
  CHECK(hex_digest<sha512>(msg896) == to_hex(sha512_msg896));
  CHECK(hex_digest<sha512>(empty) ==
        "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
        "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e");
  CHECK(million_a<sha512>() ==
        "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973eb"
        "de0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b");
}

TEST_CASE("sha2 examples hold in constant evaluation", "[sha2][constexpr]") {
  STATIC_REQUIRE(sha256::hash(abc) == sha256_abc);
  STATIC_REQUIRE(sha256::hash(msg448) == sha256_msg448);
  STATIC_REQUIRE(sha384::hash(abc) == sha384_abc);
  STATIC_REQUIRE(sha384::hash(msg896) == sha384_msg896);
  STATIC_REQUIRE(sha512::hash(abc) == sha512_abc);
  STATIC_REQUIRE(sha512::hash(msg896) == sha512_msg896);
}

namespace {

// Hashes `data` in two updates split at `cut`.
template <class Hash>
constexpr typename Hash::digest_type split_hash(bytes_view data, std::size_t cut) {
  Hash h;
  h.update(data.first(cut));
  h.update(data.subspan(cut));
  return h.finish();
}

// Every split point of a three-block message, so that each buffering path
// (partial block, exact block end, padding spilling into an extra block) runs.
template <class Hash>
bool every_split_agrees(std::size_t length) {
  std::vector<std::uint8_t> data(length);
  for (std::size_t i = 0; i < length; ++i) data[i] = static_cast<std::uint8_t>(i * 7 + 1);
  for (std::size_t l = 0; l <= length; ++l) {
    const bytes_view prefix(data.data(), l);
    const auto whole = Hash::hash(prefix);
    for (std::size_t cut = 0; cut <= l; ++cut)
      if (split_hash<Hash>(prefix, cut) != whole) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("sha2 gives the same digest however the input is split", "[sha2]") {
  CHECK(every_split_agrees<sha256>(3 * sha256::block_size));
  CHECK(every_split_agrees<sha384>(3 * sha384::block_size));
  STATIC_REQUIRE(split_hash<sha256>(msg448, 5) == sha256::hash(msg448));
  STATIC_REQUIRE(split_hash<sha512>(msg896, 100) == sha512::hash(msg896));
}

namespace {

// The transcript-hash pattern: a copy taken mid-way finishes with the hash of
// the prefix, and the original carries on undisturbed.
template <class Hash>
constexpr bool snapshot_is_independent() {
  Hash running;
  running.update(bytes_view(msg896).first(50));
  Hash snapshot = running;
  const auto prefix_digest = snapshot.finish();
  running.update(bytes_view(msg896).subspan(50));
  return prefix_digest == Hash::hash(bytes_view(msg896).first(50)) &&
         running.finish() == Hash::hash(msg896);
}

// After finish the state is fresh: hashing again gives the same digest.
template <class Hash>
constexpr bool finish_resets() {
  Hash h;
  h.update(abc);
  const auto first = h.finish();
  h.update(abc);
  return first == h.finish() && first == Hash::hash(abc);
}

}  // namespace

TEST_CASE("a copied sha2 state is an independent snapshot of the running hash", "[sha2]") {
  STATIC_REQUIRE(snapshot_is_independent<sha256>());
  STATIC_REQUIRE(snapshot_is_independent<sha384>());
  STATIC_REQUIRE(finish_resets<sha256>());
  STATIC_REQUIRE(finish_resets<sha384>());
  CHECK(snapshot_is_independent<sha256>());
  CHECK(finish_resets<sha384>());
}

TEST_CASE("sha2 states say their sizes", "[sha2]") {
  STATIC_REQUIRE(sha256::digest_size == 32);
  STATIC_REQUIRE(sha256::block_size == 64);
  STATIC_REQUIRE(sha384::digest_size == 48);
  STATIC_REQUIRE(sha384::block_size == 128);
  STATIC_REQUIRE(sha512::digest_size == 64);
  STATIC_REQUIRE(sha512::block_size == 128);
}
