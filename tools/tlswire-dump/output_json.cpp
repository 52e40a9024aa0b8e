// --json: one JSON object per line — per connection, record, handshake
// message, alert, ChangeCipherSpec, application data and error — with every
// field of each message, code points as {"name": IANA name, "value": number}.
// The schema is described in README.md ("tlswire-dump").
#include <variant>

#include "describe.hpp"
#include "json_writer.hpp"
#include "output.hpp"
#include "tlswire/extensions/extensions.hpp"
#include "tlswire/messages/dispatch.hpp"

namespace tlswire_dump {
namespace {

using namespace tlswire;

template <class Vector>
void code_list(json_writer& j, std::string_view k, const Vector& v) {
  j.key(k).begin_array();
  for (auto e : v) j.code(e);
  j.end_array();
}

// The fields of the typed extensions the dissector shows; the shape comes
// from the library's table (extensions/shapes.hpp). Any other shape, an
// extension without one and one that does not decode add nothing.
struct extension_fields {
  json_writer& j;

  template <class Other>
  void operator()(const Other&) const {}

  void operator()(const server_name_client_hello& sni) const {
    j.key("server_names").begin_array();
    for (const auto& n : sni.server_name_list)
      j.begin_object().field("name_type", n.name_type).field("name", text_of(n.name.bytes)).end_object();
    j.end_array();
  }
  void operator()(const alpn& a) const {
    j.key("protocols").begin_array();
    for (const auto& p : a.protocol_name_list) j.value(text_of(p.bytes));
    j.end_array();
  }
  void operator()(const supported_versions_client_hello& v) const { code_list(j, "versions", v.versions); }
  void operator()(const supported_versions_server_hello& v) const { j.field("selected_version", v.selected_version); }
  void operator()(const supported_groups& g) const { code_list(j, "groups", g.named_group_list); }
  void operator()(const ec_point_formats& f) const { code_list(j, "formats", f.ec_point_format_list); }
  void operator()(const signature_algorithms& s) const { code_list(j, "schemes", s.supported_signature_algorithms); }
  void operator()(const signature_algorithms_cert& s) const {
    code_list(j, "schemes", s.supported_signature_algorithms);
  }
  void operator()(const key_share_client_hello& k) const {
    j.key("client_shares").begin_array();
    for (const auto& s : k.client_shares)
      j.begin_object().field("group", s.group).field("key_exchange", hex(s.key_exchange.bytes)).end_object();
    j.end_array();
  }
  void operator()(const key_share_server_hello& k) const {
    j.key("server_share").begin_object().field("group", k.server_share.group);
    j.field("key_exchange", hex(k.server_share.key_exchange.bytes)).end_object();
  }
  void operator()(const key_share_hello_retry_request& k) const { j.field("selected_group", k.selected_group); }
  void operator()(const psk_key_exchange_modes& m) const { code_list(j, "modes", m.ke_modes); }
  void operator()(const pre_shared_key_client_hello& p) const {
    j.key("identities").begin_array();
    for (const auto& i : p.identities)
      j.begin_object().field("identity", hex(i.identity.bytes))
          .field("obfuscated_ticket_age", i.obfuscated_ticket_age).end_object();
    j.end_array();
    j.key("binders").begin_array();
    for (const auto& b : p.binders) j.value(hex(b.bytes));
    j.end_array();
  }
  void operator()(const pre_shared_key_server_hello& p) const { j.field("selected_identity", p.selected_identity); }
};

void extensions_json(json_writer& j, const extension_list& list, message_context where) {
  j.key("extensions").begin_array();
  for (const extension& e : list) {
    j.begin_object().field("type", e.type).field("length", e.data.size()).field("data", hex(e.data));
    visit_typed(e, where, extension_fields{j});
    j.end_object();
  }
  j.end_array();
}

void certificate_json(json_writer& j, bytes_view der) {
  j.begin_object().field("length", der.size());
  const auto c = decode<x509::certificate>(der);
  if (!c) {
    j.field("x509_error", std::string(to_string(c.error().code))).field("x509_error_offset", c.error().offset);
    j.end_object();
    return;
  }
  j.field("version", c->version).field("serial", hex(c->serial));
  j.field("signature_algorithm", oid_text(c->signature_algorithm.algorithm));
  j.field("issuer", name_text(c->issuer)).field("subject", name_text(c->subject));
  j.field("not_before", time_text(c->not_before)).field("not_after", time_text(c->not_after));
  j.field("public_key_algorithm", oid_text(c->public_key.algorithm.algorithm));
  if (c->public_key.curve().encoded.size() > 0) j.field("curve", oid_text(c->public_key.curve()));
  j.field("public_key_bits", key_bits(c->public_key));
  j.key("subject_alt_names").begin_array();
  c->for_each_subject_alt_name([&](const x509::general_name& n) {
    if (n.form == x509::general_name::kind::dns) {
      j.value("DNS:" + text_of(n.value));
    } else if (n.form == x509::general_name::kind::ip && n.value.size() == 4) {
      j.value("IP:" + std::to_string(n.value[0]) + "." + std::to_string(n.value[1]) + "." +
              std::to_string(n.value[2]) + "." + std::to_string(n.value[3]));
    } else if (n.form == x509::general_name::kind::uri) {
      j.value("URI:" + text_of(n.value));
    } else {
      j.value("other:" + hex(n.value));
    }
  });
  j.end_array();
  const auto bc = c->constraints();
  j.field("ca", bc.ca);
  j.end_object();
}

struct body_fields {
  json_writer& j;
  const negotiation_context& ctx;

