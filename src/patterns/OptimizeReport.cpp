// OptimizeReport: the phases' JSON forms, optimize_report.json, and optimize_report.md section by section.
#include "surrogate/patterns/OptimizeReport.h"

#include <algorithm>

#include <fmt/format.h>

namespace surrogate::patterns {

nlohmann::json optimizeReference() {
  return {{"source", "Renda, Chen, Mendis, Carbin, 'DiffTune: Optimizing CPU Simulator Parameters with Learned "
                     "Differentiable Surrogates' (MICRO 2020)"},
          {"finding", "tables learnt through a surrogate lower llvm-mca's error against measured timings below "
                      "the default tables' (about a quarter fewer errors on some CPUs) and below OpenTuner's "
                      "black-box search with the same budget of simulations"}};
}

namespace {

// The first `n` of `lines`, one per line, or `none` when there are none.
std::string firstLines(const std::vector<std::string> &lines, std::size_t n, const char *none) {
  if (lines.empty()) return none;
  std::vector<std::string> shown(lines.begin(), lines.begin() + std::min(lines.size(), n));
  return fmt::format("{}", fmt::join(shown, "\n"));
}

constexpr const char *kSurrogateTarget = "llvm-mca Total Cycles for 100 iterations under each example's sampled table";

std::string errorCell(const nlohmann::json &s) {
  return fmt::format("{} (tau {:.3f})", percent(s.at("mape").get<double>()), s.at("kendall_tau").get<double>());
}

double curveValue(const nlohmann::json &point, const char *key) { return point.at(key).get<double>(); }

std::string medianCapSentence(const OptimizeSettings &s, const TuningPhase &t) {
  if (!(s.medianCap > 0)) return "";
  return fmt::format(" Every kept checkpoint, first tuning and rounds, has a validation median APE of at most {} "
                     "(pattern.median_cap {} times LLVM's table's).", percent(t.maxMedianApe), s.medianCap);
}

// The ensemble's techniques, one row each (or why it was left out).
std::vector<std::vector<std::string>> techniqueRows(const BlackBoxResult &b) {
  std::vector<std::vector<std::string>> techniqueRows;
  for (const auto &t : b.techniques)
    techniqueRows.push_back(
        t.contains("left_out")
            ? std::vector<std::string>{t["technique"].get<std::string>(), "left out: " + t["left_out"].get<std::string>(), "", ""}
            : std::vector<std::string>{t["technique"].get<std::string>(), fmt::format("{}", t["slices"].get<std::size_t>()),
                                       fmt::format("{}", t["evaluations"].get<std::size_t>()),
                                       fmt::format("{}", t["new_best_slices"].get<std::size_t>())});
  return techniqueRows;
}

} // namespace

nlohmann::json RoundResult::toJson() const {
  return {{"round", round},
          {"dir", dir},
          {"simulations", {{"dataset", datasetSimulations}, {"anchor", anchorSimulations},
                           {"checkpoint_choice", choiceSimulations}}},
          {"llvm_mca_validation_mape_start", startValidationMape},
          {"llvm_mca_validation_mape_best", bestValidationMape},
          {"llvm_mca_validation_median_ape_best", bestValidationMedianApe},
          {"kept_step", keptStep},
          {"accepted", accepted},
          {"entries_changed_from_start", changedFromCenter},
          {"curve", curve}};
}

std::size_t RefinementPhase::simulations() const {
  std::size_t n = 0;
  for (const RoundResult &r : rounds) n += r.simulations();
  return n;
}

nlohmann::json BlackBoxPhase::toJson() const {
  nlohmann::json j = baseline().toJson();
  j["file"] = files.front();
  j["budget_simulations"] = budget;
  j["budget_breakdown"] = {{"dataset", datasetSimulations},
                           {"anchor_at_default_table", anchorSimulations},
                           {"checkpoint_choice", choiceSimulations},
                           {"trust_region_rounds", roundSimulations}};
  if (pruneSimulations) j["budget_breakdown"]["pruning"] = pruneSimulations;
  if (polishSimulations) j["budget_breakdown"]["polish"] = polishSimulations;
  j["searches"] = nlohmann::json::array();
  for (std::size_t m = 0; m < searches.size(); ++m) {
    nlohmann::json s = searches[m].toJson();
    s.erase("curve");  // the baseline's is above; the others' are long
    s["file"] = files[m];
    s["validation_curve"] = validationCurves[m];
    j["searches"].push_back(std::move(s));
  }
  return j;
}

double OptimizeReport::defaultError() const { return evaluation.test.summary["default"]["mape"]; }
double OptimizeReport::tunedError() const { return evaluation.test.summary["tuned"]["mape"]; }
double OptimizeReport::blackboxError() const { return evaluation.test.summary["blackbox"]["mape"]; }

DesignSection OptimizeReport::design() const {
  DesignSection d;
  d.architecture = std::string("parameter-conditioned Ithemal") +
                   (surrogate.model.bounds ? " informed by the scheduling model" : "") +
                   ": token embedding, LSTM over each instruction's tokens joined with the instruction's row of the "
                   "parameter table, LSTM over the block, the table's globals joined to the block vector" +
                   (surrogate.model.bounds
                        ? "; beside it the block's bounds (dispatch, resources, dependency chains) computed from the "
                          "table's values, differentiable (model/TableBounds.h); a small MLP head predicting a "
                          "correction to the log of the largest"
                        : ", linear head on the normalised log throughput");
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
  nlohmann::json j = {{"optimizer", "Adam on log(1 + parameter), projected into the sampler's ranges (widened to the defaults) "
                        "after each step; rounded and clamped at the end; pattern.l1 times the L1 distance from "
                        "the default table added to the loss"},
          {"loss", settings.anchor
                       ? "MAPE against measured timings, train split, of the frozen surrogate's prediction anchored to "
                         "llvm-mca at the default table: mca_default(block) * s(table, block) / s(default, block)"
                       : "MAPE against measured timings, train split, of the frozen surrogate's own prediction "
                         "s(table, block) (unanchored, as DiffTune published it)"},
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
          {"kept_because", settings.medianCap > 0
                               ? "lowest real llvm-mca MAPE against measured timings on the validation blocks among "
                                 "the checkpoints (every tenth of the steps; step 0 is LLVM's table) whose median "
                                 "APE there is at most validation_median_ape_cap"
                               : "lowest real llvm-mca MAPE against measured timings on the validation blocks among "
                                 "the checkpoints (every tenth of the steps; step 0 is LLVM's table)"},
          {"mapping", tuning.mapping.toJson()},
          {"seconds", tuning.tuning.seconds}};
  if (settings.medianCap > 0) j["validation_median_ape_cap"] = tuning.maxMedianApe;
  if (tuning.pruning) j["pruning"] = tuning.pruning->toJson();
  return j;
}

nlohmann::json OptimizeReport::roundsJson() const {
  nlohmann::json j = nlohmann::json::array();
  for (const RoundResult &r : refinement.rounds) j.push_back(r.toJson());
  return j;
}

nlohmann::json OptimizeReport::groupsJson() const {
  nlohmann::json j = nlohmann::json::array();
  for (const GroupError &g : evaluation.testGroups) j.push_back(g.toJson());
  return j;
}

nlohmann::json OptimizeReport::toJson() const {
  nlohmann::json j = {{"pattern", "optimize"},
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
          {"test_error_by_group", groupsJson()},
          {"rounds", roundsJson()},
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
  if (polish.result) j["polish"] = polish.result->toJson();
  return j;
}

// The polish's paragraph and its steps.
void OptimizeReport::writePolishSection(MarkdownReport &md) const {
  constexpr std::size_t kShownSteps = 40;
  const PolishResult &po = *polish.result;
  md.heading(2, "Polish with llvm-mca");
  md.paragraph(fmt::format(
      "Then one value at a time: the surrogate's gradient at the current table (anchored to llvm-mca's cycles "
      "there) ranks the values and says which way to step each by one; a step is kept when the real llvm-mca's "
      "MAPE on a fixed seeded sample of {} train blocks falls. {} tables run ({} passes, {} simulations with the "
      "validation checks, in the budget), {} steps kept; sample MAPE {} -> {}. The table at the end of each pass "
      "is scored on the validation blocks and the best kept if it improves: validation MAPE {} -> {} (median "
      "APE {}), {}.",
      polish.sampleBlocks, po.evaluations, po.passes, po.simulations, po.steps.size(), percent(po.startSampleMape),
      percent(po.sampleMape), percent(po.startValidationMape), percent(po.validationMape),
      percent(po.validationMedianApe),
      po.kept ? fmt::format("kept with its first {} steps", po.keptSteps) : "not kept"));
  md.paragraph(fmt::format("The steps kept, in order ({} of {} shown; all in polish.json):",
                           std::min(po.steps.size(), kShownSteps), po.steps.size()));
  md.code(firstLines(po.steps, kShownSteps, "(no step kept)"));
}

// The title, the test and train errors of every table, the targets and the figures.
void OptimizeReport::writeResultSection(MarkdownReport &md) const {
  const nlohmann::json &test = evaluation.test.summary, &train = evaluation.train.summary;
  md.heading(1, "Surrogate optimization (DiffTune): " + config.cpu);
  md.paragraph(fmt::format("llvm-mca (in-process) under {} scheduling tables on {} held-out measured blocks "
                           "(test split of {}; {} scored, the rest failed under some table).",
                           2 + blackbox.searches.size(), test["blocks"].get<std::size_t>(), dataset.measured,
                           test["scored_blocks"].get<std::size_t>()));
  std::vector<std::vector<std::string>> rows = {
      {"LLVM default", errorCell(test["default"]), errorCell(train["default"])},
      {"tuned through the surrogate (tuned-params.json)", errorCell(test["tuned"]), errorCell(train["tuned"])}};
  for (std::size_t m = 0; m < blackbox.searches.size(); ++m) {
    const std::string &method = blackbox.searches[m].method;
    rows.push_back({fmt::format("black-box {}{} ({})", blackbox.searches[m].label(), m == 0 ? ", the baseline" : "",
                                blackbox.files[m]),
                    errorCell(test["blackbox_methods"][method]), errorCell(train["blackbox_methods"][method])});
  }
  md.table({"table", "test error vs measured", "train error vs measured"}, rows);
  md.bullet(fmt::format("Relative change of the test error, tuned vs default: {:+.1f}%.",
                        -100 * ((defaultError() - tunedError()) / defaultError())));
  md.bullet("Published reference (DiffTune, MICRO 2020): learnt tables lower llvm-mca's error below the defaults' "
            "(about a quarter fewer errors on some CPUs) and below a black-box search (OpenTuner) with the same budget.");
  md.bullet(fmt::format("Targets: tuned error at most {:.0f}% of the default's: {}; tuned below black-box: {}.",
                        100 * kTargetErrorRatio, marginMet() ? "met" : "not met", beatsBlackbox() ? "met" : "not met"));
  md.paragraph("");
  md.image("test error before and after tuning", "figures/test_error.png");
  md.image("tuning curve", "figures/tuning_curve.png");
  md.image("best error so far against llvm-mca simulations spent", "figures/search_curve.png");
}

// How the table was tuned through the surrogate, mapped back, and what it changes.
void OptimizeReport::writeTuningSection(MarkdownReport &md) const {
  const model::ParamVector &space = *tuning.space;
  const SurrogateTuning &steps = tuning.tuning;
  md.heading(2, "Tuning");
  md.paragraph(fmt::format(
      "{} Adam steps (learning rate {}, {} blocks a step) on {} free features of {} ({} opcodes of {} measured train "
      "blocks, and the 2 globals) in {:.0f} s. Loss: {}. Surrogate train "
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
      settings.anchor ? "the surrogate's prediction anchored to llvm-mca at the default table (mca_default x "
                        "s(table) / s(default)), so it starts at llvm-mca's own error"
                      : "the surrogate's own prediction, unanchored (DiffTune as published)",
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
  md.code(firstLines(changes, kShownChanges, "(none: LLVM's table was kept)"));
}

// The entries the first tuning changed, put back while llvm-mca's validation error fell.
void OptimizeReport::writePruningSection(MarkdownReport &md) const {
  const PruneResult &pr = *tuning.pruning;
  md.heading(2, "Pruning");
  md.paragraph(fmt::format(
      "The {} entries the first tuning changed were put back to LLVM's value one at a time, best first, while "
      "the real llvm-mca's validation MAPE fell ({} tables tried, {} simulations, in the budget): {} put back ({}); "
      "validation MAPE {} -> {}, median APE {}.{}",
      pr.changed, pr.tried, pr.simulations, pr.reverted.size(),
      pr.reverted.empty() ? "none" : fmt::format("{}", fmt::join(pr.reverted, ", ")), percent(pr.startMape),
      percent(pr.mape), percent(pr.medianApe),
      pr.overMedianCap ? fmt::format(" That median is above the cap ({}), so the best checkpoint within the cap was "
                                     "kept instead (step {}).", percent(tuning.maxMedianApe), tuning.keptStep)
                       : ""));
}

// The trust-region rounds after the first tuning, one row each.
void OptimizeReport::writeRoundsSection(MarkdownReport &md) const {
  md.heading(2, "Trust-region rounds");
  md.paragraph(fmt::format(
      "After the first tuning, {} rounds: {} tables sampled around the current table (each value redrawn with "
      "probability {} within {} of it), the surrogate fine-tuned on them for up to {} epochs from the previous "
      "round's, the table tuned again inside that region (pattern.round_l1 times the L1 distance from the current table), the checkpoint "
      "chosen by the real llvm-mca on the validation blocks; a round is kept only if that error improves.{}",
      refinement.rounds.size(), settings.paramsSamples, settings.perturbProbability, settings.roundRadius,
      settings.roundMaxEpochs, medianCapSentence(settings, tuning)));
  std::vector<std::vector<std::string>> roundRows;
  for (const RoundResult &r : refinement.rounds)
    roundRows.push_back({fmt::format("{}", r.round), fmt::format("{}", r.simulations()),
                         percent(r.startValidationMape), percent(r.bestValidationMape),
                         percent(r.bestValidationMedianApe), fmt::format("{}", r.keptStep), r.accepted ? "kept" : "not kept",
                         fmt::format("{}", r.changedFromCenter)});
  md.table({"round", "llvm-mca simulations", "validation MAPE before", "best checkpoint", "its median APE", "step", "",
            "entries changed"},
           roundRows);
}

// llvm-mca's test error by group of blocks, and the changed entries each group uses.
void OptimizeReport::writeGroupsSection(MarkdownReport &md) const {
  md.heading(2, "Where the error went");
  md.paragraph("Test blocks grouped by what they contain (a block can be in several groups), llvm-mca's error "
               "under each table, and the changed table entries the group's blocks use most (blocks using each). "
               "Changes to the globals (dispatch width, reorder buffer) touch every group.");
  std::vector<std::vector<std::string>> groupRows;
  for (const GroupError &g : evaluation.testGroups)
    groupRows.push_back({g.group, fmt::format("{}", g.blocks), percent(g.defaultMape), percent(g.tunedMape),
                         g.changedEntries.empty() ? "" : fmt::format("{}", fmt::join(g.changedEntries, ", "))});
  md.table({"group", "blocks", "default", "tuned", "changed entries used"}, groupRows);
}

// The black-box searches at the same budget, and the ensemble's techniques.
void OptimizeReport::writeBlackBoxSection(MarkdownReport &md) const {
  const model::ParamVector &space = *tuning.space;
  md.heading(2, "Black-box searches");
  md.paragraph(fmt::format(
      "Each over the same {} free features, with the budget the surrogate side spent: {} simulations ({} dataset "
      "examples, plus llvm-mca at the default table on the train and validation blocks, on each checkpoint, "
      "and in the pruning, rounds and polish that ran), "
      "i.e. up to {} evaluations of llvm-mca on one fixed seeded subset of {} train blocks. A candidate that rounds "
      "to a table already run is answered from the search's result store and costs nothing.",
      space.freeCount(), blackbox.budget, dataset.simulations,
      blackbox.budget / std::max<std::size_t>(1, blackbox.subsetSize), blackbox.subsetSize));
  std::vector<std::vector<std::string>> searchRows;
  for (const BlackBoxResult &b : blackbox.searches)
    searchRows.push_back({b.label(), fmt::format("{}", b.evaluations), fmt::format("{}", b.lookups),
                          fmt::format("{}", b.rejectedCandidates), percent(b.defaultSubsetMape),
                          percent(b.bestSubsetMape), fmt::format("{:.0f} s", b.seconds)});
  md.table({"search", "evaluations", "repeated candidates", "rejected", "subset MAPE, default", "best found", "time"},
           searchRows);
  for (const BlackBoxResult &b : blackbox.searches) {
    if (b.method != kEnsembleMethod) continue;
    md.paragraph("The ensemble: the AUC bandit gives each pick (a slice of about 8 evaluations: a generation, or a "
                 "local run from the store's best) to the technique whose recent slices found new best tables most "
                 "often, with an exploration term for the others; every technique starts from LLVM's table and is "
                 "given the store's best before each of its slices.");
    md.table({"technique", "slices", "evaluations", "slices that found a new best"}, techniqueRows(b));
  }
}

// The conditioned surrogate's data, loss and training run.
TrainingSection OptimizeReport::trainingSection() const {
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
  return training;
}

// Where the run's time went, and what is deployed.
DeploymentSection OptimizeReport::deploymentSection() const {
  DeploymentSection deployment;
  deployment.machine = machine;
  deployment.threads = config.threads;
  for (const auto &[name, seconds] : phaseSeconds.items())
    deployment.phases += fmt::format("{}{} {:.1f} s", deployment.phases.empty() ? "" : ", ", name, seconds.get<double>());
  deployment.deployed = fmt::format("tuned-params.json and tuned-params.td, {:.1f} kB, {} entries, {} parameters; "
                                    "`surrogate simulate --params {}/tuned-params.json BLOCKS` runs llvm-mca with it.",
                                    static_cast<double>(deployedBytes) / 1e3, tuning.tuned.opcodes.size(),
                                    tuning.tuned.parameterCount(), runDir);
  return deployment;
}

std::string OptimizeReport::markdown() const {
  MarkdownReport md;
  writeResultSection(md);
  writeTuningSection(md);
  if (tuning.pruning) writePruningSection(md);
  if (!refinement.rounds.empty()) writeRoundsSection(md);
  if (polish.result) writePolishSection(md);
  writeGroupsSection(md);
  writeBlackBoxSection(md);
  writeModelSections(md, design(), trainingSection(), deploymentSection());
  return md.str();
}

} // namespace surrogate::patterns
