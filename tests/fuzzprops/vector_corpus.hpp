#pragma once
// Every valid encoding the test vectors hold, cut the way TLS nests them —
// whole records, whole handshake messages, and each extension with the
// message it came from — for the property, regression and hostile-input
// tests. The same cut as fuzz/make_corpus.py, written against the test
// readers of tests/support/. Allocates freely: tests only.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "support/recorded_flows.hpp"
#include "support/vector_file.hpp"
#include "tlswire/extensions/allowed.hpp"
#include "tlswire/extensions/extension.hpp"
#include "tlswire/messages/client_hello.hpp"
#include "tlswire/messages/server_hello.hpp"

namespace tlswire::test {

struct named_bytes {
  std::string name;
  byte_vector bytes;
  bytes_view view() const { return bytes_view(bytes.data(), bytes.size()); }
};

struct named_extension {
  std::string name;
  message_context where{};
  byte_vector bytes;  // one whole Extension: type, length, data
  bytes_view view() const { return bytes_view(bytes.data(), bytes.size()); }
  bytes_view data() const { return view().subspan(4); }
  extension_type type() const { return static_cast<extension_type>(bytes[0] << 8 | bytes[1]); }
};

inline const std::vector<std::string>& rfc8448_files() {
  static const std::vector<std::string> files{"simple-1rtt", "resumed-0rtt", "hello-retry-request",
                                              "client-authentication", "compatibility-mode"};
  return files;
}

inline std::vector<std::string> go_recorded_files() {
  std::vector<std::string> names;
  const std::filesystem::path dir = std::filesystem::path(TLSWIRE_VECTORS_DIR) / "go-recorded";
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.is_regular_file()) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// Whole records: RFC 8448's `*_record_N` values and every record of the
// recorded Go connections.
inline std::vector<named_bytes> vector_records() {
  std::vector<named_bytes> out;
  for (const auto& file : rfc8448_files()) {
    const vector_file v = load_vectors("rfc8448/" + file + ".txt");
    for (const auto& name : v.names())
      if (name.find("_record_") != std::string::npos && name.find('.') == std::string::npos)
        out.push_back({"rfc8448 " + file + " " + name, v[name]});
  }
  for (const auto& file : go_recorded_files()) {
    const auto flows = read_recorded_flows(std::string(TLSWIRE_VECTORS_DIR) + "/go-recorded/" + file);
    for (bool client : {true, false}) {
      std::vector<std::uint8_t> stream;
      for (const auto& f : flows)
        if (f.client_to_server == client) stream.insert(stream.end(), f.bytes.begin(), f.bytes.end());
      std::size_t pos = 0, n = 0;
      while (pos + 5 <= stream.size()) {
        const std::size_t len = std::size_t{stream[pos + 3]} << 8 | stream[pos + 4];
        if (pos + 5 + len > stream.size()) break;
        out.push_back({"go " + file + (client ? " client" : " server") + " record " + std::to_string(n++),
                       byte_vector(stream.begin() + static_cast<std::ptrdiff_t>(pos),
                                   stream.begin() + static_cast<std::ptrdiff_t>(pos + 5 + len))});
        pos += 5 + len;
      }
    }
  }
  return out;
}

// Whole handshake messages (header + body): RFC 8448's named messages and
// the plaintext handshake of every recorded Go connection.
inline std::vector<named_bytes> vector_handshake_messages() {
  static const std::vector<std::string> message_names{
      "client_hello", "client_hello_1", "client_hello_2", "client_hello_prefix", "server_hello",
      "hello_retry_request", "encrypted_extensions", "certificate_request", "server_certificate",
      "server_certificate_verify", "server_finished", "client_certificate", "client_certificate_verify",
      "client_finished", "new_session_ticket", "new_session_ticket_1", "end_of_early_data"};
  std::vector<named_bytes> out;
  for (const auto& file : rfc8448_files()) {
    const vector_file v = load_vectors("rfc8448/" + file + ".txt");
    for (const auto& name : message_names) {
      if (!v.contains(name) || name == "client_hello_prefix") continue;
      for (auto& m : split_handshake_messages(v[name])) out.push_back({"rfc8448 " + file + " " + name, m});
    }
  }
  for (const auto& file : go_recorded_files()) {
    const auto flows = read_recorded_flows(std::string(TLSWIRE_VECTORS_DIR) + "/go-recorded/" + file);
    const bool tls13 = file.find("TLSv13") != std::string::npos;
    for (bool client : {true, false}) {
      const auto stream = plaintext_handshake_stream(split_records(flows, client), tls13);
      std::size_t n = 0;
      for (auto& m : split_handshake_messages(stream))
        out.push_back({"go " + file + (client ? " client" : " server") + " message " + std::to_string(n++), m});
    }
  }
  return out;
}

namespace corpus_detail {
// The extensions block body after `skip` bytes of a message body, where the
// block is `Extension extensions<0..2^16-1>`; empty if it does not parse.
inline bytes_view block_at(bytes_view body, std::size_t skip) {
  if (body.size() < skip) return {};
  reader r(body.subspan(skip));
  const bytes_view block = r.vector_bytes(0, 65535);
  return r.ok() ? block : bytes_view{};
}
inline void add_all(std::vector<named_extension>& out, const std::string& name, message_context where,
                    bytes_view block) {
  auto list = extension_list::from_encoded(block);
  if (!list) return;
  for (auto it = list->begin(); it != list->end(); ++it) {
    const bytes_view whole = block.subspan(it.offset(), 4 + it->data.size());
    out.push_back({name + " ext " + std::to_string(to_underlying(it->type)), where,
                   byte_vector(whole.begin(), whole.end())});
  }
}
}  // namespace corpus_detail

// Every extension of every message above, with the message it came from.
inline std::vector<named_extension> vector_extensions() {
  std::vector<named_extension> out;
  for (const auto& m : vector_handshake_messages()) {
    const bytes_view msg(m.bytes.data(), m.bytes.size());
    const bytes_view body = msg.subspan(4);
    switch (m.bytes[0]) {
      case 1: {
        auto h = decode<client_hello>(body);
        if (h && h->has_extensions)
          corpus_detail::add_all(out, m.name, message_context::client_hello, h->extensions.wire_bytes());
        break;
      }
      case 2: {
        auto h = decode<server_hello>(body);
        if (!h || !h->has_extensions) break;
        const message_context where = h->is_hello_retry_request() ? message_context::hello_retry_request
                                      : h->extensions.contains(extension_type::supported_versions)
                                          ? message_context::server_hello
                                          : message_context::tls12_server_hello;
        corpus_detail::add_all(out, m.name, where, h->extensions.wire_bytes());
        break;
      }
      case 8:  // RFC 8446 §4.3.1 EncryptedExtensions: the block alone
        corpus_detail::add_all(out, m.name, message_context::encrypted_extensions, corpus_detail::block_at(body, 0));
        break;
      case 13:  // RFC 8446 §4.3.2 CertificateRequest: context<0..255>, then the block
        if (!body.empty())
          corpus_detail::add_all(out, m.name, message_context::certificate_request,
                                 corpus_detail::block_at(body, 1 + std::size_t{body[0]}));
        break;
      default: break;
    }
  }
  return out;
}

}  // namespace tlswire::test
