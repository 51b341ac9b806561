#include <iostream>
#include <memory>

#include "surrogate/cli/Commands.h"
#include "surrogate/cli/PatternOptions.h"
#include "surrogate/patterns/Adapt.h"

namespace surrogate::cli {

void addAdaptCommand(CLI::App &app, ExitStatus &status) {
  struct Options {
    std::string config, from, runDir;
    bool resume = false, check = false;
    patterns::PatternOverrides overrides;
  };
  auto o = std::make_shared<Options>();
  CLI::App *cmd = app.add_subcommand("adapt", "fine-tune a compiled surrogate on measured timings");
  cmd->add_option("--config", o->config, "pattern config, e.g. configs/adapt.quick.json")->required();
  cmd->add_option("--from", o->from, "the compiled run directory to start from")->required();
  cmd->add_option("-o,--output", o->runDir, "run directory")->required();
  cmd->add_flag("--resume", o->resume, "continue the run in the output directory");
  addPatternOverrides(cmd, o->overrides);
  addCheckFlag(cmd, o->check);
  cmd->callback([o, &status] {
    patterns::AdaptJob job;
    if (!o->resume) {
      job.config = patterns::PatternConfig::load(o->config);
      o->overrides.applyTo(job.config);
    }
    job.fromRun = o->from;
    job.runDir = o->runDir;
    job.resume = o->resume;
    nlohmann::json report = patterns::runAdapt(job);
    std::cout << report["learning_curve"].dump(2) << '\n';
    status.code = targetStatus(report, o->check);
  });
}

} // namespace surrogate::cli
