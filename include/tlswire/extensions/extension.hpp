#pragma once
// The generic extension: one Extension, the list a hello carries, and a
// compile-time list of typed extensions to send.
//
// Every typed extension in extensions/ follows one convention, which the
// messages/ layer relies on:
//
//   struct X {
//     static constexpr extension_type type = extension_type::...;
//     ...fields named after the RFC's struct...
//     static constexpr X parse(reader&);      // extension_data BODY only
//     constexpr void encode(writer&) const;   // extension_data BODY only
//     friend constexpr bool operator==(const X&, const X&);
//   };
//
// parse/encode never see the type or the 2-byte length; extension_list and
// extension_tuple add those. Where the RFC gives an extension a different
// shape per message, each shape is its own struct with the same `type`,
// named after the message (key_share_client_hello, key_share_server_hello…).
//
// Parsing checks syntax only. Which extension may appear where, duplicates
// and ordering are semantic rules, checked by extensions/allowed.hpp. An
// extension's own rules are a free function beside it,
// `constexpr status validate(const X&, ...)`, as for messages: a parsed
// typed extension does not know where it lies, so its errors carry
// no_offset and the caller (validate_hello.hpp's at_extension) places them.
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>

#include "tlswire/registry/extension_type.hpp"
#include "tlswire/wire/bytes.hpp"
#include "tlswire/wire/codec.hpp"
#include "tlswire/wire/reader.hpp"
#include "tlswire/wire/result.hpp"
#include "tlswire/wire/writer.hpp"

namespace tlswire {

// A typed extension: the shape described above.
template <class T>
concept typed_extension = requires {
  { T::type } -> std::convertible_to<extension_type>;
} && wire_type<T>;

// RFC 8446 §4.2
//   struct {
//       ExtensionType extension_type;
//       opaque extension_data<0..2^16-1>;
//   } Extension;
// Also what an unknown or opaque extension is: kept and re-encoded unchanged.
struct extension {
  extension_type type{};
  bytes_view data{};

  static constexpr extension parse(reader& r) noexcept {
    extension e;
    e.type = r.code<extension_type>();
    e.data = r.vector_bytes(0, 65535);
    return e;
  }
  constexpr void encode(writer& w) const noexcept {
    w.code(type);
    w.vector_bytes(0, 65535, data);
  }
  friend constexpr bool operator==(const extension& a, const extension& b) noexcept {
    return a.type == b.type && equal_bytes(a.data, b.data);
  }
};

// Base of the extensions whose extension_data is empty (RFC 8446 §4.2.10
// `struct {} Empty;` and its kin). Derived adds `type`; a non-empty body
// is left unread, so decode() refuses it as trailing bytes (decode_error).
template <class Derived>
struct empty_extension_body {
  static constexpr Derived parse(reader&) noexcept { return Derived{}; }
  constexpr void encode(writer&) const noexcept {}
  friend constexpr bool operator==(const Derived&, const Derived&) noexcept { return true; }
};

// Any extension given a fixed type at compile time but kept opaque (e.g. to
// put a pre-encoded body into an extension_tuple): the data, unchanged.
template <extension_type Type>
struct opaque_extension {
  static constexpr extension_type type = Type;
  bytes_view data{};

  static constexpr opaque_extension parse(reader& r) noexcept { return {r.bytes(r.remaining())}; }
  constexpr void encode(writer& w) const noexcept { w.bytes(data); }
  friend constexpr bool operator==(const opaque_extension& a, const opaque_extension& b) noexcept {
    return equal_bytes(a.data, b.data);
  }
};

// Writes one typed extension as type, 2-byte length, body.
template <typed_extension Ext>
constexpr void encode_extension(writer& w, const Ext& ext) {
  w.code(Ext::type);
  w.block(0, 65535, [&](writer& body) { ext.encode(body); });
}
constexpr void encode_extension(writer& w, const extension& ext) { ext.encode(w); }

// Decodes a typed extension from its extension_data; bytes left over are
// decode_error. `data_offset` is where the data starts in the caller's input.
template <typed_extension Ext>
constexpr result<Ext> decode_extension_data(bytes_view data, std::size_t data_offset = 0) {
  return decode_at_offset<Ext>(data, data_offset);
}

// RFC 8446 §4.1.2 (and every message that carries extensions)
//   Extension extensions<0..2^16-1>;
//
// Parsed: a view of the caller's bytes, every Extension's framing checked
// once, original bytes and order kept (the transcript hash needs the bytes,
// fingerprints need the order). Built: a view of the caller's `extension`
// values. Either way it encodes with its 2-byte length and iterates
// infallibly as `extension` values.
class extension_list {
 public:
  static constexpr std::size_t min_bytes = 0;
  static constexpr std::size_t max_bytes = 65535;

  constexpr extension_list() noexcept = default;
  // A list to send from type-erased values the caller holds.
  constexpr extension_list(gsl::span<const extension> values) noexcept  // NOLINT
      : values_(values), built_(true) {}
  template <std::size_t N>
  constexpr extension_list(const std::array<extension, N>& values) noexcept  // NOLINT
      : values_(values.data(), N), built_(true) {}

