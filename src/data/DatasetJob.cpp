// The dataset jobs: options checked against each other, one call into the dataset code, the summary logged.
#include "surrogate/data/DatasetJob.h"

#include <algorithm>
#include <cstdio>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "surrogate/data/Dataset.h"
#include "surrogate/data/DatasetTools.h"
#include "surrogate/support/Errors.h"

namespace surrogate::data {

namespace {

// "K/N" with 1 <= K <= N, as a job array's task number and size.
void parseShard(const std::string &text, DatasetConfig &config) {
  unsigned k = 0, n = 0;
  char slash = 0, extra = 0;
  if (std::sscanf(text.c_str(), "%u%c%u%c", &k, &slash, &n, &extra) != 3 || slash != '/' || n == 0 || k == 0 ||
      k > n)
    throw support::ConfigError("--shard expects K/N with 1 <= K <= N (e.g. 3/8), got '" + text + "'");
  config.shardIndex = k - 1;
  config.shardCount = n;
}

void checkOptions(DatasetJob &job) {
  DatasetConfig &config = job.config;
  if (config.blockFiles.empty() && config.measuredFiles.empty())
    throw support::ConfigError("--blocks or --measured is required");
  if (config.output.empty())
    throw support::ConfigError("-o,--output is required");
  if (!job.shard.empty())
    parseShard(job.shard, config);
  if (config.paramsSamples > 0 && !job.seedGiven)
    throw support::ConfigError("--seed is required with --params-samples");
  if (!config.paramsFile.empty() && !job.cpuGiven)
    config.cpu.clear();  // the table's CPU
  config.syntax = job.syntax == "intel" ? block::Syntax::Intel : block::Syntax::ATT;
}

void logSummary(const DatasetConfig &config, const DatasetSummary &s) {
  const nlohmann::json &counts = s.manifest["counts"];
  spdlog::info("{}: {} examples from {} distinct blocks ({} duplicates, {} unreadable rows, {} undecodable, "
               "{} unsimulatable); {} examples simulated in {:.1f}s ({:.0f}/s){}",
               config.output, counts["examples"].get<std::size_t>(), counts["distinct_blocks"].get<std::size_t>(),
               counts["duplicate_blocks"].get<std::size_t>(), counts["unreadable_rows"].get<std::size_t>(),
               counts["undecodable_blocks"].get<std::size_t>(), counts["unsimulatable_examples"].get<std::size_t>(),
               s.simulations, s.seconds, s.simulations / std::max(s.seconds, 1e-9),
               s.chunksResumed ? fmt::format(", {} chunks resumed", s.chunksResumed) : std::string());
}

} // namespace

int runDatasetJob(DatasetJob job) {
  checkOptions(job);
  DatasetSummary summary = buildDataset(job.config);
  logSummary(job.config, summary);
  // An empty shard is normal; an empty whole dataset is not.
  return summary.manifest["counts"]["examples"].get<std::size_t>() == 0 && job.config.shardCount == 1 ? 1 : 0;
}

void runDatasetMerge(const std::vector<std::string> &shards, const std::string &output, bool force) {
  nlohmann::json m = mergeDatasets(shards, output, force);
  spdlog::info("{}: {} examples from {} shards", output, m["counts"]["examples"].get<std::size_t>(), shards.size());
}

void runDatasetExport(const std::string &dir, const std::string &output) {
  std::size_t rows = exportCsv(dir, output);
  spdlog::info("{} examples exported", rows);
}

nlohmann::json runDatasetCheck(const std::string &dir) {
  Dataset ds = Dataset::open(dir);
  ds.verify();
  return {{"dataset", dir},
          {"complete", true},
          {"mode", ds.mode()},
          {"cpu", ds.cpu()},
          {"chunks", ds.chunkCount()},
          {"counts", ds.manifest()["counts"]},
          {"splits", ds.manifest()["splits"]}};
}

} // namespace surrogate::data
