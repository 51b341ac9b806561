#!/usr/bin/env bash
# LLVM's own llvm-mca tests as an agreement suite: every qualifying RUN: line of
# llvm/test/tools/llvm-mca/X86/**/*.s (LLVM 19.1.7's sources, cached by tools/llvm-sources.sh)
# is run through llvm-mca-19 and `surrogate simulate`, which must report the same Total Cycles
# for every code region (same count, same names, same cycles), or both refuse the input for
# the same reason (same class of error, and for assembly and region errors the same line and message).
#
# A RUN: line qualifies when it sets only the triple (x86_64), the CPU and the iteration count,
# plus options that only choose what llvm-mca prints (views, statistics, printing) and so cannot
# change Total Cycles, or options given their default value. See ACCEPTED below.
#
# Usage: tools/mca-test-agreement.sh [--surrogate BIN] [--llvm-mca BIN] [--out DIR] [-j JOBS (default 2)]
#                                    [--only REGEX (test files, relative to X86/, to run; default all)]
# Writes DIR/summary.txt (default build/mca-test-agreement) and prints it. Exit status: 0 when every
# case agrees or is refused by both for the same reason, 1 when some disagree, 77 (skipped)
# when the LLVM sources are not cached or llvm-mca-19 is missing. It never downloads.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SURROGATE="$ROOT/build/surrogate"
MCA=llvm-mca-19
OUT="$ROOT/build/mca-test-agreement"
JOBS=2
ONLY=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --surrogate) SURROGATE=$2; shift 2 ;;
    --llvm-mca) MCA=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    -j) JOBS=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    *) echo "usage: $0 [--surrogate BIN] [--llvm-mca BIN] [--out DIR] [-j JOBS] [--only REGEX]" >&2; exit 2 ;;
  esac
done

if ! TREE=$("$ROOT/tools/llvm-sources.sh" --cached-only); then
  echo "mca-test-agreement: skipped: LLVM 19.1.7's sources are not cached (tools/llvm-sources.sh fetches them)"
  exit 77
fi
if ! command -v "$MCA" >/dev/null; then
  echo "mca-test-agreement: skipped: $MCA is not installed"
  exit 77
fi
TESTS="$TREE/llvm/test/tools/llvm-mca/X86"
mkdir -p "$OUT/runs"

# Options that do not change Total Cycles: they select views and statistics, or how
# instructions and reports are printed (-o: where), or give an option its default value.
ACCEPTED='^-(timeline|timeline-max-iterations|timeline-max-cycles|resource-pressure|instruction-info|register-file-stats|dispatch-stats|scheduler-stats|retire-stats|summary-view|all-stats|all-views|bottleneck-analysis|print-imm-hex|output-asm-variant|show-encoding|show-barriers|json)(=.*)?$|^-(noalias=true|dispatch=0|skip-unsupported-instructions=none)$'

# The reason a tool refused an input, as a comparable string:
#   cpu | empty | unsupported | parse LINE: MESSAGE | region LINE: MESSAGE | other: TEXT
mca_reason() {
  local err=$1 loc msg
  if grep -q "unable to find instruction-level scheduling information\|is not a recognized processor" "$err"; then
    echo cpu
    return
  fi
  if grep -q "no assembly instructions found" "$err"; then echo empty; return; fi
  if grep -q "found an unsupported instruction" "$err"; then echo unsupported; return; fi
  loc=$(grep -m1 -E ':[0-9]+:[0-9]+: error: ' "$err")
  if [[ -n "$loc" ]]; then
    msg=${loc#*: error: }
    loc=$(sed -E 's/.*:([0-9]+):[0-9]+: error: .*/\1/' <<<"$loc")
    case "$msg" in
      "found an invalid region end directive"* | "overlapping regions"* | "found multiple overlapping"*)
        echo "region $loc: $msg" ;;
      *) echo "parse $loc: $msg" ;;
    esac
    return
  fi
  echo "other: $(grep -m1 . "$err")"
}

