#pragma once
// How a network is trained, as the `training` section of a config spells it:
// batch sizes, the plateau schedule, the loss, seeds, threads, subsets and
// the blocks whose labels are suspect. Read through the schema reader, so a
// misspelt key or a value out of range names the file and the key.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/model/ModelConfig.h"

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
  /// Gives the model a learnt variance head (model.variance_head; added to
  /// a starting model that lacks one), trained by the Gaussian negative
  /// log-likelihood of the log-cycles error beside the loss; it reads the
  /// network detached, so the predictions are those of a run without it.
  bool varianceHead = false;

  nlohmann::json toJson() const;
  /// Missing keys keep defaults; an unknown key or a bad value is a
  /// support::ConfigError naming `file` and the key (training.KEY).
  static TrainingOptions fromJson(const nlohmann::json &j, const std::string &file = "training config");
};

/// Reads a config file {"model": {...}, "training": {...}}; errors name the file and the key.
void readTrainConfigFile(const std::string &path, ModelConfig &model, TrainingOptions &training);

} // namespace surrogate::model
