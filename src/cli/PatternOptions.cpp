// The options every pattern subcommand shares (--mcpu, --measured, --blocks, -j, --seed, --check), declared once.
#include "surrogate/cli/PatternOptions.h"

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
  cmd->add_option_function<std::uint64_t>("--seed", [&overrides](std::uint64_t v) { overrides.seed = v; },
                                          "seed of every random choice (overrides the config's), e.g. for the "
                                          "members of an ensemble");
}

void addCheckFlag(CLI::App *cmd, bool &check) {
  cmd->add_flag("--check", check, "exit with status 3 when a target in the report is not met (for CI)");
}

} // namespace

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

} // namespace surrogate::cli
