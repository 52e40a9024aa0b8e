#pragma once
// The sans-IO TLS 1.3 client engine (RFC 8446 §2, §A.1), over a crypto
// provider P and a compile-time configuration (engine/config.hpp):
//
//   client<openssl_provider> c(provider, buffers, options);  // writes ClientHello
//   ... the loop of engine/connection.hpp ...
//
// Handshake: ClientHello with one key share (Config::groups' first), a
// HelloRetryRequest answered once (RFC 8446 §4.1.4), ServerHello,
// EncryptedExtensions, [CertificateRequest → an empty Certificate],
// Certificate (checked by the caller's hook), CertificateVerify (verified
// through the provider against the leaf's key), Finished both ways.
// Middlebox compatibility (RFC 8446 §D.4) when Config asks for it.
// Post-handshake: NewSessionTicket is read and dropped (no resumption yet),
// KeyUpdate is answered.
#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "tlswire/engine/connection.hpp"
#include "tlswire/extensions/alpn.hpp"
#include "tlswire/extensions/cookie.hpp"
#include "tlswire/extensions/key_share.hpp"
#include "tlswire/extensions/server_name.hpp"
#include "tlswire/extensions/signature_algorithms.hpp"
#include "tlswire/extensions/supported_groups.hpp"
#include "tlswire/extensions/supported_versions.hpp"
#include "tlswire/messages/certificate.hpp"
#include "tlswire/messages/certificate_request.hpp"
#include "tlswire/messages/certificate_verify.hpp"
#include "tlswire/messages/client_hello.hpp"
#include "tlswire/messages/encrypted_extensions.hpp"
#include "tlswire/messages/finished.hpp"
#include "tlswire/messages/new_session_ticket.hpp"
#include "tlswire/messages/server_hello.hpp"
#include "tlswire/messages/signature_policy.hpp"
#include "tlswire/messages/validate_hello.hpp"
#include "tlswire/x509/certificate.hpp"

namespace tlswire::engine {

// The caller's decision on the server's chain (RFC 8446 §4.4.2.4): ok, or an
// error whose alert is sent (bad_certificate, unknown_ca, certificate_expired,
// ...). x509/verify's verify_chain plugs in here; so does pinning.
using certificate_check = function_ref<status(const tls13_certificate& chain)>;

struct client_options {
  bytes_view server_name{};                // RFC 6066 SNI host name; empty: not sent
  gsl::span<const protocol_name> alpn{};   // RFC 7301 protocols offered; empty: not sent
  certificate_check check_certificate{};   // required: without it every chain is refused
  keylog_hook keylog{};
  handshake_observer observer{};  // narration / debugging (engine/observer.hpp), off by default
};

namespace client_detail {

inline constexpr std::array<protocol_version, 1> tls13_only{protocol_version::tls13};
inline constexpr std::array<compression_method, 1> null_compression{compression_method::null};

// The ClientHello's extensions (RFC 8446 §4.1.2, §9.2), written straight
// into the record: each typed extension encodes itself.
template <class Config>
struct hello_extensions {
  bytes_view server_name{};
  gsl::span<const protocol_name> alpn{};
  key_share_entry share{};
  bytes_view cookie{};

  constexpr void encode(writer& w) const {
    w.block(8, 65535, [&](writer& b) {
      if (!server_name.empty()) {
        const std::array names{server_name_entry{name_type::host_name, {server_name}}};
        encode_extension(b, server_name_client_hello{names});
      }
      encode_extension(b, supported_versions_client_hello{tls13_only});
      encode_extension(b, supported_groups{Config::groups});
      encode_extension(b, signature_algorithms{Config::signature_schemes});
      const std::array shares{share};
      encode_extension(b, key_share_client_hello{shares});
      if (!alpn.empty()) encode_extension(b, alpn_ext{alpn});
      if (!cookie.empty()) encode_extension(b, tlswire::cookie{{cookie}});
    });
  }
  using alpn_ext = application_layer_protocol_negotiation;
};

}  // namespace client_detail

template <class P, class Config = default_config>
class client : public connection<client<P, Config>, P, Config> {
  using base = connection<client<P, Config>, P, Config>;
  friend base;

 public:
  static constexpr const auto& table = client_table;
  static constexpr bool is_client = true;

