#pragma once
// result<T>: a value or an error, without exceptions or allocation.
//
// The value is held next to the error rather than in a union: every T the
// codec returns is a small view that is cheap to default-construct, and this
// keeps result<T> a literal type usable in constant expressions.
#include <type_traits>
#include <utility>

#include <gsl/assert>

#include "tlswire/wire/error.hpp"

namespace tlswire {

template <class T>
class [[nodiscard]] result {
  static_assert(std::is_default_constructible_v<T>, "result<T> needs a default-constructible T");

 public:
  constexpr result(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  // A default T, built where it stays: for parsers that fill the value in
  // place instead of copying a just-written one in (see client_hello.hpp).
  constexpr explicit result(std::in_place_t) noexcept(std::is_nothrow_default_constructible_v<T>) {}
  constexpr result(tlswire::error e) : error_(e) { Expects(e.code != errc::none); }  // NOLINT

  constexpr bool ok() const noexcept { return error_.code == errc::none; }
  constexpr explicit operator bool() const noexcept { return ok(); }

  constexpr const T& value() const& {
    Expects(ok());
    return value_;
  }
  constexpr T& value() & {
    Expects(ok());
    return value_;
  }
  constexpr T&& value() && {
    Expects(ok());
    return std::move(value_);
  }
  constexpr const T& operator*() const& { return value(); }
  constexpr T& operator*() & { return value(); }
  constexpr const T* operator->() const { return &value(); }
  constexpr T* operator->() { return &value(); }

  constexpr const tlswire::error& error() const noexcept { return error_; }

 private:
  T value_{};
  tlswire::error error_{};
};

template <>
class [[nodiscard]] result<void> {
 public:
  constexpr result() = default;
  constexpr result(tlswire::error e) : error_(e) { Expects(e.code != errc::none); }  // NOLINT

  constexpr bool ok() const noexcept { return error_.code == errc::none; }
  constexpr explicit operator bool() const noexcept { return ok(); }
  constexpr const tlswire::error& error() const noexcept { return error_; }

 private:
  tlswire::error error_{};
};

using status = result<void>;

}  // namespace tlswire

// Propagate a failed result from the enclosing function:
//   TLSWIRE_TRY(auto hello, decode<client_hello>(bytes));
#define TLSWIRE_CONCAT_IMPL(a, b) a##b
#define TLSWIRE_CONCAT(a, b) TLSWIRE_CONCAT_IMPL(a, b)
// `tmp` is a name and `decl` a declaration: neither can be parenthesized.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define TLSWIRE_TRY_IMPL(tmp, decl, expr) \
  auto tmp = (expr);                      \
  if (!tmp.ok()) return tmp.error();      \
  decl = std::move(tmp).value()
// NOLINTEND(bugprone-macro-parentheses)
#define TLSWIRE_TRY(decl, expr) TLSWIRE_TRY_IMPL(TLSWIRE_CONCAT(tlswire_try_, __LINE__), decl, expr)
// For results without a value (status): return the error if there is one.
#define TLSWIRE_CHECK(expr)                                                   \
  do {                                                                        \
    if (auto tlswire_check_ = (expr); !tlswire_check_.ok()) return tlswire_check_.error(); \
  } while (false)
