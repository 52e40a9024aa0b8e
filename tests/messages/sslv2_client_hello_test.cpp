#include <array>

#include <catch2/catch.hpp>

#include "support/hex.hpp"
#include "tlswire/messages/sslv2_client_hello.hpp"

using namespace tlswire;

namespace {

// Built by hand from RFC 5246 Appendix E.2: msg_length 0x802e, CLIENT-HELLO,
// version 3.1, 7 cipher specs (21 bytes), no session id, 16-byte challenge.
// Specs: SSL2_RC4_128_WITH_MD5 (0x010080), then TLS suites 0x0039, 0x0038,
// 0x0035, 0x0033, 0x002f, and TLS_EMPTY_RENEGOTIATION_INFO_SCSV.
constexpr auto kV2Hello = test::hex(
    "802e" "01" "0301" "0015" "0000" "0010"
    "010080" "000039" "000038" "000035" "000033" "00002f" "0000ff"
    "000102030405060708090a0b0c0d0e0f");

constexpr bool answers_hello_questions() {
  auto h = parse_sslv2_client_hello(as_view(kV2Hello));
  if (!h) return false;
  std::array<cipher_suite, 8> suites{};
  const std::size_t n = h->tls_cipher_suites(suites);
  const auto random = h->random();
  return h->offered_version() == protocol_version::tls10 && h->cipher_spec_count() == 7 &&
         !h->cipher_spec(0).is_tls_suite() && h->cipher_spec(0).value == 0x010080 && n == 6 &&
         suites[0] == static_cast<cipher_suite>(0x0039) && suites[5] == cipher_suite::tls_empty_renegotiation_info_scsv &&
         h->offers(static_cast<cipher_suite>(0x002f)) && !h->offers(static_cast<cipher_suite>(0x0080)) &&
         random[0] == 0 && random[15] == 0 && random[16] == 0x00 && random[17] == 0x01 && random[31] == 0x0f &&
         h->message.size() == 46 && h->message[0] == 1 && h->raw.size() == 48;
}

template <std::size_t N>
constexpr error error_of(const std::array<std::uint8_t, N>& record) {
  auto h = parse_sslv2_client_hello(as_view(record));
  return h ? error{} : h.error();
}

}  // namespace

TEST_CASE("parses an SSLv2-compatible CLIENT-HELLO and answers versions, suites and random", "[messages][sslv2]") {
  STATIC_REQUIRE(looks_like_sslv2_client_hello(as_view(kV2Hello)));
  STATIC_REQUIRE(answers_hello_questions());
}

TEST_CASE("refuses an SSLv2 CLIENT-HELLO cut short at any byte", "[messages][sslv2]") {
  for (std::size_t n = 0; n < kV2Hello.size(); ++n) {
    auto h = parse_sslv2_client_hello(as_view(kV2Hello).first(n));
    REQUIRE_FALSE(h.ok());
    CHECK(h.error().alert == alert_description::decode_error);
  }
}

TEST_CASE("refuses malformed SSLv2 CLIENT-HELLOs", "[messages][sslv2]") {
  // cipher_spec_length not a multiple of 3
  STATIC_REQUIRE(error_of(test::hex("802d" "01" "0301" "0014" "0000" "0010"
                                    "010080000039000038000035000033002f0000ff"
                                    "000102030405060708090a0b0c0d0e0f")).code == errc::length_out_of_range);
  // challenge of 15 bytes (below 16)
  STATIC_REQUIRE(error_of(test::hex("801b" "01" "0301" "0003" "0000" "000f" "00002f"
                                    "000102030405060708090a0b0c0d0e")).code == errc::length_out_of_range);
  // challenge of 33 bytes (above 32)
  STATIC_REQUIRE(error_of(test::hex("802d" "01" "0301" "0003" "0000" "0021" "00002f"
                                    "000102030405060708090a0b0c0d0e0f000102030405060708090a0b0c0d0e0f00"))
                     .code == errc::length_out_of_range);
  // msg_type 2 is not a CLIENT-HELLO
  STATIC_REQUIRE(error_of(test::hex("801c" "02" "0301" "0003" "0000" "0010" "00002f"
                                    "000102030405060708090a0b0c0d0e0f")).alert == alert_description::unexpected_message);
  // the 3-byte header form (high bit clear)
  STATIC_REQUIRE(error_of(test::hex("001c" "01" "0301" "0003" "0000" "0010" "00002f"
                                    "000102030405060708090a0b0c0d0e0f")).code == errc::bad_value);
  // msg_length longer than the fields it covers
  STATIC_REQUIRE(error_of(test::hex("801d" "01" "0301" "0003" "0000" "0010" "00002f"
                                    "000102030405060708090a0b0c0d0e0f" "00")).code == errc::trailing_bytes);
}

TEST_CASE("accepts a 32-byte challenge and keeps it as the random unchanged", "[messages][sslv2]") {
  static constexpr auto rec = test::hex("802c" "01" "0303" "0003" "0000" "0020" "00002f"
                                 "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  static constexpr auto h = parse_sslv2_client_hello(as_view(rec));
  STATIC_REQUIRE(h.ok());
  STATIC_REQUIRE(h->random()[0] == 0x00);
  STATIC_REQUIRE(h->random()[31] == 0x1f);
  STATIC_REQUIRE(h->offered_version() == protocol_version::tls12);
}