  // Draws the random and key share and writes ClientHello into the output
  // buffer; a failure there leaves the engine failed (failure() says why).
  client(P& provider, engine_buffers buffers, client_options options) noexcept
      : base(provider, buffers, handshake_state::client_start, options.keylog, options.observer), options_(options) {
    this->summary_.server_name = options.server_name;
    if (const status s = start(); !s) this->fail(s.error());
  }

 private:
  using typename base::keys256;

  status start() {
    TLSWIRE_CHECK(this->provider_.random(this->client_random_));
    if constexpr (Config::middlebox_compatibility) {
      // RFC 8446 §D.4: a non-empty legacy_session_id (any 32 bytes).
      TLSWIRE_CHECK(this->provider_.random(session_id_));
    }
    this->state_ = handshake_state::wait_server_hello;
    return send_client_hello(Config::groups[0], {});
  }

  // RFC 8446 §4.1.2 ClientHello (the first, or the second after a
  // HelloRetryRequest with the group and cookie it asked for).
  status send_client_hello(named_group group, bytes_view cookie) {
    group_ = group;
    std::array<std::uint8_t, 97> public_value{};
    const mutable_bytes share(public_value.data(), key_share_size(group));
    share_key_ = {};
    TLSWIRE_CHECK(this->provider_.generate_key_share(group, share_key_, share));

    basic_client_hello<client_detail::hello_extensions<Config>> hello;
    hello.random = as_view(this->client_random_);
    hello.session_id = {bytes_view(session_id_.data(), Config::middlebox_compatibility ? session_id_.size() : 0)};
    hello.cipher_suites = Config::cipher_suites;
    hello.compression_methods = client_detail::null_compression;
    hello.extensions = {options_.server_name, options_.alpn, key_share_entry{group, {share}}, cookie};
    // Before the ServerHello names the suite, every candidate hash runs.
    bytes_view sent{};
    TLSWIRE_CHECK(this->emit(content_type::handshake, [&](writer& w) { sent = this->write_message(w, hello); }));
    // Kept until the ServerHello, EncryptedExtensions and Certificate are checked against it.
    sent_hello_ = this->keep(sent);
    if (sent_hello_.empty()) return make_error(errc::buffer_too_small, no_offset);
    return {};
  }

  result<client_hello> sent_client_hello() const {
    TLSWIRE_TRY(const handshake_message m, read_handshake(sent_hello_));
    return parse_message<client_hello>(m);
  }

  status on_message(const handshake_message& m) {
    switch (m.type) {
      case handshake_type::server_hello: return on_server_hello(m);
      case handshake_type::encrypted_extensions: return on_encrypted_extensions(m);
      case handshake_type::certificate_request: return on_certificate_request(m);
      case handshake_type::certificate: return on_certificate(m);
      case handshake_type::certificate_verify: return on_certificate_verify(m);
      case handshake_type::finished: return on_finished(m);
      case handshake_type::new_session_ticket: {
        // No resumption yet: checked for syntax, then dropped.
        TLSWIRE_TRY(const tls13_new_session_ticket ticket, parse_message<tls13_new_session_ticket>(m));
        (void)ticket;
        return {};
      }
      case handshake_type::key_update:
        return this->with_keys([&](auto& k) { return this->on_key_update(k, m); });
      default: return make_error(errc::unexpected_message, 0);
    }
  }

  // RFC 8446 §4.1.3 / §4.1.4 ServerHello or HelloRetryRequest.
  status on_server_hello(const handshake_message& m) {
    TLSWIRE_TRY(const server_hello sh, parse_message<server_hello>(m));
    const bool retried = this->state_ == handshake_state::wait_server_hello_2;
    // RFC 8446 §4.1.4: a second HelloRetryRequest is unexpected_message,
    // whatever else is wrong with it.
    if (retried && sh.is_hello_retry_request()) return make_error(errc::unexpected_message, 0);
    TLSWIRE_TRY(const client_hello ch, sent_client_hello());
    TLSWIRE_CHECK(validate(sh, ch));
    TLSWIRE_TRY(const protocol_version version, negotiated_version(sh));
    // This engine speaks TLS 1.3 only (RFC 8446 §4.2.1: protocol_version).
    if (version != protocol_version::tls13) return make_error(errc::bad_value, alert_description::protocol_version, 0);
    // RFC 8446 §4.1.4: the ServerHello keeps the HRR's suite.
    if (retried && sh.suite != this->suite_.suite)
      return make_error(errc::bad_value, alert_description::illegal_parameter, 0);
    TLSWIRE_CHECK(this->choose_suite(sh.suite));
    if (sh.is_hello_retry_request()) return on_hello_retry_request(sh, m);

    TLSWIRE_TRY(const key_share_server_hello share, sh.extensions.get<key_share_server_hello>());
    if (share.server_share.group != group_) return make_error(errc::bad_value, alert_description::illegal_parameter, 0);
    secret<48> shared(shared_secret_size(group_));
    TLSWIRE_CHECK(this->provider_.derive_shared_secret(share_key_, share.server_share.key_exchange.bytes, shared.span()));
    share_key_ = {};
    this->summary_.group = group_;
    this->state_ = handshake_state::wait_encrypted_extensions;
    TLSWIRE_CHECK(this->transcript_.select(this->suite_.hash));
    this->transcript_.update(m.raw);
    return this->with_keys([&](auto& k) -> status {
      using keys = std::remove_cvref_t<decltype(k)>;
      TLSWIRE_CHECK(this->derive_handshake_secrets(k, shared.view()));
      // Our alerts from here on go under the handshake keys (the server reads with them).
      TLSWIRE_CHECK(this->template install_write<keys>(k.client_handshake.view()));
      return this->template install_read<keys>(k.server_handshake.view());
    });
  }

