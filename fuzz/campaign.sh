#!/usr/bin/env bash
# fuzz/campaign.sh MINUTES [PARALLEL] — the long local campaign: every target
# gets at least MINUTES of its own CPU time (not wall time: on a machine that
# also builds, a wall-clock budget would shortchange the targets that ran
# beside a build), PARALLEL targets at a time (default 2), at nice 10.
#
# Uses fuzz/run.sh's build, seeds and corpora (run `fuzz/run.sh 1` first, with
# the same TLSWIRE_FUZZ_OUT); the corpus of each target keeps growing from one
# round to the next. A target runs in rounds of at most the CPU time it still
# owes, resuming from its corpus, until it has had MINUTES.
#
# Prints one row per target (CPU seconds, wall seconds, executions summed over
# rounds, the last cov/ft libFuzzer printed, findings) and exits non-zero on
# any finding. Environment: TLSWIRE_FUZZ_OUT, TLSWIRE_FUZZ_TARGETS as run.sh.
set -u -o pipefail

minutes=${1:?usage: $0 MINUTES [PARALLEL]}
parallel=${2:-2}
repo=$(cd "$(dirname "$0")/.." && pwd)
out=${TLSWIRE_FUZZ_OUT:-$repo/build-fuzz}
build=$out/build
logs=$out/campaign
mkdir -p "$logs"
if [ -n "${TLSWIRE_FUZZ_TARGETS:-}" ]; then
  targets=$TLSWIRE_FUZZ_TARGETS
else
  targets=$(cd "$repo/fuzz" && ls ./*_fuzz.cpp | sed 's|^\./||; s|_fuzz\.cpp$||' | sort)
fi
ticks=$(getconf CLK_TCK)

# One target, round after round, until it has had its CPU time. Writes
# "$logs/<t>.row": cpu wall runs cov ft findings.
run_target() {
  local t=$1 owed=$((minutes * 60)) cpu=0 runs=0 findings=0 cov=? ft=? round=0
  local bin=$build/fuzz/${t}_fuzz corpus=$out/corpus/$t artifacts=$out/artifacts/$t
  local start
  start=$(date +%s)
  mkdir -p "$corpus" "$artifacts"
  while [ "$cpu" -lt "$owed" ]; do
    round=$((round + 1))
    local log=$logs/$t.$round.log
    # The fuzzer is the only child of this subshell, so its CPU is the
    # subshell's children time after it ends.
    local used
    used=$( (nice -n 10 "$bin" "$corpus" "$out/seeds/$t" -dict="$repo/fuzz/dict/tls.dict" \
        -max_total_time=$((owed - cpu)) -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1
      echo "status=$?" >>"$log"
      read -r -a stat </proc/$BASHPID/stat
      echo $(((stat[15] + stat[16]) / ticks))))
    cpu=$((cpu + used))
    local r
    r=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\)/\1/p' "$log" | tail -1)
    runs=$((runs + ${r:-0}))
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    local f
    f=$(grep -c 'Test unit written to' "$log")
    grep -q '^status=0$' "$log" || [ "$f" -gt 0 ] || f=1
    findings=$((findings + f))
    [ "$findings" -eq 0 ] || break
    [ "$used" -gt 0 ] || break  # a round that used no CPU would loop forever
  done
  echo "$cpu $(($(date +%s) - start)) $runs ${cov:-?} ${ft:-?} $findings" >"$logs/$t.row"
}

running=0
for t in $targets; do
  run_target "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$parallel" ]; then
    wait -n
    running=$((running - 1))
  fi
done
wait

total_findings=0
printf '%-18s %8s %8s %12s %7s %7s %8s\n' target cpu_s wall_s executions cov ft findings
for t in $targets; do
  read -r cpu wall runs cov ft findings <"$logs/$t.row"
  printf '%-18s %8s %8s %12s %7s %7s %8s\n' "$t" "$cpu" "$wall" "$runs" "$cov" "$ft" "$findings"
  total_findings=$((total_findings + findings))
done
echo "campaign: ${minutes} CPU-minutes per target, $total_findings findings"
[ "$total_findings" -eq 0 ]
