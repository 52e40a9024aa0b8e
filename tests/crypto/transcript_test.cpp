// crypto/transcript.hpp's handshake_transcript: a transcript that starts
// before the suite names its hash. It must equal hashing the same messages
// with the right hash from the start, and handle HelloRetryRequest's
// message_hash (RFC 8446 §4.4.1) itself: checked against RFC 8448 §5.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <iostream>

#include "crypto/fake_provider.hpp"
#include "crypto/rfc8448_trace.hpp"
#include "support/allocation_counter.hpp"
#include "support/hex.hpp"
#include "support/vector_file.hpp"
#include "tlswire/crypto/tls13_key_schedule.hpp"
#include "tlswire/crypto/transcript.hpp"
#include "tlswire/crypto/visit_suite.hpp"
#include "tlswire/providers/reference/provider.hpp"

namespace {

using namespace tlswire;
using tlswire::test::fake_provider;
using tlswire::test::load_vectors;
using tlswire::test::to_hex;
using ref_sha256 = reference_provider::sha256;
using ref_sha384 = reference_provider::sha384;
using early = handshake_transcript<reference_provider>;

constexpr std::array<std::uint8_t, 6> message1{1, 0, 0, 2, 0xaa, 0xbb};
constexpr std::array<std::uint8_t, 5> message2{2, 0, 0, 1, 0xcc};
constexpr std::array<std::uint8_t, 4> message3{8, 0, 0, 0};

template <class H>
constexpr auto known_from_start() {
  transcript_hash<H> t;
  t.update(as_view(message1));
  t.update(as_view(message2));
  t.update(as_view(message3));
  return t.current();
}

// Fed before the hash is known, selected, fed on: the known hash's digest.
template <hash_id Id, class H>
constexpr bool early_equals_known() {
  early t;
  t.update(as_view(message1));
  t.update(as_view(message2));
  if (!t.select(Id).ok()) return false;
  t.update(as_view(message3));
  std::array<std::uint8_t, early::max_digest_size> out{};
  const std::size_t n = t.current(out);
  const auto want = known_from_start<H>();
  return n == want.size() && equal_bytes(bytes_view(out).first(n), as_view(want)) &&
         t.as<H>().current() == want;
}

TEST_CASE("a transcript started before the suite equals one hashed with the known hash from the start",
          "[crypto][transcript]") {
  STATIC_REQUIRE(early_equals_known<hash_id::sha256, ref_sha256>());
  STATIC_REQUIRE(early_equals_known<hash_id::sha384, ref_sha384>());
}

TEST_CASE("before the suite is known both hashes run; after, only the selected one",
          "[crypto][transcript]") {
  early t;
  CHECK_FALSE(t.selected());
  CHECK(t.running(hash_id::sha256));
  CHECK(t.running(hash_id::sha384));
  t.update(as_view(message1));
  // Either digest is readable before selection (a PSK binder uses its PSK's hash).
  std::array<std::uint8_t, 48> d384{};
  t.current(hash_id::sha384, d384);
  transcript_hash<ref_sha384> alone;
  alone.update(as_view(message1));
  CHECK(d384 == alone.current());

  REQUIRE(t.select(hash_id::sha384).ok());
  CHECK(t.selected() == hash_id::sha384);
  CHECK(t.running(hash_id::sha384));
  CHECK_FALSE(t.running(hash_id::sha256));
}

TEST_CASE("selecting the same hash twice is allowed, another one is illegal_parameter",
          "[crypto][transcript]") {
  early t;
  t.update(as_view(message1));
  REQUIRE(t.select(hash_id::sha256).ok());
  CHECK(t.select(hash_id::sha256).ok());
  const auto other = t.select(hash_id::sha384);
  REQUIRE_FALSE(other.ok());
  CHECK(other.error() == error{errc::bad_value, alert_description::illegal_parameter, 0});
  CHECK(t.selected() == hash_id::sha256);
}

TEST_CASE("a provider without SHA-384 runs SHA-256 alone and refuses SHA-384 with handshake_failure",
          "[crypto][transcript]") {
  handshake_transcript<fake_provider> t;
  STATIC_REQUIRE(handshake_transcript<fake_provider>::max_digest_size == 32);
  CHECK_FALSE(t.running(hash_id::sha384));
  t.update(as_view(message1));
  const auto r = t.select(hash_id::sha384);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error() == error{errc::unsupported, alert_description::handshake_failure, 0});
  CHECK_FALSE(t.selected());  // left as it was
  const auto hrr = t.hello_retry_request(hash_id::sha384);
  CHECK_FALSE(hrr.ok());
  REQUIRE(t.select(hash_id::sha256).ok());
}

TEST_CASE("reset starts a new handshake with both hashes running", "[crypto][transcript]") {
  early t;
  t.update(as_view(message3));
  REQUIRE(t.select(hash_id::sha256).ok());
  t.reset();
  CHECK_FALSE(t.selected());
  t.update(as_view(message1));
  t.update(as_view(message2));
  t.update(as_view(message3));
  REQUIRE(t.select(hash_id::sha384).ok());
  CHECK(t.as<ref_sha384>().current() == known_from_start<ref_sha384>());
}

