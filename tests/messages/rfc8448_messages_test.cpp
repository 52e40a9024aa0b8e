// Every handshake message of the five RFC 8448 traces, through the
// dispatcher, byte-exact both ways; the TLS 1.3 semantic rules accept them.
#include <array>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "messages/rfc8448_message_vectors.hpp"
#include "messages/rfc8448_vectors.hpp"
#include "support/vector_file.hpp"
#include "tlswire/messages/messages.hpp"
#include "tlswire/record/handshake_reassembler.hpp"
#include "tlswire/x509/certificate.hpp"
#include "tlswire/x509/oids.hpp"

using namespace tlswire;
namespace v = tlswire::test::rfc8448_more;
namespace h = tlswire::test::rfc8448;

namespace {

constexpr negotiation_context tls13_server{protocol_version::tls13, cipher_suite::tls_aes_128_gcm_sha256,
                                           sender::server, certificate_type::x509};
constexpr negotiation_context tls13_client{protocol_version::tls13, cipher_suite::tls_aes_128_gcm_sha256,
                                           sender::client, certificate_type::x509};

// Dispatches `message`, checks the alternative is T and that re-encoding
// gives the same bytes.
template <class T, std::size_t N>
constexpr bool round_trips_as(const std::array<std::uint8_t, N>& message, negotiation_context ctx = tls13_server) {
  auto typed = dispatch(as_view(message), ctx);
  if (!typed || !typed->template holds<T>()) return false;
  std::array<std::uint8_t, N> out{};
  writer w(out);
  typed->encode(w);
  // The typed value on its own encodes the same, and knows its size.
  std::array<std::uint8_t, N> again{};
  writer w2(again);
  typed->template as<T>().encode_message(w2);
  return w.ok() && w.size() == N && equal_bytes(as_view(out), as_view(message)) && w2.ok() &&
         equal_bytes(as_view(again), as_view(message)) &&
         encoded_size(typed->template as<T>()) + handshake_header_size == N;
}

template <class T, std::size_t N>
constexpr T typed_of(const std::array<std::uint8_t, N>& message, negotiation_context ctx = tls13_server) {
  return dispatch(as_view(message), ctx)->template as<T>();
}

constexpr bool inspects_simple_certificate() {
  const auto cert = typed_of<tls13_certificate>(v::simple_server_certificate);
  if (!cert.certificate_request_context.empty() || cert.certificate_list.size() != 1) return false;
  const certificate_entry entry = *cert.certificate_list.begin();
  auto x509 = parse_x509(entry.cert_data.bytes);
  if (!x509) return false;
  const auto cn = x509->subject.find(x509::oid::common_name);
  return cn && equal_bytes(*cn, as_view(test::ascii("rsa"))) && entry.extensions.empty() &&
         entry.cert_data.size() == 432;
}

constexpr bool inspects_simple_new_session_ticket() {
  const auto t = typed_of<tls13_new_session_ticket>(v::simple_new_session_ticket);
  auto early = t.extensions.get<early_data_new_session_ticket>();
  return t.ticket_lifetime == 30 && t.ticket_age_add == 0xfad6aac5 && t.ticket_nonce.size() == 2 &&
         t.ticket.size() == 178 && early.ok() && early->max_early_data_size == 1024 && validate(t).ok();
}

constexpr bool inspects_certificate_request() {
  const auto cr = typed_of<tls13_certificate_request>(v::client_auth_certificate_request);
  auto algorithms = cr.extensions.get<signature_algorithms>();
  return cr.certificate_request_context.empty() && algorithms.ok() &&
         algorithms->supported_signature_algorithms.size() == 15 && validate(cr).ok();
}

constexpr bool inspects_finished_and_verify() {
  const auto fin = typed_of<finished>(v::simple_server_finished);
  const auto cv = typed_of<certificate_verify>(v::simple_server_certificate_verify);
  return fin.verify_data.size() == 32 && fin.verify_data[0] == 0x9b &&
         cv.algorithm() == signature_scheme::rsa_pss_rsae_sha256 && cv.signature().size() == 128;
}

// The EncryptedExtensions answer only what the ClientHello asked for.
template <std::size_t N, std::size_t M>
constexpr bool encrypted_extensions_validate(const std::array<std::uint8_t, N>& ee_bytes,
                                             const std::array<std::uint8_t, M>& ch_bytes) {
  const auto ee = typed_of<encrypted_extensions>(ee_bytes);
  const auto ch = typed_of<client_hello>(ch_bytes);
  return validate(ee, ch.extensions).ok();
}

std::string hex_of(bytes_view b) {
  static constexpr char d[] = "0123456789abcdef";
  std::string s;
  for (auto c : b) {
    s += d[c >> 4];
    s += d[c & 0xf];
  }
  return s;
}

}  // namespace

