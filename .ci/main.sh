#!/usr/bin/env bash
# The main job (README, first command): build the record printer and decode
# the records of RFC 8448 §3 (simple 1-RTT handshake). A stand-in until the
# dissector lands. Extra arguments go to the tool (e.g. another trace file).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=.ci/deps.sh
source "$repo/.ci/deps.sh"
tlswire_ensure_packages cmake ninja-build g++ libmsgsl-dev

build=${TLSWIRE_BUILD_ROOT:-$repo/build}/main
cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=g++ -DCMAKE_BUILD_TYPE=Release \
  -DTLSWIRE_BUILD_TESTS=OFF -DTLSWIRE_BUILD_BENCH=OFF -DTLSWIRE_CHECK_HEADERS=OFF -DTLSWIRE_INSTALL=OFF >/dev/null
cmake --build "$build" --target tlswire_rfc8448_records -j2
exec "$build/tools/rfc8448-records/tlswire_rfc8448_records" "$@"
