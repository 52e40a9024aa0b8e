#pragma once
// mbedtls_provider: the algorithms of crypto/concepts.hpp through Mbed TLS
// 2.28 (Debian 12's libmbedtls-dev; only libmbedcrypto is needed). Opt-in:
// the core never includes this header; a program that does links
// libmbedcrypto (CMake: tlswire_mbedtls).
//
// Everything but Ed25519, which Mbed TLS 2.28 does not implement: the
// provider says so at compile time (supports(signature_scheme::ed25519) is
// false), so code requiring it fails to build with a message naming it.
//
// The random source is a CTR_DRBG seeded from the platform entropy source,
// held in the provider object (no global state); every operation that needs
// randomness (key generation, RSA blinding and padding, ECDSA, ECDH
// blinding) draws from it. Contexts that point into themselves (the DRBG,
// the GCM/CCM/ChaChaPoly and pk contexts) live behind unique_ptr so the
// handles can move. Mbed TLS allocates inside (bignums, cipher contexts).
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <utility>

#include <gsl/assert>
#include <gsl/pointers>
#include <mbedtls/bignum.h>
#include <mbedtls/ccm.h>
#include <mbedtls/chachapoly.h>
#include <mbedtls/ctr_drbg.h>
#include <mbedtls/ecdh.h>
#include <mbedtls/ecp.h>
#include <mbedtls/entropy.h>
#include <mbedtls/gcm.h>
#include <mbedtls/hkdf.h>
#include <mbedtls/md.h>
#include <mbedtls/pk.h>
#include <mbedtls/platform_util.h>
#include <mbedtls/rsa.h>
#include <mbedtls/sha256.h>
#include <mbedtls/sha512.h>
#include <mbedtls/version.h>

#include "tlswire/crypto/algorithms.hpp"
#include "tlswire/crypto/provider.hpp"
#include "tlswire/crypto/provider_checks.hpp"
#include "tlswire/crypto/rsa_premaster.hpp"
#include "tlswire/providers/reference/hmac.hpp"
#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/result.hpp"

static_assert(MBEDTLS_VERSION_MAJOR == 2 && MBEDTLS_VERSION_MINOR >= 28,
              "tlswire's mbedtls_provider is written for Mbed TLS 2.28");

namespace tlswire {

namespace mbedtls_detail {

// A failure where the concept has no error to report (hashing cannot fail
// on valid arguments).
[[noreturn]] inline void backend_broken() noexcept { std::abort(); }

inline error backend_failure() noexcept { return make_error(errc::crypto_failure, no_offset); }

// Mbed TLS accepts a null pointer with a zero length in most places, but
// not everywhere: give it a real address for empty inputs and outputs.
inline const unsigned char* data_or_empty(bytes_view b) noexcept {
  static constexpr unsigned char empty = 0;
  return b.empty() ? &empty : b.data();
}

// The Mbed TLS calls for one SHA-2 hash: SHA-256 on mbedtls_sha256_context,
// SHA-384 on mbedtls_sha512_context (is384 = 1), which writes 64 bytes even
// for SHA-384 (output_size; the digest is the first digest_size of them).
struct sha256_calls {
  using context = mbedtls_sha256_context;
  static constexpr std::size_t digest_size = 32, output_size = 32, block_size = 64;
  static constexpr mbedtls_md_type_t md_type = MBEDTLS_MD_SHA256;
  static void init(context* c) noexcept { mbedtls_sha256_init(c); }
  static int starts(context* c) noexcept { return mbedtls_sha256_starts_ret(c, 0); }
  static int update(context* c, const unsigned char* p, std::size_t n) noexcept {
    return mbedtls_sha256_update_ret(c, p, n);
  }
  static int finish(context* c, unsigned char* out) noexcept {
    return mbedtls_sha256_finish_ret(c, out);
  }
  static void clone(context* to, const context* from) noexcept { mbedtls_sha256_clone(to, from); }
  static void free(context* c) noexcept { mbedtls_sha256_free(c); }  // zeroizes
};

struct sha384_calls {
  using context = mbedtls_sha512_context;
  static constexpr std::size_t digest_size = 48, output_size = 64, block_size = 128;
  static constexpr mbedtls_md_type_t md_type = MBEDTLS_MD_SHA384;
  static void init(context* c) noexcept { mbedtls_sha512_init(c); }
  static int starts(context* c) noexcept { return mbedtls_sha512_starts_ret(c, 1); }
  static int update(context* c, const unsigned char* p, std::size_t n) noexcept {
    return mbedtls_sha512_update_ret(c, p, n);
  }
  static int finish(context* c, unsigned char* out) noexcept {
    return mbedtls_sha512_finish_ret(c, out);
  }
  static void clone(context* to, const context* from) noexcept { mbedtls_sha512_clone(to, from); }
  static void free(context* c) noexcept { mbedtls_sha512_free(c); }  // zeroizes
};

// FIPS 180-4 SHA-256 (§6.2) or SHA-384 (§6.5) on an Mbed TLS context, as
// `Calls` says; a copy is the context's clone. Moving clones too, so a
// moved-from hash keeps its state and stays usable, as with the other
// providers' hashes; each context is zeroized when its object is destroyed.
template <class Calls>
class sha2 {
 public:
  static constexpr std::size_t digest_size = Calls::digest_size;
  static constexpr std::size_t block_size = Calls::block_size;
  static constexpr mbedtls_md_type_t md_type = Calls::md_type;
  using digest_type = std::array<std::uint8_t, digest_size>;

