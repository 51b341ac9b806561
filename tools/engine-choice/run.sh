#!/usr/bin/env bash
# Builds and runs the Eigen vs oneDNN LSTM benchmark, single-threaded.
# Needs: apt-get install -y --no-install-recommends libeigen3-dev libdnnl-dev
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${TMPDIR:-/tmp}/lstm_engines"
g++ -std=c++17 -O3 -march=native -DNDEBUG -I/usr/include/eigen3 "$here/lstm_engines.cpp" -o "$out" -ldnnl
OMP_NUM_THREADS=1 exec "$out"
