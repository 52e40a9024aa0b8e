#pragma once
// openssl_provider: every algorithm of crypto/concepts.hpp through OpenSSL 3's
// EVP interfaces. Opt-in: the core never includes this header; a program that
// does links libcrypto (CMake: OpenSSL::Crypto).
//
// OpenSSL allocates inside (contexts, keys); this provider owns each such
// object through an RAII handle and throws nothing. Algorithms are fetched
// once per process (EVP_MD_fetch and friends) and kept, because an implicit
// fetch on every context initialisation costs more than a small record's
// encryption. An out-of-memory failure where the concept has no error to
// report (hash and HMAC construction, update, finish) terminates, as the
// concept says.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <utility>

#include <gsl/assert>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include "tlswire/crypto/algorithms.hpp"
#include "tlswire/crypto/provider.hpp"
#include "tlswire/crypto/provider_checks.hpp"
#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/result.hpp"

namespace tlswire {

namespace openssl_detail {

// Out of memory where the concept has no way to say so.
[[noreturn]] inline void out_of_memory() noexcept { std::abort(); }

template <class T, void (*Free)(T*)>
struct deleter {
  void operator()(T* p) const noexcept { Free(p); }
};
using md_ctx = std::unique_ptr<EVP_MD_CTX, deleter<EVP_MD_CTX, EVP_MD_CTX_free>>;
using mac_ctx = std::unique_ptr<EVP_MAC_CTX, deleter<EVP_MAC_CTX, EVP_MAC_CTX_free>>;
using kdf_ctx = std::unique_ptr<EVP_KDF_CTX, deleter<EVP_KDF_CTX, EVP_KDF_CTX_free>>;
using cipher_ctx = std::unique_ptr<EVP_CIPHER_CTX, deleter<EVP_CIPHER_CTX, EVP_CIPHER_CTX_free>>;
using pkey = std::unique_ptr<EVP_PKEY, deleter<EVP_PKEY, EVP_PKEY_free>>;
using pkey_ctx = std::unique_ptr<EVP_PKEY_CTX, deleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using bio = std::unique_ptr<BIO, deleter<BIO, BIO_free_all>>;

// OpenSSL reports a failure (a bad tag, bad padding, a bad key) by pushing
// onto the thread's error queue. The provider reports through its return
// value instead, so each fallible call leaves the queue as it found it: no
// growth over a long connection, nothing for the application to misread.
class error_queue_guard {
 public:
  error_queue_guard() noexcept { ERR_set_mark(); }
  error_queue_guard(const error_queue_guard&) = delete;
  error_queue_guard& operator=(const error_queue_guard&) = delete;
  error_queue_guard(error_queue_guard&&) = delete;  // one mark, popped once
  error_queue_guard& operator=(error_queue_guard&&) = delete;
  ~error_queue_guard() { ERR_pop_to_mark(); }
};

// EVP wants a non-null pointer even for zero bytes.
inline const unsigned char* data_or_empty(bytes_view b) noexcept {
  static constexpr unsigned char empty = 0;
  return b.empty() ? &empty : b.data();
}

inline error backend_failure() noexcept { return make_error(errc::crypto_failure, no_offset); }

// Fetched once, kept for the life of the process (never freed: other
// threads may still use them while static destructors run).
inline const EVP_MD* fetch_md(const char* name) noexcept {
  EVP_MD* md = EVP_MD_fetch(nullptr, name, nullptr);
  if (md == nullptr) out_of_memory();
  return md;
}
inline const EVP_MD* sha256_md() noexcept {
  static const EVP_MD* md = fetch_md("SHA2-256");
  return md;
}
inline const EVP_MD* sha384_md() noexcept {
  static const EVP_MD* md = fetch_md("SHA2-384");
  return md;
}
// EVP_MAC_CTX_new and EVP_KDF_CTX_new take the algorithm non-const (they
// count a reference to it), so these two are kept as OpenSSL hands them out.
inline EVP_MAC* hmac_algorithm() noexcept {
  // NOLINTNEXTLINE(cppcoreguidelines-avoid-non-const-global-variables): see above
  static EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  return mac;
}
inline EVP_KDF* hkdf_algorithm() noexcept {
  // NOLINTNEXTLINE(cppcoreguidelines-avoid-non-const-global-variables): see above
  static EVP_KDF* kdf = EVP_KDF_fetch(nullptr, "HKDF", nullptr);
  return kdf;
}
inline const EVP_CIPHER* cipher_for(aead_id a) noexcept {
  static const EVP_CIPHER* const gcm128 = EVP_CIPHER_fetch(nullptr, "AES-128-GCM", nullptr);
  static const EVP_CIPHER* const gcm256 = EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr);
  static const EVP_CIPHER* const chacha = EVP_CIPHER_fetch(nullptr, "ChaCha20-Poly1305", nullptr);
  static const EVP_CIPHER* const ccm128 = EVP_CIPHER_fetch(nullptr, "AES-128-CCM", nullptr);
  switch (a) {
    case aead_id::aes_128_gcm: return gcm128;
    case aead_id::aes_256_gcm: return gcm256;
    case aead_id::chacha20_poly1305: return chacha;
    case aead_id::aes_128_ccm:
    case aead_id::aes_128_ccm_8: return ccm128;
  }
  return nullptr;
}

struct sha256_traits {
  static constexpr std::size_t digest_size = 32;
  static constexpr std::size_t block_size = 64;
  static constexpr const char* name = "SHA2-256";
  static const EVP_MD* md() noexcept { return sha256_md(); }
};
struct sha384_traits {
  static constexpr std::size_t digest_size = 48;
  static constexpr std::size_t block_size = 128;
  static constexpr const char* name = "SHA2-384";
  static const EVP_MD* md() noexcept { return sha384_md(); }
};

// FIPS 180-4 hash on an EVP_MD_CTX. Copying duplicates the running state
// (EVP_MD_CTX_copy_ex): a transcript snapshot. Moving deliberately copies
// too, so a moved-from hash keeps its context and stays usable.
template <class Traits>
class hash {
 public:
  static constexpr std::size_t digest_size = Traits::digest_size;
  static constexpr std::size_t block_size = Traits::block_size;
  using digest_type = std::array<std::uint8_t, digest_size>;
  using traits = Traits;