  sha2() noexcept {
    Calls::init(&ctx_);
    if (Calls::starts(&ctx_) != 0) backend_broken();
  }
  sha2(const sha2& other) noexcept {
    Calls::init(&ctx_);
    Calls::clone(&ctx_, &other.ctx_);
  }
  sha2& operator=(const sha2& other) noexcept {
    Calls::clone(&ctx_, &other.ctx_);
    return *this;
  }
  sha2(sha2&& other) noexcept : sha2(std::as_const(other)) {}
  sha2& operator=(sha2&& other) noexcept {
    *this = std::as_const(other);
    return *this;
  }
  ~sha2() { Calls::free(&ctx_); }

  void update(bytes_view data) noexcept {
    if (Calls::update(&ctx_, data_or_empty(data), data.size()) != 0) backend_broken();
  }
  // Writes the digest and starts a fresh hash in the same context.
  void finish(mutable_bytes out) noexcept {
    Expects(out.size() == digest_size);
    if constexpr (Calls::output_size == digest_size) {
      if (Calls::finish(&ctx_, out.data()) != 0 || Calls::starts(&ctx_) != 0) backend_broken();
    } else {
      std::array<std::uint8_t, Calls::output_size> full{};
      if (Calls::finish(&ctx_, full.data()) != 0 || Calls::starts(&ctx_) != 0) backend_broken();
      std::memcpy(out.data(), full.data(), digest_size);
      mbedtls_platform_zeroize(full.data(), full.size());
    }
  }
  [[nodiscard]] digest_type finish() noexcept {
    digest_type d{};
    finish(d);
    return d;
  }

 private:
  typename Calls::context ctx_;
};

using sha256 = sha2<sha256_calls>;
using sha384 = sha2<sha384_calls>;

inline const mbedtls_md_info_t* md_info(mbedtls_md_type_t t) noexcept {
  const mbedtls_md_info_t* info = mbedtls_md_info_from_type(t);
  if (info == nullptr) backend_broken();
  return info;
}

// The CTR_DRBG and its entropy source. Not movable (the DRBG points at the
// entropy context), so the provider holds it through a unique_ptr.
struct random_state {
  // Zeroed, then set up by the *_init calls the constructor makes first.
  mbedtls_entropy_context entropy{};
  mbedtls_ctr_drbg_context drbg{};
  bool seeded = false;

