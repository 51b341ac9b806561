#pragma once
// The capacity sweep (`surrogate sweep`): several network sizes trained in
// one run on one llvm-mca dataset (the compile pattern's), each measured the
// same way: parameters, test error against llvm-mca, blocks/s on one thread
// beside llvm-mca on the same blocks in the same process (bench surrogate),
// training time. The picked size follows a stated rule: the most accurate
// whose speed-up over llvm-mca is at least `min_speedup` (3x by default).
//
//   RUN/pattern.json            resolved settings (a compile config whose pattern
//                               section holds "sizes", "bench_blocks", "min_speedup")
//   RUN/dataset/                the llvm-mca examples, shared by every size
//   RUN/sizes/eE-hH-lL/         one training run (a model predict loads) per size
//   RUN/bench_blocks.csv        the held-out blocks every size is timed on
//   RUN/sweep.csv               one row per size
//   RUN/sweep_report.{json,md}, RUN/figures/pareto.png (error against speed)

#include <nlohmann/json.hpp>

#include "surrogate/patterns/PatternConfig.h"

namespace surrogate::patterns {

using SweepJob = PatternJob;

/// Runs (or resumes: finished sizes are reused) the sweep; returns the
/// report written to RUN/sweep_report.json.
nlohmann::json runSweep(const SweepJob &job);

} // namespace surrogate::patterns
