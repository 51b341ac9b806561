#pragma once
// What `surrogate dataset` is asked to build: the block and measured files,
// the CPU, iterations, threads, output directory and shard, the chunk size,
// and for the optimize pattern the sampled parameter tables (how many, around
// which table, how far). DatasetBuilder builds it; ParameterTables draws its
// tables.

#include <cstdint>
#include <string>
#include <vector>

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

} // namespace surrogate::data
