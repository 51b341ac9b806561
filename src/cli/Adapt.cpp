// `surrogate adapt`: the pattern options and --from, handed to the LibTorch module's adapt.
#include <memory>

#include "surrogate/cli/Commands.h"
#include "surrogate/cli/PatternOptions.h"
#include "surrogate/cli/TorchCommands.h"

namespace surrogate::cli {

void addAdaptCommand(CLI::App &app, ExitStatus &status) {
  auto [cmd, o] = addPatternCommand(app, "adapt", "fine-tune a compiled surrogate on measured timings");
  auto from = std::make_shared<std::string>();
  cmd->add_option("--from", *from, "the compiled run directory to start from")->required();
  cmd->callback([o = o, from, &status] {
    status.code = torchCommands().adapt(*o, *from);
  });
}

} // namespace surrogate::cli
