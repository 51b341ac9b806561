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

#include "surrogate/data/DatasetConfig.h"
#include "surrogate/data/FileDigest.h"

namespace surrogate::data {

struct DatasetSummary {
  nlohmann::json manifest;
  std::size_t simulations = 0;  ///< examples simulated by this run (resumed chunks excluded)
  std::size_t chunksResumed = 0;
  double seconds = 0;
};

/// Throws support::DataError / support::InputError with a message naming the file
/// and the problem; the directory then holds no manifest.
DatasetSummary buildDataset(const DatasetConfig &config);


} // namespace surrogate::data
