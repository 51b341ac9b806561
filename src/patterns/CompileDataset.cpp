// ensureCompileDataset: llvm-mca's examples for compile and the sweep.

#include "surrogate/patterns/CompileDataset.h"

#include <filesystem>

#include <spdlog/spdlog.h>

#include "surrogate/data/DatasetBuilder.h"

namespace surrogate::patterns {

namespace fs = std::filesystem;

std::string ensureCompileDataset(const PatternConfig &config, const std::string &runDir, const std::string &paramsFile) {
  data::DatasetConfig d = datasetSettings(config, (fs::path(runDir) / "dataset").string());
  d.paramsFile = paramsFile;
  if (!config.measured.empty())
    d.measuredFiles = {config.measured};
  spdlog::info("llvm-mca dataset in {} ({} block files{}{})", d.output, d.blockFiles.size(),
               d.measuredFiles.empty() ? "" : " and " + config.measured,
               paramsFile.empty() ? "" : ", under the table " + paramsFile);
  ensureDataset(d);
  return d.output;
}

} // namespace surrogate::patterns
