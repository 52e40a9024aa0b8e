// The pretty-printer: RFC field names, IANA names next to hex, unknown code
// points as numbers, short hex for bytes — into any sink, at compile time
// too, without allocating.
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "messages/rfc8448_message_vectors.hpp"
#include "messages/rfc8448_vectors.hpp"
#include "support/allocation_counter.hpp"
#include "support/vector_file.hpp"
#include "tlswire/inspect/print.hpp"
#include "tlswire/messages/messages.hpp"

using namespace tlswire;
namespace v = tlswire::test::rfc8448_more;
namespace h = tlswire::test::rfc8448;

namespace {

constexpr negotiation_context tls13_server{protocol_version::tls13, cipher_suite::tls_aes_128_gcm_sha256,
                                           sender::server, certificate_type::x509};
constexpr negotiation_context tls12_ecdhe{protocol_version::tls12,
                                          cipher_suite::tls_ecdhe_rsa_with_aes_128_gcm_sha256, sender::server,
                                          certificate_type::x509};

// A test sink that may allocate (outside measured blocks).
struct string_sink {
  std::string text;
  void write(std::string_view s) { text.append(s); }
};

std::string printed(bytes_view message, const negotiation_context& ctx) {
  string_sink out;
  auto typed = dispatch(message, ctx);
  REQUIRE(typed.ok());
  print(out, *typed);
  return out.text;
}

std::vector<std::uint8_t> from_hex(const std::string& hex) { return test::bytes_from_hex(hex); }

template <std::size_t N>
constexpr bool prints_at_compile_time(const std::array<std::uint8_t, N>& message, std::string_view expected) {
  fixed_buffer_sink<512> out;
  auto typed = dispatch(as_view(message), tls13_server);
  if (!typed) return false;
  print(out, *typed);
  return out.view() == expected && !out.truncated();
}

}  // namespace

TEST_CASE("prints RFC 8448's Finished and KeyUpdate at compile time", "[inspect][print]") {
  STATIC_REQUIRE(prints_at_compile_time(v::simple_server_finished,
                                        "Finished [finished (0x14)], 32 bytes\n"
                                        "  verify_data: 9b9b141d906337fbd2cbdce71df4deda... (32 bytes)\n"));
  STATIC_REQUIRE(prints_at_compile_time(std::array<std::uint8_t, 5>{0x18, 0, 0, 1, 1},
                                        "KeyUpdate [key_update (0x18)], 1 byte\n"
                                        "  request_update: update_requested (0x01)\n"));
  STATIC_REQUIRE(prints_at_compile_time(std::array<std::uint8_t, 4>{0x05, 0, 0, 0},
                                        "EndOfEarlyData [end_of_early_data (0x05)], 0 bytes\n"));
}

TEST_CASE("prints RFC 8448's EncryptedExtensions with field and IANA names", "[inspect][print]") {
  CHECK(printed(as_view(v::simple_encrypted_extensions), tls13_server) ==
        "EncryptedExtensions [encrypted_extensions (0x08)], 36 bytes\n"
        "  extensions (3):\n"
        "    supported_groups (0x000a), 20 bytes\n"
        "      named_group_list (9):\n"
        "        x25519 (0x001d)\n"
        "        secp256r1 (0x0017)\n"
        "        secp384r1 (0x0018)\n"
        "        secp521r1 (0x0019)\n"
        "        ffdhe2048 (0x0100)\n"
        "        ffdhe3072 (0x0101)\n"
        "        ffdhe4096 (0x0102)\n"
        "        ffdhe6144 (0x0103)\n"
        "        ffdhe8192 (0x0104)\n"
        "    record_size_limit (0x001c), 2 bytes\n"
        "      RecordSizeLimit: 16385\n"
        "    server_name (0x0000), 0 bytes\n"
        "      extension_data: (empty)\n");
}

TEST_CASE("prints the certificate's subject and issuer from the DER view", "[inspect][print]") {
  const std::string text = printed(as_view(v::simple_server_certificate), tls13_server);
  CHECK(text.find("Certificate (TLS 1.3) [certificate (0x0b)], 441 bytes\n") == 0);
  CHECK(text.find("    cert_data: 308201ac30820115a003020102020102... (432 bytes)\n"
                  "      subject: CN=\"rsa\"\n"
                  "      issuer: CN=\"rsa\"\n") != std::string::npos);
}

TEST_CASE("prints each extension in the shape of the message that carries it", "[inspect][print]") {
  // key_share: a ClientHello list, a ServerHello entry, a HelloRetryRequest group.
  const std::string ch = printed(as_view(h::simple_client_hello), tls13_server);
  CHECK(ch.find("    key_share (0x0033), 38 bytes\n      client_shares (1):\n        group: x25519 (0x001d)\n") !=
        std::string::npos);
  CHECK(ch.find("        host_name (0x00): \"server\"\n") != std::string::npos);
  const std::string sh = printed(as_view(h::simple_server_hello), tls13_server);
  CHECK(sh.find("      server_share:\n        group: x25519 (0x001d)\n") != std::string::npos);
  CHECK(sh.find("      selected_version: TLS 1.3 (0x0304)\n") != std::string::npos);
  const std::string hrr = printed(as_view(h::hrr_hello_retry_request), tls13_server);
  CHECK(hrr.find("  kind: HelloRetryRequest") != std::string::npos);
  CHECK(hrr.find("      selected_group: secp256r1 (0x0017)\n") != std::string::npos);
  const std::string nst = printed(as_view(v::simple_new_session_ticket), tls13_server);
  CHECK(nst.find("  ticket_age_add: 0xfad6aac5\n") != std::string::npos);
  CHECK(nst.find("      max_early_data_size: 1024\n") != std::string::npos);
}

