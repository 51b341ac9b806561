// Knowing when the surrogate does not know: the selective metrics (AUROC,
// risk-coverage, calibration), the stored guard calibration and its errors,
// and `guard calibrate` + `predict --guard` end to end: an out-of-distribution
// block goes to llvm-mca, and without --guard the output is unchanged.
// label unit: SelectiveMetrics GuardCalibrationFile
// label cli: GuardCli

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "TestSupport.h"
#include "surrogate/model/GuardCalibration.h"
#include "surrogate/model/SelectiveMetrics.h"
#include "surrogate/support/Errors.h"

using namespace surrogate;
using surrogate::test::TempDir;

TEST(SelectiveMetrics, AurocRanksPositivesAboveNegatives) {
  EXPECT_DOUBLE_EQ(model::auroc({0.1, 0.2, 0.8, 0.9}, {false, false, true, true}), 1.0);
  EXPECT_DOUBLE_EQ(model::auroc({0.9, 0.8, 0.2, 0.1}, {false, false, true, true}), 0.0);
  EXPECT_DOUBLE_EQ(model::auroc({0.5, 0.5, 0.5, 0.5}, {false, true, false, true}), 0.5);  // ties count half
  EXPECT_DOUBLE_EQ(model::auroc({0.1, 0.4, 0.35, 0.8}, {false, false, true, true}), 0.75);
  EXPECT_TRUE(std::isnan(model::auroc({0.1, 0.2}, {true, true})));
}

TEST(SelectiveMetrics, RiskCoverageAnswersTheSurestFirst) {
  // Uncertainty ranks the errors: the surest half has APE 0.01 and 0.03.
  std::vector<double> u = {0.9, 0.1, 0.2, 0.8}, ape = {0.5, 0.01, 0.03, 0.2}, fallback = {0.1, 0.1, 0.1, 0.1};
  auto curve = model::riskCoverage(u, ape, fallback, {0.5, 1.0});
  ASSERT_EQ(curve.size(), 2u);
  EXPECT_DOUBLE_EQ(curve[0].coverage, 0.5);
  EXPECT_DOUBLE_EQ(curve[0].threshold, 0.2);
  EXPECT_DOUBLE_EQ(curve[0].surrogateMape, 0.02);
  EXPECT_DOUBLE_EQ(curve[0].guardedMape, (0.01 + 0.03 + 0.1 + 0.1) / 4);
  EXPECT_DOUBLE_EQ(curve[1].surrogateMape, (0.5 + 0.01 + 0.03 + 0.2) / 4);
  EXPECT_DOUBLE_EQ(curve[1].guardedMape, curve[1].surrogateMape);
}

TEST(SelectiveMetrics, CalibrationTableBinsByPredictedProbability) {
  std::vector<double> p = {0.1, 0.1, 0.9, 0.9};
  auto table = model::calibrationTable(p, {false, false, true, false}, 2);
  ASSERT_EQ(table.size(), 2u);
  EXPECT_DOUBLE_EQ(table[0].predicted, 0.1);
  EXPECT_DOUBLE_EQ(table[0].observed, 0.0);
  EXPECT_DOUBLE_EQ(table[1].predicted, 0.9);
  EXPECT_DOUBLE_EQ(table[1].observed, 0.5);
  EXPECT_EQ(table[1].count, 2u);
}

namespace {

model::GuardCalibration sampleCalibration() {
  model::GuardCalibration g;
  g.cpu = "haswell";
  g.signals = {"bound_gap"};
  g.mean = {0.1};
  g.scale = {0.2};
  g.weights = {3};
  g.bias = -2;
  g.targetMape = 0.02;
  g.threshold = 0.3;
  g.curve = {{0.5, 0.1, 0.01, 0.005}, {0.9, 0.3, 0.02, 0.018}, {1.0, 0.99, 0.06, 0.06}};
  return g;
}

std::string loadError(const std::string &path) {
  return test::errorOf([&] { model::GuardCalibration::load(path); });
}

} // namespace

TEST(GuardCalibrationFile, RoundTripsAndPicksTheThresholdOfATarget) {
  TempDir dir;
  model::GuardCalibration g = sampleCalibration();
  g.save(dir / "guard.json");
  model::GuardCalibration back = model::GuardCalibration::load(dir / "guard.json");
  EXPECT_EQ(back.signals, g.signals);
  EXPECT_DOUBLE_EQ(back.uncertainty({0.1, 0, 0, 0}), 1 / (1 + std::exp(2.0)));
  EXPECT_GT(back.uncertainty({2.0, 0, 0, 0}), 0.99);  // far from the bound: surely wrong
  EXPECT_DOUBLE_EQ(back.thresholdFor(0.02), 0.3);     // the most coverage that meets 2%
  EXPECT_DOUBLE_EQ(back.thresholdFor(0.10), 1.0);     // every block
  try {
    back.thresholdFor(0.001);
    FAIL() << "an unreachable target was accepted";
  } catch (const support::ConfigError &e) {
    EXPECT_NE(std::string(e.what()).find("the lowest MAPE there was 0.50%"), std::string::npos) << e.what();
  }
}

TEST(GuardCalibrationFile, ABadFileIsNamedWithItsKey) {
  TempDir dir;
  sampleCalibration().save(dir / "guard.json");
  std::ifstream in(dir / "guard.json");
  std::string text((std::istreambuf_iterator<char>(in)), {});
  auto edit = [&](const std::string &from, const std::string &to) {
    std::string t = text;
    t.replace(t.find(from), from.size(), to);
    std::ofstream(dir / "bad.json") << t;
    return loadError(dir / "bad.json");
  };
  std::string unknown = edit("\"bound_gap\"", "\"moon_phase\"");
  EXPECT_NE(unknown.find("bad.json"), std::string::npos) << unknown;
  EXPECT_NE(unknown.find("moon_phase"), std::string::npos) << unknown;
  std::string threshold = edit("\"threshold\": 0.3", "\"threshold\": 7");
  EXPECT_NE(threshold.find("threshold"), std::string::npos) << threshold;
  EXPECT_NE(loadError(dir / "none.json").find("none.json"), std::string::npos);
}

namespace {

// Four dependent imulq: llvm-mca 1,203 cycles per 100 iterations, the token model 11x low.
const std::string kImulChain = "480fafc0480fafc0480fafc0480fafc0";

std::vector<std::vector<std::string>> csvRows(const std::string &text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    rows.emplace_back();
    std::istringstream fields(line);
    for (std::string f; std::getline(fields, f, ',');)
      rows.back().push_back(f);
  }
  return rows;
}

} // namespace

