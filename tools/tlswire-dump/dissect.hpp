#pragma once
// The dissector's core: one connection's two byte streams in, a sequence of
// events out (records, handshake messages, alerts, application data,
// errors), in the order they crossed the wire. Decryption (key_log) and the
// byte-exact round-trip check happen here; how the events are shown is the
// business of a `sink` (text steps or JSON lines, output.hpp).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "connection.hpp"
#include "keylog.hpp"
#include "tlswire/messages/dispatch.hpp"
#include "tlswire/messages/sslv2_client_hello.hpp"
#include "tlswire/record/alert.hpp"
#include "tlswire/record/record.hpp"

namespace tlswire_dump {

// How a record's content was obtained.
enum class protection : std::uint8_t {
  plaintext,    // TLSPlaintext
  decrypted,    // TLSCiphertext, opened with keys from the key log
  encrypted,    // TLSCiphertext without keys for it: shown as encrypted
  undecryptable // TLSCiphertext whose keys did not open it (wrong or missing secret, early data)
};

const char* to_string(protection p);
const char* to_string(direction d);  // "client_to_server" / "server_to_client"

// Where something happened: the connection, the direction, the record
// (numbered from 1 per direction) and the byte offset in that direction's
// TCP stream.
struct position {
  std::size_t connection = 0;  // from 1
  direction dir = direction::client_to_server;
  std::size_t record = 0;      // from 1; 0 before the first record
  std::size_t offset = 0;      // stream offset of the record (or message) start
  std::size_t packet = 0;      // packet (or recorded flow) that completed it
};

struct record_event {
  position at;
  tlswire::record rec;           // as on the wire (outer type, version, fragment)
  protection prot = protection::plaintext;
  tlswire::content_type content_type{};  // the real type (inner type of a 1.3 record)
  tlswire::bytes_view content{};         // plaintext content (plaintext or decrypted)
  std::size_t padding = 0;               // TLS 1.3 zero padding after the inner type
  // Which record form: TLSPlaintext, or TLSCiphertext of TLS 1.3 (outer type
  // application_data, the real one inside) or of TLS 1.2 (the real type outside).
  tlswire::record_form form = tlswire::record_form::none;
  std::string note;                      // why a record stays encrypted, etc.
  bool encrypted_finished = false;       // TLS 1.2: the first protected handshake record is the Finished
};

struct message_event {
  position at;
  bool decrypted = false;
  const tlswire::typed_message* message = nullptr;
  tlswire::negotiation_context context;
  tlswire::sender from = tlswire::sender::client;
  // Finished only: whether verify_data matches the transcript under the key
  // log's secret (nothing when it cannot be checked).
  std::optional<bool> finished_verified;
};

struct alert_event {
  position at;
  bool decrypted = false;
  tlswire::alert_message alert;
};

struct application_data_event {
  position at;
  protection prot = protection::plaintext;
  tlswire::content_type content_type{};
  tlswire::bytes_view content{};  // empty unless decrypted
  std::size_t length = 0;         // bytes of content (or of the encrypted fragment)
  bool tls13_ciphertext = false;  // a TLS 1.3 record not opened: handshake or application data
};

struct error_event {
  position at;
  std::string what;  // e.g. "ClientHello: truncated"
  tlswire::error error;  // code, alert, offset (absolute stream offset in at.offset)
};

struct connection_info {
  std::size_t number = 0;
  std::string client, server;
  std::size_t bytes_to_server = 0, bytes_to_client = 0;
};

// Receives the events of every connection, in wire order.
class sink {
 public:
  virtual ~sink() = default;
  virtual void begin_connection(const connection_info&) {}
  virtual void skipped_connection(const connection_info&, const std::string& /*why*/) {}
  virtual void record(const record_event&) {}
  virtual void handshake(const message_event&) {}
  virtual void sslv2_client_hello(const position&, const tlswire::sslv2_client_hello&) {}
  virtual void change_cipher_spec(const position&, bool /*compatibility*/) {}
  virtual void alert(const alert_event&) {}
  virtual void application_data(const application_data_event&) {}
  virtual void error(const error_event&) {}
  virtual void note(const position&, const std::string&) {}
  virtual void end_connection(const connection_info&) {}
};

// --check: every parsed record and message re-encoded and compared.
struct check_counts {
  std::size_t messages = 0;  // records + handshake messages + alerts + CCS + inner plaintexts
  std::size_t exact = 0;
  std::size_t failed = 0;        // re-encoding differs or fails
  std::size_t parse_failures = 0;
  std::size_t records = 0, handshake_messages = 0;
};

struct options {
  const key_log* keys = nullptr;  // null: no decryption
  bool check = false;
};

// Dissects one connection; events go to `out`, check counts to `counts`.
void dissect_connection(std::size_t number, const connection& conn, const options& opts, sink& out,
                        check_counts& counts);

// "TLS 1.2" or "0x7f17"; every registry name through its to_string.
std::string hex(tlswire::bytes_view b, std::size_t max_bytes = SIZE_MAX);

}  // namespace tlswire_dump
