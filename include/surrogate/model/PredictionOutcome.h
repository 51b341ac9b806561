#pragma once
// One block's prediction, or why it could not be predicted; shared by both engines.

#include <optional>
#include <string>

namespace surrogate::model {

struct PredictionOutcome {
  std::optional<double> cycles;
  std::string problem;
};

} // namespace surrogate::model
