#include "surrogate/patterns/OptimizeReport.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "surrogate/patterns/Plot.h"

namespace surrogate::patterns {

namespace fs = std::filesystem;

namespace {

constexpr const char *kSurrogateTarget = "llvm-mca Total Cycles for 100 iterations under each example's sampled table";

std::string errorCell(const nlohmann::json &s) {
  return fmt::format("{} (tau {:.3f})", percent(s.at("mape").get<double>()), s.at("kendall_tau").get<double>());
}

double curveValue(const nlohmann::json &point, const char *key) { return point.at(key).get<double>(); }

} // namespace

nlohmann::json BlackBoxPhase::toJson() const {
  nlohmann::json j = result.toJson();
  j["budget_simulations"] = budget;
  j["budget_breakdown"] = {{"dataset", datasetSimulations},
                           {"anchor_at_default_table", anchorSimulations},
                           {"checkpoint_choice", choiceSimulations}};
  return j;
}

double OptimizeReport::defaultError() const { return evaluation.test.summary["default"]["mape"]; }
double OptimizeReport::tunedError() const { return evaluation.test.summary["tuned"]["mape"]; }
double OptimizeReport::blackboxError() const { return evaluation.test.summary["blackbox"]["mape"]; }

DesignSection OptimizeReport::design() const {
  DesignSection d;
  d.architecture = "parameter-conditioned Ithemal: token embedding, LSTM over each instruction's tokens joined "
                   "with the instruction's row of the parameter table, LSTM over the block, the table's globals "
                   "joined to the block vector, linear head on the normalised log throughput";
  d.model = surrogate.model;
  d.parameters = surrogate.parameters;
  d.capacityChosenBy = "the config's model section (configs/optimize.*.json); one size trained, no search";
  return d;
}

nlohmann::json OptimizeReport::trainingJson() const {
  const nlohmann::json &t = surrogate.report;
  nlohmann::json j = {
      {"dataset", {{"dir", dataset.dir}, {"examples", dataset.simulations}, {"tables", settings.paramsSamples},
                   {"tables_per_block", settings.tablesPerBlock}}},
      {"train_examples", t.value("train_examples", 0)},
      {"validation_examples", t.value("validation_examples", 0)},
      {"test_examples", t.value("test_examples", 0)},
      {"target", kSurrogateTarget},
      {"loss", surrogate.loss},
      {"test_unseen_tables_vs_llvm_mca", t.value("test_unseen_tables", nlohmann::json())}};
  j.update(TrainingFacts::of(t).toJson());
  return j;
}

nlohmann::json OptimizeReport::tuningJson() const {
  const model::ParamVector &space = *tuning.space;
  return {{"optimizer", "Adam on log(1 + parameter), projected into the sampler's ranges (widened to the defaults) "
                        "after each step; rounded and clamped at the end; pattern.l1 times the L1 distance from "
                        "the default table added to the loss"},
          {"loss", "MAPE against measured timings, train split, of the frozen surrogate's prediction anchored to "
                   "llvm-mca at the default table: mca_default(block) * s(table, block) / s(default, block)"},
          {"settings", settings.toJson()},
          {"train_blocks", tuning.blocks.train.size()},
          {"opcodes", space.opcodes().size()},
          {"features", space.size()},
          {"free_features", space.freeCount()},
          {"curve", tuning.tuning.curve},
          {"largest_gradients_at_default", tuning.tuning.sensitivity},
          {"changes_from_default", tuning.changes},
          {"validation_blocks", tuning.validationSize},
          {"kept_step", tuning.keptStep},
          {"checkpoint_choice_blocks", tuning.selectionBlocks},
          {"checkpoint_choice_simulations", tuning.choice.simulations},
          {"surrogate_train_mape_of_written_table", tuning.writtenTableSurrogateMape},
          {"kept_because", "lowest real llvm-mca MAPE against measured timings on the validation blocks among the "
                           "checkpoints (every tenth of the steps; step 0 is LLVM's table)"},
          {"mapping", tuning.mapping.toJson()},
          {"seconds", tuning.tuning.seconds}};
}

nlohmann::json OptimizeReport::toJson() const {
  return {{"pattern", "optimize"},
          {"run_dir", runDir},
          {"cpu", config.cpu},
          {"config", config.toJson()},
          {"measured_file", dataset.measured},
          {"test", evaluation.test.summary},
          {"train", evaluation.train.summary},
          {"relative_error_reduction", (defaultError() - tunedError()) / defaultError()},
          {"reference", optimizeReference()},
          {"targets",
           {{"tuned_error_at_most_fraction_of_default", kTargetErrorRatio},
            {"tuned_below_default_by_margin_met", marginMet()},
            {"tuned_below_blackbox_met", beatsBlackbox()}}},
          {"tuning", tuningJson()},
          {"blackbox", blackbox.toJson()},
          {"design", design().toJson()},
          {"training", trainingJson()},
          {"deployment_facts",
           {{"machine", machine.toJson()},
            {"threads", config.threads},
            {"deployed_files", {"tuned-params.json", "tuned-params.td"}},
            {"deployed_bytes", deployedBytes},
            {"tuned_table_entries", tuning.tuned.opcodes.size()},
            {"tuned_table_parameters", tuning.tuned.parameterCount()}}},
          {"phase_seconds", phaseSeconds},
          {"wall_seconds", wallSeconds}};
}

std::string OptimizeReport::markdown() const {
  const nlohmann::json &test = evaluation.test.summary, &train = evaluation.train.summary;
  const model::ParamVector &space = *tuning.space;
  const SurrogateTuning &steps = tuning.tuning;
  const BlackBoxResult &bb = blackbox.result;
  MarkdownReport md;
  md.heading(1, "Surrogate optimization (DiffTune): " + config.cpu);
  md.paragraph(fmt::format("llvm-mca (in-process) under three scheduling tables on {} held-out measured blocks "
                           "(test split of {}; {} scored, the rest failed under some table).",
                           test["blocks"].get<std::size_t>(), dataset.measured,
                           test["scored_blocks"].get<std::size_t>()));
  md.table({"table", "test error vs measured", "train error vs measured"},
           {{"LLVM default", errorCell(test["default"]), errorCell(train["default"])},
            {"tuned through the surrogate (tuned-params.json)", errorCell(test["tuned"]), errorCell(train["tuned"])},
            {"black-box " + settings.blackboxMethod + " (blackbox-params.json)", errorCell(test["blackbox"]),
             errorCell(train["blackbox"])}});
  md.bullet(fmt::format("Relative change of the test error, tuned vs default: {:+.1f}%.",
                        -100 * ((defaultError() - tunedError()) / defaultError())));
  md.bullet("Published reference (DiffTune, MICRO 2020): learnt tables lower llvm-mca's error below the defaults' "
            "(about a quarter fewer errors on some CPUs) and below a black-box search (OpenTuner) with the same budget.");
  md.bullet(fmt::format("Targets: tuned error at most {:.0f}% of the default's: {}; tuned below black-box: {}.",
                        100 * kTargetErrorRatio, marginMet() ? "met" : "not met", beatsBlackbox() ? "met" : "not met"));
  md.paragraph("");
  md.image("test error before and after tuning", "figures/test_error.png");
  md.image("tuning curve", "figures/tuning_curve.png");
  md.heading(2, "Tuning");
  md.paragraph(fmt::format(
      "{} Adam steps (learning rate {}, {} blocks a step) on {} free features of {} ({} opcodes of {} measured train "
      "blocks, and the 2 globals) in {:.0f} s. Loss: the surrogate's prediction anchored to llvm-mca at the default "
      "table (mca_default x s(table) / s(default)), so it starts at llvm-mca's own error. Anchored surrogate train "
      "MAPE went from {} to {}, validation MAPE from {} to {}; kept: the table of step {}, lowest real llvm-mca "
      "error on {} validation blocks among the checkpoints ({} llvm-mca simulations, step 0 being LLVM's table); "
      "for that table as written (rounded, mapped back) the surrogate predicts {} on the train blocks. Mapping "
      "back: {} "
      "features have no parameter behind them and stay at default; {} one-write opcodes had latency and max_latency "
      "merged (mean); {} further variant resolutions stay at default (the surrogate sees each opcode's first); {} "
      "free features could not be matched exactly (group cycles kept consistent with their ports). {} table entries "
      "changed.",
      settings.steps, settings.learningRate, settings.batchSize, space.freeCount(), space.size(),
      space.opcodes().size(), tuning.blocks.train.size(), steps.seconds,
      percent(curveValue(steps.curve.front(), "surrogate_train_mape")),
      percent(curveValue(steps.curve.back(), "surrogate_train_mape")),
      percent(curveValue(steps.curve.front(), "surrogate_validation_mape")),
      percent(curveValue(steps.curve.back(), "surrogate_validation_mape")), tuning.keptStep, tuning.selectionBlocks,
      tuning.choice.simulations, percent(tuning.writtenTableSurrogateMape), tuning.mapping.fixedFeatures,
      tuning.mapping.mergedLatencies, tuning.mapping.variantKeysAtDefault, tuning.mapping.mismatched,
      tuning.mapping.changedParameters));
  constexpr std::size_t kShownChanges = 40;
  const std::vector<std::string> &changes = tuning.changes;
  md.paragraph(fmt::format("What the tuned table changes ({} of {} shown; all in optimize_report.json):",
                           std::min(changes.size(), kShownChanges), changes.size()));
  std::vector<std::string> shown(changes.begin(), changes.begin() + std::min(changes.size(), kShownChanges));
  md.code(shown.empty() ? "(none: LLVM's table was kept)" : fmt::format("{}", fmt::join(shown, "\n")));
  md.heading(2, "Black-box baseline");
  md.paragraph(fmt::format(
      "{} over the same {} free features: {} evaluations of llvm-mca on a fixed seeded subset of {} train blocks = "
      "{} simulations, the budget the surrogate side spent ({} dataset examples, plus llvm-mca at the default table "
      "on the train and validation blocks and on each checkpoint). Subset MAPE: default {}, best found {} "
      "({} candidates rejected by the model). Why ESCH is the default: {}.",
      "NLopt " + bb.method, bb.dimensions, bb.evaluations, blackbox.subsetSize, bb.evaluations * blackbox.subsetSize,
      dataset.simulations, percent(bb.defaultSubsetMape), percent(bb.bestSubsetMape), bb.rejectedCandidates,
      bb.toJson()["why"].get<std::string>()));

  const nlohmann::json &t = surrogate.report;
  TrainingSection training;
  training.data = fmt::format(
      "Data: {} llvm-mca examples ({} sampled tables, {} per block): {} train, {} validation, {} test. Target: {}.",
      dataset.simulations, settings.paramsSamples, settings.tablesPerBlock, t.value("train_examples", 0),
      t.value("validation_examples", 0), t.value("test_examples", 0),
      kSurrogateTarget);
  training.loss = surrogate.loss;
  training.run = TrainingFacts::of(t);
  training.showTestVsLlvmMca = true;
  DeploymentSection deployment;
  deployment.machine = machine;
  deployment.threads = config.threads;
  for (const auto &[name, seconds] : phaseSeconds.items())
    deployment.phases += fmt::format("{}{} {:.1f} s", deployment.phases.empty() ? "" : ", ", name, seconds.get<double>());
  deployment.deployed = fmt::format("tuned-params.json and tuned-params.td, {:.1f} kB, {} entries, {} parameters; "
                                    "`surrogate simulate --params {}/tuned-params.json BLOCKS` runs llvm-mca with it.",
                                    static_cast<double>(deployedBytes) / 1e3, tuning.tuned.opcodes.size(),
                                    tuning.tuned.parameterCount(), runDir);
  writeModelSections(md, design(), training, deployment);
  return md.str();
}

void OptimizeReport::drawFigures() const {
  const OptimizeReport &r = *this;
  fs::path runDir(r.runDir);
  fs::create_directories(runDir / "figures");
  barPlot((runDir / "figures" / "test_error.png").string(),
          {"llvm-mca test error against measured timings (" + r.config.cpu + ")", "", "MAPE (fraction)", false, false,
           false},
          {{"default table", r.defaultError()},
           {"tuned (DiffTune)", r.tunedError()},
           {"black-box (" + r.settings.blackboxMethod + ")", r.blackboxError()}});
  Series curve{"surrogate, train blocks", {}, {}}, validationCurve{"surrogate, validation blocks", {}, {}},
      mcaCurve{"real llvm-mca, validation blocks", {}, {}};
  for (const auto &p : r.tuning.tuning.curve) {
    curve.x.push_back(p["step"].get<double>());
    curve.y.push_back(p["surrogate_train_mape"].get<double>());
    validationCurve.x.push_back(p["step"].get<double>());
    validationCurve.y.push_back(p["surrogate_validation_mape"].get<double>());
    mcaCurve.x.push_back(p["step"].get<double>());
    mcaCurve.y.push_back(p["llvm_mca_validation_mape"].get<double>());
  }
  linePlot((runDir / "figures" / "tuning_curve.png").string(),
           {"Tuning the table through the surrogate", "Adam step", "MAPE vs measured", false, false, false},
           {curve, validationCurve, mcaCurve});
}

} // namespace surrogate::patterns
