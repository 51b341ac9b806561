#pragma once
// The sizes of a surrogate model, as read from a training config and saved
// in a run directory, so a model can be rebuilt to load its checkpoint.

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace surrogate::model {

struct ModelConfig {
  std::int64_t vocabularySize = 0;   ///< set from the vocabulary, not the config file
  std::int64_t embedding = 64;
  std::int64_t hidden = 128;
  std::int64_t layers = 1;           ///< of each LSTM
  std::int64_t instFeatures = 0;     ///< conditioned variant: per-instruction parameters
  std::int64_t globalFeatures = 0;   ///< conditioned variant: global parameters
  /// The scheduling model's bounds as inputs (model/BoundFeatures.h): the
  /// head predicts a correction to the log of the larger bound.
  bool bounds = false;
  bool tokens = true;                ///< false: no token LSTMs, the bounds alone (needs bounds)
  std::string boundsCpu;             ///< the CPU whose scheduling model gives the bounds
  std::int64_t boundsHidden = 64;    ///< units of the bounds head's hidden layer
  /// A second head that predicts the variance of the log-cycles error
  /// (training.variance_head), an uncertainty learnt from the data.
  bool varianceHead = false;
  std::int64_t varianceHidden = 32;  ///< units of its hidden layer

  nlohmann::json toJson() const;
  /// Missing keys keep their defaults; an unknown key or a bad value is a
  /// support::ConfigError naming `file` and the key (model.KEY).
  static ModelConfig fromJson(const nlohmann::json &j, const std::string &file = "model config");
};

} // namespace surrogate::model
