// RSA premaster decryption (RFC 5246 §7.4.7.1) must not branch or index on
// secrets: checked with valgrind memcheck, the ctgrind technique (Adam
// Langley, 2010). A secret is marked "undefined" with
// VALGRIND_MAKE_MEM_UNDEFINED (its bytes stay as they are); memcheck then
// reports every conditional jump and every address that depends on it
// ("Conditional jump or move depends on uninitialised value(s)", "Use of
// uninitialised value"), and the program runs under
// `valgrind --error-exitcode=1`. The result is marked defined again
// ("declassified") before it is compared with what it should be.
//
// What is marked secret, per part:
//   1. tlswire's own select (select_rsa_premaster, with a scripted back end):
//      the encoded message EM that RSA's private operation would give (the
//      padding, the message and so its length) and the back end's status.
//   2. openssl_provider: everything RSA's private operation returns. A
//      hooked RSA_METHOD (RSA_set_default_method, before the key is loaded)
//      marks its output bytes — the encoded message EM with RSA_NO_PADDING,
//      which RSA_PKCS1_WITH_TLS_PADDING uses — and, for the padded modes,
//      its return value (the message length or -1: the padding verdict).
//      So OpenSSL's padding check and version check, the provider and
//      rsa_premaster.hpp are covered; the modular exponentiation is not
//      (the private key is not marked: OpenSSL's and Mbed TLS's bignum code
//      would be reported for reasons outside this library's reach).
//   3. mbedtls_provider: mbedtls_rsa_private() is interposed (this program
//      defines it and calls the library's through dlsym(RTLD_NEXT)) and
//      marks the decrypted EM; the provider and the select are covered, the
//      exponentiation is not.
// Every part runs a good premaster, a tampered ciphertext, a 47-byte message
// and a wrong version, so both outcomes go through the checked code.
//
// Built and run by tests/constant_time/run-ctgrind.sh with each compiler at
// -O2 and -O3. -DTLSWIRE_CTGRIND_OLD_API builds part 1 against the
// concept before rsa_premaster_decrypt existed (to show the old code fail).
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <valgrind/memcheck.h>

#include "tlswire/crypto/rsa_premaster.hpp"

#ifdef TLSWIRE_CTGRIND_OPENSSL
#define OPENSSL_SUPPRESS_DEPRECATED  // RSA_METHOD: the only hook below EVP
#include <openssl/rsa.h>

#include "tlswire/providers/openssl.hpp"
#endif
#ifdef TLSWIRE_CTGRIND_MBEDTLS
#include <dlfcn.h>

#include "tlswire/providers/mbedtls.hpp"
#endif

namespace {

using namespace tlswire;

template <class T>
void secret(T& x) {
  VALGRIND_MAKE_MEM_UNDEFINED(&x, sizeof x);
}
void secret_bytes(void* p, std::size_t n) { VALGRIND_MAKE_MEM_UNDEFINED(p, n); }
template <class T>
void declassify(T& x) {
  VALGRIND_MAKE_MEM_DEFINED(&x, sizeof x);
}

int failures = 0;
int hooked = 0;  // calls of the RSA private operation that marked their output
void expect(bool ok, const char* what) {
  std::printf("  %-58s %s\n", what, ok ? "ok" : "WRONG");
  if (!ok) ++failures;
}

using premaster_t = std::array<std::uint8_t, rsa_premaster_size>;

premaster_t tls12_premaster() {
  premaster_t m{};
  for (std::size_t i = 0; i < m.size(); ++i) m[i] = static_cast<std::uint8_t>(i * 7 + 1);
  m[0] = 0x03;
  m[1] = 0x03;
  return m;
}

// ---------------------------------------------------------------- part 1
// A back end that "decrypts" to a scripted outcome, every part of it secret.
struct scripted_provider {
  static constexpr bool supports(key_transport_id) { return true; }
  struct private_key {};
  status load_private_key(bytes_view, private_key&) { return {}; }
  result<std::size_t> rsa_pkcs1_encrypt(bytes_view, bytes_view, mutable_bytes) {
    return std::size_t{0};
  }

  premaster_t m = tls12_premaster();
  bool fails = false;
  std::size_t length = 48;

#ifdef TLSWIRE_CTGRIND_OLD_API
  result<std::size_t> rsa_pkcs1_decrypt(const private_key&, bytes_view, mutable_bytes out) {
    result<std::size_t> r = fails ? result<std::size_t>(make_error(errc::crypto_failure, 0))
                                  : result<std::size_t>(length);
    std::memcpy(out.data(), m.data(), m.size());
    secret_bytes(out.data(), m.size());
    secret(r);
    return r;
  }
#else
  status rsa_premaster_decrypt(const private_key&, bytes_view, protocol_version client_version,
                               bytes_view fallback, mutable_bytes premaster) {
    std::array<std::uint8_t, 256> em{};  // 00 02 PS 00 M, as RSADP gives it
    const std::size_t at = em.size() - length;
    em[1] = fails ? 0x01 : 0x02;
    for (std::size_t i = 2; i < at - 1; ++i) em[i] = static_cast<std::uint8_t>(i | 1);
    std::memcpy(em.data() + at, m.data(), length);
    std::size_t error = 0;
    secret(em);
    secret(error);
    select_rsa_premaster(error, em, client_version, fallback, premaster);
    return {};
  }
#endif

