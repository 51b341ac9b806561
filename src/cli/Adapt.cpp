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
    std::optional<nlohmann::json> ran = runOnRanks([&] { return patterns::runAdapt(job); });
    if (!ran)
      return;  // a rank other than 0: it trained the steps rank 0 handed over
    const nlohmann::json &report = *ran;
    std::cout << report["learning_curve"].dump(2) << '\n';
    status.code = targetStatus(report, o->check);
  });
}

} // namespace surrogate::cli
