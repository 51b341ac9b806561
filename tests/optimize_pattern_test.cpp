// `surrogate optimize` end to end at a tiny scale: sampled dataset, the
// conditioned surrogate, the table tuned through it, the black-box baseline,
// llvm-mca under the three tables, and a tuned table `simulate` runs with.
// label unit: ParamVector
// label cli: OptimizeConfig
// label e2e: OptimizePattern TableTuning

#include <gtest/gtest.h>

#include <cmath>

#include "TestSupport.h"
#include "surrogate/mca/TunedSubtarget.h"
#include "surrogate/model/Trainer.h"
#include "surrogate/patterns/Optimize.h"
#include "surrogate/model/ParamVector.h"
#include "surrogate/patterns/TableTuning.h"

using namespace surrogate;

namespace {
using test::readJson;

nlohmann::json tinyConfig(const std::string &measured) {
  return {{"cpu", "haswell"},
          {"measured", measured},
          {"threads", 2},
          {"seed", 5},
          {"model", {{"embedding", 8}, {"hidden", 8}, {"layers", 1}}},
          {"training", {{"batch_size", 32}, {"max_epochs", 1}, {"patience", 1}}},
          {"pattern",
           {{"params_samples", 4},
            {"tables_per_block", 2},
            {"perturb_probability", 0.3},
            {"l1", 0.01},
            {"steps", 4},
            {"batch_size", 32},
            {"blackbox_blocks", 20},
            {"blackbox_methods", {"ensemble", "GN_ESCH"}},
            {"rounds", 1},
            {"round_max_epochs", 1},
            {"median_cap", 1.5},
            {"prune", true},
            {"polish_evaluations", 6},
            {"polish_blocks", 30},
            {"polish_candidates", 2}}}};
}
} // namespace

