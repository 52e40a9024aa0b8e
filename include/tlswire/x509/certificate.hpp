#pragma once
// RFC 5280 §4.1 — an X.509 v1/v2/v3 certificate as a zero-copy view.
//
//   Certificate  ::=  SEQUENCE  {
//        tbsCertificate       TBSCertificate,
//        signatureAlgorithm   AlgorithmIdentifier,
//        signatureValue       BIT STRING  }
//
//   TBSCertificate  ::=  SEQUENCE  {
//        version         [0]  EXPLICIT Version DEFAULT v1,
//        serialNumber         CertificateSerialNumber,
//        signature            AlgorithmIdentifier,
//        issuer               Name,
//        validity             Validity,
//        subject              Name,
//        subjectPublicKeyInfo SubjectPublicKeyInfo,
//        issuerUniqueID  [1]  IMPLICIT UniqueIdentifier OPTIONAL,
//        subjectUniqueID [2]  IMPLICIT UniqueIdentifier OPTIONAL,
//        extensions      [3]  EXPLICIT Extensions OPTIONAL }
//
// parse() checks the whole structure once (names, times, extensions and the
// ones we interpret: subjectAltName, basicConstraints, keyUsage), so every
// accessor afterwards is infallible. Chain building and signature checks sit
// above this layer: tbs.raw and signature_value are kept for them.
#include <cstddef>
#include <cstdint>
#include <optional>

#include "tlswire/wire/codec.hpp"
#include "tlswire/wire/reader.hpp"
#include "tlswire/wire/writer.hpp"
#include "tlswire/x509/der.hpp"
#include "tlswire/x509/oids.hpp"

namespace tlswire::x509 {

// RFC 5280 §4.1.1.2: AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL }
struct algorithm_identifier {
  der::oid algorithm{};
  der::element parameters{};  // tag 0 when absent
  bytes_view raw{};

  static constexpr algorithm_identifier parse(reader& r) {
    algorithm_identifier a;
    a.raw = der::read_constructed(r, der::tag::sequence, [&](reader& in) {
      a.algorithm = der::read_oid(in);
      if (!in.empty()) a.parameters = der::read_any(in);
    }).raw;
    return a;
  }
};

// One AttributeTypeAndValue of a Name (RFC 5280 §4.1.2.4).
struct attribute {
  der::oid type{};
  std::uint8_t value_tag = 0;  // PrintableString, UTF8String, IA5String, …
  bytes_view value{};
};

// Name ::= SEQUENCE OF RelativeDistinguishedName (SET SIZE (1..MAX) OF AttributeTypeAndValue)
struct name {
  der::element raw{};

  static constexpr name parse(reader& r) {
    name n;
    n.raw = der::read_constructed(r, der::tag::sequence, [](reader& rdns) {
      while (rdns.ok() && !rdns.empty()) {
        const der::element set = der::read_constructed(rdns, der::tag::set, [](reader& atvs) {
          while (atvs.ok() && !atvs.empty()) (void)read_attribute(atvs);
        });
        if (rdns.ok() && set.contents.empty()) der::fail_corrupt(rdns, set.offset);
      }
    });
    return n;
  }

  // Calls f(attribute) for each attribute, in order.
  template <class F>
  constexpr void for_each(F&& f) const {
    reader rdns = der::contents_reader(raw);
    while (!rdns.empty()) {
      reader atvs = der::contents_reader(der::read_any(rdns));
      while (!atvs.empty()) f(read_attribute(atvs));
    }
  }

  // The first value of attribute `type` (e.g. oid::common_name), if present.
  constexpr std::optional<bytes_view> find(const known_oid& type) const {
    std::optional<bytes_view> found;
    for_each([&](const attribute& a) {
      if (!found && type.matches(a.type)) found = a.value;
    });
    return found;
  }

  friend constexpr bool operator==(const name& a, const name& b) noexcept { return equal_bytes(a.raw.raw, b.raw.raw); }

