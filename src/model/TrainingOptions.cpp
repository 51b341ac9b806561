// TrainingOptions: the `training` section read and written, and the loss names.

#include "surrogate/model/TrainingOptions.h"

#include "surrogate/support/ConfigReader.h"

namespace surrogate::model {

std::string lossName(Loss loss) {
  switch (loss) {
  case Loss::Mape: return "mape";
  case Loss::LogL1: return "log_l1";
  case Loss::LogMse: return "log_mse";
  }
  return "mape";
}

std::optional<Loss> parseLoss(const std::string &name) {
  for (Loss l : {Loss::Mape, Loss::LogL1, Loss::LogMse})
    if (lossName(l) == name)
      return l;
  return std::nullopt;
}

nlohmann::json TrainingOptions::toJson() const {
  nlohmann::json j = {{"batch_size", batchSize},
                      {"eval_batch_size", evalBatchSize},
                      {"max_epochs", maxEpochs},
                      {"patience", patience},
                      {"lr_patience", lrPatience},
                      {"learning_rate", learningRate},
                      {"lr_decay", lrDecay},
                      {"min_learning_rate", minLearningRate},
                      {"grad_clip", gradClip},
                      {"loss", lossName(loss)},
                      {"bucket_pool", bucketPool},
                      {"seed", seed},
                      {"threads", threads},
                      {"max_train_examples", maxTrainExamples},
                      {"max_validation_examples", maxValidationExamples},
                      {"condition_on_parameters", conditionOnParameters},
                      {"unknown_token_rate", unknownTokenRate}};
  if (!excludeBlocks.empty()) {  // absent otherwise, so earlier runs' config.json stays as it was
    j["exclude_blocks"] = excludeBlocks;
    j["exclude_weight"] = excludeWeight;
  }
  if (varianceHead)
    j["variance_head"] = true;
  return j;
}

TrainingOptions TrainingOptions::fromJson(const nlohmann::json &j, const std::string &file) {
  support::ConfigReader r(j, file, "training");
  TrainingOptions o;
  constexpr std::size_t one = 1, zero = 0;
  r.read("batch_size", o.batchSize, one);
  r.read("eval_batch_size", o.evalBatchSize, one);
  r.read("max_epochs", o.maxEpochs, one);
  r.read("patience", o.patience, one);
  r.read("lr_patience", o.lrPatience, one);
  r.read("learning_rate", o.learningRate, 1e-9, 10);
  r.read("lr_decay", o.lrDecay, 1e-3, 1);
  r.read("min_learning_rate", o.minLearningRate, 0, 10);
  r.read("grad_clip", o.gradClip, 0, 1e9);
  r.read("unknown_token_rate", o.unknownTokenRate, 0, 0.99);
  std::string loss = lossName(o.loss);
  if (r.read("loss", loss, {"mape", "log_l1", "log_mse"}))
    o.loss = *parseLoss(loss);
  r.read("bucket_pool", o.bucketPool, one);
  r.read("seed", o.seed);
  r.read("threads", o.threads, 1u);
  r.read("max_train_examples", o.maxTrainExamples, zero);
  r.read("max_validation_examples", o.maxValidationExamples, zero);
  r.read("condition_on_parameters", o.conditionOnParameters);
  r.read("exclude_blocks", o.excludeBlocks);
  r.read("exclude_weight", o.excludeWeight, 0, 1);
  r.read("variance_head", o.varianceHead);
  r.finish();
  return o;
}

void readTrainConfigFile(const std::string &path, ModelConfig &model, TrainingOptions &training) {
  nlohmann::json j = support::readJsonFile(path);
  support::ConfigReader r(j, path);
  r.allow({"comment"});
  model = ModelConfig::fromJson(r.raw("model") ? *r.raw("model") : nlohmann::json::object(), path);
  training = TrainingOptions::fromJson(r.raw("training") ? *r.raw("training") : nlohmann::json::object(), path);
  r.finish();
}

} // namespace surrogate::model
