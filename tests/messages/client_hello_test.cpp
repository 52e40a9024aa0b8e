#include <array>

#include <catch2/catch.hpp>

#include "messages/message_round_trip.hpp"
#include "messages/rfc8448_vectors.hpp"
#include "tlswire/messages/client_hello.hpp"
#include "tlswire/messages/handshake.hpp"

using namespace tlswire;
namespace v = tlswire::test::rfc8448;

namespace {

template <std::size_t N>
constexpr result<client_hello> hello_of(const std::array<std::uint8_t, N>& message) {
  return test::parse_message(message, [](const handshake_message& m) { return parse_message<client_hello>(m); });
}

template <std::size_t N>
constexpr bool round_trips(const std::array<std::uint8_t, N>& message) {
  return test::round_trips_message(message, [](const handshake_message& m) { return parse_message<client_hello>(m); });
}

constexpr bool inspects_rfc8448_client_hello() {
  auto h = hello_of(v::simple_client_hello);
  if (!h) return false;
  return h->legacy_version == protocol_version::tls12 && h->random[0] == 0xcb && h->random[31] == 0xe7 &&
         h->session_id.empty() && h->cipher_suites.size() == 3 &&
         h->cipher_suites[0] == cipher_suite::tls_aes_128_gcm_sha256 &&
         h->cipher_suites[1] == cipher_suite::tls_chacha20_poly1305_sha256 &&
         h->cipher_suites[2] == cipher_suite::tls_aes_256_gcm_sha384 && h->compression_methods.size() == 1 &&
         h->compression_methods[0] == compression_method::null && h->has_extensions && h->extensions.size() == 9 &&
         h->extensions.contains(extension_type::key_share) && highest_offered_version(*h).ok() &&
         *highest_offered_version(*h) == protocol_version::tls13;
}

}  // namespace

TEST_CASE("parses, inspects and re-encodes RFC 8448's ClientHello at compile time", "[messages][client_hello]") {
  STATIC_REQUIRE(inspects_rfc8448_client_hello());
  STATIC_REQUIRE(round_trips(v::simple_client_hello));
  STATIC_REQUIRE(round_trips(v::resumed_client_hello));
  STATIC_REQUIRE(round_trips(v::hrr_client_hello));
  STATIC_REQUIRE(round_trips(v::hrr_client_hello_2));
  STATIC_REQUIRE(round_trips(v::compat_client_hello));
  STATIC_REQUIRE(round_trips(v::client_auth_client_hello));
}
