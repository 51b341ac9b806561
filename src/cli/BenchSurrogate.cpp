// `surrogate bench surrogate`: its options, handed to the LibTorch module's benchSurrogate.
#include <memory>

#include "surrogate/cli/Commands.h"
#include "surrogate/cli/TorchCommands.h"

namespace surrogate::cli {

void addBenchSurrogateCommand(CLI::App &app, ExitStatus &status) {
  CLI::App *bench = app.get_subcommand("bench");
  auto config = std::make_shared<model::SurrogateBenchConfig>();
  config->mca.spawnSample = 0;
  auto format = std::make_shared<std::string>("text");
  CLI::App *cmd = bench->add_subcommand("surrogate", "blocks/s of surrogate inference (both engines, batch 1 and batched) vs in-process llvm-mca");
  cmd->add_option("--model", config->runDir, "run directory written by `surrogate train`")->required();
  cmd->add_option("--checkpoint", config->checkpoint, "checkpoint file in the run directory")->capture_default_str();
  cmd->add_option("inputs", config->mca.inputs, "BHive CSV or assembly files")->required();
  cmd->add_option("--mcpu", config->mca.cpu, "CPU for llvm-mca")->capture_default_str();
  cmd->add_option("-n,--blocks", config->mca.limit, "blocks to time")->capture_default_str();
  cmd->add_option("--threads", config->mca.threads, "thread counts to time")->capture_default_str()->delimiter(',');
  cmd->add_option("--batch-size", config->batchSize, "blocks per batch of the batched rows (the others: 1)")
      ->capture_default_str();
  cmd->add_option("--engines", config->engines,
                  "engines to time: lean (no LibTorch), torch (default: both; torch alone with --params)")
      ->delimiter(',');
  cmd->add_flag("--guard", config->guard,
                "also time the guarded lean engine (predict --guard at the model's calibrated threshold)");
  cmd->add_option("--spawn-sample", config->mca.spawnSample, "blocks also run through llvm-mca-19 processes (0: skip)")
      ->capture_default_str();
  cmd->add_option("--params", config->mca.paramsFile,
                  "a conditioned model: time it and llvm-mca under this parameter table (JSON)");
  cmd->add_option("--format", *format, "text or json")->capture_default_str()->check(CLI::IsMember({"text", "json"}));
  cmd->callback([config, format, &status] {
    status.code = torchCommands().benchSurrogate(*config, *format == "json");
  });
}

} // namespace surrogate::cli
