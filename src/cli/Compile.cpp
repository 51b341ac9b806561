#include <iostream>

#include "surrogate/cli/Commands.h"
#include "surrogate/cli/PatternOptions.h"
#include "surrogate/patterns/Compile.h"

namespace surrogate::cli {

void addCompileCommand(CLI::App &app, ExitStatus &status) {
  auto [cmd, o] = addPatternCommand(app, "compile", "train a surrogate of llvm-mca and compare it with llvm-mca");
  cmd->callback([o = o, &status] {
    std::optional<nlohmann::json> ran = runOnRanks([&] { return patterns::runCompile(o->job()); });
    if (!ran)
      return;  // a rank other than 0: it trained the steps rank 0 handed over
    const nlohmann::json &report = *ran;
    std::cout << report["deployment"].dump(2) << '\n';
    status.code = targetStatus(report, o->check);
  });
}

} // namespace surrogate::cli
