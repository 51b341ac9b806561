// `surrogate sweep` at tiny scale: every size trained on one dataset,
// measured, written to sweep.csv, and the picked size is the rule's.
// label e2e: SweepPattern

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "TestSupport.h"

using namespace surrogate;

namespace {
nlohmann::json readJson(const std::string &path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

nlohmann::json tinySweep(const std::string &measured, double minSpeedup) {
  return {{"cpu", "haswell"},
          {"measured", measured},
          {"threads", 2},
          {"seed", 3},
          {"model", {{"embedding", 8}, {"hidden", 8}, {"layers", 1}}},
          {"training", {{"batch_size", 32}, {"max_epochs", 1}, {"patience", 1}}},
          {"pattern",
           {{"sizes", {nlohmann::json::object(), {{"hidden", 16}}, {{"embedding", 16}, {"hidden", 16}, {"layers", 2}}}},
            {"bench_blocks", 40},
            {"min_speedup", minSpeedup}}}};
}
} // namespace

TEST(SweepPattern, TinySweepMeasuresEverySizeAndPicksByTheRule) {
  SKIP_WITHOUT_BHIVE();
  test::TempDir dir;
  std::string measured = dir.file("measured.csv", test::headLines(test::bhiveDir() + "/hsw.csv", 400));
  std::string configPath = dir.file("sweep.json", tinySweep(measured, 0).dump());
  std::string run = dir / "run";
  auto r = test::runSurrogate("--no-progress sweep --config " + configPath + " -o " + run);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  nlohmann::json report = readJson(run + "/sweep_report.json");
  const nlohmann::json &sizes = report["sizes"];
  ASSERT_EQ(sizes.size(), 3u);
  EXPECT_LT(sizes[0]["parameters"].get<int>(), sizes[1]["parameters"].get<int>());
  EXPECT_LT(sizes[1]["parameters"].get<int>(), sizes[2]["parameters"].get<int>());
  std::size_t best = 0;
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    EXPECT_GT(sizes[i]["surrogate_blocks_per_second_1_thread"].get<double>(), 0);
    EXPECT_GT(sizes[i]["llvm_mca_blocks_per_second_1_thread"].get<double>(), 0);
    EXPECT_GT(sizes[i]["test_vs_llvm_mca"]["count"].get<int>(), 0);
    EXPECT_TRUE(std::filesystem::exists(sizes[i]["run_dir"].get<std::string>() + "/best.pt"));
    EXPECT_TRUE(sizes[i]["adapted"].is_null());
    if (sizes[i]["validation_mape_vs_llvm_mca"] < sizes[best]["validation_mape_vs_llvm_mca"]) best = i;
  }
  // With min_speedup 0 every size qualifies: the rule picks the most accurate on validation.
  EXPECT_EQ(report["picked"]["run_dir"], sizes[best]["run_dir"]);
  EXPECT_EQ(sizes[2]["model"]["layers"], 2);
  std::ifstream csv(run + "/sweep.csv");
  std::string header, line;
  std::getline(csv, header);
  EXPECT_EQ(header.rfind("embedding,hidden,layers,parameters,test_mape_vs_llvm_mca", 0), 0u) << header;
  std::size_t rows = 0, picked = 0;
  while (std::getline(csv, line)) {
    ++rows;
    picked += line.substr(line.rfind(',') + 1) == "1";
  }
  EXPECT_EQ(rows, 3u);
  EXPECT_EQ(picked, 1u);
  EXPECT_TRUE(std::filesystem::exists(run + "/figures/pareto.gp"));
  EXPECT_NE(test::headLines(run + "/sweep_report.md", 20).find("(picked)"), std::string::npos);

  // A picked size is a model predict loads.
  auto p = test::runSurrogate("predict --model " + report["picked"]["run_dir"].get<std::string>() + " " + measured +
                              " -o " + (dir / "pred.csv"));
  EXPECT_EQ(p.exitCode, 0) << p.err;