  random_state() noexcept {
    mbedtls_entropy_init(&entropy);
    mbedtls_ctr_drbg_init(&drbg);
    static constexpr unsigned char personalization[] = "tlswire mbedtls_provider";
    seeded = mbedtls_ctr_drbg_seed(&drbg, mbedtls_entropy_func, &entropy, personalization,
                                   sizeof personalization - 1) == 0;
  }
  random_state(const random_state&) = delete;
  random_state& operator=(const random_state&) = delete;
  random_state(random_state&&) = delete;
  random_state& operator=(random_state&&) = delete;
  ~random_state() {
    mbedtls_ctr_drbg_free(&drbg);
    mbedtls_entropy_free(&entropy);
  }
};

// The f_rng callback Mbed TLS calls with the provider's DRBG.
inline int drbg_random(void* state, unsigned char* out, std::size_t n) {
  return mbedtls_ctr_drbg_random(&static_cast<random_state*>(state)->drbg, out, n);
}

struct pk_deleter {
  void operator()(gsl::owner<mbedtls_pk_context*> pk) const noexcept {
    mbedtls_pk_free(pk);
    delete pk;
  }
};
using pk_ptr = std::unique_ptr<mbedtls_pk_context, pk_deleter>;

inline pk_ptr new_pk() {
  pk_ptr pk(new mbedtls_pk_context);
  mbedtls_pk_init(pk.get());
  return pk;
}

struct keypair_deleter {
  void operator()(gsl::owner<mbedtls_ecp_keypair*> k) const noexcept {
    mbedtls_ecp_keypair_free(k);  // frees (and zeroizes) d
    delete k;
  }
};
using keypair_ptr = std::unique_ptr<mbedtls_ecp_keypair, keypair_deleter>;

inline keypair_ptr new_keypair() {
  keypair_ptr k(new mbedtls_ecp_keypair);
  mbedtls_ecp_keypair_init(k.get());
  return k;
}

constexpr mbedtls_ecp_group_id ecp_group_for(named_group g) noexcept {
  switch (g) {
    case named_group::x25519: return MBEDTLS_ECP_DP_CURVE25519;
    case named_group::secp256r1: return MBEDTLS_ECP_DP_SECP256R1;
    case named_group::secp384r1: return MBEDTLS_ECP_DP_SECP384R1;
    default: return MBEDTLS_ECP_DP_NONE;
  }
}

// The private half of a key share: the scalar d (and Q when generated).
struct key_share_private_key {
  keypair_ptr keypair;
  named_group group{};
};

// RFC 5116 AEAD contexts; one is used, chosen by set_key. Not movable (they
// may point into themselves), so aead_key holds them through a unique_ptr.
struct aead_contexts {
  // Zeroed, then set up by the *_init calls the constructor makes first.
  mbedtls_gcm_context gcm{};
  mbedtls_ccm_context ccm{};
  mbedtls_chachapoly_context chachapoly{};
  aead_contexts() noexcept {
    mbedtls_gcm_init(&gcm);
    mbedtls_ccm_init(&ccm);
    mbedtls_chachapoly_init(&chachapoly);
  }
  aead_contexts(const aead_contexts&) = delete;
  aead_contexts& operator=(const aead_contexts&) = delete;
  aead_contexts(aead_contexts&&) = delete;
  aead_contexts& operator=(aead_contexts&&) = delete;
  ~aead_contexts() {  // each zeroizes its key schedule
    mbedtls_gcm_free(&gcm);
    mbedtls_ccm_free(&ccm);
    mbedtls_chachapoly_free(&chachapoly);
  }
};

}  // namespace mbedtls_detail

class mbedtls_provider {
 public:
  mbedtls_provider() : random_(std::make_unique<mbedtls_detail::random_state>()) {}

  // ------------------------------------------------------------ hashing
  using sha256 = mbedtls_detail::sha256;  // FIPS 180-4 §6.2
  using sha384 = mbedtls_detail::sha384;  // FIPS 180-4 §6.5

  // RFC 2104 HMAC, incremental and copyable: the reference construction over
  // Mbed TLS's hash. (mbedtls_md_clone copies a digest state but not an HMAC
  // key's inner/outer pads, so an md context cannot be a copyable keyed state.)
  template <class H>
  using hmac_state = reference::hmac<H>;

  // RFC 2104, one shot through mbedtls_md_hmac.
  template <class H>
  static void hmac(bytes_view key, bytes_view data, mutable_bytes out) {
    Expects(out.size() == H::digest_size);
    if (mbedtls_md_hmac(mbedtls_detail::md_info(H::md_type), mbedtls_detail::data_or_empty(key),
                        key.size(), mbedtls_detail::data_or_empty(data), data.size(),
                        out.data()) != 0)
      mbedtls_detail::backend_broken();
  }

  // RFC 5869 §2.2 through mbedtls_hkdf_extract.
  template <class H>
  static void hkdf_extract(bytes_view salt, bytes_view ikm, mutable_bytes prk) {
    Expects(prk.size() == H::digest_size);
    if (mbedtls_hkdf_extract(mbedtls_detail::md_info(H::md_type),
                             mbedtls_detail::data_or_empty(salt), salt.size(),
                             mbedtls_detail::data_or_empty(ikm), ikm.size(), prk.data()) != 0)
      mbedtls_detail::backend_broken();
  }

  // RFC 5869 §2.3 through mbedtls_hkdf_expand.
  template <class H>
  [[nodiscard]] static bool hkdf_expand(bytes_view prk, bytes_view info, mutable_bytes okm) {
    if (okm.size() > 255 * H::digest_size) return false;
    if (okm.empty()) return true;
    if (mbedtls_hkdf_expand(mbedtls_detail::md_info(H::md_type),
                            mbedtls_detail::data_or_empty(prk), prk.size(),
                            mbedtls_detail::data_or_empty(info), info.size(), okm.data(),
                            okm.size()) != 0)
      mbedtls_detail::backend_broken();
    return true;
  }

  // ------------------------------------------------------------ AEAD
  static constexpr bool supports(aead_id) noexcept { return true; }

  // RFC 5116 AEAD keyed once (mbedtls_gcm/ccm/chachapoly_setkey); each seal
  // or open is one call with the record's nonce. In place is fine for all
  // three: each reads a block before writing it.
  class aead_key {
   public:
    aead_key() = default;

