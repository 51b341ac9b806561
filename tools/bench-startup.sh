#!/usr/bin/env bash
# Whole-process start-up of surrogate's commands beside llvm-mca-19 on the same one block, measured side by side:
# every round runs each command once (so load from other processes affects all alike), after one warm-up round;
# the table gives each command's median wall time, median CPU time (user + system, 10 ms steps) and peak RSS
# (/usr/bin/time), and its wall time's ratio to llvm-mca-19's median. Usage:
#   tools/bench-startup.sh [--surrogate build/surrogate] [--llvm-mca llvm-mca-19] [-n ROUNDS] [--model RUN_DIR]
#                          [--only-nn | --no-nn] [--baseline OTHER_SURROGATE]
# --no-nn leaves out the commands that load the network (predict, bench surrogate); --only-nn runs only those.
# --baseline also times each command with another build (e.g. one from before a change), in the same rounds.
set -euo pipefail
cd "$(dirname "$0")/.."

SURROGATE=build/surrogate
LLVM_MCA=llvm-mca-19
ROUNDS=11
MODEL=data/models/haswell
WHICH=all
BASELINE=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --surrogate) SURROGATE=$2; shift 2 ;;
    --llvm-mca) LLVM_MCA=$2; shift 2 ;;
    -n) ROUNDS=$2; shift 2 ;;
    --model) MODEL=$2; shift 2 ;;
    --no-nn) WHICH=no-nn; shift ;;
    --only-nn) WHICH=only-nn; shift ;;
    --baseline) BASELINE=$2; shift 2 ;;
    *) echo "bench-startup.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ -x /usr/bin/time ]] || { echo "bench-startup.sh: needs /usr/bin/time (Debian package time)" >&2; exit 2; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# One block: addq %rax, %rbx; imulq %rbx, %rcx (BHive hex; assembly for llvm-mca).
printf 'hex,throughput\n4801c3480fafcb,100\n' >"$WORK/one.csv"
printf 'addq %%rax, %%rbx\nimulq %%rbx, %%rcx\n' >"$WORK/one.s"
"$SURROGATE" simulate "$WORK/one.csv" -o "$WORK/sim.csv" 2>/dev/null

NAMES=() CMDS=()
add() {
  NAMES+=("$1"); CMDS+=("$2")
  if [[ -n $BASELINE && $2 == "$SURROGATE "* ]]; then NAMES+=("  baseline: ${1#surrogate }"); CMDS+=("$BASELINE ${2#"$SURROGATE "}"); fi
}
add "llvm-mca-19 one block" "$LLVM_MCA -mtriple=x86_64-unknown-linux-gnu -mcpu=haswell -iterations=100 $WORK/one.s"
if [[ $WHICH != only-nn ]]; then
  add "surrogate --version" "$SURROGATE --version"
  add "surrogate --help" "$SURROGATE --help"
  add "surrogate simulate" "$SURROGATE simulate $WORK/one.csv"
  add "surrogate eval" "$SURROGATE eval $WORK/sim.csv --pred cycles --measured measured"
  add "surrogate params export --blocks" "$SURROGATE params export --blocks $WORK/one.csv"
  add "surrogate dataset" "$SURROGATE dataset --blocks $WORK/one.csv -o $WORK/ds --force"
  add "surrogate bench mca" "$SURROGATE bench mca $WORK/one.csv -n 1 --spawn-sample 0"
fi
if [[ $WHICH != no-nn ]]; then
  add "surrogate predict" "$SURROGATE predict --model $MODEL $WORK/one.csv"
  add "surrogate bench surrogate" "$SURROGATE bench surrogate --model $MODEL $WORK/one.csv -n 1 --threads 1"
fi

# One process: wall seconds (bash's clock around it), peak RSS in KiB, CPU seconds.
measure() {
  local start end
  start=$EPOCHREALTIME
  /usr/bin/time -f "%M %U %S" -o "$WORK/rss" bash -c "exec $1" >/dev/null 2>&1 || { echo "failed: $1" >&2; exit 1; }
  end=$EPOCHREALTIME
  read -r rss user sys < <(tail -1 "$WORK/rss")
  echo "$(echo "$end - $start" | bc -l) $rss $(echo "$user + $sys" | bc -l)"
}

for ((i = 0; i < ${#CMDS[@]}; ++i)); do measure "${CMDS[$i]}" >/dev/null; done  # warm-up round
for ((r = 0; r < ROUNDS; ++r)); do
  for ((i = 0; i < ${#CMDS[@]}; ++i)); do measure "${CMDS[$i]}" >>"$WORK/m$i"; done
done

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "start-up, median of $ROUNDS rounds after a warm-up; load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
printf '%-36s %10s %10s %12s %14s\n' command "wall ms" "CPU ms" "peak RSS MB" "vs llvm-mca"
base=""
for ((i = 0; i < ${#CMDS[@]}; ++i)); do
  wall=$(cut -d' ' -f1 "$WORK/m$i" | median)
  rss=$(cut -d' ' -f2 "$WORK/m$i" | median)
  cpu=$(cut -d' ' -f3 "$WORK/m$i" | median)
  [[ -n $base ]] || base=$wall
  printf '%-36s %10.1f %10.0f %12.1f %13.2fx\n' "${NAMES[$i]}" "$(echo "$wall * 1000" | bc -l)" \
    "$(echo "$cpu * 1000" | bc -l)" "$(echo "$rss / 1024" | bc -l)" \
    "$(echo "$wall / $base" | bc -l)"
done
