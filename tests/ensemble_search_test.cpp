// The simulator-checked parts of `optimize`: the AUC bandit's choices, the
// ensemble black-box baseline, pruning and the polish, each on a table with
// one plainly wrong value (a latency of 30 on ADD64rr, on blocks full of adds).
// label unit: AucBandit ErrorGroups
// label e2e: EnsembleSearch ChangePruning CoordinatePolish

#include <gtest/gtest.h>

#include <algorithm>

#include "surrogate/block/AsmReader.h"
#include "surrogate/block/Target.h"
#include "surrogate/mca/BatchRunner.h"
#include "surrogate/mca/ParamTable.h"
#include "surrogate/mca/TableKey.h"
#include "surrogate/model/ParamVector.h"
#include "surrogate/mca/TunedSubtarget.h"
#include "surrogate/patterns/AucBandit.h"
#include "surrogate/patterns/ChangePruning.h"
#include "surrogate/patterns/CoordinatePolish.h"
#include "surrogate/patterns/BlackBoxSearch.h"
#include "surrogate/patterns/EnsembleSearch.h"
#include "surrogate/patterns/ErrorGroups.h"

using namespace surrogate;

TEST(AucBandit, TriesEveryArmFirstThenFavoursRecentSuccess) {
  patterns::AucBandit bandit(3, 20, 0.05);
  for (std::size_t arm = 0; arm < 3; ++arm) {
    EXPECT_EQ(bandit.choose(), arm);
    bandit.record(arm, arm == 1);
  }
  EXPECT_EQ(bandit.choose(), 1u);
  EXPECT_GT(bandit.credit(1), bandit.credit(0));
  // Recent uses weigh more: an old success followed by failures scores
  // below a recent one.
  bandit.record(0, true);
  for (int i = 0; i < 3; ++i) bandit.record(1, false);
  EXPECT_GT(bandit.credit(0), bandit.credit(1));
  EXPECT_EQ(bandit.choose(), 0u);
}

TEST(AucBandit, ForgetsUsesOutsideItsWindow) {
  patterns::AucBandit bandit(2, 4, 0.05);
  bandit.record(0, true);
  for (int i = 0; i < 4; ++i) bandit.record(1, false);
  EXPECT_EQ(bandit.usesInWindow(0), 0u);
  EXPECT_EQ(bandit.choose(), 0u);  // out of the window: tried again first
}

namespace {

struct CraftedCase {
  std::vector<block::BasicBlock> blocks;
  mca::ParamTable wrong;
  std::vector<unsigned> opcodes;
};

// Blocks of adds (chains and independent streams, some with other work),
// "measured" by llvm-mca under LLVM's own table; the table to search from
// says ADD64rr takes 30 cycles.
CraftedCase craftedCase() {
  std::string text;
  const char *shapes[] = {"addq %rax, %rax\naddq %rax, %rax\naddq %rax, %rax\n",
                          "addq %rax, %rbx\naddq %rbx, %rcx\naddq %rcx, %rdx\naddq %rdx, %rax\n",
                          "addq %rax, %rbx\naddq %rcx, %rdx\naddq %rsi, %rdi\n",
                          "addq %rax, %rax\nmovq %rax, %rbx\naddq %rbx, %rbx\n",
                          "addq %rax, %rax\nimulq %rbx, %rcx\naddq %rax, %rax\n"};
  for (int repeat = 0; repeat < 4; ++repeat)
    for (const char *shape : shapes) {
      for (int k = 0; k <= repeat; ++k) text += shape;
      text += std::string(block::kBlockSeparator) + "\n";
    }
  CraftedCase c;
  c.blocks = block::parseAssembly(text, "adds.s", block::Syntax::ATT).blocks;
  auto sti = block::X86Target::get().createSubtarget("haswell");
  std::vector<double> cycles = mca::simulateCycles(*sti, c.blocks, 1);
  for (std::size_t i = 0; i < c.blocks.size(); ++i) c.blocks[i].measured = cycles[i];
  std::vector<std::string> keys;
  for (const auto &b : c.blocks)
    for (const auto &inst : b.insts) {
      if (auto key = mca::tableKeyOf(*sti, inst)) keys.push_back(*key);
      c.opcodes.push_back(inst.getOpcode());
    }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::sort(c.opcodes.begin(), c.opcodes.end());
  c.opcodes.erase(std::unique(c.opcodes.begin(), c.opcodes.end()), c.opcodes.end());
  c.wrong = mca::ParamTable::fromModel("haswell", keys);
  c.wrong.opcodes.at("ADD64rr").latencies.at(0) = 30;
  return c;
}

} // namespace