TEST(OptimizePattern, TinyRunEndToEnd) {
  SKIP_WITHOUT_BHIVE();
  test::TempDir dir;
  std::string measured = dir.file("measured.csv", test::headLines(test::bhiveDir() + "/hsw.csv", 300));
  std::string configPath = dir.file("optimize.json", tinyConfig(measured).dump());
  std::string run = dir / "run";

  auto r = test::runSurrogate("--no-progress optimize --config " + configPath + " -o " + run);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  for (const char *f : {"pattern.json", "dataset/manifest.json", "surrogate/best.pt", "surrogate/report.json",
                        "tuned-params.json", "tuned-params.td", "blackbox-params.json", "test_predictions.csv",
                        "optimize_report.json", "optimize_report.md"})
    EXPECT_TRUE(std::filesystem::exists(run + "/" + f)) << f;

  nlohmann::json report = readJson(run + "/optimize_report.json");
  EXPECT_EQ(report["pattern"], "optimize");
  for (const char *table : {"default", "tuned", "blackbox"}) {
    EXPECT_GT(report["test"][table]["mape"].get<double>(), 0) << table;
    EXPECT_TRUE(report["test"][table].contains("kendall_tau")) << table;
  }
  EXPECT_GT(report["test"]["scored_blocks"].get<int>(), 0);
  // The black-box search spends the surrogate side's budget of simulations
  // (its dataset, the anchor at the default table, the checkpoint choice), no more.
  const auto &bb = report["blackbox"];
  std::size_t budget = bb["budget_simulations"].get<std::size_t>();
  const auto &parts = bb["budget_breakdown"];
  EXPECT_EQ(parts["dataset"].get<std::size_t>(), report["training"]["dataset"]["examples"].get<std::size_t>());
  EXPECT_EQ(budget, parts["dataset"].get<std::size_t>() + parts["anchor_at_default_table"].get<std::size_t>() +
                        parts["checkpoint_choice"].get<std::size_t>() + parts.value("pruning", std::size_t{0}) +
                        parts["trust_region_rounds"].get<std::size_t>() + parts.value("polish", std::size_t{0}));
  // Pruning ran on the kept checkpoint; its runs are in the budget, and the
  // table it leaves (or the capped checkpoint) is within the median cap.
  const auto &pruning = report["tuning"]["pruning"];
  ASSERT_TRUE(pruning.is_object()) << report["tuning"].dump();
  EXPECT_EQ(parts["pruning"].get<std::size_t>(), pruning["simulations"].get<std::size_t>());
  EXPECT_LE(pruning["llvm_mca_validation_mape_after"].get<double>(),
            pruning["llvm_mca_validation_mape_before"].get<double>());
  double cap = report["tuning"]["validation_median_ape_cap"].get<double>();
  if (pruning["kept"].get<bool>())
    EXPECT_LE(pruning["llvm_mca_validation_median_ape_after"].get<double>(), cap);
  // One trust-region round: its own dataset around the tuned table, a
  // fine-tuned surrogate, and its llvm-mca runs counted in the budget.
  ASSERT_EQ(report["rounds"].size(), 1u);
  const auto &round = report["rounds"][0];
  EXPECT_TRUE(std::filesystem::exists(run + "/round-1/surrogate/best.pt"));
  EXPECT_TRUE(std::filesystem::exists(run + "/round-1/center-params.json"));
  EXPECT_EQ(readJson(run + "/round-1/dataset/manifest.json")["params"]["ranges"]["radius"], 2);
  std::size_t roundSimulations = 0;
  for (const auto &[k, v] : round["simulations"].items()) roundSimulations += v.get<std::size_t>();
  EXPECT_EQ(parts["trust_region_rounds"].get<std::size_t>(), roundSimulations);
  EXPECT_EQ(round["accepted"].get<bool>(),
            round["llvm_mca_validation_mape_best"].get<double>() < round["llvm_mca_validation_mape_start"].get<double>());
  // The polish, after the round: at most its runs of its sample, all in the
  // budget with its validation checks, and in polish.json.
  const auto &polish = report["polish"];
  ASSERT_TRUE(polish.is_object()) << report.dump();
  EXPECT_LE(polish["evaluations"].get<std::size_t>(), 6u);
  EXPECT_GE(polish["evaluations"].get<std::size_t>(), 1u);
  EXPECT_EQ(parts["polish"].get<std::size_t>(), polish["simulations"].get<std::size_t>());
  EXPECT_GE(polish["simulations"].get<std::size_t>(), 30 * polish["evaluations"].get<std::size_t>());
  EXPECT_LE(polish["llvm_mca_sample_mape_after"].get<double>(), polish["llvm_mca_sample_mape_before"].get<double>());
  EXPECT_EQ(polish["kept"].get<bool>(), polish["llvm_mca_validation_mape_after"].get<double>() <
                                            polish["llvm_mca_validation_mape_before"].get<double>());
  EXPECT_EQ(readJson(run + "/polish.json"), polish);
  EXPECT_NE(test::headLines(run + "/optimize_report.md", 400).find("## Polish with llvm-mca"), std::string::npos);
  EXPECT_FALSE(report["test_error_by_group"].empty());
  EXPECT_EQ(report["test_error_by_group"][0]["group"], "all");
  // The baseline is the ensemble; ESCH alone is a further row, with the same budget.
  EXPECT_EQ(bb["method"], "ensemble");
  ASSERT_EQ(bb["searches"].size(), 2u);
  for (const auto &search : bb["searches"]) {
    EXPECT_LE(search["evaluations"].get<std::size_t>(), budget / bb["blocks_per_evaluation"].get<std::size_t>());
    EXPECT_LE(search["best_subset_mape"].get<double>(), search["default_subset_mape"].get<double>());
    EXPECT_TRUE(std::filesystem::exists(run + "/" + search["file"].get<std::string>())) << search["file"];
    EXPECT_FALSE(search["validation_curve"].empty());
    EXPECT_TRUE(report["test"]["blackbox_methods"].contains(search["method"].get<std::string>()));
  }
  EXPECT_EQ(bb["searches"][1]["file"], "blackbox-gn_esch-params.json");
  EXPECT_EQ(test::headLines(run + "/test_predictions.csv", 1), "hex,measured,default,tuned,blackbox,blackbox_GN_ESCH\n");
  EXPECT_TRUE(std::filesystem::exists(run + "/figures/search_curve.png"));
  EXPECT_TRUE(report["targets"].contains("tuned_below_default_by_margin_met"));
  EXPECT_TRUE(report["targets"].contains("tuned_below_blackbox_met"));
  EXPECT_GT(report["design"]["parameters"].get<int>(), 0);
  const auto &curve = report["tuning"]["curve"];
  ASSERT_EQ(curve.size(), 5u);  // steps 0..3, then the end
  // Anchored to llvm-mca at the default table: at step 0 the surrogate's loss
  // is llvm-mca's own error on the same blocks, not the surrogate's.
  EXPECT_NEAR(curve[0]["surrogate_train_mape"].get<double>(), report["train"]["default"]["mape"].get<double>(), 0.02);
  // The kept checkpoint is the one real llvm-mca scores best on validation
  // blocks (among those within the median cap when the pruned table was not kept).
  std::size_t kept = report["tuning"]["kept_step"].get<std::size_t>();
  double keptError = 0, best = 1e9;
  bool capped = !pruning["kept"].get<bool>();
  for (const auto &point : curve) {
    bool allowed = !capped || point["step"] == 0 || point["llvm_mca_validation_median_ape"].get<double>() <= cap;
    if (allowed) best = std::min(best, point["llvm_mca_validation_mape"].get<double>());
    if (point["step"].get<std::size_t>() == kept) keptError = point["llvm_mca_validation_mape"].get<double>();
  }
  EXPECT_EQ(keptError, best);
  EXPECT_LE(keptError, curve[0]["llvm_mca_validation_mape"].get<double>());
  EXPECT_TRUE(report["tuning"]["changes_from_default"].is_array());

  // The tuned table runs the real llvm-mca.
  auto sim = test::runSurrogate("simulate --params " + run + "/tuned-params.json " + measured + " -o " +
                                (dir / "sim.csv"));
  ASSERT_EQ(sim.exitCode, 0) << sim.err;
  std::string header = test::headLines(dir / "sim.csv", 1);
  EXPECT_NE(header.find("cycles"), std::string::npos) << header;

  // --resume reuses the dataset and the surrogate; same seed, same tuned table.
  nlohmann::json tuned = readJson(run + "/tuned-params.json");
  auto resumed = test::runSurrogate("--no-progress optimize --resume --config " + configPath + " -o " + run);
  ASSERT_EQ(resumed.exitCode, 0) << resumed.err;
  EXPECT_NE(resumed.err.find("is complete; reusing it"), std::string::npos) << resumed.err;
  EXPECT_NE(resumed.err.find("is finished; reusing it"), std::string::npos) << resumed.err;
  EXPECT_EQ(readJson(run + "/tuned-params.json"), tuned);
}

