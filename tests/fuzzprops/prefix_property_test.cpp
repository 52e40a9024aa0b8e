// Properties of every valid encoding in the vectors (records, handshake
// messages, ClientHello/ServerHello bodies, extensions, extension lists and
// typed extension bodies):
//   1. no strict prefix parses as the same kind of structure, and
//   2. the encoding with any byte appended is refused,
// (and, for every other handshake message, through messages/dispatch.hpp
// under the negotiation context it was sent in: Certificate,
// CertificateRequest, CertificateVerify, EncryptedExtensions, Finished,
// NewSessionTicket, ServerKeyExchange, ClientKeyExchange, ...),
// so a parser can never stop early and hand back a value for half a message,
// nor accept bytes it did not account for.
//
// The exceptions the RFCs make, each checked to really occur so this list
// stays true:
//  - RFC 5246 §7.4.1.2 / §7.4.1.3: a ClientHello or ServerHello of TLS 1.2
//    and earlier may end right after its compression method(s) — the
//    extensions block is optional — so the prefix that stops exactly there
//    parses (as a hello without extensions). No other prefix does.
//  - Extension bodies defined as "the rest of extension_data", with no
//    inner length: padding (RFC 7685 §3, any number of zero bytes),
//    session_ticket (RFC 5077 §3.2, the opaque ticket), and
//    encrypted_client_hello (draft-ietf-tls-esni, parsed here as opaque).
//    Any prefix of those parses and appended bytes become part of them; the
//    Extension framing around them (its uint16 length) still refuses both.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "fuzzprops/extension_shapes.hpp"
#include "fuzzprops/vector_corpus.hpp"
#include "tlswire/messages/handshake.hpp"
#include "tlswire/record/record.hpp"

using namespace tlswire;
using namespace tlswire::test;

namespace {

// How many strict prefixes parsed and how many extended encodings were
// accepted, for one structure type T over one encoding.
struct verdict {
  std::size_t prefixes_parsed = 0;
  std::size_t first_parsed_prefix = 0;
  bool whole_parsed = false;
  bool extended_parsed = false;
};

template <class T, class... Context>
verdict check_encoding(bytes_view whole, Context... ctx) {
  verdict v;
  v.whole_parsed = decode<T>(whole, ctx...).ok();
  for (std::size_t k = 0; k < whole.size(); ++k) {
    if (decode<T>(whole.first(k), ctx...).ok()) {
      if (v.prefixes_parsed++ == 0) v.first_parsed_prefix = k;
    }
  }
  for (std::uint8_t extra : {std::uint8_t{0x00}, std::uint8_t{0x01}, std::uint8_t{0xff}}) {
    byte_vector longer(whole.begin(), whole.end());
    longer.push_back(extra);
    v.extended_parsed = v.extended_parsed || decode<T>(bytes_view(longer.data(), longer.size()), ctx...).ok();
  }
  return v;
}

constexpr bool body_is_the_rest(extension_type t) {
  return t == extension_type::padding || t == extension_type::session_ticket ||
         t == extension_type::encrypted_client_hello;
}

// Where a hello's optional extensions block starts (RFC 5246 §7.4.1.2/3).
std::size_t client_hello_extensions_at(const client_hello& h) {
  return 2 + random_size + 1 + h.session_id.size() + 2 + h.cipher_suites.size() * 2 + 1 +
         h.compression_methods.size();
}
std::size_t server_hello_extensions_at(const server_hello& h) { return 2 + random_size + 1 + h.session_id_echo.size() + 3; }

}  // namespace

TEST_CASE("no strict prefix of a record parses as a record, and appended bytes are refused", "[fuzzprops]") {
  const auto records = vector_records();
  REQUIRE(records.size() > 300);
  const record_limits largest{record_form::tls12, max_plaintext_length};
  for (const auto& r : records) {
    INFO(r.name);
    const verdict v = check_encoding<record>(r.view(), largest);
    REQUIRE(v.whole_parsed);
    CHECK(v.prefixes_parsed == 0);
    CHECK_FALSE(v.extended_parsed);
  }
}

TEST_CASE("no strict prefix of a handshake message parses as one, and appended bytes are refused", "[fuzzprops]") {
  const auto messages = vector_handshake_messages();
  REQUIRE(messages.size() > 150);
  for (const auto& m : messages) {
    INFO(m.name);
    const verdict v = check_encoding<handshake_message>(m.view());
    REQUIRE(v.whole_parsed);
    CHECK(v.prefixes_parsed == 0);
    CHECK_FALSE(v.extended_parsed);
  }
}

TEST_CASE("a hello's only parsing prefix is the TLS 1.2 form that ends before its extensions", "[fuzzprops]") {
  std::size_t client_hellos = 0, server_hellos = 0, optional_tail_seen = 0;
  for (const auto& m : vector_handshake_messages()) {
    INFO(m.name);
    const bytes_view body = m.view().subspan(handshake_header_size);
    if (m.bytes[0] == 1) {
      const auto h = decode<client_hello>(body);
      REQUIRE(h.ok());
      const verdict v = check_encoding<client_hello>(body);
      CHECK_FALSE(v.extended_parsed);
      if (h->has_extensions) {
        // Exactly one prefix parses: the one without the extensions block.
        CHECK(v.prefixes_parsed == 1);
        CHECK(v.first_parsed_prefix == client_hello_extensions_at(*h));
        optional_tail_seen += v.prefixes_parsed;
      } else {
        CHECK(v.prefixes_parsed == 0);
      }
      ++client_hellos;
    } else if (m.bytes[0] == 2) {
      const auto h = decode<server_hello>(body);
      REQUIRE(h.ok());
      const verdict v = check_encoding<server_hello>(body);
      CHECK_FALSE(v.extended_parsed);
      if (h->has_extensions) {
        CHECK(v.prefixes_parsed == 1);
        CHECK(v.first_parsed_prefix == server_hello_extensions_at(*h));
      } else {
        CHECK(v.prefixes_parsed == 0);
      }
      ++server_hellos;
    }
  }
  CHECK(client_hellos > 40);
  CHECK(server_hellos > 40);
  CHECK(optional_tail_seen > 0);
}