TEST_CASE("prints unknown code points as numbers and GREASE by name", "[inspect][print]") {
  // EncryptedExtensions with GREASE 0x0a0a, unknown 0x1234 and supported_groups
  // holding an unknown group 0x0999.
  const auto ee = from_hex("08000016" "0014" "0a0a0000" "12340002abcd" "000a0006000400170999");
  const std::string text = printed(bytes_view(ee.data(), ee.size()), tls13_server);
  CHECK(text.find("    GREASE (0x0a0a), 0 bytes\n      extension_data: (empty)\n") != std::string::npos);
  CHECK(text.find("    unknown (0x1234), 2 bytes\n      extension_data: abcd (2 bytes)\n") != std::string::npos);
  CHECK(text.find("        unknown (0x0999)\n") != std::string::npos);
  // An unknown handshake type is an opaque message, printed as a number.
  const auto odd = from_hex("63000002beef");
  CHECK(printed(bytes_view(odd.data(), odd.size()), tls13_server) ==
        "Handshake [unknown (0x63)], 2 bytes\n  body: beef (2 bytes)\n");
}

TEST_CASE("prints a malformed extension and a malformed message with the error", "[inspect][print]") {
  // supported_groups with an odd length inside otherwise fine framing.
  const auto ee = from_hex("08000009" "0007" "000a0003000100");
  const std::string text = printed(bytes_view(ee.data(), ee.size()), tls13_server);
  CHECK(text.find("      malformed: length out of range, alert decode_error (0x32) at offset 10\n") !=
        std::string::npos);
  // A Finished of the wrong length does not dispatch: print says why.
  const auto fin = from_hex("1400000200ff");
  string_sink out;
  print(out, *read_handshake(bytes_view(fin.data(), fin.size())), tls13_server);
  CHECK(out.text == "finished (0x14), 2 bytes\n"
                    "  malformed: truncated, alert decode_error (0x32) at offset 4\n"
                    "  body: 00ff (2 bytes)\n");
}

TEST_CASE("prints TLS 1.2 key exchange messages with the suite's shape", "[inspect][print]") {
  const auto ske = from_hex("0c00000d" "03001d" "02aabb" "0401" "0003010203");
  const std::string text = printed(bytes_view(ske.data(), ske.size()), tls12_ecdhe);
  CHECK(text == "ServerKeyExchange [server_key_exchange (0x0c)], 13 bytes\n"
                "  key_exchange (from the suite): ECDHE (0x05)\n"
                "  curve_type: named_curve (0x03)\n"
                "  namedcurve: x25519 (0x001d)\n"
                "  public: aabb (2 bytes)\n"
                "  algorithm: rsa_pkcs1_sha256 (0x0401)\n"
                "  signature: 010203 (3 bytes)\n");
  const auto cke = from_hex("1000000302ccdd");
  CHECK(printed(bytes_view(cke.data(), cke.size()), tls12_ecdhe) ==
        "ClientKeyExchange [client_key_exchange (0x10)], 3 bytes\n"
        "  key_exchange (from the suite): ECDHE (0x05)\n"
        "  ecdh_Yc: ccdd (2 bytes)\n");
}

TEST_CASE("prints a built message and a single extension", "[inspect][print]") {
  string_sink out;
  print(out, key_update{key_update_request::update_not_requested});
  CHECK(out.text == "KeyUpdate [key_update (0x18)], 1 byte\n  request_update: update_not_requested (0x00)\n");
  out.text.clear();
  const auto alpn_data = from_hex("000c02683208687474702f312e31");
  print(out, extension{extension_type::application_layer_protocol_negotiation,
                       bytes_view(alpn_data.data(), alpn_data.size())});
  CHECK(out.text == "application_layer_protocol_negotiation (0x0010), 14 bytes\n"
                    "  protocol_name_list (2):\n"
                    "    \"h2\"\n"
                    "    \"http/1.1\"\n");
}

TEST_CASE("a full fixed buffer says it truncated; a counting sink sizes the printout", "[inspect][print]") {
  auto typed = dispatch(as_view(v::simple_server_certificate), tls13_server);
  REQUIRE(typed.ok());
  counting_sink counter;
  print(counter, *typed);
  fixed_buffer_sink<64> small;
  print(small, *typed);
  CHECK(small.truncated());
  CHECK(small.view().size() == 64);
  std::vector<char> exact(counter.size);
  span_sink fits(exact);
  print(fits, *typed);
  CHECK_FALSE(fits.truncated());
  CHECK(fits.view().size() == counter.size);
}

TEST_CASE("printing allocates nothing", "[inspect][print][allocation]") {
  auto typed = dispatch(as_view(h::simple_client_hello), tls13_server);
  REQUIRE(typed.ok());
  static fixed_buffer_sink<8192> out;
  test::allocation_counter allocations;
  print(out, *typed);
  print(out, typed->message, tls13_server);
  const std::size_t count = allocations.count();
  CHECK(count == 0);
  CHECK_FALSE(out.truncated());
}
