#include <memory>

#include "surrogate/cli/Commands.h"
#include "surrogate/model/PredictJob.h"

namespace surrogate::cli {

void addPredictCommand(CLI::App &app, ExitStatus &status) {
  auto config = std::make_shared<model::PredictConfig>();
  auto syntax = std::make_shared<std::string>("att");
  auto noMeasured = std::make_shared<bool>(false);
  CLI::App *cmd = app.add_subcommand("predict", "predict blocks' throughput with a trained surrogate");
  cmd->add_option("--model", config->runDir, "run directory written by `surrogate train`")->required();
  cmd->add_option("--checkpoint", config->checkpoint, "checkpoint file in the run directory")->capture_default_str();
  cmd->add_option("inputs", config->inputs, "BHive CSV (hex[,throughput]) or assembly (.s) files")->required();
  cmd->add_option("-o,--output", config->output, "output CSV (default: stdout)");
  cmd->add_option("-j,--threads", config->threads, "threads, one model replica each")
      ->capture_default_str()
      ->check(CLI::Range(1u, 256u));
  cmd->add_option("--batch-size", config->batchSize, "blocks per inference batch")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t(1), std::size_t(1) << 20));
  cmd->add_option("--syntax", *syntax, "syntax of assembly inputs")
      ->capture_default_str()
      ->check(CLI::IsMember({"att", "intel"}));
  cmd->add_flag("--no-measured", *noMeasured, "ignore a CSV's second column (e.g. BHive sources' frequency)");
  cmd->callback([config, syntax, noMeasured, &status] {
    config->syntax = *syntax == "intel" ? block::Syntax::Intel : block::Syntax::ATT;
    config->readMeasured = !*noMeasured;
    model::PredictSummary summary = model::runPredict(*config);
    status.code = summary.predicted == 0 ? 1 : 0;
  });
}

} // namespace surrogate::cli