  // RFC 8446 §4.1.4: answer with a second ClientHello carrying a share for
  // the group asked for, and the cookie when one came; the transcript's
  // ClientHello1 becomes a message_hash (RFC 8446 §4.4.1).
  status on_hello_retry_request(const server_hello& hrr, const handshake_message& m) {
    named_group group = group_;
    if (hrr.extensions.contains(extension_type::key_share)) {
      TLSWIRE_TRY(const key_share_hello_retry_request asked, hrr.extensions.get<key_share_hello_retry_request>());
      group = asked.selected_group;
    }
    // validate() checked the group was offered without a share, so it is one of ours.
    if (!contains(Config::groups, group) || group == group_)
      return make_error(errc::bad_value, alert_description::illegal_parameter, 0);
    bytes_view cookie{};
    if (hrr.extensions.contains(extension_type::cookie)) {
      TLSWIRE_TRY(const tlswire::cookie c, hrr.extensions.get<tlswire::cookie>());
      cookie = c.cookie.bytes;
    }
    TLSWIRE_CHECK(this->transcript_.hello_retry_request(this->suite_.hash));
    this->transcript_.update(m.raw);
    this->state_ = handshake_state::wait_server_hello_2;
    if constexpr (Config::middlebox_compatibility) TLSWIRE_CHECK(this->send_change_cipher_spec());
    return send_client_hello(group, cookie);
  }

  // RFC 8446 §4.3.1
  status on_encrypted_extensions(const handshake_message& m) {
    TLSWIRE_TRY(const encrypted_extensions ee, parse_message<encrypted_extensions>(m));
    TLSWIRE_TRY(const client_hello ch, sent_client_hello());
    TLSWIRE_CHECK(validate(ee, ch.extensions));
    if (ee.extensions.contains(extension_type::application_layer_protocol_negotiation)) {
      // RFC 7301 §3.1: exactly one protocol, one the client offered.
      TLSWIRE_TRY(const alpn chosen, ee.extensions.get<alpn>());
      TLSWIRE_CHECK(validate_server(chosen));
      const bytes_view name = chosen.protocol_name_list.begin()->bytes;
      for (const protocol_name& offered : options_.alpn)
        if (equal_bytes(offered.bytes, name)) this->summary_.alpn = offered.bytes;
      if (this->summary_.alpn.empty()) return make_error(errc::bad_value, alert_description::illegal_parameter, 0);
    }
    this->transcript_.update(m.raw);
    this->state_ = handshake_state::wait_certificate_or_request;
    return {};
  }

  // RFC 8446 §4.3.2: in the handshake the context "SHALL be zero length".
  // This client has no certificate: it answers with an empty Certificate.
  status on_certificate_request(const handshake_message& m) {
    TLSWIRE_TRY(const tls13_certificate_request request, parse_message<tls13_certificate_request>(m));
    if (!request.certificate_request_context.empty())
      return make_error(errc::bad_value, alert_description::illegal_parameter, 0);
    certificate_requested_ = true;
    this->transcript_.update(m.raw);
    this->state_ = handshake_state::wait_certificate;
    return {};
  }

