#!/usr/bin/env bash
# Kill anywhere, resume exactly: runs `dataset`, `train` and the three patterns' quick configs once uninterrupted
# (OUT/ref) and once SIGKILLed at seeded random moments and continued (OUT/kil: `--resume` for train and the
# patterns, the same command for dataset), then compares the two with tools/compare-runs.sh (byte for byte,
# timings aside). Run from the project root (the configs name ../shared/data/bhive).
# Usage: tools/kill-resume.sh [--seed S] [--kills K] [--jobs dataset,train,compile,adapt,optimize] [--out DIR]
#                             [--surrogate BIN]
#   K kills per job (default 4: 20 in all); each kill comes after a delay drawn from [1, T/K] s, T being the
#   uninterrupted run's wall time, so the K kills land within the run (about half of it, on average) before it
#   can finish. Exit 0 when every job's outputs are identical and every job took its K kills.
set -uo pipefail
SEED=1 KILLS=4 JOBS=dataset,train,compile,adapt,optimize OUT=kill-resume SURROGATE=build/surrogate
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seed) SEED=$2; shift 2 ;; --kills) KILLS=$2; shift 2 ;; --jobs) JOBS=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;; --surrogate) SURROGATE=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
SURROGATE=$(readlink -f "$SURROGATE")
HERE=$(cd "$(dirname "$0")" && pwd)
BHIVE=../shared/data/bhive
mkdir -p "$OUT"
OUT=$(readlink -f "$OUT")
RANDOM=$SEED
total_kills=0 failed=0 short=0

# The command of job $1 writing into directory $2; $3 = resume for the continuation form.
command_of() {
  local job=$1 dir=$2 resume=${3:-}
  local root=${dir%/*}
  case "$job" in
    dataset) echo "dataset --blocks $BHIVE/sources/ffmpeg.csv --chunk-blocks 256 -j 2 -o $dir" ;;
    train) if [[ -n $resume ]]; then echo "train --resume $dir"
           else echo "train --dataset $OUT/ref/dataset --config configs/train.quick.json --epochs 3 --threads 2 -o $dir"; fi ;;
    compile) echo "compile --config configs/compile.quick.json -o $dir ${resume:+--resume}" ;;
    adapt) echo "adapt --config configs/adapt.quick.json --from $root/compile -o $dir ${resume:+--resume}" ;;
    optimize) echo "optimize --config configs/optimize.quick.json -o $dir ${resume:+--resume}" ;;
  esac
}

# Whether job $1's run in $2 has started (what --resume needs); a dataset is always re-run as it was.
started() {
  case "$1" in dataset) return 1 ;; train) [[ -e $2/config.json ]] ;; *) [[ -e $2/pattern.json ]] ;; esac
}

run_job() {  # $1 job
  local job=$1 ref=$OUT/ref/$1 kil=$OUT/kil/$1 log=$OUT/$1.log
  rm -rf "$ref" "$kil"
  mkdir -p "$OUT/ref" "$OUT/kil"
  local start=$SECONDS
  # shellcheck disable=SC2046
  "$SURROGATE" --no-progress $(command_of "$job" "$ref") >"$log.ref.stdout" 2>"$log" ||
    { echo "$job: the uninterrupted run failed (see $log)"; failed=1; return; }
  local t=$((SECONDS - start)) kills=0 attempt=0 finished=0
  local max=$((t / KILLS)); ((max < 2)) && max=2
  while ((kills < KILLS && attempt < 3 * KILLS)); do
    attempt=$((attempt + 1))
    local delay=$((1 + RANDOM % max)) form=""
    started "$job" "$kil" && form=resume
    # shellcheck disable=SC2046
    "$SURROGATE" --no-progress $(command_of "$job" "$kil" $form) >>"$log.kil.stdout" 2>>"$log" &
    local pid=$!
    local waited=0
    while ((waited < delay * 10)) && kill -0 $pid 2>/dev/null; do sleep 0.1; waited=$((waited + 1)); done
    if kill -KILL $pid 2>/dev/null; then
      wait $pid 2>/dev/null
      kills=$((kills + 1))
      echo "$job: SIGKILL $kills after ${delay}s ($form${form:+ }run $attempt)" | tee -a "$log"
    else
      wait $pid; local rc=$?
      if ((rc == 0)); then
        finished=1; echo "$job: finished before kill $((kills + 1)) (${delay}s): $kills of $KILLS kills" | tee -a "$log"
        short=1; break
      fi
      echo "$job: exited $rc before the kill (see $log)"; failed=1; return
    fi
  done
  total_kills=$((total_kills + kills))
  if ((!finished)); then
    local form=""; started "$job" "$kil" && form=resume
    # shellcheck disable=SC2046
    "$SURROGATE" --no-progress $(command_of "$job" "$kil" $form) >>"$log.kil.stdout" 2>>"$log" ||
      { echo "$job: the resumed run failed (see $log)"; failed=1; return; }
  fi
  # The interrupted runs start from OUT/kil's own earlier jobs (adapt --from its compile): map those too.
  if "$HERE/compare-runs.sh" "$ref" "$kil" "$OUT/kil" "$OUT/ref" >"$OUT/$job.compare" 2>&1; then
    echo "$job: IDENTICAL after $kills kill(s) (uninterrupted ${t}s)"
  else
    echo "$job: DIFFERENT after $kills kill(s):"; cat "$OUT/$job.compare"; failed=1
  fi
}

for job in ${JOBS//,/ }; do run_job "$job"; done
if ((short)); then
  echo "some job finished before its $KILLS kills landed: a run of fewer kills than asked is a FAIL"
  failed=1
fi
echo "kills: $total_kills; result: $([[ $failed == 0 ]] && echo PASS || echo FAIL)"
exit $failed
