// `surrogate bench mca` and `bench surrogate` as users run them: the JSON
// report's structure and sanity (counts, positive rates, ratios that agree
// with the rates). Never speed itself: that is what the benchmarks measure.
// label cli: BenchCli

#include <gtest/gtest.h>

#include "TestSupport.h"

using nlohmann::json;
using surrogate::test::runSurrogate;
using surrogate::test::TempDir;

namespace {

// The first `n` rows of hsw.csv, or a few hand-written blocks without BHive.
std::string blocksFile(const TempDir &dir, int n) {
  std::string bhive = surrogate::test::bhiveDir();
  if (bhive.empty())
    return dir.file("blocks.csv", "4801c3,100\n4801c3480fafcb,300\n4889c84801d8,100\n");
  std::string head = surrogate::test::headLines(bhive + "/hsw.csv", n);
  return dir.file("blocks.csv", head + "zz\n");  // one bad row, reported and skipped
}

void expectSaneRate(const json &way, std::size_t blocks) {
  EXPECT_EQ(way.at("blocks").get<std::size_t>(), blocks) << way.dump();
  double seconds = way.at("seconds").get<double>(), rate = way.at("blocks_per_second").get<double>();
  EXPECT_GT(seconds, 0) << way.dump();
  EXPECT_NEAR(rate, blocks / seconds, rate * 1e-6) << way.dump();
}

} // namespace

TEST(BenchCli, McaReportsEachThreadCountAndSpawningWay) {
  TempDir dir;
  std::string blocks = blocksFile(dir, 60);
  auto r = runSurrogate("bench mca " + blocks + " -n 40 --threads 1,2 --spawn-sample 2 --format json");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  json j = json::parse(r.out);
  std::size_t n = j.at("blocks").get<std::size_t>();
  EXPECT_EQ(n, surrogate::test::bhiveDir().empty() ? 3u : 40u);
  EXPECT_EQ(j.at("cpu"), "haswell");
  EXPECT_EQ(j.at("iterations"), 100);
  ASSERT_EQ(j.at("in_process").size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    const json &way = j["in_process"][i];
    EXPECT_EQ(way.at("threads").get<unsigned>(), i + 1);
    expectSaneRate(way, n);
  }
  EXPECT_DOUBLE_EQ(j["in_process"][0]["speedup_vs_1_thread"].get<double>(), 1.0);
  std::string llvmMca = LLVM_MCA_BINARY;
  if (llvmMca.empty() || llvmMca.find("NOTFOUND") != std::string::npos)
    return;  // the spawning ways need llvm-mca-19
  ASSERT_GE(j.at("spawning").size(), 1u);
  for (const json &way : j["spawning"]) {
    expectSaneRate(way, 2);
    double oneThread = j["in_process"][0]["blocks_per_second"].get<double>();
    EXPECT_NEAR(way.at("in_process_1_thread_speedup").get<double>(),
                oneThread / way["blocks_per_second"].get<double>(), 1e-6 * oneThread);
  }
  if (!surrogate::test::bhiveDir().empty())
    EXPECT_EQ(r.err.find("blocks.csv:61: "), std::string::npos) << r.err;  // reading stops at -n blocks
}

TEST(BenchCli, McaTextFormatAndNoUsableBlocks) {
  TempDir dir;
  auto text = runSurrogate("bench mca " + dir.file("ok.csv", "4801c3\n") + " --threads 1 --spawn-sample 0");
  ASSERT_EQ(text.exitCode, 0) << text.err;
  EXPECT_NE(text.out.find("blocks/s"), std::string::npos) << text.out;
  auto none = runSurrogate("bench mca " + dir.file("bad.csv", "zz\n0f04\n") + " --spawn-sample 0");
  EXPECT_NE(none.exitCode, 0);
  EXPECT_NE(none.err.find("surrogate: error: no usable blocks"), std::string::npos) << none.err;
  EXPECT_NE(none.err.find("bad.csv:2: cannot decode"), std::string::npos) << none.err;
}

TEST(BenchCli, SurrogateOnTheShippedModelTimesTheSameBlocksAsMca) {
  TempDir dir;
  std::string model = std::string(SURROGATE_SOURCE_DIR) + "/data/models/haswell";
  std::string blocks = blocksFile(dir, 300);
  auto r = runSurrogate("bench surrogate --model " + model + " " + blocks + " -n 300 --threads 1 --format json");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  json j = json::parse(r.out);
  std::size_t n = j.at("blocks").get<std::size_t>();
  EXPECT_EQ(n, surrogate::test::bhiveDir().empty() ? 3u : 300u);
  EXPECT_EQ(j.at("mca").at("blocks").get<std::size_t>(), n);
  EXPECT_EQ(j.at("checkpoint"), "best.pt");
  // Both engines, one block at a time and batched, on one thread.
  ASSERT_EQ(j.at("surrogate").size(), 4u);
  const json &m = j["mca"]["in_process"][0];
  expectSaneRate(m, n);
  double best = 0;
  for (const json &s : j["surrogate"]) {
    EXPECT_EQ(s.at("threads"), 1);
    expectSaneRate(s, n);
    double ratio = s["blocks_per_second"].get<double>() / m["blocks_per_second"].get<double>();
    EXPECT_NEAR(s.at("vs_mca_same_threads").get<double>(), ratio, 1e-6 * ratio);
    EXPECT_EQ(s.contains("gflops"), s["engine"] == "lean");
    best = std::max(best, ratio);
  }
  EXPECT_EQ(j["surrogate"][0]["engine"], "lean");
  EXPECT_EQ(j["surrogate"][0]["batch_size"], 1);
  EXPECT_EQ(j["surrogate"][1]["batch_size"], 512);
  EXPECT_EQ(j["surrogate"][2]["engine"], "torch");
  EXPECT_NEAR(j.at("best_vs_best_mca").get<double>(), best, 1e-6 * best);
}
