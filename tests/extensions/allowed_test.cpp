// The semantic rules, kept apart from parsing: the RFC 8446 §4.2 table,
// duplicates, pre_shared_key last, unrequested answers, and each
// extension's own value rules — every refusal with its alert and offset.
#include <array>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "ext_test_util.hpp"
#include "extension_vectors.hpp"
#include "tlswire/extensions/extensions.hpp"

using namespace tlswire;
using namespace tlswire::ext_test;
using m = message_context;

namespace {

// The error validate_extensions gives for `block` (an extensions vector with
// its length) in `message`, answering `requested` when given. Arrays by
// value: g++ 12 will not take a span of a temporary bound to a reference.
template <std::size_t N>
constexpr error request_error(std::array<std::uint8_t, N> block, message_context message) {
  auto list = decode<extension_list>(as_view(block));
  if (!list) return error{errc::unsupported, alert_description::internal_error, 0};  // not even syntax
  auto s = validate_extensions(*list, message);
  return s ? error{} : s.error();
}

// The same for a list built from `extension` values (positions are indexes,
// offsets 0).
template <std::size_t N>
constexpr error built_request_error(std::array<extension, N> values, message_context message) {
  const extension_list list(values);
  auto s = validate_extensions(list, message);
  return s ? error{} : s.error();
}
constexpr extension empty_of(extension_type type) { return extension{type, {}}; }

template <std::size_t N, std::size_t M>
constexpr error answer_error(std::array<std::uint8_t, N> block, message_context message,
                             std::array<std::uint8_t, M> requested_block) {
  auto list = decode<extension_list>(as_view(block));
  auto requested = decode<extension_list>(as_view(requested_block));
  if (!list || !requested) return error{errc::unsupported, alert_description::internal_error, 0};
  auto s = validate_extensions(*list, message, *requested);
  return s ? error{} : s.error();
}

constexpr bool is(error e, errc code, alert_description alert, std::uint32_t offset) {
  return e.code == code && e.alert == alert && e.offset == offset;
}
constexpr bool accepted(error e) { return e.code == errc::none; }

template <class T, std::size_t N>
constexpr error value_error(std::array<std::uint8_t, N> body) {
  auto v = decode<T>(as_view(body));
  if (!v) return v.error();
  auto s = validate(*v);
  return s ? error{} : s.error();
}
template <class T, std::size_t N>
constexpr error server_value_error(std::array<std::uint8_t, N> body) {
  auto v = decode<T>(as_view(body));
  if (!v) return v.error();
  auto s = validate_server(*v);
  return s ? error{} : s.error();
}
constexpr bool illegal(error e) {
  return e.code == errc::bad_value && e.alert == alert_description::illegal_parameter;
}

// The ClientHello an answer below replies to: server_name, ALPN, key_share,
// supported_versions, a GREASE extension (0x2a2a), an unknown one (0x1234)
// and session_ticket.
constexpr auto kRequest = hex("0021" "00000000" "001000050003026832" "00330000" "002b0000" "2a2a0000" "12340000"
                              "00230000");

struct semantic_case {
  std::string_view name;
  bool holds;
};

constexpr semantic_case kSemantic[] = {
    // RFC 8446 §4.2 duplicates: illegal_parameter at the second occurrence.
    {"refuses a duplicate extension in ClientHello at the second one",
     is(request_error(hex("000c" "001c00024001" "001c00024001"), m::client_hello), errc::duplicate_extension,
        alert_description::illegal_parameter, 8)},
    {"refuses a duplicate GREASE extension in ClientHello",
     is(request_error(hex("0008" "0a0a0000" "0a0a0000"), m::client_hello), errc::duplicate_extension,
        alert_description::illegal_parameter, 6)},
    {"refuses a duplicate in EncryptedExtensions",
     is(request_error(hex("0008" "00000000" "00000000"), m::encrypted_extensions), errc::duplicate_extension,
        alert_description::illegal_parameter, 6)},
    // RFC 8446 §4.2.11 pre_shared_key last.
    {"refuses pre_shared_key not last in ClientHello",
     is(request_error(hex("000a" "00290000" "001c00024001"), m::client_hello), errc::extension_order,
        alert_description::illegal_parameter, 2)},
    {"accepts pre_shared_key last in ClientHello",
     accepted(request_error(hex("000a" "001c00024001" "00290000"), m::client_hello))},
    {"refuses pre_shared_key not last in a built ClientHello list",
     is(built_request_error(std::array{empty_of(extension_type::pre_shared_key), empty_of(extension_type::padding)},
                            m::client_hello),
        errc::extension_order, alert_description::illegal_parameter, 0)},
    {"accepts pre_shared_key last in a built ClientHello list",
     accepted(built_request_error(
         std::array{empty_of(extension_type::padding), empty_of(extension_type::pre_shared_key)}, m::client_hello))},
    {"refuses a duplicate in a built ClientHello list",
     is(built_request_error(std::array{empty_of(extension_type::padding), empty_of(extension_type::padding)},
                            m::client_hello),
        errc::duplicate_extension, alert_description::illegal_parameter, 0)},
    // RFC 8446 §4.2: recognized extension in the wrong message.
    {"refuses oid_filters in ClientHello",
     is(request_error(hex("0004" "00300000"), m::client_hello), errc::extension_not_allowed,
        alert_description::illegal_parameter, 2)},
    {"refuses key_share in EncryptedExtensions",
     is(request_error(hex("0008" "00000000" "00330000"), m::encrypted_extensions), errc::extension_not_allowed,
        alert_description::illegal_parameter, 6)},
    {"refuses supported_versions in EncryptedExtensions",
     is(request_error(hex("0004" "002b0000"), m::encrypted_extensions), errc::extension_not_allowed,
        alert_description::illegal_parameter, 2)},
    {"refuses early_data in ServerHello",
     is(request_error(hex("0004" "002a0000"), m::server_hello), errc::extension_not_allowed,
        alert_description::illegal_parameter, 2)},
    {"refuses cookie in ServerHello",
     is(request_error(hex("0004" "002c0000"), m::server_hello), errc::extension_not_allowed,
        alert_description::illegal_parameter, 2)},
    {"refuses the TLS 1.2-only ec_point_formats in EncryptedExtensions",
     is(request_error(hex("0004" "000b0000"), m::encrypted_extensions), errc::extension_not_allowed,
        alert_description::illegal_parameter, 2)},
    {"refuses psk_key_exchange_modes in a CertificateRequest",
     is(request_error(hex("0004" "002d0000"), m::certificate_request), errc::extension_not_allowed,
        alert_description::illegal_parameter, 2)},
    {"refuses server_name in NewSessionTicket",
     is(request_error(hex("0004" "00000000"), m::new_session_ticket), errc::extension_not_allowed,
        alert_description::illegal_parameter, 2)},
    {"accepts early_data in NewSessionTicket",
     accepted(request_error(hex("0008" "002a000400000400"), m::new_session_ticket))},
    {"accepts unknown and GREASE extensions in ClientHello",
     accepted(request_error(hex("0008" "1a1a0000" "12340000"), m::client_hello))},
    {"accepts unknown extensions in a CertificateRequest",
     accepted(request_error(hex("0004" "12340000"), m::certificate_request))},
    // RFC 8446 §4.2: unrequested answers are unsupported_extension.
    {"accepts requested server_name and ALPN in EncryptedExtensions",
     accepted(answer_error(hex("000d" "00000000" "001000050003026832"), m::encrypted_extensions, kRequest))},
    {"refuses unrequested record_size_limit in EncryptedExtensions",
     is(answer_error(hex("0006" "001c00024001"), m::encrypted_extensions, kRequest), errc::extension_not_allowed,
        alert_description::unsupported_extension, 2)},
    {"refuses an unknown unrequested extension in EncryptedExtensions",
     is(answer_error(hex("0008" "00000000" "77770000"), m::encrypted_extensions, kRequest),
        errc::extension_not_allowed, alert_description::unsupported_extension, 6)},
    {"accepts an unknown extension the ClientHello carried",
     accepted(answer_error(hex("0004" "12340000"), m::encrypted_extensions, kRequest))},
    {"refuses a GREASE extension echoed by the server even though requested",
     is(answer_error(hex("0004" "2a2a0000"), m::encrypted_extensions, kRequest), errc::extension_not_allowed,
        alert_description::unsupported_extension, 2)},
    {"accepts cookie in HelloRetryRequest without a request",
     accepted(answer_error(hex("0011" "002b00020304" "002c0003000101" "00330000"), m::hello_retry_request,
                           kRequest))},
    {"refuses unrequested extended_master_secret in a TLS 1.2 ServerHello",
     is(answer_error(hex("0004" "00170000"), m::tls12_server_hello, kRequest), errc::extension_not_allowed,
        alert_description::unsupported_extension, 2)},
    {"accepts requested session_ticket in a TLS 1.2 ServerHello",
     accepted(answer_error(hex("0004" "00230000"), m::tls12_server_hello, kRequest))},
    {"checks the table before the request: requested key_share in EE is illegal_parameter",
     is(answer_error(hex("0004" "00330000"), m::encrypted_extensions, kRequest), errc::extension_not_allowed,
        alert_description::illegal_parameter, 2)},
    // Each extension's own value rules.
    {"refuses record_size_limit below 64", illegal(value_error<record_size_limit>(hex("003f")))},
    {"accepts record_size_limit of 64", accepted(value_error<record_size_limit>(hex("0040")))},
    {"refuses padding with a non-zero byte", illegal(value_error<padding>(hex("000001")))},
    {"accepts zero padding", accepted(value_error<padding>(hex("000000")))},
    {"refuses an ALPN answer with two protocols",
     illegal(server_value_error<alpn>(hex("0006" "026832" "026833")))},
    {"accepts an ALPN answer with one protocol", accepted(server_value_error<alpn>(hex("0003" "026832")))},
    {"refuses a use_srtp answer with two profiles",
     illegal(server_value_error<use_srtp>(hex("0004" "00010002" "00")))},
    {"refuses pre_shared_key with more identities than binders",
     illegal(value_error<pre_shared_key_client_hello>(
         hex("000e" "0001aa00000000" "0001bb00000000" "0021" "20"
             "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")))},
    {"refuses key_share with two shares for one group",
     illegal(value_error<key_share_client_hello>(hex("000a" "001d0001aa" "001d0001bb")))},
    {"refuses server_name with two host_names",
     illegal(value_error<server_name_client_hello>(hex("0008" "00000161" "00000162")))},
    {"refuses max_fragment_length 5", illegal(value_error<max_fragment_length_extension>(hex("05")))},
    {"refuses heartbeat mode 3", illegal(value_error<heartbeat>(hex("03")))},
    {"refuses ec_point_formats without uncompressed", illegal(value_error<ec_point_formats>(hex("0101")))},
};
constexpr std::size_t kSemanticCount = sizeof(kSemantic) / sizeof(kSemantic[0]);

constexpr bool all_hold() {
  for (std::size_t i = 0; i < kSemanticCount; ++i)
    if (!kSemantic[i].holds) return false;
  return true;
}

// selected_identity must name an offered identity (RFC 8446 §4.2.11).
constexpr bool selected_identity_checked_against_offer() {
  auto list = decode<extension_list>(as_view(kRfc8448ResumedClientHello));
  auto offered = list->get<pre_shared_key_client_hello>();
  return validate(pre_shared_key_server_hello{0}, *offered).ok() &&
         validate(pre_shared_key_server_hello{1}, *offered).error().alert == alert_description::illegal_parameter;
}

// Every recorded message obeys the rules, answers checked against its hello.
constexpr bool recorded_messages_validate() {
  auto ch = *decode<extension_list>(as_view(kRfc8448ClientHello));
  auto sh = *decode<extension_list>(as_view(kRfc8448ServerHello));
  auto ee = *decode<extension_list>(as_view(kRfc8448EncryptedExtensions));
  auto nst = *decode<extension_list>(as_view(kRfc8448NewSessionTicket));
  auto rch = *decode<extension_list>(as_view(kRfc8448ResumedClientHello));
  auto rsh = *decode<extension_list>(as_view(kRfc8448ResumedServerHello));
  auto ree = *decode<extension_list>(as_view(kRfc8448ResumedEncryptedExtensions));
  auto hrr = *decode<extension_list>(as_view(kRfc8448HelloRetryRequest));
  auto ch2 = *decode<extension_list>(as_view(kRfc8448SecondClientHello));
  auto cr = *decode<extension_list>(as_view(kRfc8448CertificateRequest));
  auto chrome = *decode<extension_list>(as_view(kChrome70ClientHello));
  auto chrome_sh = *decode<extension_list>(as_view(kChrome70ServerHello));
  auto firefox = *decode<extension_list>(as_view(kFirefox63ClientHello));
  auto sct_ch = *decode<extension_list>(as_view(kTls12SctClientHello));
  auto sct_sh = *decode<extension_list>(as_view(kTls12SctServerHello));
  return validate_extensions(ch, m::client_hello).ok() && validate_extensions(sh, m::server_hello, ch).ok() &&
         validate_extensions(ee, m::encrypted_extensions, ch).ok() &&
         validate_extensions(nst, m::new_session_ticket).ok() && validate_extensions(rch, m::client_hello).ok() &&
         validate_extensions(rsh, m::server_hello, rch).ok() &&
         validate_extensions(ree, m::encrypted_extensions, rch).ok() &&
         validate_extensions(hrr, m::hello_retry_request, ch2).ok() &&
         validate_extensions(ch2, m::client_hello).ok() &&
         validate_extensions(cr, m::certificate_request).ok() &&
         validate_extensions(chrome, m::client_hello).ok() &&
         validate_extensions(chrome_sh, m::server_hello, chrome).ok() &&
         validate_extensions(firefox, m::client_hello).ok() &&
         validate_extensions(sct_sh, m::tls12_server_hello, sct_ch).ok() &&
         // The same ServerHello extensions in the wrong message are refused.
         !validate_extensions(sh, m::encrypted_extensions, ch).ok();
}

}  // namespace

