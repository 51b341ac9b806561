// runParamsExport, runParamsDiff and runParamsSample: the `surrogate params` subcommands.
#include "surrogate/mca/ParamsJob.h"

#include <filesystem>
#include <iostream>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "surrogate/mca/ParamSampler.h"
#include "surrogate/mca/ParamTable.h"
#include "surrogate/mca/LlvmPatchWriter.h"
#include "surrogate/mca/TableGenWriter.h"
#include "surrogate/mca/TunedSubtarget.h"
#include "surrogate/support/AtomicFile.h"
#include "surrogate/support/ConfigReader.h"
#include "surrogate/support/Progress.h"

namespace surrogate::mca {

namespace {

// stdout for an empty path or "-", else the file, written atomically.
void writeOutput(const std::string &path, const std::string &text) {
  support::ResultOutput out(path);
  out.stream() << text;
  out.commit();
}

} // namespace

void runParamsExport(const ParamsExportConfig &c) {
  ParamTable table;
  std::string source;
  if (!c.paramsFile.empty()) {
    table = ParamTable::load(c.paramsFile);
    if (c.cpuGiven && table.cpu != c.cpu)
      throw support::InputError(c.paramsFile + ": cpu: the table is for '" + table.cpu + "' but --mcpu is '" + c.cpu +
                            "'");
    if (!c.blocks.empty())
      throw support::ConfigError("--blocks selects opcodes of the default table; it cannot be used with --params");
    source = c.paramsFile;
  } else {
    table = ParamTable::fromModel(c.cpu, ParamTable::tableKeysFor(c.blocks, c.cpu));
    source = "LLVM's " + c.cpu + " model";
  }
  spdlog::info("{}: {} opcode entries, {} parameters", source, table.opcodes.size(), table.parameterCount());
  if (c.format == "td") {
    TableGenOptions options;
    options.modelName = c.modelName;
    options.allOpcodes = c.allOpcodes;
    options.source = source;
    writeOutput(c.output, writeTableGen(table, options));
    return;
  }
  if (c.format == "llvm-patch") {
    if (c.llvmSource.empty())
      throw support::ConfigError("--format llvm-patch needs --llvm-src (the directory holding llvm/; tools/llvm-sources.sh)");
    LlvmPatch patch = writeLlvmPatch(table, {c.llvmSource, c.modelName, source});
    spdlog::info("{}: {} opcodes, {} variant opcodes ({} resolutions){}", patch.file, patch.opcodes,
                 patch.variantOpcodes, patch.resolutions, patch.diff.empty() ? "; the table is LLVM's, empty patch" : "");
    writeOutput(c.output, patch.diff);
    return;
  }
  if (c.output.empty() || c.output == "-")
    std::cout << table.toJson().dump(1) << "\n";
  else
    table.save(c.output);
}

std::string runParamsDiff(const std::string &first, const std::string &second) {
  return diffTables(ParamTable::load(first), ParamTable::load(second));
}

void runParamsSample(const ParamsSampleConfig &c) {
  ParamTable defaults = ParamTable::fromModel(c.cpu, ParamTable::tableKeysFor(c.blocks, c.cpu));
  SamplingRanges ranges;
  ranges.perturbProbability = c.perturbProbability;
  ParamSampler sampler(defaults, c.seed, ranges);
  // Fail before writing anything if the tables cannot be applied.
  TunedSubtarget::create(sampler.sample(0), "sample 0");

  std::filesystem::create_directories(c.outputDir);
  nlohmann::json manifest = {{"cpu", c.cpu},
                             {"llvm_version", llvmVersionString()},
                             {"seed", c.seed},
                             {"count", c.count},
                             {"opcodes", defaults.opcodes.size()},
                             {"parameters_per_table", defaults.parameterCount()},
                             {"blocks", c.blocks},
                             {"distribution", "independent uniform integers in [min, max]"},
                             {"ranges", sampler.ranges().toJson()},
                             {"files", "sample-NNNNNN.json"}};
  std::string manifestPath = (std::filesystem::path(c.outputDir) / "sampling.json").string();
  if (std::filesystem::exists(manifestPath)) {
    // Resuming: only the same recipe may add to a directory.
    nlohmann::json oldRecipe = support::readJsonFile(manifestPath), newRecipe = manifest;
    if (oldRecipe.is_object())
      oldRecipe.erase("count");
    newRecipe.erase("count");
    if (oldRecipe != newRecipe)
      throw support::DataError(manifestPath, "the directory holds tables from another recipe (cpu, seed, blocks or "
                                             "ranges differ); choose another -o");
  }
  support::writeFileAtomically(manifestPath, manifest.dump(2) + "\n");

  support::Progress progress("sampling tables");
  std::size_t written = 0, kept = 0;
  for (std::size_t i = 0; i < c.count; ++i) {
    std::string path = (std::filesystem::path(c.outputDir) / fmt::format("sample-{:06d}.json", i)).string();
    if (std::filesystem::exists(path)) {
      ++kept;  // same seed and index give the same table
    } else {
      sampler.sample(i).save(path);
      ++written;
    }
    progress.update(i + 1);
  }
  spdlog::info("{} tables of {} parameters in {} ({} written, {} already there)", c.count,
               defaults.parameterCount(), c.outputDir, written, kept);
}

} // namespace surrogate::mca
