// Botan's extension parsing vectors (tests/vectors/botan/tls_extensions/
// parsing/*.vec): each valid Buffer decodes into the typed extension, shows
// the Expected_Content and re-encodes byte-exact; each Buffer Botan refuses
// (Exception non-empty) is refused here too, with decode_error.
#include <algorithm>
#include <cctype>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "ext_test_util.hpp"
#include "tlswire/extensions/extensions.hpp"

using namespace tlswire;
using ext_test::from_hex;
using ext_test::to_hex;

namespace {

struct vec_case {
  std::string section;
  std::string buffer;
  std::string expected_content;
  std::string exception;
  int line = 0;
};

std::string trim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  return s.substr(i);
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Botan .vec: "[section]" headers, "Key = value" lines; a case ends at its
// Exception line.
std::vector<vec_case> read_vec(const std::string& path) {
  std::ifstream in(path);
  std::vector<vec_case> cases;
  std::string line, section;
  vec_case current;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    line = trim(line);
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '[') {
      section = line.substr(1, line.find(']') - 1);
      continue;
    }
    const auto eq = line.find('=');
    if (eq == std::string::npos) continue;
    const std::string key = trim(line.substr(0, eq));
    const std::string value = trim(line.substr(eq + 1));
    if (key == "Buffer") {
      current = vec_case{section, value, "", "", n};
    } else if (key == "Expected_Content") {
      current.expected_content = value;
    } else if (key == "Exception") {
      current.exception = value;
      cases.push_back(current);
    }
  }
  return cases;
}

// What a decoded extension shows, in the notation of Expected_Content.
struct decoded {
  result<std::size_t> status = std::size_t{0};  // error, or the re-encoded size
  std::string content;
  std::vector<std::uint8_t> reencoded;
};

template <class T>
decoded decode_as(const std::vector<std::uint8_t>& buf, const std::function<std::string(const T&)>& show) {
  decoded d;
  auto v = decode<T>(bytes_view(buf.data(), buf.size()));
  if (!v) {
    d.status = v.error();
    return d;
  }
  d.content = show(*v);
  d.reencoded.resize(encoded_size(*v));
  d.status = encode(*v, mutable_bytes(d.reencoded.data(), d.reencoded.size()));
  return d;
}

template <class Vector>
std::string codes_hex(const Vector& v, const char* separator) {
  std::string s;
  for (auto code : v) {
    if (!s.empty()) s += separator;
    const auto x = to_underlying(code);
    const std::uint8_t b[2] = {static_cast<std::uint8_t>(x >> 8), static_cast<std::uint8_t>(x & 0xff)};
    s += to_hex(bytes_view(b, 2));
  }
  return s;
}

decoded decode_section(const std::string& section, const std::vector<std::uint8_t>& buf) {
  if (section == "alpn")
    return decode_as<alpn>(buf, [](const alpn& a) {
      std::string s;
      for (const protocol_name& p : a.protocol_name_list) {
        if (!s.empty()) s += ',';
        s.append(p.bytes.begin(), p.bytes.end());
      }
      return s;
    });
  if (section == "cookie")
    return decode_as<cookie>(buf, [](const cookie& c) { return to_hex(c.cookie.bytes); });
  if (section == "key_share_CH")
    return decode_as<key_share_client_hello>(buf, [](const key_share_client_hello& k) {
      std::vector<std::uint8_t> out(encoded_size(k));
      (void)encode(k, mutable_bytes(out.data(), out.size()));
      return to_hex(bytes_view(out.data(), out.size()));
    });
  if (section == "key_share_SH")
    return decode_as<key_share_server_hello>(buf, [](const key_share_server_hello& k) {
      std::vector<std::uint8_t> out(encoded_size(k));
      (void)encode(k, mutable_bytes(out.data(), out.size()));
      return to_hex(bytes_view(out.data(), out.size()));
    });
  if (section == "key_share_HRR")
    return decode_as<key_share_hello_retry_request>(buf, [](const key_share_hello_retry_request& k) {
      const std::array<named_group, 1> g{k.selected_group};
      return codes_hex(g, "");
    });
  if (section == "signature_algorithms_cert")
    return decode_as<signature_algorithms_cert>(
        buf, [](const signature_algorithms_cert& s) { return codes_hex(s.supported_signature_algorithms, ""); });
  if (section == "supported_groups")
    return decode_as<supported_groups>(buf,
                                       [](const supported_groups& s) { return codes_hex(s.named_group_list, ""); });
  if (section == "supported_version")
    return decode_as<supported_versions_client_hello>(
        buf, [](const supported_versions_client_hello& s) { return codes_hex(s.versions, ", "); });
  FAIL("no typed extension for Botan section " << section);
  return {};
}

}  // namespace

TEST_CASE("Botan's extension parsing vectors: valid ones round-trip, refused ones are decode_error",
          "[extensions][botan]") {
  const std::string dir = std::string(TLSWIRE_VECTORS_DIR) + "/botan/tls_extensions/parsing/";
  std::size_t accepted = 0, refused = 0;
  for (const char* file : {"alpn.vec", "cookie.vec", "key_share_CH.vec", "key_share_HRR.vec", "key_share_SH.vec",
                           "signature_algorithms_cert.vec", "supported_groups.vec", "supported_versions.vec"}) {
    const auto cases = read_vec(dir + file);
    REQUIRE(!cases.empty());
    for (const vec_case& c : cases) {
      INFO(file << ":" << c.line << " [" << c.section << "] " << c.buffer << " / " << c.exception);
      const auto buf = from_hex(c.buffer);
      const decoded d = decode_section(c.section, buf);
      if (c.exception.empty()) {
        REQUIRE(d.status.ok());
        CHECK(lower(d.content) == lower(c.expected_content));
        CHECK(to_hex(bytes_view(d.reencoded.data(), d.reencoded.size())) == lower(c.buffer));
        ++accepted;
      } else {
        REQUIRE(!d.status.ok());
        CHECK(d.status.error().alert == alert_description::decode_error);
        ++refused;
      }
    }
  }
  CHECK(accepted == 14);
  CHECK(refused == 21);
}
