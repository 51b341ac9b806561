#pragma once
// The guard step of compile and adapt (docs/uncertainty.md): the run's
// surrogate calibrated (`guard calibrate`) on the validation split of the
// pattern's measured blocks, against llvm-mca (compile) or the measured
// timings (adapt), and the guarded whole timed on the held-out blocks at the
// calibrated threshold; and the report section that shows the risk-coverage
// figure, the threshold and the speed there.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/block/BasicBlock.h"
#include "surrogate/patterns/PatternConfig.h"
#include "surrogate/patterns/Report.h"

namespace surrogate::patterns {

struct GuardStep {
  std::string reference;  ///< llvm-mca or measured
  double targetMape = 2;  ///< percent
  std::string params;     ///< llvm-mca's table (compile --params)
};

/// The calibration's report, with "guarded_blocks_per_second" and "guarded_by_llvm_mca" on `heldOut`
/// (one thread); nullopt, after a warning, when the run has too few validation blocks to calibrate or
/// its model does not run on the lean engine.
std::optional<nlohmann::json> runGuardStep(const PatternConfig &config, const std::string &runDir, const GuardStep &step,
                                           const std::vector<block::BasicBlock> &heldOut);

/// "Guard" in a pattern report: the chosen signal, the threshold, the coverage and guarded MAPE, the speed
/// there against llvm-mca's (`mcaBlocksPerSecond`), and the figure.
void writeGuardSection(MarkdownReport &md, const std::optional<nlohmann::json> &guard, double mcaBlocksPerSecond);

} // namespace surrogate::patterns
