// ConditionedGuard: a conditioned model and its members under one table, as the guard's predictors.
#include "surrogate/model/ConditionedGuard.h"

#include <filesystem>

#include "surrogate/model/ModelFile.h"
#include "surrogate/model/RunDir.h"

namespace fs = std::filesystem;

namespace surrogate::model {

namespace {

// The calibration names members by their model file; LibTorch reads the run directory holding it.
block::Vocabulary vocabularyOf(const std::string &model) {
  RunDir run(modelDirOf(model));
  return run.vocabulary(run.modelConfig());
}

} // namespace

ConditionedGuard::ConditionedGuard(const std::string &model, const std::vector<std::string> &members,
                                   const std::string &calibrationDir, const std::string &table, unsigned threads,
                                   std::size_t batchSize)
    : Table(table), Inputs(mca::ParamTable::load(table), table), Vocabulary(vocabularyOf(model)) {
  Predictors.push_back(std::make_unique<BatchPredictor>(modelDirOf(model), threads, batchSize));
  for (const std::string &m : members)
    Predictors.push_back(
        std::make_unique<BatchPredictor>(modelDirOf((fs::path(calibrationDir) / m).string()), threads, batchSize));
}

GuardedModel ConditionedGuard::modelOf(std::size_t k) {
  return {[this, k](const std::vector<block::BasicBlock> &blocks) {
            Inputs.cover(blocks);
            return Predictors[k]->run(blocks, &Inputs);
          },
          &Vocabulary};
}

GuardedPredictor ConditionedGuard::predictor(const GuardCalibration &calibration) {
  std::vector<GuardedModel> members;
  for (std::size_t k = 1; k < Predictors.size(); ++k)
    members.push_back(modelOf(k));
  return GuardedPredictor(modelOf(0), members, calibration, Table);
}

} // namespace surrogate::model