    status set_key(aead_id id, bytes_view key) {
      Expects(key.size() == aead_key_size(id));
      auto ctx = std::make_unique<mbedtls_detail::aead_contexts>();
      const unsigned bits = static_cast<unsigned>(key.size() * 8);
      int rc = 0;
      switch (id) {
        case aead_id::aes_128_gcm:
        case aead_id::aes_256_gcm:
          rc = mbedtls_gcm_setkey(&ctx->gcm, MBEDTLS_CIPHER_ID_AES, key.data(), bits);
          break;
        case aead_id::aes_128_ccm:
        case aead_id::aes_128_ccm_8:
          rc = mbedtls_ccm_setkey(&ctx->ccm, MBEDTLS_CIPHER_ID_AES, key.data(), bits);
          break;
        case aead_id::chacha20_poly1305:
          rc = mbedtls_chachapoly_setkey(&ctx->chachapoly, key.data());
          break;
      }
      if (rc != 0) return mbedtls_detail::backend_failure();
      ctx_ = std::move(ctx);
      id_ = id;
      return {};
    }

    // RFC 5116 §2.1: out = ciphertext || tag.
    status seal(bytes_view nonce, bytes_view aad, bytes_view plaintext, mutable_bytes out) {
      Expects(ctx_ && nonce.size() == aead_nonce_size);
      TLSWIRE_CHECK(provider_checks::seal_arguments(id_, plaintext, out));
      const std::size_t tag = aead_tag_size(id_);
      const std::size_t n = plaintext.size();
      const unsigned char* in = mbedtls_detail::data_or_empty(plaintext);
      const unsigned char* a = mbedtls_detail::data_or_empty(aad);
      unsigned char* c = out.data();
      unsigned char* t = out.data() + n;
      int rc = 0;
      switch (id_) {
        case aead_id::aes_128_gcm:
        case aead_id::aes_256_gcm:
          rc = mbedtls_gcm_crypt_and_tag(&ctx_->gcm, MBEDTLS_GCM_ENCRYPT, n, nonce.data(),
                                         nonce.size(), a, aad.size(), in, c, tag, t);
          break;
        case aead_id::aes_128_ccm:
        case aead_id::aes_128_ccm_8:
          rc = mbedtls_ccm_encrypt_and_tag(&ctx_->ccm, n, nonce.data(), nonce.size(), a,
                                           aad.size(), in, c, t, tag);
          break;
        case aead_id::chacha20_poly1305:
          rc = mbedtls_chachapoly_encrypt_and_tag(&ctx_->chachapoly, n, nonce.data(), a,
                                                  aad.size(), in, c, t);
          break;
      }
      if (rc != 0) return mbedtls_detail::backend_failure();
      return {};
    }

    // RFC 5116 §2.2: verifies the tag; on failure `out` is zeroed.
    status open(bytes_view nonce, bytes_view aad, bytes_view sealed, mutable_bytes out) {
      Expects(ctx_ && nonce.size() == aead_nonce_size);
      TLSWIRE_CHECK(provider_checks::open_arguments(id_, sealed, out));
      const std::size_t tag = aead_tag_size(id_);
      const std::size_t n = sealed.size() - tag;
      std::array<unsigned char, 16> expected_tag{};
      std::memcpy(expected_tag.data(), sealed.data() + n, tag);
      unsigned char none = 0;  // somewhere to write for an empty message
      unsigned char* p = n == 0 ? &none : out.data();
      const unsigned char* c = n == 0 ? &none : sealed.data();
      const unsigned char* a = mbedtls_detail::data_or_empty(aad);
      int rc = 0;
      switch (id_) {
        case aead_id::aes_128_gcm:
        case aead_id::aes_256_gcm:
          rc = mbedtls_gcm_auth_decrypt(&ctx_->gcm, n, nonce.data(), nonce.size(), a, aad.size(),
                                        expected_tag.data(), tag, c, p);
          break;
        case aead_id::aes_128_ccm:
        case aead_id::aes_128_ccm_8:
          rc = mbedtls_ccm_auth_decrypt(&ctx_->ccm, n, nonce.data(), nonce.size(), a, aad.size(),
                                        c, p, expected_tag.data(), tag);
          break;
        case aead_id::chacha20_poly1305:
          rc = mbedtls_chachapoly_auth_decrypt(&ctx_->chachapoly, n, nonce.data(), a, aad.size(),
                                               expected_tag.data(), c, p);
          break;
      }
      if (rc != 0) {
        if (n != 0) mbedtls_platform_zeroize(out.data(), n);
        return make_error(errc::bad_record_mac, no_offset);
      }
      return {};
    }

   private:
    std::unique_ptr<mbedtls_detail::aead_contexts> ctx_;
    aead_id id_ = aead_id::aes_128_gcm;
  };

