#pragma once
// Record decryption for the dissector: the library's key schedules and AEAD
// record protection over the OpenSSL provider.
//  - TLS 1.3 (RFC 8446 §7.3, §5.2): traffic keys from a key log's traffic
//    secret (tls13_key_schedule::traffic_keys_for), records opened by
//    tls13_record_protection (nonce = iv XOR sequence number, additional
//    data = the header, TLSInnerPlaintext stripped); KeyUpdate moves to
//    next_application_traffic_secret (RFC 8446 §7.2).
//  - TLS 1.2 AEAD suites (RFC 5246 §6.3, RFC 5288, RFC 7905): the key block
//    from a key log's master secret (tls12_key_schedule::from_master_secret),
//    records opened by tls12_aead_record_protection.
// The key log's secrets are checked for length here: the schedules take
// a wrong length as a programmer error. The suite's hash and AEAD come from
// the library's run-time dispatch (crypto/visit_suite.hpp), the transcript
// from handshake_transcript (crypto/transcript.hpp).
#include <memory>
#include <optional>
#include <vector>

#include "tlswire/crypto/record_protection.hpp"
#include "tlswire/crypto/suite_algorithms.hpp"
#include "tlswire/crypto/tls12_key_schedule.hpp"
#include "tlswire/crypto/tls13_key_schedule.hpp"
#include "tlswire/crypto/transcript.hpp"
#include "tlswire/crypto/visit_suite.hpp"
#include "tlswire/providers/openssl.hpp"
#include "tlswire/registry/cipher_suite.hpp"

namespace tlswire_dump {

using provider = tlswire::openssl_provider;
using transcript = tlswire::handshake_transcript<provider>;

// One direction's read keys.
class record_keys {
 public:
  // RFC 8446 §7.3: the keys of one traffic secret; the sequence restarts at 0.
  bool set_tls13(const tlswire::cipher_suite_info& suite, tlswire::bytes_view secret) {
    auto protection = std::make_unique<tlswire::tls13_record_protection<provider>>();
    const auto keyed = tlswire::visit_suite<provider>(suite.suite, [&](auto s) -> tlswire::status {
      using schedule = tlswire::tls13_key_schedule<provider, typename decltype(s)::hash>;
      if (secret.size() != schedule::hash_length) return tlswire::make_error(tlswire::errc::bad_value, 0);
      return protection->set_key(s.aead, schedule::traffic_keys_for(secret, s.aead));
    });
    if (!keyed) return false;
    *this = record_keys{};
    suite_ = suite;
    secret_.assign(secret.begin(), secret.end());
    tls13_ = std::move(protection);
    return true;
  }

  // RFC 8446 §7.2: application_traffic_secret_N+1 after a KeyUpdate.
  bool update_tls13() {
    if (!tls13_) return false;
    std::vector<std::uint8_t> next;
    (void)tlswire::visit_suite<provider>(suite_.suite, [&](auto s) -> tlswire::status {
      using schedule = tlswire::tls13_key_schedule<provider, typename decltype(s)::hash>;
      const auto n = schedule::next_application_traffic_secret(secret_);
      next.assign(n.view().begin(), n.view().end());
      return {};
    });
    const auto suite = suite_;
    return set_tls13(suite, next);
  }

  // RFC 5246 §6.3: both directions' keys from the master secret.
  static bool set_tls12(const tlswire::cipher_suite_info& suite, tlswire::bytes_view master_secret,
                        tlswire::bytes_view client_random, tlswire::bytes_view server_random, record_keys& client,
                        record_keys& server) {
    if (master_secret.size() != tlswire::tls12_master_secret_size ||
        client_random.size() != tlswire::tls12_random_size || server_random.size() != tlswire::tls12_random_size)
      return false;
    return tlswire::visit_suite<provider>(suite.suite, [&](auto s) -> tlswire::status {
             if constexpr (decltype(s)::tls13) {
               return tlswire::make_error(tlswire::errc::unsupported, 0);
             } else {
               const auto schedule = tlswire::tls12_key_schedule<provider, typename decltype(s)::hash>::from_master_secret(
                   master_secret);
               TLSWIRE_TRY(const auto block, schedule.key_block(suite, client_random, server_random));
               client = record_keys{};
               server = record_keys{};
               client.tls12_ = std::make_unique<tlswire::tls12_aead_record_protection<provider>>();
               server.tls12_ = std::make_unique<tlswire::tls12_aead_record_protection<provider>>();
               TLSWIRE_CHECK(client.tls12_->set_key(s.aead, block.client_write_key(), block.client_write_iv()));
               return server.tls12_->set_key(s.aead, block.server_write_key(), block.server_write_iv());
             }
           })
        .ok();
  }

