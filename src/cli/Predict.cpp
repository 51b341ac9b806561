// `surrogate predict` on the lean engine in the binary, or handed to the LibTorch module's predict;
// `surrogate export`, which writes the lean engine's model file from a run directory.
#include <filesystem>
#include <map>
#include <memory>

#include <spdlog/spdlog.h>

#include "surrogate/cli/BlockInputOptions.h"
#include "surrogate/cli/Commands.h"
#include "surrogate/cli/TorchCommands.h"
#include "surrogate/model/LeanModel.h"
#include "surrogate/model/LeanPredictor.h"
#include "surrogate/support/Errors.h"

namespace surrogate::cli {

namespace {

const std::map<std::string, model::Engine> kEngines = {
    {"auto", model::Engine::Automatic}, {"lean", model::Engine::Lean}, {"torch", model::Engine::Torch}};

// Why the lean engine cannot serve this request, or "" when it can.
std::string leanRefusal(const model::PredictConfig &c) {
  if (!c.paramsFiles.empty() || c.gradient)
    return "--params and --gradient (a parameter-conditioned model) run on LibTorch: use --engine torch";
  if (c.checkpoint != "best.pt")
    return "the model file holds the best checkpoint; another --checkpoint runs on LibTorch: use --engine torch";
  if (!std::filesystem::is_directory(c.runDir))
    return "";  // a model file: only the lean engine reads one
  std::string file = (std::filesystem::path(c.runDir) / model::ModelFile::kFileName).string();
  if (!std::filesystem::exists(file))
    return c.runDir + " has no " + model::ModelFile::kFileName + " (a run of an older build): `surrogate export "
           "--model " + c.runDir + "` writes it, or use --engine torch";
  std::string why;
  return model::LeanModel::runs(model::ModelFile::load(file).config, why) ? "" : file + ": " + why;
}

// The lean engine where it can run (an error if it was asked for and cannot), else LibTorch's.
bool useLeanEngine(const model::PredictConfig &c) {
  if (c.engine == model::Engine::Torch)
    return false;
  std::string refusal = leanRefusal(c);
  if (refusal.empty())
    return true;
  if (c.engine == model::Engine::Lean)
    throw support::ConfigError("--engine lean: " + refusal);
  spdlog::info("predicting with LibTorch: {}", refusal);
  return false;
}

} // namespace

void addPredictCommand(CLI::App &app, ExitStatus &status) {
  auto config = std::make_shared<model::PredictConfig>();
  auto input = std::make_shared<BlockInputOptions>();
  CLI::App *cmd = app.add_subcommand("predict", "predict blocks' throughput with a trained surrogate");
  cmd->add_option("--model", config->runDir, "run directory written by `surrogate train`, or a model file (export)")
      ->required();
  cmd->add_option("--checkpoint", config->checkpoint, "checkpoint file in the run directory")->capture_default_str();
  cmd->add_option("inputs", config->inputs, "BHive CSV (hex[,throughput]) or assembly (.s) files")->required();
  cmd->add_option("-o,--output", config->output, "output CSV, or JSON with --gradient (default: stdout)");
  cmd->add_option("-j,--threads", config->threads, "threads, one model replica each")
      ->capture_default_str()
      ->check(CLI::Range(1u, 256u));
  cmd->add_option("--batch-size", config->batchSize, "blocks per inference batch")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t(1), std::size_t(1) << 20));
  cmd->add_option("--engine", config->engine,
                  "auto: the lean engine (no LibTorch) wherever it runs the model, else LibTorch; lean; torch")
      ->transform(CLI::CheckedTransformer(kEngines))
      ->default_str("auto");
  input->addTo(cmd);
  cmd->add_option("--params", config->paramsFiles,
                  "parameter table (JSON, `params export`) for a conditioned model; several: one column each")
      ->allow_extra_args(false);
  cmd->add_flag("--gradient", config->gradient,
                "write the gradient of the summed predicted cycles w.r.t. each value of the --params table (JSON)");
  cmd->callback([config, input, &status] {
    config->reading = input->reading();
    if (useLeanEngine(*config))
      status.code = model::runLeanPredict(*config).predicted == 0 ? 1 : 0;
    else
      status.code = torchCommands().predict(*config);
  });
}

void addExportCommand(CLI::App &app, ExitStatus &status) {
  auto options = std::make_shared<ExportCommandOptions>();
  CLI::App *cmd = app.add_subcommand(
      "export", "write a run directory's model as one deployable file for the lean engine (docs/model-file.md)");
  cmd->add_option("--model", options->runDir, "run directory written by `surrogate train` or a pattern")->required();
  cmd->add_option("--checkpoint", options->checkpoint, "checkpoint file in the run directory")->capture_default_str();
  cmd->add_option("-o,--output", options->output, "the model file (default: RUN/model.smodel)");
  cmd->callback([options, &status] { status.code = torchCommands().exportModel(*options); });
}

} // namespace surrogate::cli
