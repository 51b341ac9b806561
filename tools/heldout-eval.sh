#!/usr/bin/env bash
# Scores surrogates against llvm-mca on held-out sets that no model trains on or is chosen by:
# hsw.csv's test split (when ../shared/data/bhive/hsw.csv is there), the compiled loop kernels
# data/kernels/test-loops.csv and the synthetic blocks data/kernels/synth-test.csv; beside each model, the
# scheduling model's bound alone (analyze: max of the resource and register-dependency bounds, x 100).
# Usage: tools/heldout-eval.sh [--mcpu CPU] [--surrogate BIN] -o DIR MODEL...
# Prints CSV: set,model,blocks,mape,median_ape (and keeps every file in DIR; llvm-mca runs once per set).
set -euo pipefail
cd "$(dirname "$0")/.."
CPU=haswell BIN=build/surrogate OUT=""
MODELS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --mcpu) CPU=$2; shift 2 ;;
    --surrogate) BIN=$2; shift 2 ;;
    -o) OUT=$2; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    -*) echo "heldout-eval: unknown option $1" >&2; exit 2 ;;
    *) MODELS+=("$1"); shift ;;
  esac
done
[[ -n $OUT ]] || { echo "heldout-eval: give an output directory with -o" >&2; exit 2; }
mkdir -p "$OUT"

SETS=(test-loops=data/kernels/test-loops.csv synth-test=data/kernels/synth-test.csv)
HSW=../shared/data/bhive/hsw.csv
if [[ -f $HSW ]]; then
  if [[ ! -s $OUT/hsw-test.csv ]]; then  # the test split: data/BlockHash.h's bucket 90-99, each block once
    python3 - "$HSW" "$OUT/hsw-test.csv.tmp" <<'PY'
import sys
M = (1 << 64) - 1
def fnv(b):
    h = 0xcbf29ce484222325
    for x in b: h = ((h ^ x) * 0x100000001b3) & M
    return h
def mix(x):
    x = ((x ^ (x >> 30)) * 0xbf58476d1ce4e5b9) & M
    x = ((x ^ (x >> 27)) * 0x94d049bb133111eb) & M
    return x ^ (x >> 31)
seen, out = set(), open(sys.argv[2], "w")
out.write("hex\n")
for line in open(sys.argv[1]):
    h = line.split(",")[0].strip()
    if h and h not in seen and mix(fnv(bytes.fromhex(h))) % 100 >= 90: out.write(h + "\n")
    seen.add(h)
PY
    mv "$OUT/hsw-test.csv.tmp" "$OUT/hsw-test.csv"
  fi
  SETS=(hsw-test="$OUT/hsw-test.csv" "${SETS[@]}")
else
  echo "heldout-eval: $HSW is absent; scoring the kernel and synthetic sets only" >&2
fi

score() {  # FILE PRED_COLUMN MEASURED_COLUMN -> blocks,mape,median_ape
  "$BIN" eval "$1" --pred "$2" --measured "$3" --format json |
    python3 -c 'import json,sys; o=json.load(sys.stdin)["overall"]; print("%d,%.2f,%.2f" % (o["count"], 100*o["mape"], 100*o["median_ape"]))'
}

echo "set,model,blocks,mape,median_ape"
for entry in "${SETS[@]}"; do
  name=${entry%%=*} file=${entry#*=}
  "$BIN" --no-progress simulate --mcpu "$CPU" "$file" -o "$OUT/$name-mca.csv" 2>/dev/null
  "$BIN" --no-progress analyze --mcpu "$CPU" --with-mca "$file" -o "$OUT/$name-analyze.csv" 2>/dev/null
  python3 - "$OUT/$name-analyze.csv" "$OUT/$name-bound.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
with open(sys.argv[2], "w") as out:
    out.write("hex,bound,cycles\n")
    for r in rows:
        b = max(float(r["resource_bound"]), float(r["register_dependency_bound"]))  # cycles per iteration
        out.write(f'{r["hex"]},{100 * b},{100 * float(r["mca_cycles"])}\n')
PY
  echo "$name,bound,$(score "$OUT/$name-bound.csv" bound cycles)"
  for model in "${MODELS[@]}"; do
    tag=$(echo "$model" | tr '/' '_')
    "$BIN" --no-progress predict --model "$model" "$OUT/$name-mca.csv" -o "$OUT/$name-$tag.csv" 2>/dev/null
    echo "$name,$model,$(score "$OUT/$name-$tag.csv" predicted measured)"
  done
done
