// Hellos built to be sent: from typed values (a compile-time, heterogeneous
// extension_tuple) and from already-encoded extension bytes. Both must
// encode to exactly RFC 8448's bytes.
#include <array>

#include <catch2/catch.hpp>

#include "messages/rfc8448_vectors.hpp"
#include "support/rfc8448_fields.hpp"
#include "tlswire/extensions/extensions.hpp"
#include "tlswire/messages/client_hello.hpp"
#include "tlswire/messages/server_hello.hpp"
#include "tlswire/messages/validate_hello.hpp"

using namespace tlswire;
namespace v = tlswire::test::rfc8448;

namespace {

namespace f = test::rfc8448_fields;

template <class Hello, std::size_t N>
constexpr bool encodes_message_to(const Hello& hello, const std::array<std::uint8_t, N>& expected) {
  std::array<std::uint8_t, N + 16> out{};
  writer w(out);
  hello.encode_message(w);
  return w.ok() && w.size() == N && equal_bytes(w.written(), as_view(expected));
}

constexpr bool rfc8448_client_hello_from_typed_values() {
  const std::array<server_name_entry, 1> names{server_name_entry{name_type::host_name, {as_view(f::server_name)}}};
  const std::array<key_share_entry, 1> shares{key_share_entry{named_group::x25519, {as_view(f::client_x25519_share)}}};
  basic_client_hello<extension_tuple<server_name_client_hello, renegotiation_info, supported_groups, session_ticket,
                                     key_share_client_hello, supported_versions_client_hello, signature_algorithms,
                                     psk_key_exchange_modes, record_size_limit>>
      hello;
  hello.random = as_view(f::client_random);
  hello.cipher_suites = f::cipher_suites;
  hello.compression_methods = f::null_compression;
  hello.extensions = extension_tuple{
      server_name_client_hello{names},
      renegotiation_info{},
      supported_groups{f::groups},
      session_ticket{},
      key_share_client_hello{shares},
      supported_versions_client_hello{f::tls13_only},
      signature_algorithms{f::signature_schemes},
      psk_key_exchange_modes{f::psk_dhe_ke},
      record_size_limit{0x4001},
  };
  return encodes_message_to(hello, v::simple_client_hello) && encoded_size(hello) + 4 == v::simple_client_hello.size();
}

// The same hello from already-encoded extensions (e.g. kept from an earlier
// ClientHello, or written by another component).
constexpr bool rfc8448_client_hello_from_encoded_extensions() {
  const bytes_view message = as_view(v::simple_client_hello);
  const bytes_view encoded_extensions = message.subspan(message.size() - 0x91, 0x91);
  auto list = extension_list::from_encoded(encoded_extensions);
  if (!list) return false;
  client_hello hello;
  hello.random = as_view(f::client_random);
  hello.cipher_suites = f::cipher_suites;
  hello.compression_methods = f::null_compression;
  hello.extensions = *list;
  return encodes_message_to(hello, v::simple_client_hello);
}

constexpr bool rfc8448_server_hello_from_typed_values() {
  basic_server_hello<extension_tuple<key_share_server_hello, supported_versions_server_hello>> hello;
  hello.random = as_view(f::server_random);
  hello.suite = cipher_suite::tls_aes_128_gcm_sha256;
  hello.extensions = extension_tuple{key_share_server_hello{{named_group::x25519, {as_view(f::server_x25519_share)}}},
                                     supported_versions_server_hello{protocol_version::tls13}};
  return encodes_message_to(hello, v::simple_server_hello);
}

constexpr std::size_t rfc8448_binders_prefix() {
  auto m = read_handshake(as_view(v::resumed_client_hello));
  auto h = parse_message<client_hello>(*m);
  return binders_prefix_length(*h).value_or(0);
}

}  // namespace

TEST_CASE("builds RFC 8448's ClientHello from typed values (extension_tuple) byte-exact at compile time",
          "[messages][build]") {
  STATIC_REQUIRE(rfc8448_client_hello_from_typed_values());
}

TEST_CASE("builds RFC 8448's ClientHello from already-encoded extensions byte-exact at compile time",
          "[messages][build]") {
  STATIC_REQUIRE(rfc8448_client_hello_from_encoded_extensions());
}

TEST_CASE("builds RFC 8448's ServerHello from typed values byte-exact at compile time", "[messages][build]") {
  STATIC_REQUIRE(rfc8448_server_hello_from_typed_values());
}

TEST_CASE("gives the ClientHello prefix length the PSK binder is computed over", "[messages][build]") {
  // RFC 8448 §4 prints the truncated ClientHello the binder covers: 477 bytes.
  STATIC_REQUIRE(rfc8448_binders_prefix() == v::resumed_client_hello_prefix.size());
  STATIC_REQUIRE(rfc8448_binders_prefix() == 477);
  STATIC_REQUIRE(equal_bytes(as_view(v::resumed_client_hello).first(477), as_view(v::resumed_client_hello_prefix)));
  // No pre_shared_key: no prefix.
  auto h = parse_message<client_hello>(*read_handshake(as_view(v::simple_client_hello)));
  CHECK_FALSE(binders_prefix_length(*h).has_value());
}

TEST_CASE("refuses to encode a hello whose random is not 32 bytes, or into too small a buffer", "[messages][build]") {
  client_hello hello;
  hello.cipher_suites = f::cipher_suites;
  hello.compression_methods = f::null_compression;
  hello.has_extensions = false;
  std::array<std::uint8_t, 128> out{};
  CHECK(encode(hello, out).error().code == errc::bad_value);
  hello.random = as_view(f::client_random);
  CHECK(encode(hello, out).ok());
  CHECK(encode(hello, mutable_bytes(out).first(40)).error().code == errc::buffer_too_small);
}
