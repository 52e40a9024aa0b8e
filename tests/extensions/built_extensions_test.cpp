// Extensions built from typed values encode to exactly the recorded bytes:
// how an engine writes a ClientHello, ServerHello or EncryptedExtensions.
#include <array>

#include <catch2/catch.hpp>

#include "ext_test_util.hpp"
#include "extension_vectors.hpp"
#include "tlswire/extensions/extensions.hpp"

using namespace tlswire;
using namespace tlswire::ext_test;

namespace {

constexpr auto kServer = hex("736572766572");  // "server"
constexpr auto kClientShare = hex("99381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c");
constexpr auto kServerShare = hex("c9828876112095fe66762bdbf7c672e156d6cc253b833df1dd69b1b04e751f0f");

constexpr std::array<named_group, 9> kGroups{
    named_group::x25519,    named_group::secp256r1, named_group::secp384r1,
    named_group::secp521r1, named_group::ffdhe2048, named_group::ffdhe3072,
    named_group::ffdhe4096, named_group::ffdhe6144, named_group::ffdhe8192};

constexpr std::array<signature_scheme, 15> kSchemes{
    signature_scheme::ecdsa_secp256r1_sha256, signature_scheme::ecdsa_secp384r1_sha384,
    signature_scheme::ecdsa_secp521r1_sha512, signature_scheme::ecdsa_sha1,
    signature_scheme::rsa_pss_rsae_sha256,    signature_scheme::rsa_pss_rsae_sha384,
    signature_scheme::rsa_pss_rsae_sha512,    signature_scheme::rsa_pkcs1_sha256,
    signature_scheme::rsa_pkcs1_sha384,       signature_scheme::rsa_pkcs1_sha512,
    signature_scheme::rsa_pkcs1_sha1,         signature_scheme::dsa_sha256,
    signature_scheme::dsa_sha384,             signature_scheme::dsa_sha512,
    signature_scheme::dsa_sha1};

constexpr std::array<protocol_version, 1> kTls13{protocol_version::tls13};
constexpr std::array<psk_key_exchange_mode, 1> kPskDhe{psk_key_exchange_mode::psk_dhe_ke};

// RFC 8448 §3's ClientHello extensions, from typed values, in its order.
constexpr bool rfc8448_client_hello_from_typed_values() {
  const std::array<server_name_entry, 1> names{server_name_entry{name_type::host_name, {as_view(kServer)}}};
  const std::array<key_share_entry, 1> shares{key_share_entry{named_group::x25519, {as_view(kClientShare)}}};
  const extension_tuple extensions{
      server_name_client_hello{names},
      renegotiation_info{},
      supported_groups{kGroups},
      session_ticket{},
      key_share_client_hello{shares},
      supported_versions_client_hello{kTls13},
      signature_algorithms{kSchemes},
      psk_key_exchange_modes{kPskDhe},
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
      key_share_server_hello{{named_group::x25519, {as_view(kServerShare)}}},
      supported_versions_server_hello{protocol_version::tls13},
  };
  return encodes_to(extensions, as_view(kRfc8448ServerHello));
}

constexpr bool rfc8448_encrypted_extensions_from_typed_values() {
  const extension_tuple extensions{supported_groups{kGroups}, record_size_limit{0x4001},
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
         built.validate().ok();
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
