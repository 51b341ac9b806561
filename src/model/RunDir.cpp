// RunDir: a run directory's file names, and its config and vocabulary read back with their checks.
#include "surrogate/model/RunDir.h"

#include <filesystem>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "surrogate/data/BlockHash.h"

#include "surrogate/support/AtomicFile.h"
#include "surrogate/support/ConfigReader.h"
#include "surrogate/support/Errors.h"

namespace fs = std::filesystem;

namespace surrogate::model {

std::string RunDir::file(const std::string &name) const { return (fs::path(Dir) / name).string(); }

bool RunDir::hasConfig() const { return fs::exists(configPath()); }
bool RunDir::hasBest() const { return fs::exists(bestPath()); }
bool RunDir::hasLatest() const { return fs::exists(latestPath()); }

nlohmann::json RunDir::config() const {
  if (!hasConfig())
    throw support::InputError(configPath() + ": not a run directory (no config.json)");
  return support::readJsonFile(configPath());
}

ModelConfig RunDir::modelConfig() const {
  nlohmann::json j = config();
  if (!j.contains("model"))
    throw support::DataError(configPath(), "no \"model\" section");
  return ModelConfig::fromJson(j.at("model"), configPath());
}

block::Vocabulary RunDir::vocabulary(const ModelConfig &model) const {
  nlohmann::json j = config();
  if (j.contains("vocabulary_checksum") && j["vocabulary_checksum"] != vocabularyChecksum())
    throw support::DataError(vocabularyPath(), "checksum differs from config.json's vocabulary_checksum (damaged "
                                               "vocabulary, or files of two runs mixed)");
  block::Vocabulary vocab = block::Vocabulary::load(vocabularyPath());
  if (static_cast<std::int64_t>(vocab.size()) != model.vocabularySize)
    throw support::DataError(vocabularyPath(), "vocabulary size differs from config.json");
  return vocab;
}

std::string RunDir::vocabularyChecksum() const {
  std::ifstream in(vocabularyPath(), std::ios::binary);
  if (!in)
    throw support::InputError(vocabularyPath(), 0, "cannot open the vocabulary file");
  std::string text((std::istreambuf_iterator<char>(in)), {});
  return fmt::format("{:016x}", data::fnv1a64(text.data(), text.size()));
}

void RunDir::writeConfig(const nlohmann::json &config) const {
  support::writeFileAtomically(configPath(), config.dump(2) + "\n");
}

const std::vector<std::string> &RunDir::modelFiles() {
  static const std::vector<std::string> files = {kConfig, kVocabulary, kBest};
  return files;
}

std::vector<std::string> RunDir::modelFilePaths() const {
  std::vector<std::string> paths;
  for (const std::string &f : modelFiles()) paths.push_back(file(f));
  return paths;
}

} // namespace surrogate::model
