#pragma once
// Typed vectors with the RFC's bounds written once, in the type.
//
//   CipherSuite cipher_suites<2..2^16-2>;   ->  code_vector<cipher_suite, 2, 65534>
//   opaque legacy_session_id<0..32>;        ->  opaque_vector<0, 32>
//   KeyShareEntry client_shares<0..2^16-1>; ->  item_vector<key_share_entry, 0, 65535>
//
// Bounds are in bytes, as in the RFC, and checked on parse and on encode.
// A parsed vector is a view of the caller's bytes, validated once, so
// iterating it afterwards cannot fail. A vector built to be sent is a view of
// the caller's typed values. Neither owns or allocates anything.
#include <cstddef>
#include <iterator>
#include <type_traits>

#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/reader.hpp"
#include "tlswire/wire/writer.hpp"

namespace tlswire {

// opaque x<Min..Max>
template <std::size_t Min, std::size_t Max>
struct opaque_vector {
  static constexpr std::size_t min_bytes = Min;
  static constexpr std::size_t max_bytes = Max;

  bytes_view bytes{};

  static constexpr opaque_vector parse(reader& r) noexcept { return {r.vector_bytes(Min, Max)}; }
  constexpr void encode(writer& w) const noexcept { w.vector_bytes(Min, Max, bytes); }

  constexpr std::size_t size() const noexcept { return bytes.size(); }
  constexpr bool empty() const noexcept { return bytes.empty(); }
  friend constexpr bool operator==(const opaque_vector& a, const opaque_vector& b) noexcept {
    return equal_bytes(a.bytes, b.bytes);
  }
};

// A vector of fixed-width code points (enum class with a 1- or 2-byte base).
template <class E, std::size_t Min, std::size_t Max>
  requires std::is_enum_v<E>
class code_vector {
 public:
  static constexpr std::size_t width = sizeof(E);
  static constexpr std::size_t min_bytes = Min;
  static constexpr std::size_t max_bytes = Max;

  constexpr code_vector() noexcept = default;
  // A vector to send, viewing the caller's values.
  constexpr code_vector(gsl::span<const E> values) noexcept : values_(values), built_(true) {}  // NOLINT
  template <std::size_t N>
  constexpr code_vector(const std::array<E, N>& values) noexcept  // NOLINT
      : values_(values.data(), N), built_(true) {}

  static constexpr code_vector parse(reader& r) noexcept {
    code_vector v;
    v.wire_ = r.vector_bytes(Min, Max, width);
    return v;
  }

  constexpr void encode(writer& w) const noexcept {
    if (!built_) return w.vector_bytes(Min, Max, wire_);
    w.block(Min, Max, [&](writer& body) {
      for (E e : values_) body.code(e);
    });
  }

  constexpr std::size_t size() const noexcept { return built_ ? values_.size() : wire_.size() / width; }
  constexpr bool empty() const noexcept { return size() == 0; }
  constexpr E operator[](std::size_t i) const noexcept {
    if (built_) return values_[i];
    std::uint64_t v = 0;
    for (std::size_t k = 0; k < width; ++k) v = (v << 8) | wire_[i * width + k];
    return static_cast<E>(v);
  }
  constexpr bool contains(E e) const noexcept {
    for (std::size_t i = 0; i < size(); ++i)
      if ((*this)[i] == e) return true;
    return false;
  }
  // The wire bytes of a parsed vector (empty for a built one).
  constexpr bytes_view wire_bytes() const noexcept { return wire_; }

  class iterator {
   public:
    using value_type = E;
    using difference_type = std::ptrdiff_t;
    constexpr iterator() noexcept = default;
    constexpr iterator(const code_vector* v, std::size_t i) noexcept : v_(v), i_(i) {}
    constexpr E operator*() const noexcept { return (*v_)[i_]; }
    constexpr iterator& operator++() noexcept {
      ++i_;
      return *this;
    }
    constexpr iterator operator++(int) noexcept {
      iterator t = *this;
      ++i_;
      return t;
    }
    friend constexpr bool operator==(const iterator& a, const iterator& b) noexcept { return a.i_ == b.i_; }

