// crypto/visit_suite.hpp with each real back end: every AEAD suite of the
// registry the provider supports is keyed through visit_suite alone (the
// suite's AEAD, key and IV lengths and hash from the aead_suite f receives),
// and a record sealed under it opens again, with the size the registry's
// record sizes predict. RFC 8448 §5 through handshake_transcript too.
#include <catch2/catch.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "crypto/rfc8448_trace.hpp"
#include "support/vector_file.hpp"
#include "tlswire/crypto/record_protection.hpp"
#include "tlswire/crypto/tls13_key_schedule.hpp"
#include "tlswire/crypto/visit_suite.hpp"
#include "tlswire/providers/mbedtls.hpp"
#include "tlswire/providers/openssl.hpp"

namespace {

using namespace tlswire;

constexpr std::array<std::uint8_t, 11> content{'h', 'e', 'l', 'l', 'o', ' ', 's', 'u', 'i', 't', 'e'};

// Seals `content` and opens it again under keys made for the suite f is
// called with; returns the sealed record's size.
template <class P>
struct round_trip {
  template <class S>
  result<std::size_t> operator()(S /*suite*/) const {
    std::array<std::uint8_t, 48> secret{};
    for (std::size_t i = 0; i < secret.size(); ++i) secret[i] = static_cast<std::uint8_t>(i + 1);
    std::vector<std::uint8_t> record(record_header_size + S::record_iv_length + content.size() + 1 +
                                     S::tag_length);
    std::vector<std::uint8_t> opened_bytes(record.size());
    if constexpr (S::tls13) {
      // RFC 8446 §7.3 from a traffic secret of the suite's hash length.
      using schedule = tls13_key_schedule<P, typename S::hash>;
      const auto keys = schedule::traffic_keys_for(bytes_view(secret).first(S::hash_length), S::aead);
      if (keys.key.view().size() != S::key_length || keys.iv.view().size() != S::iv_length)
        return make_error(errc::length_mismatch, 0);
      tls13_record_protection<P> writer, reader;
      TLSWIRE_CHECK(writer.set_key(S::aead, keys));
      TLSWIRE_CHECK(reader.set_key(S::aead, keys));
      TLSWIRE_TRY(const std::size_t n, writer.seal(content_type::application_data, as_view(content), record));
      TLSWIRE_TRY(const opened_record o, reader.open(bytes_view(record).first(n), opened_bytes));
      if (!equal_bytes(o.content, as_view(content))) return make_error(errc::bad_value, 0);
      return n;
    } else {
      const bytes_view key = bytes_view(secret).first(S::key_length);
      const bytes_view iv = bytes_view(secret).last(S::iv_length);
      tls12_aead_record_protection<P> writer, reader;
      TLSWIRE_CHECK(writer.set_key(S::aead, key, iv));
      TLSWIRE_CHECK(reader.set_key(S::aead, key, iv));
      TLSWIRE_TRY(const std::size_t n, writer.seal(content_type::application_data, protocol_version::tls12,
                                                   as_view(content), record));
      TLSWIRE_TRY(const opened_record o, reader.open(bytes_view(record).first(n), opened_bytes));
      if (!equal_bytes(o.content, as_view(content))) return make_error(errc::bad_value, 0);
      return n;
    }
  }
};

TEMPLATE_TEST_CASE("every AEAD suite a back end supports is keyed through visit_suite and round-trips a record",
                   "[crypto][visit_suite]", openssl_provider, mbedtls_provider) {
  std::size_t reached = 0;
  for (const cipher_suite s : aead_cipher_suites) {
    INFO(to_string(s));
    const auto info = find_cipher_suite_info(s);
    REQUIRE(info);
    const auto n = visit_suite<TestType>(s, round_trip<TestType>{});
    if (!provider_supports<TestType>(s)) {
      CHECK_FALSE(n.ok());
      continue;
    }
    REQUIRE(n.ok());
    ++reached;
    // TLS 1.3 adds the inner content type byte (RFC 8446 §5.2).
    CHECK(*n == record_header_size + info->record_iv_length + content.size() + (info->tls13 ? 1 : 0) +
                    info->tag_length);
  }
  CHECK(reached == std::size(aead_cipher_suites));  // both back ends have every AEAD and hash
}

TEMPLATE_TEST_CASE("RFC 8448 §5 through handshake_transcript: the RFC's transcript hashes",
                   "[crypto][transcript][rfc8448]", openssl_provider, mbedtls_provider) {
  const auto v = test::load_vectors("rfc8448/hello-retry-request.txt");
  REQUIRE_FALSE(v.empty());
  test::rfc8448::check_early_transcript_hello_retry_request<TestType>(v);
}

}  // namespace