  // ------------------------------------------------------------ keys
  // An mbedtls_pk_context: RSA or EC (P-256, P-384).
  class private_key {
   public:
    private_key() = default;
    mbedtls_pk_context* get() const noexcept { return pk_.get(); }

   private:
    friend class mbedtls_provider;
    mbedtls_detail::pk_ptr pk_;
  };

  // PKCS#8 PrivateKeyInfo or traditional RSAPrivateKey/ECPrivateKey, DER.
  // An Ed25519 key is refused as unsupported (Mbed TLS 2.28 has no EdDSA).
  status load_private_key(bytes_view der, private_key& key) {
    mbedtls_detail::pk_ptr pk = mbedtls_detail::new_pk();
    const int rc = mbedtls_pk_parse_key(pk.get(), mbedtls_detail::data_or_empty(der), der.size(),
                                        nullptr, 0);
    if (rc == MBEDTLS_ERR_PK_UNKNOWN_PK_ALG || (rc != 0 && is_rfc8410_key(der)))
      return make_error(errc::unsupported, no_offset);
    if (rc != 0) return make_error(errc::bad_value, no_offset);
    if (kind_of(pk.get()) == key_kind::unsupported) return make_error(errc::unsupported, no_offset);
    key.pk_ = std::move(pk);
    return {};
  }

  // ------------------------------------------------------------ key exchange
  static constexpr bool supports(named_group g) noexcept {
    return provider_checks::is_key_exchange_group(g);
  }

  using key_share_private_key = mbedtls_detail::key_share_private_key;

  // RFC 8446 §4.2.8: a fresh ephemeral key and its public value.
  status generate_key_share(named_group group, key_share_private_key& priv,
                            mutable_bytes public_value) {
    TLSWIRE_CHECK(provider_checks::key_share_arguments<mbedtls_provider>(group, public_value));
    if (!random_->seeded) return mbedtls_detail::backend_failure();
    mbedtls_detail::keypair_ptr kp = mbedtls_detail::new_keypair();
    std::size_t n = 0;
    // X25519 writes its 32 bytes little-endian (RFC 7748 §5); NIST curves
    // the uncompressed point (RFC 8446 §4.2.8.2).
    if (mbedtls_ecp_group_load(&kp->grp, mbedtls_detail::ecp_group_for(group)) != 0 ||
        mbedtls_ecp_gen_keypair(&kp->grp, &kp->d, &kp->Q, mbedtls_detail::drbg_random,
                                random_.get()) != 0 ||
        mbedtls_ecp_point_write_binary(&kp->grp, &kp->Q, MBEDTLS_ECP_PF_UNCOMPRESSED, &n,
                                       public_value.data(), public_value.size()) != 0 ||
        n != public_value.size())
      return mbedtls_detail::backend_failure();
    priv.keypair = std::move(kp);
    priv.group = group;
    return {};
  }

  // A known private value (known-answer tests, RFC 8448 traces);
  // mbedtls_ecp_read_key clamps an X25519 scalar as RFC 7748 §5 says.
  status import_key_share(named_group group, bytes_view private_value,
                          key_share_private_key& priv) {
    TLSWIRE_CHECK(provider_checks::imported_key_arguments<mbedtls_provider>(group, private_value));
    mbedtls_detail::keypair_ptr kp = mbedtls_detail::new_keypair();
    if (mbedtls_ecp_read_key(mbedtls_detail::ecp_group_for(group), kp.get(),
                             private_value.data(), private_value.size()) != 0)
      return make_error(errc::bad_value, no_offset);
    priv.keypair = std::move(kp);
    priv.group = group;
    return {};
  }

  // RFC 7748 §6.1 / RFC 8446 §7.4.2: the shared secret with the peer's value.
  status derive_shared_secret(const key_share_private_key& priv, bytes_view peer_public_value,
                              mutable_bytes shared) {
    const error illegal = make_error(errc::bad_value, alert_description::illegal_parameter, no_offset);
    Expects(priv.keypair != nullptr);
    TLSWIRE_CHECK(provider_checks::peer_value_arguments(priv.group, peer_public_value, shared));

    mbedtls_ecp_group& grp = priv.keypair->grp;
    mbedtls_ecp_point peer;
    mbedtls_mpi z;
    mbedtls_ecp_point_init(&peer);
    mbedtls_mpi_init(&z);
    // read_binary clears X25519's top bit (RFC 7748 §5); check_pubkey refuses
    // points off the curve and X25519's known low-order points; a value the
    // ECDH computation then refuses is illegal too.
    status st;
    if (mbedtls_ecp_point_read_binary(&grp, &peer, peer_public_value.data(),
                                      peer_public_value.size()) != 0 ||
        mbedtls_ecp_check_pubkey(&grp, &peer) != 0 ||
        mbedtls_ecdh_compute_shared(&grp, &z, &peer, &priv.keypair->d,
                                    mbedtls_detail::drbg_random, random_.get()) != 0) {
      st = illegal;
    } else {
      // X25519's secret is little-endian (RFC 7748 §6.1); ECDH's is the
      // big-endian x-coordinate, padded (RFC 8446 §7.4.2).
      const int rc = priv.group == named_group::x25519
                         ? mbedtls_mpi_write_binary_le(&z, shared.data(), shared.size())
                         : mbedtls_mpi_write_binary(&z, shared.data(), shared.size());
      if (rc != 0) st = mbedtls_detail::backend_failure();
    }
    mbedtls_mpi_free(&z);
    mbedtls_ecp_point_free(&peer);
    if (!st.ok()) return st;
    return provider_checks::nonzero_shared_secret(priv.group, shared);
  }

