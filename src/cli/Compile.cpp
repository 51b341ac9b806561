#include <iostream>
#include <memory>

#include "surrogate/cli/Commands.h"
#include "surrogate/cli/PatternOptions.h"
#include "surrogate/patterns/Compile.h"

namespace surrogate::cli {

void addPatternOverrides(CLI::App *cmd, patterns::PatternOverrides &overrides) {
  cmd->add_option_function<std::string>("--mcpu", [&overrides](const std::string &v) { overrides.cpu = v; },
                                        "CPU (overrides the config's cpu)");
  cmd->add_option_function<std::string>("--measured", [&overrides](const std::string &v) { overrides.measured = v; },
                                        "hex,throughput file of measured timings (overrides the config)");
  cmd->add_option_function<std::vector<std::string>>(
      "--blocks", [&overrides](const std::vector<std::string> &v) { overrides.blocks = v; },
      "block files (overrides the config's blocks)");
  cmd->add_option_function<unsigned>("-j,--threads", [&overrides](unsigned v) { overrides.threads = v; },
                                     "threads (overrides the config)");
}

void addCompileCommand(CLI::App &app, ExitStatus &status) {
  struct Options {
    std::string config, runDir;
    bool resume = false;
    patterns::PatternOverrides overrides;
  };
  auto o = std::make_shared<Options>();
  CLI::App *cmd = app.add_subcommand("compile", "train a surrogate of llvm-mca and compare it with llvm-mca");
  cmd->add_option("--config", o->config, "pattern config, e.g. configs/compile.quick.json")->required();
  cmd->add_option("-o,--output", o->runDir, "run directory")->required();
  cmd->add_flag("--resume", o->resume, "continue the run in the output directory");
  addPatternOverrides(cmd, o->overrides);
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
    status.code = 0;
  });
}

} // namespace surrogate::cli
