#pragma once
// Everything a training run starts from, before its first epoch: the job
// resolved (a resumed run's config.json and vocabulary win; fine-tuning keeps
// the starting model's vocabulary and sizes), its examples loaded, the
// parameter tables' features of a conditioned model; then the run directory
// locked and its resolved config written, the device, the initial weights.

#include <memory>
#include <string>

#include <torch/torch.h>

#include "surrogate/block/Tokenizer.h"
#include "surrogate/model/ExampleSplits.h"
#include "surrogate/model/Ithemal.h"
#include "surrogate/model/ParamFeatures.h"
#include "surrogate/model/RunDir.h"
#include "surrogate/model/TrainJob.h"
#include "surrogate/model/TrainingData.h"
#include "surrogate/support/DirLock.h"

namespace surrogate::model {

/// What a run starts from: the resolved job, its vocabulary and examples, and
/// for a dataset with parameter tables, the tables' features.
struct PreparedRun {
  TrainJob job;
  block::Vocabulary vocab;
  LoadedExamples loaded;
  std::unique_ptr<ParamFeatures> features;
  bool sampled = false;      ///< the dataset has parameter tables
  bool conditioned = false;  ///< and the model is fed them
};

/// The job as this run resolves it (`jobIn.threads` and `maxEpochs` override
/// a resumed run's); errors name the run's files.
PreparedRun prepareRun(const TrainJob &jobIn, const RunDir &run);

/// A fresh run writes its vocabulary and config.json; a resumed one rewrites
/// config.json only to record overrides (max epochs, threads).
void saveResolvedConfig(const PreparedRun &p, const TrainJob &jobIn, const RunDir &run);

/// The run directory locked against a second writer; a fresh run checks
/// again under the lock that no other run has started there meanwhile.
std::unique_ptr<support::DirLock> lockRunDir(const RunDir &run, bool resume);

/// "cpu" or "cuda" (an error when LibTorch sees no CUDA device).
torch::Device deviceOf(const std::string &name);

/// Fresh weights scaled to the train split's targets, or the starting
/// model's weights, which come with their own target scale.
IthemalModel initialModel(const PreparedRun &p, const Splits &splits, const torch::Device &device);

} // namespace surrogate::model
