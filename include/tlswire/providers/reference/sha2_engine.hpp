#pragma once
// The part of SHA-256 and SHA-512 that is the same in both (FIPS 180-4 §5):
// buffering input into blocks, the padding, the length field, and writing the
// digest big-endian. Each algorithm supplies a "core" with its word type, its
// initial hash value, its round constants and its sigma functions; the
// compression function written once below runs over them (sha256.hpp,
// sha512.hpp).
//
// Everything is constexpr so key schedules can be checked at compile time, and
// written so that at run time whole blocks go straight from the caller's bytes
// to the compression function (no per-byte buffering, no indirection).
#include <array>
#include <cstddef>
#include <cstdint>

#include <gsl/assert>

#include "tlswire/providers/reference/words.hpp"
#include "tlswire/wire/bytes.hpp"

namespace tlswire::reference {

namespace detail {

// FIPS 180-4 §4.1.2, §4.1.3: Ch and Maj are the same for 32- and 64-bit words.
template <class Word>
constexpr Word ch(Word x, Word y, Word z) noexcept {
  return static_cast<Word>((x & y) ^ (~x & z));
}
template <class Word>
constexpr Word maj(Word x, Word y, Word z) noexcept {
  return static_cast<Word>((x & y) ^ (x & z) ^ (y & z));
}

// FIPS 180-4 §6.2.2 (SHA-256) and §6.4.2 (SHA-512): one block into the hash
// value; the two differ only in what the core supplies (word size, constants
// K, whose count is the number of rounds, and the four sigma functions).
// `w` is the caller's scratch for the message schedule, W[t] kept at
// w[t % 16]; the caller wipes it once it has compressed all it had, rather
// than per block.
template <class Core>
constexpr void sha2_compress(std::array<typename Core::word, 8>& hash, const std::uint8_t* block,
                             std::array<typename Core::word, 16>& w) noexcept {
  using word = typename Core::word;
  constexpr std::size_t rounds = Core::k.size();
  static_assert(rounds % 8 == 0, "rounds are unrolled eight at a time");

  for (std::size_t t = 0; t < 16; ++t) w[t] = load_be<word>(block + sizeof(word) * t);

  word a = hash[0], b = hash[1], c = hash[2], d = hash[3];
  word e = hash[4], f = hash[5], g = hash[6], h = hash[7];
  // One round of step 3 (step 1 folded in for t >= 16). FIPS 180-4 shifts
  // h=g, g=f, ..., a=T1+T2; here the caller rotates the names of the
  // variables instead, eight rounds at a time, so nothing is moved.
  auto round = [&w](std::size_t t, word a_, word b_, word c_, word& d_, word e_, word f_, word g_,
                    word& h_) constexpr {
    if (t >= 16)
      w[t % 16] += Core::small_sigma1(w[(t - 2) % 16]) + w[(t - 7) % 16] +
                   Core::small_sigma0(w[(t - 15) % 16]);
    const word t1 = h_ + Core::big_sigma1(e_) + ch(e_, f_, g_) + Core::k[t] + w[t % 16];
    d_ += t1;                                          // e of the next round
    h_ = t1 + Core::big_sigma0(a_) + maj(a_, b_, c_);  // a of the next round
  };
  for (std::size_t t = 0; t < rounds; t += 8) {
    round(t + 0, a, b, c, d, e, f, g, h);
    round(t + 1, h, a, b, c, d, e, f, g);
    round(t + 2, g, h, a, b, c, d, e, f);
    round(t + 3, f, g, h, a, b, c, d, e);
    round(t + 4, e, f, g, h, a, b, c, d);
    round(t + 5, d, e, f, g, h, a, b, c);
    round(t + 6, c, d, e, f, g, h, a, b);
    round(t + 7, b, c, d, e, f, g, h, a);
  }
  hash[0] += a;
  hash[1] += b;
  hash[2] += c;
  hash[3] += d;
  hash[4] += e;
  hash[5] += f;
  hash[6] += g;
  hash[7] += h;
}

}  // namespace detail

// One SHA-2 hash computation (FIPS 180-4 §6.2 / §6.4), incremental.
//
// Core provides: `word` (std::uint32_t or std::uint64_t), `block_size`,
// `digest_size`, `length_size` (bytes of the message-length field: 8 or 16),
// `initial_hash` (std::array<word, 8>), `k` (std::array<word, rounds>) and
// `static constexpr word big_sigma0(word)`, likewise big_sigma1, small_sigma0
// and small_sigma1 (FIPS 180-4 §4.1.2 / §4.1.3).
//
// The state is a value: copy it to snapshot a running hash (the TLS transcript
// hash needs Hash(messages so far) while more messages follow). Moving is
// copying: a moved-from hash keeps its state and stays usable, as with the
// other providers' hashes. It wipes itself when destroyed and after finish().
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
  // The members are arrays and integers: a move copies them.
  constexpr sha2_hash(sha2_hash&&) noexcept = default;
  constexpr sha2_hash& operator=(sha2_hash&&) noexcept = default;
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
      detail::sha2_compress<Core>(state_, buffer_.data(), schedule);
      buffered_ = 0;
    }
    // Whole blocks are compressed where they lie in the caller's memory.
    for (; n >= block_size; p += block_size, n -= block_size)
      detail::sha2_compress<Core>(state_, p, schedule);
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
      detail::sha2_compress<Core>(state_, buffer_.data(), schedule);
      buffered_ = 0;
    }
    for (std::size_t i = buffered_; i < block_size - 8; ++i) buffer_[i] = 0;
    if constexpr (Core::length_size == 16) detail::store_be(&buffer_[block_size - 16], bits_high);
    detail::store_be(&buffer_[block_size - 8], bits_low);
    detail::sha2_compress<Core>(state_, buffer_.data(), schedule);

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
