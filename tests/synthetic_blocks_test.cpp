// The synthetic block generator: seeded, every block assembles, llvm-mca
// simulates it, its tokens are ones the shipped model knows, and the kinds
// are what they say (a chain is slower per instruction than streams).
// label e2e: SyntheticBlocks

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "TestSupport.h"
#include "surrogate/block/AsmReader.h"
#include "surrogate/block/SyntheticBlocks.h"
#include "surrogate/block/Target.h"
#include "surrogate/block/Tokenizer.h"
#include "surrogate/mca/BatchRunner.h"

using namespace surrogate;

namespace {
std::string slurp(const std::string &path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<block::SyntheticBlock> generate(std::uint64_t seed, std::size_t n) {
  block::SyntheticOptions o;
  o.seed = seed;
  block::SyntheticBlockGenerator g(o);
  std::vector<block::SyntheticBlock> blocks;
  for (std::size_t i = 0; i < n; ++i) blocks.push_back(g.next());
  return blocks;
}
} // namespace

TEST(SyntheticBlocks, SameSeedSameFileOtherSeedAnother) {
  test::TempDir dir;
  for (const char *name : {"a.s", "b.s", "c.s", "a.csv", "b.csv"}) {
    std::string seed = name[0] == 'c' ? "2" : "1";
    auto r = test::runSurrogate("synth -n 200 --seed " + seed + " -o " + (dir / name));
    ASSERT_EQ(r.exitCode, 0) << r.err;
  }
  EXPECT_EQ(slurp(dir / "a.s"), slurp(dir / "b.s"));
  EXPECT_NE(slurp(dir / "a.s"), slurp(dir / "c.s"));
  EXPECT_EQ(slurp(dir / "a.csv"), slurp(dir / "b.csv"));
  EXPECT_EQ(test::headLines(dir / "a.csv", 1), "hex,kind\n");
  std::string csv = slurp(dir / "a.csv");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 201);
  auto bad = test::runSurrogate("synth -n 5 --min-instructions 9 --max-instructions 3");
  EXPECT_NE(bad.exitCode, 0);
  EXPECT_NE(bad.err.find("--min-instructions"), std::string::npos) << bad.err;
}

TEST(SyntheticBlocks, EveryBlockAssemblesSimulatesAndUsesKnownTokens) {
  const std::size_t n = 400;
  std::vector<block::SyntheticBlock> blocks = generate(7, n);
  block::AsmParseResult parsed = block::parseAssembly(block::syntheticAssembly(blocks), "synthetic.s", block::Syntax::ATT);
  ASSERT_TRUE(parsed.problems.empty()) << parsed.problems.front().str();
  ASSERT_EQ(parsed.blocks.size(), n);
  std::map<std::string, std::size_t> kinds;
  for (std::size_t i = 0; i < n; ++i) {
    EXPECT_EQ(parsed.blocks[i].insts.size(), blocks[i].lines.size()) << i;
    EXPECT_GE(blocks[i].lines.size(), 1u);
    EXPECT_LE(blocks[i].lines.size(), 12u);
    ++kinds[blocks[i].kind];
  }
  for (const std::string &k : block::SyntheticBlockGenerator::kinds()) EXPECT_EQ(kinds[k], n / 4) << k;

  auto sti = block::X86Target::get().createSubtarget("haswell");
  std::vector<double> cycles = mca::simulateCycles(*sti, parsed.blocks, 2);
  for (std::size_t i = 0; i < n; ++i) EXPECT_GT(cycles[i], 0) << block::syntheticAssembly({blocks[i]});

  // Every token is in the shipped model's vocabulary (built from BHive's blocks).
  block::Vocabulary vocab =
      block::Vocabulary::load(std::string(SURROGATE_SOURCE_DIR) + "/data/models/haswell/vocab.txt");
  block::Tokenizer tokenizer;
  std::set<std::string> unknown;
  for (const block::BasicBlock &b : parsed.blocks)
    for (const llvm::MCInst &inst : b.insts)
      for (const std::string &token : tokenizer.tokenize(inst))
        if (vocab.id(token) == block::Vocabulary::kUnknownId) unknown.insert(token);
  std::string list;
  for (const std::string &t : unknown) list += t + " ";
  EXPECT_TRUE(unknown.empty()) << list;

  // A dependency chain costs more cycles per instruction than independent streams.
  double chain = 0, streams = 0;
  std::size_t chainInsts = 0, streamInsts = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (blocks[i].kind == "chain") { chain += cycles[i]; chainInsts += blocks[i].lines.size(); }
    if (blocks[i].kind == "streams") { streams += cycles[i]; streamInsts += blocks[i].lines.size(); }
  }
  EXPECT_GT(chain / chainInsts, 2 * streams / streamInsts);
}
