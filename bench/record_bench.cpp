// Record framing throughput against a memcpy + checksum pass of the same bytes.
//
// Builds buffers of many TLS records (two mixes: handshake-sized records of
// 24..1024 bytes, and full 2^14-byte application records), then times, in
// the same run and on the same bytes:
//   reference — memcpy the buffer to another and sum it in 64-bit words
//               (the cost of touching every byte once);
//   reader    — record::parse in a loop over one reader (the wire codec);
//   splitter  — record_splitter::next over the stream, as a caller would.
// Each figure is the best of several repetitions of `passes` passes over a
// buffer small enough to stay in cache (records being framed were just
// received), so the figures measure work rather than DRAM latency. Ratios are
// tlswire time divided by reference time (below 1: framing is cheaper than
// touching every byte once).
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

#include "tlswire/record/record.hpp"
#include "tlswire/record/record_splitter.hpp"

namespace {

using clock_type = std::chrono::steady_clock;

// A stream of records of `size(i)` fragment bytes, total at least `total` bytes.
template <class SizeOf>
std::vector<std::uint8_t> make_stream(std::size_t total, SizeOf size) {
  std::vector<std::uint8_t> out;
  out.reserve(total + 20000);
  std::uint32_t seed = 0x12345678;
  for (std::size_t i = 0; out.size() < total; ++i) {
    const std::size_t n = size(i);
    const std::uint8_t type = (i % 7 == 0) ? 0x16 : 0x17;
    out.push_back(type);
    out.push_back(0x03);
    out.push_back(0x03);
    out.push_back(static_cast<std::uint8_t>(n >> 8));
    out.push_back(static_cast<std::uint8_t>(n & 0xff));
    for (std::size_t k = 0; k < n; ++k) {
      seed = seed * 1664525u + 1013904223u;
      out.push_back(static_cast<std::uint8_t>(seed >> 24));
    }
  }
  return out;
}

constexpr int passes = 64;

// The fastest of `reps` runs of `passes` calls of f(), in seconds per call;
// f returns a value kept live.
template <class F>
double best_of(int reps, F&& f, std::uint64_t& sink) {
  double best = 1e30;
  for (int i = 0; i < reps; ++i) {
    const auto t0 = clock_type::now();
    for (int p = 0; p < passes; ++p) sink += f();
    const auto t1 = clock_type::now();
    best = std::min(best, std::chrono::duration<double>(t1 - t0).count() / passes);
  }
  return best;
}

std::uint64_t memcpy_checksum(const std::vector<std::uint8_t>& in, std::vector<std::uint8_t>& out) {
  std::memcpy(out.data(), in.data(), in.size());
  std::uint64_t sum = 0;
  const std::size_t words = in.size() / 8;
  for (std::size_t i = 0; i < words; ++i) {
    std::uint64_t w;
    std::memcpy(&w, out.data() + i * 8, 8);
    sum += w;
  }
  for (std::size_t i = words * 8; i < in.size(); ++i) sum += out[i];
  return sum;
}

// What the framing loops fold in per record, so nothing is optimised away.
inline std::uint64_t fold(const tlswire::record& r) {
  return static_cast<std::uint64_t>(r.type) + r.fragment.size() +
         reinterpret_cast<std::uintptr_t>(r.fragment.data());
}

std::uint64_t reader_pass(const std::vector<std::uint8_t>& in, tlswire::record_limits limits) {
  tlswire::reader r(tlswire::bytes_view(in.data(), in.size()));
  std::uint64_t sum = 0;
  while (!r.empty()) {
    const tlswire::record rec = tlswire::record::parse(r, limits);
    if (!r) return 0;
    sum += fold(rec);
  }
  return sum;
}

std::uint64_t splitter_pass(const std::vector<std::uint8_t>& in, tlswire::record_limits limits) {
  tlswire::record_splitter s(limits);
  tlswire::bytes_view buffered(in.data(), in.size());
  std::uint64_t sum = 0;
  for (;;) {
    auto step = s.next(buffered);
    if (!step) return 0;
    if (!step->complete()) break;
    sum += fold(step->rec);
    buffered = buffered.subspan(step->consumed);
  }
  return sum;
}

void run(const char* label, const std::vector<std::uint8_t>& stream, std::size_t records) {
  const tlswire::record_limits limits{tlswire::record_form::tls13, tlswire::max_plaintext_length};
  std::vector<std::uint8_t> copy(stream.size());
  std::uint64_t sink = 0;
  const int reps = 15;
  // Warm up caches and page in the copy target.
  sink += memcpy_checksum(stream, copy) + reader_pass(stream, limits) + splitter_pass(stream, limits);

  const double ref = best_of(reps, [&] { return memcpy_checksum(stream, copy); }, sink);
  const double rd = best_of(reps, [&] { return reader_pass(stream, limits); }, sink);
  const double sp = best_of(reps, [&] { return splitter_pass(stream, limits); }, sink);

  const double bytes = static_cast<double>(stream.size());
  auto line = [&](const char* what, double secs) {
    std::printf("  %-22s %8.4f ns/byte %10.1f MB/s %8.2f ns/record\n", what, secs * 1e9 / bytes, bytes / secs / 1e6,
                secs * 1e9 / static_cast<double>(records));
  };
  std::printf("%s: %zu records, %zu bytes (best of %d x %d passes)\n", label, records, stream.size(), reps, passes);
  line("memcpy+checksum (ref)", ref);
  line("reader record::parse", rd);
  line("record_splitter", sp);
  std::printf("  ratio reader/ref   %.3f\n", rd / ref);
  std::printf("  ratio splitter/ref %.3f\n", sp / ref);
  std::printf("  (checksum %llu)\n\n", static_cast<unsigned long long>(sink & 0xffff));
}

}  // namespace

int main() {
  const std::size_t total = std::size_t{512} << 10;  // 512 KiB per mix: stays in L2/L3

  // Handshake-sized records: 24..1023 bytes, like RFC 8448's flights.
  std::size_t small_records = 0;
  auto small = make_stream(total, [&](std::size_t i) {
    ++small_records;
    return 24 + (i * 7919) % 1000;
  });
  run("small records (24..1023 B)", small, small_records);

  // Full-size application data records of 2^14 bytes.
  std::size_t full_records = 0;
  auto full = make_stream(total, [&](std::size_t) {
    ++full_records;
    return tlswire::max_plaintext_length;
  });
  run("full records (16384 B)", full, full_records);
  return 0;
}
