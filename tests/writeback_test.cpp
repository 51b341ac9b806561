// Writing a table back into LLVM's sources: the text edits and their diff,
// TableGen's instregex rule, and, where LLVM 19.1.7's sources are cached
// (tools/llvm-sources.sh), a patch that `patch -p1` applies and that
// `llvm-tblgen-19 -gen-subtarget` turns into the table's MCSchedModel.
// The full proof (a rebuilt llvm-mca on 2,000 blocks) is
// tests/writeback_check.sh, CTest label `writeback`.
// label unit: TextEdits TdSource
// label cli: LlvmPatch

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>

#include <gtest/gtest.h>

#include "TestSupport.h"
#include "surrogate/support/Errors.h"
#include "surrogate/mca/LlvmPatchWriter.h"
#include "surrogate/mca/ParamTable.h"
#include "surrogate/mca/TdSource.h"
#include "surrogate/support/TextEdits.h"

using namespace surrogate;
namespace fs = std::filesystem;

namespace {

int shell(const std::string &cmd) {
  int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string slurp(const fs::path &p) {
  std::ifstream in(p);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The cached LLVM source tree, or empty (never downloads).
std::string cachedLlvmSources() {
  std::string cmd = std::string(SURROGATE_SOURCE_DIR) + "/tools/llvm-sources.sh --cached-only 2>/dev/null";
  FILE *pipe = popen(cmd.c_str(), "r");
  if (!pipe)
    return {};
  std::array<char, 512> buf{};
  std::string out;
  while (fgets(buf.data(), buf.size(), pipe))
    out += buf.data();
  if (pclose(pipe) != 0)
    return {};
  while (!out.empty() && out.back() == '\n')
    out.pop_back();
  return out;
}

#define SKIP_WITHOUT_LLVM_SOURCES(var)                                                                      \
  std::string var = cachedLlvmSources();                                                                    \
  if (var.empty())                                                                                          \
  GTEST_SKIP() << "LLVM 19.1.7's sources are not cached (tools/llvm-sources.sh fetches them); skipping"

// The test table: haswell's values for a few opcodes (plain, in an `instrs`
// InstRW, in an `instregex` InstRW, only in the generic SchedRW) and for
// XOR32rr's two resolutions, with the globals and some of them changed.
mca::ParamTable editedHaswell() {
  mca::ParamTable t = mca::ParamTable::fromModel(
      "haswell", {"PUSH64r", "POP64r", "IMUL64rr", "ADD64rm", "MOV64rm", "XOR32rr/HWWriteZeroLatency",
                  "XOR32rr/WriteALU#2", "ANDN32rr"});
  t.dispatchWidth = 7;
  t.reorderBufferSize = 150;
  t.opcodes.at("POP64r").latencies = {0};
  t.opcodes.at("PUSH64r").microOps = 2;
  t.opcodes.at("IMUL64rr").latencies = {4};
  t.opcodes.at("ADD64rm").readAdvance = {3};
  t.opcodes.at("ANDN32rr").microOps = 3;
  t.opcodes.at("XOR32rr/WriteALU#2").latencies = {2};
  return t;
}

// Copies the X86 .td files of `src` into `dir` (same relative paths), applies `patch`.
int applyToCopy(const std::string &src, const fs::path &dir, const std::string &patchText) {
  fs::path x86 = dir / "llvm/lib/Target/X86";
  fs::create_directories(x86);
  for (const auto &e : fs::directory_iterator(fs::path(src) / "llvm/lib/Target/X86"))
    if (e.path().extension() == ".td")
      fs::copy_file(e.path(), x86 / e.path().filename());
  std::ofstream(dir / "tuned.patch") << patchText;
  return shell("patch -p1 -s -d " + dir.string() + " < " + (dir / "tuned.patch").string());
}

} // namespace

TEST(TextEdits, DiffAppliesWithPatch) {
  test::TempDir dir;
  std::string text;
  for (int i = 1; i <= 30; ++i)
    text += "line " + std::to_string(i) + "\n";
  support::TextEdits edits(text);
  edits.replace(text.find("line 2\n") + 5, text.find("line 2\n") + 6, "two");   // inside a line
  edits.insert(text.find("line 4\n"), "inserted before 4\n");                    // at a line start
  edits.replace(text.find("line 20\n"), text.find("line 22\n"), "");            // whole lines
  edits.insert(text.size(), "appended\n");
  EXPECT_NE(edits.result().find("line two\nline 3\ninserted before 4\nline 4\n"), std::string::npos);
  fs::create_directories(dir.path / "a");
  std::ofstream(dir.path / "a/f.txt") << text;
  std::ofstream(dir.path / "d.patch") << edits.unifiedDiff("a/f.txt");
  ASSERT_EQ(shell("cd " + dir.path.string() + " && patch -p1 -s < d.patch"), 0) << edits.unifiedDiff("a/f.txt");
  EXPECT_EQ(slurp(dir.path / "a/f.txt"), edits.result());
  EXPECT_EQ(support::TextEdits(text).unifiedDiff("x"), "");
  EXPECT_THROW(edits.replace(text.find("line 21"), text.find("line 21") + 2, "x"), std::logic_error);
}

TEST(TdSource, InstRegexIsAPrefixMatchAsInTableGen) {
  mca::TdSource td("t.td", "def: InstRW<[W], (instregex \"ANDN(32|64)rr\", \"^JMP\")>;\n"
                           "def : InstRW<[W2, ReadAfterLd], (instrs PUSH64r, // a comment\n POP64r)>;\n");
  ASSERT_EQ(td.instRWs().size(), 2u);
  std::vector<std::string> names = {"ANDN32rr", "ANDN32rr_EVEX", "ANDN64rm", "JMP_1", "XJMP", "PUSH64r", "POP64r"};
  EXPECT_EQ(mca::matchInstRW(td.instRWs()[0], names), (std::vector<std::string>{"ANDN32rr", "ANDN32rr_EVEX", "JMP_1"}));
  EXPECT_EQ(mca::matchInstRW(td.instRWs()[1], names), (std::vector<std::string>{"PUSH64r", "POP64r"}));
  EXPECT_EQ(td.instRWs()[1].rw, (std::vector<std::string>{"W2", "ReadAfterLd"}));
  EXPECT_EQ(td.instRWs()[1].line, 2u);
}

TEST(LlvmPatch, AppliesAndTblgenCarriesTheTable) {
  SKIP_WITHOUT_LLVM_SOURCES(src);
  std::string tblgen = LLVM_TBLGEN_BINARY;
  if (tblgen.empty() || tblgen.find("NOTFOUND") != std::string::npos)
    GTEST_SKIP() << "llvm-tblgen-19 is not installed";
  test::TempDir dir;
  mca::ParamTable table = editedHaswell();
  std::string tablePath = dir / "t.json";
  table.save(tablePath);
  // Through the CLI, as a user runs it.
  test::CommandResult r = test::runSurrogate("params export --params " + tablePath + " --format llvm-patch --llvm-src " +
                                             src + " -o " + (dir / "t.patch"));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  std::string patchText = slurp(dir / "t.patch");
  EXPECT_NE(patchText.find("+++ b/llvm/lib/Target/X86/X86SchedHaswell.td"), std::string::npos);
  EXPECT_NE(patchText.find("+  let IssueWidth = 7;"), std::string::npos) << patchText;
  EXPECT_NE(patchText.find("def SurrogateVariant_XOR32rr : SchedWriteVariant<["), std::string::npos);
  ASSERT_EQ(applyToCopy(src, dir.path / "tree", patchText), 0);

  fs::path x86 = dir.path / "tree/llvm/lib/Target/X86";
  std::string inc = (dir / "X86GenSubtargetInfo.inc");
  ASSERT_EQ(shell(tblgen + " -gen-subtarget -I " + x86.string() + " -I " + src + "/llvm/include -I " + src +
                  "/llvm/lib/Target " + (x86 / "X86.td").string() + " -o " + inc + " 2>" + (dir / "tblgen.err")),
            0)
      << slurp(dir / "tblgen.err");
  std::string generated = slurp(inc);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(generated, m,
                                std::regex("static const llvm::MCSchedModel HaswellModel = \\{\\n\\s*(\\d+), // "
                                           "IssueWidth\\n\\s*(\\d+), // MicroOpBufferSize")));
  EXPECT_EQ(m[1].str(), "7");
  EXPECT_EQ(m[2].str(), "150");
  // XOR32rr's ordinary form is a class of its own, named after the write that carries its values.
  EXPECT_NE(generated.find("\"SurrogateWrite_XOR32rr_v1\""), std::string::npos);
  // Skylake's model, in the same file, keeps LLVM's values.
  ASSERT_TRUE(std::regex_search(generated, m,
                                std::regex("static const llvm::MCSchedModel SkylakeClientModel = \\{\\n\\s*(\\d+), "
                                           "// IssueWidth\\n\\s*(\\d+), // MicroOpBufferSize")));
  EXPECT_EQ(m[1].str(), "6");
  EXPECT_EQ(m[2].str(), "224");
}

TEST(LlvmPatch, DefaultTableGivesAnEmptyPatch) {
  SKIP_WITHOUT_LLVM_SOURCES(src);
  mca::ParamTable t = mca::ParamTable::fromModel("haswell", {"PUSH64r", "XOR32rr/WriteALU#2"});
  EXPECT_EQ(mca::writeLlvmPatch(t, {src, "", "t"}).diff, "");
}

TEST(LlvmPatch, InexpressibleEntryIsAnErrorNamingIt) {
  SKIP_WITHOUT_LLVM_SOURCES(src);
  mca::ParamTable t = mca::ParamTable::fromModel("haswell", {"PUSH64r"});
  // Without HWPortAny: TableGen counts every group that holds a listed port.
  for (auto &[name, cycles] : t.opcodes.at("PUSH64r").resources)
    if (name == "HWPortAny")
      cycles = 0;
  try {
    mca::writeLlvmPatch(t, {src, "", "t"});
    FAIL() << "no error";
  } catch (const support::InputError &e) {
    EXPECT_NE(std::string(e.what()).find("opcodes.PUSH64r: resources"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("HWPortAny"), std::string::npos) << e.what();
  }
  EXPECT_THROW(mca::writeLlvmPatch(t, {"/nonexistent", "", "t"}), std::invalid_argument);
}
