// The default output: the handshake as numbered steps, the way a person
// explains it — who sends what, and each message's main fields. Also the
// --check output (errors and notes only).
#include <algorithm>
#include <variant>

#include "describe.hpp"
#include "output.hpp"
#include "tlswire/extensions/extensions.hpp"
#include "tlswire/messages/dispatch.hpp"
#include "tlswire/inspect/print.hpp"

namespace tlswire_dump {
namespace {

using namespace tlswire;

template <class Vector>
std::string names(const Vector& v, std::size_t max = 64) {
  std::string s;
  std::size_t n = 0;
  for (auto e : v) {
    if (n == max) {
      s += ", …";
      break;
    }
    if (!s.empty()) s += ", ";
    s += name_of(e);
    ++n;
  }
  return s;
}

template <class Ext>
std::optional<Ext> find_ext(const extension_list& list) {
  auto r = list.get<Ext>();
  if (!r) return std::nullopt;
  return *r;
}

// "stream offset N", or that the error has none (tlswire::no_offset).
std::string stream_offset(const tlswire::error& e) {
  return e.has_offset() ? "stream offset " + std::to_string(e.offset) : "no stream offset";
}

std::string ordinal(std::size_t n) {
  const char* suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
  return std::to_string(n) + suffix;
}

// The library's pretty-printer (inspect/print.hpp) writes into this.
struct string_sink {
  std::string text;
  void write(std::string_view s) { text.append(s); }
};

class text_sink final : public sink {
 public:
  text_sink(std::ostream& out, bool verbose) : out_(out), verbose_(verbose) {}

  void begin_connection(const connection_info& c) override {
    step_ = 0;
    offered_.clear();
    chosen_.clear();
    sni_.clear();
    alpn_.clear();
    records_ = protected_ = decrypted_ = 0;
    client_ = c.client;
    server_ = c.server;
    out_ << "Connection " << c.number << ": " << c.client << " -> " << c.server << " (" << c.bytes_to_server
         << " bytes from the client, " << c.bytes_to_client << " from the server)\n";
  }
  void skipped_connection(const connection_info& c, const std::string& why) override {
    out_ << "Connection " << c.number << ": " << c.client << " -> " << c.server << ": skipped, " << why << "\n\n";
  }
  void end_connection(const connection_info&) override {
    // One line that sums the connection up.
    std::string s = "  = ";
    s += chosen_.empty() ? std::string("no ServerHello seen") : chosen_;
    if (!sni_.empty()) s += ", SNI " + sni_;
    if (!alpn_.empty()) s += ", ALPN " + alpn_;
    s += "; " + std::to_string(records_) + " records";
    if (protected_ > 0) s += ", " + std::to_string(decrypted_) + " of " + std::to_string(protected_) + " encrypted ones decrypted";
    out_ << s << "\n\n";
  }

  void record(const record_event& e) override {
    ++records_;
    if (e.prot != protection::plaintext) ++protected_;
    if (e.prot == protection::decrypted) ++decrypted_;
    // Records are shown through what they carry; only protected ones that
    // cannot be opened get a step of their own (below, or as application data).
    if (e.prot == protection::encrypted || e.prot == protection::undecryptable) {
      if (e.rec.type == content_type::application_data) {
        pending_note_ = e.note;
        return;
      }
      head(e.at, e.encrypted_finished ? std::string("Finished (encrypted)") : "encrypted " + name_of(e.rec.type) + " record");
      std::string what = std::to_string(e.rec.fragment.size()) + " bytes";
      if (e.encrypted_finished) what += ": the first handshake message after ChangeCipherSpec is the Finished";
      line(what);
      if (!e.note.empty()) line("not decrypted: " + e.note);
    }
  }

  void handshake(const message_event& e) override {
    const auto& m = *e.message;
    head(e.at, title(m) + (e.decrypted ? "  [decrypted]" : ""));
    std::visit([&](const auto& body) { show(body, e); }, m.body);
    if (verbose_) {
      // --verbose: every field, as tlswire's printer names them.
      string_sink all;
      tlswire::print(all, m);
      std::size_t start = 0;
      while (start < all.text.size()) {
        const std::size_t end = all.text.find('\n', start);
        out_ << "       | " << all.text.substr(start, end - start) << '\n';
        if (end == std::string::npos) break;
        start = end + 1;
      }
    }
  }

