// tlswire-dump: the steps of TLS handshakes from a capture, recorded flows
// or raw byte files, decrypted with a key log, checked byte-exact.
//
//   tlswire-dump [--keylog FILE] [--verbose | --json | --check] CAPTURE.pcap[ng]
//   tlswire-dump [--keylog FILE] [--json | --check] --flows FLOW_FILE
//   tlswire-dump [--keylog FILE] [--json | --check] --raw CLIENT_FILE SERVER_FILE
//
// Exit status: 0 when everything parsed (and, with --check, re-encoded
// byte-exact), 1 on a parse failure or mismatch, 2 when the input cannot be
// read or the command line is wrong.
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "connection.hpp"
#include "dissect.hpp"
#include "keylog.hpp"
#include "output.hpp"

namespace {

int usage(const char* why) {
  if (why != nullptr) std::cerr << "tlswire-dump: " << why << "\n";
  std::cerr << "usage: tlswire-dump [--keylog FILE] [-v | --json | --check] CAPTURE\n"
               "       tlswire-dump [--keylog FILE] [--json | --check] --flows FLOW_FILE\n"
               "       tlswire-dump [--keylog FILE] [--json | --check] --raw CLIENT_FILE SERVER_FILE\n"
               "\n"
               "  CAPTURE       a pcap or pcapng file (Ethernet, loopback, Linux cooked, raw IP)\n"
               "  --flows FILE  recorded-flow text ('>>> Flow N (client to server)' + hexdump -C)\n"
               "  --raw C S     the bytes the client sent (C) and the server sent (S)\n"
               "  --keylog FILE NSS key log (SSLKEYLOGFILE) to decrypt TLS 1.3 and TLS 1.2 AEAD records\n"
               "  -v, --verbose every field of every handshake message below its step\n"
               "  --json        one JSON object per line (records, messages, alerts, ...)\n"
               "  --check       re-encode every record and message, compare byte-exact, print counts\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace tlswire_dump;
  std::string keylog_path, capture_path, flows_path, raw_client, raw_server;
  bool json = false, check = false, verbose = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto need = [&](int n) { return i + n < argc; };
    if (a == "--keylog" && need(1)) {
      keylog_path = argv[++i];
    } else if (a == "--flows" && need(1)) {
      flows_path = argv[++i];
    } else if (a == "--raw" && need(2)) {
      raw_client = argv[++i];
      raw_server = argv[++i];
    } else if (a == "--json") {
      json = true;
    } else if (a == "--check") {
      check = true;
    } else if (a == "-v" || a == "--verbose") {
      verbose = true;
    } else if (a == "-h" || a == "--help") {
      usage(nullptr);
      return 0;
    } else if (!a.empty() && a[0] != '-' && capture_path.empty()) {
      capture_path = a;
    } else {
      return usage(("unexpected argument " + a).c_str());
    }
  }
  const int inputs = !capture_path.empty() + !flows_path.empty() + !raw_client.empty();
  if (inputs != 1) return usage("give exactly one input: a capture, --flows FILE or --raw CLIENT SERVER");
  if (json && check) return usage("--json and --check do not go together");

  key_log keys;
  std::string error;
  if (!keylog_path.empty() && !keys.load(keylog_path, error)) {
    std::cerr << "tlswire-dump: " << error << "\n";
    return 2;
  }

  std::vector<connection> connections;
  if (!capture_path.empty()) connections = read_capture(capture_path, error);
  else if (!flows_path.empty()) connections = read_recorded_flows(flows_path, error);
  else connections = read_raw_files(raw_client, raw_server, error);
  if (!error.empty()) {
    std::cerr << "tlswire-dump: " << error << "\n";
    if (connections.empty()) return 2;
  }

  std::unique_ptr<sink> out = json ? make_json_sink(std::cout) : check ? make_check_sink(std::cout) : make_text_sink(std::cout, verbose);
  options opts;
  opts.keys = keylog_path.empty() ? nullptr : &keys;
  opts.check = check;
  check_counts counts;
  std::size_t number = 0;
  for (const connection& c : connections) dissect_connection(++number, c, opts, *out, counts);

  if (connections.empty() && !json) std::cout << "no TCP connection with data found\n";
  if (check) {
    std::cout << counts.records << " records, " << counts.handshake_messages << " handshake messages in "
              << connections.size() << (connections.size() == 1 ? " connection" : " connections") << "\n";
    std::cout << counts.messages << " messages, " << counts.exact << " round-trip exact, "
              << counts.failed + counts.parse_failures << " failed\n";
  }
  return counts.failed + counts.parse_failures > 0 ? 1 : 0;
}
