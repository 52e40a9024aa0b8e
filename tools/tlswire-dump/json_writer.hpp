#pragma once
// A small streaming JSON writer for --json: objects, arrays, strings
// (escaped), numbers and booleans, commas placed by the writer.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "describe.hpp"

namespace tlswire_dump {

class json_writer {
 public:
  json_writer& begin_object() { return open('{'); }
  json_writer& end_object() { return close('}'); }
  json_writer& begin_array() { return open('['); }
  json_writer& end_array() { return close(']'); }

  json_writer& key(std::string_view k) {
    separate();
    quoted(k);
    out_ += ':';
    after_key_ = true;
    return *this;
  }
  json_writer& value(std::string_view s) {
    separate();
    quoted(s);
    return *this;
  }
  json_writer& value(const char* s) { return value(std::string_view(s)); }
  json_writer& value(const std::string& s) { return value(std::string_view(s)); }
  json_writer& value(std::nullptr_t) {
    separate();
    out_ += "null";
    return *this;
  }
  json_writer& value(bool b) {
    separate();
    out_ += b ? "true" : "false";
    return *this;
  }
  template <class N>
    requires std::is_integral_v<N>
  json_writer& value(N n) {
    separate();
    out_ += std::to_string(n);
    return *this;
  }
  // {"name": "...", "value": N}: an IANA code point with its name.
  template <class E>
    requires std::is_enum_v<E>
  json_writer& code(E e) {
    begin_object();
    key("name").value(name_of(e));
    key("value").value(static_cast<std::uint64_t>(tlswire::to_underlying(e)));
    return end_object();
  }
  template <class V>
  json_writer& field(std::string_view k, const V& v) {
    key(k);
    if constexpr (std::is_enum_v<V>) {
      return code(v);
    } else {
      return value(v);
    }
  }

  std::string take() {
    std::string s;
    s.swap(out_);
    first_.clear();
    after_key_ = false;
    return s;
  }

 private:
  json_writer& open(char c) {
    separate();
    out_ += c;
    first_.push_back(true);
    return *this;
  }
  json_writer& close(char c) {
    out_ += c;
    first_.pop_back();
    return *this;
  }
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!first_.empty()) {
      if (!first_.back()) out_ += ',';
      first_.back() = false;
    }
  }
  void quoted(std::string_view s) {
    out_ += '"';
    for (const char ch : s) {
      const auto c = static_cast<unsigned char>(ch);
      if (c == '"') out_ += "\\\"";
      else if (c == '\\') out_ += "\\\\";
      else if (c == '\n') out_ += "\\n";
      else if (c == '\r') out_ += "\\r";
      else if (c == '\t') out_ += "\\t";
      else if (c < 0x20 || c >= 0x7f) {
        // Bytes outside printable ASCII (names from the wire are not
        // necessarily UTF-8): \u00XX keeps the output valid JSON.
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out_ += buf;
      } else {
        out_ += static_cast<char>(c);
      }
    }
    out_ += '"';
  }

  std::string out_;
  std::vector<bool> first_;
  bool after_key_ = false;
};

}  // namespace tlswire_dump
