#pragma once
// One block's prediction, or why it could not be predicted; shared by both engines.

#include <optional>
#include <string>

namespace surrogate::model {

struct PredictionOutcome {
  std::optional<double> cycles;
  std::string problem;
  std::optional<double> sigma;        ///< a model with a variance head: its standard deviation of log(cycles)
  std::optional<double> uncertainty;  ///< predict --guard: P(APE > 20%)
  bool byLlvmMca = false;             ///< predict --guard: llvm-mca answered instead of the surrogate
};

} // namespace surrogate::model
