#pragma once
// `surrogate dataset`: turns basic blocks into llvm-mca examples in a
// dataset directory (see Dataset.h). Blocks are deduplicated and numbered in
// input order, grouped into chunks of a fixed number of distinct blocks, and
// each chunk is simulated and written whole, so an interrupted run resumes
// at the first missing chunk and a shard (--shard K/N) writes the same
// chunks holding only its own blocks, which `dataset merge` joins.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/block/Decoder.h"
#include "surrogate/support/ConfigReader.h"

namespace surrogate::data {

struct DatasetConfig {
  std::vector<std::string> blockFiles;     ///< second column ignored (BHive sources: frequency)
  std::vector<std::string> measuredFiles;  ///< hex,throughput: blocks plus measured labels
  std::string cpu = "haswell";  ///< empty: the --params table's CPU
  unsigned iterations = 100;
  unsigned threads = 1;
  std::string output;
  std::uint32_t shardIndex = 0;  ///< 0-based
  std::uint32_t shardCount = 1;
  std::uint32_t chunkBlocks = 8192;  ///< distinct blocks per chunk
  block::Syntax syntax = block::Syntax::ATT;
  bool force = false;

  // Sampled-parameter mode (the optimize pattern).
  unsigned paramsSamples = 0;   ///< tables to sample; 0: default parameters only
  unsigned tablesPerBlock = 1;  ///< examples per block, each under another table
  double perturbProbability = 1.0;  ///< chance a sampled value is redrawn, else default (mca::SamplingRanges)
  std::uint64_t seed = 0;
  std::string samplingCenter;   ///< sampled mode: tables drawn around this table file, not the CPU's defaults
  unsigned samplingRadius = 0;  ///< sampled mode: redrawn values stay this close to the center (0: whole range)
  std::string paramsFile;       ///< one given table instead of the default model

  /// Reads a config file's "dataset" section (chunk_blocks); any other key
  /// is a ConfigError naming the file and the key.
  void readSection(support::ConfigReader section);
};

struct DatasetSummary {
  nlohmann::json manifest;
  std::size_t simulations = 0;  ///< examples simulated by this run (resumed chunks excluded)
  std::size_t chunksResumed = 0;
  double seconds = 0;
};

/// Throws support::DataError / support::InputError with a message naming the file
/// and the problem; the directory then holds no manifest.
DatasetSummary buildDataset(const DatasetConfig &config);

/// SHA-256 of a file's bytes as hex; throws support::InputError if unreadable.
std::string sha256File(const std::string &path);

} // namespace surrogate::data
