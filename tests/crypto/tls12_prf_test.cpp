// The TLS 1.2 PRF (RFC 5246 §5) with the reference provider, against the
// P_SHA256/384/512 vectors circulated on the IETF TLS list (tests/vectors/
// prf-kdf/), at run time and in constant evaluation.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "support/hex.hpp"
#include "support/read_vector_file.hpp"
#include "support/vector_file.hpp"
#include "tlswire/crypto/tls12_prf.hpp"
#include "tlswire/providers/reference/provider.hpp"

namespace {

using tlswire::bytes_view;
using tlswire::mutable_bytes;
using tlswire::reference_provider;
using tlswire::tls12_prf;
using tlswire::test::hex;
using tlswire::test::read_vector_file;
using tlswire::test::to_hex;
using sha256 = reference_provider::sha256;
using sha384 = reference_provider::sha384;
using sha512 = tlswire::reference::sha512;  // not offered by the provider; its HMAC is generic

// [P_SHA256] of tls12-prf-ietf-list-vectors.txt.
constexpr auto secret256 = hex("9bbe436ba940f017b17652849a71db35");
constexpr auto seed256 = hex("a0ba9f936cda311827a6f796ffd5198c");
constexpr auto output256 = hex(
    "e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a6b301791e90d35c9c9a46b4e14ba"
    "f9af0fa022f7077def17abfd3797c0564bab4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110"
    "fff70187347b66");

template <class Hash, std::size_t N>
constexpr std::array<std::uint8_t, N> prf(bytes_view secret, std::string_view label,
                                          bytes_view seed) {
  std::array<std::uint8_t, N> out{};
  tls12_prf<reference_provider, Hash>(secret, label, seed, out);
  return out;
}

// One section of the vector file: name: hex lines under a [P_SHAxxx] header.
struct prf_case {
  std::vector<std::uint8_t> secret, seed, label, output;
};

prf_case load_case(const std::string& section) {
  std::ifstream in(std::string(TLSWIRE_VECTORS_DIR) + "/prf-kdf/tls12-prf-ietf-list-vectors.txt");
  prf_case c;
  std::string line;
  bool inside = false;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] == '[') inside = line == "[" + section + "]";
    if (!inside) continue;
    const auto colon = line.find(": ");
    if (colon == std::string::npos) continue;
    const std::string name = line.substr(0, colon);
    const auto value = tlswire::test::bytes_from_hex(line.substr(colon + 2));
    if (name == "secret") c.secret = value;
    if (name == "seed") c.seed = value;
    if (name == "label") c.label = value;
    if (name == "output") c.output = value;
  }
  return c;
}

template <class Hash>
void check_case(const std::string& section, const std::string& bin) {
  INFO(section);
  const prf_case c = load_case(section);
  REQUIRE_FALSE(c.output.empty());
  // The .bin file is the same output as rustls stores it.
  CHECK(to_hex(read_vector_file("prf-kdf/" + bin)) == to_hex(c.output));
  const std::string label(c.label.begin(), c.label.end());
  std::vector<std::uint8_t> out(c.output.size());
  tls12_prf<reference_provider, Hash>(c.secret, label, c.seed, out);
  CHECK(to_hex(out) == to_hex(c.output));
  // Label and seed given as one P_hash seed, and the seed split in two parts.
  std::vector<std::uint8_t> joined(c.label);
  joined.insert(joined.end(), c.seed.begin(), c.seed.end());
  std::vector<std::uint8_t> out2(c.output.size());
  tlswire::p_hash<reference_provider, Hash>(c.secret, joined, out2);
  CHECK(out2 == out);
  const bytes_view seed(c.seed);
  std::vector<std::uint8_t> out3(c.output.size());
  tls12_prf<reference_provider, Hash>(c.secret, label, seed.first(5), seed.subspan(5), out3);
  CHECK(out3 == out);
}

}  // namespace

TEST_CASE("tls12 PRF matches the IETF list P_SHA256/384/512 vectors", "[tls12_prf]") {
  check_case<sha256>("P_SHA256", "rustls-prf-result.1.bin");
  check_case<sha512>("P_SHA512", "rustls-prf-result.2.bin");
  check_case<sha384>("P_SHA384", "rustls-prf-result.3.bin");
}

TEST_CASE("tls12 PRF P_SHA256 vector holds in constant evaluation", "[tls12_prf][constexpr]") {
  STATIC_REQUIRE(prf<sha256, 100>(secret256, "test label", seed256) == output256);
}

TEST_CASE("tls12 PRF output is a prefix of any longer output", "[tls12_prf]") {
  // The PRF is a stream: asking for fewer bytes (12-byte verify_data, a
  // short key block) gives the first bytes of the longer answer.
  for (std::size_t n : {0u, 1u, 12u, 31u, 32u, 33u, 64u, 99u}) {
    std::vector<std::uint8_t> out(n);
    tls12_prf<reference_provider, sha256>(secret256, "test label", seed256, out);
    CHECK(to_hex(out) == to_hex(bytes_view(output256).first(n)));
  }
}
