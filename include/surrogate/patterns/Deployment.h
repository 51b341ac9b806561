#pragma once
// The deployment comparison shared by compile and adapt: llvm-mca in-process
// and a trained surrogate run on the same held-out blocks, timed on one and
// on all threads in the same process, and scored against measured timings
// and against each other.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/block/BasicBlock.h"

namespace surrogate::patterns {

struct DeploymentComparison {
  std::vector<block::BasicBlock> blocks;  ///< those both could run, with measurements
  std::vector<double> llvmMca, surrogate;
  nlohmann::json summary;  ///< speeds, errors, ratios
};

/// Held-out blocks with measurements: the test split of `datasetDir`, at
/// most `limit` (0: all), in dataset order.
std::vector<block::BasicBlock> heldOutMeasuredBlocks(const std::string &datasetDir, std::size_t limit);

/// llvm-mca runs with the CPU's own parameters, or under `paramsFile` (a
/// `params` table) when one is given.
DeploymentComparison compareWithLlvmMca(const std::string &modelDir, const std::string &cpu,
                                        const std::vector<block::BasicBlock> &blocks, unsigned threads,
                                        const std::string &paramsFile = "");

/// Writes hex,measured,llvm_mca,surrogate.
void writeComparisonCsv(const std::string &path, const DeploymentComparison &comparison);

/// llvm-mca's and the surrogate's cycles against the measured ones (log
/// axes), two panels side by side, each with y = x and its MAPE in its title,
/// as `path` (PNG) beside its data.
void plotAgainstMeasured(const std::string &path, const std::string &title, const std::string &surrogateLabel,
                         const DeploymentComparison &comparison);

/// Trainable parameters of the model in `modelDir` (its config.json).
std::int64_t modelParameterCount(const std::string &modelDir);

} // namespace surrogate::patterns
