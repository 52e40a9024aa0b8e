#pragma once
// The sans-IO TLS 1.3 server engine (RFC 8446 §2, §A.2), over a crypto
// provider P and a compile-time configuration (engine/config.hpp):
//
//   server<openssl_provider> s(provider, buffers, options);
//   ... the loop of engine/connection.hpp ...
//
// Handshake: ClientHello (parsed and checked by messages/validate_hello),
// choices in the server's order (Config's suites and groups, the options'
// signature schemes and ALPN protocols), a HelloRetryRequest when the client
// sent no share for a group both support (RFC 8446 §4.1.1), ServerHello,
// [change_cipher_spec when the client asked for middlebox compatibility],
// then EncryptedExtensions, Certificate, CertificateVerify and Finished in
// one record; the client's Finished. No client authentication, tickets or
// early data yet. Post-handshake: KeyUpdate is answered.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <type_traits>

#include "tlswire/engine/connection.hpp"
#include "tlswire/extensions/alpn.hpp"
#include "tlswire/extensions/key_share.hpp"
#include "tlswire/extensions/server_name.hpp"
#include "tlswire/extensions/signature_algorithms.hpp"
#include "tlswire/extensions/supported_groups.hpp"
#include "tlswire/extensions/supported_versions.hpp"
#include "tlswire/messages/certificate.hpp"
#include "tlswire/messages/certificate_verify.hpp"
#include "tlswire/messages/client_hello.hpp"
#include "tlswire/messages/encrypted_extensions.hpp"
#include "tlswire/messages/finished.hpp"
#include "tlswire/messages/server_hello.hpp"
#include "tlswire/messages/validate_hello.hpp"

namespace tlswire::engine {

template <class P>
struct server_options {
  gsl::span<const bytes_view> certificate_chain{};  // DER certificates, leaf first
  const typename P::private_key* private_key = nullptr;  // the leaf's key, loaded through P
  gsl::span<const signature_scheme> key_schemes{};  // what that key signs with, preferred first
  gsl::span<const protocol_name> alpn{};            // RFC 7301 protocols, preferred first
  keylog_hook keylog{};
  handshake_observer observer{};  // narration / debugging (engine/observer.hpp), off by default
};

// Certificate entries a server sends at most (leaf and intermediates).
inline constexpr std::size_t max_server_chain = 8;

template <class P, class Config = default_config>
class server : public connection<server<P, Config>, P, Config> {
  using base = connection<server<P, Config>, P, Config>;
  friend base;

 public:
  static constexpr const auto& table = server_table;
  static constexpr bool is_client = false;

  server(P& provider, engine_buffers buffers, server_options<P> options) noexcept
      : base(provider, buffers, handshake_state::wait_client_hello, options.keylog, options.observer), options_(options) {}

 private:
  status on_message(const handshake_message& m) {
    switch (m.type) {
      case handshake_type::client_hello: return on_client_hello(m);
      case handshake_type::finished: return on_finished(m);
      case handshake_type::key_update:
        return this->with_keys([&](auto& k) { return this->on_key_update(k, m); });
      default: return make_error(errc::unexpected_message, 0);
    }
  }

  static constexpr error refuse(alert_description alert) noexcept {
    return make_error(errc::bad_value, alert, 0);
  }

