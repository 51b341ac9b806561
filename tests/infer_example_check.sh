#!/usr/bin/env bash
# The surrogate_infer library as another program uses it: its install component put into a temporary
# prefix, examples/infer built against it with CMake's find_package, and its predictions checked against
# `surrogate predict` on the same model file; a damaged model file and a bad block are errors, and the
# program does not load LibTorch.
# Usage: tests/infer_example_check.sh SOURCE_DIR BUILD_DIR SURROGATE
set -euo pipefail
src=$1 build=$2 surrogate=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "infer_example_check: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$work/prefix" --component infer >/dev/null
cmake -S "$src/examples/infer" -B "$work/build" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/build" >/dev/null
example=$work/build/predict_block
if ldd "$example" | grep -q torch; then fail "predict_block loads LibTorch"; fi

model=$src/data/models/haswell-measured/model.smodel
blocks=(4801d8 480fafc0480fafc0480fafc0480fafc0 488b07488d7f08 c5fc1007c4e27db8060f1f00)
"$example" "$model" "${blocks[@]}" > "$work/example.csv"
{ echo hex; printf '%s\n' "${blocks[@]}"; } > "$work/blocks.csv"
"$surrogate" predict --model "$model" "$work/blocks.csv" 2>/dev/null | tail -n +2 > "$work/predict.csv"
diff "$work/predict.csv" "$work/example.csv" || fail "predict_block and surrogate predict disagree"

printf 'imulq %%rax, %%rax\nimulq %%rax, %%rax\nimulq %%rax, %%rax\nimulq %%rax, %%rax\n' > "$work/imul.s"
asm=$("$example" "$model" --asm "$work/imul.s")
hex=$(grep '^480fafc0480fafc0480fafc0480fafc0,' "$work/example.csv" | cut -d, -f2)
[[ "$asm" == "$hex" ]] || fail "assembly gave $asm, its machine code $hex"

head -c 1000 "$model" > "$work/cut.smodel"
if "$example" "$work/cut.smodel" 4801d8 2> "$work/err.txt"; then fail "a truncated model file was accepted"; fi
grep -q "cut.smodel: checksum mismatch: the file is damaged or truncated" "$work/err.txt" || fail "$(cat "$work/err.txt")"
if "$example" "$model" zz 2> "$work/err.txt"; then fail "a bad block was accepted"; fi
grep -q "block zz" "$work/err.txt" || fail "$(cat "$work/err.txt")"
echo "infer_example_check: predict_block agrees with surrogate predict on ${#blocks[@]} blocks"
