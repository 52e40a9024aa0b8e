// record.hpp encode_record_header: the header alone, for content written in place.
#include <catch2/catch.hpp>

#include <array>
#include <cstdint>

#include <tlswire/record/record.hpp>

using namespace tlswire;

namespace {
constexpr std::array<std::uint8_t, 5> header_of(content_type type, std::size_t length) {
  std::array<std::uint8_t, 5> out{};
  writer w(out);
  encode_record_header(w, type, protocol_version::tls12, length);
  return w.ok() ? out : std::array<std::uint8_t, 5>{};
}
}  // namespace

TEST_CASE("encode_record_header writes what record::encode writes before the fragment", "[record]") {
  STATIC_REQUIRE(header_of(content_type::handshake, 0x0123) == std::array<std::uint8_t, 5>{0x16, 0x03, 0x03, 0x01, 0x23});
  std::array<std::uint8_t, 3> fragment{1, 2, 3};
  std::array<std::uint8_t, 8> whole{};
  writer w(whole);
  record{content_type::application_data, protocol_version::tls12, fragment}.encode(w);
  REQUIRE(w.ok());
  const auto header = header_of(content_type::application_data, fragment.size());
  CHECK(equal_bytes(as_view(header), bytes_view(whole).first(5)));
}

TEST_CASE("encode_record_header refuses what record::encode refuses", "[record]") {
  std::array<std::uint8_t, 5> out{};
  writer over(out);
  encode_record_header(over, content_type::handshake, protocol_version::tls12, max_plaintext_length + 1);
  CHECK(over.error().code == errc::record_overflow);
  writer empty(out);
  encode_record_header(empty, content_type::alert, protocol_version::tls12, 0);
  CHECK(empty.error().code == errc::unexpected_message);
  writer protected_size(out);
  encode_record_header(protected_size, content_type::application_data, protocol_version::tls12,
                       max_plaintext_length + 256, {record_form::tls13, max_plaintext_length});
  CHECK(protected_size.ok());
}
