#pragma once
// `surrogate bench surrogate`: blocks per second of inference with a trained
// surrogate (decode, tokenize, analyse, predict) on one and several threads,
// on the lean engine and on LibTorch, one block at a time (batch 1) and
// batched, beside `bench mca`'s in-process llvm-mca on the same blocks,
// measured in the same run, with the ratios. The lean engine's rows also
// give the multiply-adds it ran per second (GFLOP/s, two flops each); the
// guarded rows (--guard) the fraction of blocks llvm-mca answered.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/mca/McaBenchmark.h"

namespace surrogate::model {

struct SurrogateBenchConfig {
  std::string runDir;
  std::string checkpoint = "best.pt";
  std::size_t batchSize = 512;  ///< the batched rows' (the others are batch 1)
  std::vector<std::string> engines;  ///< "lean", "torch"; none: both, or torch alone under a table
  /// Also time the guarded lean engine (predict --guard, the model's guard.json) at its calibrated threshold.
  bool guard = false;
  mca::McaBenchConfig mca;  ///< inputs, block count, thread counts; spawnSample 0 skips spawning
};

nlohmann::json runSurrogateBenchmark(const SurrogateBenchConfig &config);

/// A short table of the JSON above, for people.
std::string formatSurrogateBenchmark(const nlohmann::json &result);

} // namespace surrogate::model
