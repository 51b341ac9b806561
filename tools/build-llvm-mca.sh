#!/usr/bin/env bash
# Builds an llvm-mca whose scheduling model carries a parameter table: LLVM 19.1.7's sources
# (tools/llvm-sources.sh, cached), the table's `params export --format llvm-patch` applied to a copy,
# only the X86 target, Release without assertions, only the llvm-mca target. Leaves BUILD_DIR/bin/llvm-mca.
# Usage: tools/build-llvm-mca.sh TABLE.json BUILD_DIR     (a tuned llvm-mca)
#        tools/build-llvm-mca.sh --stock BUILD_DIR        (LLVM's own model, no patch)
# A later table reuses BUILD_DIR: only the .td files that differ are replaced, so ninja rebuilds only
# what the change touches. Env: SURROGATE (default build/surrogate), JOBS (default 2).
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 TABLE.json|--stock BUILD_DIR" >&2
  exit 2
fi
TABLE=$1
BUILD_DIR=$2
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SURROGATE=${SURROGATE:-$ROOT/build/surrogate}
JOBS=${JOBS:-2}
if [[ "$TABLE" != "--stock" && ! -f "$TABLE" ]]; then
  echo "build-llvm-mca: $TABLE: no such table" >&2
  exit 1
fi

log() { echo "build-llvm-mca: $*" >&2; }

# Step 1: the pristine sources (downloaded and unpacked once).
PRISTINE=$("$ROOT/tools/llvm-sources.sh")
mkdir -p "$BUILD_DIR"
BUILD_DIR=$(cd "$BUILD_DIR" && pwd)
SRC="$BUILD_DIR/llvm-src"

# Step 2: the build's own copy of the tree, without llvm/test (850 MB the build does not read).
if [[ ! -f "$SRC/.complete" ]]; then
  log "copying the sources into $SRC"
  rm -rf "$SRC"
  mkdir -p "$SRC"
  tar -C "$PRISTINE" --exclude=./llvm/test -cf - ./llvm ./cmake ./third-party | tar -C "$SRC" -xf -
  touch "$SRC/.complete"
fi

# Step 3: the patched X86 target in a staging folder; the patch is only ever applied to pristine files.
X86=llvm/lib/Target/X86
STAGE="$BUILD_DIR/stage"
rm -rf "$STAGE"
mkdir -p "$STAGE/$X86"
cp "$PRISTINE/$X86"/*.td "$STAGE/$X86/"
if [[ "$TABLE" == "--stock" ]]; then
  rm -f "$BUILD_DIR/tuned.patch"
  cp /dev/null "$BUILD_DIR/table.json"
  log "no table: LLVM's own scheduling models"
else
  "$SURROGATE" params export --params "$TABLE" --format llvm-patch --llvm-src "$PRISTINE" \
    -o "$BUILD_DIR/tuned.patch"
  if grep -E '^(\+\+\+|---) ' "$BUILD_DIR/tuned.patch" | grep -v " [ab]/$X86/X86Sched[A-Za-z0-9]*\.td" >/dev/null; then
    log "tuned.patch touches files outside $X86/X86Sched*.td"
    exit 1
  fi
  patch -p1 -s --no-backup-if-mismatch -d "$STAGE" < "$BUILD_DIR/tuned.patch"
  cp "$TABLE" "$BUILD_DIR/table.json"
fi

# Step 4: replace only the .td files whose text changed, so ninja's mtimes see only real edits.
changed=0
for f in "$STAGE/$X86"/*.td; do
  live="$SRC/$X86/$(basename "$f")"
  if ! cmp -s "$f" "$live"; then
    cp "$f" "$live"
    log "updated $X86/$(basename "$f")"
    changed=$((changed + 1))
  fi
done
log "$changed .td file(s) differ from the previous build"

# Step 5: configure once (X86 only, Release, no assertions, nothing but what llvm-mca needs). Debian's
# llvm-tblgen-19 (the same 19.1.7) runs the TableGen steps, which saves building TableGen itself (a quarter
# of the first build).
TBLGEN=$(command -v llvm-tblgen-19 || echo /usr/lib/llvm-19/bin/llvm-tblgen)
if [[ ! -f "$BUILD_DIR/build.ninja" ]]; then
  cmake -S "$SRC/llvm" -B "$BUILD_DIR" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release -DLLVM_ENABLE_ASSERTIONS=OFF -DLLVM_TABLEGEN="$TBLGEN" \
    -DLLVM_TARGETS_TO_BUILD=X86 -DLLVM_ENABLE_PROJECTS= \
    -DLLVM_INCLUDE_TESTS=OFF -DLLVM_INCLUDE_BENCHMARKS=OFF -DLLVM_INCLUDE_EXAMPLES=OFF \
    -DLLVM_INCLUDE_DOCS=OFF -DLLVM_ENABLE_BINDINGS=OFF \
    -DLLVM_ENABLE_ZLIB=OFF -DLLVM_ENABLE_ZSTD=OFF -DLLVM_ENABLE_LIBXML2=OFF -DLLVM_ENABLE_TERMINFO=OFF \
    >"$BUILD_DIR/configure.log" 2>&1 || { tail -30 "$BUILD_DIR/configure.log" >&2; exit 1; }
fi

# Step 6: build llvm-mca only.
start=$(date +%s)
ninja -C "$BUILD_DIR" -j"$JOBS" llvm-mca >&2
log "ninja llvm-mca took $(( $(date +%s) - start )) s wall"
"$BUILD_DIR/bin/llvm-mca" --version | head -3 >&2
echo "$BUILD_DIR/bin/llvm-mca"
