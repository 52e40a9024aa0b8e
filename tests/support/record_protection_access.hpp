#pragma once
// The one way to move a record protection direction's sequence number by
// hand (crypto/record_protection.hpp declares this type and never defines
// it): tests and fuzz harnesses reach the 2^64 - 1 ceiling or an AEAD's usage
// limit without sealing that many records. Library code has no such door,
// so it cannot seal two records under one nonce.
#include "tlswire/crypto/record_protection.hpp"

namespace tlswire {

struct record_protection_test_access {
  template <class Protection>
  static constexpr void set_sequence(Protection& p, record_sequence s) noexcept {
    p.set_sequence(s);
  }
};

}  // namespace tlswire
