#pragma once
// Words for what the dissector shows, shared by the text and JSON outputs:
// registry names (through the library's one table per registry), hex and
// printable previews, X.509 names and times.
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <type_traits>

#include "tlswire/inspect/fingerprint.hpp"
#include "tlswire/registry/registry.hpp"
#include "tlswire/wire/bytes.hpp"
#include "tlswire/x509/certificate.hpp"
#include "tlswire/x509/oids.hpp"

namespace tlswire_dump {

// The IANA name of a code point, or its number in hex ("0x7f17"), GREASE
// values named as such.
template <class E>
  requires std::is_enum_v<E>
std::string name_of(E value) {
  const std::string_view n = to_string(value);
  if (!n.empty()) return std::string(n);
  const auto v = static_cast<std::uint64_t>(tlswire::to_underlying(value));
  char buf[24];
  if (sizeof(E) == 2 && tlswire::is_grease(static_cast<std::uint16_t>(v))) {
    std::snprintf(buf, sizeof buf, "GREASE 0x%04llx", static_cast<unsigned long long>(v));
  } else {
    std::snprintf(buf, sizeof buf, sizeof(E) == 1 ? "0x%02llx" : "0x%04llx", static_cast<unsigned long long>(v));
  }
  return buf;
}

// Printable ASCII as is, everything else as an escape ("GET / HTTP/1.0\r\n").
inline std::string printable(tlswire::bytes_view b, std::size_t max_bytes = SIZE_MAX) {
  std::string s;
  const std::size_t n = b.size() < max_bytes ? b.size() : max_bytes;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint8_t c = b[i];
    if (c == '\r') s += "\\r";
    else if (c == '\n') s += "\\n";
    else if (c == '\t') s += "\\t";
    else if (c == '\\') s += "\\\\";
    else if (c >= 0x20 && c < 0x7f) s += static_cast<char>(c);
    else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      s += buf;
    }
  }
  return s;
}

inline std::string text_of(tlswire::bytes_view b) { return std::string(b.begin(), b.end()); }

// "CN=tlswire.test, O=tlswire tests" (attributes in certificate order).
inline std::string name_text(const tlswire::x509::name& n) {
  std::string s;
  n.for_each([&](const tlswire::x509::attribute& a) {
    if (!s.empty()) s += ", ";
    std::string_view key = tlswire::x509::oid_name(a.type);
    char dotted[64];
    if (key.empty()) key = tlswire::x509::format_oid(a.type, gsl::span<char>(dotted, sizeof dotted));
    s += std::string(key) + "=" + printable(a.value);
  });
  return s;
}

inline std::string oid_text(tlswire::der::oid o) {
  const std::string_view n = tlswire::x509::oid_name(o);
  if (!n.empty()) return std::string(n);
  char dotted[64];
  return std::string(tlswire::x509::format_oid(o, gsl::span<char>(dotted, sizeof dotted)));
}

// ISO 8601, e.g. "2025-11-23T11:35:00Z".
inline std::string time_text(const tlswire::x509::time& t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04u-%02u-%02uT%02u:%02u:%02uZ", t.year, t.month, t.day, t.hour, t.minute,
                t.second);
  return buf;
}

// The size of a public key in bits where it is simple to tell: an RSA
// modulus, an EC point's coordinates, an Ed25519/X25519 key.
inline std::size_t key_bits(const tlswire::x509::public_key_info& k) {
  using namespace tlswire;
  if (x509::oid::rsa_encryption.matches(k.algorithm.algorithm)) {
    reader r(k.key);
    const der::element seq = der::read_any(r);
    reader in = der::contents_reader(seq);
    const der::element modulus = der::read_any(in);
    if (!in.ok()) return 0;
    bytes_view m = modulus.contents;
    while (!m.empty() && m[0] == 0) m = m.subspan(1);
    return m.size() * 8;
  }
  if (x509::oid::ec_public_key.matches(k.algorithm.algorithm) && k.key.size() > 1)
    return (k.key.size() - 1) / 2 * 8;
  return k.key.size() * 8;
}

// JA3 (string and MD5) and JA4 of a ClientHello; empty when its extensions
// do not decode.
struct fingerprints {
  std::string ja3, ja3_hash, ja4;
};
inline fingerprints fingerprints_of(const tlswire::client_hello& h) {
  fingerprints f;
  std::string buf(8192, '\0');
  if (auto s = tlswire::ja3(h, gsl::span<char>(buf.data(), buf.size()))) f.ja3 = std::string(*s);
  if (auto s = tlswire::ja3_hash(h, gsl::span<char>(buf.data(), buf.size()))) f.ja3_hash = std::string(*s);
  if (auto s = tlswire::ja4(h, gsl::span<char>(buf.data(), buf.size()))) f.ja4 = std::string(*s);
  return f;
}

}  // namespace tlswire_dump
