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
    std::optional<nlohmann::json> ran = runOnRanks([&] { return patterns::runOptimize(o->job()); });
    if (!ran)
      return;  // a rank other than 0: it trained the steps rank 0 handed over
    const nlohmann::json &report = *ran;
    std::cout << nlohmann::json{{"test", report["test"]}, {"targets", report["targets"]}}.dump(2) << '\n';
    status.code = targetStatus(report, o->check);
  });
}

} // namespace surrogate::cli
