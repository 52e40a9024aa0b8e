#pragma once
// Fuzz target: the SSLv2-compatible CLIENT-HELLO (RFC 5246 Appendix E.2).
// It is parse-only (nothing may send it), so instead of re-encoding, the
// oracle rebuilds the record from the parsed fields and requires the input
// back: msg_length with the high bit, msg_type 1, version, the three
// lengths, then cipher_specs, session_id and challenge.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "../oracle.hpp"
#include "tlswire/messages/sslv2_client_hello.hpp"

namespace tlswire::fuzz::sslv2_hello {

inline void put16(std::vector<std::uint8_t>& out, std::size_t v) {
  out.push_back(static_cast<std::uint8_t>(v >> 8));
  out.push_back(static_cast<std::uint8_t>(v));
}

inline void run(bytes_view in) {
  current_target() = "sslv2_hello";
  const auto parsed = parse_sslv2_client_hello(in);
  if (!check_result(parsed, in)) return;
  const sslv2_client_hello& h = *parsed;
  std::vector<std::uint8_t> rebuilt;
  put16(rebuilt, 0x8000 | h.message.size());
  rebuilt.push_back(sslv2_client_hello::client_hello_type);
  put16(rebuilt, to_underlying(h.version));
  put16(rebuilt, h.cipher_specs.size());
  put16(rebuilt, h.session_id.size());
  put16(rebuilt, h.challenge.size());
  rebuilt.insert(rebuilt.end(), h.cipher_specs.begin(), h.cipher_specs.end());
  rebuilt.insert(rebuilt.end(), h.session_id.begin(), h.session_id.end());
  rebuilt.insert(rebuilt.end(), h.challenge.begin(), h.challenge.end());
  require(equal_bytes(bytes_view(rebuilt.data(), rebuilt.size()), in), "the parsed fields do not rebuild the record", in);
  require(equal_bytes(h.raw, in) && h.message.data() == in.data() + 2, "raw/message do not view the input", in);
  require(h.cipher_specs.size() % 3 == 0 && !h.cipher_specs.empty(), "accepted cipher_spec_length not a multiple of 3", in);
  require(h.challenge.size() >= 16 && h.challenge.size() <= 32, "accepted a challenge outside 16..32 bytes", in);
  require(looks_like_sslv2_client_hello(in), "parsed a record that does not look like an SSLv2 hello", in);
  // The derived ClientHello.random: the challenge right-aligned, zero-padded.
  const auto random = h.random();
  const std::size_t pad = random.size() - h.challenge.size();
  for (std::size_t i = 0; i < pad; ++i) require(random[i] == 0, "random padding is not zero", in);
  require(equal_bytes(bytes_view(random.data() + pad, h.challenge.size()), h.challenge), "random is not the challenge", in);
  std::size_t tls = 0;
  for (std::size_t i = 0; i < h.cipher_spec_count(); ++i) tls += h.cipher_spec(i).is_tls_suite() ? 1 : 0;
  std::vector<cipher_suite> suites(h.cipher_spec_count());
  require(h.tls_cipher_suites(gsl::span<cipher_suite>(suites.data(), suites.size())) == tls,
          "tls_cipher_suites() miscounts", in);
}

}  // namespace tlswire::fuzz::sslv2_hello
