// TrainState: its JSON form inside checkpoints, and the plateau schedule.

#include "surrogate/model/TrainState.h"

#include <algorithm>

namespace surrogate::model {

nlohmann::json TrainState::toJson() const {
  return {{"epoch", epoch},           {"learning_rate", learningRate}, {"best_mape", bestMape},
          {"best_epoch", bestEpoch},  {"bad_epochs", badEpochs},       {"lr_bad_epochs", lrBadEpochs},
          {"stopped", stopped},       {"wall_seconds", wallSeconds},   {"history", history}};
}

TrainState TrainState::fromJson(const nlohmann::json &j) {
  TrainState s;
  s.epoch = j.at("epoch");
  s.learningRate = j.at("learning_rate");
  s.bestMape = j.at("best_mape").is_null() ? std::numeric_limits<double>::infinity() : j.at("best_mape").get<double>();
  s.bestEpoch = j.at("best_epoch");
  s.badEpochs = j.at("bad_epochs");
  s.lrBadEpochs = j.at("lr_bad_epochs");
  s.stopped = j.at("stopped");
  s.wallSeconds = j.at("wall_seconds");
  s.history = j.at("history");
  return s;
}

bool applySchedule(TrainState &state, std::size_t epoch, double validationMape, const TrainingOptions &opt) {
  bool improved = validationMape < state.bestMape;
  if (improved) {
    state.bestMape = validationMape;
    state.bestEpoch = epoch;
    state.badEpochs = state.lrBadEpochs = 0;
  } else {
    ++state.badEpochs;
    if (++state.lrBadEpochs >= opt.lrPatience) {
      state.learningRate = std::max(opt.minLearningRate, state.learningRate * opt.lrDecay);
      state.lrBadEpochs = 0;
    }
  }
  state.epoch = epoch;
  state.stopped = state.badEpochs >= opt.patience;
  return improved;
}

} // namespace surrogate::model
