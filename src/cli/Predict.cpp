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
  std::string file;
  try {
    file = model::modelFileOf(c.runDir);
  } catch (const support::DataError &e) {
    return e.what();
  }
  std::string why;
  return model::LeanModel::runs(model::ModelFile::load(file).config, why) ? "" : file + ": " + why;
}

// The lean engine where it can run (an error if it was asked for and cannot), else LibTorch's.
// A guarded conditioned model (--guard --params) runs on LibTorch; other guarded models on the lean engine.
bool useLeanEngine(const model::PredictConfig &c) {
  if (c.engine == model::Engine::Torch)
    return false;
  std::string refusal = leanRefusal(c);
  if (refusal.empty())
    return true;
  if (c.engine == model::Engine::Lean)
    throw support::ConfigError("--engine lean: " + refusal);
  if (c.guard.enabled && c.paramsFiles.empty())
    throw support::ConfigError("--guard: " + refusal);
  spdlog::info("predicting with LibTorch: {}", refusal);
  return false;
}

void addGuardOptions(CLI::App *cmd, model::GuardOptions &guard) {
  auto *enabled = cmd->add_flag("--guard", guard.enabled,
                                "answer the blocks the surrogate is unsure of with llvm-mca (the model's guard.json, "
                                "docs/uncertainty.md); adds the columns uncertainty and source");
  cmd->add_option("--guard-threshold", guard.threshold,
                  "the uncertainty (P(APE > 20%), 0 to 1) above which llvm-mca answers (default: the calibration's)")
      ->check(CLI::Range(0.0, 1.0))
      ->needs(enabled);
  cmd->add_option("--guard-target-mape", guard.targetMape,
                  "instead, the threshold at which the guarded whole met this MAPE (percent) on validation")
      ->check(CLI::PositiveNumber)
      ->needs(enabled)
      ->excludes("--guard-threshold");
  cmd->add_option("--guard-params", guard.params,
                  "llvm-mca's parameter table for the guarded blocks (JSON; default: the calibration's, or LLVM's)")
      ->check(CLI::ExistingFile)
      ->needs(enabled);
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
  addGuardOptions(cmd, config->guard);
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

void addGuardCommand(CLI::App &app, ExitStatus &status) {
  auto config = std::make_shared<patterns::GuardCalibrateConfig>();
  CLI::App *guard = app.add_subcommand("guard", "the uncertainty of a surrogate's answers (docs/uncertainty.md)");
  guard->require_subcommand(1);
  CLI::App *cmd = guard->add_subcommand(
      "calibrate", "choose and fit a surrogate's uncertainty on validation blocks; write guard.json beside the model");
  cmd->add_option("--model", config->model, "run directory or model file")->required();
  cmd->add_option("inputs", config->inputs, "blocks: BHive CSV (with throughputs for --reference measured) or .s")
      ->required();
  cmd->add_option("--reference", config->reference, "what the errors are against: llvm-mca or measured")
      ->capture_default_str()
      ->check(CLI::IsMember({"llvm-mca", "measured"}));
  cmd->add_option("--split", config->split, "the blocks used: validation (by block hash) or all")
      ->capture_default_str()
      ->check(CLI::IsMember({"validation", "all"}));
  cmd->add_option("--members", config->members, "ensemble members (model files or run directories)");
  cmd->add_option("--mcpu", config->cpu, "CPU of the bounds and of llvm-mca (default: the model's bounds_cpu)");
  cmd->add_option("--guard-params", config->params, "llvm-mca's parameter table (JSON) for the reference and the guard");
  cmd->add_option("--target-mape", config->targetMape, "percent: the stored threshold's target for the guarded whole")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_option("-j,--threads", config->threads, "threads")->capture_default_str()->check(CLI::Range(1u, 256u));
  cmd->add_option("-o,--output", config->output, "the calibration file (default: guard.json beside the model)");
  cmd->callback([config, &status] { status.code = torchCommands().guardCalibrate(*config); });
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