  hash() : ctx_(EVP_MD_CTX_new()) {
    if (!ctx_ || EVP_DigestInit_ex2(ctx_.get(), Traits::md(), nullptr) != 1) out_of_memory();
  }
  hash(const hash& other) : ctx_(EVP_MD_CTX_new()) {
    if (!ctx_ || EVP_MD_CTX_copy_ex(ctx_.get(), other.ctx_.get()) != 1) out_of_memory();
  }
  hash& operator=(const hash& other) {
    if (this != &other && EVP_MD_CTX_copy_ex(ctx_.get(), other.ctx_.get()) != 1) out_of_memory();
    return *this;
  }
  // (noexcept: the copy throws nothing; out of memory terminates)
  hash(hash&& other) noexcept : hash(std::as_const(other)) {}
  hash& operator=(hash&& other) noexcept {
    *this = std::as_const(other);
    return *this;
  }
  ~hash() = default;

  void update(bytes_view data) {
    if (EVP_DigestUpdate(ctx_.get(), data.data(), data.size()) != 1) out_of_memory();
  }
  // Writes digest_size bytes and starts over with a fresh state.
  void finish(mutable_bytes out) {
    Expects(out.size() == digest_size);
    unsigned int n = 0;
    if (EVP_DigestFinal_ex(ctx_.get(), out.data(), &n) != 1 ||
        EVP_DigestInit_ex2(ctx_.get(), Traits::md(), nullptr) != 1)
      out_of_memory();
  }
  [[nodiscard]] digest_type finish() {
    digest_type d{};
    finish(d);
    return d;
  }

 private:
  md_ctx ctx_;
};

// OSSL_PARAMs for values OpenSSL only reads (the inputs of EVP_MAC_init and
// EVP_KDF_derive). The OSSL_PARAM_construct_* functions take a non-const
// buffer whatever the parameter's direction; these two cast the const away.
inline OSSL_PARAM input_utf8_param(const char* key, const char* value) noexcept {
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-const-cast): an input parameter, only read
  return OSSL_PARAM_construct_utf8_string(key, const_cast<char*>(value), 0);
}
inline OSSL_PARAM input_octet_param(const char* key, const unsigned char* value,
                                    std::size_t size) noexcept {
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-const-cast): an input parameter, only read
  return OSSL_PARAM_construct_octet_string(key, const_cast<unsigned char*>(value), size);
}

// OSSL_PARAM naming the digest of an HMAC or HKDF.
template <class H>
OSSL_PARAM digest_param() noexcept {
  return input_utf8_param(OSSL_MAC_PARAM_DIGEST, H::traits::name);
}

// RFC 2104 HMAC on an EVP_MAC_CTX, keyed once and copied with
// EVP_MAC_CTX_dup. finish() spends the keying, as for the reference HMAC.
// Moving copies, as for hash: a moved-from state stays keyed and usable.
template <class H>
class hmac_state {
 public:
  static constexpr std::size_t digest_size = H::digest_size;

