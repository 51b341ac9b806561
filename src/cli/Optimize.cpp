#include <iostream>
#include <memory>

#include "surrogate/cli/Commands.h"
#include "surrogate/cli/PatternOptions.h"
#include "surrogate/patterns/Optimize.h"

namespace surrogate::cli {

void addOptimizeCommand(CLI::App &app, ExitStatus &status) {
  struct Options {
    std::string config, runDir;
    bool resume = false, check = false;
    patterns::PatternOverrides overrides;
  };
  auto o = std::make_shared<Options>();
  CLI::App *cmd = app.add_subcommand(
      "optimize", "tune llvm-mca's scheduling parameters through a learnt surrogate (DiffTune) and compare them with "
                  "the defaults and a black-box search");
  cmd->add_option("--config", o->config, "pattern config, e.g. configs/optimize.quick.json")->required();
  cmd->add_option("-o,--output", o->runDir, "run directory")->required();
  cmd->add_flag("--resume", o->resume, "continue the run in the output directory");
  addPatternOverrides(cmd, o->overrides);
  addCheckFlag(cmd, o->check);
  cmd->callback([o, &status] {
    patterns::OptimizeJob job;
    if (!o->resume) {
      job.config = patterns::PatternConfig::load(o->config);
      o->overrides.applyTo(job.config);
    }
    job.runDir = o->runDir;
    job.resume = o->resume;
    nlohmann::json report = patterns::runOptimize(job);
    std::cout << nlohmann::json{{"test", report["test"]}, {"targets", report["targets"]}}.dump(2) << '\n';
    status.code = targetStatus(report, o->check);
  });
}

} // namespace surrogate::cli