TEST_CASE("no strict prefix of an Extension or an extension list parses, and appended bytes are refused",
          "[fuzzprops]") {
  const auto extensions = vector_extensions();
  REQUIRE(extensions.size() > 500);
  for (const auto& e : extensions) {
    INFO(e.name);
    const verdict v = check_encoding<extension>(e.view());
    REQUIRE(v.whole_parsed);
    CHECK(v.prefixes_parsed == 0);
    CHECK_FALSE(v.extended_parsed);
  }
  std::size_t lists = 0;
  for (const auto& m : vector_handshake_messages()) {
    if (m.bytes[0] != 1 && m.bytes[0] != 2) continue;
    const bytes_view body = m.view().subspan(handshake_header_size);
    bytes_view block;
    if (m.bytes[0] == 1) {
      const auto h = decode<client_hello>(body);
      if (h && h->has_extensions) block = body.subspan(client_hello_extensions_at(*h));
    } else {
      const auto h = decode<server_hello>(body);
      if (h && h->has_extensions) block = body.subspan(server_hello_extensions_at(*h));
    }
    if (block.empty()) continue;
    INFO(m.name);
    const verdict v = check_encoding<extension_list>(block);
    REQUIRE(v.whole_parsed);
    CHECK(v.prefixes_parsed == 0);
    CHECK_FALSE(v.extended_parsed);
    ++lists;
  }
  CHECK(lists > 80);
}

TEST_CASE("no strict prefix of a typed extension body parses, except bodies that are 'the rest'", "[fuzzprops]") {
  std::size_t typed = 0, rest_bodies_seen = 0;
  for (const auto& e : vector_extensions()) {
    INFO(e.name);
    with_shape(e.where, e.type(), [&]<class Ext>() {
      const verdict v = check_encoding<Ext>(e.data());
      REQUIRE(v.whole_parsed);
      ++typed;
      if (body_is_the_rest(Ext::type)) {
        // Documented exception: every prefix parses, appended bytes join the body.
        CHECK(v.prefixes_parsed == e.data().size());
        CHECK(v.extended_parsed);
        ++rest_bodies_seen;
      } else {
        CHECK(v.prefixes_parsed == 0);
        CHECK_FALSE(v.extended_parsed);
      }
    });
  }
  CHECK(typed > 400);
  CHECK(rest_bodies_seen > 0);
}

#include "../../fuzz/targets/handshake.hpp"

namespace {

// The first of the fuzz target's negotiation contexts under which `m`
// dispatches to a typed (non-opaque) message, if any.
std::optional<negotiation_context> context_for(const handshake_message& m) {
  for (const auto& ctx : fuzz::handshake::contexts) {
    const auto typed = dispatch(m, ctx);
    if (typed.ok() && !typed->holds<opaque_message>()) return ctx;
  }
  return std::nullopt;
}

byte_vector framed(handshake_type type, bytes_view body) {
  byte_vector out{static_cast<std::uint8_t>(to_underlying(type)), static_cast<std::uint8_t>(body.size() >> 16),
                  static_cast<std::uint8_t>(body.size() >> 8), static_cast<std::uint8_t>(body.size())};
  out.insert(out.end(), body.begin(), body.end());
  return out;
}

}  // namespace

TEST_CASE("no strict prefix of any handshake message body dispatches, and appended bytes are refused",
          "[fuzzprops]") {
  std::map<std::string, std::size_t> checked;
  for (const auto& m : vector_handshake_messages()) {
    if (m.bytes[0] == 1 || m.bytes[0] == 2) continue;  // the hellos' optional tail: the test above
    INFO(m.name);
    const auto whole = decode<handshake_message>(m.view());
    REQUIRE(whole.ok());
    const auto ctx = context_for(*whole);
    if (!ctx) continue;
    const bytes_view body = whole->body;
    for (std::size_t k = 0; k < body.size(); ++k) {
      const byte_vector shorter = framed(whole->type, body.first(k));
      const auto d = dispatch(bytes_view(shorter.data(), shorter.size()), *ctx);
      INFO("prefix of " << k << " body bytes");
      CHECK_FALSE(d.ok());
    }
    byte_vector longer(body.begin(), body.end());
    longer.push_back(0);
    const byte_vector extended = framed(whole->type, bytes_view(longer.data(), longer.size()));
    CHECK_FALSE(dispatch(bytes_view(extended.data(), extended.size()), *ctx).ok());
    ++checked[std::string(to_string(whole->type))];
  }
  std::string kinds;
  for (const auto& [name, n] : checked) kinds += name + "=" + std::to_string(n) + " ";
  INFO(kinds);
  CHECK(checked.size() >= 9);
  SUCCEED("message types checked: " << kinds);
}
