#pragma once
// One training job: what to train on (a dataset or CSVs), the network's
// sizes, the training options, the run directory, and what this invocation
// overrides (resume, fine-tuning's starting run, device, epochs, threads).

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

#include "surrogate/model/ModelConfig.h"
#include "surrogate/model/TrainingData.h"
#include "surrogate/model/TrainingOptions.h"

namespace surrogate::model {

struct TrainJob {
  DataSource data;
  ModelConfig model;
  TrainingOptions training;
  std::string runDir;
  bool resume = false;              ///< continue the run in runDir (its config.json wins)
  /// Fine-tune: start from this run directory's best.pt, vocabulary and
  /// network sizes (the model section is ignored) instead of fresh weights.
  std::string initFrom;
  std::string device = "cpu";       ///< cpu | cuda
  std::optional<std::size_t> maxEpochs;  ///< overrides training.max_epochs, also when resuming (extend or end a run)
  std::optional<unsigned> threads;  ///< overrides training.threads, also when resuming
  std::optional<std::size_t> stopAfterEpochs;  ///< end this invocation after N epochs (resumable)
  /// Under torchrun (model/DataParallel.h): how long a collective may wait
  /// for the other ranks before the run fails.
  std::chrono::seconds distTimeout{300};
};

} // namespace surrogate::model
