#pragma once
// Fuzz target: the zero-copy X.509 certificate view (x509/), which sits in
// front of a peer's Certificate message. Input: one DER certificate.
//
// Oracles: a parsed certificate re-encodes as its own bytes (DER has one
// encoding); its to-be-signed part and signature lie inside it; and every
// accessor the engine and dissector use (extensions, subjectAltName, basic
// constraints, key usage, extended key usage, name constraints) runs on it
// without reading outside the input — the parse promised it had checked them.
#include <cstddef>
#include <cstdint>

#include "../oracle.hpp"
#include "tlswire/x509/certificate.hpp"

namespace tlswire::fuzz::x509_target {

inline bool inside(bytes_view part, bytes_view whole) {
  return part.empty() || (part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size());
}

inline void run(bytes_view in) {
  current_target() = "x509";
  if (!round_trip<x509::certificate>(in)) return;
  const x509::certificate c = *decode<x509::certificate>(in);
  require(equal_bytes(c.raw.raw, in), "certificate raw is not the input", in);
  require(inside(c.tbs.raw, in) && inside(c.signature_value, in) && inside(c.serial, in),
          "a certificate field views bytes outside the input", in);
  require(c.version >= 1 && c.version <= 3, "accepted a certificate version outside 1..3", in);
  std::size_t extensions = 0;
  c.for_each_extension([&](der::oid, bool, bytes_view value) {
    require(inside(value, in), "an extension value lies outside the input", in);
    ++extensions;
  });
  c.for_each_subject_alt_name([&](const x509::general_name& n) {
    require(inside(n.value, in), "a subjectAltName lies outside the input", in);
  });
  (void)c.constraints();
  (void)c.key_usage();
  (void)c.for_each_extended_key_usage([&](der::oid id) {
    require(inside(id.encoded, in), "an extKeyUsage purpose lies outside the input", in);
  });
  if (const auto nc = c.name_constraints()) {
    auto base_inside = [&](const x509::general_name& n) {
      require(inside(n.value, in), "a name constraint lies outside the input", in);
    };
    x509::name_constraints::for_each_base(nc->permitted, base_inside);
    x509::name_constraints::for_each_base(nc->excluded, base_inside);
  }
  // RFC 5280 §4.1: Extensions ::= SEQUENCE SIZE (1..MAX), so a present list iterates.
  require(c.extensions.tag == 0 || extensions > 0, "an extensions list was accepted but iterates nothing", in);
}

}  // namespace tlswire::fuzz::x509_target
