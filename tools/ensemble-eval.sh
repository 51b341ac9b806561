#!/usr/bin/env bash
# Scores an ensemble of surrogates measured offline: each model's predictions on the same measured blocks
# (surrogate predict), their mean per block, and `surrogate eval` of each model and of the mean.
# Usage: tools/ensemble-eval.sh BLOCKS.csv MODEL_DIR MODEL_DIR...
#   BLOCKS.csv: a CSV with a header whose first two columns are hex,measured (e.g. an adapt run's
#   deploy_predictions.csv, or an optimize run's test_predictions.csv: the test split).
# Env: SURROGATE (default build/surrogate), OUT (a folder for the prediction files; default a temporary one).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SURROGATE=${SURROGATE:-$ROOT/build/surrogate}
[[ $# -ge 3 ]] || { sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
BLOCKS=$1
shift
[[ -r "$BLOCKS" ]] || { echo "ensemble-eval: $BLOCKS: cannot read the blocks" >&2; exit 1; }
[[ "$(head -1 "$BLOCKS" | cut -d, -f1,2)" == "hex,measured" ]] ||
  { echo "ensemble-eval: $BLOCKS: the header does not start with hex,measured" >&2; exit 1; }
OUT=${OUT:-$(mktemp -d)}
mkdir -p "$OUT"

# Step 1: the blocks as predict reads them (hex,throughput, no header).
tail -n +2 "$BLOCKS" | cut -d, -f1,2 > "$OUT/blocks.csv"

# Step 2: each model's predictions, in input order (a row predict cannot make is an error here: the
# mean needs every model's).
files=()
for m in "$@"; do
  k=${#files[@]}
  "$SURROGATE" --no-progress predict --model "$m" "$OUT/blocks.csv" -o "$OUT/model-$k.csv"
  [[ $(wc -l < "$OUT/model-$k.csv") -eq $(($(wc -l < "$OUT/blocks.csv") + 1)) ]] ||
    { echo "ensemble-eval: $m predicted fewer rows than $OUT/blocks.csv has" >&2; exit 1; }
  files+=("$OUT/model-$k.csv")
done

# Step 3: the mean, as hex,predicted,measured.
paste -d, "${files[@]}" | awk -F, -v n=${#files[@]} '
  NR == 1 { for (i = 1; i <= NF / n; i++) col[$i] = i; w = NF / n; print "hex,predicted,measured"; next }
  { s = 0; for (k = 0; k < n; k++) s += $(k * w + col["predicted"]); print $col["hex"] "," s / n "," $col["measured"] }' \
  > "$OUT/mean.csv"

# Step 4: the scores.
for k in "${!files[@]}"; do
  echo "model $((k + 1)) ($(sed -n "$((k + 1))p" <(printf '%s\n' "$@"))):"
  "$SURROGATE" eval "${files[$k]}" --pred predicted
done
echo "mean of the ${#files[@]} models:"
"$SURROGATE" eval "$OUT/mean.csv" --pred predicted
