// `surrogate sweep`: the pattern options, handed to the LibTorch module's sweep.
#include "surrogate/cli/Commands.h"
#include "surrogate/cli/PatternOptions.h"
#include "surrogate/cli/TorchCommands.h"

namespace surrogate::cli {

void addSweepCommand(CLI::App &app, ExitStatus &status) {
  auto [cmd, o] = addPatternCommand(app, "sweep",
                                    "train several surrogate sizes on one llvm-mca dataset: error, speed, training "
                                    "time, and the size a stated rule picks");
  cmd->callback([o = o, &status] {
    status.code = torchCommands().sweep(*o);
  });
}

} // namespace surrogate::cli
