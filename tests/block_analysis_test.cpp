// mca::BlockAnalyzer and DependencyGraph: bounds against the in-process llvm-mca, memory chains, table edits.
// label unit: BlockAnalysis BlockAnalysisGraph

#include <cmath>
#include <cstdlib>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "TestSupport.h"
#include "surrogate/block/AsmReader.h"
#include "surrogate/block/BlockReader.h"
#include "surrogate/block/Decoder.h"
#include "surrogate/block/Target.h"
#include "surrogate/mca/BlockAnalyzer.h"
#include "surrogate/mca/DependencyGraph.h"
#include "surrogate/mca/ParamTable.h"
#include "surrogate/mca/Simulator.h"
#include "surrogate/mca/TunedSubtarget.h"

using namespace surrogate;

namespace {

std::vector<llvm::MCInst> assemble(const std::string &text) {
  block::AsmParseResult parsed = block::parseAssembly(text, "test.s", block::Syntax::ATT);
  EXPECT_TRUE(parsed.problems.empty()) << (parsed.problems.empty() ? "" : parsed.problems[0].str());
  EXPECT_EQ(parsed.blocks.size(), 1u);
  return parsed.blocks.at(0).insts;
}

std::string repeat(const std::string &line, int times) {
  std::string out;
  for (int i = 0; i < times; ++i)
    out += line + "\n";
  return out;
}

mca::BlockAnalysis analyze(const llvm::MCSubtargetInfo &sti, const std::string &text) {
  mca::BlockAnalyzer analyzer(sti);
  auto a = analyzer.analyze(assemble(text));
  EXPECT_TRUE(static_cast<bool>(a)) << (a ? "" : llvm::toString(a.takeError()));
  return a ? std::move(*a) : mca::BlockAnalysis();
}

unsigned mcaCycles(const llvm::MCSubtargetInfo &sti, const std::string &text) {
  mca::Simulator simulator(sti, 100);
  auto r = simulator.run(assemble(text));
  EXPECT_TRUE(static_cast<bool>(r)) << (r ? "" : llvm::toString(r.takeError()));
  return r ? r->cycles : 0;
}

const llvm::MCSubtargetInfo &haswell() {
  static std::unique_ptr<llvm::MCSubtargetInfo> sti = block::X86Target::get().createSubtarget("haswell");
  return *sti;
}

// What filling the pipeline adds to 100 iterations of a bound.
constexpr double kFill = 10;

} // namespace

TEST(BlockAnalysis, ChainsOfOneOpcodeAreBoundByTheirLatencyAsLlvmMcaRunsThem) {
  struct Case {
    std::string text;
    double dependencyBound;  // Haswell's latencies
  } cases[] = {
      {repeat("imulq %rax, %rax", 4), 12},                         // 4 x 3 cycles
      {repeat("addq %rax, %rax", 4), 4},                           // 4 x 1
      {repeat("vfmadd231ps %ymm1, %ymm2, %ymm0", 2), 10},          // 2 x 5, through the accumulator
      {"imull %eax, %eax\nimulq %rax, %rax\n", 6},                 // a 32-bit write read as its 64-bit register
      {"addq %rbx, %rax\nmovq %rax, %rcx\naddq %rcx, %rbx\n", 3},  // a cycle through three registers
  };
  for (const Case &c : cases) {
    SCOPED_TRACE(c.text);
    mca::BlockAnalysis a = analyze(haswell(), c.text);
    EXPECT_DOUBLE_EQ(a.dependencyBound, c.dependencyBound);
    EXPECT_DOUBLE_EQ(a.registerDependencyBound, c.dependencyBound);
    EXPECT_EQ(a.binding(), mca::Bound::Dependency);
    EXPECT_FALSE(a.dependencyCycle.empty());
    unsigned cycles = mcaCycles(haswell(), c.text);
    EXPECT_GE(cycles, a.dependencyBound * 100);
    EXPECT_LE(cycles, a.dependencyBound * 100 + kFill);
  }
}

