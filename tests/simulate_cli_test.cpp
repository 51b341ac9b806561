// `surrogate simulate` and `surrogate eval` as users run them: outputs,
// bad inputs, determinism across thread counts.
// label cli: SimulateCli EvalCli

#include <gtest/gtest.h>

#include "TestSupport.h"

using surrogate::test::runSurrogate;
using surrogate::test::TempDir;

namespace {
std::string slurp(const std::string &path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}
int countLines(const std::string &text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }
} // namespace

TEST(SimulateCli, CsvWithMeasuredColumn) {
  TempDir dir;
  std::string in = dir.file("in.csv", "4801c3,100\n4801c3480fafcb,300\n");
  auto r = runSurrogate("simulate " + in);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "hex,cycles,measured");
  EXPECT_NE(r.out.find("4801c3480fafcb,304,300\n"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("2 blocks read, 2 simulated, 0 skipped"), std::string::npos) << r.err;
}

TEST(SimulateCli, HeaderLineAndNoMeasured) {
  TempDir dir;
  std::string in = dir.file("in.csv", "hex,frequency\n4801c3,0.5\n");
  auto r = runSurrogate("simulate " + in);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "hex,cycles\n4801c3,103\n");
}

TEST(SimulateCli, BadRowsAreReportedCountedAndSkipped) {
  TempDir dir;
  std::string in = dir.file("bad.csv", "4801c3\n4801c\n48zz\n0f04\n4801c3480fafcb\n");
  auto r = runSurrogate("simulate " + in + " -o " + (dir / "out.csv"));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("bad.csv:2: odd-length hex string (5 digits)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad.csv:3: non-hex character 'z' at position 3"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad.csv:4: cannot decode an instruction at byte offset 0"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("5 blocks read, 2 simulated, 3 skipped"), std::string::npos) << r.err;
  EXPECT_EQ(countLines(slurp(dir / "out.csv")), 3);
}

TEST(SimulateCli, StrictStopsAtFirstBadRowAndLeavesNoOutput) {
  TempDir dir;
  std::string in = dir.file("bad.csv", "4801c3\n48zz\n4801c3\n");
  auto r = runSurrogate("simulate --strict " + in + " -o " + (dir / "out.csv"));
  EXPECT_NE(r.exitCode, 0);
  EXPECT_NE(r.err.find("bad.csv:2: non-hex character"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "out.csv"));
  for (auto &entry : std::filesystem::directory_iterator(dir.path))
    EXPECT_EQ(entry.path().filename().string().find(".tmp."), std::string::npos) << entry.path();
}

TEST(SimulateCli, EmptyFileIsAnError) {
  TempDir dir;
  std::string in = dir.file("empty.csv", "");
  auto r = runSurrogate("simulate " + in);
  EXPECT_NE(r.exitCode, 0);
  EXPECT_NE(r.err.find("empty.csv:0: file holds no blocks"), std::string::npos) << r.err;
}

TEST(SimulateCli, MissingFileIsAnError) {
  auto r = runSurrogate("simulate /nonexistent/blocks.csv");
  EXPECT_NE(r.exitCode, 0);
  EXPECT_NE(r.err.find("/nonexistent/blocks.csv: cannot open"), std::string::npos) << r.err;
}

TEST(SimulateCli, UnknownCpuListsValidNames) {
  TempDir dir;
  auto r = runSurrogate("simulate --mcpu pentium9 " + dir.file("in.csv", "4801c3\n"));
  EXPECT_NE(r.exitCode, 0);
  EXPECT_NE(r.err.find("unknown CPU 'pentium9'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("haswell"), std::string::npos);
  EXPECT_NE(r.err.find("znver2"), std::string::npos);
}

TEST(SimulateCli, OtherCpusAndIterations) {
  TempDir dir;
  std::string in = dir.file("in.csv", "4801c3480fafcb\n");
  auto ten = runSurrogate("simulate --iterations 10 " + in);
  auto hundred = runSurrogate("simulate --iterations 100 " + in);
  ASSERT_EQ(ten.exitCode, 0) << ten.err;
  EXPECT_EQ(ten.out, "hex,cycles\n4801c3480fafcb,34\n");
  EXPECT_EQ(hundred.out, "hex,cycles\n4801c3480fafcb,304\n");
  for (const char *cpu : {"skylake", "ivybridge", "znver2"})
    EXPECT_EQ(runSurrogate(std::string("simulate --mcpu ") + cpu + " " + in).exitCode, 0) << cpu;
}

TEST(SimulateCli, AssemblyAttAndIntelAgree) {
  TempDir dir;
  std::string att = dir.file("b.s", "addq %rax, %rbx\nimulq %rbx, %rcx\n# ---\n# a comment\nmovq (%rdi), %rax\n"
                                    "addq $1, %rax\n# ---\nbogus %rax\n");
  std::string intel = dir.file("i.s", "add rbx, rax\nimul rcx, rbx\n# ---\nmov rax, qword ptr [rdi]\nadd rax, 1\n");
  auto a = runSurrogate("simulate " + att);
  auto i = runSurrogate("simulate --syntax intel " + intel);
  ASSERT_EQ(a.exitCode, 0) << a.err;
  ASSERT_EQ(i.exitCode, 0) << i.err;
  EXPECT_EQ(a.out, "hex,cycles\n4801c3480fafcb,304\n488b074883c001,58\n");
  EXPECT_EQ(i.out, a.out);
  EXPECT_NE(a.err.find("b.s:8: assembly does not parse: line 8: invalid instruction mnemonic 'bogus'"),
            std::string::npos)
      << a.err;
}

TEST(SimulateCli, JsonlHasSummaryFigures) {
  TempDir dir;
  auto r = runSurrogate("simulate --format jsonl " + dir.file("in.csv", "4801c3480fafcb,290\n"));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["cycles"], 304);
  EXPECT_EQ(j["instructions"], 2);
  EXPECT_EQ(j["measured"], 290.0);
  EXPECT_NEAR(j["ipc"].get<double>(), 200.0 / 304, 1e-9);
  EXPECT_DOUBLE_EQ(j["block_rthroughput"].get<double>(), 1.0);
}

TEST(SimulateCli, OutputIsTheSameForAnyThreadCount) {
  SKIP_WITHOUT_BHIVE();
  TempDir dir;
  std::string in = dir.file("in.csv", surrogate::test::headLines(surrogate::test::bhiveDir() + "/hsw.csv", 3000));
  auto one = runSurrogate("simulate -j 1 " + in);
  auto two = runSurrogate("simulate -j 2 " + in);
  auto three = runSurrogate("simulate -j 3 --format csv " + in);
  ASSERT_EQ(one.exitCode, 0) << one.err;
  EXPECT_EQ(countLines(one.out), 3001);
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(one.out, three.out);
}

TEST(EvalCli, ScoresAndBucketsAndThresholds) {
  TempDir dir;
  std::string in = dir.file("p.csv", "hex,cycles,measured\n4801c3,110,100\n4801c3480fafcb,270,300\n"
                                     "4801c3,,100\n4801c3,12,abc\n");
  auto r = runSurrogate("eval --format json " + in);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["overall"]["count"], 2);
  EXPECT_NEAR(j["overall"]["mape"].get<double>(), 0.1, 1e-12);
  EXPECT_EQ(j["by_length"]["1-4"]["count"], 2);
  EXPECT_EQ(j["skipped"], 2);
  EXPECT_NE(r.err.find("p.csv:4: predicted value '' is not a number"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("p.csv:5: measured value 'abc' is not a positive number"), std::string::npos) << r.err;
  EXPECT_EQ(runSurrogate("eval --max-mape 0.2 " + in).exitCode, 0);
  EXPECT_EQ(runSurrogate("eval --max-mape 0.05 " + in).exitCode, 3);
  auto missing = runSurrogate("eval --pred predicted " + in);
  EXPECT_NE(missing.exitCode, 0);
  EXPECT_NE(missing.err.find("no column 'predicted'"), std::string::npos) << missing.err;
}
