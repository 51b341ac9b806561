#pragma once
// The measured blocks a pattern tunes and scores on: a measured file's
// rows decoded and divided by the dataset's hash split, and a seeded
// sample of a large measured file for quick runs.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "surrogate/block/BasicBlock.h"

namespace surrogate::patterns {

/// The measured file's blocks by the dataset's hash split.
struct MeasuredBlocks {
  std::vector<block::BasicBlock> train, validation, test;  ///< decoded, measured > 0
  std::size_t problems = 0;  ///< rows left out (each reported on stderr)

  /// The blocks tables are chosen on: validation, or train when the split has none.
  const std::vector<block::BasicBlock> &selection() const { return validation.empty() ? train : validation; }
};

/// Reads `path`; a row that does not decode or has no positive measurement is reported and left out.
MeasuredBlocks readMeasured(const std::string &path);

/// A seeded sample of `count` of the measured file's rows, in file order,
/// written to `runDir`/measured.csv; returns that path.
std::string sampleMeasured(const std::string &measured, std::size_t count, std::uint64_t seed,
                           const std::filesystem::path &runDir);

} // namespace surrogate::patterns
