// The wire layer never touches the heap: parsing, iterating, sizing and
// encoding run with zero allocations (counted by support/allocation_counter).
#include <array>
#include <cstdint>
#include <cstdlib>
#include <new>

#include <catch2/catch.hpp>

#include "support/allocation_counter.hpp"
#include "tlswire/wire/codec.hpp"
#include "tlswire/wire/vector.hpp"

using namespace tlswire;

namespace {

enum class suite : std::uint16_t { aes_128_gcm = 0x1301, chacha20 = 0x1303, grease = 0x3a3a };

// struct { uint8 tag; opaque data<1..255>; } — a small variable-size item.
struct entry {
  std::uint8_t tag = 0;
  opaque_vector<1, 255> data;
  static constexpr entry parse(reader& r) {
    entry e;
    e.tag = r.u8();
    e.data = decltype(data)::parse(r);
    return e;
  }
  constexpr void encode(writer& w) const {
    w.u8(tag);
    data.encode(w);
  }
};

// struct { CipherSuite suites<2..2^16-2>; entry entries<0..2^16-1>; uint24 n; }
struct message {
  code_vector<suite, 2, 65534> suites;
  item_vector<entry, 0, 65535> entries;
  std::uint32_t n = 0;
  static constexpr message parse(reader& r) {
    message m;
    m.suites = decltype(suites)::parse(r);
    m.entries = decltype(entries)::parse(r);
    m.n = r.u24();
    return m;
  }
  constexpr void encode(writer& w) const {
    suites.encode(w);
    entries.encode(w);
    w.u24(n);
  }
};

constexpr std::array<std::uint8_t, 20> kMessage{
    0x00, 0x06, 0x13, 0x01, 0x3a, 0x3a, 0x13, 0x03,  // suites
    0x00, 0x07, 0x01, 0x01, 0xaa, 0x02, 0x02, 0xbb, 0xcc,  // entries
    0x01, 0x02, 0x03};  // n

// Escapes a pointer so the compiler cannot elide the allocation that made it.
void* volatile sink = nullptr;

}  // namespace

TEST_CASE("allocation counter counts a real operator new") {
  tlswire::test::allocation_counter allocations;
  sink = ::operator new(16);
  const std::size_t after_new = allocations.count();
  ::operator delete(sink);
  auto* array = new std::uint8_t[32];
  sink = array;
  const std::size_t after_array = allocations.count();
  delete[] array;
  REQUIRE(after_new == 1);
  REQUIRE(after_array == 2);
}

TEST_CASE("allocation counter counts malloc where malloc is replaced") {
  if (!tlswire::test::counts_malloc()) {
    SUCCEED("malloc is not replaced in this build (sanitizer or non-glibc)");
    return;
  }
  tlswire::test::allocation_counter allocations;
  sink = std::malloc(24);
  const std::size_t after_malloc = allocations.count();
  std::free(sink);
  REQUIRE(after_malloc == 1);
}

TEST_CASE("parsing, iterating and re-encoding a message allocates nothing") {
  std::array<std::uint8_t, 64> out{};
  bool parsed = false;
  bool encoded_same = false;
  std::size_t entries_seen = 0;
  std::size_t size = 0;

  tlswire::test::allocation_counter allocations;
  {
    const auto m = decode<message>(as_view(kMessage));
    parsed = m.ok();
    if (parsed) {
      for (const entry& e : m->entries) entries_seen += e.data.size();
      size = encoded_size(*m);
      const auto n = encode(*m, mutable_bytes(out));
      encoded_same = n.ok() && equal_bytes(bytes_view(out.data(), *n), as_view(kMessage));
    }
  }
  const std::size_t count = allocations.count();

  REQUIRE(parsed);
  REQUIRE(entries_seen == 3);
  REQUIRE(size == kMessage.size());
  REQUIRE(encoded_same);
  REQUIRE(count == 0);
}

TEST_CASE("building and encoding a message from values allocates nothing") {
  constexpr std::array<suite, 3> suites{suite::grease, suite::aes_128_gcm, suite::chacha20};
  constexpr std::array<std::uint8_t, 2> payload{0xde, 0xad};
  std::array<std::uint8_t, 64> out{};
  bool ok = false;
  std::size_t written = 0;

  tlswire::test::allocation_counter allocations;
  {
    const std::array<entry, 1> entries{entry{7, {bytes_view(payload)}}};
    message m;
    m.suites = suites;
    m.entries = entries;
    m.n = 0x123456;
    writer w{mutable_bytes(out)};
    w.block(0, 0xffff, [&](writer& body) { m.encode(body); });
    ok = w.ok();
    written = w.size();
  }
  const std::size_t count = allocations.count();

  REQUIRE(ok);
  REQUIRE(written == 2 + 8 + 2 + 4 + 3);
  REQUIRE(count == 0);
}

TEST_CASE("failing parses allocate nothing either") {
  std::size_t failures = 0;
  tlswire::test::allocation_counter allocations;
  // Every strict prefix of the message is truncated and must fail.
  for (std::size_t n = 0; n < kMessage.size(); ++n)
    if (!decode<message>(bytes_view(kMessage.data(), n)).ok()) ++failures;
  const std::size_t count = allocations.count();

  REQUIRE(failures == kMessage.size());
  REQUIRE(count == 0);
}
