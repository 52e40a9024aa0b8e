#pragma once
// encrypted_client_hello: draft-ietf-tls-esni §5 (now RFC 9849). Kept as an
// opaque payload for now: the ECHClientHello / ECHConfigList structure is
// parsed by the layer that implements ECH.
#include "tlswire/extensions/extension.hpp"

namespace tlswire {

// draft-ietf-tls-esni §5 — ClientHello (ECHClientHello), HelloRetryRequest
// (8-byte confirmation) and EncryptedExtensions (retry_configs): the bytes
// are kept exactly and re-encoded unchanged.
struct encrypted_client_hello {
  static constexpr extension_type type = extension_type::encrypted_client_hello;
  bytes_view payload{};

  static constexpr encrypted_client_hello parse(reader& r) noexcept { return {r.bytes(r.remaining())}; }
  constexpr void encode(writer& w) const noexcept { w.bytes(payload); }
  friend constexpr bool operator==(const encrypted_client_hello& a, const encrypted_client_hello& b) noexcept {
    return equal_bytes(a.payload, b.payload);
  }
};

}  // namespace tlswire
