#include <array>
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "support/hex.hpp"
#include "support/vector_file.hpp"
#include "tlswire/record/inner_plaintext.hpp"
#include "tlswire/wire/codec.hpp"

using namespace tlswire;
using tlswire::test::hex;

namespace {

// "hello" as application_data (23) with three bytes of padding.
constexpr auto kPadded = hex("68656c6c6f17000000");
constexpr auto kAllZero = hex("00000000");
constexpr auto kEmptyAppData = hex("170000");
constexpr auto kEmptyHandshake = hex("1600");

constexpr bool strips_padding() {
  auto p = decode<inner_plaintext>(as_view(kPadded));
  return p.ok() && p->type == content_type::application_data && p->content.size() == 5 && p->content[0] == 'h' &&
         p->padding == 3;
}

constexpr bool builds_with_padding() {
  constexpr auto hello = hex("68656c6c6f");
  inner_plaintext p{as_view(hello), content_type::application_data, 3};
  std::array<std::uint8_t, 9> out{};
  auto n = encode(p, mutable_bytes(out));
  return n.ok() && *n == 9 && equal_bytes(as_view(out), as_view(kPadded)) &&
         decode<inner_plaintext>(as_view(out)).value() == p;
}

}  // namespace

TEST_CASE("strips zero padding from the end and finds the real content type at compile time", "[record][inner]") {
  STATIC_REQUIRE(strips_padding());
  STATIC_REQUIRE(builds_with_padding());
  STATIC_REQUIRE(decode<inner_plaintext>(as_view(kEmptyAppData))->content.empty());
  STATIC_REQUIRE(decode<inner_plaintext>(as_view(kEmptyAppData))->padding == 2);
}

TEST_CASE("refuses an all-zero plaintext with unexpected_message", "[record][inner]") {
  STATIC_REQUIRE(decode<inner_plaintext>(as_view(kAllZero)).error() ==
                 error{errc::unexpected_message, alert_description::unexpected_message, 0});
  STATIC_REQUIRE(decode<inner_plaintext>(bytes_view{}).error().code == errc::unexpected_message);
}

TEST_CASE("refuses empty handshake or alert content with unexpected_message at the type byte", "[record][inner]") {
  STATIC_REQUIRE(decode<inner_plaintext>(as_view(kEmptyHandshake)).error() ==
                 error{errc::unexpected_message, alert_description::unexpected_message, 0});
  constexpr auto empty_alert = hex("150000");
  STATIC_REQUIRE(decode<inner_plaintext>(as_view(empty_alert)).error().code == errc::unexpected_message);
}

TEST_CASE("refuses a TLSInnerPlaintext over 2^14+1 bytes, or over a negotiated limit, with record_overflow",
          "[record][inner]") {
  std::vector<std::uint8_t> at(16385, 0x00);
  at[0] = 0x17;  // type 23, then 2^14 bytes of padding: exactly 2^14 + 1
  CHECK(decode<inner_plaintext>(bytes_view(at.data(), at.size())).ok());
  at.push_back(0x00);
  CHECK(decode<inner_plaintext>(bytes_view(at.data(), at.size())).error() ==
        error{errc::record_overflow, alert_description::record_overflow, 0});

  // RFC 8449: record_size_limit 64 counts the whole TLSInnerPlaintext.
  auto limits = limits_for_record_size_limit(64, protocol_version::tls13, record_form::tls13);
  std::vector<std::uint8_t> small(64, 0x00);
  small[10] = 0x16;
  CHECK(decode<inner_plaintext>(bytes_view(small.data(), small.size()), *limits).ok());
  small.push_back(0x00);
  CHECK(decode<inner_plaintext>(bytes_view(small.data(), small.size()), *limits).error().code ==
        errc::record_overflow);
}

TEST_CASE("refuses to build what it would refuse to read", "[record][inner]") {
  std::array<std::uint8_t, 16> out{};
  constexpr auto body = hex("0102");
  CHECK(encode(inner_plaintext{as_view(body), content_type::invalid, 0}, mutable_bytes(out)).error().code ==
        errc::bad_value);
  CHECK(encode(inner_plaintext{bytes_view{}, content_type::handshake, 0}, mutable_bytes(out)).error().code ==
        errc::unexpected_message);
  std::vector<std::uint8_t> big(16384 + 2);
  writer w{mutable_bytes(big.data(), big.size())};
  inner_plaintext{as_view(body), content_type::application_data, 16383}.encode(w);
  CHECK(w.error().code == errc::record_overflow);
}

TEST_CASE("RFC 8448 record plaintexts re-encode as TLSInnerPlaintext and strip back", "[record][inner]") {
  const auto file = test::load_vectors("rfc8448/simple-1rtt.txt");
  const std::array<std::pair<const char*, content_type>, 3> cases{{
      {"server_handshake_record_2.plaintext", content_type::handshake},
      {"client_application_data_record_1.plaintext", content_type::application_data},
      {"client_alert_record_1.plaintext", content_type::alert},
  }};
  for (const auto& [name, type] : cases) {
    CAPTURE(name);
    const bytes_view content = file.view(name);
    for (std::size_t padding : {std::size_t{0}, std::size_t{1}, std::size_t{255}}) {
      std::vector<std::uint8_t> out(content.size() + 1 + padding);
      auto n = encode(inner_plaintext{content, type, padding}, mutable_bytes(out.data(), out.size()));
      REQUIRE(n.ok());
      auto back = decode<inner_plaintext>(bytes_view(out.data(), out.size()));
      REQUIRE(back.ok());
      CHECK(back->type == type);
      CHECK(back->padding == padding);
      CHECK(equal_bytes(back->content, content));
    }
  }
}