TEST(BlockAnalysis, IndependentStreamsAreBoundByResourcesAsLlvmMcaRunsThem) {
  std::string adds;
  for (const char *r : {"eax", "ebx", "ecx", "edx", "esi", "edi", "r8d", "r9d"})
    adds += std::string("addl $1, %") + r + "\n";
  std::string loads;
  for (const char *r : {"rax", "rbx", "rcx", "rdx", "rsi", "r8"})
    loads += std::string("movq 16(%rdi), %") + r + "\n";
  mca::BlockAnalyzer analyzer(haswell());
  struct Case {
    std::string text;
    double resourceBound;
    std::string bottleneck;
  } cases[] = {{adds, 2, "dispatch"},
               {loads, 3, "HWPort23"},
               {"imulq %rbx, %rax\nimulq %rbx, %rcx\nimulq %rbx, %rdx\nimulq %rbx, %rsi\n", 4, "HWPort1"}};
  for (const Case &c : cases) {
    SCOPED_TRACE(c.text);
    mca::BlockAnalysis a = analyze(haswell(), c.text);
    EXPECT_DOUBLE_EQ(a.resourceBound, c.resourceBound);
    EXPECT_EQ(analyzer.resourceName(a.bottleneck), c.bottleneck);
    EXPECT_LT(a.dependencyBound, a.resourceBound);
    EXPECT_EQ(a.binding(), mca::Bound::Resource);
    unsigned cycles = mcaCycles(haswell(), c.text);
    EXPECT_GE(cycles, a.resourceBound * 100);
    EXPECT_LE(cycles, a.resourceBound * 100 + kFill);
  }
}

TEST(BlockAnalysis, PerInstructionFiguresAndCountsAreLlvmMcas) {
  mca::BlockAnalyzer analyzer(haswell());
  auto a = analyzer.analyze(assemble("imulq %rbx, %rax\naddl $1, (%rdi)\nmovq (%rsi), %rcx\nxorl %edx, %edx\n"));
  ASSERT_TRUE(static_cast<bool>(a)) << llvm::toString(a.takeError());
  ASSERT_EQ(a->instructionCount(), 4u);
  const mca::InstructionAnalysis &imul = a->instructions[0];
  EXPECT_EQ(imul.latency, 3u);
  EXPECT_EQ(imul.microOps, 1u);
  ASSERT_EQ(imul.resources.size(), 1u);  // HWPort01 and HWPort0156 hold no cycles of their own
  EXPECT_EQ(analyzer.resourceName(imul.resources[0].resource), "HWPort1");
  EXPECT_EQ(imul.resources[0].cycles, 1u);
  EXPECT_TRUE(a->instructions[1].mayLoad && a->instructions[1].mayStore);
  EXPECT_TRUE(a->instructions[2].mayLoad && !a->instructions[2].mayStore);
  EXPECT_EQ(a->instructions[2].latency, 5u);
  EXPECT_TRUE(a->instructions[3].dependencyBreaking);  // a zero idiom
  EXPECT_EQ(a->instructions[3].latency, 0u);
  EXPECT_EQ(a->loads, 2u);
  EXPECT_EQ(a->stores, 1u);
  unsigned microOps = 0;
  for (const auto &i : a->instructions) microOps += i.microOps;
  EXPECT_EQ(a->microOps, microOps);
  unsigned port1 = 0;
  for (unsigned r = 1; r < a->resourceCycles.size(); ++r)
    if (analyzer.resourceName(r) == "HWPort1")
      port1 = a->resourceCycles[r];
  EXPECT_EQ(port1, 1u);
}

TEST(BlockAnalysis, ZeroIdiomsBreakChainsAndReadAdvanceShortensThem) {
  EXPECT_DOUBLE_EQ(analyze(haswell(), "imulq %rax, %rax\n").dependencyBound, 3);
  mca::BlockAnalysis broken = analyze(haswell(), "xorl %eax, %eax\nimulq %rax, %rax\n");
  EXPECT_DOUBLE_EQ(broken.dependencyBound, 0);
  EXPECT_EQ(broken.criticalPath, 3u);  // the xor (0 cycles), then the imul
  // A load-op's register input arrives 5 cycles late (Haswell's ReadAfterLd):
  // the chain through %rax is 6 - 5 = 1 cycle per add, one iteration 1 + 6.
  mca::BlockAnalysis loadOps = analyze(haswell(), "addq (%rdi), %rax\naddq 8(%rdi), %rax\n");
  EXPECT_DOUBLE_EQ(loadOps.dependencyBound, 2);
  EXPECT_EQ(loadOps.criticalPath, 7u);
  EXPECT_LE(std::abs(double(mcaCycles(haswell(), "addq (%rdi), %rax\naddq 8(%rdi), %rax\n")) - 200), kFill);
}

