#include <iostream>
#include <memory>

#include "surrogate/cli/Commands.h"
#include "surrogate/cli/PatternOptions.h"
#include "surrogate/patterns/Compile.h"

namespace surrogate::cli {

void addCompileCommand(CLI::App &app, ExitStatus &status) {
  struct Options {
    std::string config, runDir;
    bool resume = false, check = false;
    patterns::PatternOverrides overrides;
  };
  auto o = std::make_shared<Options>();
  CLI::App *cmd = app.add_subcommand("compile", "train a surrogate of llvm-mca and compare it with llvm-mca");
  cmd->add_option("--config", o->config, "pattern config, e.g. configs/compile.quick.json")->required();
  cmd->add_option("-o,--output", o->runDir, "run directory")->required();
  cmd->add_flag("--resume", o->resume, "continue the run in the output directory");
  addPatternOverrides(cmd, o->overrides);
  addCheckFlag(cmd, o->check);
  cmd->callback([o, &status] {
    patterns::CompileJob job;
    if (!o->resume) {
      job.config = patterns::PatternConfig::load(o->config);
      o->overrides.applyTo(job.config);
    }
    job.runDir = o->runDir;
    job.resume = o->resume;
    nlohmann::json report = patterns::runCompile(job);
    std::cout << report["deployment"].dump(2) << '\n';
    status.code = targetStatus(report, o->check);
  });
}

} // namespace surrogate::cli
