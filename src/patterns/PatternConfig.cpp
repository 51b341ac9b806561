#include "surrogate/patterns/PatternConfig.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <glob.h>
#include <stdexcept>

#include <spdlog/spdlog.h>

#include "surrogate/data/Dataset.h"
#include "surrogate/support/AtomicFile.h"

namespace surrogate::patterns {

namespace fs = std::filesystem;

PatternConfig PatternConfig::fromJson(const nlohmann::json &j, const std::string &source) {
  static const std::vector<std::string> known = {"comment", "cpu",      "blocks", "measured", "threads", "seed",
                                                 "dataset", "model",    "training", "pattern"};
  if (!j.is_object())
    throw std::invalid_argument(source + ": expected a JSON object");
  for (const auto &[key, value] : j.items())
    if (std::find(known.begin(), known.end(), key) == known.end())
      throw std::invalid_argument(source + ": unknown key '" + key + "'");
  PatternConfig c;
  try {
    if (j.contains("cpu")) c.cpu = j.at("cpu").get<std::string>();
    if (j.contains("blocks")) c.blocks = j.at("blocks").get<std::vector<std::string>>();
    if (j.contains("measured")) c.measured = j.at("measured").get<std::string>();
    if (j.contains("threads")) c.threads = j.at("threads").get<unsigned>();
    if (j.contains("seed")) c.seed = j.at("seed").get<std::uint64_t>();
    for (auto [key, field] : {std::pair{"dataset", &c.dataset}, std::pair{"model", &c.model},
                              std::pair{"training", &c.training}, std::pair{"pattern", &c.pattern}})
      if (j.contains(key)) {
        if (!j.at(key).is_object())
          throw std::invalid_argument(std::string("'") + key + "' must be an object");
        *field = j.at(key);
      }
  } catch (const nlohmann::json::exception &e) {
    throw std::invalid_argument(source + ": " + e.what());
  } catch (const std::invalid_argument &e) {
    throw std::invalid_argument(source + ": " + e.what());
  }
  return c;
}

PatternConfig PatternConfig::load(const std::string &path) {
  std::ifstream in(path);
  if (!in)
    throw std::invalid_argument(path + ": cannot open config");
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(in);
  } catch (const nlohmann::json::parse_error &e) {
    throw std::invalid_argument(path + ": not valid JSON: " + e.what());
  }
  return fromJson(j, path);
}

nlohmann::json PatternConfig::toJson() const {
  return {{"cpu", cpu},         {"blocks", blocks},   {"measured", measured}, {"threads", threads},
          {"seed", seed},       {"dataset", dataset}, {"model", model},       {"training", training},
          {"pattern", pattern}};
}

std::vector<std::string> PatternConfig::expandedBlocks() const {
  std::vector<std::string> files;
  for (const std::string &pattern : blocks) {
    glob_t matches{};
    int rc = ::glob(pattern.c_str(), 0, nullptr, &matches);
    if (rc != 0) {
      globfree(&matches);
      throw std::invalid_argument("blocks: '" + pattern + "' matches no file");
    }
    std::vector<std::string> found(matches.gl_pathv, matches.gl_pathv + matches.gl_pathc);
    globfree(&matches);
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

void PatternOverrides::applyTo(PatternConfig &config) const {
  if (cpu) config.cpu = *cpu;
  if (measured) config.measured = *measured;
  if (blocks) config.blocks = *blocks;
  if (threads) config.threads = *threads;
}

PatternConfig startRun(const std::string &runDir, PatternConfig config, bool resume) {
  fs::path stored = fs::path(runDir) / "pattern.json";
  if (resume) {
    std::ifstream in(stored);
    if (!in)
      throw std::invalid_argument(stored.string() + ": no run to resume here");
    return PatternConfig::fromJson(nlohmann::json::parse(in), stored.string());
  }
  if (fs::exists(stored))
    throw std::invalid_argument(runDir + " already holds a run; pass --resume to continue it, or choose another directory");
  fs::create_directories(runDir);
  support::writeFileAtomically(stored.string(), config.toJson().dump(2) + "\n");
  return config;
}

data::DatasetConfig datasetSettings(const PatternConfig &config, const std::string &dir) {
  data::DatasetConfig d;
  d.blockFiles = config.expandedBlocks();
  d.cpu = config.cpu;
  d.threads = config.threads;
  d.seed = config.seed;
  d.output = dir;
  if (config.dataset.contains("chunk_blocks"))
    d.chunkBlocks = config.dataset.at("chunk_blocks").get<std::uint32_t>();
  return d;
}

void ensureDataset(const data::DatasetConfig &settings) {
  if (fs::exists(fs::path(settings.output) / data::kManifestFile)) {
    try {
      data::Dataset::open(settings.output);
      spdlog::info("dataset {} is complete; reusing it", settings.output);
      return;
    } catch (const std::exception &) {
      // partial: buildDataset resumes it
    }
  }
  data::buildDataset(settings);
}

model::TrainJob trainJobFor(const PatternConfig &config, const std::string &runDir) {
  model::TrainJob job;
  job.model = model::ModelConfig::fromJson(config.model);
  nlohmann::json training = config.training;
  if (!training.contains("seed"))
    training["seed"] = config.seed;
  training["threads"] = config.threads;
  job.training = model::TrainingOptions::fromJson(training);
  job.runDir = runDir;
  return job;
}

nlohmann::json ensureTrained(model::TrainJob job) {
  fs::path report = fs::path(job.runDir) / "report.json";
  if (fs::exists(report)) {
    spdlog::info("training in {} is finished; reusing it", job.runDir);
    std::ifstream in(report);
    return nlohmann::json::parse(in);
  }
  job.resume = fs::exists(fs::path(job.runDir) / "config.json");
  return model::runTraining(job);
}

} // namespace surrogate::patterns