  explicit hmac_state(bytes_view key) : ctx_(EVP_MAC_CTX_new(hmac_algorithm())) {
    OSSL_PARAM params[] = {digest_param<H>(), OSSL_PARAM_construct_end()};
    if (!ctx_ || EVP_MAC_init(ctx_.get(), data_or_empty(key), key.size(), params) != 1)
      out_of_memory();
  }
  hmac_state(const hmac_state& other) : ctx_(EVP_MAC_CTX_dup(other.ctx_.get())) {
    if (!ctx_) out_of_memory();
  }
  hmac_state& operator=(const hmac_state& other) {
    if (this != &other) {
      mac_ctx copy(EVP_MAC_CTX_dup(other.ctx_.get()));
      if (!copy) out_of_memory();
      ctx_ = std::move(copy);
    }
    return *this;
  }
  // (noexcept: the copy throws nothing; out of memory terminates)
  hmac_state(hmac_state&& other) noexcept : hmac_state(std::as_const(other)) {}
  hmac_state& operator=(hmac_state&& other) noexcept {
    *this = std::as_const(other);
    return *this;
  }
  ~hmac_state() = default;

  void update(bytes_view data) {
    if (EVP_MAC_update(ctx_.get(), data_or_empty(data), data.size()) != 1) out_of_memory();
  }
  void finish(mutable_bytes out) {
    Expects(out.size() == digest_size);
    std::size_t n = 0;
    if (EVP_MAC_final(ctx_.get(), out.data(), &n, out.size()) != 1) out_of_memory();
  }

 private:
  mac_ctx ctx_;
};

// The private half of a key share: the EVP_PKEY and its group.
struct key_share_private_key {
  pkey key;
  named_group group{};
};

}  // namespace openssl_detail

class openssl_provider {
 public:
  // ------------------------------------------------------------ hashing
  using sha256 = openssl_detail::hash<openssl_detail::sha256_traits>;  // FIPS 180-4 §6.2
  using sha384 = openssl_detail::hash<openssl_detail::sha384_traits>;  // FIPS 180-4 §6.5

  template <class H>
  using hmac_state = openssl_detail::hmac_state<H>;  // RFC 2104

  // RFC 2104, one shot through EVP_Q_mac.
  template <class H>
  static void hmac(bytes_view key, bytes_view data, mutable_bytes out) {
    Expects(out.size() == H::digest_size);
    std::size_t n = 0;
    if (EVP_Q_mac(nullptr, "HMAC", nullptr, H::traits::name, nullptr,
                  openssl_detail::data_or_empty(key), key.size(),
                  openssl_detail::data_or_empty(data), data.size(), out.data(), out.size(),
                  &n) == nullptr)
      openssl_detail::out_of_memory();
  }

  // RFC 5869 §2.2 through EVP_KDF "HKDF" in EXTRACT_ONLY mode. No salt
  // parameter is passed for an empty salt: HKDF then uses HashLen zeros,
  // which is the same key to HMAC (RFC 5869 §2.2 "if not provided").
  template <class H>
  static void hkdf_extract(bytes_view salt, bytes_view ikm, mutable_bytes prk) {
    Expects(prk.size() == H::digest_size);
    if (!run_hkdf<H>(EVP_KDF_HKDF_MODE_EXTRACT_ONLY, salt, ikm, {}, prk))
      openssl_detail::out_of_memory();
  }

  // RFC 5869 §2.3 through EVP_KDF "HKDF" in EXPAND_ONLY mode.
  template <class H>
  [[nodiscard]] static bool hkdf_expand(bytes_view prk, bytes_view info, mutable_bytes okm) {
    if (okm.size() > 255 * H::digest_size) return false;
    if (okm.empty()) return true;
    if (!run_hkdf<H>(EVP_KDF_HKDF_MODE_EXPAND_ONLY, {}, prk, info, okm))
      openssl_detail::out_of_memory();
    return true;
  }

  // ------------------------------------------------------------ AEAD
  static constexpr bool supports(aead_id) noexcept { return true; }

  // RFC 5116 AEAD on EVP_CIPHER_CTXs keyed once, one per direction (OpenSSL's
  // CCM cannot switch a keyed context from sealing to opening); each seal or
  // open only sets the nonce, so the key schedule is not redone per record.
  class aead_key {
   public:
    aead_key() = default;

    status set_key(aead_id id, bytes_view key) {
      const openssl_detail::error_queue_guard keep_error_queue;
      Expects(key.size() == aead_key_size(id));
      openssl_detail::cipher_ctx seal_ctx = keyed_context(id, key, 1);
      openssl_detail::cipher_ctx open_ctx = keyed_context(id, key, 0);
      if (!seal_ctx || !open_ctx) return openssl_detail::backend_failure();
      seal_ctx_ = std::move(seal_ctx);
      open_ctx_ = std::move(open_ctx);
      id_ = id;
      return {};
    }

