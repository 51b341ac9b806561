#pragma once
// `surrogate dataset` and its subcommands as jobs: the command-line options
// checked against each other, then one call into the dataset code, with the
// summary logged on stderr (and, for `check`, printed as JSON on stdout).

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/data/DatasetBuilder.h"

namespace surrogate::data {

struct DatasetJob {
  DatasetConfig config;
  std::string shard;        ///< "K/N" (1-based) or empty
  std::string syntax = "att";
  bool cpuGiven = false;    ///< --mcpu was set (else a --params table's CPU is used)
  bool seedGiven = false;   ///< --seed was set (required with --params-samples)
};

/// Builds the dataset; returns the exit status (1 for an empty whole
/// dataset: an empty shard is normal). ConfigError for options that do not
/// go together.
int runDatasetJob(DatasetJob job);

void runDatasetMerge(const std::vector<std::string> &shards, const std::string &output, bool force);
void runDatasetExport(const std::string &dir, const std::string &output);
/// Verifies every chunk; the summary (counts, splits) as JSON.
nlohmann::json runDatasetCheck(const std::string &dir);

} // namespace surrogate::data
