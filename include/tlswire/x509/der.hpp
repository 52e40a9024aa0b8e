#pragma once
// ITU-T X.690 DER: tag-length-value elements as views of the caller's bytes.
//
// Only the subset certificates use: single-byte tags (low tag numbers) and
// definite lengths in their minimal form. Anything else — indefinite
// lengths, non-minimal length octets, high tag numbers — is not DER and is
// refused with bad_certificate (RFC 8446 §6.2: "a certificate was corrupt").
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/reader.hpp"

namespace tlswire::der {

// Universal and context tags as they appear on the wire (class | constructed | number).
namespace tag {
inline constexpr std::uint8_t boolean = 0x01;
inline constexpr std::uint8_t integer = 0x02;
inline constexpr std::uint8_t bit_string = 0x03;
inline constexpr std::uint8_t octet_string = 0x04;
inline constexpr std::uint8_t null = 0x05;
inline constexpr std::uint8_t oid = 0x06;
inline constexpr std::uint8_t utf8_string = 0x0c;
inline constexpr std::uint8_t printable_string = 0x13;
inline constexpr std::uint8_t t61_string = 0x14;
inline constexpr std::uint8_t ia5_string = 0x16;
inline constexpr std::uint8_t utc_time = 0x17;
inline constexpr std::uint8_t generalized_time = 0x18;
inline constexpr std::uint8_t universal_string = 0x1c;
inline constexpr std::uint8_t bmp_string = 0x1e;
inline constexpr std::uint8_t sequence = 0x30;
inline constexpr std::uint8_t set = 0x31;
constexpr std::uint8_t context(std::uint8_t n, bool constructed) noexcept {
  return static_cast<std::uint8_t>(0x80 | (constructed ? 0x20 : 0) | n);
}
}  // namespace tag

// One element: its tag, its contents, and all of its bytes (tag + length +
// contents), e.g. for hashing the to-be-signed part of a certificate.
struct element {
  std::uint8_t tag = 0;
  bytes_view contents{};
  bytes_view raw{};
  std::size_t offset = 0;  // where `raw` starts in the caller's input

