// `surrogate compile` end to end at a tiny scale: dataset, training,
// deployment comparison, report, and a run directory `predict` loads.
// label cli: CompileConfig
// label e2e: CompilePattern TunedPrior

#include <fstream>

#include <gtest/gtest.h>

#include "TestSupport.h"
#include "surrogate/data/Dataset.h"
#include "surrogate/patterns/PatternConfig.h"
#include "surrogate/support/Errors.h"

using namespace surrogate;

using test::readJson;

TEST(CompilePattern, TinyRunEndToEnd) {
  SKIP_WITHOUT_BHIVE();
  test::TempDir dir;
  std::string hsw = test::headLines(test::bhiveDir() + "/hsw.csv", 600);
  std::string measured = dir.file("measured.csv", hsw.substr(0, hsw.size() / 2));
  std::string blocks = dir.file("blocks.csv", hsw.substr(hsw.size() / 2));  // used as unlabelled blocks
  nlohmann::json config = {
      {"cpu", "haswell"},
      {"blocks", {blocks}},
      {"measured", measured},
      {"threads", 2},
      {"seed", 3},
      {"model", {{"embedding", 8}, {"hidden", 8}, {"layers", 1}}},
      {"training", {{"batch_size", 32}, {"max_epochs", 1}, {"patience", 1}}},
      {"pattern", {{"deploy_blocks", 40}}}};
  std::string configPath = dir.file("compile.json", config.dump());
  std::string run = dir / "run";

  auto r = test::runSurrogate("--no-progress compile --config " + configPath + " -o " + run);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  nlohmann::json report = readJson(run + "/compile_report.json");
  EXPECT_EQ(report["pattern"], "compile");
  const auto &d = report["deployment"];
  EXPECT_GT(d["compared_blocks"].get<int>(), 0);
  EXPECT_LE(d["compared_blocks"].get<int>(), 40);
  EXPECT_GT(d["speed"][0]["llvm_mca_blocks_per_second"].get<double>(), 0);
  EXPECT_GT(d["speed"][0]["surrogate_blocks_per_second"].get<double>(), 0);
  EXPECT_GT(d["llvm_mca_vs_measured"]["mape"].get<double>(), 0);
  EXPECT_GT(report["design"]["parameters"].get<int>(), 0);
  EXPECT_GT(report["deployment_facts"]["deployed_bytes"].get<double>(), 0);
  EXPECT_TRUE(std::filesystem::exists(run + "/compile_report.md"));
  EXPECT_TRUE(std::filesystem::exists(run + "/deploy_predictions.csv"));
  // The guard step: the run's surrogate calibrated on the validation split, timed, and shown in the report.
  ASSERT_TRUE(report["guard"].is_object()) << report["guard"].dump();
  EXPECT_EQ(report["guard"]["reference"], "llvm-mca");
  EXPECT_GT(report["guard"]["guarded_blocks_per_second"].get<double>(), 0);
  EXPECT_TRUE(std::filesystem::exists(run + "/guard.json"));
  EXPECT_TRUE(std::filesystem::exists(run + "/figures/guard_risk_coverage.dat"));
  std::ifstream markdown(run + "/compile_report.md");
  std::string text((std::istreambuf_iterator<char>(markdown)), {});
  EXPECT_NE(text.find("## Guard"), std::string::npos);

  // The run directory is a model.
  auto p = test::runSurrogate("predict --model " + run + " " + measured + " -o " + (dir / "pred.csv"));
  ASSERT_EQ(p.exitCode, 0) << p.err;
  EXPECT_EQ(test::headLines(dir / "pred.csv", 1), "hex,predicted,measured\n");

  // A second run into the same directory is refused; --resume reuses what is done.
  auto again = test::runSurrogate("compile --config " + configPath + " -o " + run);
  EXPECT_NE(again.exitCode, 0);
  EXPECT_NE(again.err.find("already holds a run"), std::string::npos) << again.err;
  auto resumed = test::runSurrogate("--no-progress compile --resume --config " + configPath + " -o " + run);
  ASSERT_EQ(resumed.exitCode, 0) << resumed.err;
  EXPECT_NE(resumed.err.find("is complete; reusing it"), std::string::npos) << resumed.err;
  EXPECT_NE(resumed.err.find("is finished; reusing it"), std::string::npos) << resumed.err;

  // --check fails the run exactly when a target in its report is not met
  // (the speed target is re-measured, so read the report it wrote).
  auto checked = test::runSurrogate("--no-progress compile --resume --check --config " + configPath + " -o " + run);
  nlohmann::json targets = readJson(run + "/compile_report.json")["targets"];
  bool allMet = targets["speedup_met"].get<bool>() && targets["error_met"].get<bool>();
  EXPECT_EQ(checked.exitCode, allMet ? 0 : 3) << checked.err;
  if (!allMet)
    EXPECT_NE(checked.err.find("target not met:"), std::string::npos) << checked.err;
}

