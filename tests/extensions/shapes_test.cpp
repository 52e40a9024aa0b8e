// The one table of extension shapes (extensions/shapes.hpp): which typed
// struct an extension takes in which message, and visit_typed over it.
#include <array>
#include <concepts>
#include <cstdint>

#include <catch2/catch.hpp>

#include "ext_test_util.hpp"
#include "tlswire/extensions/extensions.hpp"

using namespace tlswire;
using namespace tlswire::ext_test;

namespace {

using t = extension_type;
using m = message_context;

enum class seen { typed, failed, opaque };

// What visit_typed hands over for `data` as extension `type` in `message`.
template <class Expected>
constexpr seen visit(extension_type type, message_context message, bytes_view data) {
  const extension e{type, data};
  return visit_typed(e, message, [](const auto& v) {
    using V = std::remove_cvref_t<decltype(v)>;
    if constexpr (std::same_as<V, error>) return seen::failed;
    else if constexpr (std::same_as<V, extension>) return seen::opaque;
    else return std::same_as<V, Expected> ? seen::typed : seen::failed;
  });
}

template <class... Ts>
constexpr bool all_allowed_in(shape_list<Ts...>, message_context message) {
  return (allowed_in(Ts::type, message) && ...);
}

constexpr std::array<std::uint8_t, 0> kEmpty{};
// SignedCertificateTimestampList with one 2-byte SerializedSCT.
constexpr std::array<std::uint8_t, 6> kSctList{0x00, 0x04, 0x00, 0x02, 0xaa, 0xbb};

}  // namespace

TEST_CASE("signed_certificate_timestamp in a CertificateRequest is an empty request, as in a ClientHello",
          "[extensions][shapes]") {
  // RFC 6962 §3.3.1: the request carries empty extension_data; RFC 8446
  // §4.2 lists it in CR and §4.4.2.1 puts the answer (the SCT list) in the
  // client's CertificateEntry, as for status_request.
  STATIC_REQUIRE(std::same_as<extension_shape<t::signed_certificate_timestamp, m::certificate_request>,
                              signed_certificate_timestamp_client_hello>);
  STATIC_REQUIRE(std::same_as<extension_shape<t::signed_certificate_timestamp, m::certificate>,
                              signed_certificate_timestamp_server_hello>);
  STATIC_REQUIRE(visit<signed_certificate_timestamp_certificate_request>(
                     t::signed_certificate_timestamp, m::certificate_request, as_view(kEmpty)) == seen::typed);
  STATIC_REQUIRE(visit<signed_certificate_timestamp_certificate_request>(
                     t::signed_certificate_timestamp, m::certificate_request, as_view(kSctList)) == seen::failed);
  STATIC_REQUIRE(visit<signed_certificate_timestamp_certificate>(t::signed_certificate_timestamp, m::certificate,
                                                                 as_view(kSctList)) == seen::typed);
}

TEST_CASE("key_share and status_request take the shape of the message that carries them", "[extensions][shapes]") {
  STATIC_REQUIRE(std::same_as<extension_shape<t::key_share, m::client_hello>, key_share_client_hello>);
  STATIC_REQUIRE(std::same_as<extension_shape<t::key_share, m::server_hello>, key_share_server_hello>);
  STATIC_REQUIRE(std::same_as<extension_shape<t::key_share, m::hello_retry_request>, key_share_hello_retry_request>);
  STATIC_REQUIRE(std::same_as<extension_shape<t::status_request, m::client_hello>, status_request_client_hello>);
  STATIC_REQUIRE(std::same_as<extension_shape<t::status_request, m::certificate>, status_request_certificate>);
  STATIC_REQUIRE(
      std::same_as<extension_shape<t::status_request, m::certificate_request>, status_request_certificate_request>);
  STATIC_REQUIRE(std::same_as<extension_shape<t::early_data, m::new_session_ticket>, early_data_new_session_ticket>);
  STATIC_REQUIRE(std::same_as<extension_shape<t::ec_point_formats, m::tls12_server_hello>, ec_point_formats>);
}

TEST_CASE("an unknown, GREASE or out-of-place extension has no shape and is handed over as it is",
          "[extensions][shapes]") {
  STATIC_REQUIRE(std::same_as<extension_shape<static_cast<extension_type>(0x0a0a), m::client_hello>, extension>);
  STATIC_REQUIRE(std::same_as<extension_shape<t::key_share, m::encrypted_extensions>, extension>);
  STATIC_REQUIRE(visit<extension>(static_cast<extension_type>(0x7550), m::client_hello, as_view(kSctList)) ==
                 seen::opaque);
  STATIC_REQUIRE(visit<extension>(t::cookie, m::certificate, as_view(kEmpty)) == seen::opaque);
}

TEST_CASE("a malformed extension is handed over as its decode error at its offset in the input",
          "[extensions][shapes]") {
  const extension e{t::supported_versions, as_view(kSctList).first(1)};
  const error got = visit_typed(
      e, m::client_hello,
      [](const auto& v) {
        if constexpr (std::same_as<std::remove_cvref_t<decltype(v)>, error>) return v;
        else return error{};
      },
      100);
  CHECK(got.alert == alert_description::decode_error);
  CHECK(got.offset >= 100);
}

TEST_CASE("every shape of a TLS 1.3 message but ServerHello is one the RFC 8446 §4.2 table allows there",
          "[extensions][shapes]") {
  // ServerHello's list serves TLS 1.2 too (allowed.hpp knows which are 1.3).
  STATIC_REQUIRE(all_allowed_in(client_hello_shapes{}, m::client_hello));
  STATIC_REQUIRE(all_allowed_in(hello_retry_request_shapes{}, m::hello_retry_request));
  STATIC_REQUIRE(all_allowed_in(encrypted_extensions_shapes{}, m::encrypted_extensions));
  STATIC_REQUIRE(all_allowed_in(certificate_shapes{}, m::certificate));
  STATIC_REQUIRE(all_allowed_in(certificate_request_shapes{}, m::certificate_request));
  STATIC_REQUIRE(all_allowed_in(new_session_ticket_shapes{}, m::new_session_ticket));
}
