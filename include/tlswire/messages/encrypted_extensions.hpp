#pragma once
// RFC 8446 §4.3.1: EncryptedExtensions (TLS 1.3 only).
//
//   struct {
//       Extension extensions<0..2^16-1>;
//   } EncryptedExtensions;
#include "tlswire/extensions/allowed.hpp"
#include "tlswire/extensions/extension.hpp"
#include "tlswire/messages/message_common.hpp"
#include "tlswire/registry/handshake_type.hpp"

namespace tlswire {

// RFC 8446 §4.3.1 EncryptedExtensions (the body; handshake.hpp adds the header).
struct encrypted_extensions {
  static constexpr handshake_type type = handshake_type::encrypted_extensions;
  extension_list extensions{};

  static constexpr encrypted_extensions parse(reader& r) noexcept { return {extension_list::parse(r)}; }
  constexpr void encode(writer& w) const noexcept { extensions.encode(w); }
  constexpr void encode_message(writer& w) const { encode_handshake(w, *this); }
  friend constexpr bool operator==(const encrypted_extensions&, const encrypted_extensions&) = default;
};

// RFC 8446 §4.2 / §4.3.1: no duplicate, nothing the §4.2 table keeps out
// of EncryptedExtensions (illegal_parameter), nothing the ClientHello did
// not ask for (unsupported_extension).
constexpr status validate(const encrypted_extensions& ee, const extension_list& client_hello_extensions) noexcept {
  return validate_extensions(ee.extensions, message_context::encrypted_extensions, client_hello_extensions);
}

// The same without the ClientHello: duplicates and the §4.2 table only.
constexpr status validate(const encrypted_extensions& ee) noexcept {
  return validate_extensions(ee.extensions, message_context::encrypted_extensions);
}

}  // namespace tlswire