 private:
  static constexpr attribute read_attribute(reader& r) {
    attribute a;
    der::read_constructed(r, der::tag::sequence, [&](reader& atv) {
      a.type = der::read_oid(atv);
      const der::element v = der::read_any(atv);
      a.value_tag = v.tag;
      a.value = v.contents;
    });
    return a;
  }
};

// RFC 5280 §4.1.2.5: UTCTime YYMMDDHHMMSSZ or GeneralizedTime YYYYMMDDHHMMSSZ.
struct time {
  std::uint16_t year = 0;
  std::uint8_t month = 0, day = 0, hour = 0, minute = 0, second = 0;
  bytes_view text{};

  static constexpr time parse(reader& r) {
    time t;
    const std::size_t at = r.offset();
    const std::uint8_t tag = der::peek_tag(r);
    if (tag != der::tag::utc_time && tag != der::tag::generalized_time) {
      der::fail_corrupt(r, at);
      return t;
    }
    const der::element e = der::read_any(r);
    if (!r) return t;
    t.text = e.contents;
    const std::size_t year_digits = tag == der::tag::utc_time ? 2 : 4;
    if (t.text.size() != year_digits + 11 || t.text[t.text.size() - 1] != 'Z') {
      der::fail_corrupt(r, at);
      return t;
    }
    std::size_t pos = 0;
    bool digits_ok = true;
    auto number = [&](std::size_t n) {
      unsigned v = 0;
      for (std::size_t i = 0; i < n; ++i, ++pos) {
        const std::uint8_t c = t.text[pos];
        if (c < '0' || c > '9') digits_ok = false;
        v = v * 10 + static_cast<unsigned>(c - '0');
      }
      return v;
    };
    unsigned y = number(year_digits);
    if (year_digits == 2) y += y < 50 ? 2000 : 1900;  // RFC 5280 §4.1.2.5.1
    t.year = static_cast<std::uint16_t>(y);
    t.month = static_cast<std::uint8_t>(number(2));
    t.day = static_cast<std::uint8_t>(number(2));
    t.hour = static_cast<std::uint8_t>(number(2));
    t.minute = static_cast<std::uint8_t>(number(2));
    t.second = static_cast<std::uint8_t>(number(2));
    if (!digits_ok || t.month < 1 || t.month > 12 || t.day < 1 || t.day > 31 || t.hour > 23 || t.minute > 59 ||
        t.second > 60)
      der::fail_corrupt(r, at);
    return t;
  }

  // Seconds since 1970-01-01T00:00:00Z (days-from-civil arithmetic).
  constexpr std::int64_t unix_seconds() const noexcept {
    const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t mp = (month + 9) % 12;
    const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const std::int64_t days = era * 146097 + doe - 719468;
    return days * 86400 + std::int64_t{hour} * 3600 + std::int64_t{minute} * 60 + second;
  }
};

// RFC 5280 §4.1.2.7: SubjectPublicKeyInfo ::= SEQUENCE { algorithm, subjectPublicKey BIT STRING }
struct public_key_info {
  algorithm_identifier algorithm{};
  bytes_view key{};  // the BIT STRING's bits (whole octets): RSAPublicKey DER, EC point, raw Ed25519 key
  bytes_view raw{};  // the whole SPKI DER, as crypto providers take it

  static constexpr public_key_info parse(reader& r) {
    public_key_info k;
    k.raw = der::read_constructed(r, der::tag::sequence, [&](reader& in) {
      k.algorithm = algorithm_identifier::parse(in);
      k.key = read_whole_octet_bits(in);
    }).raw;
    return k;
  }

  // The named curve of an id-ecPublicKey key (its parameters OID).
  constexpr der::oid curve() const noexcept {
    if (algorithm.parameters.tag != der::tag::oid) return {};
    return der::oid{algorithm.parameters.contents};
  }

