// `surrogate optimize`: the pattern options, handed to the LibTorch module's optimize.
#include "surrogate/cli/Commands.h"
#include "surrogate/cli/PatternOptions.h"
#include "surrogate/cli/TorchCommands.h"

namespace surrogate::cli {

void addOptimizeCommand(CLI::App &app, ExitStatus &status) {
  auto [cmd, o] = addPatternCommand(
      app, "optimize", "tune llvm-mca's scheduling parameters through a learnt surrogate (DiffTune) and compare them "
                       "with the defaults and a black-box search");
  cmd->callback([o = o, &status] {
    status.code = torchCommands().optimize(*o);
  });
}

} // namespace surrogate::cli
