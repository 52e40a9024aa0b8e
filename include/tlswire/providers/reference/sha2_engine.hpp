#pragma once
// The part of SHA-256 and SHA-512 that is the same in both (FIPS 180-4 §5):
// buffering input into blocks, the padding, the length field, and writing the
// digest big-endian. Each algorithm supplies a "core" with its word type, its
// initial hash value and its compression function; see sha256.hpp, sha512.hpp.
//
// Everything is constexpr so key schedules can be checked at compile time, and
// written so that at run time whole blocks go straight from the caller's bytes
// to the compression function (no per-byte buffering, no indirection).
#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include <gsl/assert>

#include "tlswire/wire/bytes.hpp"

namespace tlswire::reference {

namespace detail {

// Big-endian loads and stores (FIPS 180-4 §3.1: words are big-endian). Written
// with shifts so they work in constant evaluation; compilers turn them into a
// single load and byte swap at run time.
template <class Word>
constexpr Word load_be(const std::uint8_t* p) noexcept {
  Word w = 0;
  for (std::size_t i = 0; i < sizeof(Word); ++i) w = static_cast<Word>((w << 8) | p[i]);
  return w;
}

template <class Word>
constexpr void store_be(std::uint8_t* p, Word w) noexcept {
  for (std::size_t i = 0; i < sizeof(Word); ++i)
    p[i] = static_cast<std::uint8_t>(w >> (8 * (sizeof(Word) - 1 - i)));
}

// ROTR^n (FIPS 180-4 §3.2), for 0 < n < bits of Word.
template <class Word>
constexpr Word rotr(Word x, unsigned n) noexcept {
  return static_cast<Word>((x >> n) | (x << (8 * sizeof(Word) - n)));
}

// Like secure_wipe (wire/bytes.hpp), for arrays of words: a volatile store
// the optimiser may not drop, or a plain loop in constant evaluation.
template <class Word, std::size_t N>
constexpr void wipe_words(std::array<Word, N>& words) noexcept {
  if (std::is_constant_evaluated()) {
    for (auto& w : words) w = 0;
    return;
  }
  volatile Word* p = words.data();
  for (std::size_t i = 0; i < N; ++i) p[i] = 0;
}

}  // namespace detail

// One SHA-2 hash computation (FIPS 180-4 §6.2 / §6.4), incremental.
//
// Core provides: `word` (std::uint32_t or std::uint64_t), `block_size`,
// `digest_size`, `length_size` (bytes of the message-length field: 8 or 16),
// `initial_hash` (std::array<word, 8>) and `static constexpr void
// compress(std::array<word, 8>& hash, const std::uint8_t* block, std::array<word, 16>& schedule)`.
//
// The state is a value: copy it to snapshot a running hash (the TLS transcript
// hash needs Hash(messages so far) while more messages follow). It wipes
// itself when destroyed and after finish().
template <class Core>
class sha2_hash {
 public:
  using word = typename Core::word;
  static constexpr std::size_t digest_size = Core::digest_size;
  static constexpr std::size_t block_size = Core::block_size;
  using digest_type = std::array<std::uint8_t, digest_size>;

  constexpr sha2_hash() noexcept = default;
  constexpr sha2_hash(const sha2_hash&) noexcept = default;
  constexpr sha2_hash& operator=(const sha2_hash&) noexcept = default;
  constexpr ~sha2_hash() { wipe(); }

  // Hash of `data` in one call.
  [[nodiscard]] static constexpr digest_type hash(bytes_view data) noexcept {
    sha2_hash h;
    h.update(data);
    return h.finish();
  }

  // Appends `data` to the message (FIPS 180-4 §5.2: parse into blocks).
  constexpr void update(bytes_view data) noexcept {
    std::array<word, 16> schedule{};  // scratch for compress; holds message words
    const std::uint8_t* p = data.data();
    std::size_t n = data.size();
    length_ += n;
    if (buffered_ != 0) {
      const std::size_t take = n < block_size - buffered_ ? n : block_size - buffered_;
      for (std::size_t i = 0; i < take; ++i) buffer_[buffered_ + i] = p[i];
      buffered_ += take;
      p += take;
      n -= take;
      if (buffered_ < block_size) return;  // nothing compressed, nothing to wipe
      Core::compress(state_, buffer_.data(), schedule);
      buffered_ = 0;
    }
    // Whole blocks are compressed where they lie in the caller's memory.
    for (; n >= block_size; p += block_size, n -= block_size) Core::compress(state_, p, schedule);
    for (std::size_t i = 0; i < n; ++i) buffer_[i] = p[i];
    buffered_ = n;
    detail::wipe_words(schedule);
  }

  // Pads the message (FIPS 180-4 §5.1), writes the digest to `out`, which must
  // be exactly digest_size bytes, and leaves the state as newly constructed.
  constexpr void finish(mutable_bytes out) noexcept {
    Expects(out.size() == digest_size);
    // The length field holds the message length in bits; length_ counts
    // bytes, so its top three bits spill into the high half of a 128-bit field.
    const std::uint64_t bits_low = length_ << 3;
    const std::uint64_t bits_high = length_ >> 61;

    std::array<word, 16> schedule{};
    buffer_[buffered_++] = 0x80;
    if (buffered_ > block_size - Core::length_size) {
      for (std::size_t i = buffered_; i < block_size; ++i) buffer_[i] = 0;
      Core::compress(state_, buffer_.data(), schedule);
      buffered_ = 0;
    }
    for (std::size_t i = buffered_; i < block_size - 8; ++i) buffer_[i] = 0;
    if constexpr (Core::length_size == 16) detail::store_be(&buffer_[block_size - 16], bits_high);
    detail::store_be(&buffer_[block_size - 8], bits_low);
    Core::compress(state_, buffer_.data(), schedule);

    // SHA-384 is SHA-512 truncated: whole words first, then a partial one if any.
    constexpr std::size_t full_words = digest_size / sizeof(word);
    std::uint8_t* o = out.data();
    for (std::size_t i = 0; i < full_words; ++i) detail::store_be(o + i * sizeof(word), state_[i]);
    if constexpr (digest_size % sizeof(word) != 0) {
      std::array<std::uint8_t, sizeof(word)> last{};
      detail::store_be(last.data(), state_[full_words]);
      for (std::size_t i = 0; i < digest_size % sizeof(word); ++i)
        o[full_words * sizeof(word) + i] = last[i];
    }
    detail::wipe_words(schedule);
    reset();
  }

  [[nodiscard]] constexpr digest_type finish() noexcept {
    digest_type d{};
    finish(d);
    return d;
  }

  // Forgets everything hashed so far.
  constexpr void reset() noexcept {
    wipe();
    state_ = Core::initial_hash;
  }

 private:
  constexpr void wipe() noexcept {
    detail::wipe_words(state_);
    secure_wipe(buffer_);
    length_ = 0;
    buffered_ = 0;
  }

  std::array<word, 8> state_ = Core::initial_hash;
  std::array<std::uint8_t, block_size> buffer_{};
  std::uint64_t length_ = 0;    // bytes hashed so far
  std::size_t buffered_ = 0;    // bytes waiting in buffer_
};

}  // namespace tlswire::reference
