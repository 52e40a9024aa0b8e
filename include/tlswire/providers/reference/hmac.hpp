#pragma once
// HMAC (RFC 2104), constexpr, over any incremental hash of this folder's shape.
#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>

#include <gsl/assert>

#include "tlswire/wire/bytes.hpp"

namespace tlswire::reference {

// What HMAC and HKDF need of a hash: the sizes, incremental update/finish,
// and value semantics so a keyed state can be copied and reused.
template <class H>
concept incremental_hash = std::default_initializable<H> && std::copyable<H> &&
    requires(H h, bytes_view in, mutable_bytes out) {
      { H::digest_size } -> std::convertible_to<std::size_t>;
      { H::block_size } -> std::convertible_to<std::size_t>;
      h.update(in);
      h.finish(out);
    };

// HMAC_K(text) = H((K ^ opad) || H((K ^ ipad) || text))  — RFC 2104 §2.
//
// init(key) hashes the padded key into an inner and an outer state once; a
// keyed hmac can then be copied to MAC several messages under the same key
// without rehashing the key (HKDF-Expand and the TLS 1.2 PRF do this).
// finish() consumes the keying: call init() again (or use a copy) to reuse.
template <incremental_hash Hash>
class hmac {
 public:
  using hash_type = Hash;
  static constexpr std::size_t digest_size = Hash::digest_size;
  static constexpr std::size_t block_size = Hash::block_size;
  using digest_type = std::array<std::uint8_t, digest_size>;
  static_assert(digest_size <= block_size, "RFC 2104 §2 assumes L <= B");

  constexpr explicit hmac(bytes_view key) noexcept { init(key); }

  // HMAC over `data` under `key` in one call; `out` is digest_size bytes.
  static constexpr void mac(bytes_view key, bytes_view data, mutable_bytes out) noexcept {
    hmac m(key);
    m.update(data);
    m.finish(out);
  }
  [[nodiscard]] static constexpr digest_type mac(bytes_view key, bytes_view data) noexcept {
    digest_type d{};
    mac(key, data, d);
    return d;
  }

  // RFC 2104 §2 steps (1)-(2) and the first half of (3)/(6): a key longer than
  // B is replaced by its hash; then it is zero-padded to B bytes and XORed
  // with ipad (0x36) for the inner hash and opad (0x5c) for the outer.
  constexpr void init(bytes_view key) noexcept {
    std::array<std::uint8_t, block_size> block{};
    if (key.size() > block_size) {
      Hash h;
      h.update(key);
      h.finish(mutable_bytes(block.data(), digest_size));
    } else {
      for (std::size_t i = 0; i < key.size(); ++i) block[i] = key.data()[i];
    }
    for (auto& b : block) b ^= 0x36;
    inner_ = Hash{};
    inner_.update(block);
    for (auto& b : block) b ^= 0x36 ^ 0x5c;
    outer_ = Hash{};
    outer_.update(block);
    secure_wipe(block);
  }

  // RFC 2104 §2 step (3): the text.
  constexpr void update(bytes_view data) noexcept { inner_.update(data); }

  // RFC 2104 §2 steps (4)-(7). `out` is exactly digest_size bytes and may
  // alias the key given to init().
  constexpr void finish(mutable_bytes out) noexcept {
    Expects(out.size() == digest_size);
    digest_type inner_digest{};
    inner_.finish(inner_digest);
    outer_.update(inner_digest);
    outer_.finish(out);
    secure_wipe(inner_digest);
  }
  [[nodiscard]] constexpr digest_type finish() noexcept {
    digest_type d{};
    finish(d);
    return d;
  }

 private:
  Hash inner_;  // H((K ^ ipad) || text ...), running
  Hash outer_;  // H((K ^ opad) ...), waiting for the inner digest
};

}  // namespace tlswire::reference