TEST(OptimizePattern, UnanchoredAsPublished) {
  SKIP_WITHOUT_BHIVE();
  test::TempDir dir;
  std::string measured = dir.file("measured.csv", test::headLines(test::bhiveDir() + "/hsw.csv", 300));
  nlohmann::json config = tinyConfig(measured);
  config["pattern"]["anchor"] = false;
  config["pattern"]["perturb_probability"] = 1.0;
  config["pattern"]["l1"] = 0.0;
  config["pattern"]["rounds"] = 0;
  config["pattern"]["blackbox_methods"] = {"GN_ESCH"};
  std::string run = dir / "run";
  auto r = test::runSurrogate("--no-progress optimize --config " + dir.file("d.json", config.dump()) + " -o " + run);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  nlohmann::json report = readJson(run + "/optimize_report.json");
  EXPECT_NE(report["tuning"]["loss"].get<std::string>().find("unanchored"), std::string::npos);
  // No anchor runs in the budget, and the loss at step 0 is the surrogate's
  // own error, not llvm-mca's.
  EXPECT_EQ(report["blackbox"]["budget_breakdown"]["anchor_at_default_table"], 0);
  EXPECT_GT(std::abs(report["tuning"]["curve"][0]["surrogate_train_mape"].get<double>() -
                     report["train"]["default"]["mape"].get<double>()),
            1e-6);
  EXPECT_TRUE(report["rounds"].empty());
}

