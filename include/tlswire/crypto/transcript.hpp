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
//
// handshake_transcript<P> (below) is the transcript of a handshake whose hash
// is not known yet: it starts with the ClientHello and is told the hash when
// the ServerHello (or HelloRetryRequest) names the suite.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <type_traits>

#include <gsl/assert>

#include "tlswire/crypto/algorithms.hpp"
#include "tlswire/crypto/concepts.hpp"
#include "tlswire/registry/handshake_type.hpp"
#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/error.hpp"
#include "tlswire/wire/result.hpp"

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

// ---------------------------------------------------------------- before the suite is known
// The client hashes its ClientHello before the ServerHello names the suite,
// and so the hash (RFC 8446 §4.4.1: "the Hash function used by ...
// Transcript-Hash ... is the one negotiated"); the same holds for a TLS 1.2
// handshake_messages hash (RFC 5246 §7.4.9: the PRF's hash).
//
// Choice: the candidate hashes run side by side until the suite is known,
// then one is kept (BearSSL does this). The other way, buffering the early
// messages in a caller's span and hashing them once the hash is known, needs
// a buffer as long as the longest ClientHello a peer may send (many KiB with
// post-quantum key shares or many PSK identities) and a refusal when it is
// longer; two running hash states are a few hundred bytes, fixed, and cost
// hashing the first flight twice. So: no buffer, no allocation in this
// class (a provider's hash may allocate in its back end: OpenSSL's does),
//   sizeof(handshake_transcript<P>) ==
//       sizeof(transcript_hash<P::sha256>) + sizeof(transcript_hash<P::sha384>) + 8
// or less (a provider without SHA-384 runs SHA-256 alone;
// tests/crypto/handshake_transcript_test.cpp prints it).
//
// Use:
//   t.update(client_hello);                 // both candidates
//   t.select(hash_id::sha384);              // ServerHello named the suite
//   t.update(server_hello); ...
//   t.current(out);                         // Hash(ClientHello..ServerHello)
// or, after a HelloRetryRequest (RFC 8446 §4.4.1), which names the suite:
//   t.update(client_hello1);
//   t.hello_retry_request(hash_id::sha256); // select, then message_hash
//   t.update(hello_retry_request); t.update(client_hello2); ...
// Inside visit_suite (crypto/visit_suite.hpp) the typed transcript is
// `t.as<typename S::hash>()`, e.g. for a PSK binder's snapshot before the
// hash is selected (RFC 8446 §4.2.11.2).
namespace detail {
// transcript_hash<P::sha384>, or an empty stand-in for a provider without it.
template <class P, bool = provides_hash_family<P, hash_id::sha384>>
struct sha384_transcript {
  struct type {};
};
template <class P>
struct sha384_transcript<P, true> {
  using type = transcript_hash<hash_type<P, hash_id::sha384>>;
};
}  // namespace detail

template <class P>
  requires hash_provider<P>
class handshake_transcript {
  using sha256_transcript = transcript_hash<hash_type<P, hash_id::sha256>>;
  using sha384_transcript = typename detail::sha384_transcript<P>::type;
  static constexpr bool has_sha384 = provides_hash_family<P, hash_id::sha384>;

 public:
  static constexpr std::size_t max_digest_size = has_sha384 ? 48 : 32;

  constexpr handshake_transcript() noexcept = default;

  // Appends whole handshake messages to every hash still running.
  constexpr void update(bytes_view messages) noexcept {
    if (running(hash_id::sha256)) sha256_.update(messages);
    if constexpr (has_sha384)
      if (running(hash_id::sha384)) sha384_.update(messages);
  }

  // The suite is known: keep its hash. Selecting the hash already selected
  // does nothing; another one is illegal_parameter (RFC 8446 §4.1.4: the
  // ServerHello's suite must be the HelloRetryRequest's); a hash P lacks is
  // unsupported / handshake_failure (the transcript is left as it was).
  constexpr status select(hash_id hash) noexcept {
    if (!provides(hash)) return make_error(errc::unsupported, alert_description::handshake_failure, 0);
    if (selected_ && *selected_ != hash)
      return make_error(errc::bad_value, alert_description::illegal_parameter, 0);
    selected_ = hash;
    return {};
  }

  // RFC 8446 §4.4.1: a HelloRetryRequest names the suite, and "the value of
  // ClientHello1 is replaced with a special synthetic handshake message of
  // handshake type "message_hash" containing Hash(ClientHello1)". Call with
  // exactly ClientHello1 fed, before feeding the HelloRetryRequest.
  constexpr status hello_retry_request(hash_id hash) noexcept {
    TLSWIRE_CHECK(select(hash));
    if (hash == hash_id::sha256) {
      sha256_.replace_with_message_hash();
    } else if constexpr (has_sha384) {
      sha384_.replace_with_message_hash();
    }
    return {};
  }

  // A new handshake (TLS 1.2 renegotiation): empty, both hashes running.
  constexpr void reset() noexcept { *this = handshake_transcript{}; }

  // The selected hash, if one is.
  constexpr std::optional<hash_id> selected() const noexcept { return selected_; }

  // Whether `hash` still sees every message: before select(), every hash P
  // has; after, only the selected one.
  constexpr bool running(hash_id hash) const noexcept {
    return provides(hash) && (!selected_ || *selected_ == hash);
  }

  // Transcript-Hash so far with `hash`, which must be running; writes
  // digest_size(hash) bytes into out (exactly that long).
  constexpr void current(hash_id hash, mutable_bytes out) const noexcept {
    Expects(running(hash) && out.size() == digest_size(hash));
    if (hash == hash_id::sha256) {
      sha256_.current(out);
    } else if constexpr (has_sha384) {
      sha384_.current(out);
    }
  }
  // With the selected hash: writes its digest at the front of out (at least
  // max_digest_size long) and returns its length.
  constexpr std::size_t current(mutable_bytes out) const noexcept {
    Expects(selected_.has_value() && out.size() >= digest_size(*selected_));
    const std::size_t n = digest_size(*selected_);
    current(*selected_, out.first(n));
    return n;
  }

  // The typed transcript of hash H (P::sha256 or P::sha384), which must be
  // running: for code that knows the hash as a type (inside visit_suite).
  template <class H>
  constexpr const transcript_hash<H>& as() const noexcept {
    return typed<H>(*this);
  }
  template <class H>
  constexpr transcript_hash<H>& as() noexcept {
    return typed<H>(*this);
  }

 private:
  static constexpr bool provides(hash_id hash) noexcept {
    return hash == hash_id::sha256 || (hash == hash_id::sha384 && has_sha384);
  }

  // as<H>() for both constnesses.
  template <class H, class Self>
  static constexpr auto& typed(Self& self) noexcept {
    if constexpr (std::is_same_v<transcript_hash<H>, sha256_transcript>) {
      Expects(self.running(hash_id::sha256));
      return self.sha256_;
    } else {
      static_assert(std::is_same_v<transcript_hash<H>, sha384_transcript>,
                    "tlswire: handshake_transcript::as<H>: H is not this provider's SHA-256 or SHA-384");
      Expects(self.running(hash_id::sha384));
      return self.sha384_;
    }
  }

  sha256_transcript sha256_{};
  [[no_unique_address]] sha384_transcript sha384_{};
  std::optional<hash_id> selected_;
};

}  // namespace tlswire
