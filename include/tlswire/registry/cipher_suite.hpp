#pragma once
// RFC 8446 §B.4 / RFC 5246 App. A.5 CipherSuite, IANA "TLS Cipher Suites"; and
// what each suite means for the layers above (key exchange, record protection
// sizes, PRF hash), so Finished lengths, the TLS 1.2 key block split and record
// protection all read one table instead of re-deriving it.
//
// Enumerators are the IANA names lower-cased (TLS_AES_128_GCM_SHA256 is
// cipher_suite::tls_aes_128_gcm_sha256); cipher_suite_names keeps the exact
// IANA spelling. Listed: every TLS 1.3 suite; every RSA, DH(E), ECDH(E) and PSK
// suite with AES-CBC, AES-GCM, AES-CCM, ChaCha20-Poly1305, NULL; the RC4, DES,
// 3DES and EXPORT suites seen in old captures; both SCSVs. Camellia, ARIA, SEED,
// SRP, Kerberos and GOST suites are not listed: they print as numbers.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "tlswire/registry/name_table.hpp"
#include "tlswire/registry/protocol_version.hpp"
#include "tlswire/registry/signature_scheme.hpp"

namespace tlswire {

enum class cipher_suite : std::uint16_t {
  // RFC 5246 App. A.5 / RFC 4346 / RFC 2246: the original suites (EXPORT, DES, RC4 are obsolete)
  tls_null_with_null_null = 0x0000,
  tls_rsa_with_null_md5 = 0x0001,
  tls_rsa_with_null_sha = 0x0002,
  tls_rsa_export_with_rc4_40_md5 = 0x0003,
  tls_rsa_with_rc4_128_md5 = 0x0004,
  tls_rsa_with_rc4_128_sha = 0x0005,
  tls_rsa_export_with_rc2_cbc_40_md5 = 0x0006,
  tls_rsa_with_idea_cbc_sha = 0x0007,
  tls_rsa_export_with_des40_cbc_sha = 0x0008,
  tls_rsa_with_des_cbc_sha = 0x0009,
  tls_rsa_with_3des_ede_cbc_sha = 0x000a,
  tls_dh_dss_export_with_des40_cbc_sha = 0x000b,
  tls_dh_dss_with_des_cbc_sha = 0x000c,
  tls_dh_dss_with_3des_ede_cbc_sha = 0x000d,
  tls_dh_rsa_export_with_des40_cbc_sha = 0x000e,
  tls_dh_rsa_with_des_cbc_sha = 0x000f,
  tls_dh_rsa_with_3des_ede_cbc_sha = 0x0010,
  tls_dhe_dss_export_with_des40_cbc_sha = 0x0011,
  tls_dhe_dss_with_des_cbc_sha = 0x0012,
  tls_dhe_dss_with_3des_ede_cbc_sha = 0x0013,
  tls_dhe_rsa_export_with_des40_cbc_sha = 0x0014,
  tls_dhe_rsa_with_des_cbc_sha = 0x0015,
  tls_dhe_rsa_with_3des_ede_cbc_sha = 0x0016,
  tls_dh_anon_export_with_rc4_40_md5 = 0x0017,
  tls_dh_anon_with_rc4_128_md5 = 0x0018,
  tls_dh_anon_export_with_des40_cbc_sha = 0x0019,
  tls_dh_anon_with_des_cbc_sha = 0x001a,
  tls_dh_anon_with_3des_ede_cbc_sha = 0x001b,
  // RFC 4785: PSK with NULL encryption
  tls_psk_with_null_sha = 0x002c,
  tls_dhe_psk_with_null_sha = 0x002d,
  tls_rsa_psk_with_null_sha = 0x002e,
  // RFC 5246 App. A.5 (from RFC 3268): AES-CBC
  tls_rsa_with_aes_128_cbc_sha = 0x002f,
  tls_dh_dss_with_aes_128_cbc_sha = 0x0030,
  tls_dh_rsa_with_aes_128_cbc_sha = 0x0031,
  tls_dhe_dss_with_aes_128_cbc_sha = 0x0032,
  tls_dhe_rsa_with_aes_128_cbc_sha = 0x0033,
  tls_dh_anon_with_aes_128_cbc_sha = 0x0034,
  tls_rsa_with_aes_256_cbc_sha = 0x0035,
  tls_dh_dss_with_aes_256_cbc_sha = 0x0036,
  tls_dh_rsa_with_aes_256_cbc_sha = 0x0037,
  tls_dhe_dss_with_aes_256_cbc_sha = 0x0038,
  tls_dhe_rsa_with_aes_256_cbc_sha = 0x0039,
  tls_dh_anon_with_aes_256_cbc_sha = 0x003a,
  // RFC 5246 App. A.5: SHA-256 MAC
  tls_rsa_with_null_sha256 = 0x003b,
  tls_rsa_with_aes_128_cbc_sha256 = 0x003c,
  tls_rsa_with_aes_256_cbc_sha256 = 0x003d,
  tls_dh_dss_with_aes_128_cbc_sha256 = 0x003e,
  tls_dh_rsa_with_aes_128_cbc_sha256 = 0x003f,
  tls_dhe_dss_with_aes_128_cbc_sha256 = 0x0040,
  tls_dhe_rsa_with_aes_128_cbc_sha256 = 0x0067,
  tls_dh_dss_with_aes_256_cbc_sha256 = 0x0068,
  tls_dh_rsa_with_aes_256_cbc_sha256 = 0x0069,
  tls_dhe_dss_with_aes_256_cbc_sha256 = 0x006a,
  tls_dhe_rsa_with_aes_256_cbc_sha256 = 0x006b,
  tls_dh_anon_with_aes_128_cbc_sha256 = 0x006c,
  tls_dh_anon_with_aes_256_cbc_sha256 = 0x006d,
  // RFC 4279: pre-shared keys
  tls_psk_with_rc4_128_sha = 0x008a,
  tls_psk_with_3des_ede_cbc_sha = 0x008b,
  tls_psk_with_aes_128_cbc_sha = 0x008c,
  tls_psk_with_aes_256_cbc_sha = 0x008d,
  tls_dhe_psk_with_rc4_128_sha = 0x008e,
  tls_dhe_psk_with_3des_ede_cbc_sha = 0x008f,
  tls_dhe_psk_with_aes_128_cbc_sha = 0x0090,
  tls_dhe_psk_with_aes_256_cbc_sha = 0x0091,
  tls_rsa_psk_with_rc4_128_sha = 0x0092,
  tls_rsa_psk_with_3des_ede_cbc_sha = 0x0093,
  tls_rsa_psk_with_aes_128_cbc_sha = 0x0094,
  tls_rsa_psk_with_aes_256_cbc_sha = 0x0095,
  // RFC 5288: AES-GCM
  tls_rsa_with_aes_128_gcm_sha256 = 0x009c,
  tls_rsa_with_aes_256_gcm_sha384 = 0x009d,
  tls_dhe_rsa_with_aes_128_gcm_sha256 = 0x009e,
  tls_dhe_rsa_with_aes_256_gcm_sha384 = 0x009f,
  tls_dh_rsa_with_aes_128_gcm_sha256 = 0x00a0,
  tls_dh_rsa_with_aes_256_gcm_sha384 = 0x00a1,
  tls_dhe_dss_with_aes_128_gcm_sha256 = 0x00a2,
  tls_dhe_dss_with_aes_256_gcm_sha384 = 0x00a3,
  tls_dh_dss_with_aes_128_gcm_sha256 = 0x00a4,
  tls_dh_dss_with_aes_256_gcm_sha384 = 0x00a5,
  tls_dh_anon_with_aes_128_gcm_sha256 = 0x00a6,
  tls_dh_anon_with_aes_256_gcm_sha384 = 0x00a7,
  // RFC 5487: PSK with SHA-256/384 and AES-GCM
  tls_psk_with_aes_128_gcm_sha256 = 0x00a8,
  tls_psk_with_aes_256_gcm_sha384 = 0x00a9,
  tls_dhe_psk_with_aes_128_gcm_sha256 = 0x00aa,
  tls_dhe_psk_with_aes_256_gcm_sha384 = 0x00ab,
  tls_rsa_psk_with_aes_128_gcm_sha256 = 0x00ac,
  tls_rsa_psk_with_aes_256_gcm_sha384 = 0x00ad,
  tls_psk_with_aes_128_cbc_sha256 = 0x00ae,
  tls_psk_with_aes_256_cbc_sha384 = 0x00af,
  tls_psk_with_null_sha256 = 0x00b0,
  tls_psk_with_null_sha384 = 0x00b1,
  tls_dhe_psk_with_aes_128_cbc_sha256 = 0x00b2,
  tls_dhe_psk_with_aes_256_cbc_sha384 = 0x00b3,
  tls_dhe_psk_with_null_sha256 = 0x00b4,
  tls_dhe_psk_with_null_sha384 = 0x00b5,
  tls_rsa_psk_with_aes_128_cbc_sha256 = 0x00b6,
  tls_rsa_psk_with_aes_256_cbc_sha384 = 0x00b7,
  tls_rsa_psk_with_null_sha256 = 0x00b8,
  tls_rsa_psk_with_null_sha384 = 0x00b9,
  // RFC 8998: ShangMi for TLS 1.3
  tls_sm4_gcm_sm3 = 0x00c6,
  tls_sm4_ccm_sm3 = 0x00c7,
  // RFC 5746 §3.3: signalling cipher suite value, not a suite
  tls_empty_renegotiation_info_scsv = 0x00ff,
  // RFC 8446 §B.4: TLS 1.3 (AEAD and HKDF hash only; key exchange and authentication negotiated apart)
  tls_aes_128_gcm_sha256 = 0x1301,
  tls_aes_256_gcm_sha384 = 0x1302,
  tls_chacha20_poly1305_sha256 = 0x1303,
  tls_aes_128_ccm_sha256 = 0x1304,
  tls_aes_128_ccm_8_sha256 = 0x1305,
  // draft-irtf-cfrg-aegis-aead: AEGIS for TLS 1.3
  tls_aegis_256_sha512 = 0x1306,
  tls_aegis_128l_sha256 = 0x1307,
  // RFC 7507 §2: signalling cipher suite value, not a suite
  tls_fallback_scsv = 0x5600,
  // RFC 8422 §6 (from RFC 4492): ECC
  tls_ecdh_ecdsa_with_null_sha = 0xc001,
  tls_ecdh_ecdsa_with_rc4_128_sha = 0xc002,
  tls_ecdh_ecdsa_with_3des_ede_cbc_sha = 0xc003,
  tls_ecdh_ecdsa_with_aes_128_cbc_sha = 0xc004,
  tls_ecdh_ecdsa_with_aes_256_cbc_sha = 0xc005,
  tls_ecdhe_ecdsa_with_null_sha = 0xc006,
  tls_ecdhe_ecdsa_with_rc4_128_sha = 0xc007,
  tls_ecdhe_ecdsa_with_3des_ede_cbc_sha = 0xc008,
  tls_ecdhe_ecdsa_with_aes_128_cbc_sha = 0xc009,
  tls_ecdhe_ecdsa_with_aes_256_cbc_sha = 0xc00a,
  tls_ecdh_rsa_with_null_sha = 0xc00b,
  tls_ecdh_rsa_with_rc4_128_sha = 0xc00c,
  tls_ecdh_rsa_with_3des_ede_cbc_sha = 0xc00d,
  tls_ecdh_rsa_with_aes_128_cbc_sha = 0xc00e,
  tls_ecdh_rsa_with_aes_256_cbc_sha = 0xc00f,
  tls_ecdhe_rsa_with_null_sha = 0xc010,
  tls_ecdhe_rsa_with_rc4_128_sha = 0xc011,
  tls_ecdhe_rsa_with_3des_ede_cbc_sha = 0xc012,
  tls_ecdhe_rsa_with_aes_128_cbc_sha = 0xc013,
  tls_ecdhe_rsa_with_aes_256_cbc_sha = 0xc014,
  tls_ecdh_anon_with_null_sha = 0xc015,
  tls_ecdh_anon_with_rc4_128_sha = 0xc016,
  tls_ecdh_anon_with_3des_ede_cbc_sha = 0xc017,
  tls_ecdh_anon_with_aes_128_cbc_sha = 0xc018,
  tls_ecdh_anon_with_aes_256_cbc_sha = 0xc019,
  // RFC 5289: ECC with SHA-256/384 and AES-GCM
  tls_ecdhe_ecdsa_with_aes_128_cbc_sha256 = 0xc023,
  tls_ecdhe_ecdsa_with_aes_256_cbc_sha384 = 0xc024,
  tls_ecdh_ecdsa_with_aes_128_cbc_sha256 = 0xc025,
  tls_ecdh_ecdsa_with_aes_256_cbc_sha384 = 0xc026,
  tls_ecdhe_rsa_with_aes_128_cbc_sha256 = 0xc027,
  tls_ecdhe_rsa_with_aes_256_cbc_sha384 = 0xc028,
  tls_ecdh_rsa_with_aes_128_cbc_sha256 = 0xc029,
  tls_ecdh_rsa_with_aes_256_cbc_sha384 = 0xc02a,
  tls_ecdhe_ecdsa_with_aes_128_gcm_sha256 = 0xc02b,
  tls_ecdhe_ecdsa_with_aes_256_gcm_sha384 = 0xc02c,
  tls_ecdh_ecdsa_with_aes_128_gcm_sha256 = 0xc02d,
  tls_ecdh_ecdsa_with_aes_256_gcm_sha384 = 0xc02e,
  tls_ecdhe_rsa_with_aes_128_gcm_sha256 = 0xc02f,
  tls_ecdhe_rsa_with_aes_256_gcm_sha384 = 0xc030,
  tls_ecdh_rsa_with_aes_128_gcm_sha256 = 0xc031,
  tls_ecdh_rsa_with_aes_256_gcm_sha384 = 0xc032,
  // RFC 5489: ECDHE_PSK
  tls_ecdhe_psk_with_rc4_128_sha = 0xc033,
  tls_ecdhe_psk_with_3des_ede_cbc_sha = 0xc034,
  tls_ecdhe_psk_with_aes_128_cbc_sha = 0xc035,
  tls_ecdhe_psk_with_aes_256_cbc_sha = 0xc036,
  tls_ecdhe_psk_with_aes_128_cbc_sha256 = 0xc037,
  tls_ecdhe_psk_with_aes_256_cbc_sha384 = 0xc038,
  tls_ecdhe_psk_with_null_sha = 0xc039,
  tls_ecdhe_psk_with_null_sha256 = 0xc03a,
  tls_ecdhe_psk_with_null_sha384 = 0xc03b,
  // RFC 6655: AES-CCM
  tls_rsa_with_aes_128_ccm = 0xc09c,
  tls_rsa_with_aes_256_ccm = 0xc09d,
  tls_dhe_rsa_with_aes_128_ccm = 0xc09e,
  tls_dhe_rsa_with_aes_256_ccm = 0xc09f,
  tls_rsa_with_aes_128_ccm_8 = 0xc0a0,
  tls_rsa_with_aes_256_ccm_8 = 0xc0a1,
  tls_dhe_rsa_with_aes_128_ccm_8 = 0xc0a2,
  tls_dhe_rsa_with_aes_256_ccm_8 = 0xc0a3,
  tls_psk_with_aes_128_ccm = 0xc0a4,
  tls_psk_with_aes_256_ccm = 0xc0a5,
  tls_dhe_psk_with_aes_128_ccm = 0xc0a6,
  tls_dhe_psk_with_aes_256_ccm = 0xc0a7,
  tls_psk_with_aes_128_ccm_8 = 0xc0a8,
  tls_psk_with_aes_256_ccm_8 = 0xc0a9,
  tls_psk_dhe_with_aes_128_ccm_8 = 0xc0aa,
  tls_psk_dhe_with_aes_256_ccm_8 = 0xc0ab,
  // RFC 7251: AES-CCM with ECC
  tls_ecdhe_ecdsa_with_aes_128_ccm = 0xc0ac,
  tls_ecdhe_ecdsa_with_aes_256_ccm = 0xc0ad,
  tls_ecdhe_ecdsa_with_aes_128_ccm_8 = 0xc0ae,
  tls_ecdhe_ecdsa_with_aes_256_ccm_8 = 0xc0af,
  // RFC 9150: TLS 1.3 integrity-only (HMAC, no encryption)
  tls_sha256_sha256 = 0xc0b4,
  tls_sha384_sha384 = 0xc0b5,
  // RFC 7905: ChaCha20-Poly1305
  tls_ecdhe_rsa_with_chacha20_poly1305_sha256 = 0xcca8,
  tls_ecdhe_ecdsa_with_chacha20_poly1305_sha256 = 0xcca9,
  tls_dhe_rsa_with_chacha20_poly1305_sha256 = 0xccaa,
  tls_psk_with_chacha20_poly1305_sha256 = 0xccab,
  tls_ecdhe_psk_with_chacha20_poly1305_sha256 = 0xccac,
  tls_dhe_psk_with_chacha20_poly1305_sha256 = 0xccad,
  tls_rsa_psk_with_chacha20_poly1305_sha256 = 0xccae,
  // RFC 8442: ECDHE_PSK with AES-GCM and AES-CCM
  tls_ecdhe_psk_with_aes_128_gcm_sha256 = 0xd001,
  tls_ecdhe_psk_with_aes_256_gcm_sha384 = 0xd002,
  tls_ecdhe_psk_with_aes_128_ccm_8_sha256 = 0xd003,
  tls_ecdhe_psk_with_aes_128_ccm_sha256 = 0xd005,
};

// IANA names, sorted by value: the one source for to_string and is_known.
inline constexpr auto cipher_suite_names = std::to_array<named<cipher_suite>>({
    {cipher_suite::tls_null_with_null_null, "TLS_NULL_WITH_NULL_NULL"},
    {cipher_suite::tls_rsa_with_null_md5, "TLS_RSA_WITH_NULL_MD5"},
    {cipher_suite::tls_rsa_with_null_sha, "TLS_RSA_WITH_NULL_SHA"},
    {cipher_suite::tls_rsa_export_with_rc4_40_md5, "TLS_RSA_EXPORT_WITH_RC4_40_MD5"},
    {cipher_suite::tls_rsa_with_rc4_128_md5, "TLS_RSA_WITH_RC4_128_MD5"},
    {cipher_suite::tls_rsa_with_rc4_128_sha, "TLS_RSA_WITH_RC4_128_SHA"},
    {cipher_suite::tls_rsa_export_with_rc2_cbc_40_md5, "TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5"},
    {cipher_suite::tls_rsa_with_idea_cbc_sha, "TLS_RSA_WITH_IDEA_CBC_SHA"},
    {cipher_suite::tls_rsa_export_with_des40_cbc_sha, "TLS_RSA_EXPORT_WITH_DES40_CBC_SHA"},
    {cipher_suite::tls_rsa_with_des_cbc_sha, "TLS_RSA_WITH_DES_CBC_SHA"},
    {cipher_suite::tls_rsa_with_3des_ede_cbc_sha, "TLS_RSA_WITH_3DES_EDE_CBC_SHA"},
    {cipher_suite::tls_dh_dss_export_with_des40_cbc_sha, "TLS_DH_DSS_EXPORT_WITH_DES40_CBC_SHA"},
    {cipher_suite::tls_dh_dss_with_des_cbc_sha, "TLS_DH_DSS_WITH_DES_CBC_SHA"},
    {cipher_suite::tls_dh_dss_with_3des_ede_cbc_sha, "TLS_DH_DSS_WITH_3DES_EDE_CBC_SHA"},
    {cipher_suite::tls_dh_rsa_export_with_des40_cbc_sha, "TLS_DH_RSA_EXPORT_WITH_DES40_CBC_SHA"},
    {cipher_suite::tls_dh_rsa_with_des_cbc_sha, "TLS_DH_RSA_WITH_DES_CBC_SHA"},
    {cipher_suite::tls_dh_rsa_with_3des_ede_cbc_sha, "TLS_DH_RSA_WITH_3DES_EDE_CBC_SHA"},
    {cipher_suite::tls_dhe_dss_export_with_des40_cbc_sha, "TLS_DHE_DSS_EXPORT_WITH_DES40_CBC_SHA"},
    {cipher_suite::tls_dhe_dss_with_des_cbc_sha, "TLS_DHE_DSS_WITH_DES_CBC_SHA"},
    {cipher_suite::tls_dhe_dss_with_3des_ede_cbc_sha, "TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA"},
    {cipher_suite::tls_dhe_rsa_export_with_des40_cbc_sha, "TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA"},
    {cipher_suite::tls_dhe_rsa_with_des_cbc_sha, "TLS_DHE_RSA_WITH_DES_CBC_SHA"},
    {cipher_suite::tls_dhe_rsa_with_3des_ede_cbc_sha, "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA"},
    {cipher_suite::tls_dh_anon_export_with_rc4_40_md5, "TLS_DH_anon_EXPORT_WITH_RC4_40_MD5"},
    {cipher_suite::tls_dh_anon_with_rc4_128_md5, "TLS_DH_anon_WITH_RC4_128_MD5"},
    {cipher_suite::tls_dh_anon_export_with_des40_cbc_sha, "TLS_DH_anon_EXPORT_WITH_DES40_CBC_SHA"},
    {cipher_suite::tls_dh_anon_with_des_cbc_sha, "TLS_DH_anon_WITH_DES_CBC_SHA"},
    {cipher_suite::tls_dh_anon_with_3des_ede_cbc_sha, "TLS_DH_anon_WITH_3DES_EDE_CBC_SHA"},
    {cipher_suite::tls_psk_with_null_sha, "TLS_PSK_WITH_NULL_SHA"},
    {cipher_suite::tls_dhe_psk_with_null_sha, "TLS_DHE_PSK_WITH_NULL_SHA"},
    {cipher_suite::tls_rsa_psk_with_null_sha, "TLS_RSA_PSK_WITH_NULL_SHA"},
    {cipher_suite::tls_rsa_with_aes_128_cbc_sha, "TLS_RSA_WITH_AES_128_CBC_SHA"},
    {cipher_suite::tls_dh_dss_with_aes_128_cbc_sha, "TLS_DH_DSS_WITH_AES_128_CBC_SHA"},
    {cipher_suite::tls_dh_rsa_with_aes_128_cbc_sha, "TLS_DH_RSA_WITH_AES_128_CBC_SHA"},
    {cipher_suite::tls_dhe_dss_with_aes_128_cbc_sha, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA"},
    {cipher_suite::tls_dhe_rsa_with_aes_128_cbc_sha, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA"},
    {cipher_suite::tls_dh_anon_with_aes_128_cbc_sha, "TLS_DH_anon_WITH_AES_128_CBC_SHA"},
    {cipher_suite::tls_rsa_with_aes_256_cbc_sha, "TLS_RSA_WITH_AES_256_CBC_SHA"},
    {cipher_suite::tls_dh_dss_with_aes_256_cbc_sha, "TLS_DH_DSS_WITH_AES_256_CBC_SHA"},
    {cipher_suite::tls_dh_rsa_with_aes_256_cbc_sha, "TLS_DH_RSA_WITH_AES_256_CBC_SHA"},
    {cipher_suite::tls_dhe_dss_with_aes_256_cbc_sha, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA"},
    {cipher_suite::tls_dhe_rsa_with_aes_256_cbc_sha, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA"},
    {cipher_suite::tls_dh_anon_with_aes_256_cbc_sha, "TLS_DH_anon_WITH_AES_256_CBC_SHA"},
    {cipher_suite::tls_rsa_with_null_sha256, "TLS_RSA_WITH_NULL_SHA256"},
    {cipher_suite::tls_rsa_with_aes_128_cbc_sha256, "TLS_RSA_WITH_AES_128_CBC_SHA256"},
    {cipher_suite::tls_rsa_with_aes_256_cbc_sha256, "TLS_RSA_WITH_AES_256_CBC_SHA256"},
    {cipher_suite::tls_dh_dss_with_aes_128_cbc_sha256, "TLS_DH_DSS_WITH_AES_128_CBC_SHA256"},
    {cipher_suite::tls_dh_rsa_with_aes_128_cbc_sha256, "TLS_DH_RSA_WITH_AES_128_CBC_SHA256"},
    {cipher_suite::tls_dhe_dss_with_aes_128_cbc_sha256, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA256"},
    {cipher_suite::tls_dhe_rsa_with_aes_128_cbc_sha256, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256"},
    {cipher_suite::tls_dh_dss_with_aes_256_cbc_sha256, "TLS_DH_DSS_WITH_AES_256_CBC_SHA256"},
    {cipher_suite::tls_dh_rsa_with_aes_256_cbc_sha256, "TLS_DH_RSA_WITH_AES_256_CBC_SHA256"},
    {cipher_suite::tls_dhe_dss_with_aes_256_cbc_sha256, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA256"},
    {cipher_suite::tls_dhe_rsa_with_aes_256_cbc_sha256, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256"},
    {cipher_suite::tls_dh_anon_with_aes_128_cbc_sha256, "TLS_DH_anon_WITH_AES_128_CBC_SHA256"},
    {cipher_suite::tls_dh_anon_with_aes_256_cbc_sha256, "TLS_DH_anon_WITH_AES_256_CBC_SHA256"},
    {cipher_suite::tls_psk_with_rc4_128_sha, "TLS_PSK_WITH_RC4_128_SHA"},
    {cipher_suite::tls_psk_with_3des_ede_cbc_sha, "TLS_PSK_WITH_3DES_EDE_CBC_SHA"},
    {cipher_suite::tls_psk_with_aes_128_cbc_sha, "TLS_PSK_WITH_AES_128_CBC_SHA"},
    {cipher_suite::tls_psk_with_aes_256_cbc_sha, "TLS_PSK_WITH_AES_256_CBC_SHA"},
    {cipher_suite::tls_dhe_psk_with_rc4_128_sha, "TLS_DHE_PSK_WITH_RC4_128_SHA"},
    {cipher_suite::tls_dhe_psk_with_3des_ede_cbc_sha, "TLS_DHE_PSK_WITH_3DES_EDE_CBC_SHA"},
    {cipher_suite::tls_dhe_psk_with_aes_128_cbc_sha, "TLS_DHE_PSK_WITH_AES_128_CBC_SHA"},
    {cipher_suite::tls_dhe_psk_with_aes_256_cbc_sha, "TLS_DHE_PSK_WITH_AES_256_CBC_SHA"},
    {cipher_suite::tls_rsa_psk_with_rc4_128_sha, "TLS_RSA_PSK_WITH_RC4_128_SHA"},
    {cipher_suite::tls_rsa_psk_with_3des_ede_cbc_sha, "TLS_RSA_PSK_WITH_3DES_EDE_CBC_SHA"},
    {cipher_suite::tls_rsa_psk_with_aes_128_cbc_sha, "TLS_RSA_PSK_WITH_AES_128_CBC_SHA"},
    {cipher_suite::tls_rsa_psk_with_aes_256_cbc_sha, "TLS_RSA_PSK_WITH_AES_256_CBC_SHA"},
    {cipher_suite::tls_rsa_with_aes_128_gcm_sha256, "TLS_RSA_WITH_AES_128_GCM_SHA256"},
    {cipher_suite::tls_rsa_with_aes_256_gcm_sha384, "TLS_RSA_WITH_AES_256_GCM_SHA384"},
    {cipher_suite::tls_dhe_rsa_with_aes_128_gcm_sha256, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"},
    {cipher_suite::tls_dhe_rsa_with_aes_256_gcm_sha384, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384"},
    {cipher_suite::tls_dh_rsa_with_aes_128_gcm_sha256, "TLS_DH_RSA_WITH_AES_128_GCM_SHA256"},
    {cipher_suite::tls_dh_rsa_with_aes_256_gcm_sha384, "TLS_DH_RSA_WITH_AES_256_GCM_SHA384"},
    {cipher_suite::tls_dhe_dss_with_aes_128_gcm_sha256, "TLS_DHE_DSS_WITH_AES_128_GCM_SHA256"},
    {cipher_suite::tls_dhe_dss_with_aes_256_gcm_sha384, "TLS_DHE_DSS_WITH_AES_256_GCM_SHA384"},
    {cipher_suite::tls_dh_dss_with_aes_128_gcm_sha256, "TLS_DH_DSS_WITH_AES_128_GCM_SHA256"},
    {cipher_suite::tls_dh_dss_with_aes_256_gcm_sha384, "TLS_DH_DSS_WITH_AES_256_GCM_SHA384"},
    {cipher_suite::tls_dh_anon_with_aes_128_gcm_sha256, "TLS_DH_anon_WITH_AES_128_GCM_SHA256"},
    {cipher_suite::tls_dh_anon_with_aes_256_gcm_sha384, "TLS_DH_anon_WITH_AES_256_GCM_SHA384"},
    {cipher_suite::tls_psk_with_aes_128_gcm_sha256, "TLS_PSK_WITH_AES_128_GCM_SHA256"},
    {cipher_suite::tls_psk_with_aes_256_gcm_sha384, "TLS_PSK_WITH_AES_256_GCM_SHA384"},
    {cipher_suite::tls_dhe_psk_with_aes_128_gcm_sha256, "TLS_DHE_PSK_WITH_AES_128_GCM_SHA256"},
    {cipher_suite::tls_dhe_psk_with_aes_256_gcm_sha384, "TLS_DHE_PSK_WITH_AES_256_GCM_SHA384"},
    {cipher_suite::tls_rsa_psk_with_aes_128_gcm_sha256, "TLS_RSA_PSK_WITH_AES_128_GCM_SHA256"},
    {cipher_suite::tls_rsa_psk_with_aes_256_gcm_sha384, "TLS_RSA_PSK_WITH_AES_256_GCM_SHA384"},
    {cipher_suite::tls_psk_with_aes_128_cbc_sha256, "TLS_PSK_WITH_AES_128_CBC_SHA256"},
    {cipher_suite::tls_psk_with_aes_256_cbc_sha384, "TLS_PSK_WITH_AES_256_CBC_SHA384"},
    {cipher_suite::tls_psk_with_null_sha256, "TLS_PSK_WITH_NULL_SHA256"},
    {cipher_suite::tls_psk_with_null_sha384, "TLS_PSK_WITH_NULL_SHA384"},
    {cipher_suite::tls_dhe_psk_with_aes_128_cbc_sha256, "TLS_DHE_PSK_WITH_AES_128_CBC_SHA256"},
    {cipher_suite::tls_dhe_psk_with_aes_256_cbc_sha384, "TLS_DHE_PSK_WITH_AES_256_CBC_SHA384"},
    {cipher_suite::tls_dhe_psk_with_null_sha256, "TLS_DHE_PSK_WITH_NULL_SHA256"},
    {cipher_suite::tls_dhe_psk_with_null_sha384, "TLS_DHE_PSK_WITH_NULL_SHA384"},
    {cipher_suite::tls_rsa_psk_with_aes_128_cbc_sha256, "TLS_RSA_PSK_WITH_AES_128_CBC_SHA256"},
    {cipher_suite::tls_rsa_psk_with_aes_256_cbc_sha384, "TLS_RSA_PSK_WITH_AES_256_CBC_SHA384"},
    {cipher_suite::tls_rsa_psk_with_null_sha256, "TLS_RSA_PSK_WITH_NULL_SHA256"},
    {cipher_suite::tls_rsa_psk_with_null_sha384, "TLS_RSA_PSK_WITH_NULL_SHA384"},
    {cipher_suite::tls_sm4_gcm_sm3, "TLS_SM4_GCM_SM3"},
    {cipher_suite::tls_sm4_ccm_sm3, "TLS_SM4_CCM_SM3"},
    {cipher_suite::tls_empty_renegotiation_info_scsv, "TLS_EMPTY_RENEGOTIATION_INFO_SCSV"},
    {cipher_suite::tls_aes_128_gcm_sha256, "TLS_AES_128_GCM_SHA256"},
    {cipher_suite::tls_aes_256_gcm_sha384, "TLS_AES_256_GCM_SHA384"},
    {cipher_suite::tls_chacha20_poly1305_sha256, "TLS_CHACHA20_POLY1305_SHA256"},
    {cipher_suite::tls_aes_128_ccm_sha256, "TLS_AES_128_CCM_SHA256"},
    {cipher_suite::tls_aes_128_ccm_8_sha256, "TLS_AES_128_CCM_8_SHA256"},
    {cipher_suite::tls_aegis_256_sha512, "TLS_AEGIS_256_SHA512"},
    {cipher_suite::tls_aegis_128l_sha256, "TLS_AEGIS_128L_SHA256"},
    {cipher_suite::tls_fallback_scsv, "TLS_FALLBACK_SCSV"},
    {cipher_suite::tls_ecdh_ecdsa_with_null_sha, "TLS_ECDH_ECDSA_WITH_NULL_SHA"},
    {cipher_suite::tls_ecdh_ecdsa_with_rc4_128_sha, "TLS_ECDH_ECDSA_WITH_RC4_128_SHA"},
    {cipher_suite::tls_ecdh_ecdsa_with_3des_ede_cbc_sha, "TLS_ECDH_ECDSA_WITH_3DES_EDE_CBC_SHA"},
    {cipher_suite::tls_ecdh_ecdsa_with_aes_128_cbc_sha, "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA"},
    {cipher_suite::tls_ecdh_ecdsa_with_aes_256_cbc_sha, "TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA"},
    {cipher_suite::tls_ecdhe_ecdsa_with_null_sha, "TLS_ECDHE_ECDSA_WITH_NULL_SHA"},
    {cipher_suite::tls_ecdhe_ecdsa_with_rc4_128_sha, "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA"},
    {cipher_suite::tls_ecdhe_ecdsa_with_3des_ede_cbc_sha, "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA"},
    {cipher_suite::tls_ecdhe_ecdsa_with_aes_128_cbc_sha, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"},
    {cipher_suite::tls_ecdhe_ecdsa_with_aes_256_cbc_sha, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"},
    {cipher_suite::tls_ecdh_rsa_with_null_sha, "TLS_ECDH_RSA_WITH_NULL_SHA"},
    {cipher_suite::tls_ecdh_rsa_with_rc4_128_sha, "TLS_ECDH_RSA_WITH_RC4_128_SHA"},
    {cipher_suite::tls_ecdh_rsa_with_3des_ede_cbc_sha, "TLS_ECDH_RSA_WITH_3DES_EDE_CBC_SHA"},
    {cipher_suite::tls_ecdh_rsa_with_aes_128_cbc_sha, "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA"},
    {cipher_suite::tls_ecdh_rsa_with_aes_256_cbc_sha, "TLS_ECDH_RSA_WITH_AES_256_CBC_SHA"},
    {cipher_suite::tls_ecdhe_rsa_with_null_sha, "TLS_ECDHE_RSA_WITH_NULL_SHA"},
    {cipher_suite::tls_ecdhe_rsa_with_rc4_128_sha, "TLS_ECDHE_RSA_WITH_RC4_128_SHA"},
    {cipher_suite::tls_ecdhe_rsa_with_3des_ede_cbc_sha, "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA"},
    {cipher_suite::tls_ecdhe_rsa_with_aes_128_cbc_sha, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"},
    {cipher_suite::tls_ecdhe_rsa_with_aes_256_cbc_sha, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"},
    {cipher_suite::tls_ecdh_anon_with_null_sha, "TLS_ECDH_anon_WITH_NULL_SHA"},
    {cipher_suite::tls_ecdh_anon_with_rc4_128_sha, "TLS_ECDH_anon_WITH_RC4_128_SHA"},
    {cipher_suite::tls_ecdh_anon_with_3des_ede_cbc_sha, "TLS_ECDH_anon_WITH_3DES_EDE_CBC_SHA"},
    {cipher_suite::tls_ecdh_anon_with_aes_128_cbc_sha, "TLS_ECDH_anon_WITH_AES_128_CBC_SHA"},
    {cipher_suite::tls_ecdh_anon_with_aes_256_cbc_sha, "TLS_ECDH_anon_WITH_AES_256_CBC_SHA"},
    {cipher_suite::tls_ecdhe_ecdsa_with_aes_128_cbc_sha256, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"},
    {cipher_suite::tls_ecdhe_ecdsa_with_aes_256_cbc_sha384, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"},
    {cipher_suite::tls_ecdh_ecdsa_with_aes_128_cbc_sha256, "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA256"},
    {cipher_suite::tls_ecdh_ecdsa_with_aes_256_cbc_sha384, "TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA384"},
    {cipher_suite::tls_ecdhe_rsa_with_aes_128_cbc_sha256, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"},
    {cipher_suite::tls_ecdhe_rsa_with_aes_256_cbc_sha384, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384"},
    {cipher_suite::tls_ecdh_rsa_with_aes_128_cbc_sha256, "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA256"},
    {cipher_suite::tls_ecdh_rsa_with_aes_256_cbc_sha384, "TLS_ECDH_RSA_WITH_AES_256_CBC_SHA384"},
    {cipher_suite::tls_ecdhe_ecdsa_with_aes_128_gcm_sha256, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"},
    {cipher_suite::tls_ecdhe_ecdsa_with_aes_256_gcm_sha384, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"},
    {cipher_suite::tls_ecdh_ecdsa_with_aes_128_gcm_sha256, "TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256"},
    {cipher_suite::tls_ecdh_ecdsa_with_aes_256_gcm_sha384, "TLS_ECDH_ECDSA_WITH_AES_256_GCM_SHA384"},
    {cipher_suite::tls_ecdhe_rsa_with_aes_128_gcm_sha256, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"},
    {cipher_suite::tls_ecdhe_rsa_with_aes_256_gcm_sha384, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"},
    {cipher_suite::tls_ecdh_rsa_with_aes_128_gcm_sha256, "TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256"},
    {cipher_suite::tls_ecdh_rsa_with_aes_256_gcm_sha384, "TLS_ECDH_RSA_WITH_AES_256_GCM_SHA384"},
    {cipher_suite::tls_ecdhe_psk_with_rc4_128_sha, "TLS_ECDHE_PSK_WITH_RC4_128_SHA"},
    {cipher_suite::tls_ecdhe_psk_with_3des_ede_cbc_sha, "TLS_ECDHE_PSK_WITH_3DES_EDE_CBC_SHA"},
    {cipher_suite::tls_ecdhe_psk_with_aes_128_cbc_sha, "TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA"},
    {cipher_suite::tls_ecdhe_psk_with_aes_256_cbc_sha, "TLS_ECDHE_PSK_WITH_AES_256_CBC_SHA"},
    {cipher_suite::tls_ecdhe_psk_with_aes_128_cbc_sha256, "TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA256"},
    {cipher_suite::tls_ecdhe_psk_with_aes_256_cbc_sha384, "TLS_ECDHE_PSK_WITH_AES_256_CBC_SHA384"},
    {cipher_suite::tls_ecdhe_psk_with_null_sha, "TLS_ECDHE_PSK_WITH_NULL_SHA"},
    {cipher_suite::tls_ecdhe_psk_with_null_sha256, "TLS_ECDHE_PSK_WITH_NULL_SHA256"},
    {cipher_suite::tls_ecdhe_psk_with_null_sha384, "TLS_ECDHE_PSK_WITH_NULL_SHA384"},
    {cipher_suite::tls_rsa_with_aes_128_ccm, "TLS_RSA_WITH_AES_128_CCM"},
    {cipher_suite::tls_rsa_with_aes_256_ccm, "TLS_RSA_WITH_AES_256_CCM"},
    {cipher_suite::tls_dhe_rsa_with_aes_128_ccm, "TLS_DHE_RSA_WITH_AES_128_CCM"},
    {cipher_suite::tls_dhe_rsa_with_aes_256_ccm, "TLS_DHE_RSA_WITH_AES_256_CCM"},
    {cipher_suite::tls_rsa_with_aes_128_ccm_8, "TLS_RSA_WITH_AES_128_CCM_8"},
    {cipher_suite::tls_rsa_with_aes_256_ccm_8, "TLS_RSA_WITH_AES_256_CCM_8"},
    {cipher_suite::tls_dhe_rsa_with_aes_128_ccm_8, "TLS_DHE_RSA_WITH_AES_128_CCM_8"},
    {cipher_suite::tls_dhe_rsa_with_aes_256_ccm_8, "TLS_DHE_RSA_WITH_AES_256_CCM_8"},
    {cipher_suite::tls_psk_with_aes_128_ccm, "TLS_PSK_WITH_AES_128_CCM"},
    {cipher_suite::tls_psk_with_aes_256_ccm, "TLS_PSK_WITH_AES_256_CCM"},
    {cipher_suite::tls_dhe_psk_with_aes_128_ccm, "TLS_DHE_PSK_WITH_AES_128_CCM"},
    {cipher_suite::tls_dhe_psk_with_aes_256_ccm, "TLS_DHE_PSK_WITH_AES_256_CCM"},
    {cipher_suite::tls_psk_with_aes_128_ccm_8, "TLS_PSK_WITH_AES_128_CCM_8"},
    {cipher_suite::tls_psk_with_aes_256_ccm_8, "TLS_PSK_WITH_AES_256_CCM_8"},
    {cipher_suite::tls_psk_dhe_with_aes_128_ccm_8, "TLS_PSK_DHE_WITH_AES_128_CCM_8"},
    {cipher_suite::tls_psk_dhe_with_aes_256_ccm_8, "TLS_PSK_DHE_WITH_AES_256_CCM_8"},
    {cipher_suite::tls_ecdhe_ecdsa_with_aes_128_ccm, "TLS_ECDHE_ECDSA_WITH_AES_128_CCM"},
    {cipher_suite::tls_ecdhe_ecdsa_with_aes_256_ccm, "TLS_ECDHE_ECDSA_WITH_AES_256_CCM"},
    {cipher_suite::tls_ecdhe_ecdsa_with_aes_128_ccm_8, "TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8"},
    {cipher_suite::tls_ecdhe_ecdsa_with_aes_256_ccm_8, "TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8"},
    {cipher_suite::tls_sha256_sha256, "TLS_SHA256_SHA256"},
    {cipher_suite::tls_sha384_sha384, "TLS_SHA384_SHA384"},
    {cipher_suite::tls_ecdhe_rsa_with_chacha20_poly1305_sha256, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"},
    {cipher_suite::tls_ecdhe_ecdsa_with_chacha20_poly1305_sha256, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"},
    {cipher_suite::tls_dhe_rsa_with_chacha20_poly1305_sha256, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256"},
    {cipher_suite::tls_psk_with_chacha20_poly1305_sha256, "TLS_PSK_WITH_CHACHA20_POLY1305_SHA256"},
    {cipher_suite::tls_ecdhe_psk_with_chacha20_poly1305_sha256, "TLS_ECDHE_PSK_WITH_CHACHA20_POLY1305_SHA256"},
    {cipher_suite::tls_dhe_psk_with_chacha20_poly1305_sha256, "TLS_DHE_PSK_WITH_CHACHA20_POLY1305_SHA256"},
    {cipher_suite::tls_rsa_psk_with_chacha20_poly1305_sha256, "TLS_RSA_PSK_WITH_CHACHA20_POLY1305_SHA256"},
    {cipher_suite::tls_ecdhe_psk_with_aes_128_gcm_sha256, "TLS_ECDHE_PSK_WITH_AES_128_GCM_SHA256"},
    {cipher_suite::tls_ecdhe_psk_with_aes_256_gcm_sha384, "TLS_ECDHE_PSK_WITH_AES_256_GCM_SHA384"},
    {cipher_suite::tls_ecdhe_psk_with_aes_128_ccm_8_sha256, "TLS_ECDHE_PSK_WITH_AES_128_CCM_8_SHA256"},
    {cipher_suite::tls_ecdhe_psk_with_aes_128_ccm_sha256, "TLS_ECDHE_PSK_WITH_AES_128_CCM_SHA256"},
});
static_assert(is_valid_name_table(cipher_suite_names));

// The IANA name, or "" for a value this table does not list.
constexpr std::string_view to_string(cipher_suite value) noexcept {
  return lookup_name(cipher_suite_names, value);
}
constexpr bool is_known(cipher_suite value) noexcept {
  return table_contains(cipher_suite_names, value);
}

// RFC 5746 §3.3 / RFC 7507 §2: values a client lists to signal something; a
// server never selects them.
constexpr bool is_signalling_suite(cipher_suite value) noexcept {
  return value == cipher_suite::tls_empty_renegotiation_info_scsv ||
         value == cipher_suite::tls_fallback_scsv;
}

// ---------------------------------------------------------------------------
// What a suite means.

// How the premaster secret is agreed (RFC 5246 §7.4.3, RFC 4279, RFC 5489,
// RFC 8422). DH_anon / ECDH_anon are ephemeral exchanges without a signature,
// so they are dhe / ecdhe with authentication anon. dh / ecdh are the static
// forms (the key is in the server certificate, no ServerKeyExchange).
enum class key_exchange_algorithm : std::uint8_t {
  null,       // TLS_NULL_WITH_NULL_NULL: the initial state, never negotiated
  rsa,        // RSA key transport
  dh,         // static DH from the certificate
  dhe,        // ephemeral finite-field DH
  ecdh,       // static ECDH from the certificate
  ecdhe,      // ephemeral ECDH
  psk,        // RFC 4279 §2
  dhe_psk,    // RFC 4279 §3
  rsa_psk,    // RFC 4279 §4
  ecdhe_psk,  // RFC 5489
  tls13_any,  // RFC 8446: negotiated by key_share / pre_shared_key, not by the suite
};

// Who proves what: the signature (or certificate) that authenticates the
// server in TLS 1.2. rsa_psk authenticates the server by its RSA certificate.
enum class authentication_algorithm : std::uint8_t {
  null,       // TLS_NULL_WITH_NULL_NULL
  anon,       // no authentication (DH_anon, ECDH_anon)
  rsa,
  dss,
  ecdsa,
  psk,        // the pre-shared key itself
  tls13_any,  // RFC 8446: signature_algorithms / PSK, not the suite
};

// The record cipher (RFC 5246 §6.2.3; RFC 8446 §5.2 for 1.3 AEADs).
enum class bulk_cipher_algorithm : std::uint8_t {
  null,  // no encryption (RFC 9150 integrity-only suites too)
  rc4_128,
  des_cbc,
  des_ede3_cbc,
  idea_cbc,
  aes_128_cbc,
  aes_256_cbc,
  aes_128_gcm,        // RFC 5288 / RFC 8446
  aes_256_gcm,        // RFC 5288 / RFC 8446
  aes_128_ccm,        // RFC 6655 / RFC 8446
  aes_256_ccm,        // RFC 6655
  aes_128_ccm_8,      // RFC 6655 / RFC 8446: 8-byte tag
  aes_256_ccm_8,      // RFC 6655: 8-byte tag
  chacha20_poly1305,  // RFC 7905 / RFC 8446
};

// The record MAC (RFC 5246 §6.2.3.1). aead: the AEAD authenticates records.
// RFC 9150's TLS 1.3 integrity-only suites name their HMAC here.
enum class mac_algorithm : std::uint8_t {
  null,  // TLS_NULL_WITH_NULL_NULL
  aead,
  hmac_md5,
  hmac_sha1,
  hmac_sha256,
  hmac_sha384,
};

// RFC 5246 §6.2.3: how a record is protected, which decides its layout.
enum class cipher_type : std::uint8_t { stream, block, aead };

// Names for printing, spelled as the fragments of IANA suite names. Not IANA
// registries themselves; same one-table pattern.
inline constexpr auto key_exchange_algorithm_names = std::to_array<named<key_exchange_algorithm>>({
    {key_exchange_algorithm::null, "NULL"},
    {key_exchange_algorithm::rsa, "RSA"},
    {key_exchange_algorithm::dh, "DH"},
    {key_exchange_algorithm::dhe, "DHE"},
    {key_exchange_algorithm::ecdh, "ECDH"},
    {key_exchange_algorithm::ecdhe, "ECDHE"},
    {key_exchange_algorithm::psk, "PSK"},
    {key_exchange_algorithm::dhe_psk, "DHE_PSK"},
    {key_exchange_algorithm::rsa_psk, "RSA_PSK"},
    {key_exchange_algorithm::ecdhe_psk, "ECDHE_PSK"},
    {key_exchange_algorithm::tls13_any, "any (TLS 1.3)"},
});
static_assert(is_valid_name_table(key_exchange_algorithm_names));

inline constexpr auto authentication_algorithm_names = std::to_array<named<authentication_algorithm>>({
    {authentication_algorithm::null, "NULL"},
    {authentication_algorithm::anon, "anon"},
    {authentication_algorithm::rsa, "RSA"},
    {authentication_algorithm::dss, "DSS"},
    {authentication_algorithm::ecdsa, "ECDSA"},
    {authentication_algorithm::psk, "PSK"},
    {authentication_algorithm::tls13_any, "any (TLS 1.3)"},
});
static_assert(is_valid_name_table(authentication_algorithm_names));

inline constexpr auto bulk_cipher_algorithm_names = std::to_array<named<bulk_cipher_algorithm>>({
    {bulk_cipher_algorithm::null, "NULL"},
    {bulk_cipher_algorithm::rc4_128, "RC4_128"},
    {bulk_cipher_algorithm::des_cbc, "DES_CBC"},
    {bulk_cipher_algorithm::des_ede3_cbc, "3DES_EDE_CBC"},
    {bulk_cipher_algorithm::idea_cbc, "IDEA_CBC"},
    {bulk_cipher_algorithm::aes_128_cbc, "AES_128_CBC"},
    {bulk_cipher_algorithm::aes_256_cbc, "AES_256_CBC"},
    {bulk_cipher_algorithm::aes_128_gcm, "AES_128_GCM"},
    {bulk_cipher_algorithm::aes_256_gcm, "AES_256_GCM"},
    {bulk_cipher_algorithm::aes_128_ccm, "AES_128_CCM"},
    {bulk_cipher_algorithm::aes_256_ccm, "AES_256_CCM"},
    {bulk_cipher_algorithm::aes_128_ccm_8, "AES_128_CCM_8"},
    {bulk_cipher_algorithm::aes_256_ccm_8, "AES_256_CCM_8"},
    {bulk_cipher_algorithm::chacha20_poly1305, "CHACHA20_POLY1305"},
});
static_assert(is_valid_name_table(bulk_cipher_algorithm_names));

inline constexpr auto mac_algorithm_names = std::to_array<named<mac_algorithm>>({
    {mac_algorithm::null, "NULL"},
    {mac_algorithm::aead, "AEAD"},
    {mac_algorithm::hmac_md5, "HMAC-MD5"},
    {mac_algorithm::hmac_sha1, "HMAC-SHA1"},
    {mac_algorithm::hmac_sha256, "HMAC-SHA256"},
    {mac_algorithm::hmac_sha384, "HMAC-SHA384"},
});
static_assert(is_valid_name_table(mac_algorithm_names));

constexpr std::string_view to_string(key_exchange_algorithm value) noexcept {
  return lookup_name(key_exchange_algorithm_names, value);
}
constexpr std::string_view to_string(authentication_algorithm value) noexcept {
  return lookup_name(authentication_algorithm_names, value);
}
constexpr std::string_view to_string(bulk_cipher_algorithm value) noexcept {
  return lookup_name(bulk_cipher_algorithm_names, value);
}
constexpr std::string_view to_string(mac_algorithm value) noexcept {
  return lookup_name(mac_algorithm_names, value);
}

// Everything the record layer and key schedule need about a suite. Lengths are
// in bytes. For TLS 1.2 they are RFC 5246 §6.3's SecurityParameters (App. C);
// for TLS 1.3, fixed_iv_length is RFC 8446 §5.3's iv_length and record_iv is 0.
struct cipher_suite_info {
  cipher_suite suite;
  key_exchange_algorithm key_exchange;
  authentication_algorithm authentication;
  bulk_cipher_algorithm cipher;
  mac_algorithm mac;
  hash_algorithm prf_hash;        // 1.2 PRF / 1.3 HKDF and transcript hash
  cipher_type type;
  std::uint8_t key_length;        // enc_key_length; 1.3: key_length
  std::uint8_t fixed_iv_length;   // from the key block / traffic secret: GCM, CCM salt 4, ChaCha 12
  std::uint8_t record_iv_length;  // sent in each record: GCM/CCM explicit nonce 8, CBC IV
  std::uint8_t block_length;      // CBC block size (a TLS 1.0 key block IV has this length), else 0
  std::uint8_t tag_length;        // AEAD tag appended to each record, else 0
  std::uint8_t mac_length;        // 1.2 HMAC output = mac_key_length; 0 for AEAD and 1.3
  bool tls13;                     // a TLS 1.3 suite (usable only in 1.3)

  // IV bytes per side taken from the key block. RFC 2246 §6.3: SSL 3.0 and
  // TLS 1.0 CBC take their IVs from the key block; TLS 1.1+ send one in each
  // record instead (RFC 4346 §6.2.3.2), so only AEAD salts remain.
  constexpr std::uint8_t key_block_iv_length(protocol_version version) const noexcept {
    const bool implicit_cbc_iv = type == cipher_type::block && (version == protocol_version::ssl3 ||
                                                                version == protocol_version::tls10);
    return implicit_cbc_iv ? block_length : fixed_iv_length;
  }

  // RFC 5246 §6.3: bytes of key_block the PRF must produce (both directions:
  // client MAC key, server MAC key, client key, server key, client IV, server IV).
  constexpr std::size_t key_block_length(protocol_version version = protocol_version::tls12) const noexcept {
    return 2U * (std::size_t{mac_length} + key_length + key_block_iv_length(version));
  }

  // Finished.verify_data: 12 bytes in TLS 1.2 (RFC 5246 §7.4.9; no suite here
  // asks for another length), the hash length in TLS 1.3 (RFC 8446 §4.4.4).
  constexpr std::size_t verify_data_length() const noexcept {
    return tls13 ? hash_length(prf_hash) : 12U;
  }
};

namespace registry_detail {

constexpr std::uint8_t hash_length_u8(hash_algorithm hash) noexcept {
  return static_cast<std::uint8_t>(hash_length(hash));
}

constexpr cipher_type type_of(bulk_cipher_algorithm cipher) noexcept {
  switch (cipher) {
    case bulk_cipher_algorithm::null:
    case bulk_cipher_algorithm::rc4_128:
      return cipher_type::stream;
    case bulk_cipher_algorithm::des_cbc:
    case bulk_cipher_algorithm::des_ede3_cbc:
    case bulk_cipher_algorithm::idea_cbc:
    case bulk_cipher_algorithm::aes_128_cbc:
    case bulk_cipher_algorithm::aes_256_cbc:
      return cipher_type::block;
    default:
      return cipher_type::aead;
  }
}

// RFC 5246 App. C "Key Material", RFC 5288 §3, RFC 6655 §3, RFC 7905 §2.
constexpr std::uint8_t key_length_of(bulk_cipher_algorithm cipher) noexcept {
  switch (cipher) {
    case bulk_cipher_algorithm::null: return 0;
    case bulk_cipher_algorithm::des_cbc: return 8;
    case bulk_cipher_algorithm::des_ede3_cbc: return 24;
    case bulk_cipher_algorithm::aes_256_cbc:
    case bulk_cipher_algorithm::aes_256_gcm:
    case bulk_cipher_algorithm::aes_256_ccm:
    case bulk_cipher_algorithm::aes_256_ccm_8:
    case bulk_cipher_algorithm::chacha20_poly1305:
      return 32;
    default:  // rc4_128, idea_cbc, aes_128_*
      return 16;
  }
}

constexpr std::uint8_t block_length_of(bulk_cipher_algorithm cipher) noexcept {
  switch (cipher) {
    case bulk_cipher_algorithm::des_cbc:
    case bulk_cipher_algorithm::des_ede3_cbc:
    case bulk_cipher_algorithm::idea_cbc:
      return 8;
    case bulk_cipher_algorithm::aes_128_cbc:
    case bulk_cipher_algorithm::aes_256_cbc:
      return 16;
    default:
      return 0;
  }
}

constexpr std::uint8_t tag_length_of(bulk_cipher_algorithm cipher) noexcept {
  switch (cipher) {
    case bulk_cipher_algorithm::aes_128_ccm_8:
    case bulk_cipher_algorithm::aes_256_ccm_8:
      return 8;
    case bulk_cipher_algorithm::aes_128_gcm:
    case bulk_cipher_algorithm::aes_256_gcm:
    case bulk_cipher_algorithm::aes_128_ccm:
    case bulk_cipher_algorithm::aes_256_ccm:
    case bulk_cipher_algorithm::chacha20_poly1305:
      return 16;
    default:
      return 0;
  }
}

constexpr std::uint8_t mac_length_of(mac_algorithm mac) noexcept {
  switch (mac) {
    case mac_algorithm::hmac_md5: return 16;
    case mac_algorithm::hmac_sha1: return 20;
    case mac_algorithm::hmac_sha256: return 32;
    case mac_algorithm::hmac_sha384: return 48;
    default: return 0;
  }
}

constexpr cipher_suite_info describe_suite(cipher_suite suite, key_exchange_algorithm kx,
                                           authentication_algorithm auth,
                                           bulk_cipher_algorithm cipher, mac_algorithm mac,
                                           hash_algorithm prf) noexcept {
  cipher_suite_info info{suite, kx, auth, cipher, mac, prf, type_of(cipher), key_length_of(cipher),
                         0, 0, block_length_of(cipher), tag_length_of(cipher), mac_length_of(mac),
                         kx == key_exchange_algorithm::tls13_any};
  if (info.tls13) {
    // RFC 8446 §5.3: iv_length = max(8, N_MIN) = 12 for every 1.3 AEAD; the
    // nonce is that IV XOR the sequence number, nothing is sent per record.
    info.type = cipher_type::aead;
    info.fixed_iv_length = 12;
    info.mac_length = 0;
    if (cipher == bulk_cipher_algorithm::null) {
      // RFC 9150 §5: the "AEAD" is HMAC; key and tag are the hash length,
      // the nonce is the 12-byte iv as for every other 1.3 suite.
      info.key_length = hash_length_u8(prf);
      info.tag_length = hash_length_u8(prf);
    }
    return info;
  }
  switch (cipher) {
    case bulk_cipher_algorithm::aes_128_gcm:
    case bulk_cipher_algorithm::aes_256_gcm:
    case bulk_cipher_algorithm::aes_128_ccm:
    case bulk_cipher_algorithm::aes_256_ccm:
    case bulk_cipher_algorithm::aes_128_ccm_8:
    case bulk_cipher_algorithm::aes_256_ccm_8:
      // RFC 5288 §3 / RFC 6655 §3: 4-byte salt from the key block, 8-byte
      // nonce_explicit carried in each record.
      info.fixed_iv_length = 4;
      info.record_iv_length = 8;
      break;
    case bulk_cipher_algorithm::chacha20_poly1305:
      // RFC 7905 §2: 12-byte IV from the key block XOR the sequence number.
      info.fixed_iv_length = 12;
      break;
    default:
      // RFC 5246 §6.2.3.2: TLS 1.1+ CBC sends a block-sized IV in each
      // record; the key block holds none (TLS 1.0 takes block_length bytes).
      info.record_iv_length = info.block_length;
      break;
  }
  return info;
}

constexpr cipher_suite suite_of(const cipher_suite_info& info) noexcept { return info.suite; }

using cs = cipher_suite;
using kx = key_exchange_algorithm;
using au = authentication_algorithm;
using bulk = bulk_cipher_algorithm;
using mac = mac_algorithm;
using hash = hash_algorithm;

// Sorted by suite. EXPORT suites (their RFC 2246 §6.3.1 key derivation is not
// described), SM4, AEGIS and the SCSVs have no row.
inline constexpr auto cipher_suite_infos = std::to_array<cipher_suite_info>({
    describe_suite(cs::tls_null_with_null_null, kx::null, au::null, bulk::null, mac::null, hash::sha256),
    describe_suite(cs::tls_rsa_with_null_md5, kx::rsa, au::rsa, bulk::null, mac::hmac_md5, hash::sha256),
    describe_suite(cs::tls_rsa_with_null_sha, kx::rsa, au::rsa, bulk::null, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_rsa_with_rc4_128_md5, kx::rsa, au::rsa, bulk::rc4_128, mac::hmac_md5, hash::sha256),
    describe_suite(cs::tls_rsa_with_rc4_128_sha, kx::rsa, au::rsa, bulk::rc4_128, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_rsa_with_idea_cbc_sha, kx::rsa, au::rsa, bulk::idea_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_rsa_with_des_cbc_sha, kx::rsa, au::rsa, bulk::des_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_rsa_with_3des_ede_cbc_sha, kx::rsa, au::rsa, bulk::des_ede3_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_dh_dss_with_des_cbc_sha, kx::dh, au::dss, bulk::des_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_dh_dss_with_3des_ede_cbc_sha, kx::dh, au::dss, bulk::des_ede3_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_dh_rsa_with_des_cbc_sha, kx::dh, au::rsa, bulk::des_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_dh_rsa_with_3des_ede_cbc_sha, kx::dh, au::rsa, bulk::des_ede3_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_dhe_dss_with_des_cbc_sha, kx::dhe, au::dss, bulk::des_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_dhe_dss_with_3des_ede_cbc_sha, kx::dhe, au::dss, bulk::des_ede3_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_dhe_rsa_with_des_cbc_sha, kx::dhe, au::rsa, bulk::des_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_dhe_rsa_with_3des_ede_cbc_sha, kx::dhe, au::rsa, bulk::des_ede3_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_dh_anon_with_rc4_128_md5, kx::dhe, au::anon, bulk::rc4_128, mac::hmac_md5, hash::sha256),
    describe_suite(cs::tls_dh_anon_with_des_cbc_sha, kx::dhe, au::anon, bulk::des_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_dh_anon_with_3des_ede_cbc_sha, kx::dhe, au::anon, bulk::des_ede3_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_psk_with_null_sha, kx::psk, au::psk, bulk::null, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_dhe_psk_with_null_sha, kx::dhe_psk, au::psk, bulk::null, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_rsa_psk_with_null_sha, kx::rsa_psk, au::rsa, bulk::null, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_rsa_with_aes_128_cbc_sha, kx::rsa, au::rsa, bulk::aes_128_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_dh_dss_with_aes_128_cbc_sha, kx::dh, au::dss, bulk::aes_128_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_dh_rsa_with_aes_128_cbc_sha, kx::dh, au::rsa, bulk::aes_128_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_dhe_dss_with_aes_128_cbc_sha, kx::dhe, au::dss, bulk::aes_128_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_dhe_rsa_with_aes_128_cbc_sha, kx::dhe, au::rsa, bulk::aes_128_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_dh_anon_with_aes_128_cbc_sha, kx::dhe, au::anon, bulk::aes_128_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_rsa_with_aes_256_cbc_sha, kx::rsa, au::rsa, bulk::aes_256_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_dh_dss_with_aes_256_cbc_sha, kx::dh, au::dss, bulk::aes_256_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_dh_rsa_with_aes_256_cbc_sha, kx::dh, au::rsa, bulk::aes_256_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_dhe_dss_with_aes_256_cbc_sha, kx::dhe, au::dss, bulk::aes_256_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_dhe_rsa_with_aes_256_cbc_sha, kx::dhe, au::rsa, bulk::aes_256_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_dh_anon_with_aes_256_cbc_sha, kx::dhe, au::anon, bulk::aes_256_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_rsa_with_null_sha256, kx::rsa, au::rsa, bulk::null, mac::hmac_sha256, hash::sha256),
    describe_suite(cs::tls_rsa_with_aes_128_cbc_sha256, kx::rsa, au::rsa, bulk::aes_128_cbc, mac::hmac_sha256, hash::sha256),
    describe_suite(cs::tls_rsa_with_aes_256_cbc_sha256, kx::rsa, au::rsa, bulk::aes_256_cbc, mac::hmac_sha256, hash::sha256),
    describe_suite(cs::tls_dh_dss_with_aes_128_cbc_sha256, kx::dh, au::dss, bulk::aes_128_cbc, mac::hmac_sha256, hash::sha256),
    describe_suite(cs::tls_dh_rsa_with_aes_128_cbc_sha256, kx::dh, au::rsa, bulk::aes_128_cbc, mac::hmac_sha256, hash::sha256),
    describe_suite(cs::tls_dhe_dss_with_aes_128_cbc_sha256, kx::dhe, au::dss, bulk::aes_128_cbc, mac::hmac_sha256, hash::sha256),
    describe_suite(cs::tls_dhe_rsa_with_aes_128_cbc_sha256, kx::dhe, au::rsa, bulk::aes_128_cbc, mac::hmac_sha256, hash::sha256),
    describe_suite(cs::tls_dh_dss_with_aes_256_cbc_sha256, kx::dh, au::dss, bulk::aes_256_cbc, mac::hmac_sha256, hash::sha256),
    describe_suite(cs::tls_dh_rsa_with_aes_256_cbc_sha256, kx::dh, au::rsa, bulk::aes_256_cbc, mac::hmac_sha256, hash::sha256),
    describe_suite(cs::tls_dhe_dss_with_aes_256_cbc_sha256, kx::dhe, au::dss, bulk::aes_256_cbc, mac::hmac_sha256, hash::sha256),
    describe_suite(cs::tls_dhe_rsa_with_aes_256_cbc_sha256, kx::dhe, au::rsa, bulk::aes_256_cbc, mac::hmac_sha256, hash::sha256),
    describe_suite(cs::tls_dh_anon_with_aes_128_cbc_sha256, kx::dhe, au::anon, bulk::aes_128_cbc, mac::hmac_sha256, hash::sha256),
    describe_suite(cs::tls_dh_anon_with_aes_256_cbc_sha256, kx::dhe, au::anon, bulk::aes_256_cbc, mac::hmac_sha256, hash::sha256),
    describe_suite(cs::tls_psk_with_rc4_128_sha, kx::psk, au::psk, bulk::rc4_128, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_psk_with_3des_ede_cbc_sha, kx::psk, au::psk, bulk::des_ede3_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_psk_with_aes_128_cbc_sha, kx::psk, au::psk, bulk::aes_128_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_psk_with_aes_256_cbc_sha, kx::psk, au::psk, bulk::aes_256_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_dhe_psk_with_rc4_128_sha, kx::dhe_psk, au::psk, bulk::rc4_128, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_dhe_psk_with_3des_ede_cbc_sha, kx::dhe_psk, au::psk, bulk::des_ede3_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_dhe_psk_with_aes_128_cbc_sha, kx::dhe_psk, au::psk, bulk::aes_128_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_dhe_psk_with_aes_256_cbc_sha, kx::dhe_psk, au::psk, bulk::aes_256_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_rsa_psk_with_rc4_128_sha, kx::rsa_psk, au::rsa, bulk::rc4_128, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_rsa_psk_with_3des_ede_cbc_sha, kx::rsa_psk, au::rsa, bulk::des_ede3_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_rsa_psk_with_aes_128_cbc_sha, kx::rsa_psk, au::rsa, bulk::aes_128_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_rsa_psk_with_aes_256_cbc_sha, kx::rsa_psk, au::rsa, bulk::aes_256_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_rsa_with_aes_128_gcm_sha256, kx::rsa, au::rsa, bulk::aes_128_gcm, mac::aead, hash::sha256),
    describe_suite(cs::tls_rsa_with_aes_256_gcm_sha384, kx::rsa, au::rsa, bulk::aes_256_gcm, mac::aead, hash::sha384),
    describe_suite(cs::tls_dhe_rsa_with_aes_128_gcm_sha256, kx::dhe, au::rsa, bulk::aes_128_gcm, mac::aead, hash::sha256),
    describe_suite(cs::tls_dhe_rsa_with_aes_256_gcm_sha384, kx::dhe, au::rsa, bulk::aes_256_gcm, mac::aead, hash::sha384),
    describe_suite(cs::tls_dh_rsa_with_aes_128_gcm_sha256, kx::dh, au::rsa, bulk::aes_128_gcm, mac::aead, hash::sha256),
    describe_suite(cs::tls_dh_rsa_with_aes_256_gcm_sha384, kx::dh, au::rsa, bulk::aes_256_gcm, mac::aead, hash::sha384),
    describe_suite(cs::tls_dhe_dss_with_aes_128_gcm_sha256, kx::dhe, au::dss, bulk::aes_128_gcm, mac::aead, hash::sha256),
    describe_suite(cs::tls_dhe_dss_with_aes_256_gcm_sha384, kx::dhe, au::dss, bulk::aes_256_gcm, mac::aead, hash::sha384),
    describe_suite(cs::tls_dh_dss_with_aes_128_gcm_sha256, kx::dh, au::dss, bulk::aes_128_gcm, mac::aead, hash::sha256),
    describe_suite(cs::tls_dh_dss_with_aes_256_gcm_sha384, kx::dh, au::dss, bulk::aes_256_gcm, mac::aead, hash::sha384),
    describe_suite(cs::tls_dh_anon_with_aes_128_gcm_sha256, kx::dhe, au::anon, bulk::aes_128_gcm, mac::aead, hash::sha256),
    describe_suite(cs::tls_dh_anon_with_aes_256_gcm_sha384, kx::dhe, au::anon, bulk::aes_256_gcm, mac::aead, hash::sha384),
    describe_suite(cs::tls_psk_with_aes_128_gcm_sha256, kx::psk, au::psk, bulk::aes_128_gcm, mac::aead, hash::sha256),
    describe_suite(cs::tls_psk_with_aes_256_gcm_sha384, kx::psk, au::psk, bulk::aes_256_gcm, mac::aead, hash::sha384),
    describe_suite(cs::tls_dhe_psk_with_aes_128_gcm_sha256, kx::dhe_psk, au::psk, bulk::aes_128_gcm, mac::aead, hash::sha256),
    describe_suite(cs::tls_dhe_psk_with_aes_256_gcm_sha384, kx::dhe_psk, au::psk, bulk::aes_256_gcm, mac::aead, hash::sha384),
    describe_suite(cs::tls_rsa_psk_with_aes_128_gcm_sha256, kx::rsa_psk, au::rsa, bulk::aes_128_gcm, mac::aead, hash::sha256),
    describe_suite(cs::tls_rsa_psk_with_aes_256_gcm_sha384, kx::rsa_psk, au::rsa, bulk::aes_256_gcm, mac::aead, hash::sha384),
    describe_suite(cs::tls_psk_with_aes_128_cbc_sha256, kx::psk, au::psk, bulk::aes_128_cbc, mac::hmac_sha256, hash::sha256),
    describe_suite(cs::tls_psk_with_aes_256_cbc_sha384, kx::psk, au::psk, bulk::aes_256_cbc, mac::hmac_sha384, hash::sha384),
    describe_suite(cs::tls_psk_with_null_sha256, kx::psk, au::psk, bulk::null, mac::hmac_sha256, hash::sha256),
    describe_suite(cs::tls_psk_with_null_sha384, kx::psk, au::psk, bulk::null, mac::hmac_sha384, hash::sha384),
    describe_suite(cs::tls_dhe_psk_with_aes_128_cbc_sha256, kx::dhe_psk, au::psk, bulk::aes_128_cbc, mac::hmac_sha256, hash::sha256),
    describe_suite(cs::tls_dhe_psk_with_aes_256_cbc_sha384, kx::dhe_psk, au::psk, bulk::aes_256_cbc, mac::hmac_sha384, hash::sha384),
    describe_suite(cs::tls_dhe_psk_with_null_sha256, kx::dhe_psk, au::psk, bulk::null, mac::hmac_sha256, hash::sha256),
    describe_suite(cs::tls_dhe_psk_with_null_sha384, kx::dhe_psk, au::psk, bulk::null, mac::hmac_sha384, hash::sha384),
    describe_suite(cs::tls_rsa_psk_with_aes_128_cbc_sha256, kx::rsa_psk, au::rsa, bulk::aes_128_cbc, mac::hmac_sha256, hash::sha256),
    describe_suite(cs::tls_rsa_psk_with_aes_256_cbc_sha384, kx::rsa_psk, au::rsa, bulk::aes_256_cbc, mac::hmac_sha384, hash::sha384),
    describe_suite(cs::tls_rsa_psk_with_null_sha256, kx::rsa_psk, au::rsa, bulk::null, mac::hmac_sha256, hash::sha256),
    describe_suite(cs::tls_rsa_psk_with_null_sha384, kx::rsa_psk, au::rsa, bulk::null, mac::hmac_sha384, hash::sha384),
    describe_suite(cs::tls_aes_128_gcm_sha256, kx::tls13_any, au::tls13_any, bulk::aes_128_gcm, mac::aead, hash::sha256),
    describe_suite(cs::tls_aes_256_gcm_sha384, kx::tls13_any, au::tls13_any, bulk::aes_256_gcm, mac::aead, hash::sha384),
    describe_suite(cs::tls_chacha20_poly1305_sha256, kx::tls13_any, au::tls13_any, bulk::chacha20_poly1305, mac::aead, hash::sha256),
    describe_suite(cs::tls_aes_128_ccm_sha256, kx::tls13_any, au::tls13_any, bulk::aes_128_ccm, mac::aead, hash::sha256),
    describe_suite(cs::tls_aes_128_ccm_8_sha256, kx::tls13_any, au::tls13_any, bulk::aes_128_ccm_8, mac::aead, hash::sha256),
    describe_suite(cs::tls_ecdh_ecdsa_with_null_sha, kx::ecdh, au::ecdsa, bulk::null, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_ecdh_ecdsa_with_rc4_128_sha, kx::ecdh, au::ecdsa, bulk::rc4_128, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_ecdh_ecdsa_with_3des_ede_cbc_sha, kx::ecdh, au::ecdsa, bulk::des_ede3_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_ecdh_ecdsa_with_aes_128_cbc_sha, kx::ecdh, au::ecdsa, bulk::aes_128_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_ecdh_ecdsa_with_aes_256_cbc_sha, kx::ecdh, au::ecdsa, bulk::aes_256_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_ecdhe_ecdsa_with_null_sha, kx::ecdhe, au::ecdsa, bulk::null, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_ecdhe_ecdsa_with_rc4_128_sha, kx::ecdhe, au::ecdsa, bulk::rc4_128, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_ecdhe_ecdsa_with_3des_ede_cbc_sha, kx::ecdhe, au::ecdsa, bulk::des_ede3_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_ecdhe_ecdsa_with_aes_128_cbc_sha, kx::ecdhe, au::ecdsa, bulk::aes_128_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_ecdhe_ecdsa_with_aes_256_cbc_sha, kx::ecdhe, au::ecdsa, bulk::aes_256_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_ecdh_rsa_with_null_sha, kx::ecdh, au::rsa, bulk::null, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_ecdh_rsa_with_rc4_128_sha, kx::ecdh, au::rsa, bulk::rc4_128, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_ecdh_rsa_with_3des_ede_cbc_sha, kx::ecdh, au::rsa, bulk::des_ede3_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_ecdh_rsa_with_aes_128_cbc_sha, kx::ecdh, au::rsa, bulk::aes_128_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_ecdh_rsa_with_aes_256_cbc_sha, kx::ecdh, au::rsa, bulk::aes_256_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_ecdhe_rsa_with_null_sha, kx::ecdhe, au::rsa, bulk::null, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_ecdhe_rsa_with_rc4_128_sha, kx::ecdhe, au::rsa, bulk::rc4_128, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_ecdhe_rsa_with_3des_ede_cbc_sha, kx::ecdhe, au::rsa, bulk::des_ede3_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_ecdhe_rsa_with_aes_128_cbc_sha, kx::ecdhe, au::rsa, bulk::aes_128_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_ecdhe_rsa_with_aes_256_cbc_sha, kx::ecdhe, au::rsa, bulk::aes_256_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_ecdh_anon_with_null_sha, kx::ecdhe, au::anon, bulk::null, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_ecdh_anon_with_rc4_128_sha, kx::ecdhe, au::anon, bulk::rc4_128, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_ecdh_anon_with_3des_ede_cbc_sha, kx::ecdhe, au::anon, bulk::des_ede3_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_ecdh_anon_with_aes_128_cbc_sha, kx::ecdhe, au::anon, bulk::aes_128_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_ecdh_anon_with_aes_256_cbc_sha, kx::ecdhe, au::anon, bulk::aes_256_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_ecdhe_ecdsa_with_aes_128_cbc_sha256, kx::ecdhe, au::ecdsa, bulk::aes_128_cbc, mac::hmac_sha256, hash::sha256),
    describe_suite(cs::tls_ecdhe_ecdsa_with_aes_256_cbc_sha384, kx::ecdhe, au::ecdsa, bulk::aes_256_cbc, mac::hmac_sha384, hash::sha384),
    describe_suite(cs::tls_ecdh_ecdsa_with_aes_128_cbc_sha256, kx::ecdh, au::ecdsa, bulk::aes_128_cbc, mac::hmac_sha256, hash::sha256),
    describe_suite(cs::tls_ecdh_ecdsa_with_aes_256_cbc_sha384, kx::ecdh, au::ecdsa, bulk::aes_256_cbc, mac::hmac_sha384, hash::sha384),
    describe_suite(cs::tls_ecdhe_rsa_with_aes_128_cbc_sha256, kx::ecdhe, au::rsa, bulk::aes_128_cbc, mac::hmac_sha256, hash::sha256),
    describe_suite(cs::tls_ecdhe_rsa_with_aes_256_cbc_sha384, kx::ecdhe, au::rsa, bulk::aes_256_cbc, mac::hmac_sha384, hash::sha384),
    describe_suite(cs::tls_ecdh_rsa_with_aes_128_cbc_sha256, kx::ecdh, au::rsa, bulk::aes_128_cbc, mac::hmac_sha256, hash::sha256),
    describe_suite(cs::tls_ecdh_rsa_with_aes_256_cbc_sha384, kx::ecdh, au::rsa, bulk::aes_256_cbc, mac::hmac_sha384, hash::sha384),
    describe_suite(cs::tls_ecdhe_ecdsa_with_aes_128_gcm_sha256, kx::ecdhe, au::ecdsa, bulk::aes_128_gcm, mac::aead, hash::sha256),
    describe_suite(cs::tls_ecdhe_ecdsa_with_aes_256_gcm_sha384, kx::ecdhe, au::ecdsa, bulk::aes_256_gcm, mac::aead, hash::sha384),
    describe_suite(cs::tls_ecdh_ecdsa_with_aes_128_gcm_sha256, kx::ecdh, au::ecdsa, bulk::aes_128_gcm, mac::aead, hash::sha256),
    describe_suite(cs::tls_ecdh_ecdsa_with_aes_256_gcm_sha384, kx::ecdh, au::ecdsa, bulk::aes_256_gcm, mac::aead, hash::sha384),
    describe_suite(cs::tls_ecdhe_rsa_with_aes_128_gcm_sha256, kx::ecdhe, au::rsa, bulk::aes_128_gcm, mac::aead, hash::sha256),
    describe_suite(cs::tls_ecdhe_rsa_with_aes_256_gcm_sha384, kx::ecdhe, au::rsa, bulk::aes_256_gcm, mac::aead, hash::sha384),
    describe_suite(cs::tls_ecdh_rsa_with_aes_128_gcm_sha256, kx::ecdh, au::rsa, bulk::aes_128_gcm, mac::aead, hash::sha256),
    describe_suite(cs::tls_ecdh_rsa_with_aes_256_gcm_sha384, kx::ecdh, au::rsa, bulk::aes_256_gcm, mac::aead, hash::sha384),
    describe_suite(cs::tls_ecdhe_psk_with_rc4_128_sha, kx::ecdhe_psk, au::psk, bulk::rc4_128, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_ecdhe_psk_with_3des_ede_cbc_sha, kx::ecdhe_psk, au::psk, bulk::des_ede3_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_ecdhe_psk_with_aes_128_cbc_sha, kx::ecdhe_psk, au::psk, bulk::aes_128_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_ecdhe_psk_with_aes_256_cbc_sha, kx::ecdhe_psk, au::psk, bulk::aes_256_cbc, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_ecdhe_psk_with_aes_128_cbc_sha256, kx::ecdhe_psk, au::psk, bulk::aes_128_cbc, mac::hmac_sha256, hash::sha256),
    describe_suite(cs::tls_ecdhe_psk_with_aes_256_cbc_sha384, kx::ecdhe_psk, au::psk, bulk::aes_256_cbc, mac::hmac_sha384, hash::sha384),
    describe_suite(cs::tls_ecdhe_psk_with_null_sha, kx::ecdhe_psk, au::psk, bulk::null, mac::hmac_sha1, hash::sha256),
    describe_suite(cs::tls_ecdhe_psk_with_null_sha256, kx::ecdhe_psk, au::psk, bulk::null, mac::hmac_sha256, hash::sha256),
    describe_suite(cs::tls_ecdhe_psk_with_null_sha384, kx::ecdhe_psk, au::psk, bulk::null, mac::hmac_sha384, hash::sha384),
    describe_suite(cs::tls_rsa_with_aes_128_ccm, kx::rsa, au::rsa, bulk::aes_128_ccm, mac::aead, hash::sha256),
    describe_suite(cs::tls_rsa_with_aes_256_ccm, kx::rsa, au::rsa, bulk::aes_256_ccm, mac::aead, hash::sha256),
    describe_suite(cs::tls_dhe_rsa_with_aes_128_ccm, kx::dhe, au::rsa, bulk::aes_128_ccm, mac::aead, hash::sha256),
    describe_suite(cs::tls_dhe_rsa_with_aes_256_ccm, kx::dhe, au::rsa, bulk::aes_256_ccm, mac::aead, hash::sha256),
    describe_suite(cs::tls_rsa_with_aes_128_ccm_8, kx::rsa, au::rsa, bulk::aes_128_ccm_8, mac::aead, hash::sha256),
    describe_suite(cs::tls_rsa_with_aes_256_ccm_8, kx::rsa, au::rsa, bulk::aes_256_ccm_8, mac::aead, hash::sha256),
    describe_suite(cs::tls_dhe_rsa_with_aes_128_ccm_8, kx::dhe, au::rsa, bulk::aes_128_ccm_8, mac::aead, hash::sha256),
    describe_suite(cs::tls_dhe_rsa_with_aes_256_ccm_8, kx::dhe, au::rsa, bulk::aes_256_ccm_8, mac::aead, hash::sha256),
    describe_suite(cs::tls_psk_with_aes_128_ccm, kx::psk, au::psk, bulk::aes_128_ccm, mac::aead, hash::sha256),
    describe_suite(cs::tls_psk_with_aes_256_ccm, kx::psk, au::psk, bulk::aes_256_ccm, mac::aead, hash::sha256),
    describe_suite(cs::tls_dhe_psk_with_aes_128_ccm, kx::dhe_psk, au::psk, bulk::aes_128_ccm, mac::aead, hash::sha256),
    describe_suite(cs::tls_dhe_psk_with_aes_256_ccm, kx::dhe_psk, au::psk, bulk::aes_256_ccm, mac::aead, hash::sha256),
    describe_suite(cs::tls_psk_with_aes_128_ccm_8, kx::psk, au::psk, bulk::aes_128_ccm_8, mac::aead, hash::sha256),
    describe_suite(cs::tls_psk_with_aes_256_ccm_8, kx::psk, au::psk, bulk::aes_256_ccm_8, mac::aead, hash::sha256),
    describe_suite(cs::tls_psk_dhe_with_aes_128_ccm_8, kx::dhe_psk, au::psk, bulk::aes_128_ccm_8, mac::aead, hash::sha256),
    describe_suite(cs::tls_psk_dhe_with_aes_256_ccm_8, kx::dhe_psk, au::psk, bulk::aes_256_ccm_8, mac::aead, hash::sha256),
    describe_suite(cs::tls_ecdhe_ecdsa_with_aes_128_ccm, kx::ecdhe, au::ecdsa, bulk::aes_128_ccm, mac::aead, hash::sha256),
    describe_suite(cs::tls_ecdhe_ecdsa_with_aes_256_ccm, kx::ecdhe, au::ecdsa, bulk::aes_256_ccm, mac::aead, hash::sha256),
    describe_suite(cs::tls_ecdhe_ecdsa_with_aes_128_ccm_8, kx::ecdhe, au::ecdsa, bulk::aes_128_ccm_8, mac::aead, hash::sha256),
    describe_suite(cs::tls_ecdhe_ecdsa_with_aes_256_ccm_8, kx::ecdhe, au::ecdsa, bulk::aes_256_ccm_8, mac::aead, hash::sha256),
    describe_suite(cs::tls_sha256_sha256, kx::tls13_any, au::tls13_any, bulk::null, mac::hmac_sha256, hash::sha256),
    describe_suite(cs::tls_sha384_sha384, kx::tls13_any, au::tls13_any, bulk::null, mac::hmac_sha384, hash::sha384),
    describe_suite(cs::tls_ecdhe_rsa_with_chacha20_poly1305_sha256, kx::ecdhe, au::rsa, bulk::chacha20_poly1305, mac::aead, hash::sha256),
    describe_suite(cs::tls_ecdhe_ecdsa_with_chacha20_poly1305_sha256, kx::ecdhe, au::ecdsa, bulk::chacha20_poly1305, mac::aead, hash::sha256),
    describe_suite(cs::tls_dhe_rsa_with_chacha20_poly1305_sha256, kx::dhe, au::rsa, bulk::chacha20_poly1305, mac::aead, hash::sha256),
    describe_suite(cs::tls_psk_with_chacha20_poly1305_sha256, kx::psk, au::psk, bulk::chacha20_poly1305, mac::aead, hash::sha256),
    describe_suite(cs::tls_ecdhe_psk_with_chacha20_poly1305_sha256, kx::ecdhe_psk, au::psk, bulk::chacha20_poly1305, mac::aead, hash::sha256),
    describe_suite(cs::tls_dhe_psk_with_chacha20_poly1305_sha256, kx::dhe_psk, au::psk, bulk::chacha20_poly1305, mac::aead, hash::sha256),
    describe_suite(cs::tls_rsa_psk_with_chacha20_poly1305_sha256, kx::rsa_psk, au::rsa, bulk::chacha20_poly1305, mac::aead, hash::sha256),
    describe_suite(cs::tls_ecdhe_psk_with_aes_128_gcm_sha256, kx::ecdhe_psk, au::psk, bulk::aes_128_gcm, mac::aead, hash::sha256),
    describe_suite(cs::tls_ecdhe_psk_with_aes_256_gcm_sha384, kx::ecdhe_psk, au::psk, bulk::aes_256_gcm, mac::aead, hash::sha384),
    describe_suite(cs::tls_ecdhe_psk_with_aes_128_ccm_8_sha256, kx::ecdhe_psk, au::psk, bulk::aes_128_ccm_8, mac::aead, hash::sha256),
    describe_suite(cs::tls_ecdhe_psk_with_aes_128_ccm_sha256, kx::ecdhe_psk, au::psk, bulk::aes_128_ccm, mac::aead, hash::sha256),
});
static_assert(is_strictly_increasing(cipher_suite_infos, suite_of));

}  // namespace registry_detail

// Every described suite, sorted by suite (for tests and tools that list them).
using registry_detail::cipher_suite_infos;

// What `suite` means, or nullopt for a suite not described here (unknown,
// EXPORT, SM4, AEGIS, SCSV). constexpr: the whole table is usable at compile time.
constexpr std::optional<cipher_suite_info> find_cipher_suite_info(cipher_suite suite) noexcept {
  const cipher_suite_info* row =
      find_sorted(registry_detail::cipher_suite_infos, suite, registry_detail::suite_of);
  if (row == nullptr) return std::nullopt;
  return *row;
}

}  // namespace tlswire