  // ------------------------------------------------------------ signatures
  static constexpr bool supports(signature_scheme s) noexcept {
    switch (s) {
      case signature_scheme::rsa_pss_rsae_sha256:
      case signature_scheme::rsa_pss_rsae_sha384:
      case signature_scheme::rsa_pkcs1_sha256:
      case signature_scheme::rsa_pkcs1_sha384:
      case signature_scheme::ecdsa_secp256r1_sha256:
      case signature_scheme::ecdsa_secp384r1_sha384:
        return true;
      default:  // ed25519: not in Mbed TLS 2.28
        return false;
    }
  }

  // RFC 8446 §4.2.3: hash `message`, then sign the digest as `scheme` says.
  result<std::size_t> sign(const private_key& key, signature_scheme scheme, bytes_view message,
                           mutable_bytes out) {
    Expects(key.get() != nullptr);
    if (!supports(scheme)) return make_error(errc::unsupported, no_offset);
    if (kind_of(key.get()) != key_kind_for(scheme)) return make_error(errc::bad_value, no_offset);
    if (!random_->seeded) return mbedtls_detail::backend_failure();
    const mbedtls_md_type_t md = md_for(scheme);
    std::array<unsigned char, 48> digest{};
    const std::size_t digest_len = hash_message(md, message, digest);

    std::array<unsigned char, MBEDTLS_PK_SIGNATURE_MAX_SIZE> sig{};
    std::size_t n = 0;
    int rc = 0;
    if (key_kind_for(scheme) == key_kind::rsa) {
      mbedtls_rsa_context* rsa = mbedtls_pk_rsa(*key.get());
      n = mbedtls_rsa_get_len(rsa);
      if (n > out.size()) return make_error(errc::buffer_too_small, no_offset);
      if (is_pss(scheme)) {
        mbedtls_rsa_set_padding(rsa, MBEDTLS_RSA_PKCS_V21, md);  // MGF1 over the same hash
        rc = mbedtls_rsa_rsassa_pss_sign_ext(rsa, mbedtls_detail::drbg_random, random_.get(), md,
                                             static_cast<unsigned>(digest_len), digest.data(),
                                             static_cast<int>(digest_len), sig.data());
      } else {
        mbedtls_rsa_set_padding(rsa, MBEDTLS_RSA_PKCS_V15, MBEDTLS_MD_NONE);
        rc = mbedtls_rsa_rsassa_pkcs1_v15_sign(rsa, mbedtls_detail::drbg_random, random_.get(),
                                               MBEDTLS_RSA_PRIVATE, md,
                                               static_cast<unsigned>(digest_len), digest.data(),
                                               sig.data());
      }
    } else {
      // ECDSA, DER Ecdsa-Sig-Value (RFC 8446 §4.2.3).
      rc = mbedtls_pk_sign(key.get(), md, digest.data(), digest_len, sig.data(), &n,
                           mbedtls_detail::drbg_random, random_.get());
      if (rc == 0 && n > out.size()) return make_error(errc::buffer_too_small, no_offset);
    }
    if (rc != 0) return mbedtls_detail::backend_failure();
    std::memcpy(out.data(), sig.data(), n);
    return n;
  }