  // A BIT STRING whose unused-bits octet must be 0 (keys and signatures).
  static constexpr bytes_view read_whole_octet_bits(reader& r) {
    const der::element bits = der::read(r, der::tag::bit_string);
    if (!r) return {};
    if (bits.contents.empty() || bits.contents[0] != 0) {
      der::fail_corrupt(r, bits.offset);
      return {};
    }
    return bits.contents.subspan(1);
  }
};

// RFC 5280 §4.2.1.9
struct basic_constraints {
  bool ca = false;
  std::optional<std::uint32_t> path_length{};
};

// RFC 5280 §4.2.1.6 GeneralName: the forms a TLS peer is named by.
struct general_name {
  enum class kind : std::uint8_t { dns = 2, uri = 6, ip = 7, other = 0xff };
  kind form = kind::other;
  std::uint8_t tag = 0;
  bytes_view value{};
};

struct certificate {
  der::element raw{};
  der::element tbs{};  // the to-be-signed bytes the signature covers
  std::uint32_t version = 1;  // 1, 2 or 3 (the wire holds version - 1)
  bytes_view serial{};
  algorithm_identifier tbs_signature{};
  name issuer{};
  time not_before{};
  time not_after{};
  name subject{};
  public_key_info public_key{};
  der::element extensions{};  // the SEQUENCE inside [3]; tag 0 when absent
  algorithm_identifier signature_algorithm{};
  bytes_view signature_value{};

  static constexpr certificate parse(reader& r) {
    certificate c;
    c.raw = der::read_constructed(r, der::tag::sequence, [&](reader& cert) {
      c.tbs = der::read_constructed(cert, der::tag::sequence, [&](reader& tbs) { c.parse_tbs(tbs); });
      c.signature_algorithm = algorithm_identifier::parse(cert);
      const der::element sig = der::read(cert, der::tag::bit_string);
      if (cert.ok() && (sig.contents.empty() || sig.contents[0] != 0)) der::fail_corrupt(cert, sig.offset);
      if (cert.ok()) c.signature_value = sig.contents.subspan(1);
    });
    return c;
  }
  // DER has one encoding: the certificate re-encodes as the bytes it came from.
  constexpr void encode(writer& w) const noexcept { w.bytes(raw.raw); }

  // Calls f(oid, critical, extnValue contents) for each extension.
  template <class F>
  constexpr void for_each_extension(F&& f) const {
    if (extensions.tag == 0) return;
    reader list = der::contents_reader(extensions);
    while (!list.empty()) {
      reader ext = der::contents_reader(der::read_any(list));
      const der::oid id = der::read_oid(ext);
      bool critical = false;
      if (der::peek_tag(ext) == der::tag::boolean) critical = der::read_any(ext).contents[0] != 0;
      f(id, critical, der::read_any(ext).contents);
    }
  }

  constexpr std::optional<bytes_view> find_extension(const known_oid& id) const {
    std::optional<bytes_view> found;
    for_each_extension([&](der::oid o, bool, bytes_view value) {
      if (!found && id.matches(o)) found = value;
    });
    return found;
  }

  // Calls f(general_name) for each subjectAltName entry.
  template <class F>
  constexpr void for_each_subject_alt_name(F&& f) const {
    const auto san = find_extension(oid::subject_alt_name);
    if (!san) return;
    reader outer(*san);
    reader names = der::contents_reader(der::read_any(outer));
    while (!names.empty()) {
      const der::element e = der::read_any(names);
      general_name n;
      n.tag = e.tag;
      n.value = e.contents;
      const std::uint8_t number = e.tag & 0x1f;
      if ((e.tag & 0xe0) == 0x80 && (number == 2 || number == 6 || number == 7))
        n.form = static_cast<general_name::kind>(number);
      f(n);
    }
  }

  constexpr basic_constraints constraints() const {
    basic_constraints bc;
    const auto value = find_extension(oid::basic_constraints);
    if (!value) return bc;
    reader outer(*value);
    reader seq = der::contents_reader(der::read_any(outer));
    if (der::peek_tag(seq) == der::tag::boolean) bc.ca = der::read_any(seq).contents[0] != 0;
    if (!seq.empty()) bc.path_length = der::read_small_uint(seq);
    return bc;
  }

  // keyUsage bits, bit 0 (digitalSignature) as the lowest bit; nullopt when absent.
  constexpr std::optional<std::uint16_t> key_usage() const {
    const auto value = find_extension(oid::key_usage);
    if (!value) return std::nullopt;
    reader outer(*value);
    const der::element bits = der::read_any(outer);
    std::uint16_t v = 0;
    for (std::size_t i = 1; i < bits.contents.size() && i <= 2; ++i)
      for (int b = 0; b < 8; ++b)
        if (bits.contents[i] & (0x80 >> b)) v = static_cast<std::uint16_t>(v | (1u << ((i - 1) * 8 + b)));
    return v;
  }

