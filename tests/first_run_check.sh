#!/usr/bin/env bash
# Runs the README's "First run" commands in a fresh copy of the project with nothing beside it (no ../shared),
# as a user who has just cloned it would.
# Usage: tests/first_run_check.sh SOURCE_DIR SURROGATE_BINARY [MODULE_DIR]
#   SOURCE_DIR        the project's git checkout; its tracked files are copied (git ls-files)
#   SURROGATE_BINARY  the built binary, run wherever the README says build/surrogate
#   MODULE_DIR        the folder holding libsurrogate_torch.so (default: the binary's own folder)
# Exit status: 0 when every command ran and produced what it should, 1 when not, 77 (skip) when something it
# needs is absent. KEEP=1 keeps the temporary copy.
set -uo pipefail

skip() { echo "first_run_check: skipped: $*" >&2; exit 77; }
fail() { echo "first_run_check: FAIL: $*" >&2; exit 1; }

[[ $# -ge 2 ]] || { echo "usage: $0 SOURCE_DIR SURROGATE_BINARY [MODULE_DIR]" >&2; exit 1; }
src=$(cd "$1" 2>/dev/null && pwd) || skip "$1: no such directory"
bin=$(readlink -f "$2" 2>/dev/null) || skip "$2: no such file"
module_dir=${3:-$(dirname "$bin")}
[[ -x "$bin" ]] || skip "$bin: no executable binary"
[[ -f "$module_dir/libsurrogate_torch.so" ]] || skip "$module_dir/libsurrogate_torch.so: absent (predict, compile, adapt and optimize need it)"
command -v git >/dev/null || skip "git is not installed"
git -C "$src" rev-parse --git-dir >/dev/null 2>&1 || skip "$src is not a git checkout"
[[ -f "$src/README.md" ]] || fail "$src/README.md: absent"

# The commands: the first fenced block after the line "## First run", up to its closing fence.
mapfile -t commands < <(awk '
  /^## First run[[:space:]]*$/ { section = 1; next }
  section && /^## / { exit }
  section && !inblock && /^```/ { inblock = 1; next }
  inblock && /^```/ { exit }
  inblock { print }' "$src/README.md")
[[ ${#commands[@]} -gt 0 ]] || fail "README.md: no fenced block under '## First run'"

# A fresh copy of the tracked files, alone in its parent folder, so ../shared cannot be reached; the
# commands' outputs go to another folder.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/first-run.XXXXXX") || fail "mktemp failed"
logs=$(mktemp -d "${TMPDIR:-/tmp}/first-run-logs.XXXXXX") || fail "mktemp failed"
if [[ "${KEEP:-0}" == 1 ]]; then echo "first_run_check: the copy is kept in $tmp, the outputs in $logs" >&2
else trap 'rm -rf "$tmp" "$logs"' EXIT; fi
work="$tmp/surrogate"
mkdir "$work"
(cd "$src" && git ls-files -z | xargs -0 cp --parents -t "$work") || fail "copying the tracked files failed"
[[ "$(ls -A "$tmp")" == surrogate ]] || fail "$tmp holds more than the copy"
cd "$work"
export SURROGATE_TORCH_MODULE="$module_dir/libsurrogate_torch.so"

ran=0
start_all=$(date +%s.%N)
for line in "${commands[@]}"; do
  cmd=${line%%#*}                         # drop a trailing comment
  cmd=$(sed -E 's/[[:space:]]+$//' <<<"$cmd")
  [[ -n "$cmd" ]] || continue
  [[ "$cmd" != *\\ ]] || fail "README.md: one command per line in the First run block, no continuation: $line"
  cmd=${cmd//build\/surrogate/$bin}
  echo "first_run_check: \$ $cmd" >&2
  out="$logs/out.$ran"
  start=$(date +%s.%N)
  bash -e -c "$cmd" >"$out" 2>"$logs/err.$ran"
  rc=$?
  [[ $rc -eq 0 ]] || { tail -n 20 "$logs/err.$ran" >&2; fail "exit status $rc from: $line"; }
  echo "first_run_check:   $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s wall" >&2

  # What each kind of command must leave behind.
  words=($cmd)
  sub=${words[1]:-}
  outfile=""; rundir=""
  for ((i = 0; i < ${#words[@]}; ++i)); do
    case ${words[i]} in -o|--output) outfile=${words[i+1]:-}; rundir=$outfile ;; esac
  done
  case $sub in
  simulate|predict)
    if [[ -n "$outfile" ]]; then
      [[ -s "$outfile" ]] || fail "$sub wrote no output to $outfile"
      rows=$(($(wc -l <"$outfile") - 1))
    else
      [[ -s "$out" ]] || fail "$sub printed nothing"
      rows=$(($(wc -l <"$out") - 1))
    fi
    [[ $rows -ge 1 ]] || fail "$sub gave no rows"
    echo "first_run_check:   $rows rows" >&2 ;;
  compile|adapt|optimize)
    [[ -n "$rundir" ]] || fail "$sub without -o"
    report="$rundir/${sub}_report.md"
    [[ -s "$report" ]] || fail "$sub left no $report"
    [[ -s "$rundir/${sub}_report.json" ]] || fail "$sub left no $rundir/${sub}_report.json"
    case $sub in
    compile) [[ -s "$rundir/best.pt" ]] || fail "compile left no model ($rundir/best.pt)" ;;
    optimize) [[ -s "$rundir/tuned-params.json" ]] || fail "optimize left no $rundir/tuned-params.json" ;;
    esac
    echo "first_run_check:   $report" >&2 ;;
  eval)
    grep -q MAPE "$out" || fail "eval printed no MAPE" ;;
  *)
    [[ -z "$outfile" || -s "$outfile" ]] || fail "no output in $outfile" ;;
  esac
  ran=$((ran + 1))
done
[[ $ran -gt 0 ]] || fail "README.md: the block under '## First run' holds no command"
echo "first_run_check: PASS: $ran commands in $(awk -v a="$start_all" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s" >&2
exit 0
