// `surrogate analyze` as users run it: columns, regions, bad rows, --with-mca, --params, JSONL.
// label cli: AnalyzeCli

#include <gtest/gtest.h>

#include "TestSupport.h"
#include "surrogate/mca/ParamTable.h"

using surrogate::test::runSurrogate;
using surrogate::test::TempDir;

namespace {

int countLines(const std::string &text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

const char *kHeader = "hex,instructions,uops,loads,stores,resource_bound,bottleneck,dispatch_bound,dependency_bound,"
                      "register_dependency_bound,critical_path,bound,binds";

// Text outside the regions is ignored; the first region's name has a comma.
const char *kRegions = "  add %ecx, %esi\n"
                       "# LLVM-MCA-BEGIN First, Region\n  add %edi, %esi\n# LLVM-MCA-END\n"
                       "# LLVM-MCA-BEGIN\n  imul %esi, %edx\n  add %edx, %eax\n# LLVM-MCA-END\n"
                       "  add %esi, %eax\n";

} // namespace

TEST(AnalyzeCli, WritesAHeaderAndOneRowPerRegion) {
  TempDir dir;
  auto r = runSurrogate("analyze --mcpu haswell " + dir.file("r.s", kRegions));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  // One add on %esi: a 1-cycle chain against a quarter cycle of dispatch; the
  // imul's 3-cycle chain on %edx against port 1's one cycle, then the add.
  EXPECT_EQ(r.out, std::string(kHeader) + ",region\n" +
                       "01fe,1,1,0,0,0.25,dispatch,0.25,1,1,1,1,dependency,\"First, Region\"\n"
                       "0fafd601d0,2,2,0,0,1,HWPort1,0.5,3,3,4,3,dependency,1\n");
  EXPECT_NE(r.err.find("2 blocks read, 2 analyzed, 0 skipped"), std::string::npos) << r.err;
}

TEST(AnalyzeCli, BadRowsAreReportedCountedAndSkipped) {
  TempDir dir;
  std::string in = dir.file("bad.csv", "4801c3,100\n4801c,100\n48zz,1\n0f04,1\n4801c3480fafcb,300\n");
  auto r = runSurrogate("analyze " + in + " -o " + (dir / "out.csv"));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("bad.csv:2: odd-length hex string (5 digits) (skipped)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad.csv:3: non-hex character 'z' at position 3 (skipped)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad.csv:4: cannot decode an instruction at byte offset 0 (bytes 0f04) (skipped)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("5 blocks read, 2 analyzed, 3 skipped"), std::string::npos) << r.err;
  std::string out = surrogate::test::headLines(dir / "out.csv", 10);
  EXPECT_EQ(countLines(out), 3);
  EXPECT_EQ(out.substr(0, out.find('\n')), std::string(kHeader) + ",measured");
  // add %rax,%rbx then imul %rbx,%rcx: %rcx carries a 3-cycle chain; one iteration is 1 + 3.
  EXPECT_NE(out.find("\n4801c3480fafcb,2,2,0,0,1,HWPort1,0.5,3,3,4,3,dependency,300\n"), std::string::npos) << out;

  auto strict = runSurrogate("analyze --strict " + in + " -o " + (dir / "strict.csv"));
  EXPECT_NE(strict.exitCode, 0);
  EXPECT_NE(strict.err.find("bad.csv:2: odd-length hex string"), std::string::npos) << strict.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "strict.csv"));

  auto none = runSurrogate("analyze " + dir.file("none.csv", "48zz\n"));
  EXPECT_EQ(none.exitCode, 1);
  EXPECT_EQ(none.out, std::string(kHeader) + "\n");
}

TEST(AnalyzeCli, WithMcaAddsLlvmMcasCyclesAndTheirExcessOverTheLargerBound) {
  TempDir dir;
  std::string in = dir.file("in.csv", "4801c3\n");  // add %rax, %rbx: llvm-mca-19 says 103 cycles
  auto r = runSurrogate("analyze --with-mca " + in);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, std::string(kHeader) +
                       ",mca_cycles,mca_excess\n4801c3,1,1,0,0,0.25,dispatch,0.25,1,1,1,1,dependency,1.03,0.03\n");

  // A loop-carried chain through memory that llvm-mca (loads never wait for stores) does not see.
  std::string s = dir.file("m.s", "movq (%rdi), %rax\naddq $1, %rax\nmovq %rax, (%rdi)\n");
  auto m = runSurrogate("analyze --with-mca --format jsonl " + s);
  ASSERT_EQ(m.exitCode, 0) << m.err;
  nlohmann::json j = nlohmann::json::parse(m.out);
  EXPECT_EQ(j["dependency_bound"], 7.0);
  EXPECT_EQ(j["register_dependency_bound"], 0.0);
  EXPECT_EQ(j["chain_through_memory"], true);
  EXPECT_EQ(j["dependency_chain"], nlohmann::json::array({2, 0, 1}));
  EXPECT_LT(j["mca_excess"].get<double>(), 0);
}

TEST(AnalyzeCli, JsonlCarriesEachInstructionAsLlvmMcaResolvesIt) {
  TempDir dir;
  auto r = runSurrogate("analyze --format jsonl " +
                        dir.file("b.s", "imulq %rax, %rax\nimulq %rax, %rax\nxorl %ecx, %ecx\n"));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["hex"], "480fafc0480fafc031c9");
  EXPECT_EQ(j["instructions"], 3);
  EXPECT_EQ(j["resource_bound"], 2.0);
  EXPECT_EQ(j["bottleneck"], "HWPort1");
  EXPECT_EQ(j["resource_cycles"]["HWPort1"], 2);
  EXPECT_EQ(j["dependency_bound"], 6.0);
  EXPECT_EQ(j["binds"], "dependency");
  EXPECT_EQ(j["critical_path"], 6);
  EXPECT_EQ(j["critical_path_instructions"], nlohmann::json::array({0, 1}));
  ASSERT_EQ(j["per_instruction"].size(), 3u);
  EXPECT_EQ(j["per_instruction"][0]["opcode"], "IMUL64rr");
  EXPECT_EQ(j["per_instruction"][0]["latency"], 3);
  EXPECT_EQ(j["per_instruction"][0]["uops"], 1);
  EXPECT_EQ(j["per_instruction"][0]["resources"], nlohmann::json({{"HWPort1", 1}}));
  EXPECT_EQ(j["per_instruction"][2]["dependency_breaking"], true);
  EXPECT_EQ(j["measured"], nullptr);
}

TEST(AnalyzeCli, AParameterTableAppliesAsInSimulate) {
  TempDir dir;
  surrogate::mca::ParamTable table = surrogate::mca::ParamTable::fromModel("haswell", {"IMUL64rr"});
  table.opcodes.at("IMUL64rr").latencies = {6};
  table.save(dir / "t.json");
  std::string in = dir.file("chain.s", "imulq %rax, %rax\nimulq %rax, %rax\n");
  auto r = runSurrogate("analyze --with-mca --params " + (dir / "t.json") + " " + in);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  // 2 x 6 cycles instead of 2 x 3; llvm-mca under the same table agrees.
  EXPECT_NE(r.out.find(",2,HWPort1,0.5,12,12,12,12,dependency,12.0"), std::string::npos) << r.out;

  auto mismatch = runSurrogate("analyze --mcpu skylake --params " + (dir / "t.json") + " " + in);
  EXPECT_NE(mismatch.exitCode, 0);
  EXPECT_NE(mismatch.err.find("the table is for 'haswell' but --mcpu is 'skylake'"), std::string::npos)
      << mismatch.err;
}