  bool ready() const { return tls13_ || tls12_; }
  bool tls13() const { return static_cast<bool>(tls13_); }

  // Opens one whole record (header included) into `out`: the content type,
  // content (a view of `out`) and TLS 1.3 padding; `inner` is the whole
  // decrypted TLSInnerPlaintext (1.3) for the round-trip check. A record
  // that does not authenticate is bad_record_mac; the sequence number then
  // stays where it was.
  tlswire::result<tlswire::opened_record> open(tlswire::bytes_view wire, std::vector<std::uint8_t>& out,
                                               tlswire::bytes_view& inner) {
    out.assign(wire.size(), 0);
    auto opened = tls13_ ? tls13_->open(wire, tlswire::mutable_bytes(out)) : tls12_->open(wire, tlswire::mutable_bytes(out));
    if (opened && tls13_) {
      const std::size_t tag = wire.size() - tlswire::record_header_size - (opened->content.size() + 1 + opened->padding);
      inner = tlswire::bytes_view(out).first(wire.size() - tlswire::record_header_size - tag);
    } else if (opened) {
      inner = opened->content;
    }
    return opened;
  }

 private:
  tlswire::cipher_suite_info suite_{};
  std::vector<std::uint8_t> secret_;  // the current TLS 1.3 traffic secret
  std::unique_ptr<tlswire::tls13_record_protection<provider>> tls13_;
  std::unique_ptr<tlswire::tls12_aead_record_protection<provider>> tls12_;
};

// RFC 8446 §4.4.4: does a TLS 1.3 Finished match HMAC(finished_key, transcript
// hash), the finished_key from the sender's handshake traffic secret?
// Nothing when it cannot be checked (secret missing or of the wrong length,
// transcript not on the suite's hash).
inline std::optional<bool> tls13_finished_matches(const tlswire::cipher_suite_info& suite,
                                                  tlswire::bytes_view handshake_traffic_secret,
                                                  const transcript& messages, tlswire::bytes_view received) {
  const auto hash = tlswire::hash_of(suite);
  if (!hash || messages.selected() != *hash) return std::nullopt;
  const auto verdict = tlswire::visit_hash<provider>(*hash, [&](auto h) -> tlswire::result<bool> {
    using H = typename decltype(h)::type;
    using schedule = tlswire::tls13_key_schedule<provider, H>;
    if (handshake_traffic_secret.size() != schedule::hash_length) return tlswire::make_error(tlswire::errc::bad_value, 0);
    const auto digest = messages.as<H>().current();
    return schedule::verify_finished(handshake_traffic_secret, tlswire::as_view(digest), received).ok();
  });
  return verdict ? std::optional<bool>(*verdict) : std::nullopt;
}

// RFC 5246 §7.4.9: does a TLS 1.2 Finished match PRF(master_secret,
// finished_label, Hash(handshake_messages))?
inline std::optional<bool> tls12_finished_matches(const tlswire::cipher_suite_info& suite,
                                                  tlswire::bytes_view master_secret, bool from_client,
                                                  const transcript& messages, tlswire::bytes_view received) {
  const auto hash = tlswire::hash_of(suite);
  if (suite.tls13 || master_secret.size() != tlswire::tls12_master_secret_size || !hash ||
      messages.selected() != *hash)
    return std::nullopt;
  const auto verdict = tlswire::visit_hash<provider>(*hash, [&](auto h) -> tlswire::result<bool> {
    using H = typename decltype(h)::type;
    const auto schedule = tlswire::tls12_key_schedule<provider, H>::from_master_secret(master_secret);
    const auto digest = messages.as<H>().current();
    return schedule
        .verify_finished(from_client ? tlswire::tls12_sender::client : tlswire::tls12_sender::server,
                         tlswire::as_view(digest), received, suite.verify_data_length())
        .ok();
  });
  return verdict ? std::optional<bool>(*verdict) : std::nullopt;
}

}  // namespace tlswire_dump
