// `surrogate simulate`: its options into a SimulateConfig, then mca::runSimulate.
#include <memory>

#include "surrogate/cli/BlockInputOptions.h"
#include "surrogate/cli/Commands.h"
#include "surrogate/mca/SimulateJob.h"

namespace surrogate::cli {

void addSimulateCommand(CLI::App &app, ExitStatus &status) {
  auto config = std::make_shared<mca::SimulateConfig>();
  auto input = std::make_shared<BlockInputOptions>();
  CLI::App *cmd = app.add_subcommand("simulate", "run llvm-mca (in-process) on basic blocks");
  cmd->add_option("inputs", config->inputs, "BHive CSV (hex[,throughput]) or assembly (.s) files")
      ->required();
  CLI::Option *mcpu =
      cmd->add_option("--mcpu", config->cpu, "CPU whose scheduling model to use")->capture_default_str();
  cmd->add_option("--params", config->paramsFile,
                  "parameter table (JSON, see `params export`) to simulate with instead of LLVM's values");
  cmd->add_option("--iterations", config->iterations, "iterations of each block (0: llvm-mca's default, 100)")
      ->capture_default_str()
      ->check(CLI::Range(0u, 100000u));
  cmd->add_option("-j,--threads", config->threads, "worker threads (0: all cores)")->capture_default_str();
  cmd->add_option("--format", config->format, "output format")
      ->capture_default_str()
      ->check(CLI::IsMember({"csv", "jsonl"}));
  cmd->add_option("-o,--output", config->output, "output file (default: stdout)");
  cmd->add_flag("--strict", config->strict, "stop at the first row that cannot be simulated");
  input->addTo(cmd);
  cmd->callback([config, input, mcpu, &status] {
    if (!config->paramsFile.empty() && mcpu->count() == 0)
      config->cpu.clear();  // the table names its CPU
    config->reading = input->reading();
    mca::BatchSummary summary = mca::runSimulate(*config);
    status.code = summary.simulated == 0 ? 1 : 0;
  });
}

} // namespace surrogate::cli
