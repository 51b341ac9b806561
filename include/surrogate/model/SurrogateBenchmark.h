#pragma once
// `surrogate bench surrogate`: blocks per second of batched inference with
// a trained surrogate (decode, tokenize, predict) on one and several
// threads, one model replica each, beside `bench mca`'s in-process llvm-mca
// on the same blocks, measured in the same run, with the ratios.

#include <string>

#include <nlohmann/json.hpp>

#include "surrogate/mca/McaBenchmark.h"

namespace surrogate::model {

struct SurrogateBenchConfig {
  std::string runDir;
  std::string checkpoint = "best.pt";
  std::size_t batchSize = 512;  // larger batches share more instruction rows (bench surrogate)
  mca::McaBenchConfig mca;  ///< inputs, block count, thread counts; spawnSample 0 skips spawning
};

nlohmann::json runSurrogateBenchmark(const SurrogateBenchConfig &config);

/// A short table of the JSON above, for people.
std::string formatSurrogateBenchmark(const nlohmann::json &result);

} // namespace surrogate::model
