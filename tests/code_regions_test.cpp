// Assembly input as llvm-mca 19 reads it: code regions (LLVM-MCA-BEGIN/END
// markers) and the assembler's settings. The cases follow the shapes of LLVM's
// own llvm-mca tests (llvm-mca-markers-*.s, print-imm-hex-*.s, ...), written
// here from scratch.
// label unit: CodeRegions AssemblerSettings

#include <gtest/gtest.h>

#include "surrogate/block/AsmReader.h"

using surrogate::block::AsmParseResult;
using surrogate::block::parseAssembly;
using surrogate::block::Syntax;

namespace {

AsmParseResult parse(const std::string &text, Syntax syntax = Syntax::ATT) {
  return parseAssembly(text, "t.s", syntax);
}

// Region label and instruction count of every block, e.g. "outer:3 inner:1".
std::string shape(const AsmParseResult &r) {
  std::string s;
  for (const auto &b : r.blocks)
    s += (s.empty() ? "" : " ") + (b.region.empty() ? std::string("-") : b.region) + ":" +
         std::to_string(b.insts.size());
  return s;
}

std::string problems(const AsmParseResult &r) {
  std::string s;
  for (const auto &p : r.problems) s += p.str() + "\n";
  return s;
}

} // namespace

TEST(CodeRegions, WithoutMarkersTheWholeInputIsOneBlockWithoutRegion) {
  auto r = parse("add %edi, %esi\nadd %esi, %eax\n");
  EXPECT_EQ(shape(r), "-:2") << problems(r);
  EXPECT_TRUE(r.problems.empty());
}

TEST(CodeRegions, NamedRegionsIgnoreTextOutsideThem) {
  auto r = parse("  add %ecx, %esi\n"
                 "# LLVM-MCA-BEGIN First Region\n  add %edi, %esi\n# LLVM-MCA-END\n"
                 "# LLVM-MCA-BEGIN Second Region\n  add %esi, %edx\n  add %edx, %eax\n# LLVM-MCA-END\n"
                 "  add %esi, %eax\n");
  EXPECT_EQ(shape(r), "First Region:1 Second Region:2") << problems(r);
  EXPECT_EQ(r.blocks[0].where.line, 2u);
  EXPECT_EQ(r.blocks[1].where.line, 5u);
  EXPECT_EQ(r.blocks[0].hex, "01fe");  // add %edi, %esi
}

TEST(CodeRegions, AnEndWithoutBeginEndsTheDefaultRegion) {
  auto r = parse("  add %edi, %esi\n# LLVM-MCA-END\n  add %esi, %eax\n");
  EXPECT_EQ(shape(r), "0:1") << problems(r);
}

TEST(CodeRegions, AnOpenRegionRunsToTheEnd) {
  auto r = parse("  add %esi, %edi\n# LLVM-MCA-BEGIN foo\n  add %edi, %eax\n  add %eax, %ecx\n");
  EXPECT_EQ(shape(r), "foo:2") << problems(r);
}

TEST(CodeRegions, NestedAndOverlappingRegions) {
  auto nested = parse("# LLVM-MCA-BEGIN outer\n leal 42(%rdi), %eax\n# LLVM-MCA-BEGIN inner\n imull %esi, %eax\n"
                      "# LLVM-MCA-END inner\n leal 42(%rdi), %eax\n# LLVM-MCA-END outer\n imull %esi, %eax\n");
  EXPECT_EQ(shape(nested), "outer:3 inner:1") << problems(nested);
  auto overlapping = parse("# LLVM-MCA-BEGIN upper\n leal 42(%rdi), %eax\n# LLVM-MCA-BEGIN lower\n"
                           " imull %esi, %eax\n# LLVM-MCA-END upper\n leal 42(%rdi), %eax\n# LLVM-MCA-END lower\n"
                           " imull %esi, %eax\n");
  EXPECT_EQ(shape(overlapping), "upper:2 lower:2") << problems(overlapping);
}

TEST(CodeRegions, AnonymousRegionsAreNumberedAmongTheNonEmptyOnes) {
  auto r = parse("# LLVM-MCA-BEGIN\n# nothing here\n# LLVM-MCA-END\n"
                 "# LLVM-MCA-BEGIN\n add %eax, %eax\n# LLVM-MCA-END\n"
                 "# LLVM-MCA-BEGIN named\n add %ebx, %ebx\n# LLVM-MCA-END\n"
                 "# LLVM-MCA-BEGIN\n add %ecx, %ecx\n add %ecx, %ecx\n# LLVM-MCA-END\n");
  EXPECT_EQ(shape(r), "0:1 named:1 2:2") << problems(r);
}

TEST(CodeRegions, OnlyEmptyRegionsIsAnError) {
  auto r = parse("# LLVM-MCA-BEGIN\n# LLVM-MCA-END\n\n# LLVM-MCA-BEGIN\n# LLVM-MCA-END\n");
  EXPECT_TRUE(r.blocks.empty());
  EXPECT_EQ(problems(r), "t.s:1: assembly does not parse: no assembly instructions found\n");
}

