// PSK binders (crypto/psk_binder.hpp, messages/psk_binders.hpp) against
// RFC 8448 §4 (resumed 0-RTT handshake): the truncated ClientHello, the
// binder, and every way a binder check must fail; then the HelloRetryRequest
// form of RFC 8446 §4.2.11.2, whose transcript starts with message_hash.
#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "support/hex.hpp"
#include "support/vector_file.hpp"
#include "tlswire/crypto/psk_binder.hpp"
#include "tlswire/messages/message_hash.hpp"
#include "tlswire/providers/reference/provider.hpp"

namespace {

using namespace tlswire;
using tlswire::test::load_vectors;
using tlswire::test::to_hex;
using P = reference_provider;
using H = reference_provider::sha256;
using bytes = std::vector<std::uint8_t>;

bytes copy(bytes_view b) { return bytes(b.begin(), b.end()); }
bytes_view view(const bytes& b) { return {b.data(), b.size()}; }

}  // namespace

TEST_CASE("the truncated ClientHello is the message up to its binders list (RFC 8448 §4)",
          "[crypto][psk_binder]") {
  const auto v = load_vectors("rfc8448/resumed-0rtt.txt");
  const auto split = split_client_hello_binders(v.view("client_handshake_record_1.plaintext"));
  REQUIRE(split.ok());
  CHECK(to_hex(split->truncated) == to_hex(v.view("psk_binder.client_hello_prefix")));
  CHECK(split->offered.identities.size() == 1);
  CHECK(split->offered.binders.size() == 1);
}

TEST_CASE("a resumption PSK's binder matches RFC 8448 §4 and verifies", "[crypto][psk_binder]") {
  const auto v = load_vectors("rfc8448/resumed-0rtt.txt");
  const bytes_view psk = v.view("early_secret.ikm");  // §3's resumption PSK
  const bytes_view hello = v.view("client_handshake_record_1.plaintext");
  const auto binder =
      compute_psk_binder<P, H>(psk, psk_kind::resumption, transcript_hash<H>{}, v.view("psk_binder.client_hello_prefix"));
  CHECK(to_hex(binder.view()) == to_hex(v.view("psk_binder")));
  CHECK(verify_psk_binder<P, H>(psk, psk_kind::resumption, hello, 0).ok());
}

TEST_CASE("refuses a binder that does not verify with decrypt_error", "[crypto][psk_binder]") {
  const auto v = load_vectors("rfc8448/resumed-0rtt.txt");
  const bytes psk = copy(v.view("early_secret.ikm"));
  const bytes hello = copy(v.view("client_handshake_record_1.plaintext"));
  const std::size_t binders_at = v.view("psk_binder.client_hello_prefix").size();
  const auto refused = [](const status& s) {
    return !s.ok() && s.error().alert == alert_description::decrypt_error;
  };

  bytes wrong_psk = psk;
  wrong_psk[0] ^= 1;
  CHECK(refused(verify_psk_binder<P, H>(view(wrong_psk), psk_kind::resumption, view(hello), 0)));
  // "ext binder" instead of "res binder": another binder key.
  CHECK(refused(verify_psk_binder<P, H>(view(psk), psk_kind::external, view(hello), 0)));
  // Every byte of the binder, and bytes of the hello the binder covers.
  for (std::size_t i = hello.size() - 32; i < hello.size(); ++i) {
    bytes changed = hello;
    changed[i] ^= 0x80;
    CHECK(refused(verify_psk_binder<P, H>(view(psk), psk_kind::resumption, view(changed), 0)));
  }
  for (const std::size_t i : {std::size_t{6}, std::size_t{41}, binders_at - 1}) {  // random, a suite, ticket age
    bytes changed = hello;
    changed[i] ^= 0x01;
    CHECK(refused(verify_psk_binder<P, H>(view(psk), psk_kind::resumption, view(changed), 0)));
  }
  const status s = verify_psk_binder<P, H>(view(wrong_psk), psk_kind::resumption, view(hello), 0);
  CHECK(s.error().offset == binders_at);
}

TEST_CASE("refuses a binder check for an identity not offered or a hello without pre_shared_key",
          "[crypto][psk_binder]") {
  const auto v = load_vectors("rfc8448/resumed-0rtt.txt");
  const bytes_view psk = v.view("early_secret.ikm");
  const auto past = verify_psk_binder<P, H>(psk, psk_kind::resumption, v.view("client_handshake_record_1.plaintext"), 1);
  REQUIRE_FALSE(past.ok());
  CHECK(past.error().alert == alert_description::illegal_parameter);
  const auto first = load_vectors("rfc8448/simple-1rtt.txt");
  const auto none = verify_psk_binder<P, H>(psk, psk_kind::resumption, first.view("client_hello"), 0);
  REQUIRE_FALSE(none.ok());
  CHECK(none.error().code == errc::missing_extension);
  const auto not_hello = verify_psk_binder<P, H>(psk, psk_kind::resumption, first.view("server_hello"), 0);
  REQUIRE_FALSE(not_hello.ok());
  CHECK(not_hello.error().alert == alert_description::unexpected_message);
}

TEST_CASE("after a HelloRetryRequest the binder covers message_hash(ClientHello1), the HRR and ClientHello2",
          "[crypto][psk_binder]") {
  // RFC 8448 has no PSK with an HRR: ClientHello1 and the HRR of §5, then
  // §4's resumption hello as ClientHello2 with its binder recomputed here
  // from the transcript written out by hand.
  const auto retry = load_vectors("rfc8448/hello-retry-request.txt");
  const auto v = load_vectors("rfc8448/resumed-0rtt.txt");
  const bytes_view psk = v.view("early_secret.ikm");
  const bytes_view ch1 = retry.view("client_hello");
  const bytes_view hrr = retry.view("hello_retry_request");
  const bytes_view truncated = v.view("psk_binder.client_hello_prefix");

  // Hash(message_hash || 00 00 20 || Hash(CH1) || HRR || Truncate(CH2)), RFC 8446 §4.4.1.
  H h1;
  h1.update(ch1);
  std::array<std::uint8_t, 32> ch1_hash{};
  h1.finish(ch1_hash);
  std::array<std::uint8_t, message_hash_max_size> synthetic{};
  const auto synthetic_size = build_message_hash(as_view(ch1_hash), synthetic);
  REQUIRE(synthetic_size.ok());
  H h;
  h.update(bytes_view(synthetic.data(), *synthetic_size));
  h.update(hrr);
  h.update(truncated);
  std::array<std::uint8_t, 32> transcript{};
  h.finish(transcript);
  const tls13_key_schedule<P, H> early(psk);
  const auto binder = tls13_key_schedule<P, H>::finished_verify_data(
      early.binder_key(psk_kind::resumption).view(), as_view(transcript));

  bytes ch2 = copy(v.view("client_handshake_record_1.plaintext"));
  for (std::size_t i = 0; i < 32; ++i) ch2[ch2.size() - 32 + i] = binder[i];

  CHECK(verify_psk_binder_after_retry<P, H>(psk, psk_kind::resumption, ch1, hrr, view(ch2), 0).ok());
  // The first-flight form (no HRR in the transcript) must not accept it,
  // nor the RFC's own first-flight hello this form.
  CHECK_FALSE(verify_psk_binder<P, H>(psk, psk_kind::resumption, view(ch2), 0).ok());
  CHECK_FALSE(verify_psk_binder_after_retry<P, H>(psk, psk_kind::resumption, ch1, hrr,
                                                  v.view("client_handshake_record_1.plaintext"), 0)
                  .ok());
}
