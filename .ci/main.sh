#!/usr/bin/env bash
# The main job (README, first command): build tlswire-dump and show, step by
# step, the three handshakes of the bundled OpenSSL loopback capture (TLS 1.3
# AES-128-GCM, TLS 1.2 RSA key transport AES-128-GCM, TLS 1.2 ECDHE
# ChaCha20-Poly1305), decrypted with the capture's key log: hellos,
# certificates, key exchange, Finished, then the HTTP request and answer.
# Extra arguments go to the tool instead (e.g. --json, or another capture).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=.ci/deps.sh
source "$repo/.ci/deps.sh"
tlswire_ensure_packages cmake ninja-build g++ libmsgsl-dev libpcap-dev libssl-dev

build=${TLSWIRE_BUILD_ROOT:-$repo/build}/main
cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=g++ -DCMAKE_BUILD_TYPE=Release \
  -DTLSWIRE_BUILD_TESTS=OFF -DTLSWIRE_BUILD_BENCH=OFF -DTLSWIRE_CHECK_HEADERS=OFF -DTLSWIRE_INSTALL=OFF >/dev/null
cmake --build "$build" --target tlswire-dump -j2
tool="$build/tools/tlswire-dump/tlswire-dump"
if [ $# -gt 0 ]; then
  exec "$tool" "$@"
fi
capture="$repo/tests/vectors/capture/openssl-loopback"
echo "== tlswire-dump --keylog tests/vectors/capture/openssl-loopback.keylog tests/vectors/capture/openssl-loopback.pcap"
exec "$tool" --keylog "$capture.keylog" "$capture.pcap"