  void operator()(const opaque_message& m) const { j.field("body", hex(m.body)); }
  void operator()(const hello_request&) const {}
  void operator()(const client_hello& h) const {
    j.field("legacy_version", h.legacy_version).field("random", hex(h.random));
    j.field("session_id", hex(h.session_id.bytes));
    code_list(j, "cipher_suites", h.cipher_suites);
    code_list(j, "compression_methods", h.compression_methods);
    if (h.has_extensions) extensions_json(j, h.extensions, message_context::client_hello);
    const auto f = fingerprints_of(h);
    j.field("ja3", f.ja3).field("ja3_hash", f.ja3_hash).field("ja4", f.ja4);
  }
  void operator()(const server_hello& h) const {
    const bool hrr = h.is_hello_retry_request();
    j.field("hello_retry_request", hrr);
    j.field("legacy_version", h.legacy_version).field("random", hex(h.random));
    j.field("session_id", hex(h.session_id_echo.bytes)).field("cipher_suite", h.suite);
    j.field("compression_method", h.legacy_compression_method);
    const auto version = negotiated_version(h);
    if (version) j.field("negotiated_version", *version);
    if (h.downgrade() != downgrade_sentinel::none) j.field("downgrade_sentinel", std::string(to_string(h.downgrade())));
    if (h.has_extensions)
      extensions_json(j, h.extensions, extensions_context(h));
  }
  void operator()(const tls12_new_session_ticket& t) const {
    j.field("ticket_lifetime_hint", t.ticket_lifetime_hint).field("ticket", hex(t.ticket.bytes));
  }
  void operator()(const tls13_new_session_ticket& t) const {
    j.field("ticket_lifetime", t.ticket_lifetime).field("ticket_age_add", t.ticket_age_add);
    j.field("ticket_nonce", hex(t.ticket_nonce.bytes)).field("ticket", hex(t.ticket.bytes));
    extensions_json(j, t.extensions, message_context::new_session_ticket);
  }
  void operator()(const end_of_early_data&) const {}
  void operator()(const encrypted_extensions& e) const { extensions_json(j, e.extensions, message_context::encrypted_extensions); }
  void operator()(const tls12_certificate& c) const {
    j.field("certificate_type", c.certificate_type);
    j.key("certificates").begin_array();
    if (c.certificate_type == certificate_type::raw_public_key) {
      j.begin_object().field("raw_public_key", hex(c.raw_public_key.bytes)).end_object();
    } else {
      for (const auto& cert : c.certificate_list) certificate_json(j, cert.bytes);
    }
    j.end_array();
  }
  void operator()(const tls13_certificate& c) const {
    j.field("certificate_type", c.certificate_type);
    j.field("certificate_request_context", hex(c.certificate_request_context.bytes));
    j.key("certificates").begin_array();
    for (const auto& e : c.certificate_list) {
      if (c.certificate_type == certificate_type::raw_public_key) {
        j.begin_object().field("raw_public_key", hex(e.cert_data.bytes)).end_object();
      } else {
        certificate_json(j, e.cert_data.bytes);
      }
    }
    j.end_array();
    j.key("entry_extensions").begin_array();
    for (const auto& e : c.certificate_list) {
      j.begin_object();
      extensions_json(j, e.extensions, message_context::certificate);
      j.end_object();
    }
    j.end_array();
  }
  void operator()(const server_key_exchange& s) const {
    j.field("key_exchange", std::string(to_string(s.key_exchange)));  // not an IANA code point: the name alone
    if (has_psk_identity_hint(s.key_exchange)) j.field("psk_identity_hint", hex(s.psk_identity_hint.bytes));
    if (has_ecdh_params(s.key_exchange)) {
      j.field("curve_type", s.ecdh_params.curve_type).field("named_curve", s.ecdh_params.named_curve);
      j.field("public", hex(s.ecdh_params.point.bytes));
    }
    if (has_dh_params(s.key_exchange)) {
      j.field("dh_p", hex(s.dh_params.dh_p.bytes)).field("dh_g", hex(s.dh_params.dh_g.bytes));
      j.field("dh_ys", hex(s.dh_params.dh_ys.bytes)).field("dh_bits", s.dh_params.dh_p.bytes.size() * 8);
    }
    if (s.is_signed) signed_json(s.signed_params);
  }
  void signed_json(const digitally_signed& d) const {
    if (d.has_algorithm) j.field("signature_algorithm", d.algorithm);
    j.field("signature", hex(d.signature.bytes));
  }
  void operator()(const tls12_certificate_request& c) const {
    code_list(j, "certificate_types", c.certificate_types);
    if (c.has_signature_algorithms) code_list(j, "signature_algorithms", c.supported_signature_algorithms);
    j.key("certificate_authorities").begin_array();
    for (const auto& dn : c.certificate_authorities) j.value(hex(dn.bytes));
    j.end_array();
  }
  void operator()(const tls13_certificate_request& c) const {
    j.field("certificate_request_context", hex(c.certificate_request_context.bytes));
    extensions_json(j, c.extensions, message_context::certificate_request);
  }
  void operator()(const server_hello_done&) const {}
  void operator()(const certificate_verify& c) const { signed_json(c.signed_content); }
  void operator()(const client_key_exchange& c) const {
    j.field("key_exchange", std::string(to_string(c.key_exchange)));
    if (client_key_exchange::has_psk_identity(c.key_exchange)) j.field("psk_identity", hex(c.psk_identity.bytes));
    if (client_key_exchange::has_rsa(c.key_exchange))
      j.field("encrypted_pre_master_secret", hex(c.encrypted_pre_master_secret.bytes));
    if (client_key_exchange::has_dh(c.key_exchange)) j.field("dh_yc", hex(c.dh_yc.bytes));
    if (client_key_exchange::has_ecdh(c.key_exchange)) j.field("ecdh_yc", hex(c.ecdh_yc.bytes));
  }
  void operator()(const finished& f) const { j.field("verify_data", hex(f.verify_data)); }
  void operator()(const certificate_status& s) const {
    j.field("status_type", s.status_type);
    if (s.status_type == certificate_status_type::ocsp) j.field("ocsp_response_length", s.ocsp_response.bytes.size());
  }
  void operator()(const key_update& k) const { j.field("request_update", k.request_update); }
  void operator()(const compressed_certificate& c) const {
    j.field("algorithm", c.algorithm).field("uncompressed_length", c.uncompressed_length);
    j.field("compressed_length", c.compressed_certificate_message.bytes.size());
  }
  void operator()(const message_hash& m) const { j.field("hash", hex(m.client_hello1_hash)); }
};

class json_sink final : public sink {
 public:
  explicit json_sink(std::ostream& out) : out_(out) {}

