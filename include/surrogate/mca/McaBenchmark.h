#pragma once
// `surrogate bench mca`: blocks per second of the in-process simulator on
// one and several threads, beside the way users run llvm-mca today (one
// llvm-mca-19 process per block on its assembly text), measured in one run.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace surrogate::mca {

struct McaBenchConfig {
  std::vector<std::string> inputs;
  std::string cpu = "haswell";
  unsigned iterations = 100;
  std::vector<unsigned> threads = {1, 2};
  std::size_t limit = 5000;        ///< blocks taken from the inputs
  std::size_t spawnSample = 40;    ///< blocks run through the llvm-mca-19 binary
  std::string llvmMca;             ///< empty: look it up on PATH
  std::string paramsFile;          ///< also time the simulator with this parameter table
  unsigned rounds = 1;             ///< in-process timings: best of this many
};

/// Runs the benchmark; the JSON holds blocks/s for each way and the ratios.
nlohmann::json runMcaBenchmark(const McaBenchConfig &config);

/// A short table of the JSON above, for people.
std::string formatMcaBenchmark(const nlohmann::json &result);

} // namespace surrogate::mca
