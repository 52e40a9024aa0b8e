// The one translation unit every test program shares: Catch2's main, and the
// replaced global allocation functions behind support/allocation_counter.hpp
// (a program may replace them only once, so they live here).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <new>

#include "support/allocation_counter.hpp"

namespace {
std::atomic<std::size_t> allocations{0};

void count_one() noexcept { allocations.fetch_add(1, std::memory_order_relaxed); }
}  // namespace

// malloc is replaced only where that is safe: glibc exports its allocator as
// __libc_malloc & co., so ours can count and forward while free() stays
// glibc's. Sanitizers interpose malloc themselves, so there we count only
// operator new.
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || __has_feature(thread_sanitizer)
#define TLSWIRE_TEST_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define TLSWIRE_TEST_SANITIZED 1
#endif
#if defined(__GLIBC__) && !defined(TLSWIRE_TEST_SANITIZED)
#define TLSWIRE_TEST_COUNT_MALLOC 1
#endif

#ifdef TLSWIRE_TEST_COUNT_MALLOC
extern "C" {
void* __libc_malloc(std::size_t size);
void* __libc_calloc(std::size_t count, std::size_t size);
void* __libc_realloc(void* ptr, std::size_t size);

void* malloc(std::size_t size) {
  count_one();
  return __libc_malloc(size);
}
void* calloc(std::size_t count, std::size_t size) {
  count_one();
  return __libc_calloc(count, size);
}
void* realloc(void* ptr, std::size_t size) {
  count_one();
  return __libc_realloc(ptr, size);
}
}
#endif

namespace {
// Raw storage for operator new, counted exactly once however malloc is set up.
void* allocate(std::size_t size) noexcept {
#ifdef TLSWIRE_TEST_COUNT_MALLOC
  count_one();
  return __libc_malloc(size == 0 ? 1 : size);
#else
  count_one();
  return std::malloc(size == 0 ? 1 : size);
#endif
}

void* allocate_aligned(std::size_t size, std::align_val_t align) noexcept {
  count_one();
  const auto a = static_cast<std::size_t>(align);
  // aligned_alloc wants a size that is a multiple of the alignment; it is
  // not one of the functions replaced above, so nothing is counted twice.
  const std::size_t rounded = (size + a - 1) / a * a;
  return std::aligned_alloc(a, rounded == 0 ? a : rounded);
}
}  // namespace

namespace tlswire::test {
std::size_t allocation_count() noexcept { return allocations.load(std::memory_order_relaxed); }
bool counts_malloc() noexcept {
#ifdef TLSWIRE_TEST_COUNT_MALLOC
  return true;
#else
  return false;
#endif
}
}  // namespace tlswire::test

void* operator new(std::size_t size) {
  if (void* p = allocate(size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return ::operator new(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void* operator new(std::size_t size, std::align_val_t align) {
  if (void* p = allocate_aligned(size, align)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size, std::align_val_t align) { return ::operator new(size, align); }
void* operator new(std::size_t size, std::align_val_t align, const std::nothrow_t&) noexcept {
  return allocate_aligned(size, align);
}
void* operator new[](std::size_t size, std::align_val_t align, const std::nothrow_t&) noexcept {
  return allocate_aligned(size, align);
}

void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }
