// `surrogate adapt` end to end at a tiny scale, from a tiny compile run.
// label e2e: AdaptPattern

#include <gtest/gtest.h>

#include "TestSupport.h"

using namespace surrogate;

TEST(AdaptPattern, TinyRunEndToEnd) {
  SKIP_WITHOUT_BHIVE();
  test::TempDir dir;
  std::string measured = dir.file("measured.csv", test::headLines(test::bhiveDir() + "/hsw.csv", 500));
  nlohmann::json compile = {{"cpu", "haswell"},
                            {"blocks", nlohmann::json::array()},
                            {"measured", measured},
                            {"threads", 1},
                            {"model", {{"embedding", 8}, {"hidden", 8}, {"layers", 1}}},
                            {"training", {{"batch_size", 32}, {"max_epochs", 1}}},
                            {"pattern", {{"deploy_blocks", 20}}}};
  auto c = test::runSurrogate("--no-progress compile --config " + dir.file("c.json", compile.dump()) + " -o " +
                              (dir / "compiled"));
  ASSERT_EQ(c.exitCode, 0) << c.err;

  nlohmann::json adapt = {{"cpu", "haswell"},
                          {"measured", "/nonexistent/overridden.csv"},
                          {"threads", 1},
                          {"training", {{"batch_size", 16}, {"max_epochs", 1}}},
                          {"pattern", {{"fractions", {0.1, 1.0}}}}};
  std::string config = dir.file("a.json", adapt.dump());
  std::string run = dir / "adapted";
  auto a = test::runSurrogate("--no-progress adapt --config " + config + " --from " + (dir / "compiled") +
                              " --measured " + measured + " -o " + run);
  ASSERT_EQ(a.exitCode, 0) << a.err;
  EXPECT_NE(a.err.find("starting from the weights of"), std::string::npos);

  std::ifstream in(run + "/adapt_report.json");
  nlohmann::json report = nlohmann::json::parse(in);
  ASSERT_EQ(report["learning_curve"].size(), 2u);
  for (const auto &point : report["learning_curve"]) {
    EXPECT_GT(point["adapted_mape"].get<double>(), 0);
    EXPECT_GT(point["scratch_mape"].get<double>(), 0);
    EXPECT_GT(point["adapted_validation_mape"].get<double>(), 0);
    EXPECT_GT(point["adapted_test"]["count"].get<int>(), 0);
    EXPECT_DOUBLE_EQ(point["llvm_mca_mape"].get<double>(), report["llvm_mca_test_mape"].get<double>());
  }
  EXPECT_LT(report["learning_curve"][0]["train_examples"], report["learning_curve"][1]["train_examples"]);
  EXPECT_EQ(report["config"]["measured"], measured);  // --measured overrode the config
  EXPECT_TRUE(std::filesystem::exists(run + "/adapt_report.md"));
  EXPECT_TRUE(std::filesystem::exists(run + "/curve/scratch-0.1/best.pt"));

  // The adapted run directory is a model.
  auto p = test::runSurrogate("predict --model " + run + " " + measured + " -o " + (dir / "pred.csv"));
  ASSERT_EQ(p.exitCode, 0) << p.err;

  auto noModel = test::runSurrogate("adapt --config " + config + " --from " + (dir / "nothing") + " --measured " +
                                    measured + " -o " + (dir / "bad"));
  EXPECT_NE(noModel.exitCode, 0);
  EXPECT_NE(noModel.err.find("not a model run directory"), std::string::npos) << noModel.err;
}
