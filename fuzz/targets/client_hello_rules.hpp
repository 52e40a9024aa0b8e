#pragma once
// Fuzz target: the two readings of validate(client_hello)'s facts agree.
// validate() and parse_and_validate_client_hello read supported_versions,
// supported_groups and key_share straight from their bytes and the list
// rules from a scan (messages/detail/client_hello_fast_rules.hpp); the
// typed reading (validate_detail::check_client_hello_typed) decodes them
// and runs allowed.hpp's exact routines. Input: a ClientHello body.
//
// Oracles: on every body that parses, the fast and the typed readings give
// the same result — both accept, or both refuse with the same code, alert
// and offset — and neither refuses with internal_error (which the fast
// reading reports where the two would disagree). The one-pass parse gives
// that same result too.
#include "../oracle.hpp"
#include "tlswire/messages/client_hello.hpp"
#include "tlswire/messages/validate_hello.hpp"

namespace tlswire::fuzz::client_hello_rules {

inline void run(bytes_view body) {
  current_target() = "client_hello_rules";
  const auto parsed = decode<client_hello>(body);
  if (!parsed) return;
  const status typed = validate_detail::check_client_hello_typed(*parsed);
  const status fast = validate(*parsed);
  require(typed.ok() == fast.ok(), "the fast ClientHello rules accept what the typed ones refuse, or back", body);
  if (!typed.ok()) {
    require(typed.error().code != errc::internal, "the typed ClientHello rules report internal_error", body);
    require(fast.error() == typed.error(), "the fast ClientHello rules refuse with another code, alert or offset", body);
  }
  const auto one_pass = parse_and_validate_client_hello(body);
  require(one_pass.ok() == typed.ok() && (one_pass.ok() || one_pass.error() == typed.error()),
          "parse_and_validate_client_hello disagrees with the typed ClientHello rules", body);
}

}  // namespace tlswire::fuzz::client_hello_rules
