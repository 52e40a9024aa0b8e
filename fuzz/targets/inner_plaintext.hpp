#pragma once
// Fuzz target: RFC 8446 §5.2 TLSInnerPlaintext, what a TLS 1.3 record
// decrypts to — content, the real type (last non-zero byte), zero padding —
// under the default 2^14 limit and a small negotiated one (RFC 8449).
//
// Input: the decrypted bytes. Besides the round trip: the parsed parts
// cover the input exactly (content + type byte + padding).
#include <cstddef>
#include <cstdint>

#include "../oracle.hpp"
#include "tlswire/record/inner_plaintext.hpp"

namespace tlswire::fuzz::inner_plaintext_target {

inline void check(bytes_view in, record_limits limits) {
  if (!round_trip<inner_plaintext>(in, limits)) return;
  const inner_plaintext p = *decode<inner_plaintext>(in, limits);
  require(p.content.size() + 1 + p.padding == in.size(), "content + type + padding do not cover the input", in);
  require(p.content.data() == in.data() || p.content.empty(), "content does not start the plaintext", in);
  require(to_underlying(p.type) != 0, "a zero byte was taken as the content type", in);
  require(in[p.content.size()] == to_underlying(p.type), "the type is not the byte after the content", in);
}

inline void run(bytes_view in) {
  current_target() = "inner_plaintext";
  check(in, record_limits{record_form::tls13, max_plaintext_length});
  check(in, record_limits{record_form::tls13, min_record_size_limit - 1});  // RFC 8449: limit 64
}

}  // namespace tlswire::fuzz::inner_plaintext_target