TEST_CASE("parses and re-encodes RFC 8448's later handshake messages at compile time", "[messages][rfc8448]") {
  STATIC_REQUIRE(round_trips_as<encrypted_extensions>(v::simple_encrypted_extensions));
  STATIC_REQUIRE(round_trips_as<tls13_certificate>(v::simple_server_certificate));
  STATIC_REQUIRE(round_trips_as<certificate_verify>(v::simple_server_certificate_verify));
  STATIC_REQUIRE(round_trips_as<finished>(v::simple_server_finished));
  STATIC_REQUIRE(round_trips_as<finished>(v::simple_client_finished, tls13_client));
  STATIC_REQUIRE(round_trips_as<tls13_new_session_ticket>(v::simple_new_session_ticket));
  STATIC_REQUIRE(round_trips_as<end_of_early_data>(v::resumed_end_of_early_data, tls13_client));
  STATIC_REQUIRE(round_trips_as<tls13_certificate_request>(v::client_auth_certificate_request));
  STATIC_REQUIRE(round_trips_as<tls13_certificate>(v::client_auth_client_certificate, tls13_client));
  STATIC_REQUIRE(round_trips_as<certificate_verify>(v::client_auth_client_certificate_verify, tls13_client));
  STATIC_REQUIRE(round_trips_as<client_hello>(h::simple_client_hello));
  STATIC_REQUIRE(round_trips_as<server_hello>(h::hrr_hello_retry_request));
}

TEST_CASE("inspects RFC 8448's Certificate, NewSessionTicket, CertificateRequest and Finished at compile time",
          "[messages][rfc8448]") {
  STATIC_REQUIRE(inspects_simple_certificate());
  STATIC_REQUIRE(inspects_simple_new_session_ticket());
  STATIC_REQUIRE(inspects_certificate_request());
  STATIC_REQUIRE(inspects_finished_and_verify());
  STATIC_REQUIRE(encrypted_extensions_validate(v::simple_encrypted_extensions, h::simple_client_hello));
  STATIC_REQUIRE(encrypted_extensions_validate(v::resumed_encrypted_extensions, h::resumed_client_hello));
  STATIC_REQUIRE(encrypted_extensions_validate(v::client_auth_encrypted_extensions, h::client_auth_client_hello));
}

TEST_CASE("every handshake message of the five RFC 8448 traces dispatches and round-trips byte-exact",
          "[messages][rfc8448]") {
  struct expected {
    const char* name;
    sender from;
    handshake_type type;
  };
  const std::vector<expected> messages{
      {"client_hello", sender::client, handshake_type::client_hello},
      {"hello_retry_request", sender::server, handshake_type::server_hello},
      {"client_hello_2", sender::client, handshake_type::client_hello},
      {"server_hello", sender::server, handshake_type::server_hello},
      {"encrypted_extensions", sender::server, handshake_type::encrypted_extensions},
      {"certificate_request", sender::server, handshake_type::certificate_request},
      {"server_certificate", sender::server, handshake_type::certificate},
      {"server_certificate_verify", sender::server, handshake_type::certificate_verify},
      {"server_finished", sender::server, handshake_type::finished},
      {"end_of_early_data", sender::client, handshake_type::end_of_early_data},
      {"client_certificate", sender::client, handshake_type::certificate},
      {"client_certificate_verify", sender::client, handshake_type::certificate_verify},
      {"client_finished", sender::client, handshake_type::finished},
      {"new_session_ticket", sender::server, handshake_type::new_session_ticket},
  };
  std::size_t seen = 0;
  for (const char* trace : {"simple-1rtt", "resumed-0rtt", "hello-retry-request", "client-authentication",
                            "compatibility-mode"}) {
    const auto file = test::load_vectors(std::string("rfc8448/") + trace + ".txt");
    REQUIRE_FALSE(file.empty());
    for (const auto& m : messages) {
      if (!file.contains(m.name)) continue;
      INFO(trace << ": " << m.name);
      // RFC 8448 §4 prints the resumed ClientHello "(partial)", up to the
      // binders; the record that carries it holds the whole message.
      const bool partial = std::string(trace) == "resumed-0rtt" && std::string(m.name) == "client_hello";
      const bytes_view bytes = file.view(partial ? "client_handshake_record_1.plaintext" : m.name);
      negotiation_context ctx = tls13_server;
      ctx.sender = m.from;
      auto typed = dispatch(bytes, ctx);
      REQUIRE(typed.ok());
      CHECK(typed->type() == m.type);
      CHECK_FALSE(typed->holds<opaque_message>());
      CHECK(equal_bytes(typed->message.raw, bytes));
      std::vector<std::uint8_t> out(bytes.size());
      writer w(out);
      typed->encode(w);
      REQUIRE(w.ok());
      CHECK(hex_of(w.written()) == hex_of(bytes));
      ++seen;
    }
  }
  // 5 ClientHellos + 1 second ClientHello + HRR + 5 ServerHellos + 5 EE + 1 CR
  // + 4 server Certificates + 4 CertificateVerify + 5+5 Finished + 1 EOED
  // + 1 client Certificate + 1 client CertificateVerify + 1 NST.
  CHECK(seen == 40);
}

