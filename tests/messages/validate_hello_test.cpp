#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "messages/hello_builder.hpp"
#include "messages/rfc8448_vectors.hpp"
#include "tlswire/messages/validate_hello.hpp"

using namespace tlswire;
using test::client_hello_parts;
using test::server_hello_parts;
namespace v = tlswire::test::rfc8448;

namespace {

bytes_view view(const std::vector<std::uint8_t>& b) { return {b.data(), b.size()}; }

// Parse, then validate; the first failure (none: error{}).
error parse_then_validate_error(bytes_view body) {
  auto h = decode<client_hello>(body);
  if (!h) return h.error();
  auto s = validate(*h);
  const error e = s ? error{} : s.error();
  // The typed reading of the rules, the fast one's definition, agrees.
  const auto typed = validate_detail::check_client_hello_typed(*h);
  CHECK((typed ? error{} : typed.error()) == e);
  return e;
}

// The same in one pass: parse_and_validate_client_hello.
error one_pass_error(bytes_view body) {
  auto h = parse_and_validate_client_hello(body);
  return h ? error{} : h.error();
}

// Both ways, which must agree; the first failure.
error client_hello_error(const client_hello_parts& parts) {
  const auto body = parts.body();
  const error e = parse_then_validate_error(view(body));
  CHECK(one_pass_error(view(body)) == e);
  return e;
}

error server_hello_error(const server_hello_parts& parts, const client_hello_parts& client = {}) {
  const auto body = parts.body();
  auto sh = decode<server_hello>(view(body));
  if (!sh) return sh.error();
  const auto client_body = client.body();
  auto ch = decode<client_hello>(view(client_body));
  REQUIRE(ch.ok());
  REQUIRE(validate(*ch).ok());
  auto s = validate(*sh, *ch);
  return s ? error{} : s.error();
}

template <std::size_t N>
constexpr bool rfc8448_client_hello_validates(const std::array<std::uint8_t, N>& message) {
  auto m = read_handshake(as_view(message));
  if (!m) return false;
  auto h = parse_message<client_hello>(*m);
  auto one_pass = parse_and_validate_client_hello(*m);
  return h.ok() && validate(*h).ok() && one_pass.ok() && equal_bytes(one_pass->raw, h->raw) &&
         one_pass->extensions == h->extensions;
}

template <std::size_t N, std::size_t M>
constexpr bool rfc8448_server_hello_validates(const std::array<std::uint8_t, N>& server,
                                              const std::array<std::uint8_t, M>& client) {
  auto sm = read_handshake(as_view(server));
  auto cm = read_handshake(as_view(client));
  if (!sm || !cm) return false;
  auto sh = parse_message<server_hello>(*sm);
  auto ch = parse_message<client_hello>(*cm);
  return sh.ok() && ch.ok() && validate(*sh).ok() && validate(*sh, *ch).ok();
}

}  // namespace

TEST_CASE("RFC 8448's hellos pass the TLS 1.3 validation at compile time", "[messages][validate]") {
  STATIC_REQUIRE(rfc8448_client_hello_validates(v::simple_client_hello));
  STATIC_REQUIRE(rfc8448_client_hello_validates(v::resumed_client_hello));
  STATIC_REQUIRE(rfc8448_client_hello_validates(v::hrr_client_hello));
  STATIC_REQUIRE(rfc8448_client_hello_validates(v::hrr_client_hello_2));
  STATIC_REQUIRE(rfc8448_client_hello_validates(v::compat_client_hello));
  STATIC_REQUIRE(rfc8448_client_hello_validates(v::client_auth_client_hello));
  STATIC_REQUIRE(rfc8448_server_hello_validates(v::simple_server_hello, v::simple_client_hello));
  STATIC_REQUIRE(rfc8448_server_hello_validates(v::resumed_server_hello, v::resumed_client_hello));
  STATIC_REQUIRE(rfc8448_server_hello_validates(v::hrr_hello_retry_request, v::hrr_client_hello));
  STATIC_REQUIRE(rfc8448_server_hello_validates(v::hrr_server_hello, v::hrr_client_hello_2));
  STATIC_REQUIRE(rfc8448_server_hello_validates(v::compat_server_hello, v::compat_client_hello));
  STATIC_REQUIRE(rfc8448_server_hello_validates(v::client_auth_server_hello, v::client_auth_client_hello));
}

