#!/usr/bin/env bash
# Data-parallel training speed, side by side in one run: 1 rank x 1 thread, 2 ranks x 1 thread (torchrun on
# 127.0.0.1) and 1 rank x 2 threads, one epoch each on the same examples, for each model size given; then the
# all-reduce time per step against the compute time per step of the 2-rank run, and a projection to more ranks.
# Usage: tools/bench-distributed.sh CYCLES.csv [HIDDEN...]      (default hidden sizes: 96 256)
#   CYCLES.csv: hex,cycles (e.g. `surrogate simulate ... -o CYCLES.csv`). Results: a table on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$PWD/build/surrogate
CSV=$(readlink -f "$1"); shift
if [[ $# -gt 0 ]]; then SIZES=("$@"); else SIZES=(96 256); fi
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
rate() { jq -s '.[0].train_examples_per_second' "$1/metrics.jsonl"; }
echo "| hidden | parameters | 1 rank x 1 thread | 2 ranks x 1 thread | 1 rank x 2 threads | 2 ranks: compute s/step | 2 ranks: all-reduce s/step |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for h in "${SIZES[@]}"; do
  cfg="$WORK/h$h.json"
  printf '{"model": {"embedding": 64, "hidden": %s, "layers": 1}, "training": {"batch_size": 64, "max_epochs": 1, "seed": 1, "learning_rate": 0.002, "max_validation_examples": 500}}\n' "$h" > "$cfg"
  "$BIN" --no-progress train --csv "$CSV" --config "$cfg" --threads 1 -o "$WORK/a$h" > /dev/null 2>&1
  torchrun --nnodes 1 --nproc_per_node 2 --rdzv_backend c10d --rdzv_endpoint "127.0.0.1:$(port)" --redirects 1 --tee 1 \
    --no_python "$BIN" --no-progress train --csv "$CSV" --config "$cfg" --threads 1 -o "$WORK/b$h" > /dev/null 2>&1
  "$BIN" --no-progress train --csv "$CSV" --config "$cfg" --threads 2 -o "$WORK/c$h" > /dev/null 2>&1
  params=$(python3 - "$WORK/a$h/config.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))["model"]
V, E, H = m["vocabulary_size"], m["embedding"], m["hidden"]
lstm = lambda i, h: 4 * h * (i + h) + 8 * h          # weights and both biases
print(V * E + lstm(E, H) + lstm(H, H) + H + 1)       # embedding, two LSTMs, linear head
PY
)
  read -r steps comm secs < <(jq -s '.[0] | "\(.steps) \(.communication_seconds) \(.epoch_seconds)"' -r "$WORK/b$h/metrics.jsonl")
  train=$(jq -s '.[0].train_examples_per_second' "$WORK/b$h/metrics.jsonl")
  examples=$(jq '.train_examples' "$WORK/b$h/report.json")
  python3 - "$h" "$params" "$(rate "$WORK/a$h")" "$train" "$(rate "$WORK/c$h")" "$steps" "$comm" "$examples" <<'PY'
import sys
h, params, one, two, threads, steps, comm, examples = sys.argv[1:]
steps, comm = int(steps), float(comm)
step = int(examples) / float(two) / steps            # wall seconds per step of the 2-rank run
print(f"| {h} | {int(params):,} | {float(one):,.0f} | {float(two):,.0f} | {float(threads):,.0f} | {step - comm / steps:.4f} | {comm / steps:.4f} |")
# Projection (printed to stderr, collected below): ring all-reduce over a 10 Gb/s network,
# T(N) = 2 (N-1)/N * S/B + 2 (N-1) * alpha, S = 4 bytes per parameter, B = 1.25e9 B/s, alpha = 50 us per hop.
# Compute per step c = this run's compute s/step x 2 (one rank's whole batch of 64). Weak scaling: every rank
# keeps a batch of 64 (the global batch grows with N), efficiency c / (c + T). Strong scaling: the global batch
# stays 64, each rank computes c/N, efficiency (c/N) / (c/N + T).
c = 2 * (step - comm / steps)
S, B, alpha = 4 * int(params), 1.25e9, 50e-6
for n in (8, 64):
    t = 2 * (n - 1) / n * S / B + 2 * (n - 1) * alpha
    weak, strong = c / (c + t), (c / n) / (c / n + t)
    print(f"PROJ | {h} | {n} | {t * 1e3:.2f} ms | {c * 1e3:.1f} ms | {weak:.0%} ({n * weak:.1f}x) | {strong:.0%} ({n * strong:.1f}x) |", file=sys.stderr)
PY
done 2> "$WORK/proj"
echo
echo "Projected, ring all-reduce over 10 Gb/s (2(N-1)/N x 4 bytes/parameter / 1.25 GB/s + 2(N-1) x 50 us):"
echo
echo "| hidden | ranks | all-reduce per step | compute per step (batch 64, one rank) | weak scaling (64 per rank): efficiency (speed-up) | strong scaling (global 64): efficiency (speed-up) |"
echo "|---:|---:|---:|---:|---:|---:|"
grep '^PROJ' "$WORK/proj" | sed 's/^PROJ //' || true
