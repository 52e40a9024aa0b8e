#pragma once
// signature_algorithms and signature_algorithms_cert: RFC 8446 §4.2.3
// (and RFC 5246 §7.4.1.4.1, whose SignatureAndHashAlgorithm pairs are the
// same two bytes).
#include "tlswire/extensions/extension.hpp"
#include "tlswire/registry/signature_scheme.hpp"
#include "tlswire/wire/vector.hpp"

namespace tlswire {

// RFC 8446 §4.2.3 — ClientHello and CertificateRequest
//   struct {
//       SignatureScheme supported_signature_algorithms<2..2^16-2>;
//   } SignatureSchemeList;
struct signature_algorithms {
  static constexpr extension_type type = extension_type::signature_algorithms;
  code_vector<signature_scheme, 2, 65534> supported_signature_algorithms;

  static constexpr signature_algorithms parse(reader& r) noexcept {
    return {decltype(supported_signature_algorithms)::parse(r)};
  }
  constexpr void encode(writer& w) const noexcept { supported_signature_algorithms.encode(w); }
  friend constexpr bool operator==(const signature_algorithms&, const signature_algorithms&) = default;
};

// RFC 8446 §4.2.3: the same SignatureSchemeList, naming the algorithms
// acceptable in certificates rather than in CertificateVerify.
struct signature_algorithms_cert {
  static constexpr extension_type type = extension_type::signature_algorithms_cert;
  code_vector<signature_scheme, 2, 65534> supported_signature_algorithms;

  static constexpr signature_algorithms_cert parse(reader& r) noexcept {
    return {decltype(supported_signature_algorithms)::parse(r)};
  }
  constexpr void encode(writer& w) const noexcept { supported_signature_algorithms.encode(w); }
  friend constexpr bool operator==(const signature_algorithms_cert&, const signature_algorithms_cert&) = default;
};

}  // namespace tlswire
