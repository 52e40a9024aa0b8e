#pragma once
// ClientHello fingerprints: JA3 (Salesforce, 2017) and JA4 (FoxIO, the
// published definition in FoxIO-LLC/ja4 technical_details/JA4.md).
//
// Both read a parsed ClientHello in its original order, so they work on
// hellos that pass syntax but not the 1.3 validation (fingerprinting tools
// meet those). Output goes into the caller's char buffer; the hashes are
// streamed into MD5 / SHA-256 as the text is produced, so nothing is
// allocated and no intermediate string is kept.
//
// Stack: ja4() sorts by counting in a 64-value window (for_each_sorted), so
// a call needs 920 bytes of stack with g++ 12 -O2 (1.4 KiB at -Os, 1.8 KiB
// at -O0), measured on a painted thread stack, reference SHA-256 included;
// it needed 17 KiB before. ja3_hash() needs 656 bytes (-O2), 1.1 KiB (-Os).
//
// JA3 = SSLVersion,Ciphers,Extensions,EllipticCurves,EllipticCurvePointFormats
//   decimal values joined by '-', GREASE (RFC 8701) left out everywhere;
//   ja3_hash = lower-case hex MD5 of that string.
// JA4 = a_b_c where
//   a: 't' (TLS over TCP), version ("13", "12", ... highest supported_versions
//      entry that is not GREASE, else legacy_version), 'd' if server_name is
//      present else 'i', 2-digit cipher count and extension count (GREASE left
//      out, capped at 99), and the first and last characters of the first ALPN
//      value ("00" without ALPN; the first and last hex digits of the value
//      when either end is not an ASCII letter or digit);
//   b: first 12 hex digits of SHA-256 of the cipher suites as 4-digit hex,
//      sorted, joined by ',' ("000000000000" when there are none);
//   c: same over the sorted extensions without server_name and ALPN, then
//      '_' and the signature_algorithms values in their original order (no
//      '_' when there are none); "000000000000" when there are no extensions.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tlswire/extensions/alpn.hpp"
#include "tlswire/extensions/signature_algorithms.hpp"
#include "tlswire/extensions/supported_groups.hpp"
#include "tlswire/messages/client_hello.hpp"
#include "tlswire/providers/reference/md5.hpp"
#include "tlswire/providers/reference/sha256.hpp"
#include "tlswire/registry/grease.hpp"
#include "tlswire/wire/result.hpp"

namespace tlswire {

namespace fingerprint_detail {

inline constexpr char hex_digits[] = "0123456789abcdef";

// Where text goes: into the caller's buffer, or straight into a hash.
class text_sink {
 public:
  constexpr explicit text_sink(gsl::span<char> out) noexcept : out_(out) {}
  constexpr text_sink(reference::md5* h) noexcept : md5_(h) {}        // NOLINT
  constexpr text_sink(reference::sha256* h) noexcept : sha256_(h) {}  // NOLINT

  constexpr void put(char c) noexcept {
    if (md5_ != nullptr || sha256_ != nullptr) {
      const std::array<std::uint8_t, 1> b{static_cast<std::uint8_t>(c)};
      if (md5_ != nullptr) md5_->update(as_view(b));
      if (sha256_ != nullptr) sha256_->update(as_view(b));
      ++size_;
      return;
    }
    if (size_ >= out_.size()) {
      overflow_ = true;
      return;
    }
    out_[size_++] = c;
  }
  constexpr void put(std::string_view s) noexcept {
    for (char c : s) put(c);
  }
  constexpr void decimal(std::uint32_t v) noexcept {
    std::array<char, 10> digits{};
    std::size_t n = 0;
    do {
      digits[n++] = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v != 0);
    while (n > 0) put(digits[--n]);
  }
  constexpr void hex4(std::uint16_t v) noexcept {
    for (int shift = 12; shift >= 0; shift -= 4) put(hex_digits[(v >> shift) & 0xf]);
  }
  constexpr void hex_bytes(bytes_view b) noexcept {
    for (std::uint8_t x : b) {
      put(hex_digits[x >> 4]);
      put(hex_digits[x & 0xf]);
    }
  }

  constexpr bool overflow() const noexcept { return overflow_; }
  constexpr std::size_t size() const noexcept { return size_; }
  constexpr std::string_view view() const noexcept { return {out_.data(), size_}; }

