#pragma once
// A fixed-capacity holder for key material that wipes itself when destroyed
// (STYLE: "wipe key material when a schedule is destroyed"). Every secret,
// key and IV the key schedules hand out lives in one of these, so forgetting
// to wipe is not something a caller can do.
#include <array>
#include <cstddef>
#include <cstdint>

#include <gsl/assert>

#include "tlswire/wire/bytes.hpp"

namespace tlswire {

// Up to `Capacity` secret bytes, of which size() are in use (a TLS 1.3 secret
// is exactly Hash.length; a traffic key depends on the suite). Copies are
// allowed (a schedule hands a traffic secret to record protection), and each
// copy wipes itself in turn. A move copies the bytes and wipes the source at
// once (it is left empty), so a moved-from secret holds no key material.
// Comparison is constant time.
template <std::size_t Capacity>
class secret {
 public:
  constexpr secret() noexcept = default;
  constexpr explicit secret(std::size_t size) noexcept : size_(size) { Expects(size <= Capacity); }
  constexpr explicit secret(bytes_view value) noexcept : size_(value.size()) {
    Expects(value.size() <= Capacity);
    for (std::size_t i = 0; i < size_; ++i) bytes_[i] = value[i];
  }
  constexpr secret(const secret&) noexcept = default;
  constexpr secret& operator=(const secret& other) noexcept {
    if (this != &other) {
      wipe();
      bytes_ = other.bytes_;
      size_ = other.size_;
    }
    return *this;
  }
  constexpr secret(secret&& other) noexcept : bytes_(other.bytes_), size_(other.size_) {
    other.wipe();
  }
  constexpr secret& operator=(secret&& other) noexcept {
    if (this != &other) {
      *this = static_cast<const secret&>(other);
      other.wipe();
    }
    return *this;
  }
  constexpr ~secret() { wipe(); }

  constexpr std::size_t size() const noexcept { return size_; }
  constexpr bool empty() const noexcept { return size_ == 0; }
  static constexpr std::size_t capacity() noexcept { return Capacity; }

  constexpr bytes_view view() const noexcept { return bytes_view(bytes_.data(), size_); }
  constexpr mutable_bytes span() noexcept { return mutable_bytes(bytes_.data(), size_); }
  constexpr std::uint8_t operator[](std::size_t i) const noexcept { return view()[i]; }

  // Changes the size in use (bytes beyond it are zeroed).
  constexpr void resize(std::size_t size) noexcept {
    Expects(size <= Capacity);
    for (std::size_t i = size; i < Capacity; ++i) bytes_[i] = 0;
    size_ = size;
  }

  constexpr void wipe() noexcept {
    secure_wipe(mutable_bytes(bytes_.data(), Capacity));
    size_ = 0;
  }

  // Constant time in the contents (RFC 8446 §4.4.4 Finished, RFC 5246 §7.4.9).
  constexpr bool equals(bytes_view other) const noexcept {
    return equal_bytes_constant_time(view(), other);
  }

 private:
  std::array<std::uint8_t, Capacity> bytes_{};
  std::size_t size_ = 0;
};

}  // namespace tlswire
