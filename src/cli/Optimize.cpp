#include "surrogate/cli/Commands.h"
#include "surrogate/cli/PatternOptions.h"
#include "surrogate/patterns/Optimize.h"

namespace surrogate::cli {

void addOptimizeCommand(CLI::App &app, ExitStatus &status) {
  auto [cmd, o] = addPatternCommand(
      app, "optimize", "tune llvm-mca's scheduling parameters through a learnt surrogate (DiffTune) and compare them "
                       "with the defaults and a black-box search");
  cmd->callback([o = o, &status] {
    status.code = runPatternCommand([&] { return patterns::runOptimize(o->job()); },
                                    [](const nlohmann::json &r) { return nlohmann::json{{"test", r["test"]}, {"targets", r["targets"]}}; }, o->check);
  });
}

} // namespace surrogate::cli