  // RFC 8446 §4.4.3: verify with the public key of a SubjectPublicKeyInfo.
  status verify(bytes_view spki, signature_scheme scheme, bytes_view message,
                bytes_view signature) {
    if (!supports(scheme))
      return make_error(errc::unsupported, alert_description::illegal_parameter, no_offset);
    mbedtls_detail::pk_ptr pk = parse_spki(spki);
    if (!pk) return make_error(errc::bad_value, alert_description::bad_certificate, no_offset);
    if (kind_of(pk.get()) != key_kind_for(scheme))
      return make_error(errc::bad_value, alert_description::illegal_parameter, no_offset);
    const mbedtls_md_type_t md = md_for(scheme);
    std::array<unsigned char, 48> digest{};
    const std::size_t digest_len = hash_message(md, message, digest);
    const error bad = make_error(errc::crypto_failure, alert_description::decrypt_error, no_offset);

    int rc = 0;
    if (key_kind_for(scheme) == key_kind::rsa) {
      mbedtls_rsa_context* rsa = mbedtls_pk_rsa(*pk);
      // The RSA functions read exactly modulus-length bytes of signature.
      if (signature.size() != mbedtls_rsa_get_len(rsa)) return bad;
      if (is_pss(scheme)) {
        // RFC 8446 §4.2.3: the salt length must equal the digest length.
        rc = mbedtls_rsa_rsassa_pss_verify_ext(rsa, nullptr, nullptr, MBEDTLS_RSA_PUBLIC, md,
                                               static_cast<unsigned>(digest_len), digest.data(),
                                               md, static_cast<int>(digest_len), signature.data());
      } else {
        rc = mbedtls_rsa_rsassa_pkcs1_v15_verify(rsa, nullptr, nullptr, MBEDTLS_RSA_PUBLIC, md,
                                                 static_cast<unsigned>(digest_len), digest.data(),
                                                 signature.data());
      }
    } else {
      // mbedtls_pk_verify reads BER: the DER check comes first.
      TLSWIRE_CHECK(provider_checks::ecdsa_signature_der(signature));
      rc = mbedtls_pk_verify(pk.get(), md, digest.data(), digest_len,
                             mbedtls_detail::data_or_empty(signature), signature.size());
    }
    if (rc != 0) return bad;
    return {};
  }

  // ------------------------------------------------------------ RSA key transport
  static constexpr bool supports(key_transport_id) noexcept { return true; }

  // RFC 8017 §7.2.1 RSAES-PKCS1-v1_5 encryption to the key in `spki`.
  result<std::size_t> rsa_pkcs1_encrypt(bytes_view spki, bytes_view message, mutable_bytes out) {
    mbedtls_detail::pk_ptr pk = parse_spki(spki);
    if (!pk) return make_error(errc::bad_value, alert_description::bad_certificate, no_offset);
    if (kind_of(pk.get()) != key_kind::rsa)
      return make_error(errc::bad_value, alert_description::illegal_parameter, no_offset);
    if (!random_->seeded) return mbedtls_detail::backend_failure();
    mbedtls_rsa_set_padding(mbedtls_pk_rsa(*pk), MBEDTLS_RSA_PKCS_V15, MBEDTLS_MD_NONE);
    std::size_t n = 0;
    const int rc = mbedtls_pk_encrypt(pk.get(), mbedtls_detail::data_or_empty(message),
                                      message.size(), out.data(), &n, out.size(),
                                      mbedtls_detail::drbg_random, random_.get());
    if (rc == MBEDTLS_ERR_RSA_OUTPUT_TOO_LARGE) return make_error(errc::buffer_too_small, no_offset);
    if (rc != 0) return mbedtls_detail::backend_failure();
    return n;
  }

  // RFC 5246 §7.4.7.1 (crypto/concepts.hpp): Mbed TLS does the RSA private
  // operation (RSADP, with blinding) and tlswire's select_rsa_premaster()
  // does the rest over the raw encoded message. Not
  // mbedtls_rsa_rsaes_pkcs1_v15_decrypt: its general unpadding moves the
  // message by a secret offset, and Debian's 2.28 build of it draws a
  // memcheck report in tests/constant_time (a loop bound GCC rewrote in
  // terms of that offset); a 48-byte premaster needs no move at all. Only
  // the ciphertext's size is branched on (it must be the modulus size):
  // public. mbedtls_rsa_private's status (an input not below the modulus,
  // an internal failure) goes into the select as a value.
  status rsa_premaster_decrypt(const private_key& key, bytes_view encrypted,
                               protocol_version client_version, bytes_view fallback,
                               mutable_bytes premaster) {
    Expects(key.get() != nullptr && fallback.size() == 48 && premaster.size() == 48);
    if (kind_of(key.get()) != key_kind::rsa) return make_error(errc::bad_value, no_offset);
    if (!random_->seeded) return mbedtls_detail::backend_failure();
    mbedtls_rsa_context* rsa = mbedtls_pk_rsa(*key.get());
    std::array<unsigned char, 1024> em{};  // up to RSA-8192
    const std::size_t k = mbedtls_rsa_get_len(rsa);
    if (k > em.size()) return make_error(errc::unsupported, no_offset);
    int rc = MBEDTLS_ERR_RSA_BAD_INPUT_DATA;
    if (encrypted.size() == k)
      rc = mbedtls_rsa_private(rsa, mbedtls_detail::drbg_random, random_.get(), encrypted.data(),
                               em.data());
    select_rsa_premaster(static_cast<unsigned int>(rc), bytes_view(em.data(), k), client_version,
                         fallback, premaster);
    mbedtls_platform_zeroize(em.data(), em.size());
    return {};
  }

