// Extensions built from typed values encode to exactly the recorded bytes:
// how an engine writes a ClientHello, ServerHello or EncryptedExtensions.
#include <array>

#include <catch2/catch.hpp>

#include "ext_test_util.hpp"
#include "extension_vectors.hpp"
#include "support/rfc8448_fields.hpp"
#include "tlswire/extensions/extensions.hpp"

using namespace tlswire;
using namespace tlswire::ext_test;

namespace {

namespace f = test::rfc8448_fields;

// RFC 8448 §3's ClientHello extensions, from typed values, in its order.
constexpr bool rfc8448_client_hello_from_typed_values() {
  const std::array<server_name_entry, 1> names{server_name_entry{name_type::host_name, {as_view(f::server_name)}}};
  const std::array<key_share_entry, 1> shares{key_share_entry{named_group::x25519, {as_view(f::client_x25519_share)}}};
  const extension_tuple extensions{
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
  auto parsed = decode<extension_list>(as_view(kRfc8448ClientHello));
  return encodes_to(extensions, as_view(kRfc8448ClientHello)) &&
         *parsed->get<server_name_client_hello>() == extensions.get<server_name_client_hello>() &&
         *parsed->get<key_share_client_hello>() == extensions.get<key_share_client_hello>() &&
         *parsed->get<signature_algorithms>() == extensions.get<signature_algorithms>();
}

constexpr bool rfc8448_server_hello_from_typed_values() {
  const extension_tuple extensions{
      key_share_server_hello{{named_group::x25519, {as_view(f::server_x25519_share)}}},
      supported_versions_server_hello{protocol_version::tls13},
  };
  return encodes_to(extensions, as_view(kRfc8448ServerHello));
}

constexpr bool rfc8448_encrypted_extensions_from_typed_values() {
  const extension_tuple extensions{supported_groups{f::groups}, record_size_limit{0x4001},
                                   server_name_encrypted_extensions{}};
  return encodes_to(extensions, as_view(kRfc8448EncryptedExtensions));
}

constexpr bool rfc8448_hello_retry_request_from_typed_values() {
  auto parsed = decode<extension_list>(as_view(kRfc8448HelloRetryRequest));
  auto c = parsed->get<cookie>();
  const extension_tuple extensions{key_share_hello_retry_request{named_group::secp256r1}, *c,
                                   supported_versions_hello_retry_request{protocol_version::tls13}};
  return c && c->cookie.size() == 114 && encodes_to(extensions, as_view(kRfc8448HelloRetryRequest));
}

// RFC 8448 §4: the PSK binder.
constexpr auto kBinder = hex("3add4fb2d8fdf822a0ca3cf7678ef5e88dae990141c5924d57bb6fa31b9e5f9d");

constexpr bool resumed_psk_binders_length_marks_the_truncation() {
  auto list = decode<extension_list>(as_view(kRfc8448ResumedClientHello));
  auto psk = list->get<pre_shared_key_client_hello>();
  if (!psk || psk->identities.size() != 1 || psk->binders.size() != 1) return false;
  // pre_shared_key is last, so the binders list is the block's tail: the
  // binder is computed over everything before it (RFC 8448 §4 shows the 477
  // octets of the 512-octet ClientHello before these 35).
  const bytes_view block = as_view(kRfc8448ResumedClientHello);
  const bytes_view tail = block.subspan(block.size() - psk->binders_length());
  if (psk->binders_length() != 35 || tail[0] != 0x00 || tail[1] != 0x21 || tail[2] != 0x20 ||
      !equal_bytes(tail.subspan(3), as_view(kBinder)))
    return false;
  // Rebuilt from typed values, the extension encodes to the same bytes.
  const psk_identity identity = *psk->identities.begin();
  const std::array<psk_identity, 1> identities{identity};
  const std::array<psk_binder_entry, 1> binders{psk_binder_entry{as_view(kBinder)}};
  const pre_shared_key_client_hello built{identities, binders};
  return identity.obfuscated_ticket_age == 0xfad6aacb && identity.identity.size() == 178 &&
         encodes_to(built, list->find(extension_type::pre_shared_key)->data) && built.binders_length() == 35 &&
         validate(built).ok();
}

}  // namespace

TEST_CASE("RFC 8448 hello extensions built from typed values encode the recorded bytes", "[extensions][build]") {
  STATIC_REQUIRE(rfc8448_client_hello_from_typed_values());
  STATIC_REQUIRE(rfc8448_server_hello_from_typed_values());
  STATIC_REQUIRE(rfc8448_encrypted_extensions_from_typed_values());
  STATIC_REQUIRE(rfc8448_hello_retry_request_from_typed_values());
}

TEST_CASE("pre_shared_key binders_length gives the bytes cut for the RFC 8448 §4 binder", "[extensions][build]") {
  STATIC_REQUIRE(resumed_psk_binders_length_marks_the_truncation());
}
