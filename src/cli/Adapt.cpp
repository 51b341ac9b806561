#include <memory>

#include "surrogate/cli/Commands.h"
#include "surrogate/cli/PatternOptions.h"
#include "surrogate/patterns/Adapt.h"

namespace surrogate::cli {

void addAdaptCommand(CLI::App &app, ExitStatus &status) {
  auto [cmd, o] = addPatternCommand(app, "adapt", "fine-tune a compiled surrogate on measured timings");
  auto from = std::make_shared<std::string>();
  cmd->add_option("--from", *from, "the compiled run directory to start from")->required();
  cmd->callback([o = o, from, &status] {
    patterns::AdaptJob job{o->job(), *from};
    status.code = runPatternCommand([&] { return patterns::runAdapt(job); },
                                    [](const nlohmann::json &r) { return r["learning_curve"]; }, o->check);
  });
}

} // namespace surrogate::cli
