#pragma once
// The settings every pattern shares, read from a config file in configs/
// and overridden from the command line (--mcpu, --measured, ...), so one
// recipe runs unchanged for another CPU and its timings. The resolved
// settings are saved in the run directory so a run can be reproduced or
// resumed from it alone.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/data/DatasetBuilder.h"
#include "surrogate/model/Trainer.h"
#include "surrogate/support/ConfigReader.h"

namespace surrogate::patterns {

struct PatternConfig {
  std::string cpu = "haswell";
  std::vector<std::string> blocks;  ///< unlabelled block files (globs allowed), e.g. BHive sources
  std::string measured;             ///< hex,throughput file of measured timings
  unsigned threads = 2;
  std::uint64_t seed = 1;
  nlohmann::json dataset = nlohmann::json::object();   ///< chunk_blocks, ...
  nlohmann::json model = nlohmann::json::object();     ///< ModelConfig
  nlohmann::json training = nlohmann::json::object();  ///< TrainingOptions
  nlohmann::json pattern = nlohmann::json::object();   ///< the pattern's own section
  std::string source;  ///< the file it was read from, for errors (not saved)

  /// Reads `path`; an unknown key or a bad value in any section but
  /// `pattern` (which its pattern reads) is a ConfigError naming the file and key.
  static PatternConfig load(const std::string &path);
  nlohmann::json toJson() const;
  static PatternConfig fromJson(const nlohmann::json &j, const std::string &source);
  /// The pattern section, for the pattern's own schema.
  support::ConfigReader patternSection() const;

  /// `blocks` with globs expanded (sorted, so runs are reproducible); a glob
  /// that matches nothing is an error.
  std::vector<std::string> expandedBlocks() const;
};

/// Command-line overrides shared by the pattern subcommands.
struct PatternOverrides {
  std::optional<std::string> cpu, measured;
  std::optional<std::vector<std::string>> blocks;
  std::optional<unsigned> threads;
  std::optional<std::uint64_t> seed;  ///< the config's seed, and training.seed where it sets one
  std::optional<std::vector<std::string>> excludeBlocks;  ///< training.exclude_blocks
  void applyTo(PatternConfig &config) const;
};

/// One run of a pattern: its config (on resume it must match the run
/// directory's pattern.json), where it runs, and whether it resumes.
struct PatternJob {
  PatternConfig config;
  std::string runDir;
  bool resume = false;
  /// Rank 0 under torchrun: hands each training step to the other ranks (else none).
  model::StepHandover *handover = nullptr;
};

/// Prepares `runDir` for a pattern run: a fresh run writes `pattern.json`
/// there (error if the directory already holds a run); `resume` reads it
/// back instead, and refuses a `config` read from a file (its `source` set)
/// whose settings differ from the stored ones, naming the first difference.
PatternConfig startRun(const std::string &runDir, PatternConfig config, bool resume);

/// Dataset settings every pattern shares: the config's CPU, threads, seed,
/// block files and chunk size, written to `dir`.
data::DatasetConfig datasetSettings(const PatternConfig &config, const std::string &dir);

/// Builds `settings.output` (resuming a partial one) unless a complete
/// dataset is already there, so a resumed pattern skips this step.
void ensureDataset(const data::DatasetConfig &settings);

/// A training job into `runDir` from the config's model and training
/// sections, with the config's seed (unless training sets one) and threads.
/// The caller says what data it reads.
model::TrainJob trainJobFor(const PatternConfig &config, const std::string &runDir);

/// Runs `job` (resuming a partial run in its directory) unless the directory
/// holds a finished one; returns the training report either way.
nlohmann::json ensureTrained(model::TrainJob job, model::StepHandover *handover);

} // namespace surrogate::patterns
