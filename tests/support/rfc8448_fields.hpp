#pragma once
// RFC 8448 §3 (Simple 1-RTT Handshake): the hello fields as typed values,
// for the tests that build its ClientHello and ServerHello (or their
// extensions) and expect the trace's bytes.
#include <array>

#include "support/hex.hpp"
#include "tlswire/registry/cipher_suite.hpp"
#include "tlswire/registry/compression_method.hpp"
#include "tlswire/registry/named_group.hpp"
#include "tlswire/registry/protocol_version.hpp"
#include "tlswire/registry/psk_key_exchange_mode.hpp"
#include "tlswire/registry/signature_scheme.hpp"

namespace tlswire::test::rfc8448_fields {

inline constexpr auto client_random = hex("cb34ecb1e78163ba1c38c6dacb196a6dffa21a8d9912ec18a2ef6283024dece7");
inline constexpr auto server_random = hex("a6af06a4121860dc5e6e60249cd34c95930c8ac5cb1434dac155772ed3e26928");
inline constexpr auto server_name = ascii("server");
inline constexpr auto client_x25519_share = hex("99381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c");
inline constexpr auto server_x25519_share = hex("c9828876112095fe66762bdbf7c672e156d6cc253b833df1dd69b1b04e751f0f");

inline constexpr std::array<cipher_suite, 3> cipher_suites{cipher_suite::tls_aes_128_gcm_sha256,
                                                           cipher_suite::tls_chacha20_poly1305_sha256,
                                                           cipher_suite::tls_aes_256_gcm_sha384};
inline constexpr std::array<compression_method, 1> null_compression{compression_method::null};
inline constexpr std::array<named_group, 9> groups{
    named_group::x25519,    named_group::secp256r1, named_group::secp384r1,
    named_group::secp521r1, named_group::ffdhe2048, named_group::ffdhe3072,
    named_group::ffdhe4096, named_group::ffdhe6144, named_group::ffdhe8192};
inline constexpr std::array<signature_scheme, 15> signature_schemes{
    signature_scheme::ecdsa_secp256r1_sha256, signature_scheme::ecdsa_secp384r1_sha384,
    signature_scheme::ecdsa_secp521r1_sha512, signature_scheme::ecdsa_sha1,
    signature_scheme::rsa_pss_rsae_sha256,    signature_scheme::rsa_pss_rsae_sha384,
    signature_scheme::rsa_pss_rsae_sha512,    signature_scheme::rsa_pkcs1_sha256,
    signature_scheme::rsa_pkcs1_sha384,       signature_scheme::rsa_pkcs1_sha512,
    signature_scheme::rsa_pkcs1_sha1,         signature_scheme::dsa_sha256,
    signature_scheme::dsa_sha384,             signature_scheme::dsa_sha512,
    signature_scheme::dsa_sha1};
inline constexpr std::array<protocol_version, 1> tls13_only{protocol_version::tls13};
inline constexpr std::array<psk_key_exchange_mode, 1> psk_dhe_ke{psk_key_exchange_mode::psk_dhe_ke};

}  // namespace tlswire::test::rfc8448_fields