  void sslv2_client_hello(const position& p, const tlswire::sslv2_client_hello& h) override {
    head(p, "SSLv2-compatible ClientHello");
    line("offers " + name_of(h.version));
    std::vector<cipher_suite> suites;
    for (std::size_t i = 0; i < h.cipher_spec_count(); ++i)
      if (h.cipher_spec(i).is_tls_suite()) suites.push_back(h.cipher_spec(i).tls_suite());
    offered_ = suites;
    line(std::to_string(h.cipher_spec_count()) + " cipher specs, " + std::to_string(suites.size()) +
         " of them TLS cipher suites" + (suites.empty() ? std::string() : ": " + names(suites, 8)));
    line("challenge " + hex(h.challenge));
  }

  void change_cipher_spec(const position& p, bool compatibility) override {
    head(p, "ChangeCipherSpec");
    line(compatibility ? "middlebox compatibility only (RFC 8446 §D.4): changes nothing"
                       : "from the next record on, this side encrypts");
  }

  void alert(const alert_event& e) override {
    head(e.at, std::string("Alert") + (e.decrypted ? "  [decrypted]" : ""));
    line(name_of(e.alert.level) + ": " + name_of(e.alert.description));
  }

  void application_data(const application_data_event& e) override {
    if (e.prot == protection::encrypted || e.prot == protection::undecryptable) {
      head(e.at, e.tls13_ciphertext ? "encrypted record (TLS 1.3: handshake or application data)"
                                    : "application data (encrypted)");
      line(std::to_string(e.length) + " bytes" + (pending_note_.empty() ? "" : "; not decrypted: " + pending_note_));
      pending_note_.clear();
      return;
    }
    const bool app = e.content_type == content_type::application_data;
    head(e.at, (app ? std::string("application data") : name_of(e.content_type) + " record") +
                   (e.prot == protection::decrypted ? "  [decrypted]" : ""));
    std::string s = std::to_string(e.length) + " bytes";
    if (e.length > 0) s += ": \"" + printable(e.content, 48) + (e.length > 48 ? "\"…" : "\"");
    line(s);
    if (e.length > 0) line("hex " + hex(e.content, 24) + (e.length > 24 ? "…" : ""));
  }

  void error(const error_event& e) override {
    out_ << "  ERROR in connection " << e.at.connection << ", " << dir_text(e.at.dir) << ", record " << e.at.record
         << ", " << stream_offset(e.error) << ": " << e.what << ": " << to_string(e.error.code) << " (alert "
         << name_of(e.error.alert) << ")\n";
  }
  void note(const position& p, const std::string& text) override {
    out_ << "  note (" << dir_text(p.dir) << "): " << text << '\n';
  }

 private:
  static std::string dir_text(direction d) {
    return d == direction::client_to_server ? "client to server" : "server to client";
  }

  void head(const position& p, const std::string& what) {
    ++step_;
    const bool c2s = p.dir == direction::client_to_server;
    out_ << "  " << step_ << ". " << (c2s ? "Client -> Server" : "Server -> Client") << "  " << what << '\n';
  }
  void line(const std::string& s) { out_ << "       " << s << '\n'; }

  static std::string title(const typed_message& m) {
    switch (m.type()) {
      case handshake_type::client_hello: return "ClientHello";
      case handshake_type::server_hello:
        return m.as<server_hello>().is_hello_retry_request() ? "HelloRetryRequest" : "ServerHello";
      case handshake_type::new_session_ticket: return "NewSessionTicket";
      case handshake_type::end_of_early_data: return "EndOfEarlyData";
      case handshake_type::encrypted_extensions: return "EncryptedExtensions";
      case handshake_type::certificate: return "Certificate";
      case handshake_type::server_key_exchange: return "ServerKeyExchange";
      case handshake_type::certificate_request: return "CertificateRequest";
      case handshake_type::server_hello_done: return "ServerHelloDone";
      case handshake_type::certificate_verify: return "CertificateVerify";
      case handshake_type::client_key_exchange: return "ClientKeyExchange";
      case handshake_type::finished: return "Finished";
      case handshake_type::certificate_status: return "CertificateStatus";
      case handshake_type::key_update: return "KeyUpdate";
      case handshake_type::hello_request: return "HelloRequest";
      case handshake_type::compressed_certificate: return "CompressedCertificate";
      default: return "handshake message " + name_of(m.type());
    }
  }

