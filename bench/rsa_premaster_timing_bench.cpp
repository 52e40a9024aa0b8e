// dudect-style timing check of RSA premaster decryption (RFC 5246 §7.4.7.1),
// after Reparaz, Balasch, Verbauwhede, "Dude, is my code constant time?"
// (DATE 2017): time decrypt_rsa_premaster() on two classes of ciphertext,
// interleaved in random order, and compare the two timing distributions with
// Welch's t-test. |t| above ~4.5 is evidence that the time depends on the
// class (a Bleichenbacher / Marvin oracle); below it, no evidence at this
// sample count (not a proof). Not a CI assertion: timings on a shared machine
// are noisy, and a leak shows only with enough samples.
//
// Classes, all under the 2048-bit key of Wycheproof rsa_pkcs1_2048_test.json
// (tests/vectors/wycheproof/, group 0):
//   good      48-byte premasters 03 03 || random, encrypted here (the path
//             where the decrypted message is kept)
//   padding   the file's "invalid" InvalidPkcs1Padding cases (bad padding),
//             but not the special ciphertext values c = 0, 1, n-1
//   length    the file's "valid" cases: good padding but a message that is
//             not 48 bytes long (also a §7.4.7.1 failure)
// and it prints |t| for good vs padding and good vs length, over all samples
// and with the slowest samples cropped at several percentiles (as dudect
// does: a measurement disturbed by the machine is mostly a slow one).
//
//   tlswire_bench_rsa_premaster_timing [openssl|mbedtls] [samples]
//   (default: openssl, 150000 samples in all, so ~100000 in each comparison;
//   run it under nice: OpenSSL takes ~0.25 ms per decryption, mbedTLS ~2 ms)
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "tlswire/crypto/rsa_premaster.hpp"
#include "tlswire/providers/openssl.hpp"
#ifdef TLSWIRE_BENCH_HAVE_MBEDTLS
#include "tlswire/providers/mbedtls.hpp"
#endif