TEST_CASE("hello_retry_request replaces ClientHello1 with message_hash in the selected hash",
          "[crypto][transcript]") {
  for (const hash_id h : {hash_id::sha256, hash_id::sha384}) {
    early t;
    t.update(as_view(message1));
    REQUIRE(t.hello_retry_request(h).ok());
    CHECK(t.selected() == h);
    t.update(as_view(message2));
    std::array<std::uint8_t, 48> got{};
    const std::size_t n = t.current(got);
    // By hand with the typed transcript.
    std::array<std::uint8_t, 48> want{};
    const auto by_hand = [&](auto typed) {
      typed.update(as_view(message1));
      typed.replace_with_message_hash();
      typed.update(as_view(message2));
      const auto d = typed.current();
      std::copy(d.begin(), d.end(), want.begin());
    };
    if (h == hash_id::sha256)
      by_hand(transcript_hash<ref_sha256>{});
    else
      by_hand(transcript_hash<ref_sha384>{});
    CHECK(n == digest_size(h));
    CHECK(to_hex(bytes_view(got).first(n)) == to_hex(bytes_view(want).first(n)));
  }
}

// RFC 8448 §5, fed as a client sees it: ClientHello1 before any suite is
// known, then the HelloRetryRequest names TLS_AES_128_GCM_SHA256.
template <class P>
void check_rfc8448_hello_retry_request(const tlswire::test::vector_file& v) {
  handshake_transcript<P> t;
  t.update(v.view("client_hello"));
  REQUIRE(t.hello_retry_request(hash_id::sha256).ok());
  t.update(v.view("hello_retry_request"));
  t.update(v.view("client_hello_2"));
  t.update(v.view("server_hello"));
  REQUIRE(t.select(hash_id::sha256).ok());  // the ServerHello names the HRR's suite again
  std::array<std::uint8_t, handshake_transcript<P>::max_digest_size> d{};
  const auto hex_now = [&] { return to_hex(bytes_view(d).first(t.current(d))); };
  CHECK(hex_now() == to_hex(v.view("client_handshake_traffic_secret.hash")));
  for (const char* m : {"encrypted_extensions", "server_certificate", "server_certificate_verify",
                        "server_finished"})
    t.update(v.view(m));
  CHECK(hex_now() == to_hex(v.view("server_application_traffic_secret_0.hash")));
  t.update(v.view("client_finished"));
  CHECK(hex_now() == to_hex(v.view("resumption_master_secret.hash")));
}

TEST_CASE("RFC 8448 §5 HelloRetryRequest: the early transcript gives the RFC's transcript hashes",
          "[crypto][transcript]") {
  const auto v = load_vectors("rfc8448/hello-retry-request.txt");
  REQUIRE_FALSE(v.empty());
  check_rfc8448_hello_retry_request<reference_provider>(v);
}

TEST_CASE("RFC 8448 §3: the early transcript, selected through visit_suite, gives the RFC's hashes",
          "[crypto][transcript]") {
  const auto v = load_vectors("rfc8448/simple-1rtt.txt");
  REQUIRE_FALSE(v.empty());
  struct full : fake_provider {
    using sha384 = reference_provider::sha384;
  };
  handshake_transcript<full> t;
  t.update(v.view("client_hello"));
  // The ServerHello names TLS_AES_128_GCM_SHA256 (0x1301).
  const auto r = visit_suite<full>(cipher_suite::tls_aes_128_gcm_sha256, [&](auto suite) -> status {
    using S = decltype(suite);
    TLSWIRE_CHECK(t.select(S::prf_hash));
    t.update(v.view("server_hello"));
    CHECK(to_hex(as_view(t.template as<typename S::hash>().current())) ==
          to_hex(v.view("client_handshake_traffic_secret.hash")));
    return {};
  });
  CHECK(r.ok());
}

TEST_CASE("handshake_transcript is two hash states and never allocates", "[crypto][transcript]") {
  using T = handshake_transcript<reference_provider>;
  const std::size_t two_hashes =
      sizeof(transcript_hash<ref_sha256>) + sizeof(transcript_hash<ref_sha384>);
  std::cout << "sizeof(handshake_transcript<reference_provider>) = " << sizeof(T) << " (SHA-256 "
            << sizeof(transcript_hash<ref_sha256>) << " + SHA-384 " << sizeof(transcript_hash<ref_sha384>)
            << ")\n"
            << "sizeof(handshake_transcript<fake_provider>) (SHA-256 only) = "
            << sizeof(handshake_transcript<fake_provider>) << "\n";
  STATIC_REQUIRE(sizeof(T) <= sizeof(transcript_hash<ref_sha256>) + sizeof(transcript_hash<ref_sha384>) + 8);
  STATIC_REQUIRE(sizeof(handshake_transcript<fake_provider>) <= sizeof(transcript_hash<ref_sha256>) + 8);
  CHECK(sizeof(T) <= two_hashes + 8);

  const auto v = load_vectors("rfc8448/hello-retry-request.txt");
  const bytes_view ch1 = v.view("client_hello"), hrr = v.view("hello_retry_request");
  bool ok = false;
  std::size_t written = 0;
  test::allocation_counter allocations;
  {
    T t;
    t.update(ch1);
    ok = t.hello_retry_request(hash_id::sha256).ok();
    t.update(hrr);
    std::array<std::uint8_t, 48> d{};
    written = t.current(d);
  }
  CHECK(allocations.count() == 0);
  CHECK(ok);
  CHECK(written == 32);
}

}  // namespace