TEST_CASE("accepts the well-formed builder hellos", "[messages][validate]") {
  CHECK(client_hello_error({}) == error{});
  CHECK(server_hello_error({}) == error{});
}

TEST_CASE("refuses hostile ClientHellos with the alert the RFC names", "[messages][validate][client_hello]") {
  struct hostile {
    const char* name;
    client_hello_parts parts;
    errc code;
    alert_description alert;
  };
  const auto with = [](auto change) {
    client_hello_parts p;
    change(p);
    return p;
  };
  using ad = alert_description;
  const std::vector<hostile> cases{
      {"session id of 33 bytes", with([](auto& p) { p.session_id = std::string(66, '0'); }), errc::length_out_of_range,
       ad::decode_error},
      {"empty cipher suite list", with([](auto& p) { p.suites = ""; }), errc::length_out_of_range, ad::decode_error},
      {"odd cipher suite length", with([](auto& p) { p.suites = "130113"; }), errc::length_out_of_range,
       ad::decode_error},
      {"zero compression methods", with([](auto& p) { p.compression = ""; }), errc::length_out_of_range,
       ad::decode_error},
      {"trailing bytes after the extensions", with([](auto& p) { p.trailing = "00"; }), errc::trailing_bytes,
       ad::decode_error},
      {"extensions block of 1 byte", with([](auto& p) {
         p.has_extensions = false;
         p.trailing = "000100";
       }),
       errc::truncated, ad::decode_error},
      {"extensions block of 3 bytes (a header cut short)", with([](auto& p) {
         p.has_extensions = false;
         p.trailing = "0003002b00";
       }),
       errc::truncated, ad::decode_error},
      {"extension length past the block", with([](auto& p) {
         p.has_extensions = false;
         p.trailing = "0004002b0009";
       }),
       errc::truncated, ad::decode_error},
      {"unknown compression method next to null in 1.3", with([](auto& p) { p.compression = "0001"; }),
       errc::bad_value, ad::illegal_parameter},
      {"only DEFLATE compression in 1.3", with([](auto& p) { p.compression = "01"; }), errc::bad_value,
       ad::illegal_parameter},
      {"legacy_version 0x0301 with supported_versions 1.3", with([](auto& p) { p.version = "0301"; }),
       errc::bad_value, ad::illegal_parameter},
      {"duplicate extension", with([](auto& p) { p.extensions.push_back({0x000d, "000404030804"}); }),
       errc::duplicate_extension, ad::illegal_parameter},
      {"pre_shared_key not last", with([](auto& p) {
         p.extensions.insert(p.extensions.begin(),
                             {0x0029, "000b0005" "0102030405" "00000000" "0021" "20" + std::string(64, 'c')});
         p.extensions.push_back({0x002d, "0101"});
       }),
       errc::extension_order, ad::illegal_parameter},
      {"extension the §4.2 table keeps out of ClientHello (oid_filters)",
       with([](auto& p) { p.extensions.push_back({0x0030, "0000"}); }), errc::extension_not_allowed,
       ad::illegal_parameter},
      {"key_share group not in supported_groups", with([](auto& p) {
         p.extensions[3] = {0x0033, "00450017004104" + std::string(128, 'a')};
         p.extensions[1] = {0x000a, "0002001d"};
       }),
       errc::bad_value, ad::illegal_parameter},
      {"two key shares for one group", with([](auto& p) {
         p.extensions[3] = {0x0033, "0048001d0020" + std::string(64, 'a') + "001d0020" + std::string(64, 'b')};
       }),
       errc::bad_value, ad::illegal_parameter},
      {"key_share without supported_groups", with([](auto& p) { p.extensions.erase(p.extensions.begin() + 1); }),
       errc::missing_extension, ad::missing_extension},
      {"no signature_algorithms and no PSK", with([](auto& p) { p.extensions.erase(p.extensions.begin() + 2); }),
       errc::missing_extension, ad::missing_extension},
      {"pre_shared_key without psk_key_exchange_modes", with([](auto& p) {
         p.extensions.push_back({0x0029, "000b0005" "0102030405" "00000000" "0021" "20" + std::string(64, 'c')});
       }),
       errc::missing_extension, ad::missing_extension},
      {"two PSK identities, one binder", with([](auto& p) {
         p.extensions.push_back({0x002d, "0101"});
         p.extensions.push_back({0x0029, "0016" "0005" "0102030405" "00000000" "0005" "0102030405" "00000000"
                                         "0021" "20" + std::string(64, 'c')});
       }),
       errc::bad_value, ad::illegal_parameter},
      {"TLS 1.2 hello without null compression", with([](auto& p) {
         p.compression = "01";
         p.extensions.erase(p.extensions.begin());
       }),
       errc::bad_value, ad::illegal_parameter},
      {"malformed supported_versions (odd length)", with([](auto& p) { p.extensions[0] = {0x002b, "03030403"}; }),
       errc::length_out_of_range, ad::decode_error},
      // The extensions validate() reads from their bytes, malformed: each is
      // refused as its typed parse refuses it.
      {"supported_versions with an empty list", with([](auto& p) { p.extensions[0] = {0x002b, "00"}; }),
       errc::length_out_of_range, ad::decode_error},
      {"supported_versions with a byte after its list", with([](auto& p) { p.extensions[0] = {0x002b, "02030400"}; }),
       errc::trailing_bytes, ad::decode_error},
      {"supported_groups with an empty list", with([](auto& p) { p.extensions[1] = {0x000a, "0000"}; }),
       errc::length_out_of_range, ad::decode_error},
      {"supported_groups of odd length", with([](auto& p) { p.extensions[1] = {0x000a, "0003001d00"}; }),
       errc::length_out_of_range, ad::decode_error},
      {"key_share entry with an empty key_exchange", with([](auto& p) { p.extensions[3] = {0x0033, "0004001d0000"}; }),
       errc::length_out_of_range, ad::decode_error},
      {"key_share entry cut short of its length field", with([](auto& p) { p.extensions[3] = {0x0033, "0003001d00"}; }),
       errc::truncated, ad::decode_error},
      {"key_share list longer than the extension", with([](auto& p) {
         p.extensions[3] = {0x0033, "0030001d0020" + std::string(64, 'a')};
       }),
       errc::truncated, ad::decode_error},
      {"key_share with a byte after its list", with([](auto& p) {
         p.extensions[3] = {0x0033, "0024001d0020" + std::string(64, 'a') + "00"};
       }),
       errc::trailing_bytes, ad::decode_error},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const error e = client_hello_error(c.parts);
    CHECK(e.code == c.code);
    CHECK(e.alert == c.alert);
  }
}