TEST_CASE("RFC 8448's encrypted-record plaintexts reassemble into messages that round-trip", "[messages][rfc8448]") {
  std::size_t messages = 0;
  for (const char* trace : {"simple-1rtt", "resumed-0rtt", "hello-retry-request", "client-authentication",
                            "compatibility-mode"}) {
    const auto file = test::load_vectors(std::string("rfc8448/") + trace + ".txt");
    for (const std::string& name : file.names()) {
      // {client,server}_handshake_record_N.plaintext: one handshake record's content.
      if (name.find("handshake_record_") == std::string::npos || name.find(".plaintext") == std::string::npos)
        continue;
      INFO(trace << ": " << name);
      const auto& fragment = file[name];
      negotiation_context ctx = tls13_server;
      ctx.sender = name.rfind("client", 0) == 0 ? sender::client : sender::server;
      std::array<std::uint8_t, 4096> buffer{};
      handshake_reassembler reassembler(buffer);
      REQUIRE(reassembler.feed(bytes_view(fragment.data(), fragment.size())).ok());
      std::vector<std::uint8_t> reencoded;
      for (;;) {
        auto next = reassembler.next();
        REQUIRE(next.ok());
        if (!*next) break;
        auto typed = dispatch(**next, ctx);
        REQUIRE(typed.ok());
        CHECK_FALSE(typed->holds<opaque_message>());
        std::vector<std::uint8_t> out(encoded_size(typed->message));
        writer w(out);
        typed->encode(w);
        REQUIRE(w.ok());
        reencoded.insert(reencoded.end(), out.begin(), out.end());
        ++messages;
      }
      CHECK(hex_of(bytes_view(reencoded.data(), reencoded.size())) == hex_of(bytes_view(fragment.data(), fragment.size())));
    }
  }
  CHECK(messages >= 30);
}

TEST_CASE("RFC 8448's later messages pass the TLS 1.3 semantic rules", "[messages][rfc8448][validate]") {
  const auto file = test::load_vectors("rfc8448/client-authentication.txt");
  const auto ch = dispatch(file.view("client_hello"), tls13_client);
  const auto cr = dispatch(file.view("certificate_request"), tls13_server);
  const auto server_cert = dispatch(file.view("server_certificate"), tls13_server);
  const auto client_cert = dispatch(file.view("client_certificate"), tls13_client);
  const auto server_cv = dispatch(file.view("server_certificate_verify"), tls13_server);
  const auto client_cv = dispatch(file.view("client_certificate_verify"), tls13_client);
  REQUIRE((ch.ok() && cr.ok() && server_cert.ok() && client_cert.ok() && server_cv.ok() && client_cv.ok()));
  const auto& hello = ch->as<client_hello>();
  const auto& request = cr->as<tls13_certificate_request>();
  CHECK(validate(request).ok());
  CHECK(validate(server_cert->as<tls13_certificate>(), sender::server, hello.extensions).ok());
  CHECK(validate(client_cert->as<tls13_certificate>(), sender::client, request.extensions,
                 request.certificate_request_context.bytes)
            .ok());
  const auto offered = hello.extensions.get<signature_algorithms>();
  const auto requested = request.extensions.get<signature_algorithms>();
  REQUIRE((offered.ok() && requested.ok()));
  CHECK(validate(server_cv->as<certificate_verify>(), offered->supported_signature_algorithms).ok());
  CHECK(validate(client_cv->as<certificate_verify>(), requested->supported_signature_algorithms).ok());
}
