#pragma once
// The handshake transcript hash (RFC 8446 §4.4.1, RFC 5246 §7.4.9
// handshake_messages), over a provider's hash type.
//
// Handshake messages are fed as they are sent or received, whole, with their
// 4-byte handshake headers (never record headers). current() reads the hash
// so far without ending it: a copy of the running state is finished, which is
// how one transcript serves every Derive-Secret and Finished of a handshake.
//
// HelloRetryRequest (RFC 8446 §4.4.1): after ClientHello1 has been fed and an
// HRR arrives, replace_with_message_hash() turns the transcript into
//   message_hash(254) || 00 00 Hash.length || Hash(ClientHello1)
// and the HRR and everything after it are fed as usual.
#include <array>
#include <cstddef>
#include <cstdint>

#include "tlswire/crypto/concepts.hpp"
#include "tlswire/registry/handshake_type.hpp"
#include "tlswire/wire/bytes.hpp"

namespace tlswire {

// RFC 8446 §4.4.1 Transcript-Hash(M1, M2, ... Mn) = Hash(M1 || M2 || ... || Mn).
template <class H>
  requires hash_function<H>
class transcript_hash {
 public:
  static constexpr std::size_t digest_size = H::digest_size;
  using digest = std::array<std::uint8_t, digest_size>;

  constexpr transcript_hash() noexcept = default;

  // Appends one or more whole handshake messages.
  constexpr void update(bytes_view messages) noexcept {
    state_.update(messages);
    length_ += messages.size();
  }

  // Transcript-Hash of everything fed so far; the transcript goes on.
  // Copyable state: the running hash is copied and the copy finished.
  constexpr void current(mutable_bytes out) const noexcept {
    H snapshot = state_;
    snapshot.finish(out);
  }
  constexpr digest current() const noexcept {
    digest d{};
    current(mutable_bytes(d.data(), d.size()));
    return d;
  }

  // A snapshot of the whole transcript, to continue two ways (e.g. the PSK
  // binder's partial ClientHello, RFC 8446 §4.2.11.2).
  constexpr transcript_hash snapshot() const noexcept { return *this; }

  // RFC 8446 §4.4.1: "When the server responds to a ClientHello with a
  // HelloRetryRequest, the value of ClientHello1 is replaced with a special
  // synthetic handshake message of handshake type "message_hash" containing
  // Hash(ClientHello1)." Call with exactly ClientHello1 fed so far.
  constexpr void replace_with_message_hash() noexcept {
    const digest client_hello1 = current();
    state_ = H{};
    length_ = 0;
    const std::array<std::uint8_t, 4> header{
        static_cast<std::uint8_t>(handshake_type::message_hash), 0, 0,
        static_cast<std::uint8_t>(digest_size)};
    update(bytes_view(header.data(), header.size()));
    update(bytes_view(client_hello1.data(), client_hello1.size()));
  }

  // Bytes fed since the start (or since the message_hash substitution,
  // counting its 4 + Hash.length bytes).
  constexpr std::size_t length() const noexcept { return length_; }

 private:
  H state_{};
  std::size_t length_ = 0;
};

}  // namespace tlswire