TEST_CASE("one-pass parse_and_validate refuses exactly what parse then validate refuses, at the same offset",
          "[messages][validate][client_hello]") {
  // Every byte of every RFC 8448 ClientHello body set to 0x00, 0xff, its
  // value + 1 and its value ^ 0x40: the two paths give the same hello or the
  // same error (code, alert, offset).
  const std::vector<bytes_view> hellos{as_view(v::simple_client_hello), as_view(v::resumed_client_hello),
                                       as_view(v::hrr_client_hello),    as_view(v::hrr_client_hello_2),
                                       as_view(v::compat_client_hello), as_view(v::client_auth_client_hello)};
  std::size_t refused_by_rule = 0, compared = 0;
  for (const bytes_view message : hellos) {
    std::vector<std::uint8_t> body(message.begin() + handshake_header_size, message.end());
    for (std::size_t i = 0; i < body.size(); ++i) {
      const std::uint8_t original = body[i];
      for (const std::uint8_t value : {std::uint8_t{0x00}, std::uint8_t{0xff}, static_cast<std::uint8_t>(original + 1),
                                       static_cast<std::uint8_t>(original ^ 0x40)}) {
        body[i] = value;
        const error expected = parse_then_validate_error(view(body));
        const error got = one_pass_error(view(body));
        if (!(got == expected)) {
          INFO("byte " << i << " set to " << int{value});
          CHECK(got.code == expected.code);
          CHECK(got.offset == expected.offset);
        }
        // Refused by a rule of validate(), not by the parse's framing.
        const bool by_rule = expected.code == errc::bad_value || expected.code == errc::duplicate_extension ||
                             expected.code == errc::extension_not_allowed ||
                             expected.code == errc::missing_extension || expected.code == errc::extension_order;
        refused_by_rule += by_rule ? 1 : 0;
        ++compared;
      }
      body[i] = original;
    }
  }
  CHECK(compared > 4000);
  CHECK(refused_by_rule > 100);  // the mutations reach the rules, not only the framing
}

