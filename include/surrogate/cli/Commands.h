#pragma once
// One function per subcommand: it declares the subcommand's options on the
// app, parsing them into a plain config struct, and sets a callback that
// hands the config to the layer that does the work.

#include <CLI/CLI.hpp>

namespace surrogate::cli {

/// Where a subcommand's callback leaves the process exit status.
struct ExitStatus {
  int code = 0;
};

void addSimulateCommand(CLI::App &app, ExitStatus &status);
void addAnalyzeCommand(CLI::App &app, ExitStatus &status);
void addEvalCommand(CLI::App &app, ExitStatus &status);
void addCompileCommand(CLI::App &app, ExitStatus &status);
void addAdaptCommand(CLI::App &app, ExitStatus &status);
void addOptimizeCommand(CLI::App &app, ExitStatus &status);
void addBenchCommand(CLI::App &app, ExitStatus &status);
void addTrainCommand(CLI::App &app, ExitStatus &status);
void addPredictCommand(CLI::App &app, ExitStatus &status);
void addExportCommand(CLI::App &app, ExitStatus &status);
void addGuardCommand(CLI::App &app, ExitStatus &status);
void addBenchSurrogateCommand(CLI::App &app, ExitStatus &status);  ///< after addBenchCommand
void addParamsCommand(CLI::App &app, ExitStatus &status);
void addDatasetCommand(CLI::App &app, ExitStatus &status);
void addSynthCommand(CLI::App &app, ExitStatus &status);
void addSweepCommand(CLI::App &app, ExitStatus &status);

/// Parses argv, runs the chosen subcommand, and returns the exit status;
/// any error is printed as `surrogate: error: WHAT` on stderr, status 1.
int run(int argc, char **argv);

} // namespace surrogate::cli