TEST(EnsembleSearch, MovesAwayFromAPlainlyWrongLatency) {
  CraftedCase c = craftedCase();
  ASSERT_EQ(c.blocks.size(), 20u);
  model::ParamVector space(c.wrong, c.opcodes);
  patterns::BlackBoxResult r =
      patterns::runBlackBox(space, c.blocks, patterns::kEnsembleMethod, 60, 1, 3, patterns::defaultEnsemble());
  EXPECT_EQ(r.evaluations, 60u);
  EXPECT_GT(r.defaultSubsetMape, 1.0);  // 30 cycles where LLVM says 1: far off
  EXPECT_LT(r.bestSubsetMape, 0.25 * r.defaultSubsetMape);
  mca::ParamTable best = space.toTable(r.best);
  EXPECT_LT(best.opcodes.at("ADD64rr").latencies.at(0), 10u);
  // Every technique ran, and the statistics add up to the evaluations after
  // the default.
  ASSERT_EQ(r.techniques.size(), patterns::defaultEnsemble().size());
  std::size_t spent = 0;
  for (const auto &t : r.techniques) {
    EXPECT_GT(t["slices"].get<std::size_t>(), 0u) << t.dump();
    spent += t["evaluations"].get<std::size_t>();
  }
  EXPECT_EQ(spent + 1, r.evaluations);

  // Same seed, same search.
  patterns::BlackBoxResult again =
      patterns::runBlackBox(space, c.blocks, patterns::kEnsembleMethod, 60, 1, 3, patterns::defaultEnsemble());
  EXPECT_EQ(again.curve, r.curve);
}

TEST(EnsembleSearch, EachTechniqueAloneRunsWithinTheBudget) {
  CraftedCase c = craftedCase();
  model::ParamVector space(c.wrong, c.opcodes);
  for (const std::string &technique : patterns::ensembleTechniqueNames()) {
    patterns::BlackBoxResult r =
        patterns::runBlackBox(space, c.blocks, patterns::kEnsembleMethod, 6, 1, 1, {technique});
    EXPECT_LE(r.evaluations, 6u) << technique;
    EXPECT_GT(r.evaluations, 1u) << technique;
    EXPECT_LE(r.bestSubsetMape, r.defaultSubsetMape) << technique;
  }
}

TEST(ErrorGroups, BlocksFallIntoTheGroupsOfWhatTheyContain) {
  std::string text = std::string("pushq %rax\npopq %rbx\n") + block::kBlockSeparator + "\n" +
                     "movq (%rdi), %rax\nmovq %rax, 8(%rdi)\n" + block::kBlockSeparator + "\n" +
                     "xorl %eax, %eax\ndivq %rcx\n" + block::kBlockSeparator + "\n" + "vaddps %ymm0, %ymm1, %ymm2\n";
  auto blocks = block::parseAssembly(text, "groups.s", block::Syntax::ATT).blocks;
  ASSERT_EQ(blocks.size(), 4u);
  auto has = [](const std::vector<std::string> &groups, const std::string &g) {
    return std::find(groups.begin(), groups.end(), g) != groups.end();
  };
  auto g0 = patterns::groupsOf(blocks[0]), g1 = patterns::groupsOf(blocks[1]), g2 = patterns::groupsOf(blocks[2]),
       g3 = patterns::groupsOf(blocks[3]);
  EXPECT_TRUE(has(g0, "push/pop") && has(g0, "all") && has(g0, "length 1-4"));
  EXPECT_FALSE(has(g0, "vector registers"));
  EXPECT_TRUE(has(g1, "loads") && has(g1, "stores"));
  EXPECT_FALSE(has(g1, "push/pop"));
  EXPECT_TRUE(has(g2, "zero idioms") && has(g2, "divisions and square roots"));
  EXPECT_FALSE(has(g2, "loads"));
  EXPECT_TRUE(has(g3, "vector registers"));
  EXPECT_FALSE(has(g3, "zero idioms"));
}

