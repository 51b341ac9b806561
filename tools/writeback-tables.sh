#!/usr/bin/env bash
# Makes the inputs of the write-back proof (tests/writeback_check.sh) in OUT_DIR:
#   blocks.csv          a seeded sample of 2,000 hsw.csv blocks (selection sampling, MINSTD generator in awk,
#                       so every awk gives the same rows), in file order
#   haswell-tuned.json  the full optimize run's tuned Haswell table: LLVM's table for hsw.csv with the four
#                       changes the README lists (dispatch_width 4->5, POP64r latency 6->0, PUSH64r 3->2
#                       micro-ops and latency 2->1); checked with `params diff`
#   skylake-sampled.json  a random table (params sample --mcpu skylake --blocks blocks.csv -n 1)
# Usage: tools/writeback-tables.sh OUT_DIR [SEED]   (SURROGATE: the binary, default build/surrogate;
#        BHIVE: hsw.csv, default ../shared/data/bhive/hsw.csv)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:?usage: $0 OUT_DIR [SEED]}
SEED=${2:-17}
SURROGATE=${SURROGATE:-$ROOT/build/surrogate}
HSW=${BHIVE:-$ROOT/../shared/data/bhive/hsw.csv}
mkdir -p "$OUT"

# Step 1: the block sample (Knuth's selection sampling: exactly K rows, in file order).
N=$(grep -c . "$HSW")
awk -v seed="$SEED" -v k=2000 -v n="$N" 'BEGIN { x = seed % 2147483647; if (x <= 0) x += 1 }
  NF { x = (48271 * x) % 2147483647; if ((x / 2147483647) * (n - t) < k - sel) { print; sel++ } t++ }' \
  "$HSW" > "$OUT/blocks.csv.tmp"
mv "$OUT/blocks.csv.tmp" "$OUT/blocks.csv"
echo "writeback-tables: $(wc -l < "$OUT/blocks.csv") blocks of $HSW (seed $SEED)" >&2

# Step 2: the tuned Haswell table, from LLVM's table for hsw.csv.
"$SURROGATE" params export --mcpu haswell --blocks "$HSW" -o "$OUT/haswell-default.json" 2>/dev/null
sed -e 's/"dispatch_width":4,/"dispatch_width":5,/' \
    -e 's/^\(    "POP64r": {"latencies":\)\[6\]/\1[0]/' \
    -e 's/^\(    "PUSH64r": {"latencies":\)\[2\],"micro_ops":3,/\1[1],"micro_ops":2,/' \
    "$OUT/haswell-default.json" > "$OUT/haswell-tuned.json"
expected='globals.dispatch_width: 4 -> 5
POP64r.latencies: [6] -> [0]
PUSH64r.micro_ops: 3 -> 2
PUSH64r.latencies: [2] -> [1]'
got=$("$SURROGATE" params diff "$OUT/haswell-default.json" "$OUT/haswell-tuned.json" 2>/dev/null)
if [[ "$got" != "$expected" ]]; then
  echo "writeback-tables: the tuned table differs from LLVM's in other ways than the README's four:" >&2
  echo "$got" >&2
  exit 1
fi

# Step 3: a random Skylake table for the opcodes (and variant resolutions) of the sample.
rm -rf "$OUT/skylake-samples"
"$SURROGATE" params sample --mcpu skylake --blocks "$OUT/blocks.csv" --seed "$SEED" -n 1 \
  -o "$OUT/skylake-samples" 2>/dev/null
cp "$OUT/skylake-samples/sample-000000.json" "$OUT/skylake-sampled.json"
"$SURROGATE" params export --mcpu skylake --blocks "$OUT/blocks.csv" -o "$OUT/skylake-default.json" 2>/dev/null
changes=$("$SURROGATE" params diff "$OUT/skylake-default.json" "$OUT/skylake-sampled.json" 2>/dev/null)
echo "writeback-tables: skylake-sampled.json: $(grep -c . <<<"$changes") changed values," \
  "$(grep -c '^[A-Za-z0-9_]*/' <<<"$changes") of them in variant resolutions" >&2
