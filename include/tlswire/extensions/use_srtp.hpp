#pragma once
// use_srtp: RFC 5764 §4.1.1 (DTLS-SRTP).
#include <cstdint>

#include "tlswire/extensions/extension.hpp"
#include "tlswire/wire/vector.hpp"

namespace tlswire {

// RFC 5764 §4.1.2 and IANA "DTLS-SRTP Protection Profiles" (RFC 7714 adds
// the AEAD ones). An open enum like the registry's: unknown values are kept.
//   uint8 SRTPProtectionProfile[2];
enum class srtp_protection_profile : std::uint16_t {
  srtp_aes128_cm_hmac_sha1_80 = 0x0001,
  srtp_aes128_cm_hmac_sha1_32 = 0x0002,
  srtp_null_hmac_sha1_80 = 0x0005,
  srtp_null_hmac_sha1_32 = 0x0006,
  srtp_aead_aes_128_gcm = 0x0007,  // RFC 7714
  srtp_aead_aes_256_gcm = 0x0008,  // RFC 7714
};

// RFC 5764 §4.1.1 — the same shape in ClientHello and ServerHello (where
// the list holds the one selected profile)
//   SRTPProtectionProfile SRTPProtectionProfiles<2..2^16-1>;
//   struct {
//       SRTPProtectionProfiles SRTPProtectionProfiles;
//       opaque srtp_mki<0..255>;
//   } UseSRTPData;
struct use_srtp {
  static constexpr extension_type type = extension_type::use_srtp;
  code_vector<srtp_protection_profile, 2, 65535> protection_profiles;  // SRTPProtectionProfiles
  opaque_vector<0, 255> srtp_mki;

  static constexpr use_srtp parse(reader& r) noexcept {
    use_srtp u;
    u.protection_profiles = decltype(protection_profiles)::parse(r);
    u.srtp_mki = decltype(srtp_mki)::parse(r);
    return u;
  }
  constexpr void encode(writer& w) const noexcept {
    protection_profiles.encode(w);
    srtp_mki.encode(w);
  }
  friend constexpr bool operator==(const use_srtp&, const use_srtp&) = default;
};

// RFC 5764 §4.1.1: the server's answer names exactly one profile.
constexpr status validate_server(const use_srtp& ext) {
  if (ext.protection_profiles.size() != 1) return make_error(errc::bad_value, no_offset);
  return {};
}

}  // namespace tlswire
