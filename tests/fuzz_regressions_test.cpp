// Every input kept under tests/fuzz/regressions/<entry>/ (each once found a
// fault by a libFuzzer target) and every seed under tests/fuzz/corpus/<entry>/
// fed to the same entry point (tests/fuzz/FuzzEntries.h), in the normal
// build: an entry aborts on a fault, so a regression fails this test.
// label unit: FuzzRegressions

#include <filesystem>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "fuzz/FuzzEntries.h"
#include "surrogate/block/AsmReader.h"

namespace fs = std::filesystem;

namespace {

int replay(const std::string &folder) {
  int inputs = 0;
  fs::path root = fs::path(SURROGATE_SOURCE_DIR) / "tests" / "fuzz" / folder;
  for (const auto &dir : fs::directory_iterator(root)) {
    surrogate::fuzz::Entry entry = surrogate::fuzz::entryNamed(dir.path().filename().string());
    EXPECT_NE(entry, nullptr) << dir.path() << ": no entry point of that name";
    if (!entry)
      continue;
    for (const auto &file : fs::directory_iterator(dir.path())) {
      if (file.path().filename().string()[0] == '.')
        continue;  // .keep
      std::ifstream in(file.path(), std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)), {});
      SCOPED_TRACE(file.path().string());
      entry(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size());
      ++inputs;
    }
  }
  return inputs;
}

} // namespace

// At least the inputs kept when this was written (7 assembly, 1 run_files):
// a replay that reads nothing (a moved folder, a skipped entry) fails.
TEST(FuzzRegressions, EveryKeptInputIsHandled) { EXPECT_GE(replay("regressions"), 8); }

TEST(FuzzRegressions, EverySeedIsHandled) { EXPECT_GT(replay("corpus"), 10); }

// What the assembly fix refuses (LLVM's Intel evaluator would divide by zero)
// and what it leaves alone (a non-zero literal divisor, `%` in a comment).
TEST(FuzzRegressions, IntelDivisorsMustBeNonZeroLiterals) {
  using surrogate::block::parseAssembly;
  using surrogate::block::Syntax;
  for (const char *bad : {"\tmov\teax, 5/0\n", "\tjne\t.L%0\n", "\tadd\teax, 8 % (rsp)\n", "\tmov\teax, 5 mod 0h\n"}) {
    auto r = parseAssembly(bad, "t.s", Syntax::Intel);
    EXPECT_TRUE(r.blocks.empty()) << bad;
    ASSERT_EQ(r.problems.size(), 1u) << bad;
    EXPECT_NE(r.problems[0].reason.find("a divisor that is not a non-zero number"), std::string::npos);
  }
  auto ok = parseAssembly("# RUN: llvm-mca %s\n\tadd\teax, 8/2\n\tmov\tecx, 7 mod 0x10\n", "t.s", Syntax::Intel);
  EXPECT_EQ(ok.blocks.size(), 1u);
  EXPECT_TRUE(ok.problems.empty());
}

// A NOT right after a unary operator makes LLVM 19's Intel parser abort
// (llvm-mc-19 too); every NOT after a minus is refused (a unary minus cannot
// be told from a binary one without parsing), parentheses are not.
TEST(FuzzRegressions, IntelNotAfterAUnaryOperatorIsRefused) {
  using surrogate::block::parseAssembly;
  using surrogate::block::Syntax;
  for (const char *bad : {"\tmov\teax, ~~5\n", "\tmov\teax, -~5\n", "\tmov\teax, not not 5\n", "\tmov\teax, ~ not 5\n",
                          "\tlock x -~y\n", "\tmov\tecx, 3 - ~5\n", "\tmov\teax, 0d/0dll\n"}) {
    auto r = parseAssembly(bad, "t.s", Syntax::Intel);
    EXPECT_TRUE(r.blocks.empty()) << bad;
    ASSERT_EQ(r.problems.size(), 1u) << bad;
    EXPECT_EQ(r.problems[0].where.line, 1u) << bad;
  }
  auto ok = parseAssembly("\tmov\teax, ~(~5)\n\tmov\tecx, 3 - (~5)\n\tmov\tedx, [rax+~5]\n\tmov\tebx, 10d/2\n", "t.s",
                          Syntax::Intel);
  EXPECT_EQ(ok.blocks.size(), 1u);
  EXPECT_TRUE(ok.problems.empty()) << (ok.problems.empty() ? "" : ok.problems[0].reason);
}
