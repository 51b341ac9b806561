#!/usr/bin/env bash
# Runs every libFuzzer target of tests/fuzz for the same time, a few at once, from the project root, and
# writes one CSV row per target (OUT/fuzz.csv): seconds, executions, exec/s, coverage at start and end,
# features, corpus size, findings. Each target's log is OUT/TARGET.log; a finding (crash-, leak-, timeout-,
# oom- file) is left in OUT/TARGET-artifacts/ to be fixed and kept under tests/fuzz/regressions/.
# Usage: tools/fuzz-all.sh [--seconds S] [--parallel P] [--build DIR] [--out DIR] [--targets a,b,...]
set -uo pipefail
SECONDS_EACH=600 PARALLEL=2 BUILD=build-fuzz OUT=fuzz-runs TARGETS=bhive_csv,assembly,param_table,dataset_files,run_files
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) SECONDS_EACH=$2; shift 2 ;; --parallel) PARALLEL=$2; shift 2 ;; --build) BUILD=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;; --targets) TARGETS=$2; shift 2 ;;
    *) echo "fuzz-all.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$OUT"
dict_of() {
  case "$1" in bhive_csv) echo tests/fuzz/x86.dict ;; assembly) echo tests/fuzz/asm.dict ;; *) echo tests/fuzz/json.dict ;; esac
}

run_one() {  # target
  local t=$1 bin=$BUILD/tests/fuzz/fuzz_$1
  [[ -x $bin ]] || { echo "fuzz-all.sh: $bin is missing (build it: see docs/reliability.md)" >&2; return 1; }
  mkdir -p "$OUT/$t-corpus" "$OUT/$t-artifacts"
  "$bin" -dict="$(dict_of "$t")" -max_total_time="$SECONDS_EACH" -timeout=20 -rss_limit_mb=3072 \
    -print_final_stats=1 -artifact_prefix="$OUT/$t-artifacts/" "$OUT/$t-corpus" "tests/fuzz/corpus/$t" \
    > "$OUT/$t.log" 2>&1
  local rc=$?
  echo "$(date -Is) $t exit $rc" >&2
}

IFS=, read -ra list <<< "$TARGETS"
for t in "${list[@]}"; do
  while (( $(jobs -rp | wc -l) >= PARALLEL )); do wait -n; done
  echo "$(date -Is) $t: $SECONDS_EACH s" >&2
  run_one "$t" &
done
wait

# libFuzzer's lines: "#N INITED cov: A ft: ..." first, "#N DONE cov: B ft: F corp: C/..." last, then the stats.
{
  echo "target,seconds,executions,exec_per_second,cov_start,cov_end,features,corpus,findings"
  for t in "${list[@]}"; do
    log=$OUT/$t.log
    start=$(grep -a -m1 -oP 'INITED cov: \K[0-9]+' "$log" || echo "")
    done_line=$(grep -a -E '#[0-9]+\s+DONE' "$log" | tail -1)
    end=$(grep -oP 'cov: \K[0-9]+' <<< "$done_line" || echo "")
    ft=$(grep -oP 'ft: \K[0-9]+' <<< "$done_line" || echo "")
    corp=$(grep -oP 'corp: \K[0-9]+' <<< "$done_line" || echo "")
    execs=$(grep -a -oP 'stat::number_of_executed_units:\s*\K[0-9]+' "$log" || echo "")
    rate=$(grep -a -oP 'stat::average_exec_per_sec:\s*\K[0-9]+' "$log" || echo "")
    secs=$(grep -a -oP 'Done [0-9]+ runs in \K[0-9]+' "$log" || echo "")
    findings=$(find "$OUT/$t-artifacts" -type f | wc -l)
    echo "$t,$secs,$execs,$rate,$start,$end,$ft,$corp,$findings"
  done
} > "$OUT/fuzz.csv.tmp" && mv "$OUT/fuzz.csv.tmp" "$OUT/fuzz.csv"
cat "$OUT/fuzz.csv"
! grep -qE ',[1-9][0-9]*$' "$OUT/fuzz.csv"