TEST_CASE("the fast rules read supported_versions, supported_groups and key_share as the typed rules do",
          "[messages][validate][client_hello]") {
  // validate() reads those three from their bytes (their typed decode runs
  // only to report a malformed one); check_client_hello_typed decodes them.
  // Every byte of their extension_data in the RFC 8448 ClientHellos,
  // mutated: both accept, or both refuse with the same code, alert and
  // offset — never internal_error. (fuzz/targets/client_hello_rules.hpp
  // checks the same on any input.)
  const std::vector<bytes_view> hellos{as_view(v::simple_client_hello), as_view(v::resumed_client_hello),
                                       as_view(v::hrr_client_hello), as_view(v::compat_client_hello)};
  std::size_t mutated = 0, refused_as_malformed = 0;
  for (const bytes_view message : hellos) {
    std::vector<std::uint8_t> body(message.begin() + handshake_header_size, message.end());
    const auto parsed = decode<client_hello>(view(body));
    REQUIRE(parsed.ok());
    for (auto it = parsed->extensions.begin(); it != parsed->extensions.end(); ++it) {
      const auto type = it->type;
      if (type != extension_type::supported_versions && type != extension_type::supported_groups &&
          type != extension_type::key_share)
        continue;
      const std::size_t from = it.data_offset(), to = from + it->data.size();
      for (std::size_t i = from; i < to; ++i) {
        const std::uint8_t original = body[i];
        for (const std::uint8_t value : {std::uint8_t{0x00}, std::uint8_t{0x01}, std::uint8_t{0xff},
                                         static_cast<std::uint8_t>(original + 1),
                                         static_cast<std::uint8_t>(original - 1)}) {
          body[i] = value;
          const auto h = decode<client_hello>(view(body));
          REQUIRE(h.ok());  // only extension_data changed: the list's framing holds
          const status fast = validate(*h);
          const status typed = validate_detail::check_client_hello_typed(*h);
          INFO("extension " << to_underlying(type) << ", byte " << i << " set to " << int{value});
          REQUIRE(fast.ok() == typed.ok());
          if (!fast.ok()) {
            CHECK(fast.error() == typed.error());
            CHECK(fast.error().code != errc::internal);
            refused_as_malformed += fast.error().alert == alert_description::decode_error ? 1 : 0;
          }
          ++mutated;
        }
        body[i] = original;
      }
    }
  }
  CHECK(mutated > 1000);
  CHECK(refused_as_malformed > 100);
}

TEST_CASE("a rule about one extension has no position of its own; the hello's check places it at the extension",
          "[messages][validate][client_hello]") {
  const std::string x25519_share = "001d0020" + std::string(64, 'a');
  client_hello_parts p;
  p.extensions[3] = {0x0033, "0048" + x25519_share + x25519_share};  // key_share: x25519 twice
  const auto body = p.body();
  const auto shares = decode<client_hello>(view(body))->extensions.get<key_share_client_hello>();
  REQUIRE(shares.ok());
  const status alone = validate(*shares);
  REQUIRE(!alone.ok());
  CHECK(alone.error().offset == no_offset);
  // 47 bytes of hello before the extensions, then supported_versions (7),
  // supported_groups (10) and signature_algorithms (10).
  const error placed = client_hello_error(p);
  CHECK(placed.code == errc::bad_value);
  CHECK(placed.alert == alert_description::illegal_parameter);
  CHECK(placed.offset == 74);
}

TEST_CASE("parse alone accepts what only validation refuses", "[messages][validate][client_hello]") {
  client_hello_parts p;
  p.compression = "0001";
  p.extensions.push_back({0x000d, "000404030804"});
  const auto body = p.body();
  auto h = decode<client_hello>(view(body));
  REQUIRE(h.ok());
  CHECK(h->compression_methods.size() == 2);
  CHECK_FALSE(validate(*h).ok());
}