// The informed surrogate (model.bounds): the bounds follow each example's table in training and the
// tuned table in tuning, the rounds and the polish, and the gradient at LLVM's table reaches latencies;
// tuned as written (pattern.tune_as_written).
TEST(OptimizePattern, InformedSurrogateTunesThroughItsBounds) {
  SKIP_WITHOUT_BHIVE();
  test::TempDir dir;
  std::string measured = dir.file("measured.csv", test::headLines(test::bhiveDir() + "/hsw.csv", 300));
  nlohmann::json config = tinyConfig(measured);
  config["model"]["bounds"] = true;
  config["pattern"]["tune_as_written"] = true;
  config["pattern"]["blackbox_methods"] = {"ensemble"};
  std::string run = dir / "run";
  auto r = test::runSurrogate("--no-progress optimize --config " + dir.file("b.json", config.dump()) + " -o " + run);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  nlohmann::json report = readJson(run + "/optimize_report.json");
  EXPECT_TRUE(report["design"]["model"]["bounds"].get<bool>());
  EXPECT_NE(report["design"]["architecture"].get<std::string>().find("bounds"), std::string::npos);
  EXPECT_GT(report["tuning"]["curve"].size(), 1u);
  bool latency = false;
  for (const auto &g : report["tuning"]["largest_gradients_at_default"])
    latency |= g["feature"].get<std::string>().find("latency") != std::string::npos && g["gradient"] != 0.0;
  EXPECT_TRUE(latency) << report["tuning"]["largest_gradients_at_default"].dump();
  EXPECT_EQ(report["rounds"].size(), 1u);
  EXPECT_GT(report["test"]["tuned"]["mape"].get<double>(), 0);
  // Tuned as written: the surrogate's error at the kept step is its error for the table written.
  for (const auto &c : report["tuning"]["curve"])
    if (c["step"] == report["tuning"]["kept_step"])
      EXPECT_NEAR(c["surrogate_train_mape"].get<double>(),
                  report["tuning"]["surrogate_train_mape_of_written_table"].get<double>(), 1e-6);
  EXPECT_TRUE(std::filesystem::exists(run + "/round-1/surrogate/best.pt"));
}

TEST(OptimizeConfig, BadSettingsAreNamed) {
  test::TempDir dir;
  nlohmann::json config = tinyConfig(dir / "missing.csv");
  config["pattern"]["stepz"] = 3;
  auto r = test::runSurrogate("optimize --config " + dir.file("a.json", config.dump()) + " -o " + (dir / "run"));
  EXPECT_NE(r.exitCode, 0);
  EXPECT_NE(r.err.find("a.json: 'pattern.stepz': unknown key"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "run/pattern.json"));

  config = tinyConfig(dir / "missing.csv");
  config["pattern"]["blackbox_method"] = "GN_ESCH";  // the one-method form of earlier configs, beside the list
  r = test::runSurrogate("optimize --config " + dir.file("b0.json", config.dump()) + " -o " + (dir / "run"));
  EXPECT_NE(r.exitCode, 0);
  EXPECT_NE(r.err.find("b0.json: 'pattern.blackbox_method': give either blackbox_method or blackbox_methods"),
            std::string::npos) << r.err;
  config["pattern"].erase("blackbox_methods");
  config["pattern"]["blackbox_method"] = "NO_SUCH_METHOD";
  r = test::runSurrogate("optimize --config " + dir.file("b.json", config.dump()) + " -o " + (dir / "run"));
  EXPECT_NE(r.exitCode, 0);
  EXPECT_NE(r.err.find("'NO_SUCH_METHOD' is neither 'ensemble', 'coordinate' nor an NLopt algorithm"), std::string::npos) << r.err;

  config = tinyConfig(dir / "missing.csv");
  config["pattern"]["ensemble_techniques"] = {"sea", "nosuch"};
  r = test::runSurrogate("optimize --config " + dir.file("d.json", config.dump()) + " -o " + (dir / "run"));
  EXPECT_NE(r.exitCode, 0);
  EXPECT_NE(r.err.find("d.json: 'pattern.ensemble_techniques': 'nosuch' is not a technique"), std::string::npos)
      << r.err;

  config = tinyConfig(dir / "missing.csv");
  config["pattern"]["polish_blocks"] = 0;
  r = test::runSurrogate("optimize --config " + dir.file("e.json", config.dump()) + " -o " + (dir / "run"));
  EXPECT_NE(r.exitCode, 0);
  EXPECT_NE(r.err.find("e.json: 'pattern.polish_blocks'"), std::string::npos) << r.err;

  config = tinyConfig("");
  r = test::runSurrogate("optimize --config " + dir.file("c.json", config.dump()) + " -o " + (dir / "run"));
  EXPECT_NE(r.exitCode, 0);
  EXPECT_NE(r.err.find("optimize needs measured timings"), std::string::npos) << r.err;
}