    // RFC 5116 §2.1: out = ciphertext || tag.
    status seal(bytes_view nonce, bytes_view aad, bytes_view plaintext, mutable_bytes out) {
      const openssl_detail::error_queue_guard keep_error_queue;
      Expects(seal_ctx_ && nonce.size() == aead_nonce_size);
      TLSWIRE_CHECK(provider_checks::seal_arguments(id_, plaintext, out));
      const std::size_t tag = aead_tag_size(id_);
      EVP_CIPHER_CTX* c = seal_ctx_.get();
      int n = 0;
      if (EVP_CipherInit_ex2(c, nullptr, nullptr, nonce.data(), -1, nullptr) != 1)
        return openssl_detail::backend_failure();
      // CCM needs the message length before the AAD (RFC 3610 §2.2: B_0 holds it).
      if (is_ccm(id_) && EVP_CipherUpdate(c, nullptr, &n, nullptr, as_int(plaintext.size())) != 1)
        return openssl_detail::backend_failure();
      if (!aad.empty() && EVP_CipherUpdate(c, nullptr, &n, aad.data(), as_int(aad.size())) != 1)
        return openssl_detail::backend_failure();
      if (!plaintext.empty() || is_ccm(id_)) {
        // (for an empty CCM message out.data() is the tag's place, not null)
        if (EVP_CipherUpdate(c, out.data(), &n, openssl_detail::data_or_empty(plaintext),
                             as_int(plaintext.size())) != 1)
          return openssl_detail::backend_failure();
      }
      if (EVP_CipherFinal_ex(c, out.data() + plaintext.size(), &n) != 1 ||
          EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_AEAD_GET_TAG, static_cast<int>(tag),
                              out.data() + plaintext.size()) != 1)
        return openssl_detail::backend_failure();
      return {};
    }