TEST_CASE("accepts 1.2 ClientHellos with no extensions block and with an empty one", "[messages][validate][client_hello]") {
  client_hello_parts absent;
  absent.has_extensions = false;
  absent.suites = "c02f009c";
  client_hello_parts empty = absent;
  empty.has_extensions = true;
  empty.extensions.clear();
  for (const auto& parts : {absent, empty}) {
    const auto body = parts.body();
    auto h = decode<client_hello>(view(body));
    REQUIRE(h.ok());
    CHECK(h->has_extensions == parts.has_extensions);
    CHECK(validate(*h).ok());
    CHECK(*highest_offered_version(*h) == protocol_version::tls12);
    std::vector<std::uint8_t> out(body.size() + 4);
    auto n = encode(*h, mutable_bytes(out.data(), out.size()));
    REQUIRE(n.ok());
    out.resize(*n);
    CHECK(out == body);
  }
}

TEST_CASE("refuses hostile ServerHellos with the alert the RFC names", "[messages][validate][server_hello]") {
  struct hostile {
    const char* name;
    server_hello_parts parts;
    client_hello_parts client;
    errc code;
    alert_description alert;
  };
  const auto with = [](auto change) {
    server_hello_parts p;
    change(p);
    return p;
  };
  const auto client_with = [](auto change) {
    client_hello_parts p;
    change(p);
    return p;
  };
  using ad = alert_description;
  // RFC 8446 §4.1.3: "DOWNGRD" and 01 (TLS 1.2) or 00 (TLS 1.1 or below).
  const auto tls12_with_sentinel = [&](const std::string& last_byte) {
    return with([&](auto& p) {
      p.version = "0303";
      p.random = std::string(48, '2') + "444f574e475244" + last_byte;
      p.suite = "c02f";
      p.extensions.clear();
    });
  };
  const client_hello_parts client_13_and_12 = client_with([](auto& c) {
    c.suites = "1301c02f";
    c.extensions[0] = {0x002b, "0403040303"};
  });
  const std::string hrr_random = "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c";
  const std::vector<hostile> cases{
      {"legacy_version 0x0304 in a 1.3 ServerHello", with([](auto& p) { p.version = "0304"; }), {}, errc::bad_value,
       ad::illegal_parameter},
      {"compression method 1 in 1.3", with([](auto& p) { p.compression = "01"; }), {}, errc::bad_value,
       ad::illegal_parameter},
      {"supported_versions selecting 0x0303", with([](auto& p) { p.extensions[0] = {0x002b, "0303"}; }), {},
       errc::bad_value, ad::illegal_parameter},
      {"session id echo that differs from the client's", with([](auto& p) { p.session_id = "01"; }), {},
       errc::bad_value, ad::illegal_parameter},
      {"cipher suite the client did not offer", with([](auto& p) { p.suite = "1304"; }), {}, errc::bad_value,
       ad::illegal_parameter},
      {"extension the client did not send", with([](auto& p) { p.extensions.push_back({0x0029, "0000"}); }), {},
       errc::extension_not_allowed, ad::unsupported_extension},
      {"extension the §4.2 table keeps out of ServerHello", with([](auto& p) { p.extensions.push_back({0x0000, ""}); }),
       client_with([](auto& c) { c.extensions.push_back({0x0000, "000c00000973657276657231"}); }),
       errc::extension_not_allowed, ad::illegal_parameter},
      {"duplicate extension", with([](auto& p) { p.extensions.push_back({0x002b, "0304"}); }), {},
       errc::duplicate_extension, ad::illegal_parameter},
      {"key_share for a group the client sent no share for",
       with([](auto& p) { p.extensions[1] = {0x0033, "00170041" "04" + std::string(128, 'b')}; }), {}, errc::bad_value,
       ad::illegal_parameter},
      {"HelloRetryRequest that asks for no change", with([&](auto& p) {
         p.random = hrr_random;
         p.extensions.pop_back();
       }),
       {}, errc::bad_value, ad::illegal_parameter},
      {"HelloRetryRequest for a group that already has a share", with([&](auto& p) {
         p.random = hrr_random;
         p.extensions[1] = {0x0033, "001d"};
       }),
       {}, errc::bad_value, ad::illegal_parameter},
      {"TLS 1.2 ServerHello carrying the downgrade sentinel to a 1.3 client", tls12_with_sentinel("01"),
       client_13_and_12, errc::bad_value, ad::illegal_parameter},
      {"TLS 1.2 ServerHello carrying the TLS 1.1 sentinel to a 1.3 client", tls12_with_sentinel("00"),
       client_13_and_12, errc::bad_value, ad::illegal_parameter},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const error e = server_hello_error(c.parts, c.client);
    CHECK(e.code == c.code);
    CHECK(e.alert == c.alert);
  }
}