 private:
  // (Defined before its callers: clang 14 cannot constant-evaluate a member
  // template that a member function above it instantiated.)
  // Checks the framing of every Extension in `body`, handing each whole
  // one to `visit`; failures go to `r`.
  template <class Visit>
  [[gnu::always_inline]] static constexpr extension_list check_body(bytes_view body, std::size_t body_at, reader& r,
                                                                    Visit&& visit) noexcept {
    // The framing extension::parse checks (type, then a 2-byte length and
    // that many bytes), with its errors and offsets, on the bytes directly:
    // every hello runs this once per extension.
    const std::uint8_t* const p = body.data();
    const std::size_t size = body.size();
    std::size_t pos = 0;
    while (size - pos >= 4) {
      const std::size_t length = load_u16_be(p + pos + 2);
      if (length > size - pos - 4) break;
      visit(load_u16_be(p + pos), pos);
      pos += 4 + length;
    }
    if (pos != size) {
      // Short of the type field: truncated there; else at the length field.
      r.fail(errc::truncated, body_at + pos + (size - pos < 2 ? 0 : 2));
      return {};
    }
    extension_list list;
    list.wire_ = body;
    list.base_ = body_at;
    return list;
  }

 public:
  // parse()'s default visitor.
  struct ignore_extensions {
    constexpr void operator()(std::uint16_t, std::size_t) const noexcept {}
  };

  // Reads `Extension extensions<0..2^16-1>` including its length. The
  // framing walk hands each Extension to `visit(type, position)` as it
  // goes (see visit() below), so rules over the list can ride along the
  // parse instead of walking it again (extension_scan in allowed.hpp).
  // (Always inlined, with check_body: see basic_client_hello::parse_into.)
  template <class Visit = ignore_extensions>
  [[gnu::always_inline]] static constexpr extension_list parse(reader& r, Visit&& visit = {}) noexcept {
    const std::size_t body_at = r.offset() + 2;
    const bytes_view body = r.vector_bytes(min_bytes, max_bytes);
    if (!r) return {};
    return check_body(body, body_at, r, visit);
  }

  // A list from already-encoded extensions: the concatenated
  // Extension structures, without the 2-byte vector length. Checked like a
  // parse, so a list built this way iterates infallibly too.
  static constexpr result<extension_list> from_encoded(bytes_view body, std::size_t body_offset = 0) {
    if (body.size() > max_bytes) return make_error(errc::length_out_of_range, body_offset);
    reader r(body, body_offset);
    extension_list list = check_body(body, body_offset, r, ignore_extensions{});
    if (!r) return r.error();
    return list;
  }

  constexpr void encode(writer& w) const noexcept {
    w.block(min_bytes, max_bytes, [&](writer& body) { encode_body(body); });
  }
  // The Extension structures without the vector's length prefix.
  constexpr void encode_body(writer& w) const noexcept {
    if (!built_) return w.bytes(wire_);
    for (const extension& e : values_) e.encode(w);
  }

  constexpr bool built() const noexcept { return built_; }
  // The concatenated Extension structures as received (empty when built).
  constexpr bytes_view wire_bytes() const noexcept { return wire_; }
  // Where wire_bytes() starts in the caller's input.
  constexpr std::size_t wire_offset() const noexcept { return base_; }
  constexpr bool empty() const noexcept { return built_ ? values_.empty() : wire_.empty(); }
  constexpr std::size_t size() const noexcept {
    std::size_t n = 0;
    for (auto it = begin(); it != end(); ++it) ++n;
    return n;
  }

  // Calls visit(type, position) for each Extension, in order; `position`
  // is where the iterator stands on it (byte offset in a parsed list's
  // body, index in a built one), for at_position().
  template <class Visit>
  constexpr void visit(Visit&& visit) const noexcept {
    if (built_) {
      for (std::size_t i = 0; i < values_.size(); ++i) visit(to_underlying(values_[i].type), i);
      return;
    }
    // Framing checked when the list was made: every Extension is whole.
    for (std::size_t pos = 0; pos < wire_.size(); pos = next_position(pos)) visit(load_u16_be(wire_.data() + pos), pos);
  }

  class iterator {
   public:
    using value_type = extension;
    using difference_type = std::ptrdiff_t;
    constexpr iterator() noexcept = default;
    constexpr iterator(const extension_list* list, bool at_end) noexcept : list_(list) {
      if (at_end) {
        pos_ = list->end_position();
      } else {
        load();
      }
    }
    constexpr const extension& operator*() const noexcept { return current_; }
    constexpr const extension* operator->() const noexcept { return &current_; }
    constexpr iterator& operator++() noexcept {
      pos_ = next_;
      load();
      return *this;
    }
    constexpr iterator operator++(int) noexcept {
      iterator t = *this;
      ++*this;
      return t;
    }
    // Absolute offset of this Extension's type field in the caller's input
    // (0 for a built list, whose values have no input).
    constexpr std::size_t offset() const noexcept { return list_->built_ ? 0 : list_->base_ + pos_; }
    // Absolute offset of its extension_data.
    constexpr std::size_t data_offset() const noexcept { return list_->built_ ? 0 : offset() + 4; }
    // Iterators compare by position (index when built, byte offset when parsed).
    friend constexpr bool operator==(const iterator& a, const iterator& b) noexcept {
      return a.pos_ == b.pos_;
    }

