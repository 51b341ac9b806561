#!/usr/bin/env bash
# The lean engine against LibTorch on the same blocks: each model predicts BLOCKS with `predict --engine lean`
# and `predict --engine torch`, and the largest relative difference between the two columns is printed
# (predict writes 4 decimals, so differences under 5e-5 cycles are rounding). Usage:
#   tools/engine-agreement.sh [--surrogate build/surrogate] [-j THREADS] BLOCKS.csv RUN_DIR...
# prints CSV: model,blocks,max_relative_difference,blocks_over_1e-5
set -euo pipefail
cd "$(dirname "$0")/.."
SURROGATE=build/surrogate
THREADS=2
while [[ $# -gt 0 && $1 == -* ]]; do
  case "$1" in
    --surrogate) SURROGATE=$2; shift 2 ;;
    -j) THREADS=$2; shift 2 ;;
    *) echo "engine-agreement.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ $# -ge 2 ]] || { echo "usage: tools/engine-agreement.sh [--surrogate BIN] [-j N] BLOCKS.csv RUN_DIR..." >&2; exit 2; }
BLOCKS=$1; shift
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
echo "model,blocks,max_relative_difference,blocks_over_1e-5"
for model in "$@"; do
  "$SURROGATE" predict --engine lean -j "$THREADS" --model "$model" "$BLOCKS" -o "$WORK/lean.csv" 2>/dev/null
  "$SURROGATE" predict --engine torch -j "$THREADS" --model "$model" "$BLOCKS" -o "$WORK/torch.csv" 2>/dev/null
  paste -d, <(cut -d, -f1,2 "$WORK/lean.csv") <(cut -d, -f1,2 "$WORK/torch.csv") | awk -F, -v model="$model" '
    NR == 1 { next }
    $1 != $3 { print "engine-agreement.sh: the two outputs list different blocks at line " NR > "/dev/stderr"; exit 1 }
    { d = $2 - $4; if (d < 0) d = -d; r = d / $4; if (r > max) max = r; if (r > 1e-5) over++; n++ }
    END { printf "%s,%d,%.3g,%d\n", model, n, max, over }'
done
