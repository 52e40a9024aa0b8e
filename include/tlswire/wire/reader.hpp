#pragma once
// A bounded, sticky-error reader over the caller's bytes.
//
// Every read is checked against the end of the span. The first failure is
// recorded with its offset; from then on the reader is empty and every read
// yields zero, so parsing code can read field after field like the RFC's
// struct and test for failure once at the end. Length-prefixed blocks run
// their body on a sub-reader that physically cannot see past the block.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <type_traits>

#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/error.hpp"

namespace tlswire {

// Width in bytes of the length prefix the RFC's presentation language uses
// for a vector whose ceiling is `max` (RFC 8446 §3.4).
constexpr std::size_t length_prefix_width(std::size_t max) noexcept {
  return max <= 0xff ? 1 : max <= 0xffff ? 2 : max <= 0xffffff ? 3 : 4;
}

// The body of a vector x<min..max> that is all of `data` — exactly what
// reader::vector_bytes then expect_end accept — or nothing. The yes/no form,
// for rules that read a few already-framed bytes on every message; when it
// says no, a reader tells what is wrong and where.
constexpr std::optional<bytes_view> whole_vector(bytes_view data, std::size_t min, std::size_t max,
                                                 std::size_t unit = 1) noexcept {
  const std::size_t width = length_prefix_width(max);
  if (data.size() < width) return std::nullopt;
  const std::uint8_t* const p = data.data();
  const std::size_t len = load_uint_be(p, width);
  if (len < min || len > max || len % unit != 0 || len != data.size() - width) return std::nullopt;
  return bytes_view(p + width, len);
}

class reader {
 public:
  constexpr reader() noexcept = default;
  // `base_offset` is where `data` starts in the outermost input, so errors
  // report offsets the caller can find in its own buffer.
  constexpr explicit reader(bytes_view data, std::size_t base_offset = 0) noexcept
      : data_(data), base_(base_offset) {}

  constexpr bool ok() const noexcept { return error_.code == errc::none; }
  constexpr explicit operator bool() const noexcept { return ok(); }
  constexpr const tlswire::error& error() const noexcept { return error_; }

  constexpr std::size_t remaining() const noexcept { return data_.size() - pos_; }
  constexpr bool empty() const noexcept { return remaining() == 0; }
  // Absolute offset of the next unread byte.
  constexpr std::size_t offset() const noexcept { return base_ + pos_; }
  constexpr bytes_view rest() const noexcept { return data_.subspan(pos_); }

  // Records a failure (the first one wins) and empties the reader.
  constexpr void fail(tlswire::error e) noexcept {
    if (ok()) error_ = e;
    pos_ = data_.size();
  }
  constexpr void fail(errc code, std::size_t at) noexcept { fail(make_error(code, at)); }
  constexpr void fail(errc code, alert_description alert, std::size_t at) noexcept {
    fail(make_error(code, alert, at));
  }
  constexpr void fail_here(errc code) noexcept { fail(code, offset()); }

  // Fails with trailing_bytes unless everything was read.
  constexpr void expect_end() noexcept {
    if (!empty()) fail_here(errc::trailing_bytes);
  }

  constexpr std::uint8_t u8() noexcept { return static_cast<std::uint8_t>(uint_be(1)); }
  constexpr std::uint16_t u16() noexcept { return static_cast<std::uint16_t>(uint_be(2)); }
  constexpr std::uint32_t u24() noexcept { return static_cast<std::uint32_t>(uint_be(3)); }
  constexpr std::uint32_t u32() noexcept { return static_cast<std::uint32_t>(uint_be(4)); }
  constexpr std::uint64_t u64() noexcept { return uint_be(8); }

  // A code point of an open enum: any value is kept, known or not.
  template <class E>
    requires std::is_enum_v<E>
  constexpr E code() noexcept {
    return static_cast<E>(uint_be(sizeof(E)));
  }

  // Big-endian unsigned integer of `width` bytes (1..8).
  constexpr std::uint64_t uint_be(std::size_t width) noexcept {
    if (!take_check(width)) return 0;
    const std::uint64_t v = load_uint_be(data_.data() + pos_, width);
    pos_ += width;
    return v;
  }

  // Exactly `n` bytes, e.g. Random random (32 bytes).
  constexpr bytes_view bytes(std::size_t n) noexcept {
    if (!take_check(n)) return {};
    // Checked just above: a plain view, not subspan()'s second round of checks.
    const std::uint8_t* p = data_.data() + pos_;
    pos_ += n;
    return bytes_view(p, n);
  }

  // opaque x<min..max>: the body of a length-prefixed vector whose prefix
  // width follows from `max`. Lengths outside the bounds are decode_error;
  // `unit` > 1 also requires a whole number of fixed-size elements.
  //
  // The hottest read of every parser, so it reads the prefix and the body
  // with one bounds check each (a failed reader is empty, so the first check
  // also covers "already failed"). Errors are those of uint_be + bytes.
  constexpr bytes_view vector_bytes(std::size_t min, std::size_t max, std::size_t unit = 1) noexcept {
    const std::size_t at = offset();
    const std::size_t width = length_prefix_width(max);
    const std::size_t left = remaining();
    if (width > left) [[unlikely]] {
      fail(errc::truncated, at);
      return {};
    }
    const std::uint8_t* p = data_.data() + pos_;
    const std::size_t len = load_uint_be(p, width);
    // unit == 1 (opaque vectors, the common case) skips a division.
    if (len < min || len > max || (unit != 1 && len % unit != 0)) [[unlikely]] {
      fail(errc::length_out_of_range, at);
      return {};
    }
    if (len > left - width) [[unlikely]] {
      fail(errc::truncated, at);
      return {};
    }
    pos_ += width + len;
    return bytes_view(p + width, len);
  }

  // A length-prefixed block parsed by `body(reader&)` on a sub-reader. The
  // body must consume the block exactly; its errors become this reader's.
  template <class Body>
  constexpr void block(std::size_t min, std::size_t max, Body&& body) {
    const std::size_t start = offset() + length_prefix_width(max);
    bytes_view inner = vector_bytes(min, max);
    if (!ok()) return;
    reader sub(inner, start);
    body(sub);
    sub.expect_end();
    if (!sub.ok()) fail(sub.error());
  }

  // A reader over the next `n` bytes, which this reader skips. For bodies
  // whose length is known from elsewhere (a record, a handshake header).
  constexpr reader sub(std::size_t n) noexcept {
    const std::size_t start = offset();
    reader r(bytes(n), start);
    if (!ok()) r.fail(error_);  // a failed parent hands out a failed child
    return r;
  }

 private:
  constexpr bool take_check(std::size_t n) noexcept {
    if (n <= remaining()) [[likely]] return true;
    fail_here(errc::truncated);
    return false;
  }

  bytes_view data_{};
  std::size_t pos_ = 0;
  std::size_t base_ = 0;
  tlswire::error error_{};
};

}  // namespace tlswire
