// Code regions through the commands that read assembly (simulate, predict,
// dataset) and the one that reads their CSVs (eval), and `--iterations 0`.
// Expected cycles are llvm-mca-19's Total Cycles for the same input.
// label cli: RegionsCli

#include <gtest/gtest.h>

#include "TestSupport.h"
#include "surrogate/data/Dataset.h"

using surrogate::test::runSurrogate;
using surrogate::test::TempDir;

namespace {
// Text outside the regions is ignored; the first region's name has a comma.
const char *kRegions = "  add %ecx, %esi\n"
                       "# LLVM-MCA-BEGIN First, Region\n  add %edi, %esi\n# LLVM-MCA-END\n"
                       "# LLVM-MCA-BEGIN\n  imul %esi, %edx\n  add %edx, %eax\n# LLVM-MCA-END\n"
                       "  add %esi, %eax\n";
} // namespace

TEST(RegionsCli, SimulateWritesOneRowPerRegionWithItsName) {
  TempDir dir;
  std::string in = dir.file("r.s", kRegions);
  auto csv = runSurrogate("simulate --mcpu haswell " + in);
  ASSERT_EQ(csv.exitCode, 0) << csv.err;
  // llvm-mca-19 -mcpu=haswell: [0] Code Region - First, Region: 103; [1] Code Region: 304.
  EXPECT_EQ(csv.out, "hex,cycles,region\n01fe,103,\"First, Region\"\n0fafd601d0,304,1\n");

  auto jsonl = runSurrogate("simulate --format jsonl --iterations 10 " + in);
  ASSERT_EQ(jsonl.exitCode, 0) << jsonl.err;
  std::istringstream lines(jsonl.out);
  std::string first, second;
  std::getline(lines, first);
  std::getline(lines, second);
  EXPECT_EQ(nlohmann::json::parse(first)["region"], "First, Region");
  EXPECT_EQ(nlohmann::json::parse(first)["cycles"], 13);
  EXPECT_EQ(nlohmann::json::parse(second)["region"], "1");
  EXPECT_EQ(nlohmann::json::parse(second)["cycles"], 34);
}

TEST(RegionsCli, InputsWithoutRegionsKeepTheirColumns) {
  TempDir dir;
  std::string plain = dir.file("p.s", "add %edi, %esi\n");
  std::string regions = dir.file("r.s", kRegions);
  EXPECT_EQ(runSurrogate("simulate " + plain).out, "hex,cycles\n01fe,103\n");
  auto jsonl = runSurrogate("simulate --format jsonl " + plain);
  EXPECT_FALSE(nlohmann::json::parse(jsonl.out).contains("region")) << jsonl.out;
  // Mixed inputs: one region column, empty for blocks that are not regions.
  auto mixed = runSurrogate("simulate " + plain + " " + regions);
  ASSERT_EQ(mixed.exitCode, 0) << mixed.err;
  EXPECT_EQ(mixed.out, "hex,cycles,region\n01fe,103,\n01fe,103,\"First, Region\"\n0fafd601d0,304,1\n");
}

TEST(RegionsCli, UnbalancedMarkersAreRefusedNamingTheLine) {
  TempDir dir;
  std::string in = dir.file("bad.s", "# LLVM-MCA-BEGIN foo\nadd %eax, %eax\n# LLVM-MCA-END bar\n");
  auto r = runSurrogate("simulate " + in);
  EXPECT_NE(r.exitCode, 0);
  EXPECT_NE(r.err.find("bad.s:3: code region: found an invalid region end directive; note: unable to find an "
                       "active region named bar"),
            std::string::npos)
      << r.err;
}

TEST(RegionsCli, IterationsZeroIsLlvmMcasDefault) {
  TempDir dir;
  std::string in = dir.file("in.csv", "4801c3480fafcb\n");
  auto zero = runSurrogate("simulate --iterations 0 --format jsonl " + in);
  auto hundred = runSurrogate("simulate --iterations 100 --format jsonl " + in);
  ASSERT_EQ(zero.exitCode, 0) << zero.err;
  EXPECT_EQ(zero.out, hundred.out);
  EXPECT_EQ(nlohmann::json::parse(zero.out)["iterations"], 100);
}

TEST(RegionsCli, EvalReadsQuotedRegionNames) {
  TempDir dir;
  // Quoted names (a comma, a quote) ahead of the scored columns: each is one field, the columns stay in place.
  std::string csv = dir.file("s.csv", "hex,region,cycles,measured\n01fe,\"First, Region\",110,100\n"
                                      "0fafd601d0,\"say \"\"hi\"\", twice\",330,300\n");
  auto r = runSurrogate("eval --format json " + csv);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  auto overall = nlohmann::json::parse(r.out)["overall"];
  EXPECT_EQ(overall["count"], 2) << r.err;
  EXPECT_NEAR(overall["mape"].get<double>(), 0.1, 1e-12);
}

TEST(RegionsCli, PredictNamesTheRegions) {
  TempDir dir;
  std::string in = dir.file("r.s", kRegions);
  std::string model = std::string(SURROGATE_SOURCE_DIR) + "/data/models/haswell";
  auto r = runSurrogate("predict --model " + model + " " + in);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const std::string &out = r.out;
  EXPECT_EQ(out.substr(0, out.find('\n')), "hex,predicted,region");
  EXPECT_NE(out.find("\n01fe,"), std::string::npos) << out;
  EXPECT_NE(out.find(",\"First, Region\"\n0fafd601d0,"), std::string::npos) << out;
  EXPECT_EQ(out.substr(out.size() - 3), ",1\n") << out;
}

TEST(RegionsCli, DatasetRecordsRegionsAndExportsThem) {
  TempDir dir;
  std::string in = dir.file("r.s", kRegions);
  auto r = runSurrogate("dataset --blocks " + in + " -o " + (dir / "d"));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  auto ds = surrogate::data::Dataset::open(dir / "d");
  EXPECT_EQ(ds.manifest()["regions"], nlohmann::json::parse(R"([{"block":0,"region":"First, Region"},
                                                                {"block":1,"region":"1"}])"));
  auto ex = runSurrogate("dataset export " + (dir / "d"));
  ASSERT_EQ(ex.exitCode, 0) << ex.err;
  const std::string &csv = ex.out;
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "hex,params_id,split,cycles,measured,region");
  EXPECT_NE(csv.find(",103,,\"First, Region\"\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\n0fafd601d0,0,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",304,,1\n"), std::string::npos) << csv;

  // A dataset of inputs without regions has no regions key and exports the usual columns.
  std::string plain = dir.file("p.s", "add %edi, %esi\n");
  ASSERT_EQ(runSurrogate("dataset --blocks " + plain + " -o " + (dir / "e")).exitCode, 0);
  EXPECT_FALSE(surrogate::data::Dataset::open(dir / "e").manifest().contains("regions"));
}
