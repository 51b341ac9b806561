#!/usr/bin/env bash
# Installs every Debian package the project needs, then configures and builds into build/.
# Usage: tools/setup.sh [--no-install]   (BUILD_TYPE, JOBS may be set in the environment)
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake ninja-build pkg-config
  llvm-19 llvm-19-dev                     # MC, MCDisassembler, MCA; llvm-mca-19, llvm-mc-19, llvm-tblgen-19
  libtorch-dev libopenblas0-pthread       # LibTorch 1.13 CPU, fast BLAS behind it
  libcli11-dev nlohmann-json3-dev libspdlog-dev libfmt-dev
  libeigen3-dev                           # the lean engine's matrix products (model/LeanModel.h)
  libdnnl-dev                             # oneDNN, only for tools/engine-choice (Eigen vs oneDNN, measured)
  libgtest-dev libgmock-dev libbenchmark-dev
  zlib1g-dev libzstd-dev
  gnuplot-nox                             # report figures
  libnlopt-cxx-dev                        # NLopt: optimize's black-box baselines
  libpagmo-dev                            # pagmo 2: the techniques of optimize's ensemble baseline
  libgloo-dev python3-torch               # c10d's Gloo headers; torchrun, to launch data-parallel training
  clang-19                                # tools/kernel-loops.sh (data/kernels/), and the fuzz build
  libfuzzer-19-dev libclang-rt-19-dev     # only for the fuzz build (-DSURROGATE_FUZZ=ON, docs/reliability.md)
  jq                                      # tools/compare-runs.sh, tools/kill-resume.sh
)

if [[ "${1:-}" != "--no-install" ]]; then
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${PACKAGES[@]}"
fi

BUILD_TYPE=${BUILD_TYPE:-Release}
JOBS=${JOBS:-$(nproc)}
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE"
cmake --build build -j "$JOBS"
