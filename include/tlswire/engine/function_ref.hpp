#pragma once
// A non-owning reference to a callable: what the engines take for caller
// hooks (certificate check, keylog) without allocating or type-erasing into
// a heap object. The callable must outlive the reference (the caller keeps
// it next to the engine).
#include <memory>
#include <type_traits>
#include <utility>

namespace tlswire::engine {

template <class Signature>
class function_ref;

template <class R, class... Args>
class function_ref<R(Args...)> {
 public:
  constexpr function_ref() noexcept = default;
  template <class F>
    requires(!std::is_same_v<std::remove_cvref_t<F>, function_ref> && std::is_invocable_r_v<R, F&, Args...>)
  constexpr function_ref(F& f) noexcept  // NOLINT(google-explicit-constructor)
      : object_(std::addressof(f)), call_([](void* o, Args... args) -> R {
          return (*static_cast<F*>(o))(std::forward<Args>(args)...);
        }) {}

  constexpr explicit operator bool() const noexcept { return call_ != nullptr; }
  R operator()(Args... args) const { return call_(object_, std::forward<Args>(args)...); }

 private:
  void* object_ = nullptr;
  R (*call_)(void*, Args...) = nullptr;
};

}  // namespace tlswire::engine
