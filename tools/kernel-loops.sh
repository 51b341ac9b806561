#!/usr/bin/env bash
# Compiles small C loop kernels with clang-19 at several flag sets, extracts the bodies of their innermost loops
# (single basic blocks that end in a conditional branch back to their own label) and writes them as blocks that
# `surrogate simulate`, `predict` and `analyze` read: an assembly file with one llvm-mca code region per loop and
# a CSV of `hex,name`. See data/kernels/README.md.
#
# Usage: tools/kernel-loops.sh [OPTIONS] INPUT... -o OUTDIR
#   INPUT                a folder (its *.c files) or a .c file; kernels are taken in byte order of their file names
#   -o, --output DIR     writes DIR/NAME.s and DIR/NAME.csv (DIR is created)
#   --name NAME          output base name (default: the first input's name without .c, then "-loops":
#                        data/kernels/test -> test-loops)
#   --flags NAME=FLAGS   a flag set (repeatable; replaces the default sets, listed by --list-flags)
#   --exclude CSV        drops every loop whose machine code is in CSV's first column (repeatable; e.g. keep a
#                        training set apart from the test sets: --exclude data/kernels/test-loops.csv)
#   --list-flags         prints the default flag sets and exits
#   -q, --quiet          no summary on stderr
# Tools: CLANG (default clang-19), LLVM_MC (llvm-mc-19), LLVM_OBJDUMP (llvm-objdump-19) in the environment.
# KEEP_TMP=1 keeps the temporary folder (each compile's records, the assembled candidates) and prints its path.
#
# A loop is a run of lines from a label to a conditional jump back to that label, inside one function, with no
# other jump, call or return between (labels between are dropped: they are entry points into a rotated loop, the
# iteration is still straight-line). The block is the body *with* its branch. Per loop:
#   - `SYM(%rip)` / `SYM+N(%rip)` operands (constant pools, tables) are rewritten to a numeric displacement
#     (the k-th distinct symbol of the block gets 64*k, plus N), so the block encodes on its own; counted as
#     "rewritten";
#   - a loop still naming a symbol (absolute addresses, `$sym`, calls) or holding a directive other than
#     alignment is dropped and counted, as is one llvm-mc-19 cannot assemble;
#   - identical machine code is kept once (the first in kernel, flag-set, source order), then loops whose
#     code is in an --exclude file are dropped.
# The region and CSV names are KERNEL/FLAGSET/LABEL (LABEL as clang named it, e.g. .LBB0_3). The output depends on
# the inputs, the flag sets and the tools' versions only (no dates, no paths): the same inputs give the same bytes.
set -euo pipefail
export LC_ALL=C

CLANG=${CLANG:-clang-19}
LLVM_MC=${LLVM_MC:-llvm-mc-19}
LLVM_OBJDUMP=${LLVM_OBJDUMP:-llvm-objdump-19}

# Default flag sets: NAME and clang flags. Every compile also gets $COMMON.
DEFAULT_FLAGS=(
  "O1=-O1"
  "O2=-O2"
  "O3=-O3"
  "Os=-Os"
  "O2-nounroll=-O2 -fno-unroll-loops"
  "O3-nounroll=-O3 -fno-unroll-loops"
  "O2-novec=-O2 -fno-vectorize -fno-slp-vectorize -fno-unroll-loops"
  "O2-hsw=-O2 -march=haswell"
  "O3-hsw=-O3 -march=haswell"
  "O2-hsw-nounroll=-O2 -march=haswell -fno-unroll-loops"
  "O3-hsw-fast=-O3 -march=haswell -ffast-math"
  "O3-hsw-fast-nounroll=-O3 -march=haswell -ffast-math -fno-unroll-loops"
  "Os-hsw=-Os -march=haswell"
)
COMMON="--target=x86_64-unknown-linux-gnu -S -fno-asynchronous-unwind-tables -fno-ident -w"

die() { echo "kernel-loops: $*" >&2; exit 1; }
usage() { sed -n '7,18p' "$0" | sed 's/^# \{0,1\}//'; }

