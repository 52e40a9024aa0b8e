// Named malformed extension bodies, each refused by the syntax parse with
// the error and alert the RFCs call for (decode_error for every framing
// fault: RFC 8446 §6.2 "a message could not be decoded because some field
// was out of the specified range or the length of the message was incorrect").
#include <array>
#include <string_view>

#include <catch2/catch.hpp>

#include "ext_test_util.hpp"
#include "tlswire/extensions/extensions.hpp"

using namespace tlswire;
using ext_test::hex;

namespace {

// `body` by value: g++ 12 does not treat a span of a temporary bound to a
// reference parameter as a constant expression.
template <class T, std::size_t N>
constexpr bool refuses(std::array<std::uint8_t, N> body, errc code) {
  const error e = ext_test::decode_error_of<T>(as_view(body));
  return e.code == code && e.alert == alert_description::decode_error;
}

struct hostile_case {
  std::string_view name;
  bool refused;
};

// 0x20 bytes of 0xaa, for binders and identities.
#define AA32 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

constexpr hostile_case kHostile[] = {
    {"server_name: empty server_name_list <1..>",
     refuses<server_name_client_hello>(hex("0000"), errc::length_out_of_range)},
    {"server_name: empty HostName <1..>",
     refuses<server_name_client_hello>(hex("0003000000"), errc::length_out_of_range)},
    {"server_name: list longer than the data",
     refuses<server_name_client_hello>(hex("000b0000067365727665"), errc::truncated)},
    {"server_name: name longer than its list",
     refuses<server_name_client_hello>(hex("0004000002736572"), errc::truncated)},
    {"server_name: non-empty acknowledgement",
     refuses<server_name_server_hello>(hex("00"), errc::trailing_bytes)},
    {"max_fragment_length: empty", refuses<max_fragment_length_extension>(hex(""), errc::truncated)},
    {"max_fragment_length: two bytes", refuses<max_fragment_length_extension>(hex("0102"), errc::trailing_bytes)},
    {"status_request: empty ResponderID <1..>",
     refuses<status_request_client_hello>(hex("01000200000000"), errc::length_out_of_range)},
    {"status_request: request_extensions missing",
     refuses<status_request_client_hello>(hex("010000"), errc::truncated)},
    {"status_request: empty OCSPResponse <1..>",
     refuses<status_request_certificate>(hex("01000000"), errc::length_out_of_range)},
    {"supported_groups: empty named_group_list <2..>",
     refuses<supported_groups>(hex("0000"), errc::length_out_of_range)},
    {"supported_groups: odd length for a u16 list",
     refuses<supported_groups>(hex("0003001d00"), errc::length_out_of_range)},
    {"supported_groups: list longer than the data", refuses<supported_groups>(hex("0004001d"), errc::truncated)},
    {"supported_groups: bytes after the list", refuses<supported_groups>(hex("0002001d00"), errc::trailing_bytes)},
    {"ec_point_formats: empty ec_point_format_list <1..>",
     refuses<ec_point_formats>(hex("00"), errc::length_out_of_range)},
    {"signature_algorithms: empty list <2..>",
     refuses<signature_algorithms>(hex("0000"), errc::length_out_of_range)},
    {"signature_algorithms: odd length for a u16 list",
     refuses<signature_algorithms>(hex("0003040305"), errc::length_out_of_range)},
    {"signature_algorithms: length 2^16-1 over the <..2^16-2> maximum",
     refuses<signature_algorithms>(hex("ffff"), errc::length_out_of_range)},
    {"signature_algorithms_cert: odd length",
     refuses<signature_algorithms_cert>(hex("00010403"), errc::length_out_of_range)},
    {"use_srtp: one-byte profile list <2..>", refuses<use_srtp>(hex("00010000"), errc::length_out_of_range)},
    {"use_srtp: srtp_mki missing", refuses<use_srtp>(hex("00020001"), errc::truncated)},
    {"heartbeat: two bytes", refuses<heartbeat>(hex("0101"), errc::trailing_bytes)},
    {"ALPN: empty protocol_name_list <2..>",
     refuses<application_layer_protocol_negotiation>(hex("0000"), errc::length_out_of_range)},
    {"ALPN: empty ProtocolName <1..>",
     refuses<application_layer_protocol_negotiation>(hex("000100"), errc::length_out_of_range)},
    {"ALPN: ProtocolName longer than the list",
     refuses<application_layer_protocol_negotiation>(hex("0003036832"), errc::truncated)},
    {"signed_certificate_timestamp: empty sct_list <1..>",
     refuses<signed_certificate_timestamp_server_hello>(hex("0000"), errc::length_out_of_range)},
    {"signed_certificate_timestamp: data in the ClientHello request",
     refuses<signed_certificate_timestamp_client_hello>(hex("0000"), errc::trailing_bytes)},
    {"client_certificate_type: empty list <1..>",
     refuses<client_certificate_type_client_hello>(hex("00"), errc::length_out_of_range)},
    {"server_certificate_type: answer with two types",
     refuses<server_certificate_type_server_hello>(hex("0200"), errc::trailing_bytes)},
    {"encrypt_then_mac: non-empty", refuses<encrypt_then_mac>(hex("00"), errc::trailing_bytes)},
    {"extended_master_secret: non-empty", refuses<extended_master_secret>(hex("0000"), errc::trailing_bytes)},
    {"compress_certificate: one algorithm byte <2..>",
     refuses<compress_certificate>(hex("0102"), errc::length_out_of_range)},
    {"compress_certificate: odd length", refuses<compress_certificate>(hex("03000200"), errc::length_out_of_range)},
    {"compress_certificate: length 255 over the <..2^8-2> maximum",
     refuses<compress_certificate>(hex("ff"), errc::length_out_of_range)},
    {"record_size_limit: one byte", refuses<record_size_limit>(hex("40"), errc::truncated)},
    {"record_size_limit: three bytes", refuses<record_size_limit>(hex("400100"), errc::trailing_bytes)},
    {"renegotiation_info: length over the data", refuses<renegotiation_info>(hex("050000"), errc::truncated)},
    {"pre_shared_key: identities below the <7..> minimum",
     refuses<pre_shared_key_client_hello>(hex("000600010000000000"), errc::length_out_of_range)},
    {"pre_shared_key: empty identity <1..>",
     refuses<pre_shared_key_client_hello>(hex("0007000000000000aa"), errc::length_out_of_range)},
    {"pre_shared_key: binders below the <33..> minimum",
     refuses<pre_shared_key_client_hello>(hex("00070001aa00000000" "0020" AA32), errc::length_out_of_range)},
    {"pre_shared_key: PskBinderEntry of 31 bytes, below <32..>",
     refuses<pre_shared_key_client_hello>(hex("00070001aa00000000" "0021" "1f" AA32), errc::length_out_of_range)},
    {"pre_shared_key: binders missing",
     refuses<pre_shared_key_client_hello>(hex("00070001aa00000000"), errc::truncated)},
    {"pre_shared_key: selected_identity of one byte", refuses<pre_shared_key_server_hello>(hex("00"), errc::truncated)},
    {"early_data: ClientHello form with data", refuses<early_data_client_hello>(hex("00"), errc::trailing_bytes)},
    {"early_data: max_early_data_size of three bytes",
     refuses<early_data_new_session_ticket>(hex("000400"), errc::truncated)},
    {"supported_versions: one version, below <2..>",
     refuses<supported_versions_client_hello>(hex("00"), errc::length_out_of_range)},
    {"supported_versions: odd length",
     refuses<supported_versions_client_hello>(hex("03030403"), errc::length_out_of_range)},
    {"supported_versions: length 255 over the <..254> maximum",
     refuses<supported_versions_client_hello>(hex("ff"), errc::length_out_of_range)},
    {"supported_versions: ServerHello form of three bytes",
     refuses<supported_versions_server_hello>(hex("030400"), errc::trailing_bytes)},
    {"cookie: empty <1..>", refuses<cookie>(hex("0000"), errc::length_out_of_range)},
    {"psk_key_exchange_modes: empty ke_modes <1..>",
     refuses<psk_key_exchange_modes>(hex("00"), errc::length_out_of_range)},
    {"certificate_authorities: authorities below <3..>",
     refuses<certificate_authorities>(hex("00020000"), errc::length_out_of_range)},
    {"certificate_authorities: empty DistinguishedName <1..>",
     refuses<certificate_authorities>(hex("000400000000"), errc::length_out_of_range)},
    {"oid_filters: empty certificate_extension_oid <1..>",
     refuses<oid_filters>(hex("0003000000"), errc::length_out_of_range)},
    {"post_handshake_auth: non-empty", refuses<post_handshake_auth>(hex("00"), errc::trailing_bytes)},
    {"key_share: empty key_exchange <1..>",
     refuses<key_share_client_hello>(hex("0004001d0000"), errc::length_out_of_range)},
    {"key_share: entry longer than client_shares",
     refuses<key_share_client_hello>(hex("0006001d0020aaaa"), errc::truncated)},
    {"key_share: half an entry after a complete one",
     refuses<key_share_client_hello>(hex("0007001d0001aa001d"), errc::truncated)},
    {"key_share: ServerHello share with empty key_exchange",
     refuses<key_share_server_hello>(hex("001d0000"), errc::length_out_of_range)},
    {"key_share: HelloRetryRequest form of three bytes",
     refuses<key_share_hello_retry_request>(hex("001877"), errc::trailing_bytes)},
    {"extension list: extension_data longer than the list",
     refuses<extension_list>(hex("0006001c00054001"), errc::truncated)},
    {"extension list: list length over the data", refuses<extension_list>(hex("0008001c00024001"), errc::truncated)},
    {"extension list: half an ExtensionType at the end",
     refuses<extension_list>(hex("000500230000ff"), errc::truncated)},
};
constexpr std::size_t kHostileCount = sizeof(kHostile) / sizeof(kHostile[0]);

#undef AA32

constexpr bool all_refused() {
  for (std::size_t i = 0; i < kHostileCount; ++i)
    if (!kHostile[i].refused) return false;
  return true;
}

}  // namespace

TEST_CASE("named hostile extension bodies are refused with decode_error", "[extensions][hostile]") {
  STATIC_REQUIRE(all_refused());
  for (const hostile_case& c : kHostile) {
    INFO(c.name);
    CHECK(c.refused);
  }
  CHECK(kHostileCount >= 60);
}
