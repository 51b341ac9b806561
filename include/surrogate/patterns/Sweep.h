#pragma once
// The capacity sweep (`surrogate sweep`): several network sizes trained in
// one run on one llvm-mca dataset (the compile pattern's), each measured the
// same way: parameters, test error against llvm-mca, blocks/s on one thread
// beside llvm-mca on the same blocks in the same process (bench surrogate),
// training time. With `adapt`, each size is then adapted to the measured
// timings (the adapt pattern) and scored against them. The picked size
// follows a stated rule: the lowest validation error (after adaptation when
// the sweep adapts) whose speed-up over llvm-mca is at least `min_speedup`
// (3x by default); test errors are reported, never chosen by.
//
//   RUN/pattern.json            resolved settings (a compile config whose pattern
//                               section holds "sizes", "bench_blocks", "min_speedup")
//   RUN/dataset/                the llvm-mca examples, shared by every size
//   RUN/sizes/eE-hH-lL/         one training run (a model predict loads) per size
//   RUN/adapted/eE-hH-lL/       with pattern.adapt: that size's adapt run
//   RUN/bench_blocks.csv        the held-out blocks every size is timed on
//   RUN/sweep.csv               one row per size
//   RUN/sweep_report.{json,md}, RUN/figures/pareto.png (error against speed)

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/model/ModelConfig.h"
#include "surrogate/patterns/PatternConfig.h"

namespace surrogate::patterns {

using SweepJob = PatternJob;

/// Runs (or resumes: finished sizes are reused) the sweep; returns the
/// report written to RUN/sweep_report.json.
nlohmann::json runSweep(const SweepJob &job);

/// What a compile run says of the sweep that chose its size (compile's
/// `pattern.sweep`): the sizes' rows, the rule and the pick.
struct SweepChoice {
  std::string report;  ///< the sweep_report.json read
  std::string rule, picked;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  std::string sentence() const;  ///< "the capacity sweep in ...: it picked ..."
  nlohmann::json toJson() const;
};

/// Reads SWEEP/sweep_report.json (`sweep` is the sweep's run directory or
/// that file). Refuses, naming the file, a report it cannot read, a sweep
/// that picked no size, and a pick other than `model`'s embedding, hidden
/// and layers (so the compile report's claim is true).
SweepChoice readSweepChoice(const std::string &sweep, const model::ModelConfig &model);

} // namespace surrogate::patterns
