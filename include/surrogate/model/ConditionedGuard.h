#pragma once
// A parameter-conditioned surrogate and its guard members (other
// conditioned runs) under one parameter table, on LibTorch, as the
// GuardedModels a GuardedPredictor asks (docs/uncertainty.md): what
// `predict --guard --params` and `guard calibrate --guard-params` share.

#include <memory>
#include <string>
#include <vector>

#include "surrogate/block/Tokenizer.h"
#include "surrogate/model/GuardedPredictor.h"
#include "surrogate/model/Predictor.h"
#include "surrogate/model/TableInputs.h"

namespace surrogate::model {

class ConditionedGuard {
public:
  /// `model` and each of `members` (relative to `calibrationDir`): a run directory or its model file.
  ConditionedGuard(const std::string &model, const std::vector<std::string> &members,
                   const std::string &calibrationDir, const std::string &table, unsigned threads,
                   std::size_t batchSize = 512);

  /// The guarded predictor of the model and its members under the table; the bounds under the table too.
  GuardedPredictor predictor(const GuardCalibration &calibration);

private:
  GuardedModel modelOf(std::size_t k);

  std::string Table;
  TableInputs Inputs;
  block::Vocabulary Vocabulary;
  std::vector<std::unique_ptr<BatchPredictor>> Predictors;  ///< the model's, then each member's
};

} // namespace surrogate::model
