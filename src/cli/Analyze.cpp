// `surrogate analyze`: its options into an AnalyzeConfig, then mca::runAnalyze.
#include <memory>

#include "surrogate/cli/BlockInputOptions.h"
#include "surrogate/cli/Commands.h"
#include "surrogate/mca/AnalyzeJob.h"

namespace surrogate::cli {

void addAnalyzeCommand(CLI::App &app, ExitStatus &status) {
  auto config = std::make_shared<mca::AnalyzeConfig>();
  auto input = std::make_shared<BlockInputOptions>();
  CLI::App *cmd = app.add_subcommand(
      "analyze", "bounds on a block's cycles per iteration from the scheduling model (resources, dependencies)");
  cmd->add_option("inputs", config->inputs, "BHive CSV (hex[,throughput]) or assembly (.s) files")->required();
  CLI::Option *mcpu =
      cmd->add_option("--mcpu", config->cpu, "CPU whose scheduling model to use")->capture_default_str();
  cmd->add_option("--params", config->paramsFile,
                  "parameter table (JSON, see `params export`) to analyze under instead of LLVM's values");
  cmd->add_option("--format", config->format, "output format")
      ->capture_default_str()
      ->check(CLI::IsMember({"csv", "jsonl"}));
  cmd->add_option("-o,--output", config->output, "output file (default: stdout)");
  cmd->add_flag("--with-mca", config->withMca,
                "also run llvm-mca (in-process, 100 iterations): its cycles per iteration and their excess over "
                "the larger bound");
  cmd->add_option("-j,--threads", config->threads, "worker threads for --with-mca's llvm-mca runs (0: all cores)")
      ->capture_default_str();
  cmd->add_flag("--strict", config->strict, "stop at the first row that cannot be analyzed");
  input->addTo(cmd);
  cmd->callback([config, input, mcpu, &status] {
    if (!config->paramsFile.empty() && mcpu->count() == 0)
      config->cpu.clear();  // the table names its CPU
    config->reading = input->reading();
    mca::AnalyzeSummary summary = mca::runAnalyze(*config);
    status.code = summary.analyzed == 0 ? 1 : 0;
  });
}

} // namespace surrogate::cli
