#include "surrogate/cli/Commands.h"
#include "surrogate/cli/PatternOptions.h"
#include "surrogate/patterns/Sweep.h"

namespace surrogate::cli {

void addSweepCommand(CLI::App &app, ExitStatus &status) {
  auto [cmd, o] = addPatternCommand(app, "sweep",
                                    "train several surrogate sizes on one llvm-mca dataset: error, speed, training "
                                    "time, and the size a stated rule picks");
  cmd->callback([o = o, &status] {
    status.code = runPatternCommand([&] { return patterns::runSweep(o->job()); },
                                    [](const nlohmann::json &r) { return r["picked"]; }, o->check);
  });
}

} // namespace surrogate::cli