TEST_CASE("the RFC 8446 §4.2 table says which extension may appear in which message", "[extensions][allowed]") {
  STATIC_REQUIRE(allowed_in(extension_type::key_share, m::client_hello));
  STATIC_REQUIRE(allowed_in(extension_type::key_share, m::server_hello));
  STATIC_REQUIRE(allowed_in(extension_type::key_share, m::hello_retry_request));
  STATIC_REQUIRE(!allowed_in(extension_type::key_share, m::encrypted_extensions));
  STATIC_REQUIRE(allowed_in(extension_type::status_request, m::certificate));
  STATIC_REQUIRE(allowed_in(extension_type::status_request, m::certificate_request));
  STATIC_REQUIRE(!allowed_in(extension_type::status_request, m::encrypted_extensions));
  STATIC_REQUIRE(allowed_in(extension_type::early_data, m::new_session_ticket));
  STATIC_REQUIRE(!allowed_in(extension_type::early_data, m::certificate_request));
  STATIC_REQUIRE(allowed_in(extension_type::oid_filters, m::certificate_request));
  STATIC_REQUIRE(!allowed_in(extension_type::oid_filters, m::client_hello));
  STATIC_REQUIRE(allowed_in(extension_type::cookie, m::hello_retry_request));
  STATIC_REQUIRE(!allowed_in(extension_type::cookie, m::server_hello));
  STATIC_REQUIRE(allowed_in(extension_type::pre_shared_key, m::server_hello));
  STATIC_REQUIRE(!allowed_in(extension_type::pre_shared_key, m::hello_retry_request));
  STATIC_REQUIRE(allowed_in(extension_type::padding, m::client_hello));
  STATIC_REQUIRE(!allowed_in(extension_type::padding, m::encrypted_extensions));
  STATIC_REQUIRE(allowed_in(extension_type::signature_algorithms_cert, m::certificate_request));
  STATIC_REQUIRE(allowed_in(extension_type::extended_master_secret, m::client_hello));
  STATIC_REQUIRE(!allowed_in(extension_type::extended_master_secret, m::server_hello));
  STATIC_REQUIRE(allowed_in(extension_type::extended_master_secret, m::tls12_server_hello));
  // Unknown and GREASE types are outside the table.
  STATIC_REQUIRE(!is_recognized_in_tls13(static_cast<extension_type>(0x3a3a)));
  STATIC_REQUIRE(allowed_in(static_cast<extension_type>(0x3a3a), m::encrypted_extensions));
  STATIC_REQUIRE(is_recognized_in_tls13(extension_type::post_handshake_auth));
}

