#pragma once
// The command-line options every pattern subcommand takes on top of its
// config file (--mcpu, --measured, --blocks, -j), so one recipe runs
// unchanged for another CPU and its timings.

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "surrogate/patterns/PatternConfig.h"

namespace surrogate::cli {

void addPatternOverrides(CLI::App *cmd, patterns::PatternOverrides &overrides);

/// `--check`: make the run fail (exit 3) when a target in its report is not met.
void addCheckFlag(CLI::App *cmd, bool &check);

/// The exit status for `report`: 3 when `check` is set and a target in
/// report["targets"] is false (each one logged), else 0. Targets that do not
/// apply to the run (null) do not count.
int targetStatus(const nlohmann::json &report, bool check);

} // namespace surrogate::cli
