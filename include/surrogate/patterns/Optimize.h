#pragma once
// Surrogate optimization (`surrogate optimize`, DiffTune: Renda et al.,
// MICRO 2020): llvm-mca runs under randomly sampled parameter tables on the
// measured blocks, a parameter-conditioned surrogate learns it, then the
// surrogate is frozen and the table itself is tuned by Adam through it to fit
// the measured timings of the train split; the result is rounded, clamped,
// written back as a table, and judged by the real llvm-mca on the test split
// beside LLVM's default table and a black-box search (NLopt) given as many
// llvm-mca runs as the surrogate's dataset cost.
//
//   RUN/pattern.json                  resolved settings
//   RUN/measured.csv                  the seeded sample of the measured file (when pattern.measured_sample > 0)
//   RUN/dataset/                      llvm-mca examples under sampled tables
//   RUN/surrogate/                    the conditioned surrogate (train's run directory)
//   RUN/tuned-params.json, .td        the tuned table (simulate --params; TableGen)
//   RUN/polish.json                   the polish's steps (when pattern.polish_evaluations > 0)
//   RUN/blackbox-params.json          the black-box search's best table
//   RUN/test_predictions.csv          hex,measured,default,tuned,blackbox (llvm-mca cycles)
//   RUN/optimize_report.{json,md}, RUN/figures/*.png

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/patterns/OptimizeSettings.h"
#include "surrogate/patterns/PatternConfig.h"

namespace surrogate::patterns {

using OptimizeJob = PatternJob;

/// Runs (or resumes) the pattern and returns the report written to
/// RUN/optimize_report.json.
nlohmann::json runOptimize(const OptimizeJob &job);

} // namespace surrogate::patterns