  friend constexpr bool operator==(const element& a, const element& b) noexcept {
    return a.tag == b.tag && equal_bytes(a.raw, b.raw);
  }
};

constexpr void fail_corrupt(reader& r, std::size_t at) noexcept {
  r.fail(errc::bad_value, alert_description::bad_certificate, at);
}

// Reads any element. Failures carry bad_certificate and the element's offset.
constexpr element read_any(reader& r) noexcept {
  element e;
  e.offset = r.offset();
  const bytes_view from = r.rest();
  if (r.remaining() < 2) {
    r.fail(errc::truncated, alert_description::bad_certificate, e.offset);
    return {};
  }
  e.tag = r.u8();
  const std::uint8_t first = r.u8();
  if ((e.tag & 0x1f) == 0x1f) {  // high tag number form: never used by X.509
    fail_corrupt(r, e.offset);
    return {};
  }
  std::size_t len = first;
  if (first & 0x80) {
    const std::size_t n = first & 0x7f;
    // 0x80 is BER's indefinite length; more than 4 octets cannot fit a span here.
    if (n == 0 || n > 4) {
      fail_corrupt(r, e.offset);
      return {};
    }
    if (r.remaining() < n) {
      r.fail(errc::truncated, alert_description::bad_certificate, e.offset);
      return {};
    }
    len = static_cast<std::size_t>(r.uint_be(n));
    // DER: the long form only for lengths >= 128, with no leading zero octet.
    if (len < 0x80 || (len >> (8 * (n - 1))) == 0) {
      fail_corrupt(r, e.offset);
      return {};
    }
  }
  if (len > r.remaining()) {
    r.fail(errc::truncated, alert_description::bad_certificate, e.offset);
    return {};
  }
  const std::size_t header = r.offset() - e.offset;
  e.contents = r.bytes(len);
  e.raw = from.first(header + len);
  return e;
}

// Reads an element that must carry `expected_tag`.
constexpr element read(reader& r, std::uint8_t expected_tag) noexcept {
  const std::size_t at = r.offset();
  element e = read_any(r);
  if (r.ok() && e.tag != expected_tag) {
    fail_corrupt(r, at);
    return {};
  }
  return e;
}

// Peeks at the next tag without consuming (0 at the end).
constexpr std::uint8_t peek_tag(const reader& r) noexcept {
  const bytes_view rest = r.rest();
  return rest.empty() ? 0 : rest[0];
}

// A reader over an element's contents, offsets kept absolute.
constexpr reader contents_reader(const element& e) noexcept {
  return reader(e.contents, e.offset + (e.raw.size() - e.contents.size()));
}

// Reads a constructed element and hands its contents to `body`, which must
// consume them exactly.
template <class Body>
constexpr element read_constructed(reader& r, std::uint8_t expected_tag, Body&& body) {
  element e = read(r, expected_tag);
  if (!r) return e;
  reader inner = contents_reader(e);
  body(inner);
  if (inner.ok() && !inner.empty()) fail_corrupt(inner, inner.offset());
  if (!inner) r.fail(inner.error());
  return e;
}

// INTEGER contents must be minimal two's complement (X.690 §8.3.2).
constexpr bool is_minimal_integer(bytes_view v) noexcept {
  if (v.empty()) return false;
  if (v.size() == 1) return true;
  return !((v[0] == 0x00 && (v[1] & 0x80) == 0) || (v[0] == 0xff && (v[1] & 0x80) != 0));
}

// A small non-negative INTEGER (version numbers, path lengths).
constexpr std::uint32_t read_small_uint(reader& r) noexcept {
  const element e = read(r, tag::integer);
  if (!r) return 0;
  if (!is_minimal_integer(e.contents) || (e.contents[0] & 0x80) || e.contents.size() > 4) {
    fail_corrupt(r, e.offset);
    return 0;
  }
  std::uint32_t v = 0;
  for (std::uint8_t b : e.contents) v = (v << 8) | b;
  return v;
}

// X.690 §11.1: a DER BOOLEAN is one octet, 0x00 (FALSE) or 0xFF (TRUE).
constexpr bool read_boolean(reader& r) noexcept {
  const element e = read(r, tag::boolean);
  if (!r) return false;
  if (e.contents.size() != 1 || (e.contents[0] != 0x00 && e.contents[0] != 0xff)) {
    fail_corrupt(r, e.offset);
    return false;
  }
  return e.contents[0] == 0xff;
}

// A BOOLEAN DEFAULT FALSE field: absent is FALSE, and X.690 §11.5 says a
// DER encoding omits a value equal to its DEFAULT, so an explicit FALSE is refused.
constexpr bool read_default_false(reader& r) noexcept {
  if (peek_tag(r) != tag::boolean) return false;
  const std::size_t at = r.offset();
  const bool v = read_boolean(r);
  if (r.ok() && !v) fail_corrupt(r, at);
  return v;
}

// X.690 §11.2.2: a named-bit-list BIT STRING (keyUsage) in DER has no
// trailing zero bits: the unused bits are 0 and the last used bit is 1.
constexpr bool is_der_named_bits(bytes_view v) noexcept {
  if (v.empty() || v[0] > 7) return false;
  if (v.size() == 1) return v[0] == 0;
  const std::uint8_t last = v[v.size() - 1];
  return (last & ((1u << v[0]) - 1)) == 0 && (last & (1u << v[0])) != 0;
}

// An OBJECT IDENTIFIER's contents compared with a known encoding.
struct oid {
  bytes_view encoded{};
  friend constexpr bool operator==(const oid& a, const oid& b) noexcept { return equal_bytes(a.encoded, b.encoded); }
};

// OID contents: base-128 arcs, each minimal (no leading 0x80), last octet ends an arc.
constexpr bool is_valid_oid(bytes_view v) noexcept {
  if (v.empty() || (v[v.size() - 1] & 0x80)) return false;
  bool arc_start = true;
  for (std::uint8_t b : v) {
    if (arc_start && b == 0x80) return false;
    arc_start = (b & 0x80) == 0;
  }
  return true;
}

constexpr oid read_oid(reader& r) noexcept {
  const element e = read(r, tag::oid);
  if (r.ok() && !is_valid_oid(e.contents)) fail_corrupt(r, e.offset);
  return oid{e.contents};
}

// RFC 3629 §4 UTF-8: no overlong forms, no surrogates (U+D800..DFFF), nothing past U+10FFFF.
constexpr bool is_valid_utf8(bytes_view v) noexcept {
  for (std::size_t i = 0; i < v.size();) {
    const std::uint8_t b = v[i];
    std::size_t n = 0;
    std::uint32_t c = 0, min = 0;
    if (b < 0x80) {
      ++i;
      continue;
    }
    if ((b & 0xe0) == 0xc0) n = 1, c = b & 0x1fu, min = 0x80;
    else if ((b & 0xf0) == 0xe0) n = 2, c = b & 0x0fu, min = 0x800;
    else if ((b & 0xf8) == 0xf0) n = 3, c = b & 0x07u, min = 0x10000;
    else return false;
    if (v.size() - i <= n) return false;
    for (std::size_t k = 1; k <= n; ++k) {
      if ((v[i + k] & 0xc0) != 0x80) return false;
      c = (c << 6) | (v[i + k] & 0x3fu);
    }
    if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) return false;
    i += n + 1;
  }
  return true;
}

