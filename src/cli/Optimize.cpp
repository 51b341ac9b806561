#include <iostream>

#include "surrogate/cli/Commands.h"
#include "surrogate/cli/PatternOptions.h"
#include "surrogate/patterns/Optimize.h"

namespace surrogate::cli {

void addOptimizeCommand(CLI::App &app, ExitStatus &status) {
  auto [cmd, o] = addPatternCommand(
      app, "optimize", "tune llvm-mca's scheduling parameters through a learnt surrogate (DiffTune) and compare them "
                       "with the defaults and a black-box search");
  cmd->callback([o = o, &status] {
    nlohmann::json report = patterns::runOptimize(o->job());
    std::cout << nlohmann::json{{"test", report["test"]}, {"targets", report["targets"]}}.dump(2) << '\n';
    status.code = targetStatus(report, o->check);
  });
}

} // namespace surrogate::cli