  // RFC 8446 §4.1.2 ClientHello → §4.1.3 ServerHello and the server's flight
  // (or §4.1.4 HelloRetryRequest).
  status on_client_hello(const handshake_message& m) {
    TLSWIRE_TRY(const client_hello ch, parse_and_validate_client_hello(m));
    // RFC 8446 §4.2.1: this server speaks TLS 1.3 only.
    if (!offers_tls13(ch)) return refuse(alert_description::protocol_version);
    const bool retried = this->state_ == handshake_state::wait_client_hello_2;

    // The suite, in the server's order (RFC 8446 §4.1.1).
    std::optional<cipher_suite> suite;
    for (cipher_suite s : Config::cipher_suites)
      if (!suite && ch.cipher_suites.contains(s)) suite = s;
    if (!suite) return refuse(alert_description::handshake_failure);
    // RFC 8446 §4.1.4: the second ClientHello may not change what the HRR chose.
    if (retried && *suite != this->suite_.suite) return refuse(alert_description::illegal_parameter);

    // The CertificateVerify scheme: one the key signs with, Config allows and the client offered.
    TLSWIRE_TRY(const signature_algorithms offered, ch.extensions.get<signature_algorithms>());
    bool have_scheme = false;
    for (signature_scheme s : options_.key_schemes) {
      if (!have_scheme && contains(Config::signature_schemes, s) && offered.supported_signature_algorithms.contains(s)) {
        scheme_ = s;
        have_scheme = true;
      }
    }
    if (!have_scheme || options_.private_key == nullptr || options_.certificate_chain.empty())
      return refuse(alert_description::handshake_failure);

    // The group: the first of ours the client sent a share for.
    TLSWIRE_TRY(const key_share_client_hello shares, ch.extensions.get<key_share_client_hello>());
    std::optional<key_share_entry> share;
    for (named_group g : Config::groups)
      if (!share) share = shares.find(g);

    // RFC 7301 §3.2: the first of our protocols the client offered, or no_application_protocol.
    bytes_view protocol{};
    if (!options_.alpn.empty() && ch.extensions.contains(extension_type::application_layer_protocol_negotiation)) {
      TLSWIRE_TRY(const alpn asked, ch.extensions.get<alpn>());
      for (const protocol_name& p : options_.alpn)
        if (protocol.empty() && asked.contains(p.bytes)) protocol = p.bytes;
      if (protocol.empty()) return refuse(alert_description::no_application_protocol);
    }

    TLSWIRE_CHECK(this->choose_suite(*suite));
    TLSWIRE_CHECK(this->transcript_.select(this->suite_.hash));
    if (!share) {
      // RFC 8446 §4.1.4: after a HelloRetryRequest the share must be there.
      if (retried) return refuse(alert_description::illegal_parameter);
      TLSWIRE_TRY(const supported_groups groups, ch.extensions.get<supported_groups>());
      for (named_group g : Config::groups)
        if (groups.named_group_list.contains(g)) return send_hello_retry_request(ch, m, g);
      return refuse(alert_description::handshake_failure);
    }

    if (ch.extensions.contains(extension_type::server_name)) {
      TLSWIRE_TRY(const server_name_client_hello sni, ch.extensions.get<server_name_client_hello>());
      this->summary_.server_name = this->keep(sni.host_name());
    }
    this->summary_.alpn = protocol;
    this->summary_.group = share->group;
    this->summary_.signature = scheme_;
    for (std::size_t i = 0; i < random_size; ++i) this->client_random_[i] = ch.random[i];
    this->transcript_.update(m.raw);

    // RFC 8446 §4.2.8 / §7.4: our share, and the shared secret.
    typename P::key_share_private_key own{};
    std::array<std::uint8_t, 97> public_value{};
    const mutable_bytes own_share(public_value.data(), key_share_size(share->group));
    TLSWIRE_CHECK(this->provider_.generate_key_share(share->group, own, own_share));
    secret<48> shared(shared_secret_size(share->group));
    TLSWIRE_CHECK(this->provider_.derive_shared_secret(own, share->key_exchange.bytes, shared.span()));

    std::array<std::uint8_t, random_size> random{};
    TLSWIRE_CHECK(this->provider_.random(random));
    basic_server_hello<extension_tuple<supported_versions_server_hello, key_share_server_hello>> sh;
    sh.random = as_view(random);
    sh.session_id_echo = ch.session_id;
    sh.suite = *suite;
    sh.extensions = extension_tuple{supported_versions_server_hello{protocol_version::tls13},
                                    key_share_server_hello{key_share_entry{share->group, {own_share}}}};
    TLSWIRE_CHECK(this->emit(content_type::handshake, [&](writer& w) { this->write_message(w, sh); }));
    // RFC 8446 §D.4: the client asked for compatibility mode by a non-empty session id.
    if (!ch.session_id.empty()) TLSWIRE_CHECK(this->send_change_cipher_spec());

    TLSWIRE_CHECK(this->with_keys([&](auto& k) -> status {
      using keys = std::remove_cvref_t<decltype(k)>;
      TLSWIRE_CHECK(this->derive_handshake_secrets(k, shared.view()));
      TLSWIRE_CHECK(this->template install_read<keys>(k.client_handshake.view()));
      TLSWIRE_CHECK(this->template install_write<keys>(k.server_handshake.view()));
      TLSWIRE_CHECK(send_flight(k, protocol));
      // RFC 8446 §7.1: application secrets over ClientHello..server Finished;
      // the server writes under them from here on.
      this->derive_application_secrets(k);
      return this->template install_write<keys>(k.server_application.view());
    }));
    this->state_ = handshake_state::wait_client_finished;
    return {};
  }

