#pragma once
// The gradient side of `optimize`: Adam on a parameter table's features
// through a frozen conditioned surrogate, checkpointed every tenth of the
// steps, and the choice among the checkpoints made by the real llvm-mca.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/block/BasicBlock.h"
#include "surrogate/model/FrozenSurrogate.h"
#include "surrogate/model/ParamVector.h"
#include "surrogate/patterns/Optimize.h"

namespace surrogate::patterns {

struct SurrogateTuning {
  std::vector<std::size_t> steps;               ///< checkpoint steps, 0 (the defaults) first
  std::vector<std::vector<float>> checkpoints;  ///< the table's features at each checkpoint step
  nlohmann::json curve = nlohmann::json::array();  ///< step, surrogate MAPE on train and validation blocks
  nlohmann::json sensitivity = nlohmann::json::array();  ///< largest gradients at the default table
  double seconds = 0;
};

/// Adam on the table's features (log scale), projected back into the bounds
/// after every step; features with no parameter behind them do not move.
SurrogateTuning tuneWithSurrogate(model::FrozenSurrogate &surrogate, model::FrozenSurrogate &validation,
                                  const model::ParamVector &space, const OptimizeSettings &s, std::uint64_t seed);

struct CheckpointChoice {
  std::size_t index = 0;  ///< into SurrogateTuning::checkpoints
  std::size_t simulations = 0;
};

/// Every checkpoint's table (step 0 is LLVM's) run through the real llvm-mca
/// on `validation`; the lowest error wins. Adds `llvm_mca_validation_mape`
/// to the curve.
CheckpointChoice chooseCheckpoint(SurrogateTuning &tuning, const model::ParamVector &space,
                                  const std::vector<block::BasicBlock> &validation, unsigned threads);

/// MAPE of llvm-mca's `cycles` against the blocks' measured timings; a block
/// llvm-mca could not run (not finite) counts as 100% error.
double mapeAgainstMeasured(const std::vector<double> &cycles, const std::vector<block::BasicBlock> &blocks);

/// The real llvm-mca's MAPE against measured timings on `blocks` under
/// `table` (`what` names it if the table is refused: a thrown error).
double mcaMapeUnder(const mca::ParamTable &table, const std::vector<block::BasicBlock> &blocks, unsigned threads,
                    const std::string &what);

} // namespace surrogate::patterns
