#!/usr/bin/env bash
# fuzz/run.sh SECONDS — build every libFuzzer target, seed it from
# tests/vectors, run each for SECONDS, and report.
#
# Exits non-zero on any finding (crash, leak, oracle violation, timeout,
# out-of-memory) or build failure. The last line is always
#   N targets, N executions, N findings
# Findings are copied to $OUT/artifacts/<target>/ (reproduce with
# `$OUT/build/fuzz/<target>_fuzz <file>`; then save the file under
# tests/vectors/fuzz-regressions/<target>/ so tests/fuzzprops replays it).
#
# Environment: TLSWIRE_FUZZ_OUT (default <repo>/build-fuzz, gitignored),
# TLSWIRE_FUZZ_TARGETS (space-separated subset, e.g. "records handshake"),
# TLSWIRE_FUZZ_JOBS (build parallelism, default 2).
set -u -o pipefail

seconds=${1:-30}
if ! [[ $seconds =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
  echo "usage: $0 SECONDS" >&2
  exit 2
fi
repo=$(cd "$(dirname "$0")/.." && pwd)
out=${TLSWIRE_FUZZ_OUT:-$repo/build-fuzz}
build=$out/build
jobs=${TLSWIRE_FUZZ_JOBS:-2}

summary() {  # the contract's last line, then the exit status
  echo "$1 targets, $2 executions, $3 findings"
  exit "$4"
}

# clang 14 and its runtime (libFuzzer, ASan, UBSan), from Debian's packages.
cxx=$(command -v clang++-14 || true)
if [ -z "$cxx" ] || ! ls /usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  echo "run.sh: installing clang-14 and libclang-rt-14-dev" >&2
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd=sudo
  $sudo_cmd apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq clang-14 libclang-rt-14-dev >/dev/null ||
    { echo "run.sh: could not install clang-14" >&2; summary 0 0 1 1; }
  cxx=$(command -v clang++-14)
fi

mkdir -p "$out/logs"
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if ! cmake -S "$repo" -B "$build" "${generator[@]}" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE= \
    -DTLSWIRE_BUILD_FUZZ=ON -DTLSWIRE_BUILD_TESTS=OFF -DTLSWIRE_BUILD_BENCH=OFF -DTLSWIRE_BUILD_TOOLS=OFF \
    -DTLSWIRE_CHECK_HEADERS=OFF -DTLSWIRE_TEST_PACKAGING=OFF -DTLSWIRE_INSTALL=OFF >"$out/logs/configure.log" 2>&1 ||
  ! cmake --build "$build" --target tlswire_fuzz -j "$jobs" >"$out/logs/build.log" 2>&1; then
  cat "$out/logs/configure.log" "$out/logs/build.log" 2>/dev/null | tail -40 >&2
  echo "run.sh: building the fuzz targets failed" >&2
  summary 0 0 1 1
fi

python3 "$repo/fuzz/make_corpus.py" "$out/seeds" "$repo/tests/vectors" >"$out/seeds.log" ||
  { echo "run.sh: corpus generation failed" >&2; summary 0 0 1 1; }

if [ -n "${TLSWIRE_FUZZ_TARGETS:-}" ]; then
  targets=$TLSWIRE_FUZZ_TARGETS
else
  targets=$(cd "$repo/fuzz" && ls ./*_fuzz.cpp | sed 's|^\./||; s|_fuzz\.cpp$||' | sort)
fi

total_targets=0 total_runs=0 total_findings=0
printf '%-18s %10s %8s %8s %8s\n' target executions cov ft findings
for t in $targets; do
  bin=$build/fuzz/${t}_fuzz
  if [ ! -x "$bin" ]; then
    echo "run.sh: no binary for target $t" >&2
    total_findings=$((total_findings + 1))
    continue
  fi
  total_targets=$((total_targets + 1))
  corpus=$out/corpus/$t          # grows across runs; seeds are read-only
  artifacts=$out/artifacts/$t
  mkdir -p "$corpus" "$artifacts" "$out/seeds/$t"
  log=$out/logs/$t.log
  # -max_len: handshake messages and record flights of the vectors fit in 16 KiB.
  # -rss_limit/-timeout: anything slower or bigger than this is a finding.
  "$bin" "$corpus" "$out/seeds/$t" -dict="$repo/fuzz/dict/tls.dict" -max_total_time="$seconds" \
    -max_len=16384 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" >"$log" 2>&1
  status=$?
  runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -1)
  [ -z "$runs" ] && runs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\)/\1/p' "$log" | tail -1)
  runs=${runs:-0}
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  findings=$(grep -c 'Test unit written to' "$log")
  if [ "$status" -ne 0 ] && [ "$findings" -eq 0 ]; then
    findings=1  # a crash that wrote no artifact (e.g. in startup) still counts
    echo "run.sh: $t exited with $status; see $log" >&2
  fi
  if [ "$findings" -gt 0 ]; then
    grep -m3 -E 'ERROR|oracle violated|SUMMARY' "$log" >&2
    echo "run.sh: $t: $findings finding(s) in $artifacts" >&2
  fi
  printf '%-18s %10s %8s %8s %8s\n' "$t" "$runs" "${cov:-?}" "${ft:-?}" "$findings"
  total_runs=$((total_runs + runs))
  total_findings=$((total_findings + findings))
done

[ "$total_findings" -eq 0 ] && summary "$total_targets" "$total_runs" 0 0
summary "$total_targets" "$total_runs" "$total_findings" 1
