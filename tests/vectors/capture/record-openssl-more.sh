#!/usr/bin/env bash
# Records tests/vectors/capture/openssl-more.pcap and its key log: what
# openssl-loopback.pcap (record-openssl.sh) does not cover, for tlswire-dump's
# decryption tests. Real `openssl s_server -www` / `openssl s_client` sessions
# on loopback, captured with tcpdump on `lo`, the client writing SSLKEYLOGFILE:
#   1. TLS 1.3, TLS_AES_256_GCM_SHA384 (SHA-384 key schedule), HelloRetryRequest
#      (the client offers a P-256 share, the server only takes X25519), and a
#      client KeyUpdate ('k' on s_client's stdin); s_client 3.0 sends no data
#      after it, so its close_notify is the record under the updated key
#   2. TLS 1.3, TLS_CHACHA20_POLY1305_SHA256
#   3. TLS 1.2, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 (SHA-384 PRF)
# Clients 2 and 3 send "GET / HTTP/1.0" and the server answers with its
# status page; in 1 the server sends a fixed line (s_server -www closes on a
# KeyUpdate). Needs root (tcpdump on lo). Run it again only to re-record.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
port=${PORT:-46444}

openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" -days 3650 \
  -subj "/O=tlswire tests/CN=tlswire.test" -addext "subjectAltName=DNS:tlswire.test" 2>/dev/null

tcpdump -i lo -U -w "$work/capture.pcap" "tcp port $port" 2>"$work/tcpdump.log" &
sleep 1

session() {  # session <server options> -- <client options>; stdin: what the client types
  local server_opts=() client_opts=()
  while [ "$1" != "--" ]; do server_opts+=("$1"); shift; done
  shift
  client_opts=("$@")
  if [ "${server_opts[0]:-}" = "-echo" ]; then
    # Plain s_server (not -www, which closes on a KeyUpdate): it sends what it
    # reads from its stdin, after the client's request has arrived.
    { sleep 1.2; printf 'HTTP/1.0 200 ok\r\n\r\nhello after the KeyUpdate\r\n'; sleep 2; } |
      openssl s_server -accept "127.0.0.1:$port" -cert "$work/cert.pem" -key "$work/key.pem" \
        -naccept 1 -quiet "${server_opts[@]:1}" >/dev/null 2>&1 &
  else
    openssl s_server -accept "127.0.0.1:$port" -cert "$work/cert.pem" -key "$work/key.pem" \
      -www -naccept 1 -quiet "${server_opts[@]}" >/dev/null 2>&1 &
  fi
  local server=$!
  sleep 0.5
  # No -ign_eof: s_client then reads its command letters ('k' = KeyUpdate);
  # the sleeps keep stdin open until the answer has arrived.
  openssl s_client -connect "127.0.0.1:$port" -servername tlswire.test \
    -keylogfile "$work/keylog.txt" "${client_opts[@]}" >/dev/null 2>&1
  wait "$server" || true
}
{ printf 'k\n'; sleep 0.5; printf 'GET / HTTP/1.0\r\n\r\n'; sleep 2; } |
  session -echo -groups X25519 -- -tls1_3 -ciphersuites TLS_AES_256_GCM_SHA384 -groups P-256:X25519
{ printf 'GET / HTTP/1.0\r\n\r\n'; sleep 1.5; } |
  session -- -tls1_3 -ciphersuites TLS_CHACHA20_POLY1305_SHA256
{ printf 'GET / HTTP/1.0\r\n\r\n'; sleep 1.5; } |
  session -- -tls1_2 -cipher ECDHE-RSA-AES256-GCM-SHA384
sleep 1
kill %1 2>/dev/null || true
wait 2>/dev/null || true

cp "$work/capture.pcap" "$here/openssl-more.pcap"
grep -v '^#' "$work/keylog.txt" > "$here/openssl-more.keylog"
echo "recorded $(wc -l < "$here/openssl-more.keylog") key log lines into $here"