TEST(CompileConfig, BadConfigNamesTheFile) {
  test::TempDir dir;
  std::string bad = dir.file("bad.json", R"({"cpu": "haswell", "colour": "blue"})");
  auto r = test::runSurrogate("compile --config " + bad + " -o " + (dir / "run"));
  EXPECT_NE(r.exitCode, 0);
  EXPECT_NE(r.err.find("bad.json: 'colour': unknown key"), std::string::npos) << r.err;
  auto missing = test::runSurrogate("compile --config " + (dir / "none.json") + " -o " + (dir / "run2"));
  EXPECT_NE(missing.exitCode, 0);
  EXPECT_NE(missing.err.find("none.json: cannot open"), std::string::npos) << missing.err;
}

// A typo in the pattern section stops the run before anything is written,
// naming the file and the key (it used to run with exit 0).
TEST(CompileConfig, UnknownPatternKeyIsAnErrorNamingFileAndKey) {
  test::TempDir dir;
  nlohmann::json config = {{"cpu", "haswell"}, {"pattern", {{"deploy_blockz", 10}}}};
  std::string configPath = dir.file("typo.json", config.dump());
  std::string run = dir / "run";
  auto r = test::runSurrogate("--no-progress compile --config " + configPath + " -o " + run);
  EXPECT_NE(r.exitCode, 0);
  EXPECT_NE(r.err.find("typo.json"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("pattern.deploy_blockz"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(run + "/pattern.json"));
}

// The same for the model and training sections, when the config is loaded.
TEST(CompileConfig, UnknownSectionKeysAreErrorsAtLoad) {
  test::TempDir dir;
  for (const char *section : {"model", "training", "dataset"}) {
    nlohmann::json config = {{section, {{"hiden", 3}}}};
    std::string path = dir.file(std::string(section) + ".json", config.dump());
    try {
      patterns::PatternConfig::load(path);
      ADD_FAILURE() << section;
    } catch (const support::ConfigError &e) {
      EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find(std::string(section) + ".hiden"), std::string::npos) << e.what();
    }
  }
}

// A dataset directory whose manifest is of another format version is
// reported as that, not as a complete dataset to overwrite with --force.
TEST(CompileConfig, DatasetOfAnotherFormatVersionIsReportedAsSuch) {
  test::TempDir dir;
  std::filesystem::create_directories(dir / "dataset");
  dir.file("dataset/" + std::string(data::kManifestFile),
           R"({"format": "surrogate-dataset", "format_version": 99, "complete": true})");
  data::DatasetConfig settings;
  settings.output = dir / "dataset";
  try {
    patterns::ensureDataset(settings);
    FAIL() << "no error";
  } catch (const support::DataError &e) {
    std::string what = e.what();
    EXPECT_NE(what.find("format version 99"), std::string::npos) << what;
    EXPECT_EQ(what.find("--force"), std::string::npos) << what;
  }
}

namespace {
// Mean of a numeric column of a CSV with a header.
double columnMean(const std::string &path, const std::string &column) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  std::size_t index = 0;
  for (std::size_t at = 0, next; (next = line.find(',', at)) != std::string::npos && line.substr(at, next - at) != column;
       at = next + 1)
    ++index;
  double sum = 0;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    std::size_t at = 0;
    for (std::size_t i = 0; i < index; ++i) at = line.find(',', at) + 1;
    sum += std::stod(line.substr(at, line.find(',', at) - at));
    ++n;
  }
  return n ? sum / n : 0;
}
} // namespace

