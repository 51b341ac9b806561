#pragma once
// A deployable surrogate in one file (docs/model-file.md): the architecture
// (ModelConfig), the vocabulary, every weight and buffer as a named float32
// tensor, and where it came from, behind a magic, a format version and an
// xxh3 checksum. The lean engine (LeanModel.h) and the surrogate_infer
// library load it without LibTorch or a run directory; `surrogate export`
// and the end of training write it. A damaged, truncated, other-version or
// unknown-architecture file is a support::DataError naming the file.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/model/ModelConfig.h"

namespace surrogate::model {

/// "lstm", "lstm+bounds", "bounds", "lstm-conditioned", "lstm-conditioned+bounds" or
/// "bounds-conditioned", with "+variance" when the model has a variance head.
std::string architectureOf(const ModelConfig &config);

/// The directory of `model`: a run directory itself, or the one holding a
/// model file (where its guard calibration lies, and its run's files).
std::string modelDirOf(const std::string &model);

struct ModelTensor {
  std::vector<std::int64_t> shape;
  std::vector<float> values;  ///< row-major, as LibTorch holds it
};

struct ModelFile {
  static constexpr char kMagic[9] = "SRGMODEL";
  static constexpr std::uint32_t kVersion = 1;
  static constexpr const char *kFileName = "model.smodel";  ///< its name in a run directory

  ModelConfig config;
  std::vector<std::string> vocabulary;  ///< the token of each id, from 0
  std::map<std::string, ModelTensor> tensors;
  nlohmann::json source = nlohmann::json::object();  ///< run directory, checkpoint: for people
  std::string path;  ///< the file it was loaded from (for errors)

  std::string architecture() const { return architectureOf(config); }
  /// The tensor `name` of exactly `shape`; a DataError naming the file, the
  /// tensor and both shapes otherwise.
  const ModelTensor &tensor(const std::string &name, const std::vector<std::int64_t> &shape) const;
  /// A tensor of one value (a buffer such as target_mean).
  float scalar(const std::string &name) const;

  /// Writes the file atomically.
  void save(const std::string &file) const;
  static ModelFile load(const std::string &file);
};

} // namespace surrogate::model
