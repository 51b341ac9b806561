#include "surrogate/cli/Commands.h"
#include "surrogate/cli/PatternOptions.h"
#include "surrogate/cli/TorchCommands.h"

namespace surrogate::cli {

void addCompileCommand(CLI::App &app, ExitStatus &status) {
  auto [cmd, o] = addPatternCommand(app, "compile", "train a surrogate of llvm-mca and compare it with llvm-mca");
  cmd->callback([o = o, &status] {
    status.code = torchCommands().compile(*o);
  });
}

} // namespace surrogate::cli