// compile --params: the surrogate learns llvm-mca under the given table, and
// deployment compares it with llvm-mca under that table.
TEST(CompilePattern, ParamsTableIsWhatTheSurrogateMimics) {
  SKIP_WITHOUT_BHIVE();
  test::TempDir dir;
  std::string measured = dir.file("measured.csv", test::headLines(test::bhiveDir() + "/hsw.csv", 300));
  ASSERT_EQ(test::runSurrogate("params export --blocks " + measured + " -o " + (dir / "default.json")).exitCode, 0);
  nlohmann::json table = readJson(dir / "default.json");
  for (auto &[name, entry] : table["opcodes"].items())
    for (auto &latency : entry["latencies"]) latency = latency.get<int>() + 4;
  std::string slow = dir.file("slow.json", table.dump());
  nlohmann::json config = {{"cpu", "haswell"},
                           {"measured", measured},
                           {"threads", 2},
                           {"seed", 3},
                           {"model", {{"embedding", 8}, {"hidden", 8}, {"layers", 1}}},
                           {"training", {{"batch_size", 32}, {"max_epochs", 1}, {"patience", 1}}}};
  std::string configPath = dir.file("compile.json", config.dump());
  std::string run = dir / "run";
  auto r = test::runSurrogate("--no-progress compile --config " + configPath + " --params " + slow + " -o " + run);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  nlohmann::json report = readJson(run + "/compile_report.json");
  EXPECT_EQ(report["training"]["llvm_mca_params"], slow);
  EXPECT_NE(report["training"]["target"].get<std::string>().find(slow), std::string::npos);
  EXPECT_NE(test::headLines(run + "/compile_report.md", 5).find("under the parameter table " + slow), std::string::npos);
  EXPECT_EQ(readJson(run + "/pattern.json")["pattern"]["params"], slow);

  // The training labels are llvm-mca's under the table, higher than the defaults on the same blocks.
  ASSERT_EQ(test::runSurrogate("dataset export " + run + "/dataset -o " + (dir / "labels.csv")).exitCode, 0);
  ASSERT_EQ(test::runSurrogate("simulate " + measured + " -o " + (dir / "default.csv")).exitCode, 0);
  ASSERT_EQ(test::runSurrogate("simulate --params " + slow + " " + measured + " -o " + (dir / "slow.csv")).exitCode, 0);
  double labels = columnMean(dir / "labels.csv", "cycles"), slowMean = columnMean(dir / "slow.csv", "cycles");
  EXPECT_NEAR(labels, slowMean, 1e-6 * slowMean);
  EXPECT_GT(labels, 1.2 * columnMean(dir / "default.csv", "cycles"));
  // Deployment ran llvm-mca under the table too.
  EXPECT_GT(columnMean(run + "/deploy_predictions.csv", "llvm_mca"), 1.2 * columnMean(run + "/deploy_predictions.csv", "measured"));

  // A resumed run keeps its table: resumed without it, the run is refused, naming the setting.
  auto resumed = test::runSurrogate("compile --resume --config " + configPath + " -o " + run);
  EXPECT_NE(resumed.exitCode, 0);
  EXPECT_NE(resumed.err.find("was started with other settings (pattern.params: \"" + slow), std::string::npos)
      << resumed.err;
  EXPECT_NE(resumed.err.find("absent here"), std::string::npos) << resumed.err;
  auto same = test::runSurrogate("--no-progress compile --resume --config " + configPath + " --params " + slow + " -o " + run);
  EXPECT_EQ(same.exitCode, 0) << same.err;
}

// tools/tuned-prior.sh: optimize (its config given by --optimize), compile under the tuned table, adapt from
// it, in one command, at tiny scale.
TEST(TunedPrior, ScriptComposesOptimizeCompileAndAdapt) {
  SKIP_WITHOUT_BHIVE();
  test::TempDir dir;
  std::string measured = dir.file("measured.csv", test::headLines(test::bhiveDir() + "/hsw.csv", 300));
  nlohmann::json base = {{"cpu", "haswell"},
                         {"measured", "unused.csv"},
                         {"threads", 2},
                         {"seed", 5},
                         {"model", {{"embedding", 8}, {"hidden", 8}, {"layers", 1}}},
                         {"training", {{"batch_size", 32}, {"max_epochs", 1}, {"patience", 1}}}};
  nlohmann::json optimize = base, compile = base, adapt = base;
  optimize["pattern"] = {{"params_samples", 4}, {"tables_per_block", 2}, {"perturb_probability", 0.3},
                         {"steps", 4},          {"batch_size", 32},      {"blackbox_blocks", 20},
                         {"polish_evaluations", 3}, {"polish_blocks", 20}};
  compile["pattern"] = {{"deploy_blocks", 40}};
  adapt["pattern"] = {{"fractions", {1.0}}};
  std::string optimizeConfig = dir.file("optimize-polish.json", optimize.dump());  // through --optimize
  dir.file("compile.tiny.json", compile.dump());
  dir.file("adapt.tiny.json", adapt.dump());
  std::string out = dir / "recipe";
  std::string cmd = std::string(SURROGATE_SOURCE_DIR) + "/tools/tuned-prior.sh --mcpu haswell --measured " + measured +
                    " -o " + out + " --scale tiny --configs " + dir.path.string() + " --optimize " + optimizeConfig +
                    " --surrogate " + SURROGATE_BINARY +
                    " >" + (dir / "recipe.log") + " 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << test::headLines(dir / "recipe.log", 400);
  std::string table = out + "/optimize/tuned-params.json";
  EXPECT_TRUE(readJson(out + "/optimize/optimize_report.json").contains("polish"));  // the --optimize config ran
  EXPECT_EQ(readJson(out + "/compile/compile_report.json")["training"]["llvm_mca_params"], table);
  EXPECT_EQ(readJson(out + "/adapt/adapt_report.json")["from"], out + "/compile");
  EXPECT_TRUE(std::filesystem::exists(out + "/adapt/best.pt"));
  // Run again: every step is resumed, nothing is refused.
  ASSERT_EQ(std::system(cmd.c_str()), 0) << test::headLines(dir / "recipe.log", 400);
}
