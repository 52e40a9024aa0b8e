#!/usr/bin/env bash
# Builds tests/constant_time/rsa_premaster_ctgrind.cpp with each compiler at
# -O2 and -O3 and runs every build under valgrind memcheck; fails if memcheck
# reports a branch or an address that depends on a marked secret (see the
# program's header for what is marked) or a result is wrong.
#   run-ctgrind.sh <repo> <work dir> [compiler ...]   (default: g++ clang++-14)
# Environment: TLSWIRE_CTGRIND_INCLUDE (the include dir to test, default
# <repo>/include), TLSWIRE_CTGRIND_FLAGS (extra compiler flags),
# TLSWIRE_CTGRIND_OPTS (default "-O2 -O3").
# A compiler that is not installed is skipped with a note (CTest's gcc stage
# has both: .ci/test.sh installs clang-14).
set -uo pipefail
repo=$1
work=$2
shift 2
compilers=("$@")
[ ${#compilers[@]} -gt 0 ] || compilers=(g++ clang++-14)
include=${TLSWIRE_CTGRIND_INCLUDE:-$repo/include}
mkdir -p "$work"
failed=0
ran=0
for cxx in "${compilers[@]}"; do
  if ! command -v "$cxx" >/dev/null 2>&1; then
    echo "== $cxx: not installed, skipped"
    continue
  fi
  for opt in ${TLSWIRE_CTGRIND_OPTS:--O2 -O3}; do
    exe="$work/ctgrind-$(basename "$cxx")$opt"
    # -g: memcheck names the line; no sanitizers (valgrind cannot run them).
    # The mbedtls_rsa_private interposer must be in the dynamic symbol table.
    # shellcheck disable=SC2086
    if ! "$cxx" -std=c++20 $opt -g -Wall -Wextra -Wpedantic -Werror ${TLSWIRE_CTGRIND_FLAGS:-} \
        -I "$include" -DTLSWIRE_CTGRIND_OPENSSL -DTLSWIRE_CTGRIND_MBEDTLS \
        "$repo/tests/constant_time/rsa_premaster_ctgrind.cpp" -o "$exe" \
        -Wl,--export-dynamic-symbol=mbedtls_rsa_private -lcrypto -lmbedcrypto -ldl; then
      echo "== $cxx $opt: BUILD FAILED"
      failed=1
      continue
    fi
    ran=$((ran + 1))
    if valgrind -q --error-exitcode=1 --track-origins=yes --num-callers=8 \
        "$exe" "$repo/tests/vectors/keys" >"$exe.log" 2>&1; then
      echo "== $cxx $opt: clean"
    else
      echo "== $cxx $opt: FAILED (memcheck report or wrong result):"
      cat "$exe.log"
      failed=1
    fi
  done
done
[ $ran -gt 0 ] || { echo "no compiler ran"; exit 1; }
exit $failed