inputs=() outdir="" name="" flags=() excludes=() quiet=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    -o|--output) [[ $# -ge 2 ]] || die "$1 needs a folder"; outdir=$2; shift 2 ;;
    --name) [[ $# -ge 2 ]] || die "$1 needs a name"; name=$2; shift 2 ;;
    --flags) [[ $# -ge 2 && "$2" == *=* ]] || die "--flags needs NAME=FLAGS"; flags+=("$2"); shift 2 ;;
    --exclude) [[ $# -ge 2 ]] || die "$1 needs a CSV"; [[ -f "$2" ]] || die "$2: no such file"; excludes+=("$2"); shift 2 ;;
    --list-flags) printf '%s\n' "${DEFAULT_FLAGS[@]}"; exit 0 ;;
    -q|--quiet) quiet=1; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) die "unknown option $1 (--help)" ;;
    *) inputs+=("$1"); shift ;;
  esac
done
[[ ${#inputs[@]} -gt 0 ]] || { usage >&2; exit 1; }
[[ -n "$outdir" ]] || die "no output folder (-o DIR)"
[[ ${#flags[@]} -gt 0 ]] || flags=("${DEFAULT_FLAGS[@]}")
for f in "${flags[@]}"; do
  [[ "${f%%=*}" =~ ^[A-Za-z0-9_.+-]+$ ]] || die "flag set name '${f%%=*}': letters, digits, _ . + - only"
done
for tool in "$CLANG" "$LLVM_MC" "$LLVM_OBJDUMP"; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done
if [[ -z "$name" ]]; then
  first=${inputs[0]%/}
  name=$(basename "${first%.c}")-loops
fi

# The kernels, in byte order of their file names; a kernel name may appear once.
kernels=()
for in in "${inputs[@]}"; do
  if [[ -d "$in" ]]; then
    while IFS= read -r f; do kernels+=("$f"); done < <(find "$in" -maxdepth 1 -type f -name '*.c' | sort)
  elif [[ -f "$in" && "$in" == *.c ]]; then kernels+=("$in")
  else die "$in: not a folder or a .c file"; fi
done
[[ ${#kernels[@]} -gt 0 ]] || die "no .c files in ${inputs[*]}"
mapfile -t kernels < <(for k in "${kernels[@]}"; do printf '%s\t%s\n' "$(basename "$k" .c)" "$k"; done | sort -t$'\t' -k1,1 -s)
dups=$(printf '%s\n' "${kernels[@]}" | cut -f1 | uniq -d)
[[ -z "$dups" ]] || die "kernel names given twice: $dups"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kernel-loops.XXXXXX")
if [[ -n "${KEEP_TMP:-}" ]]; then echo "kernel-loops: temporary files kept in $tmp" >&2; else trap 'rm -rf "$tmp"' EXIT; fi

# 1. Compile every kernel at every flag set and extract its single-block loops into records:
#    B NAME / I INSTRUCTION... / E, or X NAME REASON for a dropped loop, S KEY for a count.
# shellcheck disable=SC2016  # an awk program
extract_awk='
BEGIN { PREFIX = "^(rep|repe|repz|repne|repnz|lock|notrack|data16|data32|addr32|rex64|xacquire|xrelease|[c-gs]s)$" }
function flush() { n = 0; split("", lab) }
function is_jcc(m) { return m ~ /^j(a|ae|b|be|c|e|g|ge|l|le|na|nae|nb|nbe|nc|ne|ng|nge|nl|nle|no|np|ns|nz|o|p|pe|po|s|z)$/ }
function emit(L, start, last,   i, t, m, ops, nsym, sym, k, s, pre, rest, disp, chk, body, rewritten, bad) {
  body = ""; rewritten = 0; bad = ""; nsym = 0; split("", sym)
  for (i = start + 1; i < last; i++) {
    t = line[i]
    if (kind[i] == "L") continue
    if (kind[i] == "D") {
      if (t ~ /^\.(p2align|balign|align)[ \t]/) continue
      bad = "directive in the body (" t ")"; break
    }
    # SYM(%rip), SYM+N(%rip), SYM-N(%rip) -> a numeric displacement per distinct symbol.
    rest = t; t = ""
    while (match(rest, /[A-Za-z_.$][A-Za-z0-9_.$@]*([+-][0-9]+)?\(%rip\)/)) {
      pre = substr(rest, 1, RSTART - 1); s = substr(rest, RSTART, RLENGTH); rest = substr(rest, RSTART + RLENGTH)
      sub(/\(%rip\)$/, "", s); disp = 0
      if (match(s, /[+-][0-9]+$/)) { disp = substr(s, RSTART) + 0; s = substr(s, 1, RSTART - 1) }
      if (!(s in sym)) sym[s] = nsym++
      t = t pre (64 * sym[s] + disp) "(%rip)"; rewritten = 1
    }
    t = t rest
    ops = t
    do { m = ops; sub(/[ \t].*/, "", m); sub(/^[^ \t]+[ \t]*/, "", ops) } while (m ~ PREFIX && ops != "")
    chk = ops
    gsub(/\{[a-z0-9-]+\}/, "", chk); gsub(/%[a-z0-9]+/, "", chk); gsub(/0x[0-9a-fA-F]+/, "", chk); gsub(/[0-9]+/, "", chk)
    if (chk ~ /[A-Za-z_.@]/) { bad = "symbol operand (" t ")"; break }
    body = body "I\t" t "\n"
  }
  if (bad != "") { printf "X\t%s/%s/%s\t%s\n", kernel, fset, L, bad; return }
  m = line[last]; sub(/[ \t].*/, "", m)
  printf "B\t%s/%s/%s\t%d\n%sJ\t%s\nE\n", kernel, fset, L, rewritten, body, m
}
{
  sub(/^[ \t]+/, ""); sub(/[ \t]*#.*$/, ""); sub(/[ \t]+$/, "")
  if ($0 == "") next
  if ($0 ~ /^[^ \t"]+:$/) {
    L = substr($0, 1, length($0) - 1)
    if (L !~ /^\.L/) flush()             # a function (or data) symbol starts a new scope
    line[++n] = L; kind[n] = "L"; lab[L] = n; next
  }
  if ($0 ~ /^\./) {
    if ($0 ~ /^\.(section|text|data|bss)/) flush()
    line[++n] = $0; kind[n] = "D"; next
  }
  line[++n] = $0; kind[n] = "I"
  m = $0; sub(/[ \t].*/, "", m)
  if (!is_jcc(m)) next
  L = $0; sub(/^[^ \t]+[ \t]+/, "", L)
  if (!(L in lab)) next                  # forward branch or not to a label of this function: not a loop
  print "S\tbackward"
  for (i = lab[L] + 1; i < n; i++) {
    if (kind[i] != "I") continue
    m = line[i]; sub(/[ \t].*/, "", m)
    if (m ~ /^(j|call|ret|loop|ud2|int3|hlt|syscall)/) { print "S\tmultiblock"; next }
  }
  emit(L, lab[L], n)
}'

: > "$tmp/records"
ncompiles=0
for entry in "${kernels[@]}"; do
  kname=${entry%%$'\t'*}
  kfile=${entry#*$'\t'}
  for f in "${flags[@]}"; do
    fname=${f%%=*}
    fargs=${f#*=}
    # shellcheck disable=SC2086  # the flags are words
    "$CLANG" $COMMON $fargs -o "$tmp/k.s" "$kfile" 2> "$tmp/clang.err" ||
      { cat "$tmp/clang.err" >&2; die "$kfile: $CLANG $fargs failed"; }
    awk -v kernel="$kname" -v fset="$fname" "$extract_awk" "$tmp/k.s" >> "$tmp/records"
    ncompiles=$((ncompiles + 1))
  done
done

# 2. Assemble every kept loop in a section of its own (the label at the section's start, so the branch back
#    resolves inside it) and read each section's bytes. A file that does not assemble is retried loop by loop.
awk -F'\t' '
  $1 == "B" { c++; printf "\t.section .text.c%d,\"ax\",@progbits\n.Lc%d:\n", c, c; next }
  $1 == "I" { printf "\t%s\n", substr($0, 3); next }
  $1 == "J" { printf "\t%s\t.Lc%d\n", $2, c; next }' "$tmp/records" > "$tmp/cand.s"
ncand=$(grep -c '^B' "$tmp/records" || true)

hex_of_object() {  # OBJ -> lines "INDEX HEX" for its .text.cINDEX sections
  "$LLVM_OBJDUMP" -s "$1" | awk '
    /^Contents of section / {
      s = $4; sub(/:$/, "", s); cur = (s ~ /^\.text\.c[0-9]+$/) ? substr(s, 8) : ""
      if (s ~ /^\.rela?\.text\.c[0-9]+$/) { sub(/^\.rela?\.text\.c/, "", s); reloc[s] = 1 }   # not standalone
      next
    }
    cur != "" && match($0, /^ [0-9a-f]+ /) { h = substr($0, RLENGTH + 1, 35); gsub(/ /, "", h); hex[cur] = hex[cur] h }
    END { for (k in hex) if (!(k in reloc)) print k, hex[k] }'
}
: > "$tmp/hex"
if [[ $ncand -gt 0 ]]; then
  if "$LLVM_MC" -triple=x86_64-unknown-linux-gnu -filetype=obj -o "$tmp/cand.o" "$tmp/cand.s" 2> "$tmp/mc.err"; then
    hex_of_object "$tmp/cand.o" > "$tmp/hex"
  else
    for ((c = 1; c <= ncand; c++)); do
      awk -v c="$c" '/^\t\.section / { on = ($0 ~ "^\t\\.section \\.text\\.c" c ",") } on' "$tmp/cand.s" > "$tmp/one.s"
      if "$LLVM_MC" -triple=x86_64-unknown-linux-gnu -filetype=obj -o "$tmp/one.o" "$tmp/one.s" 2>/dev/null; then
        hex_of_object "$tmp/one.o" >> "$tmp/hex"
      fi
    done
  fi
fi

# 3. Keep each machine code once, drop the excluded ones, write NAME.s and NAME.csv, and count.
: > "$tmp/exclude"
for x in "${excludes[@]}"; do
  awk -F, 'NR == 1 && $1 == "hex" { next } { h = tolower($1); gsub(/[ \r"]/, "", h); if (h != "") print h }' "$x" >> "$tmp/exclude"
done
mkdir -p "$outdir"
: > "$tmp/summary.per"
flagdoc=$(printf '#   %s\n' "${flags[@]}")
clangv=$("$CLANG" --version | head -1)
awk -F'\t' -v sfile="$tmp/out.s" -v cfile="$tmp/out.csv" -v sumfile="$tmp/summary" \
    -v nkernels="${#kernels[@]}" -v nflags="${#flags[@]}" -v ncompiles="$ncompiles" '
  FILENAME == ARGV[1] { excl[$0] = 1; next }
  FILENAME == ARGV[2] { split($0, a, " "); hex[a[1]] = a[2]; next }
  $1 == "S" { stat[$2]++; next }
  $1 == "X" {
    dropped++; why = substr($0, length($2) + 4); gsub(/\t/, " ", why)
    dropwhy[substr(why, 1, index(why, " (") - 1)]++; droplist = droplist "#   dropped " $2 ": " why "\n"; next
  }
  $1 == "B" { c++; nm = $2; rw = $3; body = ""; next }
  $1 == "I" { body = body "\t" substr($0, 3) "\n"; next }
  $1 == "J" { jcc = $2; next }
  $1 == "E" {
    if (!(c in hex)) { dropped++; dropwhy["does not assemble standalone"]++; droplist = droplist "#   dropped " nm ": does not assemble standalone\n"; next }
    h = hex[c]
    if (h in seen) { duplicates++; next }
    seen[h] = 1
    if (h in excl) { excluded++; next }
    k++; rewritten += rw
    kern = nm; sub(/\/.*/, "", kern); per[kern]++
    out = out "# LLVM-MCA-BEGIN " nm "\n.Lb" k ":\n" body "\t" jcc "\t.Lb" k "\n# LLVM-MCA-END " nm "\n"
    csv = csv h "," nm "\n"
    next
  }
  END {
    s = sprintf("# kernels: %d, flag sets: %d, compilations: %d\n", nkernels, nflags, ncompiles)
    s = s sprintf("# backward conditional branches: %d; loops with a jump, call or return inside (skipped): %d\n", stat["backward"], stat["multiblock"])
    s = s sprintf("# single-block loops: %d; dropped: %d", c, dropped)
    if (dropped) {
      split("symbol operand|directive in the body|does not assemble standalone", reasons, "|"); s = s " ("; sep = ""
      for (i = 1; i <= 3; i++) if (reasons[i] in dropwhy) { s = s sep reasons[i] ": " dropwhy[reasons[i]]; sep = ", " }
      s = s ")"
    }
    s = s sprintf("; duplicates of an earlier loop: %d; excluded: %d\n", duplicates, excluded)
    s = s sprintf("# written: %d loops (%d with %%rip-relative operands rewritten)\n", k, rewritten)
    s = s droplist
    printf "%s", s > sumfile
    printf "%s", out > sfile
    printf "hex,name\n%s", csv > cfile
    for (kern in per) printf "%s\t%d\n", kern, per[kern] > (sumfile ".per")
    close(sumfile ".per")
  }' "$tmp/exclude" "$tmp/hex" "$tmp/records"

{
  echo "# Innermost single-block loops of C kernels, one llvm-mca code region each: KERNEL/FLAGSET/LABEL."
  echo "# Written by tools/kernel-loops.sh (data/kernels/README.md); do not edit. Machine code: $name.csv."
  echo "# Compiler: $clangv; every compile: $COMMON"
  echo "# Flag sets:"
  echo "$flagdoc"
  echo "# Kernels (loops written):"
  printf '%s\n' "${kernels[@]}" | cut -f1 | awk -F'\t' 'FILENAME == ARGV[1] { n[$1] = $2; next }
    { line = line sep $1 " " ($1 in n ? n[$1] : 0); sep = ", "; if (length(line) > 100) { print "#   " line ","; line = ""; sep = "" } }
    END { if (line != "") print "#   " line }' "$tmp/summary.per" -
  cat "$tmp/summary"
  cat "$tmp/out.s"
} > "$tmp/final.s"
mv "$tmp/final.s" "$outdir/$name.s"
mv "$tmp/out.csv" "$outdir/$name.csv"
if [[ $quiet == 0 ]]; then
  sed 's/^# \{0,1\}//' "$tmp/summary" >&2
  echo "wrote $outdir/$name.s and $outdir/$name.csv" >&2
fi