namespace {

using namespace tlswire;
using bytes = std::vector<std::uint8_t>;

bytes from_hex(std::string_view h) {
  bytes out(h.size() / 2);
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = static_cast<std::uint8_t>(std::stoi(std::string(h.substr(2 * i, 2)), nullptr, 16));
  return out;
}

bool has_flag(const nlohmann::json& test, std::string_view flag) {
  for (const auto& f : test["flags"])
    if (f.get<std::string>() == flag) return true;
  return false;
}

struct vectors {
  bytes key_der;   // PKCS#8
  bytes spki_der;  // derived with OpenSSL
  std::vector<bytes> good, padding, length;
};

vectors load(std::size_t good_count) {
  std::ifstream in(std::string(TLSWIRE_VECTORS_DIR) + "/wycheproof/rsa_pkcs1_2048_test.json");
  if (!in) {
    std::fprintf(stderr, "cannot open the Wycheproof file\n");
    std::exit(2);
  }
  const auto file = nlohmann::json::parse(in);
  const auto& group = file["testGroups"][0];
  vectors v;
  v.key_der = from_hex(group["privateKeyPkcs8"].get<std::string>());
  for (const auto& t : group["tests"]) {
    const std::string result = t["result"];
    const bytes ct = from_hex(t["ct"].get<std::string>());
    // "c = 0", "c = 1", "c = n-1" are left out: their exponentiation itself
    // takes another time (c = 0 is ~10% faster in Mbed TLS's bignum code,
    // with the old code and the new alike), which is about the public
    // ciphertext, not the padding, and swamps what this test looks for.
    const bool special_value = t["comment"].get<std::string>().rfind("c = ", 0) == 0;
    if (result == "invalid" && has_flag(t, "InvalidPkcs1Padding") && !special_value)
      v.padding.push_back(ct);
    if (result == "valid" && t["msg"].get<std::string>().size() != 2 * rsa_premaster_size)
      v.length.push_back(ct);
  }
  const unsigned char* p = v.key_der.data();
  EVP_PKEY* k = d2i_AutoPrivateKey(nullptr, &p, static_cast<long>(v.key_der.size()));
  unsigned char* spki = nullptr;
  const int n = k ? i2d_PUBKEY(k, &spki) : -1;
  if (n <= 0) std::exit(2);
  v.spki_der.assign(spki, spki + n);
  OPENSSL_free(spki);
  EVP_PKEY_free(k);

  openssl_provider o;
  for (std::size_t i = 0; i < good_count; ++i) {
    std::array<std::uint8_t, rsa_premaster_size> m{};
    if (!o.random(m).ok()) std::exit(2);
    m[0] = 0x03;
    m[1] = 0x03;
    bytes ct(256);
    if (!o.rsa_pkcs1_encrypt(v.spki_der, m, ct).ok()) std::exit(2);
    v.good.push_back(ct);
  }
  return v;
}

// Welch's t over two samples.
double welch_t(const std::vector<double>& a, const std::vector<double>& b) {
  auto moments = [](const std::vector<double>& x, double& mean, double& var) {
    mean = 0;
    for (double v : x) mean += v;
    mean /= static_cast<double>(x.size());
    var = 0;
    for (double v : x) var += (v - mean) * (v - mean);
    var /= static_cast<double>(x.size() - 1);
  };
  double ma = 0, va = 0, mb = 0, vb = 0;
  moments(a, ma, va);
  moments(b, mb, vb);
  return (ma - mb) / std::sqrt(va / static_cast<double>(a.size()) + vb / static_cast<double>(b.size()));
}

// The samples of x at or below `limit`.
std::vector<double> below(const std::vector<double>& x, double limit) {
  std::vector<double> out;
  for (double v : x)
    if (v <= limit) out.push_back(v);
  return out;
}

void report(const char* name, const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> all(a);
  all.insert(all.end(), b.begin(), b.end());
  std::sort(all.begin(), all.end());
  std::printf("  good vs %-8s n=%zu+%zu  |t| all=%.2f", name, a.size(), b.size(),
              std::fabs(welch_t(a, b)));
  double worst = std::fabs(welch_t(a, b));
  for (double pct : {50.0, 75.0, 90.0, 99.0}) {
    const double limit = all[static_cast<std::size_t>(pct / 100.0 * static_cast<double>(all.size() - 1))];
    const double t = std::fabs(welch_t(below(a, limit), below(b, limit)));
    worst = std::max(worst, t);
    std::printf("  p%.0f=%.2f", pct, t);
  }
  std::printf("  max=%.2f %s\n", worst, worst > 4.5 ? "(LEAK evidence: > 4.5)" : "(no evidence)");
}

template <class P>
int run(const char* name, const vectors& v, std::size_t total) {
  P p;
  typename P::private_key key;
  if (!p.load_private_key(v.key_der, key).ok()) return 2;
  std::mt19937_64 rng(12345);
  std::array<std::uint8_t, rsa_premaster_size> out{};
  std::vector<double> t[3];
  const std::vector<bytes>* pools[3] = {&v.good, &v.padding, &v.length};
  std::size_t next[3] = {0, 0, 0};
  const std::size_t warmup = 1000;
  std::uint64_t sink = 0;
  for (std::size_t i = 0; i < warmup + total; ++i) {
    const std::size_t c = rng() % 3;
    const bytes& ct = (*pools[c])[next[c]++ % pools[c]->size()];
    const auto t0 = std::chrono::steady_clock::now();
    const bool ok = decrypt_rsa_premaster(p, key, ct, protocol_version::tls12, out).ok();
    const auto t1 = std::chrono::steady_clock::now();
    sink += out[5] + (ok ? 1 : 0);
    if (i >= warmup)
      t[c].push_back(std::chrono::duration<double, std::nano>(t1 - t0).count());
  }
  std::sort(t[0].begin(), t[0].end());  // only for the median below
  std::printf("%s: %zu samples, median %.1f us per decryption (good class) [%llu]\n", name,
              t[0].size() + t[1].size() + t[2].size(), t[0][t[0].size() / 2] / 1000.0,
              static_cast<unsigned long long>(sink % 10));
  report("padding", t[0], t[1]);
  report("length", t[0], t[2]);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string which = argc > 1 ? argv[1] : "openssl";
  const std::size_t samples = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 150000;
  const vectors v = load(16);
  std::printf("classes: good %zu ciphertexts, padding %zu, length %zu; %zu samples\n",
              v.good.size(), v.padding.size(), v.length.size(), samples);
  if (which == "openssl") return run<openssl_provider>("openssl", v, samples);
#ifdef TLSWIRE_BENCH_HAVE_MBEDTLS
  if (which == "mbedtls") return run<mbedtls_provider>("mbedtls", v, samples);
#endif
  std::fprintf(stderr, "unknown or unavailable provider: %s\n", which.c_str());
  return 2;
}
