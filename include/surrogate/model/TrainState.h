#pragma once
// The training schedule's state: epochs done, learning rate, the best
// validation error and the epochs since, the history of metrics lines. It is
// saved in every checkpoint, so a resumed run goes on exactly where the
// interrupted one stopped; applySchedule advances it by one epoch.

#include <cstddef>
#include <limits>

#include <nlohmann/json.hpp>

#include "surrogate/model/TrainingOptions.h"

namespace surrogate::model {

/// Where an interrupted run left off; saved inside every checkpoint.
struct TrainState {
  std::size_t epoch = 0;  ///< epochs finished
  double learningRate = 0;
  double bestMape = std::numeric_limits<double>::infinity();
  std::size_t bestEpoch = 0, badEpochs = 0, lrBadEpochs = 0;
  bool stopped = false;   ///< early stopping fired
  double wallSeconds = 0;
  nlohmann::json history = nlohmann::json::array();

  nlohmann::json toJson() const;
  static TrainState fromJson(const nlohmann::json &j);
};

/// The plateau schedule: keep the best, drop the learning rate after
/// `lr_patience` epochs without improvement, stop after `patience`. Returns
/// whether this epoch improved.
bool applySchedule(TrainState &state, std::size_t epoch, double validationMape, const TrainingOptions &opt);

} // namespace surrogate::model
