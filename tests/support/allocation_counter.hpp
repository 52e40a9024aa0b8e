#pragma once
// Counting heap allocations in tests, to show that the codec allocates nothing.
//
//   tlswire::test::allocation_counter allocations;
//   ... parse and encode ...
//   REQUIRE(allocations.count() == 0);
//
// Every test program links tests/catch_main.cpp, which replaces the global
// operator new (all forms) and, on glibc builds without AddressSanitizer,
// also malloc/calloc/realloc, so both C++ and C allocations are counted.
// Counting is process-wide and thread-safe; keep Catch2 macros (which may
// allocate) outside the measured block, as in the example above.
#include <cstddef>

namespace tlswire::test {

// Allocations (operator new, and malloc-family where replaced) since start.
std::size_t allocation_count() noexcept;

// True when malloc/calloc/realloc are counted too, not only operator new.
bool counts_malloc() noexcept;

// Allocations made since this object was constructed (or last reset).
class allocation_counter {
 public:
  allocation_counter() noexcept : start_(allocation_count()) {}
  std::size_t count() const noexcept { return allocation_count() - start_; }
  void reset() noexcept { start_ = allocation_count(); }

 private:
  std::size_t start_;
};

}  // namespace tlswire::test