  // Resumed: every size's training is reused, and no size is picked when none is fast enough.
  auto resumed = test::runSurrogate("--no-progress sweep --resume --config " + configPath + " -o " + run);
  ASSERT_EQ(resumed.exitCode, 0) << resumed.err;
  EXPECT_NE(resumed.err.find("is finished; reusing it"), std::string::npos);
  std::string slowRule = dir.file("fast.json", tinySweep(measured, 1e6).dump());
  auto none = test::runSurrogate("--no-progress sweep --config " + slowRule + " -o " + (dir / "none"));
  ASSERT_EQ(none.exitCode, 0) << none.err;
  EXPECT_TRUE(readJson(dir / "none/sweep_report.json")["picked"].is_null());

  // compile's pattern.sweep: the report's Design section shows the sweep's table and its pick.
  nlohmann::json compile = tinySweep(measured, 0);
  compile["model"].update(report["picked"]["model"]);
  compile["pattern"] = {{"sweep", run}, {"deploy_blocks", 40}};
  auto c = test::runSurrogate("--no-progress compile --config " + dir.file("compile.json", compile.dump()) + " -o " +
                              (dir / "compiled"));
  ASSERT_EQ(c.exitCode, 0) << c.err;
  nlohmann::json design = readJson(dir / "compiled/compile_report.json")["design"];
  EXPECT_EQ(design["capacity_sweep"]["sizes"].size(), 3u);
  EXPECT_NE(design["capacity_chosen_by"].get<std::string>().find("capacity sweep"), std::string::npos);
  std::string md = test::headLines(dir / "compiled/compile_report.md", 200);
  EXPECT_NE(md.find("| size | parameters | test MAPE vs llvm-mca"), std::string::npos) << md;
  EXPECT_NE(md.find(" (picked) |"), std::string::npos) << md;

  // A model other than the pick, or a sweep that picked nothing, is refused before anything is written.
  compile["model"]["hidden"] = 24;
  auto other = test::runSurrogate("compile --config " + dir.file("other.json", compile.dump()) + " -o " + (dir / "o"));
  EXPECT_NE(other.exitCode, 0);
  EXPECT_NE(other.err.find("sweep_report.json: the sweep picked"), std::string::npos) << other.err;
  compile["pattern"]["sweep"] = dir / "none";
  auto unpicked = test::runSurrogate("compile --config " + dir.file("unpicked.json", compile.dump()) + " -o " + (dir / "o"));
  EXPECT_NE(unpicked.exitCode, 0);
  EXPECT_NE(unpicked.err.find("the sweep picked no size"), std::string::npos) << unpicked.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "o/pattern.json"));
}

