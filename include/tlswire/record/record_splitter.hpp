#pragma once
// Stream framing: cut the bytes of a TCP stream into records.
//
// The caller owns the stream buffer. It hands `next()` the bytes it holds
// that no record has claimed yet; the splitter answers with one complete
// record (a view into those bytes, plus how many bytes it took), or with how
// many more bytes the next record needs, or with an error. It keeps only its
// position in the stream, so errors carry offsets in the whole stream, and
// the caller may compact or refill its buffer between calls.
//
//   record_splitter splitter(limits);
//   for (;;) {
//     auto step = splitter.next(buffered);
//     if (!step) return step.error();              // send step.error().alert
//     if (step->needed > 0) break;                 // read at least that many more bytes
//     handle(step->rec);
//     buffered = buffered.subspan(step->consumed);
//   }
#include <cstddef>
#include <cstdint>

#include "tlswire/record/record.hpp"
#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/reader.hpp"
#include "tlswire/wire/result.hpp"

namespace tlswire {

// One step of the splitter: a whole record, or how many more bytes it needs.
struct split_step {
  record rec{};             // valid when needed == 0
  bytes_view wire{};        // the record's bytes, header included
  std::size_t consumed = 0; // bytes of the buffer the record took (0 when incomplete)
  std::size_t needed = 0;   // > 0: the next record is incomplete by this many bytes

  constexpr bool complete() const noexcept { return needed == 0; }
};

// RFC 8446 §5.1 / RFC 5246 §6.2: records are framed by their length alone.
class record_splitter {
 public:
  constexpr record_splitter() noexcept = default;
  constexpr explicit record_splitter(record_limits limits, std::size_t stream_offset = 0) noexcept
      : limits_(limits), position_(stream_offset) {}

  // Protection switches on (or a limit is negotiated) between two records.
  constexpr void set_limits(record_limits limits) noexcept { limits_ = limits; }
  constexpr const record_limits& limits() const noexcept { return limits_; }

  // Stream offset of the first byte not yet claimed by a record.
  constexpr std::size_t position() const noexcept { return position_; }
  constexpr bool ok() const noexcept { return error_.code == errc::none; }

  // `buffered` starts at position(). A header whose length breaks the limits
  // is refused as soon as its five bytes are there. After an error the
  // splitter stays failed: the stream cannot be re-synchronised.
  constexpr result<split_step> next(bytes_view buffered) noexcept {
    if (!ok()) return error_;
    split_step step;
    // One parse does it all: record::parse judges the header (overflow,
    // forbidden empty) before it looks for the body, so a bad header is
    // refused as soon as its five bytes are here, and "truncated" can only
    // mean the record is still incomplete.
    reader r(buffered, position_);
    step.rec = record::parse(r, limits_);
    if (!r.ok()) {
      if (r.error().code != errc::truncated) return fail(r.error());
      step.rec = {};
      step.needed = buffered.size() < record_header_size ? record_header_size - buffered.size()
                                                         : wire_length(buffered) - buffered.size();
      return step;
    }
    const std::size_t total = step.rec.wire_size();
    step.wire = buffered.first(total);
    step.consumed = total;
    position_ += total;
    return step;
  }

 private:
  // Header plus the length its header announces.
  static constexpr std::size_t wire_length(bytes_view header) noexcept {
    return record_header_size + (std::size_t{header.data()[3]} << 8 | std::size_t{header.data()[4]});
  }

  constexpr tlswire::error fail(tlswire::error e) noexcept {
    error_ = e;
    return e;
  }

  record_limits limits_{};
  std::size_t position_ = 0;
  tlswire::error error_{};
};

}  // namespace tlswire
