// runGuardStep, writeGuardSection: the guard calibrated, timed and reported inside compile and adapt runs.
#include "surrogate/patterns/GuardStep.h"

#include <filesystem>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "surrogate/model/GuardedPredictor.h"
#include "surrogate/model/LeanModel.h"
#include "surrogate/model/LeanPredictor.h"
#include "surrogate/patterns/GuardCalibrate.h"
#include "surrogate/support/Errors.h"
#include "surrogate/support/Seconds.h"

namespace fs = std::filesystem;

namespace surrogate::patterns {

namespace {

// Blocks per second of the guarded whole on `blocks`, one thread, at the stored threshold.
double timeGuarded(const std::string &runDir, const std::vector<block::BasicBlock> &blocks, double &byLlvmMca) {
  model::LeanGuard guard(runDir, std::nullopt, 1, 512);
  std::vector<block::BasicBlock> timed = blocks;
  for (block::BasicBlock &b : timed)
    b.insts.clear();  // timed runs decode, as the deployment comparison's do
  auto start = support::Clock::now();
  std::vector<model::GuardedOutcome> out = guard.run(timed, guard.calibration.threshold);
  double seconds = support::secondsSince(start);
  std::size_t mca = 0;
  for (const model::GuardedOutcome &o : out)
    mca += o.byLlvmMca;
  byLlvmMca = out.empty() ? 0 : static_cast<double>(mca) / static_cast<double>(out.size());
  return seconds > 0 ? static_cast<double>(out.size()) / seconds : 0;
}

} // namespace

std::optional<nlohmann::json> runGuardStep(const PatternConfig &config, const std::string &runDir, const GuardStep &step,
                                           const std::vector<block::BasicBlock> &heldOut) {
  std::string modelFile = (fs::path(runDir) / model::ModelFile::kFileName).string();
  std::string why;
  if (!fs::exists(modelFile) || !model::LeanModel::runs(model::ModelFile::load(modelFile).config, why)) {
    spdlog::warn("guard: skipped, the run's model does not run on the lean engine{}", why.empty() ? "" : ": " + why);
    return std::nullopt;
  }
  GuardCalibrateConfig c;
  c.model = runDir;
  c.inputs = {config.measured};
  c.reference = step.reference;
  c.cpu = config.cpu;
  c.params = step.params;
  c.targetMape = step.targetMape;
  c.threads = config.threads;
  nlohmann::json report;
  try {
    report = runGuardCalibration(c);
  } catch (const support::InputError &e) {  // too few validation blocks (small runs)
    spdlog::warn("guard: skipped: {}", e.what());
    return std::nullopt;
  }
  double byLlvmMca = 0;
  report["guarded_blocks_per_second"] = timeGuarded(runDir, heldOut, byLlvmMca);
  report["guarded_by_llvm_mca"] = byLlvmMca;
  report["target_mape"] = step.targetMape / 100;
  return report;
}

void writeGuardSection(MarkdownReport &md, const std::optional<nlohmann::json> &guard, double mcaBlocksPerSecond) {
  md.heading(2, "Guard: the uncertainty of each answer");
  if (!guard) {
    md.paragraph("Not calibrated: too few validation blocks, or a model the lean engine does not run.");
    return;
  }
  const nlohmann::json &g = *guard;
  double rate = g["guarded_blocks_per_second"].get<double>();
  md.paragraph(fmt::format(
      "`guard calibrate` on the validation split ({} blocks, errors against {}): the uncertainty is {} (AUROC {:.3f} "
      "for APE > 20%). At the threshold for a guarded MAPE of {:g}%, the surrogate answers {:.1f}% of the validation "
      "blocks (guarded MAPE {:.2f}%, surrogate alone {:.2f}%, on the 80% it is surest of {:.2f}%). On the held-out "
      "blocks, one thread, `predict --guard` "
      "ran {:.0f} blocks/s ({:.2f}x llvm-mca's {:.0f}), llvm-mca answering {:.1f}% of them. Details: "
      "[guard_report.md](guard_report.md).",
      g["blocks"].get<std::size_t>(), g["reference"].get<std::string>(), g["chosen"].get<std::string>(),
      g["auroc"].get<double>(), 100 * g["target_mape"].get<double>(), 100 * g["coverage_at_threshold"].get<double>(),
      100 * g["guarded_mape_at_threshold"].get<double>(), 100 * g["surrogate_mape"].get<double>(),
      100 * g["surest_80_mape"].get<double>(), rate,
      mcaBlocksPerSecond > 0 ? rate / mcaBlocksPerSecond : 0.0, mcaBlocksPerSecond,
      100 * g["guarded_by_llvm_mca"].get<double>()));
  md.image("risk against coverage", "figures/guard_risk_coverage.png");
}

} // namespace surrogate::patterns