TEST_CASE("semantic rules refuse each named case with the RFC's alert and offset", "[extensions][allowed]") {
  STATIC_REQUIRE(all_hold());
  for (std::size_t i = 0; i < kSemanticCount; ++i) {
    INFO(kSemantic[i].name);
    CHECK(kSemantic[i].holds);
  }
  STATIC_REQUIRE(selected_identity_checked_against_offer());
}

TEST_CASE("recorded RFC 8448, Chrome, Firefox and TLS 1.2 messages pass every semantic rule",
          "[extensions][allowed]") {
  STATIC_REQUIRE(recorded_messages_validate());
}

TEST_CASE("finds duplicates among many high extension types exactly, past the scan's fast set too",
          "[extensions][allowed]") {
  // n distinct types of 64 and up (every GREASE value among them, which the
  // fast set hashes into neighbouring slots), then optionally a repeat of
  // one of them: the repeat is refused at its own offset, whether the fast
  // set still answers (n small) or has given up (n past its room).
  const auto list_of = [](std::size_t n, bool repeat) {
    std::vector<std::uint8_t> body;
    const auto add = [&](std::uint16_t type) {
      body.insert(body.end(), {static_cast<std::uint8_t>(type >> 8), static_cast<std::uint8_t>(type), 0, 0});
    };
    for (std::size_t i = 0; i < n; ++i)
      add(i < 16 ? static_cast<std::uint16_t>(0x0a0a + 0x1010 * i) : static_cast<std::uint16_t>(0x4000 + i));
    if (repeat) add(0x0a0a + 0x1010 * (n < 16 ? n - 1 : 15));
    return body;
  };
  for (const std::size_t n : {std::size_t{2}, std::size_t{16}, std::size_t{23}, std::size_t{24}, std::size_t{40}}) {
    INFO(n << " distinct high types");
    for (const bool repeat : {false, true}) {
      const auto body = list_of(n, repeat);
      const auto list = extension_list::from_encoded(bytes_view(body.data(), body.size()));
      REQUIRE(list.ok());
      const status s = validate_extensions(*list, message_context::client_hello);
      if (!repeat) {
        CHECK(s.ok());
      } else {
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().code == errc::duplicate_extension);
        CHECK(s.error().offset == 4 * n);
      }
    }
  }
}
