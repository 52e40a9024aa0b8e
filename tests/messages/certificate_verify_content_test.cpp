// certificate_verify.hpp certificate_verify_content: what a TLS 1.3 CertificateVerify signs.
#include <catch2/catch.hpp>

#include <array>
#include <cstdint>
#include <string_view>

#include <tlswire/messages/certificate_verify.hpp>

using namespace tlswire;

namespace {
constexpr bool content_is_rfc_layout(sender from, std::string_view context) {
  std::array<std::uint8_t, 32> hash{};
  for (std::size_t i = 0; i < hash.size(); ++i) hash[i] = static_cast<std::uint8_t>(i + 1);
  std::array<std::uint8_t, certificate_verify_content_max> out{};
  const bytes_view c = certificate_verify_content(from, as_view(hash), out);
  if (c.size() != 64 + context.size() + 1 + hash.size()) return false;
  for (std::size_t i = 0; i < 64; ++i)
    if (c[i] != 0x20) return false;
  for (std::size_t i = 0; i < context.size(); ++i)
    if (c[64 + i] != static_cast<std::uint8_t>(context[i])) return false;
  return c[64 + context.size()] == 0 && equal_bytes(c.last(hash.size()), as_view(hash));
}
}  // namespace

TEST_CASE("certificate_verify_content is 64 spaces, the side's context, a zero byte and the transcript hash", "[messages]") {
  // RFC 8446 §4.4.3
  STATIC_REQUIRE(content_is_rfc_layout(sender::server, "TLS 1.3, server CertificateVerify"));
  STATIC_REQUIRE(content_is_rfc_layout(sender::client, "TLS 1.3, client CertificateVerify"));
}

TEST_CASE("certificate_verify_content is empty when the output is too small", "[messages]") {
  std::array<std::uint8_t, 48> hash{};
  std::array<std::uint8_t, 100> small{};
  CHECK(certificate_verify_content(sender::server, as_view(hash), small).empty());
  std::array<std::uint8_t, certificate_verify_content_max> enough{};
  CHECK(certificate_verify_content(sender::server, as_view(hash), enough).size() == 64 + 33 + 1 + 48);
}
