#!/usr/bin/env bash
# Makes data/samples/hsw-sample.csv: a seeded sample of BHive's Haswell timings, small enough to ship.
# Usage: tools/make-sample.sh [HSW_CSV [COUNT [SEED]]] > data/samples/hsw-sample.csv
#   HSW_CSV  default ../shared/data/bhive/hsw.csv (hex,throughput, no header)
#   COUNT    default 3000;  SEED default 1
# The rule: for every row, the SHA-256 of "SEED:HEX" (HEX: the row's first column as written); keep the COUNT
# rows with the smallest digests; write them in the input's order, unchanged. The same input, count and seed
# give the same bytes on any machine. Only python3's standard library is needed.
set -euo pipefail
cd "$(dirname "$0")/.."
input=${1:-../shared/data/bhive/hsw.csv}
count=${2:-3000}
seed=${3:-1}
[[ -r "$input" ]] || { echo "make-sample.sh: $input: cannot read" >&2; exit 1; }
python3 - "$input" "$count" "$seed" <<'PY'
import hashlib, sys
path, count, seed = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(path, encoding="ascii") as f:
    rows = [line.rstrip("\n") for line in f if line.strip()]
def key(i):
    return hashlib.sha256(f"{seed}:{rows[i].split(',', 1)[0]}".encode()).digest()
keep = sorted(sorted(range(len(rows)), key=key)[:count])
sys.stdout.write("".join(rows[i] + "\n" for i in keep))
print(f"make-sample.sh: {len(keep)} of {len(rows)} rows of {path} (seed {seed})", file=sys.stderr)
PY