  // RFC 8446 §4.4.2: the server's chain, kept for CertificateVerify and the
  // summary, and handed to the caller's check.
  status on_certificate(const handshake_message& m) {
    TLSWIRE_TRY(const tls13_certificate received, parse_message<tls13_certificate>(m, certificate_type::x509));
    TLSWIRE_TRY(const client_hello ch, sent_client_hello());
    TLSWIRE_CHECK(validate(received, sender::server, ch.extensions));
    this->transcript_.update(m.raw);
    // The ClientHello is no longer needed: the keep buffer takes the chain.
    sent_hello_ = {};
    const bytes_view kept = this->keep(m.raw);
    if (kept.empty()) return make_error(errc::buffer_too_small, no_offset);
    TLSWIRE_TRY(const handshake_message copy, read_handshake(kept));
    TLSWIRE_TRY(const tls13_certificate chain, parse_message<tls13_certificate>(copy, certificate_type::x509));
    this->summary_.peer_certificates = chain;
    const auto leaf = parse_x509(chain.certificate_list.begin()->cert_data.bytes);
    if (!leaf) return make_error(leaf.error().code, alert_description::bad_certificate, leaf.error().offset);
    peer_key_ = leaf->public_key.raw;
    // Fail closed: no hook, no trust.
    if (!options_.check_certificate) return make_error(errc::bad_value, alert_description::certificate_unknown, no_offset);
    TLSWIRE_CHECK(options_.check_certificate(chain));
    this->state_ = handshake_state::wait_certificate_verify;
    return {};
  }

  // RFC 8446 §4.4.3: a scheme we offered that fits the leaf's key
  // (messages/signature_policy.hpp: illegal_parameter, or
  // unsupported_certificate for a key it cannot use), and a signature by that
  // key over the transcript through Certificate (decrypt_error when it does
  // not verify).
  status on_certificate_verify(const handshake_message& m) {
    TLSWIRE_TRY(const certificate_verify cv, parse_message<certificate_verify>(m, protocol_version::tls13));
    // The leaf parsed in on_certificate; it lives in the keep buffer.
    TLSWIRE_TRY(const x509::certificate leaf,
                parse_x509(this->summary_.peer_certificates.certificate_list.begin()->cert_data.bytes));
    TLSWIRE_CHECK(check_peer_signature_scheme(cv, protocol_version::tls13,
                                              signature_algorithms{Config::signature_schemes}.supported_signature_algorithms,
                                              leaf));
    TLSWIRE_CHECK(this->with_keys([&](auto& k) -> status {
      using keys = std::remove_cvref_t<decltype(k)>;
      const auto hash = this->template transcript_now<keys>();
      std::array<std::uint8_t, certificate_verify_content_max> content{};
      const bytes_view signed_content = certificate_verify_content(sender::server, as_view(hash), content);
      TLSWIRE_CHECK(this->provider_.verify(peer_key_, cv.algorithm(), signed_content, cv.signature()));
      this->transcript_.update(m.raw);
      return {};
    }));
    this->summary_.signature = cv.algorithm();
    this->state_ = handshake_state::wait_finished;
    return {};
  }

  // RFC 8446 §4.4.4 the server's Finished; then the client's second flight
  // ([change_cipher_spec], [empty Certificate], Finished) under its handshake
  // keys, and both directions move to the application traffic keys.
  status on_finished(const handshake_message& m) {
    TLSWIRE_CHECK(this->with_keys([&](auto& k) -> status {
      using keys = std::remove_cvref_t<decltype(k)>;
      TLSWIRE_CHECK(this->check_finished(k, m, k.server_handshake.view()));
      this->peer_finished_ = true;
      this->derive_application_secrets(k);
      if constexpr (Config::middlebox_compatibility) TLSWIRE_CHECK(this->send_change_cipher_spec());
      TLSWIRE_CHECK(this->emit(content_type::handshake, [&](writer& w) {
        if (certificate_requested_) this->write_message(w, tls13_certificate{});
        this->write_finished(w, k, k.client_handshake.view());
      }));
      TLSWIRE_CHECK(this->template install_write<keys>(k.client_application.view()));
      return this->template install_read<keys>(k.server_application.view());
    }));
    this->handshake_complete();
    return {};
  }

  client_options options_;
  typename P::key_share_private_key share_key_{};
  named_group group_{};
  std::array<std::uint8_t, 32> session_id_{};
  bytes_view sent_hello_{};  // our ClientHello, in the keep buffer
  bytes_view peer_key_{};    // the leaf's SubjectPublicKeyInfo, in the keep buffer
  bool certificate_requested_ = false;
};

}  // namespace tlswire::engine
