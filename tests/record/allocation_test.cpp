#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/allocation_counter.hpp"
#include "support/vector_file.hpp"
#include "tlswire/record/record_layer.hpp"
#include "tlswire/wire/codec.hpp"

using namespace tlswire;

TEST_CASE("record layer allocates nothing while splitting, reassembling, parsing and encoding", "[record][alloc]") {
  // Everything the measured block reads is prepared before it starts.
  const auto file = test::load_vectors("rfc8448/simple-1rtt.txt");
  test::byte_vector stream;
  for (const auto& name : file.names())
    if (name.find("_record_") != std::string::npos && name.find('.') == std::string::npos)
      stream.insert(stream.end(), file[name].begin(), file[name].end());
  const bytes_view flight = file.view("server_handshake_record_2.plaintext");
  const bytes_view alert = file.view("client_alert_record_1.plaintext");
  std::array<std::uint8_t, 4096> buffer{};
  std::array<std::uint8_t, 1024> out{};

  std::size_t records = 0;
  std::size_t messages = 0;
  bool all_ok = true;
  test::allocation_counter allocations;
  {
    record_splitter splitter(record_limits{record_form::tls13, max_plaintext_length});
    bytes_view buffered(stream.data(), stream.size());
    for (;;) {
      auto step = splitter.next(buffered);
      if (!step || !step->complete()) break;
      ++records;
      all_ok = all_ok && encode(step->rec, mutable_bytes(out)).ok();
      buffered = buffered.subspan(step->consumed);
    }
    handshake_reassembler reassembler{mutable_bytes(buffer)};
    for (std::size_t at = 0; at < flight.size(); ++at) {
      all_ok = all_ok && reassembler.feed(flight.subspan(at, 1)).ok();
      for (auto m = reassembler.next(); m && *m; m = reassembler.next()) ++messages;
    }
    all_ok = all_ok && decode_alert_record(alert).ok() &&
             decode_change_cipher_spec_record(flight.first(0)).error().code == errc::unexpected_message;
    auto n = encode(inner_plaintext{alert, content_type::alert, 16}, mutable_bytes(out));
    all_ok = all_ok && n.ok() && decode<inner_plaintext>(bytes_view(out.data(), *n)).ok();
  }
  const std::size_t count = allocations.count();
  CHECK(count == 0);
  CHECK(all_ok);
  CHECK(records == 9);
  CHECK(messages == 4);

  // The counter sees allocations in this program, so the zero above means something.
  test::allocation_counter control;
  auto* probe = new std::vector<int>(16);
  const std::size_t seen = control.count();
  delete probe;
  CHECK(seen >= 1);
}