 private:
  constexpr void parse_tbs(reader& tbs) {
    if (der::peek_tag(tbs) == der::tag::context(0, true)) {
      der::read_constructed(tbs, der::tag::context(0, true), [&](reader& v) {
        const std::size_t at = v.offset();
        version = der::read_small_uint(v) + 1;
        if (v.ok() && version > 3) der::fail_corrupt(v, at);
      });
    }
    const der::element serial_element = der::read(tbs, der::tag::integer);
    if (tbs.ok() && !der::is_minimal_integer(serial_element.contents)) der::fail_corrupt(tbs, serial_element.offset);
    serial = serial_element.contents;
    tbs_signature = algorithm_identifier::parse(tbs);
    issuer = name::parse(tbs);
    der::read_constructed(tbs, der::tag::sequence, [&](reader& validity) {
      not_before = time::parse(validity);
      not_after = time::parse(validity);
    });
    subject = name::parse(tbs);
    public_key = public_key_info::parse(tbs);
    if (der::peek_tag(tbs) == der::tag::context(1, false)) (void)der::read_any(tbs);
    if (der::peek_tag(tbs) == der::tag::context(2, false)) (void)der::read_any(tbs);
    if (der::peek_tag(tbs) == der::tag::context(3, true)) {
      der::read_constructed(tbs, der::tag::context(3, true), [&](reader& x) {
        extensions = der::read_constructed(x, der::tag::sequence, [](reader& list) { check_extensions(list); });
      });
    }
  }

  // Extension ::= SEQUENCE { extnID OID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING },
  // and the contents of the extensions this view interprets.
  static constexpr void check_extensions(reader& list) {
    if (list.empty()) der::fail_corrupt(list, list.offset());  // SIZE (1..MAX)
    while (list.ok() && !list.empty()) {
      der::read_constructed(list, der::tag::sequence, [](reader& ext) {
        const der::oid id = der::read_oid(ext);
        if (der::peek_tag(ext) == der::tag::boolean) {
          const der::element b = der::read_any(ext);
          if (ext.ok() && (b.contents.size() != 1 || (b.contents[0] != 0 && b.contents[0] != 0xff)))
            der::fail_corrupt(ext, b.offset);
        }
        const der::element value = der::read(ext, der::tag::octet_string);
        if (!ext) return;
        reader v = der::contents_reader(value);
        if (oid::subject_alt_name.matches(id)) {
          der::read_constructed(v, der::tag::sequence, [](reader& names) {
            if (names.empty()) der::fail_corrupt(names, names.offset());
            while (names.ok() && !names.empty()) (void)der::read_any(names);
          });
        } else if (oid::basic_constraints.matches(id)) {
          der::read_constructed(v, der::tag::sequence, [](reader& seq) {
            if (der::peek_tag(seq) == der::tag::boolean) {
              const der::element b = der::read_any(seq);
              if (seq.ok() && b.contents.size() != 1) der::fail_corrupt(seq, b.offset);
            }
            if (seq.ok() && !seq.empty()) (void)der::read_small_uint(seq);
          });
        } else if (oid::key_usage.matches(id)) {
          const der::element bits = der::read(v, der::tag::bit_string);
          if (v.ok() && (bits.contents.empty() || bits.contents[0] > 7)) der::fail_corrupt(v, bits.offset);
        } else {
          return;  // other extensions are kept as opaque values
        }
        if (v.ok() && !v.empty()) der::fail_corrupt(v, v.offset());
        if (!v) ext.fail(v.error());
      });
    }
  }
};

}  // namespace tlswire::x509

namespace tlswire {

// A DER certificate's view, checked once: for a Certificate message's
// cert_data (RFC 8446 §4.4.2) or any other DER. It lives here, not in
// messages/certificate.hpp, so the message layer needs nothing of x509/ and
// code that holds both (inspect/, tools, tests) reaches it from below.
constexpr result<x509::certificate> parse_x509(bytes_view der) { return decode<x509::certificate>(der); }

}  // namespace tlswire
