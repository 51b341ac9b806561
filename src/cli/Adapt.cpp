#include <iostream>
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
    nlohmann::json report = patterns::runAdapt(job);
    std::cout << report["learning_curve"].dump(2) << '\n';
    status.code = targetStatus(report, o->check);
  });
}

} // namespace surrogate::cli
