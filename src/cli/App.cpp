// cli::run: the logger on stderr, the global options, every subcommand, and the one top-level error handler.
#include <cstdio>
#include <exception>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "surrogate/cli/Commands.h"
#include "surrogate/support/AtomicFile.h"
#include "surrogate/support/Progress.h"

namespace surrogate::cli {

int run(int argc, char **argv) {
  // Logs go to stderr so stdout stays clean for results.
  auto logger = spdlog::stderr_color_mt("surrogate");
  logger->set_pattern("%^[%l]%$ %v");
  spdlog::set_default_logger(logger);

  CLI::App app{"surrogate: neural surrogates of llvm-mca"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "surrogate 0.1.0 (LLVM 19, LibTorch 1.13)");
  std::string logLevel = "info";
  app.add_option("--log-level", logLevel, "trace, debug, info, warn, error, off")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}));
  bool progress = false, noProgress = false;
  app.add_flag("--progress", progress, "show progress even when stderr is not a terminal");
  app.add_flag("--no-progress", noProgress, "never show progress");
  app.parse_complete_callback([&] {
    spdlog::set_level(spdlog::level::from_str(logLevel));
    if (progress) support::Progress::setEnabled(true);
    if (noProgress) support::Progress::setEnabled(false);
  });

  ExitStatus status;
  addSimulateCommand(app, status);
  addAnalyzeCommand(app, status);
  addEvalCommand(app, status);
  addCompileCommand(app, status);
  addAdaptCommand(app, status);
  addOptimizeCommand(app, status);
  addBenchCommand(app, status);
  addTrainCommand(app, status);
  addPredictCommand(app, status);
  addExportCommand(app, status);
  addGuardCommand(app, status);
  addBenchSurrogateCommand(app, status);
  addParamsCommand(app, status);
  addDatasetCommand(app, status);
  addSynthCommand(app, status);
  addSweepCommand(app, status);

  try {
    app.parse(argc, argv);
    support::checkStdout();  // results printed to a full disk or a closed pipe are an error too
  } catch (const CLI::ParseError &e) {
    return app.exit(e);
  } catch (const std::exception &e) {
    // The one place errors are reported: each carries its file, key or line.
    std::fprintf(stderr, "surrogate: error: %s\n", e.what());
    return 1;
  }
  return status.code;
}

} // namespace surrogate::cli
