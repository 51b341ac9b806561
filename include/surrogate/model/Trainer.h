#pragma once
// `surrogate train`: trains an IthemalModel on a dataset or CSVs and keeps
// everything in a run directory:
//
//   config.json      the resolved config (model, training, data)
//   vocab.txt        the vocabulary (one token per line, line = id)
//   latest.pt        checkpoint after the last finished epoch (written atomically)
//   best.pt          checkpoint with the best validation MAPE so far
//   metrics.jsonl    one line per epoch: train loss, validation MAPE, tau, examples/s, wall time
//   report.json      final: test-split scores of best.pt, throughput, epochs
//   test_predictions.csv  hex,predicted,cycles[,measured] on the test split
//
// A run stopped at any point continues with `resume`: the per-epoch batch
// order is a function of (seed, epoch), and the checkpoint holds the model,
// optimizer and schedule state, so the resumed run ends with the same files
// as an uninterrupted one (bar timings).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/model/ModelConfig.h"
#include "surrogate/model/TrainingData.h"

namespace surrogate::model {

/// The training loss, on the log-throughput scale; spelt in configs as
/// "mape", "log_l1", "log_mse".
enum class Loss { Mape, LogL1, LogMse };
std::string lossName(Loss loss);
std::optional<Loss> parseLoss(const std::string &name);

struct TrainingOptions {
  std::size_t batchSize = 128;
  std::size_t evalBatchSize = 512;
  std::size_t maxEpochs = 30;
  std::size_t patience = 5;        ///< epochs without validation improvement before stopping
  std::size_t lrPatience = 2;      ///< epochs without improvement before the learning rate drops
  double learningRate = 1e-3;
  double lrDecay = 0.5;            ///< factor applied on a plateau
  double minLearningRate = 1e-5;
  double gradClip = 5.0;           ///< max gradient norm (0: none)
  Loss loss = Loss::Mape;
  std::size_t bucketPool = 32;     ///< batches' worth of examples sorted by length together
  std::uint64_t seed = 1;
  unsigned threads = 2;            ///< model replicas, one thread each (data parallel; one LibTorch intra-op thread per replica)
  std::size_t maxTrainExamples = 0;       ///< 0: all; else a seeded random subset
  std::size_t maxValidationExamples = 0;  ///< 0: all
  /// On a dataset with parameter tables, feed them to the model (false: an
  /// ablation that shows how much the tables explain).
  bool conditionOnParameters = true;
  /// Fraction of training tokens (not delimiters) replaced by <UNK>, so the
  /// unknown token's embedding is trained for tokens a new program brings.
  double unknownTokenRate = 0;
  /// Blocks whose labels are suspect (BHive's may-alias.csv): files of hex
  /// rows or assembly (data/BlockSet.h). Validation never scores them;
  /// training drops them (`excludeWeight` 0) or scales their loss by
  /// `excludeWeight`. The test split is scored whole.
  std::vector<std::string> excludeBlocks;
  double excludeWeight = 0;

  nlohmann::json toJson() const;
  /// Missing keys keep defaults; an unknown key or a bad value is a
  /// support::ConfigError naming `file` and the key (training.KEY).
  static TrainingOptions fromJson(const nlohmann::json &j, const std::string &file = "training config");
};

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

/// Reads a config file {"model": {...}, "training": {...}}; errors name the file and the key.
void readTrainConfigFile(const std::string &path, ModelConfig &model, TrainingOptions &training);

/// Trains; returns the final report (also written to runDir/report.json),
/// or the state so far when stopped by stopAfterEpochs.
nlohmann::json runTraining(const TrainJob &job);

/// A job as JSON and back, to hand a training step to another rank.
nlohmann::json trainJobToJson(const TrainJob &job);
TrainJob trainJobFromJson(const nlohmann::json &j);

/// A rank other than 0 of a pattern command under torchrun: trains each step
/// rank 0 hands over, with it, until rank 0 has no more.
void followTrainingSteps();

} // namespace surrogate::model
