// The constexpr reference provider at run time: SHA-256/SHA-384 throughput
// and the cost of a TLS 1.3 key schedule, next to references measured in the
// same run on the same bytes:
//   memcpy  — copy the buffer once (the floor for touching every byte);
//   OpenSSL — EVP_Digest, and an HKDF chain built on OpenSSL's HMAC()
//             (only when OpenSSL's headers are present).
// Each figure is the best of several repetitions, timed in process CPU time
// (std::clock) so that other jobs on a shared machine do not inflate it.
// Ratios are reference provider time divided by the other's time (above 1:
// slower).
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <vector>

#include "tlswire/crypto/hkdf_label.hpp"
#include "tlswire/providers/reference/provider.hpp"

#if __has_include(<openssl/evp.h>) && __has_include(<openssl/hmac.h>)
#include <openssl/evp.h>
#include <openssl/hmac.h>
#define TLSWIRE_BENCH_OPENSSL 1
#endif

namespace {

using tlswire::bytes_view;
using tlswire::reference_provider;

template <class F>
double best_seconds(int reps, int passes, F&& f) {
  double best = 1e30;
  for (int i = 0; i < reps; ++i) {
    const std::clock_t t0 = std::clock();
    for (int p = 0; p < passes; ++p) f();
    const double s = static_cast<double>(std::clock() - t0) / CLOCKS_PER_SEC / passes;
    if (s < best) best = s;
  }
  return best;
}

volatile std::uint8_t sink;

template <class Hash>
double reference_hash(const std::vector<std::uint8_t>& buf) {
  return best_seconds(7, 200, [&] { sink = Hash::hash(buf)[0]; });
}

// RFC 8446 §7.1 for one full handshake with TLS_AES_128_GCM_SHA256: early,
// handshake and master secrets, both handshake and application traffic
// secrets, exporter and resumption secrets, four key/IV pairs, two finished
// keys. Transcript hashes are fixed inputs (hashing messages is not counted).
void reference_key_schedule() {
  using P = reference_provider;
  using H = P::sha256;
  const std::array<std::uint8_t, 32> zeros{}, shared{0x8b, 0xd4}, th{0x86, 0x0c};
  std::array<std::uint8_t, 32> early{}, derived{}, hs{}, master{}, s[8]{};
  std::array<std::uint8_t, 16> key{};
  std::array<std::uint8_t, 12> iv{};
  const auto empty = tlswire::hash_of_empty<H>();
  P::hkdf_extract<H>(zeros, zeros, early);
  tlswire::derive_secret<P, H>(early, "derived", empty, derived);
  P::hkdf_extract<H>(derived, shared, hs);
  tlswire::derive_secret<P, H>(hs, "c hs traffic", th, s[0]);
  tlswire::derive_secret<P, H>(hs, "s hs traffic", th, s[1]);
  tlswire::derive_secret<P, H>(hs, "derived", empty, derived);
  P::hkdf_extract<H>(derived, zeros, master);
  tlswire::derive_secret<P, H>(master, "c ap traffic", th, s[2]);
  tlswire::derive_secret<P, H>(master, "s ap traffic", th, s[3]);
  tlswire::derive_secret<P, H>(master, "exp master", th, s[4]);
  tlswire::derive_secret<P, H>(master, "res master", th, s[5]);
  bool ok = true;
  for (int i = 0; i < 4; ++i) {
    ok &= tlswire::hkdf_expand_label<P, H>(s[i], "key", {}, key);
    ok &= tlswire::hkdf_expand_label<P, H>(s[i], "iv", {}, iv);
  }
  ok &= tlswire::hkdf_expand_label<P, H>(s[0], "finished", {}, s[6]);
  ok &= tlswire::hkdf_expand_label<P, H>(s[1], "finished", {}, s[7]);
  sink = static_cast<std::uint8_t>(key[0] ^ iv[0] ^ s[7][0] ^ (ok ? 0 : 1));
}

#ifdef TLSWIRE_BENCH_OPENSSL
// The same chain with OpenSSL's one-shot HMAC(); HkdfLabel built by hand.
void openssl_expand_label(const std::uint8_t* secret, const char* label, const std::uint8_t* ctx,
                          std::size_t ctx_len, std::uint8_t* out, std::size_t len) {
  std::uint8_t info[2 + 1 + 255 + 1 + 255 + 1];
  std::size_t n = 0;
  const std::size_t label_len = std::strlen(label);
  info[n++] = static_cast<std::uint8_t>(len >> 8);
  info[n++] = static_cast<std::uint8_t>(len);
  info[n++] = static_cast<std::uint8_t>(6 + label_len);
  std::memcpy(info + n, "tls13 ", 6);
  std::memcpy(info + n + 6, label, label_len);
  n += 6 + label_len;
  info[n++] = static_cast<std::uint8_t>(ctx_len);
  if (ctx_len != 0) std::memcpy(info + n, ctx, ctx_len);
  n += ctx_len;
  info[n++] = 1;  // T(1): every output here fits one block
  std::uint8_t t[32];
  unsigned t_len = 0;
  HMAC(EVP_sha256(), secret, 32, info, n, t, &t_len);
  std::memcpy(out, t, len);
}

void openssl_key_schedule() {
  std::uint8_t zeros[32] = {}, shared[32] = {0x8b, 0xd4}, th[32] = {0x86, 0x0c};
  std::uint8_t early[32], derived[32], hs[32], master[32], s[8][32], key[16], iv[12], empty[32];
  unsigned len = 0;
  EVP_Digest(nullptr, 0, empty, &len, EVP_sha256(), nullptr);
  HMAC(EVP_sha256(), zeros, 32, zeros, 32, early, &len);
  openssl_expand_label(early, "derived", empty, 32, derived, 32);
  HMAC(EVP_sha256(), derived, 32, shared, 32, hs, &len);
  openssl_expand_label(hs, "c hs traffic", th, 32, s[0], 32);
  openssl_expand_label(hs, "s hs traffic", th, 32, s[1], 32);
  openssl_expand_label(hs, "derived", empty, 32, derived, 32);
  HMAC(EVP_sha256(), derived, 32, zeros, 32, master, &len);
  openssl_expand_label(master, "c ap traffic", th, 32, s[2], 32);
  openssl_expand_label(master, "s ap traffic", th, 32, s[3], 32);
  openssl_expand_label(master, "exp master", th, 32, s[4], 32);
  openssl_expand_label(master, "res master", th, 32, s[5], 32);
  for (int i = 0; i < 4; ++i) {
    openssl_expand_label(s[i], "key", nullptr, 0, key, 16);
    openssl_expand_label(s[i], "iv", nullptr, 0, iv, 12);
  }
  openssl_expand_label(s[0], "finished", nullptr, 0, s[6], 32);
  openssl_expand_label(s[1], "finished", nullptr, 0, s[7], 32);
  sink = static_cast<std::uint8_t>(key[0] ^ iv[0] ^ s[7][0]);
}

double openssl_hash(const std::vector<std::uint8_t>& buf, const EVP_MD* md) {
  return best_seconds(7, 200, [&] {
    unsigned char d[64];
    unsigned len = 0;
    EVP_Digest(buf.data(), buf.size(), d, &len, md, nullptr);
    sink = d[0];
  });
}
#endif

}  // namespace