// X.680 §41.4 PrintableString: A-Z a-z 0-9 space ' ( ) + , - . / : = ?, and
// '*' and '&' which many issued certificates carry (Go's crypto/x509 takes them too).
constexpr bool is_printable_string(bytes_view v) noexcept {
  for (std::uint8_t c : v) {
    const bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    bool other = false;
    for (char p : std::string_view(" '()+,-./:=?*&")) other = other || c == static_cast<std::uint8_t>(p);
    if (!alnum && !other) return false;
  }
  return true;
}

// X.680 §41.2 IA5String: International Alphabet 5, the 128 ASCII characters.
constexpr bool is_ia5_string(bytes_view v) noexcept {
  for (std::uint8_t c : v)
    if (c >= 0x80) return false;
  return true;
}

// The contents of a universal primitive element are what its type allows in
// DER (X.690 §8, §10, §11): a one-octet 0x00/0xFF BOOLEAN, a minimal INTEGER,
// an empty NULL, a canonical OBJECT IDENTIFIER, a BIT STRING with 0-7 unused
// bits, strings in their character sets. The string types X.690 §10.2 keeps
// primitive in DER are never constructed, and universal tag 0 (reserved for
// the encoding rules, X.680 §8.6) is never used. Other tags pass.
constexpr bool is_valid_universal(const element& e) noexcept {
  const bytes_view v = e.contents;
  switch (e.tag) {
    case 0x00:
    case 0x20: return false;
    case tag::boolean: return v.size() == 1 && (v[0] == 0x00 || v[0] == 0xff);
    case tag::integer: return is_minimal_integer(v);
    case tag::null: return v.empty();
    case tag::oid: return is_valid_oid(v);
    case tag::bit_string: return !v.empty() && v[0] <= 7 && (v.size() > 1 || v[0] == 0);
    case tag::utf8_string: return is_valid_utf8(v);
    case tag::printable_string: return is_printable_string(v);
    case tag::ia5_string: return is_ia5_string(v);
    case tag::bmp_string: return v.size() % 2 == 0;
    case tag::universal_string: return v.size() % 4 == 0;
    case tag::bit_string | 0x20:
    case tag::octet_string | 0x20:
    case tag::utf8_string | 0x20:
    case tag::printable_string | 0x20:
    case tag::t61_string | 0x20:
    case tag::ia5_string | 0x20:
    case tag::utc_time | 0x20:
    case tag::generalized_time | 0x20:
    case tag::bmp_string | 0x20: return false;
    default: return true;
  }
}

// Reads one element of an ANY value (attribute values, algorithm
// parameters, otherName values): it and every element inside it, to `depth`
// levels of nesting, are well-formed DER and every universal one passes
// is_valid_universal. Deeper nesting than any certificate uses is refused
// rather than recursed into.
constexpr element read_checked_any(reader& r, int depth = 8) noexcept {
  const element e = read_any(r);
  if (!r) return e;
  const bool constructed = (e.tag & 0x20) != 0;
  if (!is_valid_universal(e) || (constructed && depth == 0)) {
    fail_corrupt(r, e.offset);
    return e;
  }
  if (constructed) {
    reader inner = contents_reader(e);
    while (inner.ok() && !inner.empty()) (void)read_checked_any(inner, depth - 1);
    if (!inner) r.fail(inner.error());
  }
  return e;
}

}  // namespace tlswire::der
