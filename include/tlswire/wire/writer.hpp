#pragma once
// A bounded, sticky-error writer into the caller's span.
//
// Running out of room is an error (buffer_too_small), never an overflow.
// Length prefixes are written by scoped blocks: `block(min, max, body)`
// reserves the prefix, runs the body, then patches in the length — so the
// code that writes a message reads like the RFC's struct. A default-
// constructed writer only counts, which is how encoded sizes are computed.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/error.hpp"
#include "tlswire/wire/reader.hpp"  // length_prefix_width

namespace tlswire {

class writer {
 public:
  // Size-only mode: nothing is stored, size() says how much would be.
  constexpr writer() noexcept = default;
  constexpr explicit writer(mutable_bytes out) noexcept : out_(out), counting_(false) {}

  constexpr bool ok() const noexcept { return error_.code == errc::none; }
  constexpr explicit operator bool() const noexcept { return ok(); }
  constexpr const tlswire::error& error() const noexcept { return error_; }
  constexpr bool counting() const noexcept { return counting_; }

  // Bytes written so far (or, in size-only mode, that would have been).
  constexpr std::size_t size() const noexcept { return pos_; }
  constexpr bytes_view written() const noexcept {
    return counting_ ? bytes_view{} : bytes_view(out_.data(), pos_);
  }

  constexpr void fail(tlswire::error e) noexcept {
    if (ok()) error_ = e;
  }
  constexpr void fail(errc code) noexcept { fail(make_error(code, pos_)); }

  constexpr void u8(std::uint8_t v) noexcept { uint_be(v, 1); }
  constexpr void u16(std::uint16_t v) noexcept { uint_be(v, 2); }
  constexpr void u24(std::uint32_t v) noexcept {
    if (v > 0xffffff) return fail(errc::bad_value);
    uint_be(v, 3);
  }
  constexpr void u32(std::uint32_t v) noexcept { uint_be(v, 4); }
  constexpr void u64(std::uint64_t v) noexcept { uint_be(v, 8); }

  template <class E>
    requires std::is_enum_v<E>
  constexpr void code(E v) noexcept {
    uint_be(static_cast<std::uint64_t>(v), sizeof(E));
  }

  constexpr void uint_be(std::uint64_t v, std::size_t width) noexcept {
    std::uint8_t* p = reserve(width);
    if (p == nullptr) return;
    for (std::size_t i = width; i-- > 0;) {
      p[i] = static_cast<std::uint8_t>(v & 0xff);
      v >>= 8;
    }
  }

  constexpr void bytes(bytes_view b) noexcept {
    std::uint8_t* p = reserve(b.size());
    if (p == nullptr) return;
    // At run time a memcpy (bulk bytes: key shares, certificates); the loop
    // is for constant evaluation.
    if (!std::is_constant_evaluated()) {
      // An empty view may have a null data(): memcpy's arguments must not be
      // null even for 0 bytes (UBSan: nonnull-attribute).
      if (!b.empty()) std::memcpy(p, b.data(), b.size());
      return;
    }
    for (std::size_t i = 0; i < b.size(); ++i) p[i] = b.data()[i];
  }

  constexpr void fill(std::size_t n, std::uint8_t value) noexcept {
    std::uint8_t* p = reserve(n);
    if (p == nullptr) return;
    for (std::size_t i = 0; i < n; ++i) p[i] = value;
  }

  // A length-prefixed block written by `body(writer&)`. If the body fails or
  // its length breaks <min..max>, the prefix is left as all 0xff bytes: an
  // abandoned block must never read back as a valid encoding.
  template <class Body>
  constexpr void block(std::size_t min, std::size_t max, Body&& body) {
    const std::size_t width = length_prefix_width(max);
    const std::size_t prefix_at = pos_;
    uint_be(~std::uint64_t{0}, width);
    if (!ok()) return;
    const std::size_t body_at = pos_;
    body(*this);
    const std::size_t len = pos_ - body_at;
    if (ok() && (len < min || len > max)) fail(make_error(errc::length_out_of_range, prefix_at));
    if (!ok() || counting_) return;
    std::uint64_t v = len;
    for (std::size_t i = width; i-- > 0;) {
      out_.data()[prefix_at + i] = static_cast<std::uint8_t>(v & 0xff);
      v >>= 8;
    }
  }

  // opaque x<min..max> from bytes the caller already has.
  constexpr void vector_bytes(std::size_t min, std::size_t max, bytes_view body) noexcept {
    block(min, max, [&](writer& w) { w.bytes(body); });
  }

  // Room for `n` more bytes, or nullptr (and buffer_too_small). In size-only
  // mode the position advances and nullptr is returned.
  constexpr std::uint8_t* reserve(std::size_t n) noexcept {
    if (!ok()) return nullptr;
    if (counting_) {
      pos_ += n;
      return nullptr;
    }
    if (n > out_.size() - pos_) {
      fail(errc::buffer_too_small);
      return nullptr;
    }
    std::uint8_t* p = out_.data() + pos_;
    pos_ += n;
    return p;
  }

 private:
  mutable_bytes out_{};
  std::size_t pos_ = 0;
  bool counting_ = true;
  tlswire::error error_{};
};

}  // namespace tlswire
