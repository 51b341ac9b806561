#!/usr/bin/env bash
# Compares two directories of pattern runs made by the same commands (e.g. before and after a refactoring):
# every table, prediction, dataset and parameter file byte for byte (run paths written as A's), reports with
# their timing values dropped, Markdown reports with their timing lines dropped. Checkpoints (.pt) hold wall
# times in their state, so their weights are compared through the predictions made from them.
# Usage: tools/compare-runs.sh A B [FROM TO]   (exit 0: the same; 1: differences, listed)
#   FROM TO: a further path written as another in B's files (e.g. the directory of the run B's run started
#   from), so only what the runs computed differs. A manifest's checksum covers the text it hashes, paths
#   included, so it is left out (the manifest's other keys are compared).
# The README's byte-identity check of the three quick patterns, for a build to compare with another:
#   for d in A B; do  # each with its own build/surrogate
#     surrogate compile --config configs/compile.quick.json -o $d/compile
#     surrogate adapt --config configs/adapt.quick.json --from $d/compile -o $d/adapt
#     surrogate optimize --config configs/optimize.quick.json -o $d/optimize
#   done
# (give A and B paths of the same length: the reports count the bytes of files that name their own path)
set -uo pipefail
A=$(readlink -f "$1"); B=$(readlink -f "$2")
FROM=${3:+$(readlink -f "$3")} TO=${4:+$(readlink -f "$4")}
TIMEKEYS='seconds|per_second|blocks_per_s|_per_s$|speed|wall|machine|ratio|utilization|elapsed|duration|time'
MDTIME='blocks/s|seconds|[0-9] s\b|minutes|x llvm-mca|wall|cpu|memory|core|[0-9]x\b|faster|^\| (llvm-mca|surrogate) \(.*1 thread\)'
norm() { if [[ -n $FROM ]]; then sed "s|$B|$A|g; s|$FROM|$TO|g" "$1"; else sed "s|$B|$A|g" "$1"; fi; }
normmanifest() { norm "$1" | jq -S 'del(.checksum)'; }
normjson() { norm "$1" | jq -S --arg re "$TIMEKEYS" 'walk(if type=="object" then with_entries(select(.key|test($re)|not)) else . end)'; }
status=0
while IFS= read -r f; do
  a="$A/$f" b="$B/$f"
  if [[ ! -e "$b" ]]; then echo "MISSING  $f"; status=1; continue; fi
  case "$f" in
    *metrics.jsonl|*.log|*.stdout|*.png|*.gp|*.pt) continue ;;
    *report.json) diff -q <(normjson "$a") <(normjson "$b") >/dev/null || { echo "DIFFERS  $f (timings aside)"; status=1; } ;;
    *.md) diff -q <(norm "$a" | grep -viE "$MDTIME") <(norm "$b" | grep -viE "$MDTIME") >/dev/null ||
            { echo "DIFFERS  $f (timing lines aside)"; status=1; } ;;
    *manifest.json) diff -q <(normmanifest "$a") <(normmanifest "$b") >/dev/null ||
                      { echo "DIFFERS  $f (its checksum aside)"; status=1; } ;;
    *.json|*.csv|*.txt|*.td) cmp -s <(norm "$a") <(norm "$b") || { echo "DIFFERS  $f"; status=1; } ;;
    *) cmp -s "$a" "$b" || { echo "DIFFERS  $f"; status=1; } ;;
  esac
done < <(cd "$A" && find . -type f | sed 's|^\./||' | sort)
while IFS= read -r f; do [[ -e "$A/$f" ]] || { echo "EXTRA    $f"; status=1; }; done < <(cd "$B" && find . -type f | sed 's|^\./||' | sort)
if [[ $status == 0 ]]; then echo "SAME: every output is identical (timings aside)"; else echo "NOT SAME (see above)"; fi
exit $status