TEST(CodeRegions, UnbalancedMarkersAreErrorsNamingTheLine) {
  auto twoOpen = parse("# LLVM-MCA-BEGIN  foo\nadd %eax, %eax\n# LLVM-MCA-BEGIN  bar\n\n# LLVM-MCA-END\n");
  EXPECT_TRUE(twoOpen.blocks.empty());
  EXPECT_EQ(problems(twoOpen), "t.s:5: code region: found an invalid region end directive; note: unable to find "
                               "an active anonymous region\n");
  auto extraEnd = parse("# LLVM-MCA-BEGIN  foo\nadd %eax, %eax\n# LLVM-MCA-END\n\n# LLVM-MCA-END\n");
  EXPECT_EQ(problems(extraEnd), "t.s:5: code region: found an invalid region end directive; note: unable to find "
                                "an active anonymous region\n");
  auto unknownEnd = parse("add %eax, %eax\n# LLVM-MCA-END foo\n");
  EXPECT_EQ(problems(unknownEnd), "t.s:2: code region: found an invalid region end directive; note: unable to "
                                  "find an active region named foo\n");
  auto sameName = parse("# LLVM-MCA-BEGIN foo\nadd %eax, %eax\n# LLVM-MCA-BEGIN foo\nadd %eax, %eax\n");
  EXPECT_EQ(problems(sameName), "t.s:3: code region: overlapping regions cannot have the same name; note: region "
                                "foo was previously defined here (line 1)\n");
  auto anonymous = parse("# LLVM-MCA-BEGIN\nadd %eax, %eax\n# LLVM-MCA-BEGIN\nadd %eax, %eax\n");
  EXPECT_EQ(problems(anonymous), "t.s:3: code region: found multiple overlapping anonymous regions; note: previous "
                                 "anonymous region was defined here (line 1)\n");
  EXPECT_TRUE(anonymous.blocks.empty());
}

TEST(CodeRegions, CrlfLineEndsDoNotEnterTheName) {
  auto r = parse("# LLVM-MCA-BEGIN foo\r\naddl\t$42, %eax\r\n# LLVM-MCA-END\r\n");
  EXPECT_EQ(shape(r), "foo:1") << problems(r);
}

TEST(CodeRegions, SeparatedBlocksNumberRegionsAcrossTheFile) {
  auto r = parse("# LLVM-MCA-BEGIN\nadd %eax, %eax\n# LLVM-MCA-END\n# ---\n# LLVM-MCA-BEGIN\nadd %ebx, %ebx\n");
  EXPECT_EQ(shape(r), "0:1 1:1") << problems(r);
  EXPECT_EQ(r.blocks[1].where.line, 5u);
}

TEST(AssemblerSettings, MasmIntegerLiteralsAsInLlvmMca) {
  auto hexSuffix = parse("shl $5h, %eax\n");
  auto binSuffix = parse("shl $101b, %eax\n");
  ASSERT_EQ(shape(hexSuffix), "-:1") << problems(hexSuffix);
  ASSERT_EQ(shape(binSuffix), "-:1") << problems(binSuffix);
  EXPECT_EQ(hexSuffix.blocks[0].hex, "c1e005");  // shll $5, %eax
  EXPECT_EQ(binSuffix.blocks[0].hex, hexSuffix.blocks[0].hex);
}

TEST(AssemblerSettings, TargetDirectivesGoToATargetStreamer) {
  auto r = parse(".cv_fpo_pushreg ebx\nadd %eax, %eax\nadd %ebx, %ebx\nadd %ecx, %ecx\nadd %edx, %edx\n");
  EXPECT_EQ(shape(r), "-:4") << problems(r);
}

TEST(AssemblerSettings, IntelSyntaxDirectiveAndOption) {
  auto directive = parse(".intel_syntax noprefix\nmov eax, 1\nlea eax, [rsi + rdi]\n");
  auto option = parse("mov eax, 1\nlea eax, [rsi + rdi]\n", Syntax::Intel);
  auto att = parse("movl $1, %eax\nleal (%rsi,%rdi), %eax\n");
  ASSERT_EQ(shape(directive), "-:2") << problems(directive);
  ASSERT_EQ(shape(option), "-:2") << problems(option);
  EXPECT_EQ(directive.blocks[0].hex, att.blocks[0].hex);
  EXPECT_EQ(option.blocks[0].hex, att.blocks[0].hex);
}

TEST(AssemblerSettings, AParseErrorRefusesTheInputWithTheParsersMessageAndLine) {
  auto r = parse("# LLVM-MCA-BEGIN a\nadd %eax, %eax\n# LLVM-MCA-END\n# LLVM-MCA-BEGIN b\nbogus %eax\n");
  EXPECT_TRUE(r.blocks.empty());  // as llvm-mca, which refuses the whole input
  EXPECT_EQ(problems(r), "t.s:5: assembly does not parse: line 5: invalid instruction mnemonic 'bogus'\n");
}

TEST(AssemblerSettings, WarningsDoNotRefuseTheInput) {
  // llvm-mca's parser prints the warning and goes on.
  auto r = parse(".warning \"just a note\"\nadd %eax, %eax\n");
  EXPECT_TRUE(r.problems.empty()) << problems(r);
  EXPECT_EQ(shape(r), "-:1");
}