TEST(ParamVector, DefaultsMapBackUnchangedAndEditsLand) {
  std::vector<std::string> names = {"ADD32rr", "IMUL64rm", "DIVSDrr", "MOV64rm", "VADDPSYrr"};
  std::vector<unsigned> opcodes;
  for (const auto &n : names) opcodes.push_back(*mca::lookupOpcode(n));
  mca::ParamTable defaults = mca::ParamTable::fromModel("haswell", names);
  model::ParamVector space(defaults, opcodes);
  ASSERT_EQ(space.size(), 2 + names.size() * space.width());

  model::MappingStats stats;
  mca::ParamTable same = space.toTable(space.initial(), &stats);
  EXPECT_EQ(stats.changedParameters, 0u);
  EXPECT_EQ(stats.mismatched, 0u);
  EXPECT_EQ(mca::diffTables(same, defaults), "");

  // Edits land in the table: dispatch width, micro-ops, a latency; values
  // beyond the bounds are clamped; fixed features do not move.
  std::vector<float> v = space.initial();
  v[0] = std::log1p(6.0f);
  std::size_t add = 2 + space.rowOf(opcodes[0]) * space.width();
  v[add + 0] = std::log1p(3.0f);
  v[add + 1] = v[add + 2] = std::log1p(4.0f);
  v[2 + space.rowOf(opcodes[1]) * space.width()] = 100.0f;  // far above any range
  mca::ParamTable edited = space.toTable(v, &stats);
  EXPECT_EQ(edited.dispatchWidth, 6u);
  EXPECT_EQ(edited.opcodes.at("ADD32rr").microOps, 3u);
  EXPECT_EQ(edited.opcodes.at("ADD32rr").latencies.front(), 4u);
  EXPECT_EQ(edited.opcodes.at("IMUL64rm").microOps, std::max(10u, defaults.opcodes.at("IMUL64rm").microOps));
  EXPECT_EQ(stats.changedParameters, 3u);  // the globals and two entries
  EXPECT_NO_THROW(mca::TunedSubtarget::create(edited));
}

TEST(OptimizeConfig, ShippedConfigsParse) {
  for (const char *name : {"optimize.quick.json", "optimize.full.json", "optimize.trust.json", "optimize.difftune.json",
                           "optimize.weak-l1.json", "optimize.polish.json"}) {
    patterns::PatternConfig c = patterns::PatternConfig::load(std::string(SURROGATE_SOURCE_DIR) + "/configs/" + name);
    EXPECT_NO_THROW(patterns::OptimizeSettings::fromJson(c.pattern)) << name;
    EXPECT_NO_THROW(model::ModelConfig::fromJson(c.model)) << name;
    EXPECT_NO_THROW(model::TrainingOptions::fromJson(c.training)) << name;
    EXPECT_FALSE(c.measured.empty()) << name;
  }
}