   private:
    constexpr void load() noexcept {
      if (pos_ >= list_->end_position()) return;
      current_ = list_->at_position(pos_).value;
      next_ = list_->next_position(pos_);
    }
    const extension_list* list_ = nullptr;
    std::size_t pos_ = 0;   // index when built, byte offset in wire_ when parsed
    std::size_t next_ = 0;
    extension current_{};
  };
  constexpr iterator begin() const noexcept { return iterator(this, false); }
  constexpr iterator end() const noexcept { return iterator(this, true); }
  // The Extension at a position visit() reported, and the offset of its
  // type field in the caller's input (0 when built) — without an iterator's
  // state, for rules that look up a few extensions a scan located.
  struct located {
    extension value{};
    std::size_t offset = 0;
  };
  // (The framing was checked when the list was made: a parsed list's
  // positions are read straight from its bytes.)
  constexpr located at_position(std::size_t position) const noexcept {
    if (built_) return {values_[position], 0};
    const std::uint8_t* const p = wire_.data() + position;
    return {{static_cast<extension_type>(load_u16_be(p)), bytes_view(p + 4, load_u16_be(p + 2))}, base_ + position};
  }
  // The position of the Extension after the one at `position`.
  constexpr std::size_t next_position(std::size_t position) const noexcept {
    return built_ ? position + 1 : position + 4 + load_u16_be(wire_.data() + position + 2);
  }
  // The position past the last Extension (where end() stands).
  constexpr std::size_t end_position() const noexcept { return built_ ? values_.size() : wire_.size(); }

  // The first extension of `type`, or end().
  constexpr iterator find_iterator(extension_type type) const noexcept {
    for (auto it = begin(); it != end(); ++it)
      if (it->type == type) return it;
    return end();
  }
  // The first extension of `type`. Duplicates are a semantic error found by
  // check_no_duplicate_extensions (allowed.hpp); syntax alone returns the first.
  constexpr std::optional<extension> find(extension_type type) const noexcept {
    auto it = find_iterator(type);
    if (it == end()) return std::nullopt;
    return *it;
  }
  constexpr bool contains(extension_type type) const noexcept { return find_iterator(type) != end(); }

  // The typed extension Ext, decoded from the data of the first Ext::type;
  // absent is missing_extension, bytes left over after its body decode_error.
  template <typed_extension Ext>
  constexpr result<Ext> get() const {
    auto it = find_iterator(Ext::type);
    if (it == end()) return make_error(errc::missing_extension, base_);
    return decode_extension_data<Ext>(it->data, it.data_offset());
  }

  friend constexpr bool operator==(const extension_list& a, const extension_list& b) noexcept {
    auto i = a.begin(), j = b.begin();
    for (; i != a.end() && j != b.end(); ++i, ++j)
      if (!(*i == *j)) return false;
    return i == a.end() && j == b.end();
  }

 private:
  bytes_view wire_{};
  std::size_t base_ = 0;
  gsl::span<const extension> values_{};
  bool built_ = false;
};

// RFC 8446 §4.1.2 `Extension extensions<0..2^16-1>`, to send.
// A heterogeneous, compile-time list of extensions: each element is
// a typed extension (or a plain `extension` for opaque/unknown ones) and the
// whole encodes as `Extension extensions<0..2^16-1>` straight into the
// caller's span, in the order given, without allocation:
//
//   extension_tuple hello_extensions{
//       server_name_client_hello{...}, supported_groups{...}, key_share_client_hello{...}};
template <class... Exts>
  requires((typed_extension<Exts> || std::same_as<Exts, extension>) && ...)
struct extension_tuple {
  static constexpr std::size_t min_bytes = 0;
  static constexpr std::size_t max_bytes = 65535;

  std::tuple<Exts...> values;

  constexpr extension_tuple() = default;
  constexpr explicit extension_tuple(Exts... exts)
    requires(sizeof...(Exts) > 0)
      : values(std::move(exts)...) {}

  static constexpr std::size_t count = sizeof...(Exts);

  constexpr void encode(writer& w) const {
    w.block(min_bytes, max_bytes, [&](writer& body) { encode_body(body); });
  }
  // The Extension structures without the vector's length prefix.
  constexpr void encode_body(writer& w) const {
    std::apply([&](const auto&... ext) { (encode_extension(w, ext), ...); }, values);
  }

  // The element of type Ext (which must appear once; use at<I>() otherwise).
  template <class Ext>
  constexpr const Ext& get() const noexcept {
    return std::get<Ext>(values);
  }
  template <class Ext>
  constexpr Ext& get() noexcept {
    return std::get<Ext>(values);
  }
  template <std::size_t I>
  constexpr const auto& at() const noexcept {
    return std::get<I>(values);
  }
};

template <class... Exts>
extension_tuple(Exts...) -> extension_tuple<Exts...>;

}  // namespace tlswire
