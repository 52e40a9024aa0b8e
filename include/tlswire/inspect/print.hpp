#pragma once
// A pretty-printer for every handshake message and extension, with the
// RFC's field names and the IANA names of code points (the dissector's
// output). It writes into a caller-provided sink — any type with
// `write(std::string_view)` — so the core needs no <string> or <iostream>;
// fixed_buffer_sink writes into a char span (firmware, tests).
//
//   fixed_buffer_sink<4096> out;
//   print(out, typed);            // a dispatched message
//   print(out, ext, message_context::server_hello);
//
// Conventions: one field per line, two spaces per level; code points as
// `name (0x0303)`, unknown ones as `unknown (0x1a1a)` (GREASE is named);
// byte strings as up to 16 bytes of hex, `...` and `(N bytes)` when longer;
// printable names (SNI, ALPN) in quotes.
#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "tlswire/extensions/extensions.hpp"
#include "tlswire/messages/dispatch.hpp"
#include "tlswire/registry/registry.hpp"
#include "tlswire/x509/certificate.hpp"
#include "tlswire/x509/oids.hpp"

namespace tlswire {

// Anything text can be written to.
template <class S>
concept print_sink = requires(S& s, std::string_view text) { s.write(text); };

// A sink over the caller's chars: writes what fits, remembers it was cut.
class span_sink {
 public:
  constexpr explicit span_sink(gsl::span<char> out) noexcept : out_(out) {}
  constexpr void write(std::string_view text) noexcept {
    for (char c : text) {
      if (size_ == out_.size()) {
        truncated_ = true;
        return;
      }
      out_[size_++] = c;
    }
  }
  constexpr std::string_view view() const noexcept { return {out_.data(), size_}; }
  constexpr bool truncated() const noexcept { return truncated_; }
  constexpr void clear() noexcept {
    size_ = 0;
    truncated_ = false;
  }

 private:
  gsl::span<char> out_;
  std::size_t size_ = 0;
  bool truncated_ = false;
};

// A sink owning N chars (a stack buffer for firmware and constexpr tests).
template <std::size_t N>
class fixed_buffer_sink {
 public:
  constexpr fixed_buffer_sink() noexcept = default;
  constexpr void write(std::string_view text) noexcept {
    for (char c : text) {
      if (size_ == N) {
        truncated_ = true;
        return;
      }
      buffer_[size_++] = c;
    }
  }
  constexpr std::string_view view() const noexcept { return {buffer_.data(), size_}; }
  constexpr bool truncated() const noexcept { return truncated_; }
  constexpr void clear() noexcept {
    size_ = 0;
    truncated_ = false;
  }