// pattern.tune_as_written's view of a vector: the features of the table it maps back to.
TEST(ParamVector, AsWrittenIsTheVectorOfTheTableWritten) {
  std::vector<std::string> names = {"ADD32rr", "IMUL64rm", "MOV64rm"};
  std::vector<unsigned> opcodes;
  for (const auto &n : names) opcodes.push_back(*mca::lookupOpcode(n));
  model::ParamVector space(mca::ParamTable::fromModel("haswell", names), opcodes);
  EXPECT_EQ(space.asWritten(space.initial()), space.initial());

  // A fractional micro-op count rounds; a one-write opcode's two latencies become their mean.
  std::vector<float> v = space.initial();
  std::size_t add = 2 + space.rowOf(opcodes[0]) * space.width();
  v[add + model::TableFeatures::kMicroOps] = std::log1p(2.4f);
  v[add + model::TableFeatures::kLatency] = std::log1p(1.0f);
  v[add + model::TableFeatures::kMaxLatency] = std::log1p(5.0f);
  std::vector<float> written = space.asWritten(v);
  EXPECT_FLOAT_EQ(written[add + model::TableFeatures::kMicroOps], std::log1p(2.0f));
  EXPECT_FLOAT_EQ(written[add + model::TableFeatures::kLatency], std::log1p(3.0f));
  EXPECT_FLOAT_EQ(written[add + model::TableFeatures::kMaxLatency], std::log1p(3.0f));
  EXPECT_EQ(mca::diffTables(space.toTable(written), space.toTable(v)), "");
  EXPECT_EQ(space.asWritten(written), written);
  std::vector<float> fromTable = model::ParamVector(space.toTable(v), opcodes).initial();
  for (std::size_t i = 0; i < written.size(); ++i)
    if (space.isFree()[i])
      EXPECT_FLOAT_EQ(written[i], fromTable[i]) << space.featureName(i);
}

TEST(TableTuning, MedianCapKeepsTheBestCheckpointThatObeysIt) {
  std::vector<block::BasicBlock> blocks(4);
  std::vector<double> measured = {100, 200, 100, 50};
  for (std::size_t i = 0; i < blocks.size(); ++i) blocks[i].measured = measured[i];
  // APEs 0.1, 0.5, 1 (llvm-mca failed), 0.2: mean 0.45, median (0.2 + 0.5) / 2.
  patterns::MeasuredError e = patterns::errorAgainstMeasured({110, 100, NAN, 60}, blocks);
  EXPECT_NEAR(e.mape, 0.45, 1e-12);
  EXPECT_NEAR(e.medianApe, 0.35, 1e-12);
  e = patterns::errorAgainstMeasured({110, 100, 100}, {blocks[0], blocks[1], blocks[2]});
  EXPECT_NEAR(e.medianApe, 0.1, 1e-12);

  patterns::SurrogateTuning t;
  t.checkpoints.resize(4);
  t.curve = nlohmann::json::array();
  for (auto [mape, median] : std::vector<std::pair<double, double>>{{0.40, 0.11}, {0.20, 0.13}, {0.25, 0.11},
                                                                     {0.30, 0.10}}) {
    t.curve.push_back({{"llvm_mca_validation_mape", mape}, {"llvm_mca_validation_median_ape", median}});
  }
  EXPECT_EQ(patterns::pickCheckpoint(t), 1u);  // no cap: the lowest mean
  double cap = patterns::medianApeCap(1.0, 0.11);
  EXPECT_EQ(patterns::pickCheckpoint(t, cap), 2u);  // step 1 raises the median above the default's
  EXPECT_EQ(patterns::pickCheckpoint(t, patterns::medianApeCap(1.0, 0.09)), 0u);  // none obeys: the start
  EXPECT_TRUE(std::isinf(patterns::medianApeCap(0, 0.11)));

  nlohmann::json settings = {{"median_cap", 1.0}};
  EXPECT_DOUBLE_EQ(patterns::OptimizeSettings::fromJson(settings).medianCap, 1.0);
  settings["median_cap"] = -1;
  EXPECT_THROW(patterns::OptimizeSettings::fromJson(settings, "x.json"), std::exception);
}
