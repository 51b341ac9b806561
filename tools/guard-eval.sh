#!/usr/bin/env bash
# A guarded surrogate on held-out sets that no model trains on or is calibrated on (docs/uncertainty.md): hsw.csv's
# test split, the compiled loop kernels data/kernels/test-loops.csv, the synthetic blocks
# data/kernels/synth-test.csv, and all three together (mixed). For each model (its guard.json beside it) and set:
# the uncertainty's AUROC for "more than 20% off", the surrogate's MAPE on the surest 80/90/95% and on all blocks,
# then `predict --guard` at the calibrated threshold: the guarded MAPE and the share the surrogate answered.
# --measured scores against hsw.csv's measured timings on its test split only (an adapted model); else llvm-mca.
# --params TABLE: a parameter-conditioned model (optimize's), predicting and guarded under TABLE, scored against
# llvm-mca under it.
# Usage: tools/guard-eval.sh [--mcpu CPU] [--surrogate BIN] [--measured] [--guard-params T | --params T] -o DIR MODEL...
# Prints CSV: set,model,blocks,auroc,mape_surest80,mape_surest90,mape_surest95,mape_all,guarded_mape,by_surrogate
set -euo pipefail
cd "$(dirname "$0")/.."
CPU=haswell BIN=build/surrogate OUT="" MEASURED=0 PARAMS=() TABLE=()
MODELS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --mcpu) CPU=$2; shift 2 ;;
    --surrogate) BIN=$2; shift 2 ;;
    --measured) MEASURED=1; shift ;;
    --guard-params) PARAMS=(--guard-params "$2"); shift 2 ;;
    --params) TABLE=(--params "$2"); shift 2 ;;
    -o) OUT=$2; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    -*) echo "guard-eval: unknown option $1" >&2; exit 2 ;;
    *) MODELS+=("$1"); shift ;;
  esac
done
[[ -n $OUT && ${#MODELS[@]} -gt 0 ]] || { echo "usage: tools/guard-eval.sh [--mcpu CPU] [--measured] [--guard-params T | --params T] -o DIR MODEL..." >&2; exit 2; }
mkdir -p "$OUT"
HSW=../shared/data/bhive/hsw.csv

# Each set as hex,measured: llvm-mca's cycles, or hsw.csv's timings on its test split (data/BlockHash.h's buckets 90-99).
split_test() {  # hsw.csv -> its test split with the measured timings
  tools/heldout-eval.sh -o "$OUT/heldout" >/dev/null 2>&1 || true
  python3 - "$OUT/heldout/hsw-test.csv" "$HSW" "$1" <<'PY'
import csv, sys
test = {r[0] for r in csv.reader(open(sys.argv[1])) if r and r[0] != "hex"}
with open(sys.argv[3], "w") as out:
    out.write("hex,measured\n")
    for r in csv.reader(open(sys.argv[2])):
        if r[0] in test:
            out.write(f"{r[0]},{r[1]}\n")
            test.discard(r[0])
PY
}
SETS=()
if [[ $MEASURED == 1 ]]; then
  [[ -f $HSW ]] || { echo "guard-eval: --measured needs $HSW" >&2; exit 77; }
  split_test "$OUT/hsw-test-measured.csv"
  SETS=(hsw-test="$OUT/hsw-test-measured.csv")
else
  inputs=(test-loops=data/kernels/test-loops.csv synth-test=data/kernels/synth-test.csv)
  if [[ -f $HSW ]]; then
    tools/heldout-eval.sh -o "$OUT/heldout" >/dev/null 2>&1
    inputs=(hsw-test="$OUT/heldout/hsw-test.csv" "${inputs[@]}")
  fi
  echo "hex,measured" > "$OUT/mixed.csv"
  for entry in "${inputs[@]}"; do
    name=${entry%%=*} file=${entry#*=}
    "$BIN" --no-progress simulate --mcpu "$CPU" "${TABLE[@]}" "$file" -o "$OUT/$name.sim.csv" 2>/dev/null
    tail -n +2 "$OUT/$name.sim.csv" | cut -d, -f1,2 > "$OUT/$name.rows"
    { echo "hex,measured"; cat "$OUT/$name.rows"; } > "$OUT/$name.csv"
    cat "$OUT/$name.rows" >> "$OUT/mixed.csv"
    SETS+=("$name=$OUT/$name.csv")
  done
  SETS+=("mixed=$OUT/mixed.csv")
fi

echo "set,model,blocks,auroc,mape_surest80,mape_surest90,mape_surest95,mape_all,guarded_mape,by_surrogate"
for entry in "${SETS[@]}"; do
  name=${entry%%=*} file=${entry#*=}
  for model in "${MODELS[@]}"; do
    tag=$(echo "$model" | tr '/' '_')
    # The surrogate's own answers with their uncertainty (a threshold of 1 sends nothing to llvm-mca), then guarded.
    "$BIN" --no-progress predict --model "$model" "${TABLE[@]}" --guard --guard-threshold 1 "$file" -o "$OUT/$name-$tag.raw.csv" 2>/dev/null
    "$BIN" --no-progress predict --model "$model" "${TABLE[@]}" --guard "${PARAMS[@]}" "$file" -o "$OUT/$name-$tag.guarded.csv" 2>"$OUT/$name-$tag.guarded.log"
    raw=$("$BIN" eval "$OUT/$name-$tag.raw.csv" --pred predicted --measured measured --uncertainty uncertainty --format json)
    guarded=$("$BIN" eval "$OUT/$name-$tag.guarded.csv" --pred predicted --measured measured --format json)
    python3 -c '
import json, sys
raw, guarded, rows = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[5]
u = raw["uncertainty"]; s = {round(100 * p["coverage"]): p["surrogate_mape"] for p in u["surest"]}
n = guarded["overall"]["count"]
by = sum(1 for line in open(rows).read().splitlines()[1:] if line.split(",")[3] == "surrogate")
auc = "nan" if u["auroc_ape_over_20"] is None else "%.3f" % u["auroc_ape_over_20"]
print("%s,%s,%d,%s,%.2f,%.2f,%.2f,%.2f,%.2f,%.1f" % (sys.argv[3], sys.argv[4], n, auc, 100 * s[80], 100 * s[90],
      100 * s[95], 100 * s[100], 100 * guarded["overall"]["mape"], 100 * by / max(1, n)))
' "$raw" "$guarded" "$name" "$model" "$OUT/$name-$tag.guarded.csv"
  done
done
