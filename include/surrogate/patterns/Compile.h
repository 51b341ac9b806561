#pragma once
// Surrogate compilation (`surrogate compile`): llvm-mca's outputs at default
// parameters (or under a given table: `pattern.params`, `--params`, so the
// surrogate mimics a tuned simulator) become a dataset, a surrogate is trained on it, and the
// deployed surrogate is compared with llvm-mca on the same held-out blocks
// in one run: blocks/s on one and all threads, error against llvm-mca and
// against measured timings. The run directory is a model `predict` loads.
//
//   RUN/pattern.json                   resolved settings
//   RUN/dataset/                       the llvm-mca examples (surrogate dataset)
//   RUN/config.json vocab.txt best.pt  the model (what is deployed), with
//   RUN/latest.pt metrics.jsonl report.json test_predictions.csv from training
//   RUN/deploy_predictions.csv         hex,measured,llvm_mca,surrogate
//   RUN/compile_report.{json,md}, RUN/figures/*.png

#include <string>

#include <nlohmann/json.hpp>

#include "surrogate/patterns/PatternConfig.h"

namespace surrogate::patterns {

using CompileJob = PatternJob;

/// Runs (or resumes) the pattern and returns the report written to
/// RUN/compile_report.json.
nlohmann::json runCompile(const CompileJob &job);

/// The published reference (Renda et al.): llvm-mca and surrogate speed and error.
nlohmann::json compileReference();

} // namespace surrogate::patterns