  void extensions_line(const extension_list& list) {
    std::vector<extension_type> types;
    for (const extension& e : list) types.push_back(e.type);
    line(types.empty() ? std::string("no extensions")
                       : "extensions (" + std::to_string(types.size()) + "): " + names(types));
  }

  void show(const opaque_message& m, const message_event&) { line(std::to_string(m.body.size()) + " bytes"); }
  void show(const hello_request&, const message_event&) { line("the server asks for a new handshake"); }
  void show(const client_hello& h, const message_event&) {
    offered_.assign(h.cipher_suites.begin(), h.cipher_suites.end());
    const auto versions = offered_versions(h);
    if (versions && h.extensions.contains(extension_type::supported_versions)) {
      line("offers versions " + names(*versions) + " (legacy_version " + name_of(h.legacy_version) + ")");
    } else {
      line("offers up to " + name_of(h.legacy_version));
    }
    line("client random " + hex(h.random));
    if (!h.session_id.empty()) line("session id " + hex(h.session_id.bytes));
    line("cipher suites (" + std::to_string(h.cipher_suites.size()) + "): " + names(h.cipher_suites, 12));
    if (auto sni = find_ext<server_name_client_hello>(h.extensions)) {
      sni_ = printable(sni->host_name());
      line("server name (SNI) " + sni_);
    }
    if (auto a = find_ext<alpn>(h.extensions)) {
      std::string protocols;
      for (const auto& p : a->protocol_name_list) protocols += (protocols.empty() ? "" : ", ") + printable(p.bytes);
      line("ALPN offers " + protocols);
    }
    if (auto ks = find_ext<key_share_client_hello>(h.extensions)) {
      std::vector<named_group> groups;
      for (const auto& s : ks->client_shares) groups.push_back(s.group);
      line("key shares for " + (groups.empty() ? std::string("no group (asks for a HelloRetryRequest)") : names(groups)));
    }
    if (auto g = find_ext<supported_groups>(h.extensions)) line("supported groups " + names(g->named_group_list, 10));
    if (auto s = find_ext<signature_algorithms>(h.extensions))
      line("signature algorithms " + names(s->supported_signature_algorithms, 10));
    if (h.has_extensions) extensions_line(h.extensions);
    const auto f = fingerprints_of(h);
    if (!f.ja4.empty()) line("fingerprints JA3 " + f.ja3_hash + ", JA4 " + f.ja4);
  }
  void show(const server_hello& h, const message_event&) {
    const auto version = negotiated_version(h);
    const std::size_t offered = offered_.size();
    const auto it = std::find(offered_.begin(), offered_.end(), h.suite);
    std::string from = offered == 0 ? std::string()
                       : it == offered_.end()
                           ? " (NOT among the " + std::to_string(offered) + " offered)"
                           : " (the " + ordinal(static_cast<std::size_t>(it - offered_.begin()) + 1) + " of the " +
                                 std::to_string(offered) + " offered)";
    if (h.is_hello_retry_request()) {
      line("asks the client to try again with " + name_of(h.suite) + from);
      if (auto ks = find_ext<key_share_hello_retry_request>(h.extensions))
        line("wants a key share for " + name_of(ks->selected_group));
      if (h.extensions.contains(extension_type::cookie)) line("sends a cookie to echo");
      extensions_line(h.extensions);
      return;
    }
    chosen_ = (version ? name_of(*version) : std::string("?")) + " " + name_of(h.suite);
    line("chooses " + (version ? name_of(*version) : std::string("?")) + " and " + name_of(h.suite) + from);
    line("server random " + hex(h.random));
    if (h.downgrade() != downgrade_sentinel::none)
      line(std::string("downgrade sentinel: ") + std::string(to_string(h.downgrade())));
    if (!h.session_id_echo.empty()) line("session id " + hex(h.session_id_echo.bytes));
    if (auto ks = find_ext<key_share_server_hello>(h.extensions))
      line("key share " + name_of(ks->server_share.group) + " (" + std::to_string(ks->server_share.key_exchange.size()) +
           " bytes)");
    if (auto a = find_ext<alpn>(h.extensions)) {
      for (const auto& p : a->protocol_name_list) {
        alpn_ = printable(p.bytes);
        line("ALPN selects " + alpn_);
      }
    }
    if (h.has_extensions) extensions_line(h.extensions);
    if (version && *version == protocol_version::tls13)
      line("from here on both sides encrypt: handshake traffic keys, then application traffic keys");
  }
  void show(const tls12_new_session_ticket& t, const message_event&) {
    line("session ticket of " + std::to_string(t.ticket.size()) + " bytes, lifetime hint " +
         std::to_string(t.ticket_lifetime_hint) + " s");
  }
  void show(const tls13_new_session_ticket& t, const message_event&) {
    line("ticket of " + std::to_string(t.ticket.size()) + " bytes for resumption, lifetime " +
         std::to_string(t.ticket_lifetime) + " s");
  }
  void show(const end_of_early_data&, const message_event&) { line("end of 0-RTT data"); }
  void show(const encrypted_extensions& e, const message_event&) {
    if (auto a = find_ext<alpn>(e.extensions)) {
      for (const auto& p : a->protocol_name_list) {
        alpn_ = printable(p.bytes);
        line("ALPN selects " + alpn_);
      }
    }
    extensions_line(e.extensions);
  }
  void certificate(bytes_view der, std::size_t index) {
    const auto c = decode<x509::certificate>(der);
    const std::string tag = "[" + std::to_string(index) + "] ";
    if (!c) {
      line(tag + std::to_string(der.size()) + " bytes, not parsed as X.509: " + std::string(to_string(c.error().code)) +
           " at offset " + std::to_string(c.error().offset));
      return;
    }
    line(tag + "subject " + name_text(c->subject));
    line("    issuer  " + name_text(c->issuer));
    line("    valid   " + time_text(c->not_before) + " to " + time_text(c->not_after));
    std::string key = oid_text(c->public_key.algorithm.algorithm);
    if (c->public_key.curve().encoded.size() > 0) key += " " + oid_text(c->public_key.curve());
    line("    key     " + key + ", " + std::to_string(key_bits(c->public_key)) + " bits; signed with " +
         oid_text(c->signature_algorithm.algorithm));
    std::string sans;
    c->for_each_subject_alt_name([&](const x509::general_name& n) {
      if (!sans.empty()) sans += ", ";
      if (n.form == x509::general_name::kind::dns) sans += "DNS:" + printable(n.value);
      else if (n.form == x509::general_name::kind::ip && n.value.size() == 4)
        sans += "IP:" + std::to_string(n.value[0]) + "." + std::to_string(n.value[1]) + "." +
                std::to_string(n.value[2]) + "." + std::to_string(n.value[3]);
      else sans += "other";
    });
    if (!sans.empty()) line("    names   " + sans);
    if (c->constraints().ca) line("    CA certificate");
  }
  void show(const tls12_certificate& c, const message_event& e) {
    if (c.certificate_type == certificate_type::raw_public_key) {
      line("raw public key, " + std::to_string(c.raw_public_key.size()) + " bytes");
      return;
    }
    const std::size_t n = c.certificate_list.size();
    line(std::to_string(n) + (n == 1 ? " certificate" : " certificates") +
         (e.from == sender::client ? " (client authentication)" : ""));
    std::size_t i = 0;
    for (const auto& cert : c.certificate_list) certificate(cert.bytes, i++);
  }
  void show(const tls13_certificate& c, const message_event& e) {
    const std::size_t n = c.certificate_list.size();
    line(std::to_string(n) + (n == 1 ? " certificate" : " certificates") +
         (e.from == sender::client ? " (client authentication)" : ""));
    std::size_t i = 0;
    for (const auto& entry : c.certificate_list) {
      if (c.certificate_type == certificate_type::raw_public_key) {
        line("[" + std::to_string(i++) + "] raw public key, " + std::to_string(entry.cert_data.size()) + " bytes");
      } else {
        certificate(entry.cert_data.bytes, i++);
      }
    }
  }
  void show(const server_key_exchange& s, const message_event&) {
    if (has_ecdh_params(s.key_exchange))
      line("ephemeral " + name_of(s.ecdh_params.named_curve) + " public key (" +
           std::to_string(s.ecdh_params.point.size()) + " bytes)");
    if (has_dh_params(s.key_exchange))
      line("ephemeral finite-field DH, " + std::to_string(s.dh_params.dh_p.size() * 8) + "-bit prime");
    if (has_psk_identity_hint(s.key_exchange)) line("PSK identity hint " + printable(s.psk_identity_hint.bytes));
    if (s.is_signed)
      line("signed with " + (s.signed_params.has_algorithm ? name_of(s.signed_params.algorithm) : std::string("MD5+SHA-1")) +
           " (" + std::to_string(s.signed_params.signature.size()) + "-byte signature)");
  }
  void show(const tls12_certificate_request& c, const message_event&) {
    line("asks for a client certificate of type " + names(c.certificate_types));
    if (c.has_signature_algorithms) line("signature algorithms " + names(c.supported_signature_algorithms, 10));
  }
  void show(const tls13_certificate_request& c, const message_event&) {
    line("asks for a client certificate");
    extensions_line(c.extensions);
  }
  void show(const server_hello_done&, const message_event&) { line("the server's hello flight is complete"); }
  void show(const certificate_verify& c, const message_event&) {
    line("proves possession of the certificate's key: " +
         (c.signed_content.has_algorithm ? name_of(c.algorithm()) : std::string("MD5+SHA-1")) + ", " +
         std::to_string(c.signature().size()) + "-byte signature over the transcript");
  }
  void show(const client_key_exchange& c, const message_event&) {
    if (client_key_exchange::has_rsa(c.key_exchange))
      line("premaster secret encrypted to the server's RSA key (" +
           std::to_string(c.encrypted_pre_master_secret.size()) + " bytes)");
    if (client_key_exchange::has_ecdh(c.key_exchange))
      line("ephemeral ECDH public key (" + std::to_string(c.ecdh_yc.size()) + " bytes)");
    if (client_key_exchange::has_dh(c.key_exchange))
      line("ephemeral DH public value (" + std::to_string(c.dh_yc.size()) + " bytes)");
    if (client_key_exchange::has_psk_identity(c.key_exchange)) line("PSK identity " + printable(c.psk_identity.bytes));
  }
  void show(const finished& f, const message_event& e) {
    line("verify_data " + hex(f.verify_data) + " (MAC over the handshake so far)");
    if (e.finished_verified)
      line(*e.finished_verified ? "matches the transcript under the key log's secret"
                                : "does NOT match the transcript under the key log's secret");
  }
  void show(const certificate_status& s, const message_event&) {
    line("stapled " + name_of(s.status_type) + " response, " + std::to_string(s.ocsp_response.size()) + " bytes");
  }
  void show(const key_update& k, const message_event&) {
    line("switches to the next traffic secret; " + name_of(k.request_update));
  }
  void show(const compressed_certificate& c, const message_event&) {
    line(name_of(c.algorithm) + "-compressed certificate, " + std::to_string(c.uncompressed_length) +
         " bytes uncompressed");
  }
  void show(const message_hash&, const message_event&) {}

