#pragma once
// Greedy coordinate descent on a parameter table with the real llvm-mca,
// one value at a time, in the order a ranker gives: each value is stepped by
// one (a latency 3 -> 2, a port's cycles, the dispatch width) and kept only
// when llvm-mca's error on a fixed sample of blocks falls.
//
// Two rankers. `surrogateGradient`: at the current table the frozen
// surrogate, anchored to llvm-mca's cycles there, says which values move the
// error most and which way; optimize's polish (pattern.polish_evaluations)
// uses it after the gradient tuning, whose last errors are smaller than the
// surrogate's own (~10% from llvm-mca) and only the simulator can resolve.
// `residualRanker`: no surrogate, only llvm-mca's residuals (a block
// predicted too slow blames every value of its instructions): the black-box
// method "coordinate", the same descent without the surrogate.

#include <cstddef>
#include <functional>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/block/BasicBlock.h"
#include "surrogate/mca/ParamTable.h"
#include "surrogate/model/ParamVector.h"
#include "surrogate/patterns/SearchResults.h"

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

/// First-order blame from llvm-mca's residuals alone: each block's signed
/// relative error, summed over the rows of its instructions; more micro-ops,
/// latency or port cycles mean more cycles, more read-advance or a wider
/// dispatch or reorder buffer fewer.
StepRanker residualRanker(const model::ParamVector &space, const std::vector<block::BasicBlock> &sample);

/// What a descent did.
struct Descent {
  std::vector<float> features;          ///< where it ended
  std::vector<std::string> steps;       ///< kept steps in order, e.g. "POP64r.latency 0 -> 1"
  std::size_t passes = 0;
  double startMape = 0, mape = 0;       ///< on the sample
  /// The table at the end of each pass that kept a step, with the steps kept so far.
  std::vector<std::pair<mca::ParamTable, std::size_t>> passEnds;
  nlohmann::json curve = nlohmann::json::array();  ///< evaluation, sample MAPE after each kept step
};

/// Greedy coordinate descent from `start` (features of `results.space()`),
/// every table run through `results` (its store, budget and curve) until its
/// budget is spent or no step the ranker names is left; `candidates` values
/// tried in the first pass, doubled after a pass that keeps none.
Descent coordinateDescent(const std::vector<float> &start, SearchResults &results, const StepRanker &rank,
                          std::size_t candidates);

struct PolishSettings {
  std::size_t evaluations = 0;     ///< llvm-mca runs of the sample, the first (the start table) included
  std::size_t candidates = 16;     ///< see coordinateDescent
  double maxMedianApe = std::numeric_limits<double>::infinity();  ///< on validation, for the table kept
};

struct PolishResult {
  mca::ParamTable table;              ///< the polished table, or the start table when not kept
  std::vector<std::string> steps;     ///< every kept step, in order
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

/// optimize's polish: coordinateDescent from `start` on `sample` (train
/// blocks), at most `s.evaluations` runs of it; of the passes' tables the one
/// llvm-mca scores best on `validation` is kept if it beats the start there.
PolishResult polishTable(const mca::ParamTable &start, const model::ParamVector &space,
                         const std::vector<block::BasicBlock> &sample,
                         const std::vector<block::BasicBlock> &validation, const StepRanker &rank,
                         const PolishSettings &s, unsigned threads);

} // namespace surrogate::patterns