  std::uint8_t next = 0xa0;
  status random(mutable_bytes out) {
    for (auto& b : out) b = next++;
    return {};
  }
};

void part_scripted() {
  std::printf("part 1: tlswire's select over a scripted back end\n");
  const std::array<std::uint8_t, 4> ciphertext{};
  auto run = [&](bool fails, std::size_t length, std::uint8_t version_low) {
    scripted_provider p;
    p.fails = fails;
    p.length = length;
    p.m[1] = version_low;
    premaster_t out{};
    const bool ok = decrypt_rsa_premaster(p, {}, ciphertext, protocol_version::tls12, out).ok();
    declassify(out);
    return ok && out == p.m;
  };
  expect(run(false, 48, 0x03), "good premaster is kept");
  expect(!run(true, 48, 0x03), "bad padding gives the random premaster");
  expect(!run(false, 47, 0x03), "47-byte message gives the random premaster");
#ifndef TLSWIRE_CTGRIND_OLD_API
  expect(!run(false, 48, 0x01), "wrong version gives the random premaster");
#endif
}

std::vector<std::uint8_t> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(2);
  }
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Parts 2 and 3: the same four ciphertexts through a real provider.
template <class P>
void run_provider(const char* name, const std::string& keys) {
  std::printf("%s\n", name);
  hooked = 0;
  P p;
  typename P::private_key key;
  if (!p.load_private_key(read_file(keys + "/rsa2048.key.der"), key).ok()) std::exit(2);
  const auto spki = read_file(keys + "/rsa2048.spki.der");
  auto encrypt = [&](bytes_view m) {
    std::array<std::uint8_t, 256> c{};
    if (!p.rsa_pkcs1_encrypt(spki, m, c).ok()) std::exit(2);
    return c;
  };
  auto decrypt = [&](bytes_view c) {
    premaster_t out{};
    const bool ok = decrypt_rsa_premaster(p, key, c, protocol_version::tls12, out).ok();
    declassify(out);
    if (!ok) std::printf("  (error)\n");
    return out;
  };
  const premaster_t good = tls12_premaster();
  expect(decrypt(encrypt(good)) == good, "good premaster is kept");
  auto tampered = encrypt(good);
  tampered[100] ^= 1;
  expect(decrypt(tampered) != good, "tampered ciphertext gives a random premaster");
  expect(decrypt(encrypt(bytes_view(good).first(47))) != good,
         "47-byte message gives a random premaster");
  premaster_t tls10 = good;
  tls10[1] = 0x01;
  expect(decrypt(encrypt(tls10)) != tls10, "wrong version is not kept");
  expect(hooked >= 4, "the hook marked every decryption's output secret");
}

}  // namespace

#ifdef TLSWIRE_CTGRIND_OPENSSL
namespace {
int (*openssl_priv_dec)(int, const unsigned char*, unsigned char*, RSA*, int) = nullptr;

int marking_priv_dec(int flen, const unsigned char* from, unsigned char* to, RSA* rsa,
                     int padding) {
  int r = openssl_priv_dec(flen, from, to, rsa, padding);
  ++hooked;
  if (r > 0) secret_bytes(to, static_cast<std::size_t>(r));
  if (padding != RSA_NO_PADDING) secret(r);  // the padding verdict
  return r;
}

void part_openssl(const std::string& keys) {
  RSA_METHOD* m = RSA_meth_dup(RSA_PKCS1_OpenSSL());
  openssl_priv_dec = RSA_meth_get_priv_dec(RSA_PKCS1_OpenSSL());
  RSA_meth_set_priv_dec(m, marking_priv_dec);
  RSA_set_default_method(m);  // keys loaded from now on use it
  run_provider<openssl_provider>("part 2: openssl_provider (RSA private op output secret)", keys);
}
}  // namespace
#endif

#ifdef TLSWIRE_CTGRIND_MBEDTLS
// Interposes libmbedcrypto's own symbol (exported from this executable).
extern "C" int mbedtls_rsa_private(mbedtls_rsa_context* ctx,
                                   int (*f_rng)(void*, unsigned char*, size_t), void* p_rng,
                                   const unsigned char* input, unsigned char* output) {
  using fn = int (*)(mbedtls_rsa_context*, int (*)(void*, unsigned char*, size_t), void*,
                     const unsigned char*, unsigned char*);
  static const fn real = reinterpret_cast<fn>(dlsym(RTLD_NEXT, "mbedtls_rsa_private"));
  const int r = real(ctx, f_rng, p_rng, input, output);
  ++hooked;
  secret_bytes(output, mbedtls_rsa_get_len(ctx));
  return r;
}
namespace {
void part_mbedtls(const std::string& keys) {
  run_provider<mbedtls_provider>("part 3: mbedtls_provider (mbedtls_rsa_private output secret)",
                                 keys);
}
}  // namespace
#endif

int main(int argc, char** argv) {
  const std::string keys = argc > 1 ? argv[1] : "tests/vectors/keys";
  if (!RUNNING_ON_VALGRIND) std::printf("(not under valgrind: only the results are checked)\n");
  part_scripted();
#ifdef TLSWIRE_CTGRIND_OPENSSL
  part_openssl(keys);
#endif
#ifdef TLSWIRE_CTGRIND_MBEDTLS
  part_mbedtls(keys);
#endif
  return failures == 0 ? 0 : 3;
}