simulate_reason() {
  local err=$1 file=$2 line rest
  if grep -q "unknown CPU" "$err"; then echo cpu; return; fi
  if grep -q "no assembly instructions found\|file holds no blocks" "$err"; then echo empty; return; fi
  if grep -q "llvm-mca cannot simulate the block" "$err"; then echo unsupported; return; fi
  line=$(grep -m1 -F "$file:" "$err")
  if [[ -n "$line" ]]; then
    rest=${line#*"$file":}
    local n=${rest%%:*}
    rest=${rest#*: }
    case "$rest" in
      "code region: "*) rest=${rest#code region: }; echo "region $n: ${rest%%; note*}" ;;
      "assembly does not parse: line "*) rest=${rest#assembly does not parse: line }; echo "parse ${rest%% (skipped)}" ;;
      *) echo "other: $rest" ;;
    esac
    return
  fi
  echo "other: $(grep -m1 . "$err")"
}

# Runs one (file, triple, cpu, iterations) through both tools and writes its verdict to DIR/verdict.
run_case() {
  local file=$1 triple=$2 cpu=$3 iters=$4 dir=$5 verdict
  mkdir -p "$dir"
  local mcaArgs=(-mtriple="$triple" -mcpu="$cpu")
  [[ -n "$iters" ]] && mcaArgs+=(-iterations="$iters")
  "$MCA" "${mcaArgs[@]}" "$file" >"$dir/mca.out" 2>"$dir/mca.err"
  local mcaRc=$?
  "$SURROGATE" simulate --strict --mcpu "$cpu" --iterations "${iters:-0}" "$file" >"$dir/sim.out" 2>"$dir/sim.err"
  local simRc=$?
  if [[ $mcaRc -eq 0 && $simRc -eq 0 ]]; then
    # Per region: the name llvm-mca prints ("[N] Code Region - NAME", or N when anonymous) and Total Cycles.
    awk '/^\[[0-9]+\] Code Region/ { name = $0; sub(/^\[/, "", name); if (name ~ / - /) sub(/^[0-9]+\] Code Region - /, "", name); else sub(/\].*/, "", name) }
         /^Total Cycles:/ { print (name == "" ? "-" : name) "=" $3; name = "" }' "$dir/mca.out" >"$dir/mca.cycles"
    # simulate's CSV: hex,cycles[,region]; a region name may be quoted.
    awk -F, 'NR == 1 { hasRegion = ($3 == "region"); next }
             { region = "-"; if (hasRegion) { region = $0; sub(/^[^,]*,[^,]*,/, "", region); gsub(/^"|"$/, "", region); gsub(/""/, "\"", region) }
               print region "=" $2 }' "$dir/sim.out" >"$dir/sim.cycles"
    if cmp -s "$dir/mca.cycles" "$dir/sim.cycles"; then
      verdict="agree $(paste -sd' ' "$dir/mca.cycles")"
    else
      verdict="disagree: llvm-mca $(paste -sd' ' "$dir/mca.cycles"), simulate $(paste -sd' ' "$dir/sim.cycles")"
    fi
  elif [[ $mcaRc -ne 0 && $simRc -ne 0 ]]; then
    local a b
    a=$(mca_reason "$dir/mca.err")
    b=$(simulate_reason "$dir/sim.err" "$file")
    if [[ "$a" == "$b" ]]; then
      verdict="refused $a"
    else
      verdict="disagree: both refuse, llvm-mca: $a; simulate: $b"
    fi
  elif [[ $mcaRc -ne 0 ]]; then
    verdict="disagree: only llvm-mca refuses: $(mca_reason "$dir/mca.err")"
  else
    verdict="disagree: only simulate refuses: $(simulate_reason "$dir/sim.err" "$file")"
  fi
  echo "$verdict" >"$dir/verdict"
}

# 1. Every RUN: line: qualifying or not, and which run it needs.
runLines=0
declare -A notQualifying runs
cases=()  # "REL:LINE|KEY|CPU|ITERATIONS"
notes="$OUT/not-qualifying.txt"
: >"$notes"
while IFS= read -r file; do
  rel=${file#"$TESTS"/}
  [[ -n "$ONLY" && ! "$rel" =~ $ONLY ]] && continue
  while IFS= read -r hit; do
    lineNo=${hit%%:*}
    cmd=${hit#*RUN:}
    cmd=${cmd%%|*}
    cmd=${cmd//$'\r'/}  # directives-handle-crlf.s has CRLF line ends
    ((runLines++))
    read -ra toks <<<"$cmd"
    triple="" cpu="" iters="" why="" i=0
    [[ "${toks[0]:-}" == "not" ]] && i=1
    [[ "${toks[$i]:-}" != "llvm-mca" ]] && why="not an llvm-mca command"
    for ((i = i + 1; i < ${#toks[@]}; i++)); do
      [[ -n "$why" ]] && break
      t=${toks[$i]}
      case "$t" in
        -mtriple=*) triple=${t#-mtriple=} ;;
        -mcpu=*) cpu=${t#-mcpu=} ;;
        -iterations=*) iters=${t#-iterations=} ;;
        -mtriple | -mcpu | -iterations | -o)  # the value as the next word
          ((i++))
          case "$t" in -mtriple) triple=${toks[$i]:-} ;; -mcpu) cpu=${toks[$i]:-} ;; -iterations) iters=${toks[$i]:-} ;; esac ;;
        "<" | "%s" | "2>&1") ;;
        *) [[ "$t" =~ $ACCEPTED ]] || why="${t%%=*}" ;;
      esac
    done
    [[ -z "$why" && "$triple" != x86_64* ]] && why="-mtriple=$triple (not x86-64)"
    [[ -z "$why" && -z "$cpu" ]] && why="no -mcpu (the host's CPU)"
    if [[ -n "$why" ]]; then
      notQualifying[$why]=$((${notQualifying[$why]:-0} + 1))
      echo "$rel:$lineNo: $why" >>"$notes"
      continue
    fi
    key=$(sed 's/[^A-Za-z0-9._-]/_/g' <<<"$rel.$triple.$cpu.${iters:-default}")
    runs[$key]="$file|$triple|$cpu|$iters"
    cases+=("$rel:$lineNo|$key|$cpu|${iters:-default}")
  done < <(grep -n 'RUN:' "$file")
done < <(find "$TESTS" -name '*.s' | LC_ALL=C sort)

# 2. Each distinct run once, JOBS at a time.
rm -rf "$OUT/runs"
for key in "${!runs[@]}"; do
  IFS='|' read -r file triple cpu iters <<<"${runs[$key]}"
  while (($(jobs -rp | wc -l) >= JOBS)); do wait -n; done
  run_case "$file" "$triple" "$cpu" "$iters" "$OUT/runs/$key" &
done
wait

# 3. Verdicts per RUN: line.
agree=0 refused=0
disagreeing=()
details="$OUT/cases.txt"
: >"$details"
for c in "${cases[@]}"; do
  IFS='|' read -r where key cpu iters <<<"$c"
  verdict=$(cat "$OUT/runs/$key/verdict" 2>/dev/null || echo "disagree: no verdict (the run failed)")
  echo "$where -mcpu=$cpu -iterations=$iters: $verdict" >>"$details"
  case "$verdict" in
    agree*) ((agree++)) ;;
    refused*) ((refused++)) ;;
    *) disagreeing+=("$where -mcpu=$cpu: $verdict") ;;
  esac
done

{
  echo "llvm-mca-19's X86 tests (LLVM 19.1.7, $TESTS): $runLines RUN: lines"
  echo "cases run (qualifying RUN: lines): ${#cases[@]} (${#runs[@]} distinct file/CPU/iteration runs of both tools)"
  echo "agreeing: $agree"
  echo "refused by both, same reason: $refused"
  echo "disagreeing: ${#disagreeing[@]}"
  for d in "${disagreeing[@]}"; do echo "  $d"; done
  echo "not qualifying: $((runLines - ${#cases[@]})), by the first option that disqualifies (each: $notes):"
  for k in "${!notQualifying[@]}"; do echo "  ${notQualifying[$k]} $k"; done | sort -k1,1nr -k2
  echo "per case: $details"
} | tee "$OUT/summary.txt"
[[ ${#disagreeing[@]} -eq 0 ]]
