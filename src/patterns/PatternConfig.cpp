// PatternConfig: read, overridden and saved; a run started or resumed; a pattern's dataset and training ensured.
#include "surrogate/patterns/PatternConfig.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <glob.h>
#include <stdexcept>

#include <spdlog/spdlog.h>

#include "surrogate/data/Dataset.h"
#include "surrogate/model/RunDir.h"
#include "surrogate/support/ConfigReader.h"
#include "surrogate/support/AtomicFile.h"

namespace surrogate::patterns {

namespace fs = std::filesystem;

PatternConfig PatternConfig::fromJson(const nlohmann::json &j, const std::string &source) {
  support::ConfigReader r(j, source);
  r.allow({"comment"});
  PatternConfig c;
  c.source = source;
  r.read("cpu", c.cpu);
  r.read("blocks", c.blocks);
  r.read("measured", c.measured);
  r.read("threads", c.threads, 1u, 1024u);
  r.read("seed", c.seed);
  // Each section is checked against its schema now, so a typo stops the
  // run before anything is written; the pattern section by its pattern.
  for (auto [key, field] : {std::pair{"dataset", &c.dataset}, std::pair{"model", &c.model},
                            std::pair{"training", &c.training}, std::pair{"pattern", &c.pattern}})
    if (const nlohmann::json *value = r.raw(key)) {
      if (!value->is_object())
        throw r.error(key, "must be an object");
      *field = *value;
    }
  r.finish();
  data::DatasetConfig().readSection(support::ConfigReader(c.dataset, source, "dataset"));
  model::ModelConfig::fromJson(c.model, source);
  model::TrainingOptions::fromJson(c.training, source);
  return c;
}

PatternConfig PatternConfig::load(const std::string &path) { return fromJson(support::readJsonFile(path), path); }

support::ConfigReader PatternConfig::patternSection() const { return support::ConfigReader(pattern, source, "pattern"); }

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
  if (seed) {
    config.seed = *seed;
    if (config.training.contains("seed")) config.training["seed"] = *seed;
  }
  if (excludeBlocks) config.training["exclude_blocks"] = *excludeBlocks;
}

PatternConfig startRun(const std::string &runDir, PatternConfig config, bool resume) {
  fs::path stored = fs::path(runDir) / "pattern.json";
  if (resume) {
    if (!fs::exists(stored))
      throw support::ConfigError(stored.string() + ": no run to resume here");
    PatternConfig run = PatternConfig::fromJson(support::readJsonFile(stored.string()), stored.string());
    // A resumed run goes on with the settings it started with; a config that says otherwise would be
    // silently ignored, so it is refused, naming the first setting that differs.
    if (!config.source.empty()) {
      nlohmann::json storedJson = run.toJson(), givenJson = config.toJson();
      nlohmann::json differences = nlohmann::json::diff(storedJson, givenJson);
      if (!differences.empty()) {
        std::string key = differences.front().value("path", std::string("/"));
        nlohmann::json::json_pointer at(key);
        auto shown = [&](const nlohmann::json &j) { return j.contains(at) ? j.at(at).dump() : std::string("absent"); };
        std::string name = key.substr(1);
        std::replace(name.begin(), name.end(), '/', '.');
        throw support::ConfigError(config.source + ": the run in " + runDir + " was started with other settings (" +
                                   name + ": " + shown(storedJson) + " in its pattern.json, " +
                                   shown(givenJson) + " here); resume it with the config it started with, "
                                   "or start a new run directory");
      }
    }
    return run;
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
  d.readSection(support::ConfigReader(config.dataset, config.source, "dataset"));
  return d;
}

void ensureDataset(const data::DatasetConfig &settings) {
  // buildDataset writes the manifest last, so with one there the dataset is
  // complete or damaged (another format version, ...): that is an error to
  // report as what it is, not a partial dataset to resume.
  if (fs::exists(fs::path(settings.output) / data::kManifestFile)) {
    data::Dataset::open(settings.output);
    spdlog::info("dataset {} is complete; reusing it", settings.output);
    return;
  }
  data::buildDataset(settings);
}

model::TrainJob trainJobFor(const PatternConfig &config, const std::string &runDir) {
  model::TrainJob job;
  job.model = model::ModelConfig::fromJson(config.model, config.source);
  if (job.model.bounds && job.model.boundsCpu.empty())
    job.model.boundsCpu = config.cpu;  // the bounds of the CPU llvm-mca simulates
  nlohmann::json training = config.training;
  if (!training.contains("seed"))
    training["seed"] = config.seed;
  training["threads"] = config.threads;
  job.training = model::TrainingOptions::fromJson(training, config.source);
  job.runDir = runDir;
  return job;
}

nlohmann::json ensureTrained(model::TrainJob job, model::StepHandover *handover) {
  fs::path report = fs::path(job.runDir) / "report.json";
  if (fs::exists(report)) {
    spdlog::info("training in {} is finished; reusing it", job.runDir);
    return support::readJsonFile(report.string());
  }
  job.resume = model::RunDir(job.runDir).hasConfig();
  return model::runTraining(job, handover);
}

} // namespace surrogate::patterns
