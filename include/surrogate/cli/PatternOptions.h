#pragma once
// The command-line options every pattern subcommand takes on top of its
// config file (--mcpu, --measured, --blocks, -j), so one recipe runs
// unchanged for another CPU and its timings.

#include <CLI/CLI.hpp>

#include "surrogate/patterns/PatternConfig.h"

namespace surrogate::cli {

void addPatternOverrides(CLI::App *cmd, patterns::PatternOverrides &overrides);

} // namespace surrogate::cli
