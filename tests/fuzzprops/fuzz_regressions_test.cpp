// The fuzz targets' oracles (fuzz/targets/*.hpp) replayed as ordinary tests:
// on every valid encoding the vectors hold, and on every reproducer a fuzz
// campaign saved under tests/vectors/fuzz-regressions/<target>/. An oracle
// violation prints what broke and aborts, which fails this program.
//
// The protected_records and engine_* targets drive record protection and the
// engines with the insecure null provider, which needs this opt-in (tests/ and fuzz/ only).
#define TLSWIRE_I_KNOW_NULL_CRYPTO_IS_INSECURE_FOR_FUZZING_ONLY
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "../../fuzz/targets/client_hello_rules.hpp"
#include "../../fuzz/targets/engine_client.hpp"
#include "../../fuzz/targets/engine_server.hpp"
#include "../../fuzz/targets/extensions.hpp"
#include "../../fuzz/targets/handshake.hpp"
#include "../../fuzz/targets/inner_plaintext.hpp"
#include "../../fuzz/targets/protected_records.hpp"
#include "../../fuzz/targets/records.hpp"
#include "../../fuzz/targets/sslv2_hello.hpp"
#include "../../fuzz/targets/wire_vectors.hpp"
#include "../../fuzz/targets/x509.hpp"
#include "fuzzprops/vector_corpus.hpp"

using namespace tlswire;
using namespace tlswire::test;

namespace {

using target_fn = void (*)(bytes_view);

struct target_entry {
  const char* name;
  target_fn run;
};

constexpr target_entry kTargets[] = {
    {"records", fuzz::records::run},
    {"handshake", fuzz::handshake::run},
    {"client_hello_rules", fuzz::client_hello_rules::run},
    {"extensions", fuzz::extensions::run},
    {"inner_plaintext", fuzz::inner_plaintext_target::run},
    {"sslv2_hello", fuzz::sslv2_hello::run},
    {"wire_vectors", fuzz::wire_vectors::run},
    {"x509", fuzz::x509_target::run},
    {"protected_records", fuzz::protected_records::run},
    {"engine_client", fuzz::engine_client::run},
    {"engine_server", fuzz::engine_server::run},
};

byte_vector read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return byte_vector(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bytes_view view(const byte_vector& v) { return bytes_view(v.data(), v.size()); }

}  // namespace

TEST_CASE("fuzz oracles hold on every record, message and extension of the vectors", "[fuzzprops]") {
  const auto records = vector_records();
  const auto messages = vector_handshake_messages();
  const auto extensions = vector_extensions();
  REQUIRE(records.size() > 300);
  REQUIRE(messages.size() > 150);
  REQUIRE(extensions.size() > 500);

  byte_vector flight;
  for (const auto& r : records) {
    fuzz::records::run(r.view());
    flight.insert(flight.end(), r.bytes.begin(), r.bytes.end());
  }
  fuzz::records::run(view(flight));  // every record of every vector as one stream

  for (const auto& m : messages) {
    fuzz::handshake::run(m.view());
    if (m.bytes[0] == 1) fuzz::client_hello_rules::run(m.view().subspan(handshake_header_size));
  }

  for (const auto& e : extensions) {
    byte_vector in{static_cast<std::uint8_t>(e.where)};
    in.insert(in.end(), e.bytes.begin(), e.bytes.end());
    fuzz::extensions::run(view(in));
  }
  std::size_t certificates = 0;
  for (const char* der : {"x509/rfc8448-server-rsa.der", "x509/san-p256.der"}) {
    const byte_vector cert = read_file(std::filesystem::path(TLSWIRE_VECTORS_DIR) / der);
    REQUIRE(!cert.empty());
    fuzz::x509_target::run(view(cert));
    ++certificates;
  }
  SUCCEED("oracles held on " << certificates << " certificates, " << records.size() << " records, " << messages.size() << " messages, "
                             << extensions.size() << " extensions");
}

TEST_CASE("fuzz oracles hold on RFC 8448's decrypted records as TLSInnerPlaintext", "[fuzzprops]") {
  std::size_t n = 0;
  for (const auto& file : rfc8448_files()) {
    const vector_file v = load_vectors("rfc8448/" + file + ".txt");
    for (const auto& name : v.names()) {
      if (name.size() < 10 || name.compare(name.size() - 10, 10, ".plaintext") != 0) continue;
      const std::string record_name = name.substr(0, name.size() - 10);
      if (!v.contains(record_name) || v[record_name].empty() || v[record_name][0] != 23) continue;
      byte_vector inner = v[name];
      inner.push_back(record_name.find("_handshake_") != std::string::npos ? 22
                      : record_name.find("_alert_") != std::string::npos   ? 21
                                                                           : 23);
      fuzz::inner_plaintext_target::run(view(inner));
      // The whole protected record, through record protection (null AEAD),
      // as TLS 1.3 with each AEAD and limit the selector can name.
      for (std::uint8_t selector : {0x00, 0x02, 0x04, 0x06, 0x08}) {
        byte_vector in{selector};
        in.insert(in.end(), v[record_name].begin(), v[record_name].end());
        fuzz::protected_records::run(view(in));
      }
      ++n;
    }
  }
  REQUIRE(n >= 20);
}

TEST_CASE("every saved fuzz reproducer passes its target's oracle", "[fuzzprops]") {
  const std::filesystem::path root = std::filesystem::path(TLSWIRE_VECTORS_DIR) / "fuzz-regressions";
  REQUIRE(std::filesystem::is_regular_file(root / "README.md"));
  std::size_t replayed = 0;
  for (const auto& target : kTargets) {
    const auto dir = root / target.name;
    if (!std::filesystem::is_directory(dir)) continue;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (!entry.is_regular_file()) continue;
      INFO(entry.path().string());
      const byte_vector input = read_file(entry.path());
      target.run(view(input));
      ++replayed;
    }
  }
  // Every subdirectory must belong to a target (a typo would skip files silently).
  for (const auto& entry : std::filesystem::directory_iterator(root)) {
    if (!entry.is_directory()) continue;
    bool known = false;
    for (const auto& target : kTargets) known = known || entry.path().filename() == target.name;
    CHECK(known);
  }
  SUCCEED(replayed << " reproducers replayed");
}