TEST(GuardCli, AnOutOfDistributionBlockGoesToLlvmMcaAndNothingChangesWithoutGuard) {
  TempDir dir;
  // The shipped token model, calibrated against llvm-mca on the project's sample.
  std::string model = dir / "model.smodel";
  std::filesystem::copy_file(std::string(SURROGATE_SOURCE_DIR) + "/data/models/haswell/model.smodel", model);
  std::string sample = std::string(SURROGATE_SOURCE_DIR) + "/data/samples/hsw-sample.csv";
  auto calibrate = test::runSurrogate("--no-progress guard calibrate --model " + model + " --split all --mcpu haswell "
                                      "--target-mape 2 " + sample);
  ASSERT_EQ(calibrate.exitCode, 0) << calibrate.err;
  ASSERT_TRUE(std::filesystem::exists(dir / "guard.json"));
  EXPECT_TRUE(std::filesystem::exists(dir / "guard_report.md"));
  auto report = nlohmann::json::parse(calibrate.out);
  EXPECT_GT(report["auroc"].get<double>(), 0.8) << calibrate.out;

  std::string blocks = dir.file("blocks.csv", "hex\n" + kImulChain + "\n4801d8\n");
  auto plain = test::runSurrogate("predict --model " + model + " " + blocks);
  auto shipped = test::runSurrogate("predict --model " SURROGATE_SOURCE_DIR "/data/models/haswell " + blocks);
  ASSERT_EQ(plain.exitCode, 0) << plain.err;
  EXPECT_EQ(plain.out, shipped.out);  // guard.json beside the model changes nothing without --guard
  auto guarded = test::runSurrogate("predict --guard --model " + model + " " + blocks);
  ASSERT_EQ(guarded.exitCode, 0) << guarded.err;
  auto rows = csvRows(guarded.out);
  ASSERT_EQ(rows.size(), 3u) << guarded.out;
  EXPECT_EQ(rows[0], (std::vector<std::string>{"hex", "predicted", "uncertainty", "source"}));
  EXPECT_EQ(rows[1][3], "llvm-mca") << guarded.out;
  EXPECT_EQ(rows[1][1], "1203.0000") << guarded.out;
  EXPECT_GT(std::stod(rows[1][2]), std::stod(rows[2][2])) << guarded.out;
  auto last = guarded.err.substr(guarded.err.rfind("guard:"));
  EXPECT_NE(last.find("by llvm-mca"), std::string::npos) << guarded.err;

  // Bad requests, each named.
  auto none = test::runSurrogate("predict --guard --model " SURROGATE_SOURCE_DIR "/data/models/haswell-hybrid " + blocks);
  EXPECT_EQ(none.exitCode, 1);
  EXPECT_NE(none.err.find("has no guard calibration"), std::string::npos) << none.err;
  auto range = test::runSurrogate("predict --guard --guard-threshold 2 --model " + model + " " + blocks);
  EXPECT_NE(range.exitCode, 0);
  EXPECT_NE(range.err.find("--guard-threshold"), std::string::npos) << range.err;
  auto target = test::runSurrogate("predict --guard --guard-target-mape 0.00001 --model " + model + " " + blocks);
  EXPECT_EQ(target.exitCode, 1);
  EXPECT_NE(target.err.find("--guard-target-mape"), std::string::npos) << target.err;
  auto table = test::runSurrogate("params export --mcpu skylake --blocks " + blocks + " -o " + (dir / "skl.json"));
  ASSERT_EQ(table.exitCode, 0) << table.err;
  auto cpu = test::runSurrogate("predict --guard --guard-params " + (dir / "skl.json") + " --model " + model + " " +
                                blocks);
  EXPECT_EQ(cpu.exitCode, 1);
  EXPECT_NE(cpu.err.find("skylake"), std::string::npos) << cpu.err;
}

TEST(GuardCli, TheFallbackRunsUnderTheCalibrationsTableUnlessAnotherIsGiven) {
  TempDir dir;
  std::string model = dir / "model.smodel";
  std::filesystem::copy_file(std::string(SURROGATE_SOURCE_DIR) + "/data/models/haswell/model.smodel", model);
  std::string blocks = dir.file("blocks.csv", "hex\n" + kImulChain + "\n");
  // A table whose imul takes 6 cycles instead of 3: the chain of four, 2,400 cycles instead of 1,200.
  auto exported = test::runSurrogate("params export --mcpu haswell --blocks " + blocks + " -o " + (dir / "t.json"));
  ASSERT_EQ(exported.exitCode, 0) << exported.err;
  nlohmann::json table = nlohmann::json::parse(std::ifstream(dir / "t.json"));
  table["opcodes"]["IMUL64rr"]["latencies"] = {6};
  std::ofstream(dir / "slow.json") << table.dump();
  std::string sample = std::string(SURROGATE_SOURCE_DIR) + "/data/samples/hsw-sample.csv";
  auto calibrate = test::runSurrogate("--no-progress guard calibrate --model " + model + " --split all --mcpu haswell "
                                      "--target-mape 50 --guard-params " + (dir / "slow.json") + " " + sample);
  ASSERT_EQ(calibrate.exitCode, 0) << calibrate.err;

  // The one block's cycles from `command`'s CSV (-1 when it failed).
  auto cyclesOf = [&](const std::string &command) {
    auto r = test::runSurrogate(command + " " + blocks);
    EXPECT_EQ(r.exitCode, 0) << r.err;
    auto rows = csvRows(r.out);
    return rows.size() == 2 ? std::stod(rows[1][1]) : -1.0;
  };
  std::string guarded = "predict --guard --guard-threshold 0 --model " + model;
  double slow = cyclesOf("simulate --params " + (dir / "slow.json")), fast = cyclesOf("simulate");
  EXPECT_GT(slow, 1.5 * fast);
  EXPECT_EQ(cyclesOf(guarded), slow);                                         // the calibration's table
  EXPECT_EQ(cyclesOf(guarded + " --guard-params " + (dir / "t.json")), fast);  // the one given
}