TEST(BlockAnalysis, AStoreThenALoadOfTheSameAddressIsALoopCarriedChain) {
  // load (5) -> add (1) -> store (1) -> next iteration's load.
  mca::BlockAnalysis a = analyze(haswell(), "movq (%rdi), %rax\naddq $1, %rax\nmovq %rax, (%rdi)\n");
  EXPECT_DOUBLE_EQ(a.dependencyBound, 7);
  EXPECT_DOUBLE_EQ(a.registerDependencyBound, 0);
  EXPECT_TRUE(a.cycleThroughMemory());
  EXPECT_EQ(a.dependencyCycle.size(), 3u);
  EXPECT_EQ(a.binding(), mca::Bound::Dependency);
  // llvm-mca assumes loads never alias stores: it runs the block at its resource bound.
  EXPECT_LE(mcaCycles(haswell(), "movq (%rdi), %rax\naddq $1, %rax\nmovq %rax, (%rdi)\n"),
            a.resourceBound * 100 + kFill);

  // A read-modify-write of one address waits for its own previous store.
  mca::BlockAnalysis rmw = analyze(haswell(), "addl $1, (%rdi)\n");
  EXPECT_DOUBLE_EQ(rmw.dependencyBound, rmw.instructions[0].latency);
  EXPECT_TRUE(rmw.cycleThroughMemory());

  // Within one iteration too: the value goes through the stack and back.
  mca::BlockAnalysis spill = analyze(haswell(), "movq %rax, 8(%rsp)\nmovq 8(%rsp), %rax\n");
  EXPECT_DOUBLE_EQ(spill.dependencyBound, 1 + 5);

  // Not the same address: another displacement, or the base moves in between.
  for (const char *text : {"movq (%rdi), %rax\naddq $1, %rax\nmovq %rax, 8(%rdi)\n",
                           "movq (%rdi), %rax\naddq $1, %rax\nmovq %rax, (%rsi)\n",
                           "movq (%rdi), %rax\naddq $1, %rax\nmovq %rax, (%rdi)\naddq $8, %rdi\n",
                           "movq (%rdi,%rcx,8), %rax\naddq $1, %rax\nmovq %rax, (%rdi,%rcx,8)\nincl %ecx\n"}) {
    SCOPED_TRACE(text);
    mca::BlockAnalysis other = analyze(haswell(), text);
    EXPECT_FALSE(other.cycleThroughMemory());
    EXPECT_DOUBLE_EQ(other.dependencyBound, other.registerDependencyBound);
    EXPECT_LE(other.dependencyBound, 1);
  }
}

TEST(BlockAnalysis, ResourceBoundIsLlvmMcasBlockRThroughputAndBothBoundsAreBelowItsCycles) {
  std::vector<std::vector<llvm::MCInst>> blocks = {
      assemble(repeat("imulq %rax, %rax", 3)), assemble("vdivps %xmm1, %xmm2, %xmm3\nvaddps %xmm3, %xmm0, %xmm0\n"),
      assemble("pushq %rax\npopq %rbx\n"), assemble("movl (%rdi), %eax\nshlq $2, %rax\naddq %rax, %rsi\n")};
  if (!test::bhiveDir().empty()) {
    block::BlockReader reader({test::bhiveDir() + "/hsw.csv"});
    block::Decoder decoder;
    block::BlockOrProblem item;
    for (std::size_t i = 0; reader.next(item); ++i) {
      auto *b = std::get_if<block::BasicBlock>(&item);
      if (i % 400 == 0 && b && decoder.decode(b->hex, b->insts).ok())
        blocks.push_back(std::move(b->insts));
    }
  }
  mca::BlockAnalyzer analyzer(haswell());
  mca::Simulator simulator(haswell(), 100);
  for (const auto &insts : blocks) {
    auto a = analyzer.analyze(insts);
    auto r = simulator.run(insts);
    ASSERT_TRUE(a && r);
    EXPECT_DOUBLE_EQ(a->resourceBound, r->blockRThroughput);
    EXPECT_EQ(a->microOps, r->microOps);
    // llvm-mca's loads never wait for stores, so only the register chains bound its cycles.
    EXPECT_LE(std::max(a->resourceBound, a->registerDependencyBound) * 100, r->cycles + 1e-9);
  }
}

TEST(BlockAnalysis, ALatencyEditMovesTheDependencyBoundAndAResourceEditTheResourceBound) {
  const std::string chain = repeat("imulq %rax, %rax", 4);
  mca::ParamTable table = mca::ParamTable::fromModel("haswell", {"IMUL64rr"});
  mca::BlockAnalysis base = analyze(*mca::TunedSubtarget::create(table), chain);
  EXPECT_DOUBLE_EQ(base.dependencyBound, 12);
  EXPECT_DOUBLE_EQ(base.resourceBound, 4);

  mca::ParamTable slower = table;
  slower.opcodes.at("IMUL64rr").latencies = {5};
  auto slowerSti = mca::TunedSubtarget::create(slower);
  mca::BlockAnalysis lat = analyze(*slowerSti, chain);
  EXPECT_DOUBLE_EQ(lat.dependencyBound, 20);
  EXPECT_DOUBLE_EQ(lat.resourceBound, 4);
  EXPECT_LE(std::abs(double(mcaCycles(*slowerSti, chain)) - 2000), kFill);

  mca::ParamTable busier = table;
  for (auto &[resource, cycles] : busier.opcodes.at("IMUL64rr").resources)
    cycles += 3;  // port 1 busy 4 cycles (the groups holding it keep no cycles of their own)
  auto busierSti = mca::TunedSubtarget::create(busier);
  mca::BlockAnalysis res = analyze(*busierSti, chain);
  EXPECT_DOUBLE_EQ(res.dependencyBound, 12);
  EXPECT_DOUBLE_EQ(res.resourceBound, 16);
  EXPECT_EQ(res.binding(), mca::Bound::Resource);
  EXPECT_LE(std::abs(double(mcaCycles(*busierSti, chain)) - 1600), kFill);
}

