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
# Usage: tools/mca-test-agreement.sh [--surrogate BIN] [--llvm-mca BIN] [--out DIR]
# Writes DIR/summary.txt (default build/mca-test-agreement) and prints it. Exit status: 0 when every
# case agrees or is refused by both for the same reason, 1 when some disagree, 77 (skipped)
# when the LLVM sources are not cached or llvm-mca-19 is missing. It never downloads.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SURROGATE="$ROOT/build/surrogate"
MCA=llvm-mca-19
OUT="$ROOT/build/mca-test-agreement"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --surrogate) SURROGATE=$2; shift 2 ;;
    --llvm-mca) MCA=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    *) echo "usage: $0 [--surrogate BIN] [--llvm-mca BIN] [--out DIR]" >&2; exit 2 ;;
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
  if grep -q "unable to find instruction-level scheduling information" "$err"; then echo cpu; return; fi
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

# Runs one (file, triple, cpu, iterations) through both tools once, however many RUN: lines ask for it.
declare -A VERDICT
run_case() {
  local file=$1 triple=$2 cpu=$3 iters=$4 key=$5
  local dir="$OUT/runs/$key"
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
      VERDICT[$key]="agree $(paste -sd' ' "$dir/mca.cycles")"
    else
      VERDICT[$key]="disagree: llvm-mca $(paste -sd' ' "$dir/mca.cycles"), simulate $(paste -sd' ' "$dir/sim.cycles")"
    fi
  elif [[ $mcaRc -ne 0 && $simRc -ne 0 ]]; then
    local a b
    a=$(mca_reason "$dir/mca.err")
    b=$(simulate_reason "$dir/sim.err" "$file")
    if [[ "$a" == "$b" ]]; then
      VERDICT[$key]="refused $a"
    else
      VERDICT[$key]="disagree: both refuse, llvm-mca: $a; simulate: $b"
    fi
  elif [[ $mcaRc -ne 0 ]]; then
    VERDICT[$key]="disagree: only llvm-mca refuses: $(mca_reason "$dir/mca.err")"
  else
    VERDICT[$key]="disagree: only simulate refuses: $(simulate_reason "$dir/sim.err" "$file")"
  fi
}

runLines=0 qualifying=0 agree=0 refused=0
declare -A notQualifying
disagreeing=()
details="$OUT/cases.txt"
: >"$details"
while IFS= read -r file; do
  rel=${file#"$TESTS"/}
  while IFS= read -r hit; do
    lineNo=${hit%%:*}
    cmd=${hit#*RUN:}
    cmd=${cmd%%|*}
    ((runLines++))
    read -ra toks <<<"$cmd"
    triple="" cpu="" iters="" why="" i=0
    [[ "${toks[0]:-}" == "not" ]] && i=1
    if [[ "${toks[$i]:-}" != "llvm-mca" ]]; then
      why="not an llvm-mca command"
    fi
    for ((i = i + 1; i < ${#toks[@]} && -z "$why"; i++)); do
      t=${toks[$i]}
      case "$t" in
        -mtriple=*) triple=${t#-mtriple=} ;;
        -mcpu=*) cpu=${t#-mcpu=} ;;
        -iterations=*) iters=${t#-iterations=} ;;
        "<" | "%s" | "2>&1") ;;
        -o) ((i++)) ;;
        *) if [[ ! "$t" =~ $ACCEPTED ]]; then why="${t%%=*}"; fi ;;
      esac
    done
    if [[ -z "$why" && "$triple" != x86_64* ]]; then why="-mtriple=$triple (not x86-64)"; fi
    if [[ -z "$why" && -z "$cpu" ]]; then why="no -mcpu (host CPU)"; fi
    if [[ -n "$why" ]]; then
      notQualifying[$why]=$((${notQualifying[$why]:-0} + 1))
      continue
    fi
    ((qualifying++))
    key=$(sed 's/[^A-Za-z0-9._-]/_/g' <<<"$rel.$triple.$cpu.${iters:-default}")
    [[ -z "${VERDICT[$key]:-}" ]] && run_case "$file" "$triple" "$cpu" "$iters" "$key"
    verdict=${VERDICT[$key]}
    echo "$rel:$lineNo -mcpu=$cpu -iterations=${iters:-default}: $verdict" >>"$details"
    case "$verdict" in
      agree*) ((agree++)) ;;
      refused*) ((refused++)) ;;
      *) disagreeing+=("$rel:$lineNo -mcpu=$cpu: $verdict") ;;
    esac
  done < <(grep -n 'RUN:' "$file")
done < <(find "$TESTS" -name '*.s' | LC_ALL=C sort)

{
  echo "llvm-mca-19's X86 tests (LLVM 19.1.7, $TESTS): $runLines RUN: lines"
  echo "cases run (qualifying RUN: lines): $qualifying (${#VERDICT[@]} distinct file/CPU/iteration runs)"
  echo "agreeing: $agree"
  echo "refused by both, same reason: $refused"
  echo "disagreeing: ${#disagreeing[@]}"
  for d in "${disagreeing[@]}"; do echo "  $d"; done
  echo "not qualifying: $((runLines - qualifying)), by the first option that disqualifies:"
  for k in "${!notQualifying[@]}"; do echo "  ${notQualifying[$k]} $k"; done | sort -k1,1nr -k2
  echo "per case: $details"
} | tee "$OUT/summary.txt"
[[ ${#disagreeing[@]} -eq 0 ]]