namespace {

// A ServerHello choosing TLS 1.2 or below (no supported_versions), with
// `version` and the last 8 bytes of its random.
test::server_hello_parts legacy_server_hello(const std::string& version, const std::string& random_tail = "2222222222222222") {
  test::server_hello_parts p;
  p.version = version;
  p.random = std::string(48, '2') + random_tail;
  p.suite = "c02f";
  p.extensions.clear();
  return p;
}

// A client offering `versions` in supported_versions (hex list, no length)
// and TLS 1.2 suites too; "" for a client without supported_versions whose
// legacy_version is `legacy`.
test::client_hello_parts client_offering(const std::string& versions, const std::string& legacy = "0303") {
  test::client_hello_parts c;
  c.suites = "1301c02f";
  c.version = legacy;
  if (versions.empty()) {
    c.extensions = {{0x000d, "000404030804"}};
  } else {
    char length[17];
    std::snprintf(length, sizeof length, "%02zx", versions.size() / 2);
    c.extensions[0] = {0x002b, length + versions};
  }
  return c;
}

}  // namespace

TEST_CASE("refuses a ServerHello version the client did not offer with protocol_version",
          "[messages][validate][server_hello]") {
  struct row {
    const char* name;
    std::string server_version;
    test::client_hello_parts client;
  };
  const std::vector<row> rows{
      {"TLS 1.1 to a client offering 1.3 and 1.2", "0302", client_offering("03040303")},
      {"TLS 1.0 to a client offering 1.3 and 1.2", "0301", client_offering("03040303")},
      {"SSL 3.0 to a client offering 1.3 and 1.2", "0300", client_offering("03040303")},
      {"SSL 2.0 to a client offering 1.3 and 1.2", "0200", client_offering("03040303")},
      {"TLS 1.2 to a client offering only 1.3", "0303", client_offering("0304")},
      {"TLS 1.2 to a client offering only 1.1 in supported_versions", "0303", client_offering("0302")},
      {"TLS 1.2 to a TLS 1.1 client (legacy_version 0x0302)", "0303", client_offering("", "0302")},
      {"SSL 3.0 to a TLS 1.2 client without supported_versions", "0300", client_offering("")},
      {"TLS 1.3 chosen by legacy_version alone", "0304", client_offering("03040303")},
  };
  for (const auto& r : rows) {
    INFO(r.name);
    const error e = server_hello_error(legacy_server_hello(r.server_version), r.client);
    CHECK(e.code == errc::bad_value);
    CHECK(e.alert == alert_description::protocol_version);
    CHECK(e.offset == 0);  // the legacy_version field
  }
}

TEST_CASE("a client that offered at most TLS 1.2 refuses the TLS 1.1 downgrade sentinel below 1.2",
          "[messages][validate][server_hello]") {
  const std::string tls11_sentinel = "444f574e47524400";
  const std::string tls12_sentinel = "444f574e47524401";
  for (const auto& client : {client_offering(""), client_offering("03030302")}) {
    const error e = server_hello_error(legacy_server_hello("0302", tls11_sentinel), client);
    CHECK(e.alert == alert_description::illegal_parameter);
    CHECK(e.offset == 2);  // the random
    // A TLS 1.3 server choosing 1.2 for a 1.2 client says so; that is fine.
    CHECK(server_hello_error(legacy_server_hello("0303", tls12_sentinel), client).code == errc::none);
    // TLS 1.1 without a sentinel: offered, accepted.
    CHECK(server_hello_error(legacy_server_hello("0302"), client).code == errc::none);
  }
  // A client offering 1.1 at most cannot tell: the server supports 1.2 but the client does not.
  CHECK(server_hello_error(legacy_server_hello("0302", tls11_sentinel), client_offering("", "0302")).code ==
        errc::none);
}

TEST_CASE("accepts TLS 1.2 and 1.1 ServerHellos the client offered", "[messages][validate][server_hello]") {
  CHECK(server_hello_error(legacy_server_hello("0303"), client_offering("03040303")).code == errc::none);
  CHECK(server_hello_error(legacy_server_hello("0302"), client_offering("030403030302")).code == errc::none);
  CHECK(server_hello_error(legacy_server_hello("0301"), client_offering("")).code == errc::none);
}
