// The module's side of cli/TorchCommands.h: what each command that runs the
// network does once the binary has parsed its options.

#include <iostream>

#include <spdlog/spdlog.h>

#include "surrogate/cli/TorchCommands.h"
#include "surrogate/model/DataParallel.h"
#include "surrogate/model/ModelExport.h"
#include "surrogate/patterns/Adapt.h"
#include "surrogate/patterns/Compile.h"
#include "surrogate/patterns/Optimize.h"
#include "surrogate/patterns/Sweep.h"

namespace surrogate::cli {

namespace {

int train(const TrainCommandOptions &options) {
  model::TrainJob job = options.job;
  if (!job.resume && !options.configFile.empty())
    model::readTrainConfigFile(options.configFile, job.model, job.training);
  if (options.seed)
    job.training.seed = *options.seed;
  if (options.excludeBlocks)
    job.training.excludeBlocks = *options.excludeBlocks;
  if (options.excludeWeight)
    job.training.excludeWeight = *options.excludeWeight;
  nlohmann::json report = model::runTraining(job);
  if (model::LaunchEnvironment::isWriterProcess())  // one copy of the result under torchrun
    std::cout << report.dump(2) << "\n";
  return 0;
}

int predict(const model::PredictConfig &config) { return model::runPredict(config).predicted == 0 ? 1 : 0; }

int exportModel(const ExportCommandOptions &o) {
  std::string path = model::writeModelFile(o.runDir, o.checkpoint, o.output);
  spdlog::info("wrote {} ({} of {})", path, o.checkpoint, o.runDir);
  return 0;
}

int guardCalibrate(const patterns::GuardCalibrateConfig &config) {
  std::cout << patterns::runGuardCalibration(config).dump(2) << "\n";
  return 0;
}

int benchSurrogate(const model::SurrogateBenchConfig &config, bool json) {
  nlohmann::json result = model::runSurrogateBenchmark(config);
  std::cout << (json ? result.dump(2) + "\n" : model::formatSurrogateBenchmark(result));
  return 0;
}

int compile(const PatternCommandOptions &o, const std::string &params) {
  return runPatternCommand(
      [&](model::StepHandover *handover) {
        patterns::CompileJob job = o.job();
        job.handover = handover;
        if (!params.empty()) job.config.pattern["params"] = params;
        return patterns::runCompile(job);
      },
      [](const nlohmann::json &r) { return r["deployment"]; }, o.check);
}

int adapt(const PatternCommandOptions &o, const std::string &from) {
  patterns::AdaptJob job{o.job(), from};
  return runPatternCommand(
      [&](model::StepHandover *handover) {
        job.handover = handover;
        return patterns::runAdapt(job);
      },
                           [](const nlohmann::json &r) { return r["learning_curve"]; }, o.check);
}

int optimize(const PatternCommandOptions &o) {
  return runPatternCommand(
      [&](model::StepHandover *handover) {
        patterns::OptimizeJob job = o.job();
        job.handover = handover;
        return patterns::runOptimize(job);
      },
      [](const nlohmann::json &r) { return nlohmann::json{{"test", r["test"]}, {"targets", r["targets"]}}; }, o.check);
}

int sweep(const PatternCommandOptions &o) {
  return runPatternCommand(
      [&](model::StepHandover *handover) {
        patterns::SweepJob job = o.job();
        job.handover = handover;
        return patterns::runSweep(job);
      },
                           [](const nlohmann::json &r) { return r["picked"]; }, o.check);
}

const TorchCommands kCommands = {TorchCommands::kVersion, sizeof(TorchCommands), train, predict, exportModel, guardCalibrate, benchSurrogate,
                                 compile, adapt, optimize, sweep};

} // namespace

} // namespace surrogate::cli

extern "C" const surrogate::cli::TorchCommands *surrogate_torch_commands() { return &surrogate::cli::kCommands; }
