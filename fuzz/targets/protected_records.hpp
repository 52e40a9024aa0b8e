#pragma once
// Fuzz target: AEAD record protection (crypto/record_protection.hpp) of
// TLS 1.3 (RFC 8446 §5.2-§5.5) and TLS 1.2 (RFC 5246 §6.2.3.3), driven by
// the insecure null provider, whose AEAD is the identity and accepts any
// tag — so every fuzzed record gets past authentication and the code after
// it (inner plaintext, padding, limits, sequence numbers) is reached.
//
// Input: one selector byte (bit 0: TLS 1.2 rather than 1.3; bits 1-2: the
// AEAD, which sets the tag size and TLS 1.2's explicit nonce; bit 3: a
// record_size_limit of 64 instead of 2^14), then a stream of records.
// Each complete record is opened in order, in place and out of place.
//
// Oracles: both ways give the same verdict and content; a refusal obeys the
// error contract, a bad_record_mac leaves the sequence number unchanged, a
// success advances it by one; the content lies inside the output; and sealing that content
// again at the same sequence number rebuilds the record byte for byte, except
// for what the sender chooses freely (the tag, which the null AEAD writes as
// zeros, and TLS 1.2's explicit nonce).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "../oracle.hpp"
#include "../../tests/support/record_protection_access.hpp"
#include "tlswire/crypto/record_protection.hpp"
#include "tlswire/providers/null_provider.hpp"
#include "tlswire/record/record_splitter.hpp"

namespace tlswire::fuzz::protected_records {

using null_p = insecure_null_provider_for_fuzzing;

inline constexpr aead_id aeads[] = {aead_id::aes_128_gcm, aead_id::chacha20_poly1305, aead_id::aes_128_ccm_8,
                                    aead_id::aes_256_gcm};

template <class Protection>
void key(Protection& p, bool tls12, aead_id aead, record_limits limits) {
  const std::vector<std::uint8_t> k(aead_key_size(aead), 0x4b);
  const std::vector<std::uint8_t> iv(tls12 && aead != aead_id::chacha20_poly1305 ? 4 : aead_nonce_size, 0x1f);
  const status s = p.set_key(aead, bytes_view(k.data(), k.size()), bytes_view(iv.data(), iv.size()), limits);
  if (!s.ok()) std::abort();
}

// Opens `wire` with a direction at sequence `seq`; returns the result and
// checks the sequence number moved only on success.
template <class Protection>
result<opened_record> open_at(bool tls12, aead_id aead, record_limits limits, std::uint64_t seq, bytes_view wire,
                              mutable_bytes out, bytes_view input) {
  Protection p;
  key(p, tls12, aead, limits);
  record_protection_test_access::set_sequence(p, record_sequence{seq});
  const auto opened = p.open(wire, out);
  // A record that opens counts; one that fails to authenticate does not
  // (a forgery must not move the receiver). One that authenticates but holds
  // a bad inner plaintext may count or not: the connection ends either way.
  if (opened.ok())
    require(p.sequence().next() == seq + 1, "a record that opened did not advance the sequence number", input);
  else if (opened.error().code == errc::bad_record_mac)
    require(p.sequence().next() == seq, "a record that failed to authenticate advanced the sequence number", input);
  return opened;
}

template <class Protection>
void run_stream(bytes_view records, bool tls12, aead_id aead, record_limits limits, bytes_view input) {
  record_splitter splitter(record_limits{tls12 ? record_form::tls12 : record_form::tls13, limits.max_plaintext});
  bytes_view rest = records;
  for (std::uint64_t seq = 0;; ++seq) {
    const auto step = splitter.next(rest);
    if (!step.ok() || !step->complete()) return;
    const bytes_view wire = step->wire;
    rest = rest.subspan(step->consumed);

    std::vector<std::uint8_t> out(wire.size());
    const auto apart = open_at<Protection>(tls12, aead, limits, seq, wire, mutable_bytes(out.data(), out.size()), input);
    std::vector<std::uint8_t> copy(wire.begin(), wire.end());
    Protection probe;
    key(probe, tls12, aead, limits);
    std::size_t offset = 0;
    if constexpr (requires { probe.content_offset(); }) offset = probe.content_offset();
    else offset = Protection::content_offset;
    const std::size_t room = copy.size() > offset ? copy.size() - offset : 0;
    const auto in_place = open_at<Protection>(tls12, aead, limits, seq, bytes_view(copy.data(), copy.size()),
                                              mutable_bytes(copy.data() + offset, room), input);
    require(apart.ok() == in_place.ok(), "in-place and out-of-place open disagree", input);
    if (!apart.ok()) {
      check_parse_error(apart.error(), input);
      require(apart.error() == in_place.error(), "in-place and out-of-place open fail differently", input);
      return;  // a peer stops at the first bad record
    }
    require(equal_bytes(apart->content, in_place->content) && apart->type == in_place->type &&
                apart->padding == in_place->padding,
            "in-place and out-of-place open give different content", input);
    require(apart->content.empty() ||
                (apart->content.data() >= out.data() && apart->content.data() + apart->content.size() <= out.data() + out.size()),
            "opened content lies outside plaintext_out", input);

    // Seal it again at the same sequence number.
    Protection sealer;
    key(sealer, tls12, aead, limits);
    record_protection_test_access::set_sequence(sealer, record_sequence{seq});
    std::vector<std::uint8_t> resealed(wire.size() + 64);
    result<std::size_t> n = std::size_t{0};
    if constexpr (requires { sealer.content_offset(); })
      n = sealer.seal(apart->type, apart->legacy_record_version, apart->content,
                      mutable_bytes(resealed.data(), resealed.size()));
    else
      n = sealer.seal(apart->type, apart->content, mutable_bytes(resealed.data(), resealed.size()), apart->padding);
    require(n.ok(), "an opened record's content does not seal again", input);
    require(*n == wire.size(), "resealing changed the record's length", input);
    const std::size_t tag = aead_tag_size(aead);
    // The header: type and length always; the version only in TLS 1.2 (a
    // TLS 1.3 sender always writes 0x0303, RFC 8446 §5.2, and a receiver
    // ignores what it got, §5.1).
    require(resealed[0] == wire[0] && resealed[3] == wire[3] && resealed[4] == wire[4],
            "resealing changed the record's type or length", input);
    if (tls12) require(resealed[1] == wire[1] && resealed[2] == wire[2], "resealing changed the record version", input);
    require(equal_bytes(bytes_view(resealed.data() + offset, *n - offset - tag),
                        wire.subspan(offset, wire.size() - offset - tag)),
            "resealing changed the ciphertext", input);
  }
}

inline void run(bytes_view in) {
  current_target() = "protected_records";
  const std::uint8_t selector = take_selector(in);
  const bool tls12 = (selector & 1) != 0;
  const aead_id aead = aeads[(selector >> 1) & 3];
  const record_limits limits{tls12 ? record_form::tls12 : record_form::tls13,
                             (selector & 8) != 0 ? std::size_t{64} : max_plaintext_length};
  if (tls12)
    run_stream<tls12_aead_record_protection<null_p>>(in, true, aead, limits, in);
  else
    run_stream<tls13_record_protection<null_p>>(in, false, aead, limits, in);
}

}  // namespace tlswire::fuzz::protected_records
