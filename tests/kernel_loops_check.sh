#!/usr/bin/env bash
# Checks tools/kernel-loops.sh on three kernels (data/kernels/README.md): it writes loops, the same bytes on a
# second run, `surrogate simulate` reads every block of both outputs (CSV and code regions) and gives each the
# same cycles, and --exclude drops what it names. Then checks the committed sets are kept apart: no kernel in
# both data/kernels/train and data/kernels/test, no block of train-loops.csv in test-loops.csv or synth-test.csv.
# Usage: tests/kernel_loops_check.sh SOURCE_DIR SURROGATE_BINARY
# Exit status: 0 when all holds, 1 when not, 77 (skip) when clang-19, llvm-mc-19 or llvm-objdump-19 is missing.
# KEEP=1 keeps the temporary folder.
set -uo pipefail

skip() { echo "kernel_loops_check: skipped: $*" >&2; exit 77; }
fail() { echo "kernel_loops_check: FAIL: $*" >&2; exit 1; }

[[ $# -eq 2 ]] || { echo "usage: $0 SOURCE_DIR SURROGATE_BINARY" >&2; exit 1; }
src=$(cd "$1" 2>/dev/null && pwd) || fail "$1: no such directory"
bin=$2
[[ -x "$bin" ]] || fail "$bin: no executable binary"
for tool in "${CLANG:-clang-19}" "${LLVM_MC:-llvm-mc-19}" "${LLVM_OBJDUMP:-llvm-objdump-19}"; do
  command -v "$tool" >/dev/null || skip "$tool is not installed (tools/setup.sh installs it)"
done
tool="$src/tools/kernel-loops.sh"
[[ -x "$tool" ]] || fail "$tool: absent or not executable"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kernel-loops-check.XXXXXX") || fail "mktemp failed"
if [[ "${KEEP:-0}" == 1 ]]; then echo "kernel_loops_check: kept in $tmp" >&2; else trap 'rm -rf "$tmp"' EXIT; fi

# A pointer chase, a dot product (vectorized at -O2 and above) and a loop of %rip-relative constants (rewritten).
kernels=("$src/data/kernels/train/list_length.c" "$src/data/kernels/test/dot_f64.c" "$src/data/kernels/test/morton_encode.c")
for k in "${kernels[@]}"; do [[ -f "$k" ]] || fail "$k: absent"; done

for run in 1 2; do
  "$tool" -q --name loops -o "$tmp/run$run" "${kernels[@]}" 2> "$tmp/run$run.err" ||
    { cat "$tmp/run$run.err" >&2; fail "run $run: kernel-loops.sh failed"; }
done
for f in loops.s loops.csv; do
  [[ -s "$tmp/run1/$f" ]] || fail "$f: not written"
  cmp -s "$tmp/run1/$f" "$tmp/run2/$f" || fail "$f: two runs on the same kernels wrote different bytes"
done

csv="$tmp/run1/loops.csv" asm="$tmp/run1/loops.s"
[[ $(head -1 "$csv") == "hex,name" ]] || fail "loops.csv: the header is not hex,name"
rows=$(($(wc -l < "$csv") - 1))
regions=$(grep -c '^# LLVM-MCA-BEGIN ' "$asm")
[[ $rows -ge 3 ]] || fail "only $rows loops from three kernels"
[[ $rows -eq $regions ]] || fail "loops.csv has $rows blocks, loops.s $regions regions"
for k in list_length dot_f64 morton_encode; do
  grep -q ",$k/" "$csv" || fail "no loop of $k"
done
grep -q '(%rip)' "$asm" || fail "no %rip-relative operand rewritten (morton_encode's constants)"
grep -q '[A-Za-z_.][A-Za-z0-9_.]*(%rip)' "$asm" && fail "a %rip-relative operand still names a symbol"

# simulate reads every block, from the CSV and from the code regions, with the same cycles and names.
for f in "$csv" "$asm"; do
  out="$tmp/$(basename "$f").mca.csv"
  "$bin" simulate --strict --mcpu haswell "$f" -o "$out" 2> "$tmp/sim.err" || { cat "$tmp/sim.err" >&2; fail "simulate $f failed"; }
  grep -q "$rows blocks read, $rows simulated, 0 skipped" "$tmp/sim.err" || { cat "$tmp/sim.err" >&2; fail "simulate $f: not every block simulated"; }
done
cmp -s <(tail -n +2 "$tmp/loops.csv.mca.csv" | cut -d, -f2) <(tail -n +2 "$tmp/loops.s.mca.csv" | cut -d, -f2) ||
  fail "cycles differ between loops.csv and loops.s"
cmp -s <(tail -n +2 "$csv" | cut -d, -f2) <(tail -n +2 "$tmp/loops.s.mca.csv" | cut -d, -f3) ||
  fail "the region names of loops.s are not the names of loops.csv"

# --exclude drops every loop it names.
"$tool" -q --name again -o "$tmp/run1" --exclude "$csv" "${kernels[@]}" 2> "$tmp/ex.err" || { cat "$tmp/ex.err" >&2; fail "--exclude run failed"; }
[[ $(wc -l < "$tmp/run1/again.csv") -eq 1 ]] || fail "--exclude left loops it names"
grep -q "excluded: $rows" "$tmp/run1/again.s" || fail "--exclude: the count of excluded loops is not $rows"

# The committed sets are kept apart.
dir="$src/data/kernels"
both=$(comm -12 <(find "$dir/train" -maxdepth 1 -name '*.c' -printf '%f\n' | sort) \
                <(find "$dir/test" -maxdepth 1 -name '*.c' -printf '%f\n' | sort))
[[ -z "$both" ]] || fail "kernels in both train and test: $both"
for f in train-loops.csv test-loops.csv synth-test.csv; do [[ -f "$dir/$f" ]] || fail "$dir/$f: absent"; done
shared=$(comm -12 <(tail -n +2 "$dir/train-loops.csv" | cut -d, -f1 | sort -u) \
                  <(tail -n +2 -q "$dir/test-loops.csv" "$dir/synth-test.csv" | cut -d, -f1 | sort -u) | wc -l)
[[ $shared -eq 0 ]] || fail "$shared blocks of train-loops.csv are in a test set"

echo "kernel_loops_check: ok ($rows loops from 3 kernels, deterministic, all simulated; train and test apart)"
