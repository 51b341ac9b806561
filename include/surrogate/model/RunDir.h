#pragma once
// A model run directory: the files `train` writes and `predict`, the
// patterns and fine-tuning read back. RunDir owns their names and their
// checks, so a missing or bad file is one error that names it:
//
//   config.json  the resolved config: "model" (ModelConfig), "training", "data"
//   vocab.txt    the vocabulary (its size and checksum must match config.json's)
//   best.pt      checkpoint with the best validation MAPE
//   latest.pt    checkpoint after the last finished epoch

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/block/Tokenizer.h"
#include "surrogate/model/ModelConfig.h"

namespace surrogate::model {

class IthemalModel;

class RunDir {
public:
  static constexpr const char *kConfig = "config.json";
  static constexpr const char *kVocabulary = "vocab.txt";
  static constexpr const char *kBest = "best.pt";
  static constexpr const char *kLatest = "latest.pt";

  explicit RunDir(std::string dir) : Dir(std::move(dir)) {}

  const std::string &path() const { return Dir; }
  std::string file(const std::string &name) const;
  std::string configPath() const { return file(kConfig); }
  std::string vocabularyPath() const { return file(kVocabulary); }
  std::string bestPath() const { return file(kBest); }
  std::string latestPath() const { return file(kLatest); }

  bool hasConfig() const;
  bool hasBest() const;
  bool hasLatest() const;

  /// config.json as written; throws std::runtime_error naming the file when
  /// it is missing or not JSON.
  nlohmann::json config() const;
  /// config.json's "model" section; errors name the file.
  ModelConfig modelConfig() const;
  /// vocab.txt, checked against `model`'s vocabulary size and against
  /// config.json's "vocabulary_checksum" (runs of older builds have none).
  block::Vocabulary vocabulary(const ModelConfig &model) const;
  /// FNV-1a of vocab.txt's bytes, as hex (what config.json records).
  std::string vocabularyChecksum() const;
  /// Writes config.json (atomically).
  void writeConfig(const nlohmann::json &config) const;

  /// The files a deployed model consists of (config, vocabulary, best checkpoint).
  static const std::vector<std::string> &modelFiles();
  /// Their paths in this directory.
  std::vector<std::string> modelFilePaths() const;

private:
  std::string Dir;
};

} // namespace surrogate::model