    // RFC 5116 §2.2: verifies the tag; on failure `out` is zeroed.
    status open(bytes_view nonce, bytes_view aad, bytes_view sealed, mutable_bytes out) {
      const openssl_detail::error_queue_guard keep_error_queue;
      Expects(open_ctx_ && nonce.size() == aead_nonce_size);
      TLSWIRE_CHECK(provider_checks::open_arguments(id_, sealed, out));
      const std::size_t tag = aead_tag_size(id_);
      const std::size_t length = sealed.size() - tag;
      // The expected tag, copied out: OpenSSL's ctrl takes a non-const pointer.
      std::array<unsigned char, 16> expected_tag{};
      std::memcpy(expected_tag.data(), sealed.data() + length, tag);

      EVP_CIPHER_CTX* c = open_ctx_.get();
      int n = 0;
      // Somewhere to write for an empty message: a null output means "AAD".
      unsigned char none = 0;
      unsigned char* const plaintext_out = length == 0 ? &none : out.data();
      bool ok = EVP_CipherInit_ex2(c, nullptr, nullptr, nonce.data(), -1, nullptr) == 1;
      if (is_ccm(id_)) {
        // CCM: the expected tag and the length come first; the last update
        // verifies, and there is no final step (OpenSSL's CCM order).
        ok = ok &&
             EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_AEAD_SET_TAG, static_cast<int>(tag),
                                 expected_tag.data()) == 1 &&
             EVP_CipherUpdate(c, nullptr, &n, nullptr, as_int(length)) == 1 &&
             add_aad(c, aad) &&
             EVP_CipherUpdate(c, plaintext_out, &n, openssl_detail::data_or_empty(sealed),
                              as_int(length)) == 1;
      } else {
        ok = ok &&
             add_aad(c, aad) &&
             (length == 0 ||
              EVP_CipherUpdate(c, out.data(), &n, sealed.data(), as_int(length)) == 1) &&
             EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_AEAD_SET_TAG, static_cast<int>(tag),
                                 expected_tag.data()) == 1 &&
             EVP_CipherFinal_ex(c, plaintext_out, &n) == 1;
      }
      if (!ok) {
        OPENSSL_cleanse(out.data(), out.size());
        return make_error(errc::bad_record_mac, no_offset);
      }
      return {};
    }

   private:
    static constexpr bool is_ccm(aead_id id) noexcept {
      return id == aead_id::aes_128_ccm || id == aead_id::aes_128_ccm_8;
    }
    // A context for one direction (1 seal, 0 open), keyed, nonce still unset.
    static openssl_detail::cipher_ctx keyed_context(aead_id id, bytes_view key, int enc) {
      const EVP_CIPHER* cipher = openssl_detail::cipher_for(id);
      openssl_detail::cipher_ctx ctx(EVP_CIPHER_CTX_new());
      if (!ctx || cipher == nullptr) return {};
      if (EVP_CipherInit_ex2(ctx.get(), cipher, nullptr, nullptr, enc, nullptr) != 1 ||
          EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_IVLEN, aead_nonce_size, nullptr) != 1)
        return {};
      // CCM fixes the tag length before the key (RFC 3610 §2: M is a parameter).
      if (is_ccm(id) && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG,
                                            static_cast<int>(aead_tag_size(id)), nullptr) != 1)
        return {};
      if (EVP_CipherInit_ex2(ctx.get(), nullptr, key.data(), nullptr, -1, nullptr) != 1) return {};
      return ctx;
    }
    static bool add_aad(EVP_CIPHER_CTX* c, bytes_view aad) noexcept {
      int n = 0;
      return aad.empty() || EVP_CipherUpdate(c, nullptr, &n, aad.data(), as_int(aad.size())) == 1;
    }
    static int as_int(std::size_t n) noexcept {
      Expects(n <= 0x7fffffff);
      return static_cast<int>(n);
    }

    openssl_detail::cipher_ctx seal_ctx_;
    openssl_detail::cipher_ctx open_ctx_;
    aead_id id_ = aead_id::aes_128_gcm;
  };

  // ------------------------------------------------------------ keys
  // An EVP_PKEY: RSA, EC (P-256, P-384) or Ed25519.
  class private_key {
   public:
    private_key() = default;
    EVP_PKEY* get() const noexcept { return key_.get(); }
    explicit operator bool() const noexcept { return key_ != nullptr; }

   private:
    friend class openssl_provider;
    openssl_detail::pkey key_;
  };

  // PKCS#8 PrivateKeyInfo or a traditional RSAPrivateKey/ECPrivateKey, DER.
  status load_private_key(bytes_view der, private_key& key) {
    const openssl_detail::error_queue_guard keep_error_queue;
    const unsigned char* p = der.data();
    openssl_detail::pkey k(d2i_AutoPrivateKey(nullptr, &p, static_cast<long>(der.size())));
    if (!k || p != der.data() + der.size()) return make_error(errc::bad_value, no_offset);
    if (kind_of(k.get()) == key_kind::unsupported) return make_error(errc::unsupported, no_offset);
    key.key_ = std::move(k);
    return {};
  }

  // The same from PEM ("-----BEGIN PRIVATE KEY-----" and the traditional forms).
  status load_private_key_pem(bytes_view pem, private_key& key) {
    const openssl_detail::error_queue_guard keep_error_queue;
    openssl_detail::bio b(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    if (!b) return openssl_detail::backend_failure();
    openssl_detail::pkey k(PEM_read_bio_PrivateKey(b.get(), nullptr, nullptr, nullptr));
    if (!k) return make_error(errc::bad_value, no_offset);
    if (kind_of(k.get()) == key_kind::unsupported) return make_error(errc::unsupported, no_offset);
    key.key_ = std::move(k);
    return {};
  }

  // ------------------------------------------------------------ key exchange
  static constexpr bool supports(named_group g) noexcept {
    return provider_checks::is_key_exchange_group(g);
  }

  using key_share_private_key = openssl_detail::key_share_private_key;

  // RFC 8446 §4.2.8: a fresh ephemeral key and its public value.
  status generate_key_share(named_group group, key_share_private_key& priv,
                            mutable_bytes public_value) {
    const openssl_detail::error_queue_guard keep_error_queue;
    TLSWIRE_CHECK(provider_checks::key_share_arguments<openssl_provider>(group, public_value));
    // EVP_PKEY_Q_keygen(3), OpenSSL's one-call key generation, is a C
    // variadic function: "EC" takes the group name after the type, "X25519"
    // nothing more.
    // NOLINTBEGIN(cppcoreguidelines-pro-type-vararg)
    openssl_detail::pkey k(group == named_group::x25519
                               ? EVP_PKEY_Q_keygen(nullptr, nullptr, "X25519")
                               : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC",
                                                   group == named_group::secp256r1 ? "P-256"
                                                                                   : "P-384"));
    // NOLINTEND(cppcoreguidelines-pro-type-vararg)
    if (!k) return openssl_detail::backend_failure();
    // X25519: the raw 32 bytes; NIST curves: the encoded point, uncompressed.
    std::size_t n = public_value.size();
    const int ok =
        group == named_group::x25519
            ? EVP_PKEY_get_raw_public_key(k.get(), public_value.data(), &n)
            : EVP_PKEY_get_octet_string_param(k.get(), OSSL_PKEY_PARAM_PUB_KEY, public_value.data(),
                                              public_value.size(), &n);
    if (ok != 1 || n != public_value.size()) return openssl_detail::backend_failure();
    priv.key = std::move(k);
    priv.group = group;
    return {};
  }

  // A known private value (known-answer tests, RFC 8448 traces).
  status import_key_share(named_group group, bytes_view private_value,
                          key_share_private_key& priv) {
    const openssl_detail::error_queue_guard keep_error_queue;
    TLSWIRE_CHECK(provider_checks::imported_key_arguments<openssl_provider>(group, private_value));
    openssl_detail::pkey k;
    if (group == named_group::x25519) {
      k.reset(EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, private_value.data(),
                                           private_value.size()));
    } else {
      // The scalar alone is enough for ECDH (no public point is derived).
      std::unique_ptr<BIGNUM, openssl_detail::deleter<BIGNUM, BN_clear_free>> d(
          BN_bin2bn(private_value.data(), static_cast<int>(private_value.size()), nullptr));
      std::array<unsigned char, 48> native{};  // OSSL_PARAM_BN wants native byte order
      if (!d || BN_bn2nativepad(d.get(), native.data(), static_cast<int>(private_value.size())) < 0)
        return openssl_detail::backend_failure();
      char curve[] = "P-256";
      char curve384[] = "P-384";
      OSSL_PARAM params[] = {
          OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME,
                                           group == named_group::secp256r1 ? curve : curve384, 0),
          OSSL_PARAM_construct_BN(OSSL_PKEY_PARAM_PRIV_KEY, native.data(), private_value.size()),
          OSSL_PARAM_construct_end()};
      openssl_detail::pkey_ctx ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
      EVP_PKEY* raw = nullptr;
      if (ctx && EVP_PKEY_fromdata_init(ctx.get()) == 1)
        EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_KEYPAIR, params);
      k.reset(raw);
      OPENSSL_cleanse(native.data(), native.size());
    }
    if (!k) return make_error(errc::bad_value, no_offset);
    priv.key = std::move(k);
    priv.group = group;
    return {};
  }

  // RFC 7748 §6.1 / RFC 8446 §7.4.2: the shared secret with the peer's value.
  status derive_shared_secret(const key_share_private_key& priv, bytes_view peer_public_value,
                              mutable_bytes shared) {
    const openssl_detail::error_queue_guard keep_error_queue;
    const error illegal = make_error(errc::bad_value, alert_description::illegal_parameter, no_offset);
    Expects(priv.key != nullptr);
    TLSWIRE_CHECK(provider_checks::peer_value_arguments(priv.group, peer_public_value, shared));

    openssl_detail::pkey peer(EVP_PKEY_new());
    if (!peer || EVP_PKEY_copy_parameters(peer.get(), priv.key.get()) != 1)
      return openssl_detail::backend_failure();
    if (EVP_PKEY_set1_encoded_public_key(peer.get(), peer_public_value.data(),
                                         peer_public_value.size()) != 1)
      return illegal;  // not a point on the curve
    openssl_detail::pkey_ctx ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, priv.key.get(), nullptr));
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1) return openssl_detail::backend_failure();
    if (EVP_PKEY_derive_set_peer_ex(ctx.get(), peer.get(), 1) != 1) return illegal;
    std::size_t n = shared.size();
    if (EVP_PKEY_derive(ctx.get(), shared.data(), &n) != 1) return illegal;  // e.g. all-zero X25519
    if (n != shared.size()) return openssl_detail::backend_failure();
    // Checked here too, in case the back end does not refuse it.
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
      case signature_scheme::ed25519:
        return true;
      default:
        return false;
    }
  }

  // RFC 8446 §4.2.3: sign `message` with `key` as `scheme` says.
  result<std::size_t> sign(const private_key& key, signature_scheme scheme, bytes_view message,
                           mutable_bytes out) {
    const openssl_detail::error_queue_guard keep_error_queue;
    Expects(key.get() != nullptr);
    if (!supports(scheme)) return make_error(errc::unsupported, no_offset);
    if (kind_of(key.get()) != key_kind_for(scheme)) return make_error(errc::bad_value, no_offset);
    openssl_detail::md_ctx ctx(EVP_MD_CTX_new());
    if (!ctx) return openssl_detail::backend_failure();
    EVP_PKEY_CTX* pctx = nullptr;
    if (EVP_DigestSignInit_ex(ctx.get(), &pctx, md_name_for(scheme), nullptr, nullptr, key.get(),
                              nullptr) != 1 ||
        !set_padding(pctx, scheme))
      return openssl_detail::backend_failure();
    std::size_t n = 0;
    if (EVP_DigestSign(ctx.get(), nullptr, &n, message.data(), message.size()) != 1)
      return openssl_detail::backend_failure();
    if (n > out.size()) return make_error(errc::buffer_too_small, no_offset);
    n = out.size();
    if (EVP_DigestSign(ctx.get(), out.data(), &n, openssl_detail::data_or_empty(message),
                       message.size()) != 1)
      return openssl_detail::backend_failure();
    return n;
  }

  // RFC 8446 §4.4.3: verify with the public key of a SubjectPublicKeyInfo.
  status verify(bytes_view spki, signature_scheme scheme, bytes_view message,
                bytes_view signature) {
    const openssl_detail::error_queue_guard keep_error_queue;
    if (!supports(scheme))
      return make_error(errc::unsupported, alert_description::illegal_parameter, no_offset);
    openssl_detail::pkey key = parse_spki(spki);
    if (!key) return make_error(errc::bad_value, alert_description::bad_certificate, no_offset);
    if (kind_of(key.get()) != key_kind_for(scheme))
      return make_error(errc::bad_value, alert_description::illegal_parameter, no_offset);
    openssl_detail::md_ctx ctx(EVP_MD_CTX_new());
    if (!ctx) return openssl_detail::backend_failure();
    EVP_PKEY_CTX* pctx = nullptr;
    if (EVP_DigestVerifyInit_ex(ctx.get(), &pctx, md_name_for(scheme), nullptr, nullptr,
                                key.get(), nullptr) != 1 ||
        !set_padding(pctx, scheme))
      return openssl_detail::backend_failure();
    if (EVP_DigestVerify(ctx.get(), openssl_detail::data_or_empty(signature), signature.size(),
                         openssl_detail::data_or_empty(message), message.size()) != 1)
      return make_error(errc::crypto_failure, alert_description::decrypt_error, no_offset);
    return {};
  }

  // ------------------------------------------------------------ RSA key transport
  static constexpr bool supports(key_transport_id) noexcept { return true; }

  // RFC 8017 §7.2.1 RSAES-PKCS1-v1_5 encryption to the key in `spki`.
  result<std::size_t> rsa_pkcs1_encrypt(bytes_view spki, bytes_view message, mutable_bytes out) {
    const openssl_detail::error_queue_guard keep_error_queue;
    openssl_detail::pkey key = parse_spki(spki);
    if (!key) return make_error(errc::bad_value, alert_description::bad_certificate, no_offset);
    if (kind_of(key.get()) != key_kind::rsa)
      return make_error(errc::bad_value, alert_description::illegal_parameter, no_offset);
    openssl_detail::pkey_ctx ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
    if (!ctx || EVP_PKEY_encrypt_init(ctx.get()) != 1 ||
        EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) != 1)
      return openssl_detail::backend_failure();
    std::size_t n = 0;
    if (EVP_PKEY_encrypt(ctx.get(), nullptr, &n, message.data(), message.size()) != 1)
      return openssl_detail::backend_failure();
    if (n > out.size()) return make_error(errc::buffer_too_small, no_offset);
    n = out.size();
    if (EVP_PKEY_encrypt(ctx.get(), out.data(), &n, message.data(), message.size()) != 1)
      return openssl_detail::backend_failure();
    return n;
  }

  // RFC 5246 §7.4.7.1 (crypto/concepts.hpp): OpenSSL 3's
  // RSA_PKCS1_WITH_TLS_PADDING checks padding, length and client_version and
  // chooses between M and its own random premaster in constant time, always
  // writing 48 bytes (EVP_ASYM_CIPHER-RSA(7), "tls-client-version"). It
  // fails only on public grounds — a ciphertext longer than the modulus or
  // not below it, a failing allocation or random source — and then
  // `fallback` is used, so no error reaches the caller for any ciphertext.
  status rsa_premaster_decrypt(const private_key& key, bytes_view encrypted,
                               protocol_version client_version, bytes_view fallback,
                               mutable_bytes premaster) {
    Expects(key.get() != nullptr && fallback.size() == 48 && premaster.size() == 48);
    const openssl_detail::error_queue_guard keep_error_queue;
    if (kind_of(key.get()) != key_kind::rsa) return make_error(errc::bad_value, no_offset);
    unsigned int version = static_cast<std::uint16_t>(client_version);
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_uint(OSSL_ASYM_CIPHER_PARAM_TLS_CLIENT_VERSION, &version),
        OSSL_PARAM_construct_end()};
    openssl_detail::pkey_ctx ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
    if (!ctx || EVP_PKEY_decrypt_init(ctx.get()) != 1 ||
        EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_WITH_TLS_PADDING) != 1 ||
        EVP_PKEY_CTX_set_params(ctx.get(), params) != 1)
      return openssl_detail::backend_failure();
    std::size_t n = premaster.size();
    const bool decrypted = EVP_PKEY_decrypt(ctx.get(), premaster.data(), &n,
                                            openssl_detail::data_or_empty(encrypted),
                                            encrypted.size()) == 1 &&
                           n == premaster.size();
    if (!decrypted) std::memcpy(premaster.data(), fallback.data(), premaster.size());  // public
    return {};
  }

  // ------------------------------------------------------------ randomness
  // RAND_bytes: OpenSSL's DRBG, seeded from the operating system.
  status random(mutable_bytes out) {
    if (out.empty()) return {};
    if (RAND_bytes(out.data(), static_cast<int>(out.size())) != 1)
      return openssl_detail::backend_failure();
    return {};
  }

 private:
  template <class H>
  static bool run_hkdf(int mode, bytes_view salt, bytes_view key, bytes_view info,
                       mutable_bytes out) {
    openssl_detail::kdf_ctx ctx(EVP_KDF_CTX_new(openssl_detail::hkdf_algorithm()));
    if (!ctx) return false;
    OSSL_PARAM params[6];
    std::size_t i = 0;
    params[i++] = OSSL_PARAM_construct_int(OSSL_KDF_PARAM_MODE, &mode);
    params[i++] = openssl_detail::input_utf8_param(OSSL_KDF_PARAM_DIGEST, H::traits::name);
    params[i++] = openssl_detail::input_octet_param(
        OSSL_KDF_PARAM_KEY, openssl_detail::data_or_empty(key), key.size());
    if (!salt.empty())
      params[i++] =
          openssl_detail::input_octet_param(OSSL_KDF_PARAM_SALT, salt.data(), salt.size());
    if (!info.empty())
      params[i++] =
          openssl_detail::input_octet_param(OSSL_KDF_PARAM_INFO, info.data(), info.size());
    params[i] = OSSL_PARAM_construct_end();
    return EVP_KDF_derive(ctx.get(), out.data(), out.size(), params) == 1;
  }

  enum class key_kind { unsupported, rsa, p256, p384, ed25519 };

  static key_kind kind_of(EVP_PKEY* k) noexcept {
    if (EVP_PKEY_is_a(k, "RSA")) return key_kind::rsa;
    if (EVP_PKEY_is_a(k, "ED25519")) return key_kind::ed25519;
    if (EVP_PKEY_is_a(k, "EC")) {
      char name[32] = {};
      std::size_t n = 0;
      if (EVP_PKEY_get_group_name(k, name, sizeof name, &n) != 1) return key_kind::unsupported;
      if (std::strcmp(name, "prime256v1") == 0 || std::strcmp(name, "P-256") == 0)
        return key_kind::p256;
      if (std::strcmp(name, "secp384r1") == 0 || std::strcmp(name, "P-384") == 0)
        return key_kind::p384;
    }
    return key_kind::unsupported;
  }

  static constexpr key_kind key_kind_for(signature_scheme s) noexcept {
    switch (s) {
      case signature_scheme::ecdsa_secp256r1_sha256: return key_kind::p256;
      case signature_scheme::ecdsa_secp384r1_sha384: return key_kind::p384;
      case signature_scheme::ed25519: return key_kind::ed25519;
      default: return key_kind::rsa;
    }
  }

  // RFC 8446 §4.2.3: the hash each scheme signs with; none for Ed25519.
  static constexpr const char* md_name_for(signature_scheme s) noexcept {
    switch (s) {
      case signature_scheme::rsa_pss_rsae_sha384:
      case signature_scheme::rsa_pkcs1_sha384:
      case signature_scheme::ecdsa_secp384r1_sha384:
        return "SHA2-384";
      case signature_scheme::ed25519:
        return nullptr;
      default:
        return "SHA2-256";
    }
  }

  // RFC 8446 §4.2.3: RSASSA-PSS with MGF1 over the same hash and a salt as
  // long as the digest; RSASSA-PKCS1-v1_5 otherwise.
  static bool set_padding(EVP_PKEY_CTX* pctx, signature_scheme s) noexcept {
    if (s == signature_scheme::rsa_pss_rsae_sha256 || s == signature_scheme::rsa_pss_rsae_sha384)
      return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1 &&
             EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) == 1;
    if (s == signature_scheme::rsa_pkcs1_sha256 || s == signature_scheme::rsa_pkcs1_sha384)
      return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) == 1;
    return true;
  }

  // RFC 5280 §4.1.2.7 SubjectPublicKeyInfo, DER, and nothing after it.
  static openssl_detail::pkey parse_spki(bytes_view spki) noexcept {
    const unsigned char* p = spki.data();
    openssl_detail::pkey k(d2i_PUBKEY(nullptr, &p, static_cast<long>(spki.size())));
    if (k && p != spki.data() + spki.size()) k.reset();
    return k;
  }
};

}  // namespace tlswire
