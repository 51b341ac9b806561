#include "surrogate/cli/PatternOptions.h"

#include <filesystem>
#include <iostream>
#include <optional>

#include <spdlog/spdlog.h>

#include "surrogate/model/DataParallel.h"
#include "surrogate/model/Trainer.h"

namespace surrogate::cli {

namespace {

void addPatternOverrides(CLI::App *cmd, patterns::PatternOverrides &overrides) {
  cmd->add_option_function<std::string>("--mcpu", [&overrides](const std::string &v) { overrides.cpu = v; },
                                        "CPU (overrides the config's cpu)");
  cmd->add_option_function<std::string>("--measured", [&overrides](const std::string &v) { overrides.measured = v; },
                                        "hex,throughput file of measured timings (overrides the config)");
  cmd->add_option_function<std::vector<std::string>>(
      "--blocks", [&overrides](const std::vector<std::string> &v) { overrides.blocks = v; },
      "block files (overrides the config's blocks)");
  cmd->add_option_function<std::vector<std::string>>(
      "--exclude-blocks", [&overrides](const std::vector<std::string> &v) { overrides.excludeBlocks = v; },
      "files of blocks left out of training and validation, e.g. BHive's may-alias.csv (overrides "
      "training.exclude_blocks; the test split is scored whole)");
  cmd->add_option_function<unsigned>("-j,--threads", [&overrides](unsigned v) { overrides.threads = v; },
                                     "threads (overrides the config)");
}

void addCheckFlag(CLI::App *cmd, bool &check) {
  cmd->add_flag("--check", check, "exit with status 3 when a target in the report is not met (for CI)");
}

} // namespace

patterns::PatternJob PatternCommandOptions::job() const {
  patterns::PatternJob job;
  if (!resume) {
    job.config = patterns::PatternConfig::load(config);
    overrides.applyTo(job.config);
  }
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

std::pair<CLI::App *, std::shared_ptr<PatternCommandOptions>>
addPatternCommand(CLI::App &app, const std::string &name, const std::string &description) {
  auto o = std::make_shared<PatternCommandOptions>();
  CLI::App *cmd = app.add_subcommand(name, description);
  cmd->add_option("--config", o->config, "pattern config, e.g. configs/" + name + ".quick.json")->required();
  cmd->add_option("-o,--output", o->runDir, "run directory")->required();
  cmd->add_flag("--resume", o->resume, "continue the run in the output directory");
  addPatternOverrides(cmd, o->overrides);
  addCheckFlag(cmd, o->check);
  return {cmd, o};
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
std::optional<nlohmann::json> runOnRanks(const std::function<nlohmann::json()> &runPattern) {
  std::optional<model::LaunchEnvironment> launch = model::LaunchEnvironment::fromEnvironment();
  if (!launch || launch->worldSize == 1)
    return runPattern();
  if (launch->rank != 0) {
    model::followTrainingSteps();
    return std::nullopt;
  }
  model::DataParallelGroup::leadTrainingSteps();
  try {
    nlohmann::json report = runPattern();
    model::DataParallelGroup::finishTrainingSteps();
    return report;
  } catch (...) {
    model::DataParallelGroup::finishTrainingSteps();
    throw;
  }
}

} // namespace

int runPatternCommand(const std::function<nlohmann::json()> &runPattern,
                      const std::function<nlohmann::json(const nlohmann::json &)> &summary, bool check) {
  std::optional<nlohmann::json> report = runOnRanks(runPattern);
  if (!report)
    return 0;
  std::cout << summary(*report).dump(2) << '\n';
  return targetStatus(*report, check);
}

} // namespace surrogate::cli
