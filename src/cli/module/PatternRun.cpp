// The pattern commands' run side (cli/PatternOptions.h), in the LibTorch
// module: the job from the options, and the run on one process or on
// torchrun's ranks.

#include "surrogate/cli/PatternOptions.h"

#include <filesystem>
#include <iostream>
#include <optional>

#include <spdlog/spdlog.h>

#include "surrogate/model/DataParallel.h"
#include "surrogate/model/Trainer.h"

namespace surrogate::cli {

patterns::PatternJob PatternCommandOptions::job() const {
  patterns::PatternJob job;
  job.config = patterns::PatternConfig::load(config);  // on --resume, checked against the run's own
  overrides.applyTo(job.config);
  job.runDir = runDir;
  job.resume = resume;
  std::optional<model::LaunchEnvironment> launch = model::LaunchEnvironment::fromEnvironment();
  if (launch && launch->restartCount > 0 && !resume && std::filesystem::exists(std::filesystem::path(runDir) / "pattern.json")) {
    // torchrun started the group again after a failure: continue the run.
    spdlog::info("restart {} of the launch: resuming {}", launch->restartCount, runDir);
    job.resume = true;
  }
  return job;
}

namespace {

int targetStatus(const nlohmann::json &report, bool check) {
  if (!check || !report.contains("targets"))
    return 0;
  int status = 0;
  for (const auto &[name, met] : report["targets"].items())
    if (met.is_boolean() && !met.get<bool>()) {
      spdlog::error("target not met: {}", name);
      status = 3;
    }
  return status;
}

// The report, or nullopt on a rank other than 0 (it trained the steps rank 0 handed over).
std::optional<nlohmann::json> runOnRanks(const std::function<nlohmann::json(model::StepHandover *)> &runPattern) {
  std::optional<model::LaunchEnvironment> launch = model::LaunchEnvironment::fromEnvironment();
  if (!launch || launch->worldSize == 1)
    return runPattern(nullptr);
  if (launch->rank != 0) {
    model::followTrainingSteps();
    return std::nullopt;
  }
  model::StepHandover handover;
  try {
    nlohmann::json report = runPattern(&handover);
    handover.finish();
    return report;
  } catch (...) {
    handover.finish();
    throw;
  }
}

} // namespace

int runPatternCommand(const std::function<nlohmann::json(model::StepHandover *)> &runPattern,
                      const std::function<nlohmann::json(const nlohmann::json &)> &summary, bool check) {
  std::optional<nlohmann::json> report = runOnRanks(runPattern);
  if (!report)
    return 0;
  std::cout << summary(*report).dump(2) << '\n';
  return targetStatus(*report, check);
}

} // namespace surrogate::cli
