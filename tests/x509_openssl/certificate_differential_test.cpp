// x509/certificate.hpp against OpenSSL over mutated certificates: the strict
// view a verifier uses accepts nothing OpenSSL refuses (issue 16 item 8).
// OpenSSL's verdict is what its verifier sees: d2i_X509 consumes every byte,
// and the extensions it caches for verification decode (no EXFLAG_INVALID:
// basicConstraints, keyUsage, extKeyUsage, subject/authority key identifiers,
// subjectAltName, nameConstraints, cRLDistributionPoints, and no duplicate).
// The certificates are every DER file of tests/vectors/x509/policy/ and
// tests/vectors/x509/chain/ (generated with the openssl CLI by make.sh and
// make-chain.sh); each byte of each is replaced in a few ways.
#include <catch2/catch.hpp>

#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "tlswire/wire/codec.hpp"
#include "tlswire/x509/certificate.hpp"

namespace {

using namespace tlswire;
using bytes = std::vector<std::uint8_t>;

std::vector<bytes> vector_certificates() {
  std::vector<bytes> out;
  for (const char* dir : {"/x509/policy", "/x509/chain"}) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(TLSWIRE_VECTORS_DIR) + dir))
      if (entry.path().extension() == ".der") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      out.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
  }
  return out;
}

bool openssl_accepts(const bytes& der) {
  const unsigned char* p = der.data();
  X509* x = d2i_X509(nullptr, &p, static_cast<long>(der.size()));
  bool ok = x != nullptr && p == der.data() + der.size();
  if (ok) ok = (X509_get_extension_flags(x) & EXFLAG_INVALID) == 0;
  X509_free(x);
  ERR_clear_error();
  return ok;
}

bool tlswire_accepts(const bytes& der) { return decode<x509::certificate>(bytes_view(der.data(), der.size())).ok(); }

}  // namespace

TEST_CASE("accepts no mutated certificate that OpenSSL refuses", "[x509][openssl]") {
  const std::vector<bytes> certificates = vector_certificates();
  REQUIRE(certificates.size() >= 50);
  std::size_t cases = 0, both = 0, only_openssl = 0, only_tlswire = 0;
  for (std::size_t c = 0; c < certificates.size(); ++c) {
    const bytes& original = certificates[c];
    REQUIRE(tlswire_accepts(original));
    REQUIRE(openssl_accepts(original));
    bytes mutated = original;
    for (std::size_t i = 0; i < original.size(); ++i) {
      for (const int how : {0, 1, 2, 3}) {
        const std::uint8_t b = original[i];
        mutated[i] = how == 0 ? b ^ 0x01 : how == 1 ? b ^ 0x80 : how == 2 ? 0x00 : 0xff;
        if (mutated[i] == b) continue;
        ++cases;
        const bool t = tlswire_accepts(mutated);
        const bool o = openssl_accepts(mutated);
        both += t && o;
        only_openssl += !t && o;
        if (t && !o) {
          ++only_tlswire;
          UNSCOPED_INFO("certificate " << c << " byte " << i << " 0x" << std::hex << int{b} << " -> 0x"
                                       << int{mutated[i]} << std::dec);
        }
      }
      mutated[i] = original[i];
    }
  }
  WARN(cases << " mutated certificates: both accept " << both << ", only OpenSSL accepts " << only_openssl
             << " (tlswire stricter), only tlswire accepts " << only_tlswire);
  CHECK(only_tlswire == 0);
}
