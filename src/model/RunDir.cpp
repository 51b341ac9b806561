#include "surrogate/model/RunDir.h"

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "surrogate/support/AtomicFile.h"

namespace fs = std::filesystem;

namespace surrogate::model {

std::string RunDir::file(const std::string &name) const { return (fs::path(Dir) / name).string(); }

bool RunDir::hasConfig() const { return fs::exists(configPath()); }
bool RunDir::hasBest() const { return fs::exists(bestPath()); }
bool RunDir::hasLatest() const { return fs::exists(latestPath()); }

nlohmann::json RunDir::config() const {
  std::string path = configPath();
  std::ifstream in(path);
  if (!in)
    throw std::runtime_error(path + ": not a run directory (no config.json)");
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception &e) {
    throw std::runtime_error(path + ": not valid JSON: " + e.what());
  }
}

ModelConfig RunDir::modelConfig() const {
  nlohmann::json j = config();
  try {
    return ModelConfig::fromJson(j.at("model"));
  } catch (const std::exception &e) {
    throw std::runtime_error(configPath() + ": " + e.what());
  }
}

block::Vocabulary RunDir::vocabulary(const ModelConfig &model) const {
  block::Vocabulary vocab = block::Vocabulary::load(vocabularyPath());
  if (static_cast<std::int64_t>(vocab.size()) != model.vocabularySize)
    throw std::runtime_error(vocabularyPath() + ": vocabulary size differs from config.json");
  return vocab;
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