TEST(BlockAnalysis, InstructionsLlvmMcaCannotBuildAreAnError) {
  auto btver2 = block::X86Target::get().createSubtarget("btver2");
  mca::BlockAnalyzer analyzer(*btver2);
  auto a = analyzer.analyze(assemble("vaddps %zmm1, %zmm2, %zmm3\n"));  // no AVX-512 in btver2's model
  ASSERT_FALSE(static_cast<bool>(a));
  EXPECT_NE(llvm::toString(a.takeError()).find("unsupported instruction"), std::string::npos);
}

TEST(BlockAnalysisGraph, MaxCycleRatioIsExactAndNamesTheCycle) {
  mca::DependencyGraph g(4);
  EXPECT_DOUBLE_EQ(g.maxCycleRatio().cyclesPerIteration, 0);
  g.add({0, 1, 3, 0});
  g.add({1, 0, 3, 1});  // 0 -> 1 -> 0: 6 cycles per iteration
  g.add({2, 2, 5, 1});  // 5 per iteration
  EXPECT_DOUBLE_EQ(g.maxCycleRatio().cyclesPerIteration, 6);
  // A cycle spanning two iterations: 7 cycles over 2.
  mca::DependencyGraph h(3);
  h.add({0, 1, 2, 0});
  h.add({1, 2, 2, 1});
  h.add({2, 0, 3, 1});
  h.add({2, 2, 3, 1});  // 3 per iteration, less
  mca::DependencyGraph::Cycle c = h.maxCycleRatio();
  EXPECT_DOUBLE_EQ(c.cyclesPerIteration, 3.5);
  std::set<unsigned> from;
  for (unsigned e : c.edges) from.insert(h.edges()[e].from);
  EXPECT_EQ(from, (std::set<unsigned>{0, 1, 2}));
  // Filtering edges out.
  EXPECT_DOUBLE_EQ(h.maxCycleRatio([](const mca::DependencyEdge &e) { return e.from != 0; }).cyclesPerIteration, 3);
  // A distance-0 edge must go forward.
  EXPECT_THROW(h.add({2, 1, 1, 0}), std::invalid_argument);
  // The critical path of one iteration: 0 -> 1 (2 cycles), then 1's own latency.
  mca::DependencyGraph::Path p = h.criticalPath({1, 4, 1});
  EXPECT_EQ(p.cycles, 6u);
  EXPECT_EQ(p.last, 1u);
  ASSERT_EQ(p.edges.size(), 1u);
}

// llvm-mca's dispatch stage never splits an instruction's micro-ops across
// cycles: a loop of 6 instructions and 7 micro-ops (a load, a multiply from
// memory, adds, the branch) takes 2 cycles an iteration where 7 / 4 says 1.75.
TEST(BlockAnalysis, TheDispatchBoundPacksMicroOpsInOrder) {
  block::Decoder decoder;
  std::vector<llvm::MCInst> insts;
  ASSERT_TRUE(decoder.decode("448b048e440faf048f4401c048ffc14839ca75ec", insts).ok());
  mca::BlockAnalyzer analyzer(haswell());
  auto a = analyzer.analyze(insts);
  ASSERT_TRUE(static_cast<bool>(a)) << llvm::toString(a.takeError());
  EXPECT_EQ(a->microOps, 7u);
  EXPECT_DOUBLE_EQ(a->resourceBound, 1.75);
  EXPECT_DOUBLE_EQ(a->dispatchBound, 2.0);
  mca::Simulator simulator(haswell(), 100);
  auto r = simulator.run(insts);
  ASSERT_TRUE(static_cast<bool>(r));
  EXPECT_NEAR(r->cycles, 100 * a->dispatchBound, kFill);
  // Four one-micro-op adds fill each cycle exactly: micro-ops over the width.
  mca::BlockAnalysis adds = analyze(haswell(), "addq %rax, %rbx\naddq %rcx, %rdx\naddq %rsi, %rdi\naddq %r8, %r9\n");
  EXPECT_DOUBLE_EQ(adds.dispatchBound, 1.0);
}