  // EncryptedExtensions, Certificate, CertificateVerify, Finished in one record.
  template <class Keys>
  status send_flight(Keys& k, bytes_view protocol) {
    // EncryptedExtensions: the ALPN answer (RFC 7301 §3.1: one protocol).
    std::array<std::uint8_t, 2 + 1 + 255> alpn_body{};
    std::array<extension, 1> answers{};
    std::size_t answer_count = 0;
    if (!protocol.empty()) {
      const std::array chosen{protocol_name{protocol}};
      writer body(alpn_body);
      alpn{chosen}.encode(body);
      if (!body.ok()) return body.error();
      answers[answer_count++] = extension{alpn::type, body.written()};
    }
    encrypted_extensions ee;
    ee.extensions = extension_list(gsl::span<const extension>(answers.data(), answer_count));

    if (options_.certificate_chain.size() > max_server_chain) return make_error(errc::buffer_too_small, no_offset);
    std::array<certificate_entry, max_server_chain> entries{};
    std::size_t n = 0;
    for (bytes_view der : options_.certificate_chain) entries[n++] = certificate_entry{asn1_cert{der}, {}};
    tls13_certificate certificate;
    certificate.certificate_list = gsl::span<const certificate_entry>(entries.data(), n);

    return this->emit(content_type::handshake, [&](writer& w) {
      this->write_message(w, ee);
      this->write_message(w, certificate);
      if (!w.ok()) return;
      // RFC 8446 §4.4.3: sign the transcript through Certificate.
      const auto hash = this->template transcript_now<Keys>();
      std::array<std::uint8_t, certificate_verify_content_max> content{};
      const bytes_view signed_content = certificate_verify_content(sender::server, as_view(hash), content);
      std::array<std::uint8_t, max_signature_size> signature{};
      const auto size = this->provider_.sign(*options_.private_key, scheme_, signed_content, signature);
      if (!size) return w.fail(size.error());
      this->write_message(w, certificate_verify{{true, scheme_, {bytes_view(signature.data(), *size)}}});
      this->write_finished(w, k, k.server_handshake.view());
    });
  }

  // RFC 8446 §4.1.4 HelloRetryRequest: a ServerHello with the special random,
  // the suite and the group the second ClientHello must carry a share for.
  status send_hello_retry_request(const client_hello& ch, const handshake_message& m, named_group group) {
    // RFC 8446 §4.4.1: ClientHello1 becomes message_hash in the transcript.
    this->transcript_.update(m.raw);
    TLSWIRE_CHECK(this->transcript_.hello_retry_request(this->suite_.hash));
    basic_server_hello<extension_tuple<supported_versions_hello_retry_request, key_share_hello_retry_request>> hrr;
    hrr.random = as_view(hello_retry_request_random);
    hrr.session_id_echo = ch.session_id;
    hrr.suite = this->suite_.suite;
    hrr.extensions = extension_tuple{supported_versions_hello_retry_request{protocol_version::tls13},
                                     key_share_hello_retry_request{group}};
    TLSWIRE_CHECK(this->emit(content_type::handshake, [&](writer& w) { this->write_message(w, hrr); }));
    if (!ch.session_id.empty()) TLSWIRE_CHECK(this->send_change_cipher_spec());
    this->state_ = handshake_state::wait_client_hello_2;
    return {};
  }

  // RFC 8446 §4.4.4 the client's Finished: the handshake is done.
  status on_finished(const handshake_message& m) {
    TLSWIRE_CHECK(this->with_keys([&](auto& k) -> status {
      using keys = std::remove_cvref_t<decltype(k)>;
      TLSWIRE_CHECK(this->check_finished(k, m, k.client_handshake.view()));
      this->peer_finished_ = true;
      return this->template install_read<keys>(k.client_application.view());
    }));
    this->handshake_complete();
    return {};
  }

  server_options<P> options_;
  signature_scheme scheme_{};
};

}  // namespace tlswire::engine