TEST(ErrorGroups, ChangedEntriesAreListedBesideTheGroupsThatUseThem) {
  CraftedCase c = craftedCase();
  auto sti = block::X86Target::get().createSubtarget("haswell");
  std::vector<std::size_t> kept(c.blocks.size());
  std::vector<double> defaults, tuned;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    kept[i] = i;
    defaults.push_back(2 * *c.blocks[i].measured);  // 100% off
    tuned.push_back(*c.blocks[i].measured);         // exact
  }
  mca::ParamTable fixed = c.wrong;
  fixed.opcodes.at("ADD64rr").latencies.at(0) = 1;
  auto rows = patterns::errorByGroup(c.blocks, kept, defaults, tuned, c.wrong, fixed, *sti);
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows[0].group, "all");
  EXPECT_EQ(rows[0].blocks, c.blocks.size());
  EXPECT_NEAR(rows[0].defaultMape, 1.0, 1e-9);
  EXPECT_NEAR(rows[0].tunedMape, 0.0, 1e-9);
  ASSERT_EQ(rows[0].changedEntries.size(), 1u);
  EXPECT_EQ(rows[0].changedEntries[0], "ADD64rr (20)");
}

TEST(ChangePruning, PutsBackTheWrongEntryAndKeepsTheRightOne) {
  CraftedCase c = craftedCase();
  mca::ParamTable reference = c.wrong;
  reference.opcodes.at("ADD64rr").latencies.at(0) = 1;  // LLVM's value
  // "Measured" under a narrower dispatch; the tuned table has that right and the add latency wrong.
  mca::ParamTable truth = reference;
  truth.dispatchWidth = 2;
  auto sti = mca::TunedSubtarget::create(truth);
  std::vector<double> cycles = mca::simulateCycles(*sti, c.blocks, 1);
  for (std::size_t i = 0; i < c.blocks.size(); ++i) c.blocks[i].measured = cycles[i];
  mca::ParamTable tuned = truth;
  tuned.opcodes.at("ADD64rr").latencies.at(0) = 30;

  patterns::PruneResult r = patterns::pruneChanges(tuned, reference, c.blocks, 1);
  EXPECT_EQ(r.tried, 3u);  // both alone, then the dispatch width alone again
  EXPECT_EQ(r.reverted, std::vector<std::string>{"opcodes.ADD64rr"});
  EXPECT_EQ(r.table.dispatchWidth, 2u);
  EXPECT_EQ(r.table.opcodes.at("ADD64rr").latencies.at(0), 1u);
  EXPECT_GT(r.startMape, 0.5);
  EXPECT_NEAR(r.mape, 0.0, 1e-12);
  EXPECT_EQ(r.simulations, 4 * c.blocks.size());

  // A median cap no table can meet keeps every change.
  patterns::PruneResult capped = patterns::pruneChanges(tuned, reference, c.blocks, 1, -1.0);
  EXPECT_TRUE(capped.reverted.empty());
  EXPECT_EQ(diffTables(capped.table, tuned), "");
}

namespace {
// A ranking that names one feature, with the gradient's sign `sign`.
patterns::StepRanker blame(const model::ParamVector &space, const std::string &feature, float sign) {
  std::size_t index = space.size();
  for (std::size_t i = 0; i < space.size(); ++i)
    if (space.featureName(i) == feature) index = i;
  EXPECT_LT(index, space.size()) << feature;
  return [&space, index, sign](const mca::ParamTable &, const std::vector<double> &) {
    std::vector<float> g(space.size(), 0.0f);
    if (index < g.size()) g[index] = sign;
    return g;
  };
}
} // namespace

