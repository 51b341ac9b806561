#!/usr/bin/env bash
# The three patterns composed into one recipe for a CPU and its measured timings:
#   1. optimize: llvm-mca's parameter table tuned through the surrogate (DIR/optimize/tuned-params.json)
#   2. compile --params: a surrogate of llvm-mca under that tuned table (a better prior than the defaults)
#   3. adapt --from: that surrogate fine-tuned on the measured timings (DIR/adapt, loadable by predict)
# Usage: tools/tuned-prior.sh --mcpu CPU --measured TIMINGS.csv -o DIR [--quick | --full | --scale NAME]
#        [--configs DIR] [--optimize CONFIG] [--surrogate BIN] [-- EXTRA OPTIONS FOR EVERY STEP, e.g. -j 4]
# --quick (default) uses configs/{optimize,compile,adapt}.quick.json, --full the .full.json ones; --scale NAME
# and --configs DIR take DIR/{optimize,compile,adapt}.NAME.json instead; --optimize CONFIG replaces the
# optimize step's (e.g. --full --optimize configs/optimize.polish.json). A step whose run directory is
# already there is resumed (--resume), so an interrupted recipe continues where it stopped.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
scale=quick configs="$root/configs" cpu="" measured="" out="" surrogate="$root/build/surrogate" extra=()
optimize_config=""
usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --mcpu) cpu="$2"; shift 2 ;;
    --measured) measured="$2"; shift 2 ;;
    -o|--output) out="$2"; shift 2 ;;
    --quick) scale=quick; shift ;;
    --full) scale=full; shift ;;
    --scale) scale="$2"; shift 2 ;;
    --configs) configs="$2"; shift 2 ;;
    --optimize) optimize_config="$2"; shift 2 ;;
    --surrogate) surrogate="$2"; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) usage ;;
    *) echo "tuned-prior.sh: unknown option '$1'" >&2; usage ;;
  esac
done
[[ -n "$cpu" && -n "$measured" && -n "$out" ]] || usage
[[ -r "$measured" ]] || { echo "tuned-prior.sh: $measured: cannot read the measured timings" >&2; exit 1; }
[[ -x "$surrogate" ]] || { echo "tuned-prior.sh: $surrogate: no surrogate binary (build it, or pass --surrogate)" >&2; exit 1; }
mkdir -p "$out"

config_of() {
  if [[ "$1" == optimize && -n "$optimize_config" ]]; then echo "$optimize_config"; else echo "$configs/$1.$scale.json"; fi
}
for name in optimize compile adapt; do
  [[ -r "$(config_of $name)" ]] || { echo "tuned-prior.sh: $(config_of $name): no such config" >&2; exit 1; }
done

# Runs one pattern into DIR/NAME (its summary in DIR/NAME.json); a run already there is resumed (the same
# command and options, which the run checks against the settings it stored).
step() {
  local name="$1"; shift
  local start=("${fresh[@]}")
  [[ -f "$out/$name/pattern.json" ]] && start+=(--resume)
  echo "tuned-prior.sh: $name -> $out/$name" >&2
  "$surrogate" --no-progress "$name" --config "$(config_of "$name")" --mcpu "$cpu" --measured "$measured" \
    "${start[@]}" "$@" "${extra[@]}" -o "$out/$name" > "$out/$name.json"
}

fresh=(); step optimize
fresh=(--params "$out/optimize/tuned-params.json"); step compile
fresh=(); step adapt --from "$out/compile"
echo "tuned-prior.sh: reports in $out/optimize/optimize_report.md, $out/compile/compile_report.md," \
     "$out/adapt/adapt_report.md; the adapted model: surrogate predict --model $out/adapt" >&2