  // ------------------------------------------------------------ randomness
  // CTR_DRBG (NIST SP 800-90A) seeded from the platform entropy source.
  status random(mutable_bytes out) {
    if (!random_->seeded) return mbedtls_detail::backend_failure();
    std::size_t done = 0;
    while (done < out.size()) {
      const std::size_t chunk = out.size() - done < MBEDTLS_CTR_DRBG_MAX_REQUEST
                                    ? out.size() - done
                                    : MBEDTLS_CTR_DRBG_MAX_REQUEST;
      if (mbedtls_ctr_drbg_random(&random_->drbg, out.data() + done, chunk) != 0)
        return mbedtls_detail::backend_failure();
      done += chunk;
    }
    return {};
  }

 private:
  enum class key_kind { unsupported, rsa, p256, p384 };

  static key_kind kind_of(const mbedtls_pk_context* pk) noexcept {
    const mbedtls_pk_type_t t = mbedtls_pk_get_type(pk);
    if (t == MBEDTLS_PK_RSA) return key_kind::rsa;
    if (t == MBEDTLS_PK_ECKEY || t == MBEDTLS_PK_ECDSA) {
      const mbedtls_ecp_group_id id = mbedtls_pk_ec(*pk)->grp.id;
      if (id == MBEDTLS_ECP_DP_SECP256R1) return key_kind::p256;
      if (id == MBEDTLS_ECP_DP_SECP384R1) return key_kind::p384;
    }
    return key_kind::unsupported;
  }

  // A PKCS#8 key whose AlgorithmIdentifier is one of RFC 8410's curves
  // (id-X25519/X448/Ed25519/Ed448 = 1.3.101.110-113, DER 06 03 2b 65 6e..71):
  // valid, but not something Mbed TLS 2.28 can load. It comes right after
  // the version, within the first bytes of the encoding.
  static bool is_rfc8410_key(bytes_view der) noexcept {
    const std::size_t limit = der.size() < 16 ? der.size() : 16;
    for (std::size_t i = 0; i + 4 < limit; ++i)
      if (der[i] == 0x06 && der[i + 1] == 0x03 && der[i + 2] == 0x2b && der[i + 3] == 0x65 &&
          der[i + 4] >= 0x6e && der[i + 4] <= 0x71)
        return true;
    return false;
  }

  static constexpr key_kind key_kind_for(signature_scheme s) noexcept {
    switch (s) {
      case signature_scheme::ecdsa_secp256r1_sha256: return key_kind::p256;
      case signature_scheme::ecdsa_secp384r1_sha384: return key_kind::p384;
      default: return key_kind::rsa;
    }
  }

  static constexpr bool is_pss(signature_scheme s) noexcept {
    return s == signature_scheme::rsa_pss_rsae_sha256 || s == signature_scheme::rsa_pss_rsae_sha384;
  }

  // RFC 8446 §4.2.3: the hash each scheme signs with.
  static constexpr mbedtls_md_type_t md_for(signature_scheme s) noexcept {
    switch (s) {
      case signature_scheme::rsa_pss_rsae_sha384:
      case signature_scheme::rsa_pkcs1_sha384:
      case signature_scheme::ecdsa_secp384r1_sha384:
        return MBEDTLS_MD_SHA384;
      default:
        return MBEDTLS_MD_SHA256;
    }
  }

  static std::size_t hash_message(mbedtls_md_type_t md, bytes_view message,
                                  std::array<unsigned char, 48>& digest) {
    if (md == MBEDTLS_MD_SHA384) {
      sha384 h;
      h.update(message);
      h.finish(mutable_bytes(digest.data(), 48));
      return 48;
    }
    sha256 h;
    h.update(message);
    h.finish(mutable_bytes(digest.data(), 32));
    return 32;
  }

  // RFC 5280 §4.1.2.7 SubjectPublicKeyInfo, DER, and nothing after it.
  static mbedtls_detail::pk_ptr parse_spki(bytes_view spki) {
    mbedtls_detail::pk_ptr pk = mbedtls_detail::new_pk();
    if (spki.empty()) return {};
    // Mbed TLS 2.28 takes the cursor as unsigned char** but only reads through it.
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-const-cast): the C API's signature
    unsigned char* p = const_cast<unsigned char*>(spki.data());
    if (mbedtls_pk_parse_subpubkey(&p, p + spki.size(), pk.get()) != 0 ||
        p != spki.data() + spki.size())
      return {};
    return pk;
  }

  std::unique_ptr<mbedtls_detail::random_state> random_;
};

}  // namespace tlswire