 private:
  std::array<char, N> buffer_{};
  std::size_t size_ = 0;
  bool truncated_ = false;
};

// A sink that only counts (how big a buffer a printout needs).
struct counting_sink {
  std::size_t size = 0;
  constexpr void write(std::string_view text) noexcept { size += text.size(); }
};

namespace print_detail {

// The writing primitives, with the current indentation.
template <print_sink Sink>
struct printer {
  Sink& sink;
  int depth = 0;
  constexpr void text(std::string_view t) { sink.write(t); }
  constexpr void indent() {
    for (int i = 0; i < depth; ++i) sink.write("  ");
  }
  constexpr void begin(std::string_view field) {
    indent();
    text(field);
  }
  constexpr void end() { text("\n"); }
  constexpr void hex(std::uint64_t v, std::size_t digits) {
    constexpr char d[] = "0123456789abcdef";
    std::array<char, 18> buf{'0', 'x'};
    for (std::size_t i = 0; i < digits && i < 16; ++i)
      buf[2 + digits - 1 - i] = d[(v >> (4 * i)) & 0xf];
    text(std::string_view(buf.data(), 2 + (digits < 16 ? digits : 16)));
  }
  constexpr void dec(std::uint64_t v) {
    std::array<char, 20> buf{};
    std::size_t n = 0;
    do {
      buf[19 - n++] = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v != 0);
    text(std::string_view(buf.data() + 20 - n, n));
  }
  // Up to 16 bytes of hex, then "..."; always followed by the length.
  constexpr void bytes(bytes_view b) {
    constexpr char d[] = "0123456789abcdef";
    if (b.empty()) return text("(empty)");
    const std::size_t shown = b.size() < 16 ? b.size() : 16;
    for (std::size_t i = 0; i < shown; ++i) {
      const char pair[2] = {d[b[i] >> 4], d[b[i] & 0xf]};
      text(std::string_view(pair, 2));
    }
    if (shown < b.size()) text("...");
    text(" (");
    dec(b.size());
    text(b.size() == 1 ? " byte)" : " bytes)");
  }
  // Printable ASCII in quotes; anything else as bytes.
  constexpr void name_or_bytes(bytes_view b) {
    bool printable = !b.empty();
    for (std::uint8_t c : b) printable = printable && c >= 0x20 && c < 0x7f && c != '"';
    if (!printable) return bytes(b);
    text("\"");
    for (std::uint8_t c : b) {
      const char ch = static_cast<char>(c);
      text(std::string_view(&ch, 1));
    }
    text("\"");
  }
  // `name (0x..)`, `unknown (0x..)`, `GREASE (0x..)`.
  template <class E>
  constexpr void code(E v) {
    const std::string_view n = to_string(v);
    if (!n.empty()) {
      text(n);
    } else if constexpr (sizeof(E) == 2) {
      text(is_grease(to_underlying(v)) ? "GREASE" : "unknown");
    } else {
      text("unknown");
    }
    text(" (");
    hex(static_cast<std::uint64_t>(to_underlying(v)), 2 * sizeof(E));
    text(")");
  }

  // One-line fields.
  template <class E>
  constexpr void code_field(std::string_view field, E v) {
    begin(field);
    text(": ");
    code(v);
    end();
  }
  constexpr void bytes_field(std::string_view field, bytes_view b) {
    begin(field);
    text(": ");
    bytes(b);
    end();
  }
  constexpr void number_field(std::string_view field, std::uint64_t v) {
    begin(field);
    text(": ");
    dec(v);
    end();
  }
  constexpr void note(std::string_view field, std::string_view value) {
    begin(field);
    text(": ");
    text(value);
    end();
  }
  // A code_vector, one element per line under `field (N):`.
  template <class Vector>
  constexpr void code_list(std::string_view field, const Vector& v) {
    begin(field);
    text(" (");
    dec(v.size());
    text("):");
    end();
    ++depth;
    for (auto e : v) {
      indent();
      code(e);
      end();
    }
    --depth;
  }
  // A list heading, then `body` one level deeper.
  template <class Body>
  constexpr void section(std::string_view field, std::size_t count, Body&& body) {
    begin(field);
    text(" (");
    dec(count);
    text("):");
    end();
    ++depth;
    body();
    --depth;
  }
  constexpr void failure(const error& e) {
    begin("malformed: ");
    text(to_string(e.code));
    text(", alert ");
    code(e.alert);
    text(" at offset ");
    dec(e.offset);
    end();
  }
};

template <class S>
printer(S&) -> printer<S>;

// ---- Extensions ----------------------------------------------------------

// The fields of each typed shape, for visit_typed (extensions/shapes.hpp
// chooses the shape from the message).
template <class S>
struct extension_fields {
  printer<S>& p;
  const extension& e;

  // An extension without a shape in this message, and shapes without
  // fields of their own (the empty ones, ECH): the data as bytes.
  template <class Other>
  constexpr void operator()(const Other&) const {
    p.bytes_field("extension_data", e.data);
  }
  // The data does not decode as its shape.
  constexpr void operator()(const error& why) const {
    p.failure(why);
    p.bytes_field("extension_data", e.data);
  }