  void begin_connection(const connection_info& c) override {
    client_ = c.client;
    server_ = c.server;
    j_.begin_object().field("type", "connection").field("connection", c.number);
    j_.field("client", c.client).field("server", c.server);
    j_.field("bytes_client_to_server", c.bytes_to_server).field("bytes_server_to_client", c.bytes_to_client);
    emit();
  }
  void skipped_connection(const connection_info& c, const std::string& why) override {
    j_.begin_object().field("type", "skipped_connection").field("connection", c.number);
    j_.field("client", c.client).field("server", c.server).field("reason", why);
    emit();
  }
  void record(const record_event& e) override {
    start("record", e.at);
    j_.field("content_type", e.rec.type).field("version", e.rec.legacy_record_version);
    j_.field("length", e.rec.fragment.size()).field("protection", to_string(e.prot));
    j_.field("record_protection", e.form == record_form::tls13   ? "tls13"
                                  : e.form == record_form::tls12 ? "tls12"
                                                                       : "none");
    if (e.prot == protection::decrypted) {
      j_.field("inner_content_type", e.content_type).field("plaintext_length", e.content.size());
      j_.field("padding", e.padding);
    }
    if (e.encrypted_finished) j_.field("encrypted_finished", true);
    if (!e.note.empty()) j_.field("note", e.note);
    emit();
  }
  void handshake(const message_event& e) override {
    start("handshake", e.at);
    const auto& m = *e.message;
    j_.field("msg_type", m.type()).field("length", m.message.body.size()).field("decrypted", e.decrypted);
    std::visit(body_fields{j_, e.context}, m.body);
    if (e.finished_verified) j_.field("verified", *e.finished_verified);
    emit();
  }
  void sslv2_client_hello(const position& p, const tlswire::sslv2_client_hello& h) override {
    start("sslv2_client_hello", p);
    j_.field("version", h.version).field("challenge", hex(h.challenge)).field("session_id", hex(h.session_id));
    j_.key("cipher_specs").begin_array();
    for (std::size_t i = 0; i < h.cipher_spec_count(); ++i) {
      const auto spec = h.cipher_spec(i);
      if (spec.is_tls_suite()) {
        j_.code(spec.tls_suite());
      } else {
        j_.begin_object().field("name", "SSLv2 cipher").field("value", spec.value).end_object();
      }
    }
    j_.end_array();
    emit();
  }
  void change_cipher_spec(const position& p, bool compatibility) override {
    start("change_cipher_spec", p);
    j_.field("compatibility", compatibility);
    emit();
  }
  void alert(const alert_event& e) override {
    start("alert", e.at);
    j_.field("level", e.alert.level).field("description", e.alert.description).field("decrypted", e.decrypted);
    emit();
  }
  void application_data(const application_data_event& e) override {
    start("application_data", e.at);
    j_.field("content_type", e.content_type).field("protection", to_string(e.prot)).field("length", e.length);
    if (e.tls13_ciphertext) j_.field("inner_type_hidden", true);
    if (e.prot == protection::decrypted || e.prot == protection::plaintext) {
      j_.field("preview_hex", hex(e.content, 32)).field("preview_text", printable(e.content, 64));
    }
    emit();
  }
  void error(const error_event& e) override {
    start("error", e.at);
    j_.field("what", e.what).field("error", std::string(to_string(e.error.code)));
    j_.field("alert", e.error.alert);
    // null: the error has no position in the stream (tlswire::no_offset).
    if (e.error.has_offset()) {
      j_.field("error_offset", e.error.offset);
    } else {
      j_.field("error_offset", nullptr);
    }
    emit();
  }
  void note(const position& p, const std::string& text) override {
    start("note", p);
    j_.field("text", text);
    emit();
  }

 private:
  void start(const char* type, const position& p) {
    const bool c2s = p.dir == direction::client_to_server;
    j_.begin_object().field("type", type).field("connection", p.connection);
    j_.field("direction", to_string(p.dir)).field("src", c2s ? client_ : server_).field("dst", c2s ? server_ : client_);
    j_.field("record", p.record).field("offset", p.offset).field("packet", p.packet);
  }
  void emit() {
    j_.end_object();
    out_ << j_.take() << '\n';
  }

  std::ostream& out_;
  json_writer j_;
  std::string client_, server_;
};

}  // namespace

std::unique_ptr<sink> make_json_sink(std::ostream& out) { return std::make_unique<json_sink>(out); }

}  // namespace tlswire_dump