int main() {
  std::vector<std::uint8_t> buf(16384), copy(16384);
  for (std::size_t i = 0; i < buf.size(); ++i) buf[i] = static_cast<std::uint8_t>(i * 131 + 7);
  const double mb = static_cast<double>(buf.size()) / 1e6;

  const double t_memcpy = best_seconds(7, 2000, [&] {
    std::memcpy(copy.data(), buf.data(), buf.size());
    sink = copy[buf.size() / 2];
  });
  const double t256 = reference_hash<reference_provider::sha256>(buf);
  const double t384 = reference_hash<reference_provider::sha384>(buf);
  std::printf("16 KiB buffer       MB/s    ratio to memcpy\n");
  std::printf("memcpy         %9.0f\n", mb / t_memcpy);
  std::printf("ref SHA-256    %9.0f    %8.1fx\n", mb / t256, t256 / t_memcpy);
  std::printf("ref SHA-384    %9.0f    %8.1fx\n", mb / t384, t384 / t_memcpy);
#ifdef TLSWIRE_BENCH_OPENSSL
  const double o256 = openssl_hash(buf, EVP_sha256());
  const double o384 = openssl_hash(buf, EVP_sha384());
  std::printf("OpenSSL SHA-256 %8.0f    ref/OpenSSL %.2f\n", mb / o256, t256 / o256);
  std::printf("OpenSSL SHA-384 %8.0f    ref/OpenSSL %.2f\n", mb / o384, t384 / o384);
#endif

  const double ks = best_seconds(7, 2000, reference_key_schedule);
  std::printf("TLS 1.3 key schedule (SHA-256, 3 extracts + 17 expands): ref %.2f us", ks * 1e6);
#ifdef TLSWIRE_BENCH_OPENSSL
  const double oks = best_seconds(7, 2000, openssl_key_schedule);
  std::printf(", OpenSSL HMAC() %.2f us, ref/OpenSSL %.2f", oks * 1e6, ks / oks);
#endif
  std::printf("\n");
}