TEST(CoordinatePolish, StepsTheValueTheRankingNamesWhileLlvmMcaAgrees) {
  CraftedCase c = craftedCase();
  model::ParamVector space(c.wrong, c.opcodes);
  patterns::PolishSettings s;
  s.evaluations = 40;
  s.candidates = 2;
  // ADD64rr writes one register: both latency features name that value, so
  // one step moves it by one (30 -> 29), not by half.
  patterns::PolishResult r =
      patterns::polishTable(c.wrong, space, c.blocks, c.blocks, blame(space, "ADD64rr.latency", 1), s, 1);
  ASSERT_FALSE(r.steps.empty());
  EXPECT_EQ(r.steps.front(), "ADD64rr.latency 30 -> 29");
  EXPECT_TRUE(r.kept);
  EXPECT_EQ(r.table.opcodes.at("ADD64rr").latencies.at(0), 1u);  // LLVM's value, where the error is least
  EXPECT_EQ(r.steps.size(), 29u);
  EXPECT_EQ(r.keptSteps, 29u);
  EXPECT_GT(r.startSampleMape, 1.0);
  EXPECT_LT(r.sampleMape, 1e-9);
  EXPECT_EQ(r.validationMape, r.sampleMape);  // the same blocks here
  EXPECT_LE(r.evaluations, s.evaluations);
  // Each table run on the sample, then the start and the passes' tables on validation.
  EXPECT_EQ(r.simulations % c.blocks.size(), 0u);
  EXPECT_GT(r.simulations, r.evaluations * c.blocks.size());
  EXPECT_EQ(mca::diffTables(r.table, c.wrong), "ADD64rr.latencies: [1] -> [30]\n");

  // A ranking pointing the wrong way: the step up is refused, nothing kept.
  patterns::PolishResult wrongWay =
      patterns::polishTable(c.wrong, space, c.blocks, c.blocks, blame(space, "ADD64rr.latency", -1), s, 1);
  EXPECT_TRUE(wrongWay.steps.empty());
  EXPECT_FALSE(wrongWay.kept);
  EXPECT_LE(wrongWay.evaluations, 2u);  // the start and at most one refused step (31 may be out of bounds)
  EXPECT_EQ(mca::diffTables(wrongWay.table, c.wrong), "");
  EXPECT_EQ(wrongWay.sampleMape, wrongWay.startSampleMape);

  // The budget is a hard limit.
  s.evaluations = 5;
  patterns::PolishResult short5 =
      patterns::polishTable(c.wrong, space, c.blocks, c.blocks, blame(space, "ADD64rr.latency", 1), s, 1);
  EXPECT_EQ(short5.evaluations, 5u);
  EXPECT_EQ(short5.table.opcodes.at("ADD64rr").latencies.at(0), 26u);
}

TEST(CoordinatePolish, TheBlackBoxDescentFindsTheWrongLatencyFromResidualsAlone) {
  CraftedCase c = craftedCase();
  model::ParamVector space(c.wrong, c.opcodes);
  patterns::BlackBoxResult r = patterns::runBlackBox(space, c.blocks, patterns::kCoordinateMethod, 60, 1, 3, {});
  EXPECT_LE(r.evaluations, 60u);
  EXPECT_GT(r.defaultSubsetMape, 1.0);
  EXPECT_LT(r.bestSubsetMape, 0.25 * r.defaultSubsetMape);
  EXPECT_LT(space.toTable(r.best).opcodes.at("ADD64rr").latencies.at(0), 10u);
  EXPECT_EQ(r.label(), "coordinate descent ranked by llvm-mca's residuals");
  // The curve is the store's: every table run, the best so far falling.
  ASSERT_EQ(r.curve.size(), r.evaluations);
  EXPECT_EQ(r.curve.back()["best_subset_mape"].get<double>(), r.bestSubsetMape);
  EXPECT_EQ(r.improvements.front().first, 1u);
}