  std::ostream& out_;
  bool verbose_ = false;
  std::size_t step_ = 0;
  std::vector<cipher_suite> offered_;
  std::string client_, server_;
  std::string pending_note_;
  std::string chosen_, sni_, alpn_;  // for the connection's summary line
  std::size_t records_ = 0, protected_ = 0, decrypted_ = 0;
};

// --check: only what went wrong.
class check_sink final : public sink {
 public:
  explicit check_sink(std::ostream& out) : out_(out) {}
  void error(const error_event& e) override {
    out_ << "connection " << e.at.connection << " (" << client_ << " -> " << server_ << "), "
         << (e.at.dir == direction::client_to_server ? "client to server" : "server to client") << ", record "
         << e.at.record << ", " << stream_offset(e.error) << ": " << e.what << ": " << to_string(e.error.code)
         << " (alert " << name_of(e.error.alert) << ")\n";
  }
  void begin_connection(const connection_info& c) override {
    client_ = c.client;
    server_ = c.server;
  }

 private:
  std::ostream& out_;
  std::string client_, server_;
};

}  // namespace

std::unique_ptr<sink> make_text_sink(std::ostream& out, bool verbose) {
  return std::make_unique<text_sink>(out, verbose);
}
std::unique_ptr<sink> make_check_sink(std::ostream& out) { return std::make_unique<check_sink>(out); }

}  // namespace tlswire_dump
