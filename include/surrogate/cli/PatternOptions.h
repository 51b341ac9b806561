#pragma once
// The command-line options every pattern subcommand takes on top of its
// config file (--mcpu, --measured, --blocks, -j), so one recipe runs
// unchanged for another CPU and its timings.

#include <functional>
#include <memory>
#include <string>
#include <utility>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "surrogate/patterns/PatternConfig.h"

namespace surrogate::cli {

/// What every pattern subcommand parses: --config, -o, --resume, the
/// overrides (--mcpu, --measured, --blocks, -j) and --check (exit 3 when a
/// target in the report is not met).
struct PatternCommandOptions {
  std::string config, runDir;
  bool resume = false, check = false;
  patterns::PatternOverrides overrides;

  /// The job: the config file with the overrides applied (on --resume it
  /// must match the run's). Defined in the LibTorch module (cli/TorchCommands.h).
  patterns::PatternJob job() const;
};

/// Declares subcommand `name` with those options; the caller adds its own
/// options and the callback.
std::pair<CLI::App *, std::shared_ptr<PatternCommandOptions>>
addPatternCommand(CLI::App &app, const std::string &name, const std::string &description);

/// (In the LibTorch module.) Runs a pattern in this process or, under a torchrun launch of several
/// ranks, as rank 0 (which runs the pattern and hands each training step to
/// the others through the handover it passes to `runPattern`; nullptr when
/// alone) or as another rank (which only trains those steps). Rank 0
/// (or the one process) prints `summary(report)` on stdout; the exit status
/// is 3 when `check` is set and a target in report["targets"] is false (each
/// one logged), else 0. Targets that do not apply to the run (null) do not count.
int runPatternCommand(const std::function<nlohmann::json(model::StepHandover *)> &runPattern,
                      const std::function<nlohmann::json(const nlohmann::json &)> &summary, bool check);

} // namespace surrogate::cli
