#!/usr/bin/env bash
# The write-back proof (CTest label `writeback`): for the tuned Haswell table and a random Skylake table
# (tools/writeback-tables.sh), tools/build-llvm-mca.sh rebuilds llvm-mca in BUILD_DIR, and that llvm-mca
# (-mtriple=x86_64-unknown-linux-gnu -mcpu=CPU -iterations=100, on each block's llvm-mc-19 disassembly)
# must report the same Total Cycles as `surrogate simulate --params TABLE.json` on that disassembly, for
# every one of the 2,000 sampled hsw.csv blocks. (Both read the same text: reassembling a disassembly can
# pick another encoding, e.g. `pushq $100` of a push imm32 becomes PUSH64i8, for llvm-mca and simulate alike.) Skips (exit 77) without BUILD_DIR, the cached LLVM sources or the BHive data.
# Usage: tests/writeback_check.sh [BUILD_DIR]   (default $SURROGATE_LLVM_MCA_BUILD; SURROGATE: the binary)
# Leaves BUILD_DIR/writeback-TABLE.csv (hex,simulate,llvm_mca,default) for each table.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${1:-${SURROGATE_LLVM_MCA_BUILD:-}}
SURROGATE=${SURROGATE:-$ROOT/build/surrogate}
export SURROGATE

skip() { echo "writeback: skipped: $*"; exit 77; }
[[ -n "$BUILD_DIR" && -d "$BUILD_DIR" ]] ||
  skip "no llvm-mca build tree (configure with -DSURROGATE_LLVM_MCA_BUILD=DIR or set SURROGATE_LLVM_MCA_BUILD; tools/build-llvm-mca.sh TABLE.json DIR makes one)"
"$ROOT/tools/llvm-sources.sh" --cached-only >/dev/null || skip "LLVM 19.1.7's sources are not cached (tools/llvm-sources.sh fetches them)"
[[ -f "$ROOT/../shared/data/bhive/hsw.csv" ]] || skip "../shared/data/bhive/hsw.csv is absent"
LLVM_MC=$(command -v llvm-mc-19 || echo /usr/lib/llvm-19/bin/llvm-mc)
[[ -x "$LLVM_MC" ]] || skip "llvm-mc-19 is not installed"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$ROOT/tools/writeback-tables.sh" "$WORK"

# One process per block, JOBS at a time (thousands of process starts are most of this check's time).
JOBS=${JOBS:-2}
export LLVM_MC WORK

# Step 1: each block's disassembly, one file per block and all of them in blocks.s (`# ---` between).
mkdir -p "$WORK/asm"
n=$(wc -l < "$WORK/blocks.csv")
cut -d, -f1 "$WORK/blocks.csv" | awk '{ print NR - 1, $1 }' | xargs -P "$JOBS" -n 2 bash -c \
  'sed "s/../0x& /g" <<<"$1" | "$LLVM_MC" --disassemble -triple=x86_64-unknown-linux-gnu > "$WORK/asm/$0.s"'
for ((i = 0; i < n; i++)); do
  cat "$WORK/asm/$i.s"
  echo "# ---"
done > "$WORK/blocks.s"
reencoded=$(paste -d, <(cut -d, -f1 "$WORK/blocks.csv") \
  <("$SURROGATE" simulate --mcpu haswell --no-measured "$WORK/blocks.s" 2>/dev/null | tail -n +2 | cut -d, -f1) |
  awk -F, '$1 != $2' | wc -l)
echo "writeback: $n blocks disassembled ($reencoded of them reassemble to other bytes)"

# Total Cycles of llvm-mca binary $2 for each block, one per line.
run_llvm_mca() {
  local cpu=$1 mca=$2 i cycles
  rm -rf "$WORK/cycles" && mkdir -p "$WORK/cycles"
  seq 0 $((n - 1)) | CPU=$cpu MCA=$mca xargs -P "$JOBS" -I{} bash -c \
    '"$MCA" -mtriple=x86_64-unknown-linux-gnu -mcpu="$CPU" -iterations=100 "$WORK/asm/{}.s" 2>/dev/null |
       sed -n "s/^Total Cycles: *//p" > "$WORK/cycles/{}"'
  for ((i = 0; i < n; i++)); do
    cycles=$(cat "$WORK/cycles/$i")
    echo "${cycles:-error}"
  done
}

failed=0
for name in haswell-tuned skylake-sampled; do
  table="$WORK/$name.json"
  cpu=${name%%-*}
  echo "writeback: $name: building llvm-mca"
  mca=$("$ROOT/tools/build-llvm-mca.sh" "$table" "$BUILD_DIR" | tail -1)
  "$SURROGATE" simulate --params "$table" -j 2 "$WORK/blocks.s" -o "$WORK/sim.csv" 2>/dev/null
  "$SURROGATE" simulate --mcpu "$cpu" -j 2 "$WORK/blocks.s" -o "$WORK/default.csv" 2>/dev/null
  run_llvm_mca "$cpu" "$mca" > "$WORK/mca.txt"
  out="$BUILD_DIR/writeback-$name.csv"
  { echo "hex,simulate,llvm_mca,default"
    paste -d, <(tail -n +2 "$WORK/sim.csv") "$WORK/mca.txt" <(tail -n +2 "$WORK/default.csv" | cut -d, -f2)
  } > "$out"
  read -r tried agree moved <<<"$(awk -F, 'NR > 1 { n++; if ($2 == $3) a++; if ($2 != $4) m++ }
    END { print n + 0, a + 0, m + 0 }' "$out")"
  echo "writeback: $name: $agree of $tried blocks agree ($moved of them differ from LLVM's default table)"
  awk -F, 'NR > 1 && $2 != $3 { print "  differs: " $0 }' "$out" | head -20
  [[ "$tried" -eq 2000 && "$agree" -eq "$tried" ]] || failed=1
done
exit $failed
