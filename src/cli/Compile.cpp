// `surrogate compile`: the pattern options and --params, handed to the LibTorch module's compile.
#include <memory>

#include "surrogate/cli/Commands.h"
#include "surrogate/cli/PatternOptions.h"
#include "surrogate/cli/TorchCommands.h"

namespace surrogate::cli {

void addCompileCommand(CLI::App &app, ExitStatus &status) {
  auto [cmd, o] = addPatternCommand(app, "compile", "train a surrogate of llvm-mca and compare it with llvm-mca");
  auto params = std::make_shared<std::string>();
  cmd->add_option("--params", *params,
                  "parameter table llvm-mca runs under, in training and deployment, e.g. optimize's "
                  "tuned-params.json (overrides the config's pattern.params)");
  cmd->callback([o = o, params, &status] {
    status.code = torchCommands().compile(*o, *params);
  });
}

} // namespace surrogate::cli
