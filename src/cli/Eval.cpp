// `surrogate eval`: its options into an EvaluationConfig, the report printed, exit 3 past --max-mape or --min-tau.
#include <iostream>
#include <memory>

#include <spdlog/spdlog.h>

#include "surrogate/cli/Commands.h"
#include "surrogate/model/Evaluation.h"

namespace surrogate::cli {

void addEvalCommand(CLI::App &app, ExitStatus &status) {
  auto config = std::make_shared<model::EvaluationConfig>();
  auto format = std::make_shared<std::string>("text");
  auto maxMape = std::make_shared<double>(-1);
  auto minTau = std::make_shared<double>(-2);
  CLI::App *cmd = app.add_subcommand("eval", "score predictions against measured throughputs");
  cmd->add_option("file", config->file, "CSV with a header, e.g. the output of simulate or predict")->required();
  cmd->add_option("--pred", config->predictedColumn, "column holding the predictions")->capture_default_str();
  cmd->add_option("--measured", config->measuredColumn, "column holding the measurements")->capture_default_str();
  cmd->add_option("--uncertainty", config->uncertaintyColumn,
                  "column of uncertainty (predict --guard): its AUROC for APE > 20%, MAPE on the surest blocks");
  cmd->add_option("--format", *format, "text or json")->capture_default_str()->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--max-mape", *maxMape, "exit 3 if the overall MAPE (a fraction) is above this");
  cmd->add_option("--min-tau", *minTau, "exit 3 if Kendall's tau is below this");
  cmd->callback([config, format, maxMape, minTau, &status] {
    model::EvaluationReport report = model::evaluateFile(*config);
    for (const auto &p : report.problems)
      spdlog::warn("{} (skipped)", p.str());
    if (report.skipped > report.problems.size())
      spdlog::warn("{} more rows skipped", report.skipped - report.problems.size());
    if (*format == "json")
      std::cout << report.toJson().dump(2) << '\n';
    else
      std::cout << report.toText();
    if (report.overall.count == 0) {
      spdlog::error("{}: no row could be scored", config->file);
      status.code = 1;
      return;
    }
    if (*maxMape >= 0 && report.overall.mape > *maxMape) {
      spdlog::error("MAPE {:.4f} is above --max-mape {:.4f}", report.overall.mape, *maxMape);
      status.code = 3;
    }
    if (*minTau > -2 && report.overall.kendallTau < *minTau) {
      spdlog::error("Kendall's tau {:.4f} is below --min-tau {:.4f}", report.overall.kendallTau, *minTau);
      status.code = 3;
    }
  });
}

} // namespace surrogate::cli
