#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "surrogate/cli/Commands.h"
#include "surrogate/mca/ParamSampler.h"
#include "surrogate/mca/LlvmPatchWriter.h"
#include "surrogate/mca/ParamTable.h"
#include "surrogate/mca/TableGenWriter.h"
#include "surrogate/mca/TunedSubtarget.h"
#include "surrogate/support/AtomicFile.h"
#include "surrogate/support/Progress.h"

namespace surrogate::cli {

namespace {

struct ExportConfig {
  std::string cpu = "haswell";
  std::vector<std::string> blocks;
  std::string paramsFile;  // table to write instead of the defaults
  std::string format = "json";
  std::string output;
  std::string modelName;
  std::string llvmSource;  // llvm-patch: the LLVM source tree (holding llvm/)
  bool allOpcodes = false;
};

struct SampleConfig {
  std::string cpu = "haswell";
  std::vector<std::string> blocks;
  std::uint64_t seed = 0;
  std::size_t count = 1;
  double perturbProbability = 1.0;
  std::string outputDir;
};

void writeOutput(const std::string &path, const std::string &text) {
  if (path.empty() || path == "-")
    std::cout << text << std::flush;
  else
    support::writeFileAtomically(path, text);
}

void runExport(const ExportConfig &c, bool cpuGiven) {
  mca::ParamTable table;
  std::string source;
  if (!c.paramsFile.empty()) {
    table = mca::ParamTable::load(c.paramsFile);
    if (cpuGiven && table.cpu != c.cpu)
      throw support::InputError(c.paramsFile + ": cpu: the table is for '" + table.cpu + "' but --mcpu is '" + c.cpu +
                            "'");
    if (!c.blocks.empty())
      throw std::invalid_argument("--blocks selects opcodes of the default table; it cannot be used with --params");
    source = c.paramsFile;
  } else {
    std::vector<std::string> opcodes;
    if (!c.blocks.empty()) {
      opcodes = mca::ParamTable::opcodesUsedBy(c.blocks, c.cpu);
      if (opcodes.empty())
        throw std::invalid_argument("the blocks use no opcode with a tunable scheduling class");
    }
    table = mca::ParamTable::fromModel(c.cpu, opcodes);
    source = "LLVM's " + c.cpu + " model";
  }
  spdlog::info("{}: {} opcode entries, {} parameters", source, table.opcodes.size(), table.parameterCount());
  if (c.format == "td") {
    mca::TableGenOptions options;
    options.modelName = c.modelName;
    options.allOpcodes = c.allOpcodes;
    options.source = source;
    writeOutput(c.output, mca::writeTableGen(table, options));
    return;
  }
  if (c.format == "llvm-patch") {
    if (c.llvmSource.empty())
      throw std::invalid_argument("--format llvm-patch needs --llvm-src (the directory holding llvm/; tools/llvm-sources.sh)");
    mca::LlvmPatch patch = mca::writeLlvmPatch(table, {c.llvmSource, c.modelName, source});
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

void runSample(const SampleConfig &c) {
  std::vector<std::string> opcodes;
  if (!c.blocks.empty()) {
    opcodes = mca::ParamTable::opcodesUsedBy(c.blocks, c.cpu);
    if (opcodes.empty())
      throw std::invalid_argument("the blocks use no opcode with a tunable scheduling class");
  }
  mca::ParamTable defaults = mca::ParamTable::fromModel(c.cpu, opcodes);
  mca::SamplingRanges ranges;
  ranges.perturbProbability = c.perturbProbability;
  mca::ParamSampler sampler(defaults, c.seed, ranges);
  // Fail before writing anything if the tables cannot be applied.
  mca::TunedSubtarget::create(sampler.sample(0), "sample 0");

  std::filesystem::create_directories(c.outputDir);
  nlohmann::json manifest = {{"cpu", c.cpu},
                             {"llvm_version", mca::llvmVersionString()},
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
    std::ifstream in(manifestPath);
    nlohmann::json old = nlohmann::json::parse(in, nullptr, false);
    nlohmann::json oldRecipe = old, newRecipe = manifest;
    if (!old.is_discarded()) {
      oldRecipe.erase("count");
      newRecipe.erase("count");
    }
    if (old.is_discarded() || oldRecipe != newRecipe)
      throw std::invalid_argument(manifestPath + ": the directory holds tables from another recipe (cpu, seed, "
                                                 "blocks or ranges differ); choose another -o");
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

} // namespace

void addParamsCommand(CLI::App &app, ExitStatus &status) {
  CLI::App *params = app.add_subcommand("params", "llvm-mca scheduling parameter tables: export, diff, sample");
  params->require_subcommand(1);

  auto exp = std::make_shared<ExportConfig>();
  CLI::App *exportCmd = params->add_subcommand(
      "export", "write a CPU's built-in parameters (or a table, --params) as JSON or LLVM TableGen");
  CLI::Option *mcpu = exportCmd->add_option("--mcpu", exp->cpu, "CPU")->capture_default_str();
  exportCmd->add_option("--blocks", exp->blocks, "only the opcodes these blocks use (BHive CSV or .s files)");
  exportCmd->add_option("--params", exp->paramsFile, "write this table instead of the defaults (e.g. --format td)");
  exportCmd->add_option("--format", exp->format, "json, td (TableGen) or llvm-patch (a diff of LLVM's X86Sched*.td)")
      ->capture_default_str()
      ->check(CLI::IsMember({"json", "td", "llvm-patch"}));
  exportCmd->add_option("--llvm-src", exp->llvmSource, "llvm-patch: LLVM 19.1.7 source tree (the directory holding llvm/)");
  exportCmd->add_option("--model-name", exp->modelName, "TableGen SchedMachineModel name (default: from the CPU)");
  exportCmd->add_flag("--all", exp->allOpcodes, "td: every opcode, not only those that differ from LLVM's");
  exportCmd->add_option("-o,--output", exp->output, "output file (default: stdout)");
  exportCmd->callback([exp, mcpu, &status] {
    runExport(*exp, mcpu->count() > 0);
    status.code = 0;
  });

  auto files = std::make_shared<std::vector<std::string>>();
  CLI::App *diffCmd = params->add_subcommand("diff", "list what differs between two tables");
  diffCmd->add_option("tables", *files, "A.json B.json")->required()->expected(2);
  diffCmd->callback([files, &status] {
    mca::ParamTable a = mca::ParamTable::load((*files)[0]);
    mca::ParamTable b = mca::ParamTable::load((*files)[1]);
    std::string diff = mca::diffTables(a, b);
    std::cout << diff;
    std::size_t lines = std::count(diff.begin(), diff.end(), '\n');
    spdlog::info("{} difference(s)", lines);
    status.code = 0;
  });

  auto sample = std::make_shared<SampleConfig>();
  CLI::App *sampleCmd =
      params->add_subcommand("sample", "write N random tables (seeded) for training a surrogate over the parameters");
  sampleCmd->add_option("--mcpu", sample->cpu, "CPU")->capture_default_str();
  sampleCmd->add_option("--seed", sample->seed, "random seed")->required();
  sampleCmd->add_option("-n,--count", sample->count, "number of tables")->required()->check(CLI::PositiveNumber);
  sampleCmd->add_option("--perturb-probability", sample->perturbProbability,
                        "chance each value is redrawn, else LLVM's default (1: DiffTune's uniform tables)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  sampleCmd->add_option("--blocks", sample->blocks, "only the opcodes these blocks use (BHive CSV or .s files)");
  sampleCmd->add_option("-o,--output", sample->outputDir, "output directory")->required();
  sampleCmd->callback([sample, &status] {
    runSample(*sample);
    status.code = 0;
  });
}

} // namespace surrogate::cli