TEST(SweepPattern, AdaptedSizesArePickedByTheirValidationErrorAgainstMeasured) {
  SKIP_WITHOUT_BHIVE();
  test::TempDir dir;
  std::string measured = dir.file("measured.csv", test::headLines(test::bhiveDir() + "/hsw.csv", 400));
  nlohmann::json config = tinySweep(measured, 0);
  config["pattern"]["sizes"] = {nlohmann::json::object(), {{"hidden", 16}}};
  config["pattern"]["adapt"] = {{"fractions", {0.5, 1.0}}, {"training", {{"batch_size", 16}, {"learning_rate", 0.003}}}};
  std::string run = dir / "run";
  auto r = test::runSurrogate("--no-progress sweep --config " + dir.file("sweep.json", config.dump()) + " -o " + run);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  nlohmann::json report = readJson(run + "/sweep_report.json");
  const nlohmann::json &sizes = report["sizes"];
  ASSERT_EQ(sizes.size(), 2u);
  std::size_t best = 0;
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    const nlohmann::json &adapted = sizes[i]["adapted"];
    ASSERT_FALSE(adapted.is_null());
    ASSERT_EQ(adapted["learning_curve"].size(), 2u);
    for (const nlohmann::json &point : adapted["learning_curve"]) {
      EXPECT_GT(point["adapted_mape"].get<double>(), 0);
      EXPECT_GT(point["adapted_validation_mape"].get<double>(), 0);
      EXPECT_TRUE(point["scratch_mape"].is_null());  // the sweep trains nothing from scratch
    }
    // The adapt run started from this size's weights, with the adapt step's training keys.
    nlohmann::json pattern = readJson(adapted["run_dir"].get<std::string>() + "/pattern.json");
    EXPECT_EQ(pattern["pattern"]["from"], std::filesystem::absolute(sizes[i]["run_dir"].get<std::string>()).string());
    EXPECT_EQ(pattern["training"]["batch_size"], 16);
    EXPECT_EQ(pattern["training"]["max_epochs"], 1);  // the sweep's own, kept
    EXPECT_FALSE(std::filesystem::exists(adapted["run_dir"].get<std::string>() + "/curve/scratch-1"));
    if (adapted["learning_curve"][1]["adapted_validation_mape"] <
        sizes[best]["adapted"]["learning_curve"][1]["adapted_validation_mape"])
      best = i;
  }
  EXPECT_EQ(report["picked"]["run_dir"], sizes[best]["run_dir"]);
  EXPECT_NE(report["rule"].get<std::string>().find("after adapting on 100%"), std::string::npos) << report["rule"];
  EXPECT_NE(test::headLines(run + "/sweep.csv", 1)
                .find(",adapted_0.5_validation_mape,adapted_0.5_test_mape,adapted_1_validation_mape,adapted_1_test_mape,"
                      "picked"),
            std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(run + "/figures/pareto_adapted.gp"));

  // Resumed: the adapt runs are found and reused.
  auto resumed = test::runSurrogate("--no-progress sweep --resume --config " + (dir / "sweep.json") + " -o " + run);
  ASSERT_EQ(resumed.exitCode, 0) << resumed.err;
  EXPECT_EQ(readJson(run + "/sweep_report.json")["sizes"][1]["adapted"]["learning_curve"],
            sizes[1]["adapted"]["learning_curve"]);
}

TEST(SweepPattern, BadSizesAreNamed) {
  test::TempDir dir;
  nlohmann::json config = tinySweep("m.csv", 3);
  config["pattern"]["sizes"] = {{{"hidden", 16}}, {{"hidden", 16}}};
  auto twice = test::runSurrogate("sweep --config " + dir.file("twice.json", config.dump()) + " -o " + (dir / "a"));
  EXPECT_NE(twice.exitCode, 0);
  EXPECT_NE(twice.err.find("lists the size"), std::string::npos) << twice.err;
  config["pattern"]["sizes"] = {{{"hiden", 16}}};
  auto typo = test::runSurrogate("sweep --config " + dir.file("typo.json", config.dump()) + " -o " + (dir / "b"));
  EXPECT_NE(typo.exitCode, 0);
  EXPECT_NE(typo.err.find("hiden"), std::string::npos) << typo.err;
  config["pattern"]["sizes"] = {{{"hidden", 16}}};
  config["pattern"]["adapt"] = {{"fractions", {1.0, 0.5}}};
  auto order = test::runSurrogate("sweep --config " + dir.file("order.json", config.dump()) + " -o " + (dir / "d"));
  EXPECT_NE(order.exitCode, 0);
  EXPECT_NE(order.err.find("pattern.adapt"), std::string::npos) << order.err;
  config["pattern"]["adapt"] = {{"training", {{"batch_sise", 16}}}};
  auto badKey = test::runSurrogate("sweep --config " + dir.file("badkey.json", config.dump()) + " -o " + (dir / "e"));
  EXPECT_NE(badKey.exitCode, 0);
  EXPECT_NE(badKey.err.find("batch_sise"), std::string::npos) << badKey.err;
  config["pattern"].erase("adapt");
  config["pattern"].erase("sizes");
  auto none = test::runSurrogate("sweep --config " + dir.file("none.json", config.dump()) + " -o " + (dir / "c"));
  EXPECT_NE(none.exitCode, 0);
  EXPECT_NE(none.err.find("pattern.sizes"), std::string::npos) << none.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "a/pattern.json"));
  EXPECT_FALSE(std::filesystem::exists(dir / "e/pattern.json"));
}