  constexpr void operator()(const server_name_client_hello& v) const {
    p.section("server_name_list", v.server_name_list.size(), [&] {
      for (const auto& n : v.server_name_list) {
        p.indent();
        p.code(n.name_type);
        p.text(": ");
        p.name_or_bytes(n.name.bytes);
        p.end();
      }
    });
  }
  constexpr void operator()(const max_fragment_length_extension& v) const {
    p.code_field("max_fragment_length", v.max_fragment_length);
  }
  constexpr void operator()(const status_request_client_hello& v) const {
    p.code_field("status_type", v.status_type);
    if (v.status_type != certificate_status_type::ocsp) return p.bytes_field("request", v.other_request);
    p.section("responder_id_list", v.responder_id_list.size(), [&] {
      for (const auto& id : v.responder_id_list) p.bytes_field("responder_id", id.bytes);
    });
    p.bytes_field("request_extensions", v.request_extensions.bytes);
  }
  constexpr void operator()(const status_request_certificate& v) const {
    p.code_field("status_type", v.status_type);
    if (v.status_type != certificate_status_type::ocsp) return p.bytes_field("response", v.other_response);
    p.bytes_field("OCSPResponse", v.ocsp_response.bytes);
  }
  constexpr void operator()(const supported_groups& v) const { p.code_list("named_group_list", v.named_group_list); }
  constexpr void operator()(const ec_point_formats& v) const {
    p.code_list("ec_point_format_list", v.ec_point_format_list);
  }
  constexpr void operator()(const signature_algorithms& v) const {
    p.code_list("supported_signature_algorithms", v.supported_signature_algorithms);
  }
  constexpr void operator()(const signature_algorithms_cert& v) const {
    p.code_list("supported_signature_algorithms", v.supported_signature_algorithms);
  }
  constexpr void operator()(const use_srtp& v) const {
    p.section("SRTPProtectionProfiles", v.protection_profiles.size(), [&] {
      for (auto profile : v.protection_profiles) {
        p.indent();
        p.hex(static_cast<std::uint16_t>(profile), 4);
        p.end();
      }
    });
    p.bytes_field("srtp_mki", v.srtp_mki.bytes);
  }
  constexpr void operator()(const heartbeat& v) const { p.code_field("mode", v.mode); }
  constexpr void operator()(const alpn& v) const {
    p.section("protocol_name_list", v.protocol_name_list.size(), [&] {
      for (const auto& name : v.protocol_name_list) {
        p.indent();
        p.name_or_bytes(name.bytes);
        p.end();
      }
    });
  }
  constexpr void operator()(const signed_certificate_timestamp_server_hello& v) const {
    p.section("sct_list", v.sct_list.size(), [&] {
      for (const auto& sct : v.sct_list) p.bytes_field("SerializedSCT", sct.bytes);
    });
  }
  constexpr void operator()(const client_certificate_type_client_hello& v) const {
    p.code_list("client_certificate_types", v.client_certificate_types);
  }
  constexpr void operator()(const client_certificate_type_server_hello& v) const {
    p.code_field("client_certificate_type", v.client_certificate_type);
  }
  constexpr void operator()(const server_certificate_type_client_hello& v) const {
    p.code_list("server_certificate_types", v.server_certificate_types);
  }
  constexpr void operator()(const server_certificate_type_server_hello& v) const {
    p.code_field("server_certificate_type", v.server_certificate_type);
  }
  constexpr void operator()(const padding& v) const {
    if (!validate(v).ok()) return p.bytes_field("padding (not all zero)", e.data);
    p.number_field("zero bytes", v.size());
  }
  constexpr void operator()(const compress_certificate& v) const { p.code_list("algorithms", v.algorithms); }
  constexpr void operator()(const record_size_limit& v) const { p.number_field("RecordSizeLimit", v.limit); }
  constexpr void operator()(const session_ticket& v) const { p.bytes_field("ticket", v.ticket); }
  constexpr void operator()(const pre_shared_key_client_hello& v) const {
    p.section("identities", v.identities.size(), [&] {
      for (const auto& id : v.identities) {
        p.bytes_field("identity", id.identity.bytes);
        p.number_field("obfuscated_ticket_age", id.obfuscated_ticket_age);
      }
    });
    p.section("binders", v.binders.size(), [&] {
      for (const auto& b : v.binders) p.bytes_field("PskBinderEntry", b.bytes);
    });
  }
  constexpr void operator()(const pre_shared_key_server_hello& v) const {
    p.number_field("selected_identity", v.selected_identity);
  }
  constexpr void operator()(const early_data_new_session_ticket& v) const {
    p.number_field("max_early_data_size", v.max_early_data_size);
  }
  constexpr void operator()(const supported_versions_client_hello& v) const { p.code_list("versions", v.versions); }
  constexpr void operator()(const supported_versions_server_hello& v) const {
    p.code_field("selected_version", v.selected_version);
  }
  constexpr void operator()(const cookie& v) const { p.bytes_field("cookie", v.cookie.bytes); }
  constexpr void operator()(const psk_key_exchange_modes& v) const { p.code_list("ke_modes", v.ke_modes); }
  constexpr void operator()(const certificate_authorities& v) const {
    p.section("authorities", v.authorities.size(), [&] {
      for (const auto& dn : v.authorities) p.bytes_field("DistinguishedName", dn.bytes);
    });
  }
  constexpr void operator()(const oid_filters& v) const {
    p.section("filters", v.filters.size(), [&] {
      for (const auto& f : v.filters) {
        p.bytes_field("certificate_extension_oid", f.certificate_extension_oid.bytes);
        p.bytes_field("certificate_extension_values", f.certificate_extension_values.bytes);
      }
    });
  }
  constexpr void operator()(const key_share_client_hello& v) const {
    p.section("client_shares", v.client_shares.size(), [&] {
      for (const auto& share : v.client_shares) {
        p.code_field("group", share.group);
        p.bytes_field("key_exchange", share.key_exchange.bytes);
      }
    });
  }
  constexpr void operator()(const key_share_hello_retry_request& v) const {
    p.code_field("selected_group", v.selected_group);
  }
  constexpr void operator()(const key_share_server_hello& v) const {
    p.begin("server_share:");
    p.end();
    ++p.depth;
    p.code_field("group", v.server_share.group);
    p.bytes_field("key_exchange", v.server_share.key_exchange.bytes);
    --p.depth;
  }
  constexpr void operator()(const renegotiation_info& v) const {
    p.bytes_field("renegotiated_connection", v.renegotiated_connection.bytes);
  }
};

template <class S>
constexpr void print_extension(printer<S>& p, const extension& e, message_context ctx, std::size_t data_offset = 0) {
  p.indent();
  p.code(e.type);
  p.text(", ");
  p.dec(e.data.size());
  p.text(e.data.size() == 1 ? " byte" : " bytes");
  p.end();
  ++p.depth;
  visit_typed(e, ctx, extension_fields<S>{p, e}, data_offset);
  --p.depth;
}

template <class S>
constexpr void print_extensions(printer<S>& p, const extension_list& list, message_context ctx,
                                std::string_view field = "extensions") {
  p.section(field, list.size(), [&] {
    for (auto it = list.begin(); it != list.end(); ++it) print_extension(p, *it, ctx, it.data_offset());
  });
}

// ---- Messages --------------------------------------------------------------

template <class S>
constexpr void body(printer<S>& p, const client_hello& h) {
  p.code_field("legacy_version", h.legacy_version);
  p.bytes_field("random", h.random);
  p.bytes_field("legacy_session_id", h.session_id.bytes);
  p.code_list("cipher_suites", h.cipher_suites);
  p.code_list("legacy_compression_methods", h.compression_methods);
  if (!h.has_extensions) return p.note("extensions", "(absent)");
  print_extensions(p, h.extensions, message_context::client_hello);
}

template <class S>
constexpr void body(printer<S>& p, const server_hello& h) {
  const bool hrr = h.is_hello_retry_request();
  if (hrr) p.note("kind", "HelloRetryRequest (RFC 8446 §4.1.3)");
  p.code_field("legacy_version", h.legacy_version);
  p.bytes_field("random", h.random);
  if (h.downgrade() != downgrade_sentinel::none) p.note("downgrade sentinel", to_string(h.downgrade()));
  p.bytes_field("legacy_session_id_echo", h.session_id_echo.bytes);
  p.code_field("cipher_suite", h.suite);
  p.code_field("legacy_compression_method", h.legacy_compression_method);
  if (!h.has_extensions) return p.note("extensions", "(absent)");
  print_extensions(p, h.extensions, extensions_context(h));
}

template <class S>
constexpr void body(printer<S>&, const hello_request&) {}
template <class S>
constexpr void body(printer<S>&, const end_of_early_data&) {}
template <class S>
constexpr void body(printer<S>&, const server_hello_done&) {}

template <class S>
constexpr void body(printer<S>& p, const opaque_message& m) {
  p.bytes_field("body", m.body);
}

template <class S>
constexpr void body(printer<S>& p, const tls12_new_session_ticket& t) {
  p.number_field("ticket_lifetime_hint", t.ticket_lifetime_hint);
  p.bytes_field("ticket", t.ticket.bytes);
}

template <class S>
constexpr void body(printer<S>& p, const tls13_new_session_ticket& t) {
  p.number_field("ticket_lifetime", t.ticket_lifetime);
  p.begin("ticket_age_add: ");
  p.hex(t.ticket_age_add, 8);
  p.end();
  p.bytes_field("ticket_nonce", t.ticket_nonce.bytes);
  p.bytes_field("ticket", t.ticket.bytes);
  print_extensions(p, t.extensions, message_context::new_session_ticket);
}

template <class S>
constexpr void body(printer<S>& p, const encrypted_extensions& ee) {
  print_extensions(p, ee.extensions, message_context::encrypted_extensions);
}

// A DER name as `CN=server, O=...` (short names from x509/oids.hpp, the
// dotted OID otherwise).
template <class S>
constexpr void x509_name(printer<S>& p, const x509::name& n) {
  bool first = true;
  n.for_each([&](const x509::attribute& a) {
    if (!first) p.text(", ");
    first = false;
    const std::string_view short_name = x509::oid_name(a.type);
    if (!short_name.empty()) {
      p.text(short_name);
    } else {
      std::array<char, 64> buf{};
      p.text(x509::format_oid(a.type, buf));
    }
    p.text("=");
    p.name_or_bytes(a.value);
  });
}

template <class S>
constexpr void certificate_data(printer<S>& p, bytes_view der, certificate_type type) {
  if (type == certificate_type::raw_public_key) return p.bytes_field("ASN1_subjectPublicKeyInfo", der);
  p.bytes_field("cert_data", der);
  if (type != certificate_type::x509) return;
  auto cert = parse_x509(der);
  if (!cert) return p.failure(cert.error());
  ++p.depth;
  p.begin("subject: ");
  x509_name(p, cert->subject);
  p.end();
  p.begin("issuer: ");
  x509_name(p, cert->issuer);
  p.end();
  p.bytes_field("serial", cert->serial);
  --p.depth;
}

template <class S>
constexpr void body(printer<S>& p, const tls12_certificate& c) {
  if (c.certificate_type == certificate_type::raw_public_key)
    return certificate_data(p, c.raw_public_key.bytes, c.certificate_type);
  p.section("certificate_list", c.certificate_list.size(), [&] {
    for (const asn1_cert& cert : c.certificate_list) certificate_data(p, cert.bytes, c.certificate_type);
  });
}

template <class S>
constexpr void body(printer<S>& p, const tls13_certificate& c) {
  p.bytes_field("certificate_request_context", c.certificate_request_context.bytes);
  p.section("certificate_list", c.certificate_list.size(), [&] {
    for (const certificate_entry& e : c.certificate_list) {
      certificate_data(p, e.cert_data.bytes, c.certificate_type);
      print_extensions(p, e.extensions, message_context::certificate);
    }
  });
}

template <class S>
constexpr void signed_params(printer<S>& p, const digitally_signed& d) {
  if (d.has_algorithm) p.code_field("algorithm", d.algorithm);
  p.bytes_field("signature", d.signature.bytes);
}

template <class S>
constexpr void body(printer<S>& p, const server_key_exchange& s) {
  p.code_field("key_exchange (from the suite)", s.key_exchange);
  if (has_psk_identity_hint(s.key_exchange)) p.bytes_field("psk_identity_hint", s.psk_identity_hint.bytes);
  if (has_ecdh_params(s.key_exchange)) {
    p.code_field("curve_type", s.ecdh_params.curve_type);
    p.code_field("namedcurve", s.ecdh_params.named_curve);
    p.bytes_field("public", s.ecdh_params.point.bytes);
  }
  if (has_dh_params(s.key_exchange)) {
    p.bytes_field("dh_p", s.dh_params.dh_p.bytes);
    p.bytes_field("dh_g", s.dh_params.dh_g.bytes);
    p.bytes_field("dh_Ys", s.dh_params.dh_ys.bytes);
  }
  if (s.is_signed) signed_params(p, s.signed_params);
}

template <class S>
constexpr void body(printer<S>& p, const client_key_exchange& c) {
  const auto kx = c.key_exchange;
  p.code_field("key_exchange (from the suite)", kx);
  if (client_key_exchange::has_psk_identity(kx)) p.bytes_field("psk_identity", c.psk_identity.bytes);
  if (client_key_exchange::has_rsa(kx)) p.bytes_field("EncryptedPreMasterSecret", c.encrypted_pre_master_secret.bytes);
  if (client_key_exchange::has_dh(kx)) p.bytes_field("dh_Yc", c.dh_yc.bytes);
  if (client_key_exchange::has_ecdh(kx)) p.bytes_field("ecdh_Yc", c.ecdh_yc.bytes);
}

template <class S>
constexpr void body(printer<S>& p, const tls12_certificate_request& c) {
  p.code_list("certificate_types", c.certificate_types);
  if (c.has_signature_algorithms) p.code_list("supported_signature_algorithms", c.supported_signature_algorithms);
  p.section("certificate_authorities", c.certificate_authorities.size(), [&] {
    for (const auto& dn : c.certificate_authorities) p.bytes_field("DistinguishedName", dn.bytes);
  });
}

template <class S>
constexpr void body(printer<S>& p, const tls13_certificate_request& c) {
  p.bytes_field("certificate_request_context", c.certificate_request_context.bytes);
  print_extensions(p, c.extensions, message_context::certificate_request);
}

template <class S>
constexpr void body(printer<S>& p, const certificate_verify& c) {
  signed_params(p, c.signed_content);
}

template <class S>
constexpr void body(printer<S>& p, const finished& f) {
  p.bytes_field("verify_data", f.verify_data);
}

template <class S>
constexpr void body(printer<S>& p, const certificate_status& c) {
  p.code_field("status_type", c.status_type);
  if (c.status_type == certificate_status_type::ocsp) return p.bytes_field("OCSPResponse", c.ocsp_response.bytes);
  if (c.status_type == certificate_status_type::ocsp_multi) {
    return p.section("ocsp_response_list", c.ocsp_response_list.size(), [&] {
      for (const auto& r : c.ocsp_response_list) p.bytes_field("OCSPResponse", r.bytes);
    });
  }
  p.bytes_field("response", c.other_response);
}

template <class S>
constexpr void body(printer<S>& p, const key_update& k) {
  p.code_field("request_update", k.request_update);
}

template <class S>
constexpr void body(printer<S>& p, const compressed_certificate& c) {
  p.code_field("algorithm", c.algorithm);
  p.number_field("uncompressed_length", c.uncompressed_length);
  p.bytes_field("compressed_certificate_message", c.compressed_certificate_message.bytes);
}

template <class S>
constexpr void body(printer<S>& p, const message_hash& m) {
  p.bytes_field("Hash(ClientHello1)", m.client_hello1_hash);
}

// The RFC's name of each message struct, for the heading line.
template <class T>
constexpr std::string_view title() noexcept {
  if constexpr (std::same_as<T, client_hello>) return "ClientHello";
  else if constexpr (std::same_as<T, server_hello>) return "ServerHello";
  else if constexpr (std::same_as<T, hello_request>) return "HelloRequest";
  else if constexpr (std::same_as<T, tls12_new_session_ticket>) return "NewSessionTicket (RFC 5077)";
  else if constexpr (std::same_as<T, tls13_new_session_ticket>) return "NewSessionTicket (TLS 1.3)";
  else if constexpr (std::same_as<T, end_of_early_data>) return "EndOfEarlyData";
  else if constexpr (std::same_as<T, encrypted_extensions>) return "EncryptedExtensions";
  else if constexpr (std::same_as<T, tls12_certificate>) return "Certificate (TLS 1.2)";
  else if constexpr (std::same_as<T, tls13_certificate>) return "Certificate (TLS 1.3)";
  else if constexpr (std::same_as<T, server_key_exchange>) return "ServerKeyExchange";
  else if constexpr (std::same_as<T, tls12_certificate_request>) return "CertificateRequest (TLS 1.2)";
  else if constexpr (std::same_as<T, tls13_certificate_request>) return "CertificateRequest (TLS 1.3)";
  else if constexpr (std::same_as<T, server_hello_done>) return "ServerHelloDone";
  else if constexpr (std::same_as<T, certificate_verify>) return "CertificateVerify";
  else if constexpr (std::same_as<T, client_key_exchange>) return "ClientKeyExchange";
  else if constexpr (std::same_as<T, finished>) return "Finished";
  else if constexpr (std::same_as<T, certificate_status>) return "CertificateStatus";
  else if constexpr (std::same_as<T, key_update>) return "KeyUpdate";
  else if constexpr (std::same_as<T, compressed_certificate>) return "CompressedCertificate";
  else if constexpr (std::same_as<T, message_hash>) return "message_hash";
  else return "Handshake";
}

template <class S, class T>
constexpr void message(printer<S>& p, const T& m, handshake_type type, std::size_t body_size) {
  p.indent();
  p.text(title<T>());
  p.text(" [");
  p.code(type);
  p.text("], ");
  p.dec(body_size);
  p.text(body_size == 1 ? " byte" : " bytes");
  p.end();
  ++p.depth;
  body(p, m);
  --p.depth;
}

}  // namespace print_detail

// Prints a dispatched message: heading (struct name, msg_type, length),
// then every field.
template <print_sink Sink>
constexpr void print(Sink& sink, const typed_message& m) {
  print_detail::printer<Sink> p{sink};
  std::visit([&](const auto& body) { print_detail::message(p, body, m.message.type, m.message.body.size()); },
             m.body);
}

// Prints any one message type on its own (its encoded size as the length).
template <print_sink Sink, class Message>
  requires requires { Message::type; } || std::same_as<Message, client_hello> || std::same_as<Message, server_hello>
constexpr void print(Sink& sink, const Message& m) {
  print_detail::printer<Sink> p{sink};
  handshake_type type{};
  if constexpr (std::same_as<Message, client_hello>) {
    type = handshake_type::client_hello;
  } else if constexpr (std::same_as<Message, server_hello>) {
    type = handshake_type::server_hello;
  } else {
    type = Message::type;
  }
  print_detail::message(p, m, type, encoded_size(m));
}

// Parses a reassembled message with dispatch() and prints it, or prints
// the error and the raw bytes when it does not parse.
template <print_sink Sink>
constexpr void print(Sink& sink, const handshake_message& m, const negotiation_context& ctx) {
  auto typed = dispatch(m, ctx);
  if (typed) return print(sink, *typed);
  print_detail::printer<Sink> p{sink};
  p.indent();
  p.code(m.type);
  p.text(", ");
  p.dec(m.body.size());
  p.text(" bytes");
  p.end();
  ++p.depth;
  p.failure(typed.error());
  p.bytes_field("body", m.body);
}

// Prints one extension, typed where its shape is known; `ctx` names the
// message that carries it (shapes differ: key_share in CH, SH, HRR, ...).
template <print_sink Sink>
constexpr void print(Sink& sink, const extension& e, message_context ctx = message_context::client_hello) {
  print_detail::printer<Sink> p{sink};
  print_detail::print_extension(p, e, ctx);
}

template <print_sink Sink>
constexpr void print(Sink& sink, const extension_list& list, message_context ctx = message_context::client_hello) {
  print_detail::printer<Sink> p{sink};
  print_detail::print_extensions(p, list, ctx);
}

// Prints an error as `reason, alert name (0x32) at offset N`.
template <print_sink Sink>
constexpr void print(Sink& sink, const error& e) {
  print_detail::printer<Sink> p{sink};
  p.failure(e);
}

}  // namespace tlswire
