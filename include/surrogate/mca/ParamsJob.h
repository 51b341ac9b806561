#pragma once
// `surrogate params export | diff | sample`: parameter tables written from
// LLVM's model or from a table file, compared, or sampled at random into a
// directory that a run with the same recipe may resume.

#include <cstdint>
#include <string>
#include <vector>

namespace surrogate::mca {

struct ParamsExportConfig {
  std::string cpu = "haswell";
  bool cpuGiven = false;            ///< --mcpu was set: a --params table must be for it
  std::vector<std::string> blocks;  ///< only the keys these blocks use
  std::string paramsFile;           ///< table to write instead of the defaults
  std::string format = "json";      ///< json | td | llvm-patch
  std::string llvmSource;           ///< llvm-patch: the LLVM source tree (holding llvm/)
  std::string output;               ///< empty or "-": stdout
  std::string modelName;            ///< td: SchedMachineModel name
  bool allOpcodes = false;          ///< td: every opcode, not only changed ones
};

struct ParamsSampleConfig {
  std::string cpu = "haswell";
  std::vector<std::string> blocks;
  std::uint64_t seed = 0;
  std::size_t count = 1;
  double perturbProbability = 1.0;
  std::string outputDir;
};

void runParamsExport(const ParamsExportConfig &config);

/// The differences of two table files, one per line (diffTables).
std::string runParamsDiff(const std::string &first, const std::string &second);

/// Writes sample-NNNNNN.json and sampling.json (the recipe); tables already
/// there are kept. A directory holding another recipe is a DataError.
void runParamsSample(const ParamsSampleConfig &config);

} // namespace surrogate::mca
