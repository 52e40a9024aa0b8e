#include <array>

#include <catch2/catch.hpp>

#include "messages/rfc8448_vectors.hpp"
#include "support/allocation_counter.hpp"
#include "tlswire/inspect/fingerprint.hpp"
#include "tlswire/messages/sslv2_client_hello.hpp"
#include "tlswire/messages/validate_hello.hpp"

using namespace tlswire;
namespace v = tlswire::test::rfc8448;

TEST_CASE("hello parse, validate, encode and fingerprints allocate nothing", "[messages][allocation]") {
  std::array<std::uint8_t, 1024> out{};
  std::array<char, 512> text{};
  bool all_ok = true;
  test::allocation_counter allocations;
  {
    auto cm = read_handshake(as_view(v::resumed_client_hello));
    auto ch = parse_message<client_hello>(*cm);
    auto sm = read_handshake(as_view(v::resumed_server_hello));
    auto sh = parse_message<server_hello>(*sm);
    all_ok = all_ok && ch.ok() && sh.ok() && validate(*ch).ok() && validate(*sh, *ch).ok();
    writer w(out);
    ch->encode_message(w);
    sh->encode_message(w);
    all_ok = all_ok && w.ok();
    all_ok = all_ok && ja3(*ch, text).ok() && ja3_hash(*ch, text).ok() && ja4(*ch, text).ok();
    all_ok = all_ok && binders_prefix_length(*ch).has_value();
  }
  const std::size_t count = allocations.count();
  CHECK(all_ok);
  CHECK(count == 0);
}