   private:
    const code_vector* v_ = nullptr;
    std::size_t i_ = 0;
  };
  constexpr iterator begin() const noexcept { return {this, 0}; }
  constexpr iterator end() const noexcept { return {this, size()}; }

  friend constexpr bool operator==(const code_vector& a, const code_vector& b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (a[i] != b[i]) return false;
    return true;
  }

 private:
  bytes_view wire_{};
  gsl::span<const E> values_{};
  bool built_ = false;
};

// A vector of variable-size structures, each with `static T parse(reader&)`
// and `void encode(writer&) const`.
template <class T, std::size_t Min, std::size_t Max>
class item_vector {
 public:
  static constexpr std::size_t min_bytes = Min;
  static constexpr std::size_t max_bytes = Max;

  constexpr item_vector() noexcept = default;
  constexpr item_vector(gsl::span<const T> items) noexcept : items_(items), built_(true) {}  // NOLINT
  template <std::size_t N>
  constexpr item_vector(const std::array<T, N>& items) noexcept  // NOLINT
      : items_(items.data(), N), built_(true) {}

  // Validates every item once; iteration later re-reads them infallibly.
  static constexpr item_vector parse(reader& r) {
    item_vector v;
    const std::size_t start = r.offset() + length_prefix_width(Max);
    v.wire_ = r.vector_bytes(Min, Max);
    reader items(v.wire_, start);
    while (r.ok() && items.ok() && !items.empty()) (void)T::parse(items);
    if (!items.ok()) r.fail(items.error());
    return v;
  }

  constexpr void encode(writer& w) const {
    if (!built_) return w.vector_bytes(Min, Max, wire_);
    w.block(Min, Max, [&](writer& body) {
      for (const T& item : items_) item.encode(body);
    });
  }

  constexpr bool built() const noexcept { return built_; }
  constexpr bytes_view wire_bytes() const noexcept { return wire_; }
  constexpr bool empty() const noexcept { return built_ ? items_.empty() : wire_.empty(); }
  constexpr std::size_t size() const {
    if (built_) return items_.size();
    std::size_t n = 0;
    for (auto it = begin(); it != end(); ++it) ++n;
    return n;
  }

  class iterator {
   public:
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    constexpr iterator() = default;
    constexpr iterator(const item_vector* v, bool at_end) : v_(v) {
      if (at_end) {
        index_ = v->built_ ? v->items_.size() : v->wire_.size();
      } else {
        items_ = reader(v->wire_);
        load();
      }
    }
    constexpr const T& operator*() const noexcept { return current_; }
    constexpr const T* operator->() const noexcept { return &current_; }
    constexpr iterator& operator++() {
      if (v_->built_) ++index_;
      load();
      return *this;
    }
    constexpr iterator operator++(int) {
      iterator t = *this;
      ++*this;
      return t;
    }
    // Position: item index when built, byte offset of the next item when parsed.
    friend constexpr bool operator==(const iterator& a, const iterator& b) noexcept {
      return a.index_ == b.index_;
    }

   private:
    constexpr void load() {
      if (v_->built_) {
        if (index_ < v_->items_.size()) current_ = v_->items_[index_];
        return;
      }
      index_ = items_.offset();
      if (!items_.empty()) current_ = T::parse(items_);
    }
    const item_vector* v_ = nullptr;
    reader items_{};
    std::size_t index_ = 0;
    T current_{};
  };
  constexpr iterator begin() const { return iterator(this, false); }
  constexpr iterator end() const { return iterator(this, true); }

  friend constexpr bool operator==(const item_vector& a, const item_vector& b) {
    auto i = a.begin(), j = b.begin();
    for (; i != a.end() && j != b.end(); ++i, ++j)
      if (!(*i == *j)) return false;
    return i == a.end() && j == b.end();
  }

 private:
  bytes_view wire_{};
  gsl::span<const T> items_{};
  bool built_ = false;
};

}  // namespace tlswire
