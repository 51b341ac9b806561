#pragma once
// The gradient side of `optimize`: Adam on a parameter table's features
// through a frozen conditioned surrogate, checkpointed every tenth of the
// steps, and the choice among the checkpoints made by the real llvm-mca.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/block/BasicBlock.h"
#include "surrogate/model/FrozenSurrogate.h"
#include "surrogate/model/ParamVector.h"
#include "surrogate/patterns/OptimizeSettings.h"

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

/// Every checkpoint's table (step 0 is the starting table) run through the
/// real llvm-mca on `validation`: adds `llvm_mca_validation_mape` and
/// `llvm_mca_validation_median_ape` to the curve; returns the simulations.
std::size_t scoreCheckpoints(SurrogateTuning &tuning, const model::ParamVector &space,
                             const std::vector<block::BasicBlock> &validation, unsigned threads);

/// The scored checkpoint of lowest validation MAPE among those whose median
/// APE is at most `maxMedianApe` (step 0 always may).
std::size_t pickCheckpoint(const SurrogateTuning &tuning,
                           double maxMedianApe = std::numeric_limits<double>::infinity());

/// The median APE cap of pattern.median_cap: `cap` times `startMedianApe`
/// (the default table's), or no cap when `cap` is 0.
double medianApeCap(double cap, double startMedianApe);

/// Mean and median APE of llvm-mca's `cycles` against the blocks' measured
/// timings; a block llvm-mca could not run (not finite) counts as 100% error.
struct MeasuredError {
  double mape = 0, medianApe = 0;
};
MeasuredError errorAgainstMeasured(const std::vector<double> &cycles, const std::vector<block::BasicBlock> &blocks);
double mapeAgainstMeasured(const std::vector<double> &cycles, const std::vector<block::BasicBlock> &blocks);

/// The real llvm-mca's error against measured timings on `blocks` under
/// `table` (`what` names it if the table is refused: a thrown error).
MeasuredError mcaErrorUnder(const mca::ParamTable &table, const std::vector<block::BasicBlock> &blocks,
                            unsigned threads, const std::string &what);
/// Its MAPE alone.
double mcaMapeUnder(const mca::ParamTable &table, const std::vector<block::BasicBlock> &blocks, unsigned threads,
                    const std::string &what);

} // namespace surrogate::patterns
