#!/usr/bin/env bash
# Fetches LLVM 19.1.7's sources the Debian way (apt-get source llvm-toolchain-19), once,
# and prints the path of the unpacked tree (the directory holding llvm/).
# The cache is shared by the scripts that need the sources (agreement suite, write-back build).
# Usage: tools/llvm-sources.sh            (SURROGATE_LLVM_SRC_CACHE overrides the cache folder)
#        tools/llvm-sources.sh --cached-only   (never downloads: prints nothing and exits 1 when not cached)
set -euo pipefail

VERSION="1:19.1.7-3~deb12u1"
CACHE=${SURROGATE_LLVM_SRC_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/surrogate/llvm-19}
TREE="$CACHE/llvm-toolchain-19_19.1.7"

if [[ -f "$TREE/.complete" ]]; then
  echo "$TREE"
  exit 0
fi
if [[ "${1:-}" == "--cached-only" ]]; then
  exit 1
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
SOURCES=/etc/apt/sources.list.d/surrogate-llvm-src.sources
if [[ ! -f "$SOURCES" ]]; then
  # A deb-src entry of our own, with the URIs and suites of the system's Debian entry.
  printf '%s\n' "Types: deb-src" "URIs: http://deb.debian.org/debian" \
    "Suites: bookworm bookworm-updates" "Components: main" \
    "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg" | $SUDO tee "$SOURCES" >/dev/null
  $SUDO apt-get update -q >&2
fi

mkdir -p "$CACHE"
cd "$CACHE"
if ! ls llvm-toolchain-19_19.1.7.orig.tar.* >/dev/null 2>&1; then
  echo "llvm-sources: downloading llvm-toolchain-19=$VERSION into $CACHE" >&2
  apt-get source --download-only -q "llvm-toolchain-19=$VERSION" >&2
fi
# The orig tarball is LLVM's 19.1.7 release tree; Debian's patches are not applied.
rm -rf "$TREE.partial"
mkdir "$TREE.partial"
tar -xf llvm-toolchain-19_19.1.7.orig.tar.* -C "$TREE.partial" --strip-components=1
rm -rf "$TREE"
mv "$TREE.partial" "$TREE"
touch "$TREE/.complete"
echo "$TREE"
