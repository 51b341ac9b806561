#pragma once
// Polishing a tuned table with the real llvm-mca, one value at a time, in
// the order the surrogate's gradient gives: at the current table the frozen
// surrogate, anchored to llvm-mca's cycles there, says which values move the
// error most and which way; each is stepped by one (a latency 3 -> 2, a
// port's cycles, the dispatch width) and kept only when llvm-mca's error on a
// fixed sample of train blocks falls. The surrogate ranks; the simulator
// decides. The gradient steps leave errors smaller than the surrogate's own
// (it is ~10% from llvm-mca), which only the simulator can resolve.

#include <cstddef>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/block/BasicBlock.h"
#include "surrogate/mca/ParamTable.h"
#include "surrogate/model/ParamVector.h"

namespace surrogate::patterns {

/// What ranks the steps: a gradient of the error over `space`'s features at
/// `current`, given llvm-mca's cycles there on the sample's blocks.
using StepRanker =
    std::function<std::vector<float>(const mca::ParamTable &current, const std::vector<double> &cycles)>;

/// The frozen conditioned surrogate of run directory `dir` on `sample`,
/// anchored at each table to llvm-mca's cycles there, so the residuals'
/// signs are the simulator's and only how cycles move is the surrogate's.
StepRanker surrogateGradient(const std::string &dir, const model::ParamVector &space,
                             const std::vector<block::BasicBlock> &sample);

struct PolishSettings {
  std::size_t evaluations = 0;     ///< llvm-mca runs of the sample, the first (the start table) included
  std::size_t candidates = 16;     ///< values tried in the first pass; doubled after a pass that keeps none
  double maxMedianApe = std::numeric_limits<double>::infinity();  ///< on validation, for the table kept
};

struct PolishResult {
  mca::ParamTable table;              ///< the polished table, or the start table when not kept
  std::vector<std::string> steps;     ///< kept steps in order, e.g. "POP64r.latency 0 -> 1"
  std::size_t keptSteps = 0;          ///< how many of `steps` the kept table has (a pass's end chosen on validation)
  std::size_t evaluations = 0, passes = 0;
  std::size_t simulations = 0;        ///< llvm-mca runs of blocks: the sample's and validation's
  double startSampleMape = 0, sampleMape = 0;
  double startValidationMape = 0, validationMape = 0, validationMedianApe = 0;
  bool kept = false;                  ///< validation improved within the median cap
  nlohmann::json curve = nlohmann::json::array();  ///< evaluation, sample MAPE after each kept step
  double seconds = 0;

  nlohmann::json toJson() const;
};

/// Greedy coordinate descent from `start` within `space`'s bounds, in `rank`'s
/// order, judged
/// by llvm-mca on `sample` (train blocks), at most `s.evaluations` runs of it;
/// the result is kept only if llvm-mca's error on `validation` falls.
PolishResult polishTable(const mca::ParamTable &start, const model::ParamVector &space,
                         const std::vector<block::BasicBlock> &sample,
                         const std::vector<block::BasicBlock> &validation, const StepRanker &rank,
                         const PolishSettings &s, unsigned threads);

} // namespace surrogate::patterns
