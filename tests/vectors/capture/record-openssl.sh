#!/usr/bin/env bash
# Records tests/vectors/capture/openssl-loopback.pcap and its key log:
# real `openssl s_server -www` / `openssl s_client` sessions on loopback,
# captured with tcpdump on `lo`, the client writing SSLKEYLOGFILE lines.
#   1. TLS 1.3, TLS_AES_128_GCM_SHA256, X25519, SNI tlswire.test, ALPN http/1.1
#   2. TLS 1.2, TLS_RSA_WITH_AES_128_GCM_SHA256 (RSA key transport), SNI, ALPN
#   3. TLS 1.2, TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256
# Each client sends "GET / HTTP/1.0" and the server answers with its status
# page, so application data flows both ways. Needs root (tcpdump on lo).
# Run it again only to re-record: the tests compare against the committed files.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
port=${PORT:-46443}

openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" -days 3650 \
  -subj "/O=tlswire tests/CN=tlswire.test" -addext "subjectAltName=DNS:tlswire.test,IP:127.0.0.1" 2>/dev/null

tcpdump -i lo -U -w "$work/capture.pcap" "tcp port $port" 2>"$work/tcpdump.log" &
sleep 1

session() {  # session <client options...>
  openssl s_server -accept "127.0.0.1:$port" -cert "$work/cert.pem" -key "$work/key.pem" \
    -www -alpn http/1.1 -naccept 1 -quiet >/dev/null 2>&1 &
  local server=$!
  sleep 0.5
  printf 'GET / HTTP/1.0\r\n\r\n' | openssl s_client -connect "127.0.0.1:$port" -servername tlswire.test \
    -alpn http/1.1 -keylogfile "$work/keylog.txt" -ign_eof "$@" >/dev/null 2>&1
  wait "$server" || true
}
session -tls1_3 -ciphersuites TLS_AES_128_GCM_SHA256 -groups X25519
session -tls1_2 -cipher AES128-GCM-SHA256
session -tls1_2 -cipher ECDHE-RSA-CHACHA20-POLY1305
sleep 1
kill %1 2>/dev/null || true
wait 2>/dev/null || true

cp "$work/capture.pcap" "$here/openssl-loopback.pcap"
grep -v '^#' "$work/keylog.txt" > "$here/openssl-loopback.keylog"
echo "recorded $(wc -l < "$here/openssl-loopback.keylog") key log lines into $here"
