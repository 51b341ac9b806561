// `surrogate predict`: its options into a PredictConfig, handed to the LibTorch module's predict.
#include <memory>

#include "surrogate/cli/BlockInputOptions.h"
#include "surrogate/cli/Commands.h"
#include "surrogate/cli/TorchCommands.h"

namespace surrogate::cli {

void addPredictCommand(CLI::App &app, ExitStatus &status) {
  auto config = std::make_shared<model::PredictConfig>();
  auto input = std::make_shared<BlockInputOptions>();
  CLI::App *cmd = app.add_subcommand("predict", "predict blocks' throughput with a trained surrogate");
  cmd->add_option("--model", config->runDir, "run directory written by `surrogate train`")->required();
  cmd->add_option("--checkpoint", config->checkpoint, "checkpoint file in the run directory")->capture_default_str();
  cmd->add_option("inputs", config->inputs, "BHive CSV (hex[,throughput]) or assembly (.s) files")->required();
  cmd->add_option("-o,--output", config->output, "output CSV, or JSON with --gradient (default: stdout)");
  cmd->add_option("-j,--threads", config->threads, "threads, one model replica each")
      ->capture_default_str()
      ->check(CLI::Range(1u, 256u));
  cmd->add_option("--batch-size", config->batchSize, "blocks per inference batch")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t(1), std::size_t(1) << 20));
  input->addTo(cmd);
  cmd->add_option("--params", config->paramsFiles,
                  "parameter table (JSON, `params export`) for a conditioned model; several: one column each")
      ->allow_extra_args(false);
  cmd->add_flag("--gradient", config->gradient,
                "write the gradient of the summed predicted cycles w.r.t. each value of the --params table (JSON)");
  cmd->callback([config, input, &status] {
    config->reading = input->reading();
    status.code = torchCommands().predict(*config);
  });
}

} // namespace surrogate::cli
