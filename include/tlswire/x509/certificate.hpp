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
// ones we interpret: subjectAltName, basicConstraints, keyUsage, extKeyUsage,
// nameConstraints), so every accessor afterwards is infallible. It is strict
// DER (X.690 §10, §11) and RFC 5280 where a verifier could be misled: BOOLEANs
// are 0x00/0xFF, DEFAULT values are never encoded, an extension appears at
// most once (§4.2), extensions only in v3 and unique IDs only in v2/v3
// (§4.1.2.8, §4.1.2.9), dates exist on the calendar. Chain building and signature checks sit
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
      if (!in.empty()) a.parameters = der::read_checked_any(in);
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
          while (atvs.ok() && !atvs.empty()) check_attribute(atvs);
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

  // AttributeTypeAndValue ::= SEQUENCE { type OID, value ANY -- DEFINED BY type }:
  // the value is one element of a universal type (X.520 defines every
  // attribute's syntax as one), checked as DER down to its strings' character sets.
  static constexpr void check_attribute(reader& r) {
    der::read_constructed(r, der::tag::sequence, [](reader& atv) {
      (void)der::read_oid(atv);
      const der::element value = der::read_checked_any(atv);
      if (atv.ok() && (value.tag & 0xc0) != 0) der::fail_corrupt(atv, value.offset);
    });
  }

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
    // X.680 §46 / RFC 5280 §4.1.2.5: a real calendar date; seconds 00-59 (as OpenSSL's ASN1_TIME).
    if (!digits_ok || t.month < 1 || t.month > 12 || t.day < 1 || t.day > days_in_month(t.year, t.month) ||
        t.hour > 23 || t.minute > 59 || t.second > 59)
      der::fail_corrupt(r, at);
    return t;
  }

  static constexpr unsigned days_in_month(unsigned year, unsigned month) noexcept {
    constexpr std::uint8_t days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29u : days[month - 1];
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
      const std::size_t at = in.offset();
      k.key = read_whole_octet_bits(in);
      if (in.ok() && !k.well_formed()) der::fail_corrupt(in, at);
    }).raw;
    return k;
  }

  // An rsaEncryption or id-RSASSA-PSS key's modulus, without its sign octet
  // (empty for other keys); its bit length is the key size.
  constexpr bytes_view rsa_modulus() const noexcept {
    if (!oid::rsa_encryption.matches(algorithm.algorithm) && !oid::rsassa_pss.matches(algorithm.algorithm)) return {};
    reader r(key);
    reader seq = der::contents_reader(der::read_any(r));
    bytes_view n = der::read_any(seq).contents;
    return n.size() > 1 && n[0] == 0 ? n.subspan(1) : n;
  }

  // The named curve of an id-ecPublicKey key (its parameters OID).
  constexpr der::oid curve() const noexcept {
    if (algorithm.parameters.tag != der::tag::oid) return {};
    return der::oid{algorithm.parameters.contents};
  }

  // The key as the RFCs of the types a TLS peer uses define it (a key type
  // not listed is left to whoever uses it):
  //   RFC 3279 §2.3.1 rsaEncryption: parameters NULL; RFC 4055 §1.2
  //     id-RSASSA-PSS: parameters absent or a SEQUENCE; both keys
  //     RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }, both positive;
  //   RFC 5480 §2.1.1 id-ecPublicKey: parameters a namedCurve OID, or the
  //     specifiedCurve SEQUENCE that RFC 5480 says "MUST NOT be used" but that
  //     OpenSSL parses and the dissector must show (CVE-2020-0601 certificates
  //     carry one; the verifier refuses it: it names no curve of verify_policy);
  //     §2.2 the point uncompressed (0x04) or compressed (0x02/0x03), of the
  //     curve's size for the curves named in oids.hpp;
  //   RFC 8410 §3 Ed25519: parameters absent, §4 a 32-octet key.
  constexpr bool well_formed() const noexcept {
    const der::oid type = algorithm.algorithm;
    const std::uint8_t params = algorithm.parameters.tag;
    if (oid::rsa_encryption.matches(type) || oid::rsassa_pss.matches(type)) {
      const bool params_ok = oid::rsa_encryption.matches(type) ? params == der::tag::null
                                                                : params == 0 || params == der::tag::sequence;
      reader r(key);
      bool positive = false;
      der::read_constructed(r, der::tag::sequence, [&](reader& seq) {
        const der::element n = der::read(seq, der::tag::integer);
        const der::element e = der::read(seq, der::tag::integer);
        positive = seq.ok() && der::is_minimal_integer(n.contents) && der::is_minimal_integer(e.contents) &&
                   !(n.contents[0] & 0x80) && !(e.contents[0] & 0x80) && n.contents.size() + n.contents[0] > 1 &&
                   e.contents.size() + e.contents[0] > 1;
      });
      return params_ok && r.ok() && r.empty() && positive;
    }
    if (oid::ec_public_key.matches(type)) {
      if ((params != der::tag::oid && params != der::tag::sequence) || key.empty()) return false;
      std::size_t field = 0;  // octets of a coordinate, for the curves we name
      if (oid::secp256r1.matches(curve()) || oid::secp256k1.matches(curve())) field = 32;
      if (oid::secp384r1.matches(curve())) field = 48;
      if (oid::secp521r1.matches(curve())) field = 66;
      if (key[0] == 0x04) return field == 0 ? key.size() % 2 == 1 && key.size() > 1 : key.size() == 1 + 2 * field;
      if (key[0] == 0x02 || key[0] == 0x03) return field == 0 ? key.size() > 1 : key.size() == 1 + field;
      return false;
    }
    if (oid::ed25519.matches(type)) return params == 0 && key.size() == 32;
    return true;
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

// RFC 5280 §4.2.1.6 GeneralName:
//   GeneralName ::= CHOICE {
//        otherName                 [0]  OtherName,          -- constructed
//        rfc822Name                [1]  IA5String,
//        dNSName                   [2]  IA5String,
//        x400Address               [3]  ORAddress,          -- constructed
//        directoryName             [4]  Name,               -- constructed
//        ediPartyName              [5]  EDIPartyName,       -- constructed
//        uniformResourceIdentifier [6]  IA5String,
//        iPAddress                 [7]  OCTET STRING,
//        registeredID              [8]  OBJECT IDENTIFIER }
struct general_name {
  enum class kind : std::uint8_t {
    other_name = 0, rfc822 = 1, dns = 2, x400 = 3, directory = 4, edi_party = 5, uri = 6, ip = 7,
    registered_id = 8, other = 0xff
  };
  kind form = kind::other;
  std::uint8_t tag = 0;
  bytes_view value{};

  // The name an element (already checked by read_checked) holds.
  static constexpr general_name of(const der::element& e) noexcept {
    general_name n;
    n.tag = e.tag;
    n.value = e.contents;
    const std::uint8_t number = e.tag & 0x1f;
    if ((e.tag & 0xc0) == 0x80 && number <= 8) n.form = static_cast<kind>(number);
    return n;
  }

  // Reads one GeneralName, refusing a tag outside the CHOICE, the wrong
  // primitive/constructed form, an IA5String with a byte above 0x7F, an
  // invalid registeredID, or an iPAddress whose length is not one of
  // `ip_sizes` (4 or 16 in subjectAltName, 8 or 32 in nameConstraints).
  static constexpr general_name read_checked(reader& r, std::size_t ip_v4_size, std::size_t ip_v6_size) {
    const der::element e = der::read_any(r);
    if (!r) return {};
    const general_name n = of(e);
    const std::uint8_t number = e.tag & 0x1f;
    const bool constructed = (e.tag & 0x20) != 0;
    const bool wants_constructed = number == 0 || number == 3 || number == 4 || number == 5;
    bool ok = n.form != kind::other && constructed == wants_constructed;
    if (ok && (n.form == kind::rfc822 || n.form == kind::dns || n.form == kind::uri))
      for (std::uint8_t b : e.contents) ok = ok && b < 0x80;
    if (ok && n.form == kind::ip) ok = e.contents.size() == ip_v4_size || e.contents.size() == ip_v6_size;
    if (ok && n.form == kind::registered_id) ok = der::is_valid_oid(e.contents);
    if (ok && constructed) {  // directoryName holds a Name; the others' contents are checked as DER
      reader inner = der::contents_reader(e);
      if (n.form == kind::directory) (void)name::parse(inner);
      while (inner.ok() && !inner.empty()) (void)der::read_checked_any(inner);
      ok = inner.ok() && inner.empty();
    }
    if (!ok) der::fail_corrupt(r, e.offset);
    return n;
  }
};

// RFC 5280 §4.2.1.10 NameConstraints, checked when the certificate is parsed:
//   NameConstraints ::= SEQUENCE {
//        permittedSubtrees       [0]     GeneralSubtrees OPTIONAL,
//        excludedSubtrees        [1]     GeneralSubtrees OPTIONAL }
//   GeneralSubtrees ::= SEQUENCE SIZE (1..MAX) OF GeneralSubtree
//   GeneralSubtree ::= SEQUENCE {
//        base                    GeneralName,
//        minimum         [0]     BaseDistance DEFAULT 0,
//        maximum         [1]     BaseDistance OPTIONAL }
// "the minimum and maximum fields are not used with any name forms, thus,
// the minimum MUST be zero, and maximum MUST be absent": both are refused
// when present (an explicit 0 is not DER either).
struct name_constraints {
  der::element permitted{};  // the [0] element; tag 0 when absent
  der::element excluded{};   // the [1] element; tag 0 when absent

  // Calls f(general_name) for the base of each subtree in `subtrees`.
  template <class F>
  static constexpr void for_each_base(const der::element& subtrees, F&& f) {
    if (subtrees.tag == 0) return;
    reader list = der::contents_reader(subtrees);
    while (!list.empty()) {
      reader subtree = der::contents_reader(der::read_any(list));
      f(general_name::of(der::read_any(subtree)));
    }
  }

  static constexpr name_constraints parse(reader& r) {
    name_constraints nc;
    der::read_constructed(r, der::tag::sequence, [&](reader& in) {
      if (der::peek_tag(in) == der::tag::context(0, true)) nc.permitted = read_subtrees(in, 0);
      if (der::peek_tag(in) == der::tag::context(1, true)) nc.excluded = read_subtrees(in, 1);
      if (in.ok() && nc.permitted.tag == 0 && nc.excluded.tag == 0) der::fail_corrupt(in, in.offset());
    });
    return nc;
  }

 private:
  static constexpr der::element read_subtrees(reader& r, std::uint8_t number) {
    return der::read_constructed(r, der::tag::context(number, true), [](reader& list) {
      if (list.empty()) der::fail_corrupt(list, list.offset());  // SIZE (1..MAX)
      while (list.ok() && !list.empty()) {
        der::read_constructed(list, der::tag::sequence, [](reader& subtree) {
          (void)general_name::read_checked(subtree, 8, 32);  // RFC 5280: address + mask
          if (subtree.ok() && !subtree.empty()) der::fail_corrupt(subtree, subtree.offset());
        });
      }
    });
  }
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
    while (!names.empty()) f(general_name::of(der::read_any(names)));
  }

  // Calls f(der::oid) for each KeyPurposeId of extKeyUsage (RFC 5280 §4.2.1.12);
  // returns whether the extension is present.
  template <class F>
  constexpr bool for_each_extended_key_usage(F&& f) const {
    const auto eku = find_extension(oid::ext_key_usage);
    if (!eku) return false;
    reader outer(*eku);
    reader ids = der::contents_reader(der::read_any(outer));
    while (!ids.empty()) f(der::read_oid(ids));
    return true;
  }

  // nameConstraints (RFC 5280 §4.2.1.10), nullopt when absent.
  constexpr std::optional<x509::name_constraints> name_constraints() const {
    const auto value = find_extension(oid::name_constraints);
    if (!value) return std::nullopt;
    reader r(*value);
    return x509::name_constraints::parse(r);
  }

  // RFC 5280 §6.1.3 (b): subject and issuer are the same name.
  constexpr bool self_issued() const noexcept { return subject == issuer; }

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
        // v1 is the DEFAULT, so DER never encodes it (X.690 §11.5).
        if (v.ok() && (version == 1 || version > 3)) der::fail_corrupt(v, at);
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
    // RFC 5280 §4.1.2.8: unique identifiers "MUST only appear if the version is 2 or 3";
    // §4.1.2.9: extensions "MUST only appear if the version is 3".
    for (std::uint8_t number : {std::uint8_t{1}, std::uint8_t{2}}) {
      if (tbs.ok() && der::peek_tag(tbs) == der::tag::context(number, false)) {
        const der::element id = der::read_any(tbs);
        if (tbs.ok() && version < 2) der::fail_corrupt(tbs, id.offset);
      }
    }
    if (tbs.ok() && der::peek_tag(tbs) == der::tag::context(3, true)) {
      const std::size_t at = tbs.offset();
      if (version != 3) {
        der::fail_corrupt(tbs, at);
        return;
      }
      der::read_constructed(tbs, der::tag::context(3, true), [&](reader& x) {
        extensions = der::read_constructed(x, der::tag::sequence, [](reader& list) { check_extensions(list); });
      });
      if (tbs.ok() && has_duplicate_extension()) der::fail_corrupt(tbs, at);
    }
  }

  // RFC 5280 §4.2: "A certificate MUST NOT include more than one instance of
  // a particular extension." (Otherwise two readers may each see a different one.)
  constexpr bool has_duplicate_extension() const {
    bool duplicate = false;
    std::size_t i = 0;
    for_each_extension([&](der::oid a, bool, bytes_view) {
      std::size_t j = 0;
      for_each_extension([&](der::oid b, bool, bytes_view) {
        if (j++ < i && a == b) duplicate = true;
      });
      ++i;
    });
    return duplicate;
  }

  // GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName (RFC 5280 §4.2.1.6), the contents.
  static constexpr void read_general_names(reader& names) {
    if (names.empty()) der::fail_corrupt(names, names.offset());
    while (names.ok() && !names.empty()) (void)general_name::read_checked(names, 4, 16);
  }

  // Extension ::= SEQUENCE { extnID OID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING },
  // and the contents of the extensions this view interprets.
  static constexpr void check_extensions(reader& list) {
    if (list.empty()) der::fail_corrupt(list, list.offset());  // SIZE (1..MAX)
    while (list.ok() && !list.empty()) {
      der::read_constructed(list, der::tag::sequence, [](reader& ext) {
        const der::oid id = der::read_oid(ext);
        (void)der::read_default_false(ext);  // critical BOOLEAN DEFAULT FALSE
        const der::element value = der::read(ext, der::tag::octet_string);
        if (!ext) return;
        reader v = der::contents_reader(value);
        if (oid::subject_alt_name.matches(id)) {
          der::read_constructed(v, der::tag::sequence, read_general_names);
        } else if (oid::basic_constraints.matches(id)) {
          // SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER (0..MAX) OPTIONAL }
          der::read_constructed(v, der::tag::sequence, [](reader& seq) {
            (void)der::read_default_false(seq);
            if (seq.ok() && !seq.empty()) (void)der::read_small_uint(seq);
          });
        } else if (oid::key_usage.matches(id)) {
          const der::element bits = der::read(v, der::tag::bit_string);
          if (v.ok() && !der::is_der_named_bits(bits.contents)) der::fail_corrupt(v, bits.offset);
        } else if (oid::ext_key_usage.matches(id)) {
          // ExtKeyUsageSyntax ::= SEQUENCE SIZE (1..MAX) OF KeyPurposeId (RFC 5280 §4.2.1.12)
          der::read_constructed(v, der::tag::sequence, [](reader& ids) {
            if (ids.empty()) der::fail_corrupt(ids, ids.offset());
            while (ids.ok() && !ids.empty()) (void)der::read_oid(ids);
          });
        } else if (oid::name_constraints.matches(id)) {
          (void)x509::name_constraints::parse(v);
        } else if (oid::crl_distribution_points.matches(id)) {
          // RFC 5280 §4.2.1.13 (IMPLICIT tags):
          //   CRLDistributionPoints ::= SEQUENCE SIZE (1..MAX) OF DistributionPoint
          //   DistributionPoint ::= SEQUENCE {
          //        distributionPoint [0] DistributionPointName OPTIONAL,  -- a CHOICE: explicit
          //        reasons           [1] ReasonFlags OPTIONAL,            -- BIT STRING
          //        cRLIssuer         [2] GeneralNames OPTIONAL }
          //   DistributionPointName ::= CHOICE {
          //        fullName [0] GeneralNames, nameRelativeToCRLIssuer [1] RelativeDistinguishedName }
          der::read_constructed(v, der::tag::sequence, [](reader& points) {
            if (points.empty()) der::fail_corrupt(points, points.offset());
            while (points.ok() && !points.empty()) {
              der::read_constructed(points, der::tag::sequence, [](reader& point) {
                if (der::peek_tag(point) == der::tag::context(0, true)) {
                  der::read_constructed(point, der::tag::context(0, true), [](reader& dp) {
                    if (der::peek_tag(dp) == der::tag::context(0, true)) {
                      der::read_constructed(dp, der::tag::context(0, true), read_general_names);
                    } else {
                      der::read_constructed(dp, der::tag::context(1, true), [](reader& rdn) {
                        if (rdn.empty()) der::fail_corrupt(rdn, rdn.offset());
                        while (rdn.ok() && !rdn.empty()) name::check_attribute(rdn);
                      });
                    }
                  });
                }
                if (point.ok() && der::peek_tag(point) == der::tag::context(1, false)) {
                  const der::element reasons = der::read_any(point);
                  if (point.ok() && !der::is_der_named_bits(reasons.contents)) der::fail_corrupt(point, reasons.offset);
                }
                if (point.ok() && der::peek_tag(point) == der::tag::context(2, true))
                  der::read_constructed(point, der::tag::context(2, true), read_general_names);
              });
            }
          });
        } else if (oid::subject_key_identifier.matches(id)) {
          (void)der::read(v, der::tag::octet_string);  // RFC 5280 §4.2.1.2 KeyIdentifier
        } else if (oid::authority_key_identifier.matches(id)) {
          // RFC 5280 §4.2.1.1 AuthorityKeyIdentifier ::= SEQUENCE {
          //   keyIdentifier [0] KeyIdentifier OPTIONAL, authorityCertIssuer [1] GeneralNames OPTIONAL,
          //   authorityCertSerialNumber [2] CertificateSerialNumber OPTIONAL }  (IMPLICIT tags)
          der::read_constructed(v, der::tag::sequence, [](reader& seq) {
            if (der::peek_tag(seq) == der::tag::context(0, false)) (void)der::read_any(seq);
            if (seq.ok() && der::peek_tag(seq) == der::tag::context(1, true)) {
              der::read_constructed(seq, der::tag::context(1, true), read_general_names);
            }
            if (seq.ok() && der::peek_tag(seq) == der::tag::context(2, false)) {
              const der::element serial = der::read_any(seq);
              if (seq.ok() && !der::is_minimal_integer(serial.contents)) der::fail_corrupt(seq, serial.offset);
            }
          });
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