 private:
  gsl::span<char> out_{};
  reference::md5* md5_ = nullptr;
  reference::sha256* sha256_ = nullptr;
  std::size_t size_ = 0;
  bool overflow_ = false;
};

constexpr result<std::string_view> finish(const text_sink& sink) {
  if (sink.overflow()) return make_error(errc::buffer_too_small, sink.size());
  return sink.view();
}

// Writes a code_vector's values joined by '-', in order, GREASE left out.
template <class Vector>
constexpr void ja3_list(text_sink& s, const Vector& values) {
  bool first = true;
  for (auto v : values) {
    const auto n = static_cast<std::uint16_t>(to_underlying(v));
    if (is_grease(n)) continue;
    if (!first) s.put('-');
    s.decimal(n);
    first = false;
  }
}

template <class Ext>
constexpr result<std::optional<Ext>> optional_extension(const client_hello& h) {
  if (!h.extensions.contains(Ext::type)) return std::optional<Ext>{};
  TLSWIRE_TRY(Ext ext, h.extensions.template get<Ext>());
  return std::optional<Ext>{ext};
}

constexpr result<void> write_ja3(const client_hello& h, text_sink& s) {
  TLSWIRE_TRY(const auto groups, optional_extension<supported_groups>(h));
  TLSWIRE_TRY(const auto formats, optional_extension<ec_point_formats>(h));
  s.decimal(to_underlying(h.legacy_version));
  s.put(',');
  ja3_list(s, h.cipher_suites);
  s.put(',');
  bool first = true;
  for (const extension& e : h.extensions) {
    if (is_grease(e.type)) continue;
    if (!first) s.put('-');
    s.decimal(to_underlying(e.type));
    first = false;
  }
  s.put(',');
  if (groups) ja3_list(s, groups->named_group_list);
  s.put(',');
  if (formats) {
    bool first_format = true;
    for (ec_point_format f : formats->ec_point_format_list) {
      if (!first_format) s.put('-');
      s.decimal(to_underlying(f));
      first_format = false;
    }
  }
  return {};
}

// A cipher suite or an extension as the number JA4 sorts.
constexpr std::uint16_t number_of(cipher_suite c) noexcept { return to_underlying(c); }
constexpr std::uint16_t number_of(const extension& e) noexcept { return to_underlying(e.type); }

// The numbers of `values` (cipher suites or extensions) in ascending order,
// repeats kept, GREASE and the values `skip` says to leave out dropped.
// Sorted without allocating or copying the list, in 128 bytes of stack: the
// 2^16 values fall into 1024 windows of 64; each pass over the list counts
// the values of one window (64 counters) and finds the next window in use.
// Time: n × (windows in use + 1) — a real hello uses a handful of windows
// (microseconds); a hostile one at most 1024: the largest list (32767
// suites over every window) takes about 0.2 s (g++ -O2), where the 16 KiB
// bitmap this replaced took 1 ms. Stack was the scarcer resource.
template <class Range, class Skip, class Emit>
constexpr void for_each_sorted(const Range& values, Skip&& skip, Emit&& emit) {
  constexpr unsigned window_bits = 6;
  constexpr std::size_t window = std::size_t{1} << window_bits;
  constexpr std::size_t none = std::size_t{1} << (16 - window_bits);  // past the last window
  // uint16_t counters suffice: a list holds fewer than 2^15 two-byte values.
  std::array<std::uint16_t, window> count{};
  std::size_t current = none;  // the window being counted; none on the first pass
  for (;;) {
    std::size_t next = none;
    for (const auto& v : values) {
      const std::uint16_t n = number_of(v);
      if (is_grease(n) || skip(n)) continue;
      const std::size_t w = n >> window_bits;
      if (w == current) ++count[n & (window - 1)];
      else if ((current == none || w > current) && w < next) next = w;
    }
    if (current != none) {
      for (std::size_t low = 0; low < window; ++low) {
        for (std::size_t i = 0; i < count[low]; ++i) emit(static_cast<std::uint16_t>(current << window_bits | low));
        count[low] = 0;
      }
    }
    if (next == none) return;
    current = next;
  }
}

// JA4's two-character version (FoxIO's table).
constexpr std::string_view ja4_version(protocol_version v) noexcept {
  switch (v) {
    case protocol_version::tls13: return "13";
    case protocol_version::tls12: return "12";
    case protocol_version::tls11: return "11";
    case protocol_version::tls10: return "10";
    case protocol_version::ssl3: return "s3";
    case protocol_version::ssl2: return "s2";
    case protocol_version::dtls10: return "d1";
    case protocol_version::dtls12: return "d2";
    case protocol_version::dtls13: return "d3";
    default: return "00";
  }
}

constexpr bool is_alnum(std::uint8_t c) noexcept {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// JA4's lists: 4-digit hex values, comma separated.
class hex4_list {
 public:
  constexpr explicit hex4_list(text_sink& text) noexcept : text_(&text) {}
  constexpr void operator()(std::uint16_t v) noexcept {
    if (!first_) text_->put(',');
    text_->hex4(v);
    first_ = false;
  }

 private:
  text_sink* text_;
  bool first_ = true;
};

constexpr void two_digits(text_sink& s, std::size_t n) noexcept {
  if (n > 99) n = 99;
  s.put(static_cast<char>('0' + n / 10));
  s.put(static_cast<char>('0' + n % 10));
}

// The first 12 hex digits of a SHA-256 digest.
constexpr void truncated_hash(text_sink& s, reference::sha256& h) {
  const auto digest = h.finish();
  s.hex_bytes(as_view(digest).first(6));
}

// JA4_b and JA4_c: the first 12 hex digits of SHA-256 over the sorted
// values as a comma list, followed by what `tail` writes. Its own function
// and kept out of line, so that one hash state and one sort are on the
// stack at a time (inlined twice, g++ -O2 gives each its own slots).
template <class Range, class Skip, class Tail>
[[gnu::noinline]] constexpr void sorted_hash(text_sink& s, const Range& values, Skip&& skip, Tail&& tail) {
  reference::sha256 sha;
  text_sink text(&sha);
  for_each_sorted(values, skip, hex4_list(text));
  tail(text);
  truncated_hash(s, sha);
}

// JA4_a, e.g. "t13d1516h2_", and the counts JA4_b and JA4_c need. Out of
// line so that its temporaries are off the stack before the hashing.
struct ja4_counts {
  std::size_t suites = 0;
  std::size_t extensions = 0;
};
[[gnu::noinline]] constexpr result<ja4_counts> write_ja4_a(const client_hello& h, text_sink& s) {
  protocol_version version = h.legacy_version;
  if (h.extensions.contains(extension_type::supported_versions)) {
    TLSWIRE_TRY(const version_list versions, offered_versions(h));
    bool found = false;
    for (protocol_version v : versions) {
      if (is_grease(v)) continue;
      if (!found || to_underlying(v) > to_underlying(version)) version = v;
      found = true;
    }
    if (!found) version = static_cast<protocol_version>(0);
  }
  TLSWIRE_TRY(const auto alpn_ext, optional_extension<alpn>(h));

  s.put('t');
  s.put(ja4_version(version));
  s.put(h.extensions.contains(extension_type::server_name) ? 'd' : 'i');
  ja4_counts counts;
  for (cipher_suite c : h.cipher_suites)
    if (!is_grease(c)) ++counts.suites;
  for (const extension& e : h.extensions)
    if (!is_grease(e.type)) ++counts.extensions;
  two_digits(s, counts.suites);
  two_digits(s, counts.extensions);
  bytes_view first_alpn{};
  if (alpn_ext && !alpn_ext->protocol_name_list.empty()) first_alpn = alpn_ext->protocol_name_list.begin()->bytes;
  if (first_alpn.empty()) {
    s.put("00");
  } else if (is_alnum(first_alpn.front()) && is_alnum(first_alpn.back())) {
    s.put(static_cast<char>(first_alpn.front()));
    s.put(static_cast<char>(first_alpn.back()));
  } else {
    s.put(hex_digits[first_alpn.front() >> 4]);
    s.put(hex_digits[first_alpn.back() & 0xf]);
  }
  s.put('_');
  return counts;
}

}  // namespace fingerprint_detail

// The JA3 string, e.g. "771,4865-4866-4867,0-11-10-35-22-23-13-43-45-51,29-23-30,0".
constexpr result<std::string_view> ja3(const client_hello& h, gsl::span<char> out) {
  fingerprint_detail::text_sink s(out);
  TLSWIRE_CHECK(fingerprint_detail::write_ja3(h, s));
  return fingerprint_detail::finish(s);
}

// The JA3 hash: 32 lower-case hex digits of MD5(JA3 string). `out` needs 32 chars.
constexpr result<std::string_view> ja3_hash(const client_hello& h, gsl::span<char> out) {
  reference::md5 md5;
  fingerprint_detail::text_sink hashing(&md5);
  TLSWIRE_CHECK(fingerprint_detail::write_ja3(h, hashing));
  const auto digest = md5.finish();
  fingerprint_detail::text_sink s(out);
  s.hex_bytes(as_view(digest));
  return fingerprint_detail::finish(s);
}

// JA4's length: 10 + 1 + 12 + 1 + 12.
inline constexpr std::size_t ja4_size = 36;

// The JA4 fingerprint, e.g. "t13d1516h2_8daaf6152771_e5627efa2ab1". `out`
// needs ja4_size chars. A malformed supported_versions, ALPN or
// signature_algorithms is reported as its decode error.
constexpr result<std::string_view> ja4(const client_hello& h, gsl::span<char> out) {
  using namespace fingerprint_detail;
  text_sink s(out);
  TLSWIRE_TRY(const ja4_counts counts, write_ja4_a(h, s));
  const std::size_t suites = counts.suites;
  const std::size_t extensions = counts.extensions;
  TLSWIRE_TRY(const auto sig_algs, optional_extension<signature_algorithms>(h));

  // JA4_b
  if (suites == 0) {
    s.put("000000000000");
  } else {
    sorted_hash(s, h.cipher_suites, [](std::uint16_t) { return false; }, [](text_sink&) {});
  }
  s.put('_');

  // JA4_c
  if (extensions == 0) {
    s.put("000000000000");
  } else {
    sorted_hash(
        s, h.extensions,
        [](std::uint16_t n) {
          return n == to_underlying(extension_type::server_name) ||
                 n == to_underlying(extension_type::application_layer_protocol_negotiation);
        },
        [&](text_sink& text) {
          if (!sig_algs || sig_algs->supported_signature_algorithms.empty()) return;
          text.put('_');
          hex4_list algorithms(text);  // in the client's order, as JA4 says
          for (signature_scheme a : sig_algs->supported_signature_algorithms)
            if (!is_grease(a)) algorithms(to_underlying(a));
        });
  }
  return finish(s);
}

}  // namespace tlswire
