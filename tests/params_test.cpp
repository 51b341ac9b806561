// Scheduling parameter tables: export, JSON round trip, in-process
// application (identity with LLVM's model, directional effects of edits),
// bad input, sampling, and TableGen output that llvm-tblgen-19 parses.
// label unit: ParamsTable ParamsApply ParamsErrors ParamsSample
// label cli: ParamsCli ParamsSampleCli ParamsTableGen
// label e2e: ParamsApplyBhive

#include <filesystem>
#include <fstream>
#include <set>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "TestSupport.h"
#include "surrogate/block/AsmReader.h"
#include "surrogate/block/BlockReader.h"
#include "surrogate/block/Target.h"
#include "surrogate/mca/ParamSampler.h"
#include "surrogate/mca/ParamTable.h"
#include "surrogate/mca/ResourceMap.h"
#include "surrogate/mca/Simulator.h"
#include "surrogate/mca/TableGenWriter.h"
#include "surrogate/mca/TunedSubtarget.h"

using namespace surrogate;
using nlohmann::json;

namespace {

std::unique_ptr<llvm::MCSubtargetInfo> builtIn(const std::string &cpu) {
  auto sti = block::X86Target::get().createSubtarget(cpu);
  return sti;
}

block::BasicBlock assemble(const std::string &text) {
  block::AsmParseResult parsed = block::parseAssembly(text, "test.s", block::Syntax::ATT);
  EXPECT_TRUE(parsed.problems.empty()) << (parsed.problems.empty() ? "" : parsed.problems[0].str());
  EXPECT_EQ(parsed.blocks.size(), 1u);
  return parsed.blocks.at(0);
}

unsigned cycles(const llvm::MCSubtargetInfo &sti, const block::BasicBlock &b) {
  mca::Simulator simulator(sti, 100);
  auto r = simulator.run(b.insts);
  EXPECT_TRUE(static_cast<bool>(r)) << (r ? "" : llvm::toString(r.takeError()));
  return r ? r->cycles : 0;
}

// Every `stride`-th block of hsw.csv, decoded.
std::vector<block::BasicBlock> bhiveSample(std::size_t stride) {
  std::vector<block::BasicBlock> blocks;
  block::BlockReader reader({test::bhiveDir() + "/hsw.csv"});
  block::Decoder decoder;
  block::BlockOrProblem item;
  for (std::size_t i = 0; reader.next(item); ++i) {
    auto *b = std::get_if<block::BasicBlock>(&item);
    if (i % stride != 0 || !b || !decoder.decode(b->hex, b->insts).ok())
      continue;
    blocks.push_back(std::move(*b));
  }
  return blocks;
}

bool uses(const block::BasicBlock &b, const std::string &opcode) {
  unsigned op = *mca::lookupOpcode(opcode);
  for (const llvm::MCInst &inst : b.insts)
    if (inst.getOpcode() == op)
      return true;
  return false;
}

const char *kImulChain = "imulq %rax, %rax\nimulq %rax, %rax\nimulq %rax, %rax\n";
const char *kAddChain = "addl %eax, %eax\naddl %eax, %eax\naddl %eax, %eax\n";
const char *kAndChain = "andl %ebx, %eax\nandl %ecx, %eax\nandl %edx, %eax\n";
const char *kOrChain = "orl %ebx, %eax\norl %ecx, %eax\norl %edx, %eax\n";
// Eight independent single-micro-op instructions: limited by dispatch width.
const char *kWide = "addl %eax, %eax\naddl %ebx, %ebx\naddl %ecx, %ecx\naddl %edx, %edx\n"
                    "addl %esi, %esi\naddl %edi, %edi\naddl %r8d, %r8d\naddl %r9d, %r9d\n";

std::string expectParamError(const json &j, const std::string &needle) {
  try {
    mca::ParamTable::fromJson(j, "t.json");
  } catch (const support::Error &e) {
    EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << "message: " << e.what();
    return e.what();
  }
  ADD_FAILURE() << "no error for a table that should be rejected (" << needle << ")";
  return "";
}

json smallTableJson() {
  return mca::ParamTable::fromModel("haswell", {"ADD32rr", "IMUL64rr", "ADD64rm", "VADDPSYrr"}).toJson();
}

} // namespace

TEST(ParamsTable, ExportsLlvmValuesAndRoundTripsThroughJson) {
  mca::ParamTable t = mca::ParamTable::fromModel("haswell", {"ADD32rr", "IMUL64rr", "ADD64rm", "VDIVPSrr"});
  EXPECT_EQ(t.cpu, "haswell");
  EXPECT_EQ(t.llvmVersion, mca::llvmVersionString());
  EXPECT_EQ(t.dispatchWidth, 4u);        // Haswell's IssueWidth
  EXPECT_EQ(t.reorderBufferSize, 192u);  // Haswell's MicroOpBufferSize
  const mca::OpcodeParams &imul = t.opcodes.at("IMUL64rr");
  EXPECT_EQ(imul.microOps, 1u);
  EXPECT_EQ(imul.latencies, std::vector<unsigned>{3});
  // A port-1 op: the port and every group containing it, as LLVM stores them.
  std::set<std::string> names;
  for (auto &[r, c] : imul.resources) names.insert(r);
  EXPECT_TRUE(names.count("HWPort1") && names.count("HWPort01") && names.count("HWPort0156"));
  EXPECT_FALSE(t.opcodes.at("ADD64rm").readAdvance.empty());  // the load's register operand

  test::TempDir dir;
  t.save(dir / "t.json");
  mca::ParamTable back = mca::ParamTable::load(dir / "t.json");
  EXPECT_EQ(mca::diffTables(t, back), "");
  EXPECT_EQ(back.opcodes, t.opcodes);
  EXPECT_EQ(back.parameterCount(), t.parameterCount());
  EXPECT_EQ(t.parameterCount(), 2 + 4 + [&] {
    std::size_t n = 0;
    for (auto &[name, p] : t.opcodes) n += p.latencies.size() + p.readAdvance.size() + p.resources.size();
    return n;
  }());
}

TEST(ParamsTable, CoversTheModelsOpcodesButNotVariantOrPseudoOnes) {
  auto sti = builtIn("haswell");
  std::vector<std::string> all = mca::ParamTable::tunableOpcodes(*sti);
  EXPECT_GT(all.size(), 10000u);
  std::set<std::string> set(all.begin(), all.end());
  EXPECT_TRUE(set.count("ADD32rr"));
  EXPECT_FALSE(set.count("XOR32rr"));  // zero idiom: a variant class, resolved per instruction
  EXPECT_THROW(mca::ParamTable::fromModel("haswell", {"XOR32rr"}), support::InputError);
  EXPECT_THROW(mca::ParamTable::fromModel("haswell", {"NOSUCHOP"}), support::InputError);
  EXPECT_THROW(mca::ParamTable::fromModel("pentium-nosuch"), support::ConfigError);
}

TEST(ParamsTable, FeatureVectorsHaveAFixedLayout) {
  mca::ParamTable t = mca::ParamTable::fromModel("haswell", {"IMUL64rr"});
  std::vector<std::string> names = t.opcodeFeatureNames();
  std::vector<float> f = t.opcodeFeatures("IMUL64rr");
  ASSERT_EQ(f.size(), names.size());
  EXPECT_EQ(f.size(), 4 + t.resourceNames.size());
  EXPECT_EQ(f[0], 1.0f);  // micro-ops
  EXPECT_EQ(f[1], 3.0f);  // latency
  auto port1 = std::find(names.begin(), names.end(), "cycles_HWPort1") - names.begin();
  EXPECT_EQ(f[port1], 1.0f);
  EXPECT_EQ(t.opcodeFeatures("ADD32rr"), std::vector<float>(f.size(), 0.0f));  // not in the table
  EXPECT_EQ(t.globalFeatures(), (std::vector<float>{4.0f, 192.0f}));
  EXPECT_EQ(mca::ParamTable::globalFeatureNames().size(), 2u);
}

TEST(ParamsApply, DefaultTableMatchesBuiltInModelOnHandWrittenBlocks) {
  auto sti = builtIn("haswell");
  auto tuned = mca::TunedSubtarget::create(mca::ParamTable::fromModel("haswell"));
  // Includes a zero idiom (variant class) and loads (read advance).
  for (const char *text : {kImulChain, kAddChain, kAndChain, kOrChain, kWide,
                           "xorl %eax, %eax\naddl %eax, %ebx\nvxorps %xmm0, %xmm0, %xmm0\n",
                           "addq (%rdi), %rax\naddq 8(%rdi), %rax\nvmulps (%rsi), %ymm0, %ymm1\n"}) {
    block::BasicBlock b = assemble(text);
    EXPECT_EQ(cycles(*tuned, b), cycles(*sti, b)) << text;
  }
}

TEST(ParamsApplyBhive, DefaultTableMatchesBuiltInModelOnBhiveSample) {
  SKIP_WITHOUT_BHIVE();
  std::vector<block::BasicBlock> blocks = bhiveSample(150);
  ASSERT_GT(blocks.size(), 400u);
  for (const char *cpu : {"haswell", "skylake"}) {
    auto sti = builtIn(cpu);
    auto tuned = mca::TunedSubtarget::create(mca::ParamTable::fromModel(cpu));
    mca::Simulator reference(*sti, 100), withTable(*tuned, 100);
    std::size_t compared = 0;
    for (const block::BasicBlock &b : blocks) {
      auto want = reference.run(b.insts);
      auto got = withTable.run(b.insts);
      ASSERT_EQ(static_cast<bool>(want), static_cast<bool>(got)) << cpu << " " << b.where.str();
      if (!want) {
        llvm::consumeError(want.takeError());
        llvm::consumeError(got.takeError());
        continue;
      }
      EXPECT_EQ(got->cycles, want->cycles) << cpu << " " << b.where.str() << " " << b.hex;
      EXPECT_EQ(got->microOps, want->microOps) << cpu << " " << b.where.str();
      ++compared;
    }
    EXPECT_GT(compared, 400u) << cpu;
  }
}

TEST(ParamsApply, HigherLatencyOnADependencyChainRaisesCycles) {
  auto sti = builtIn("haswell");
  mca::ParamTable t = mca::ParamTable::fromModel("haswell", {"IMUL64rr", "ADD32rr"});
  t.opcodes.at("IMUL64rr").latencies = {6};  // LLVM: 3
  auto tuned = mca::TunedSubtarget::create(t);
  block::BasicBlock imul = assemble(kImulChain), add = assemble(kAddChain);
  unsigned before = cycles(*sti, imul), after = cycles(*tuned, imul);
  EXPECT_GT(after, before);
  EXPECT_NEAR(double(after) / before, 2.0, 0.05);  // a pure chain: cycles scale with latency
  EXPECT_EQ(cycles(*tuned, add), cycles(*sti, add));
}

TEST(ParamsApply, OpcodesSharingAnLlvmClassAreTunedSeparately) {
  // AND32rr and OR32rr share one Haswell class.
  auto sti = builtIn("haswell");
  mca::ParamTable t = mca::ParamTable::fromModel("haswell", {"AND32rr", "OR32rr"});
  ASSERT_EQ(t.opcodes.at("AND32rr").schedClass, t.opcodes.at("OR32rr").schedClass);
  t.opcodes.at("AND32rr").latencies = {4};
  auto tuned = mca::TunedSubtarget::create(t);
  block::BasicBlock andChain = assemble(kAndChain), orChain = assemble(kOrChain);
  EXPECT_GT(cycles(*tuned, andChain), cycles(*sti, andChain));
  EXPECT_EQ(cycles(*tuned, orChain), cycles(*sti, orChain));
}

TEST(ParamsApply, NarrowerDispatchRaisesCyclesOnWideBlocks) {
  auto sti = builtIn("haswell");
  mca::ParamTable t = mca::ParamTable::fromModel("haswell", {"ADD32rr"});
  t.dispatchWidth = 2;
  auto tuned = mca::TunedSubtarget::create(t);
  block::BasicBlock wide = assemble(kWide), imul = assemble(kImulChain);
  EXPECT_GT(cycles(*tuned, wide), cycles(*sti, wide));
  EXPECT_NEAR(double(cycles(*tuned, wide)) / cycles(*sti, wide), 2.0, 0.1);
  EXPECT_EQ(cycles(*tuned, imul), cycles(*sti, imul));  // latency-bound, one op per 3 cycles
}

TEST(ParamsApplyBhive, OneEditChangesExactlyTheBlocksUsingIt) {
  SKIP_WITHOUT_BHIVE();
  std::vector<block::BasicBlock> blocks = bhiveSample(150);
  auto sti = builtIn("haswell");
  // MOV64rm (a load) is common in BHive; raise its latency from 5 to 9.
  mca::ParamTable t = mca::ParamTable::fromModel("haswell", {"MOV64rm"});
  ASSERT_EQ(t.opcodes.at("MOV64rm").latencies, std::vector<unsigned>{5});
  t.opcodes.at("MOV64rm").latencies = {9};
  auto tuned = mca::TunedSubtarget::create(t);
  mca::Simulator reference(*sti, 100), withTable(*tuned, 100);
  std::size_t users = 0, up = 0, down = 0;
  for (const block::BasicBlock &b : blocks) {
    auto want = reference.run(b.insts);
    auto got = withTable.run(b.insts);
    if (!want || !got) {
      if (!want) llvm::consumeError(want.takeError());
      if (!got) llvm::consumeError(got.takeError());
      continue;
    }
    if (!uses(b, "MOV64rm")) {
      EXPECT_EQ(got->cycles, want->cycles) << b.where.str() << " does not use MOV64rm";
      continue;
    }
    ++users;
    up += got->cycles > want->cycles;
    down += got->cycles < want->cycles;
  }
  EXPECT_GT(users, 50u);
  EXPECT_GT(up, users / 4);  // many blocks wait on their loads
  EXPECT_EQ(down, 0u);
}

TEST(ParamsApply, VariantClassesStillResolvePerInstruction) {
  // XOR32rr is a zero idiom only when both operands are the same register.
  auto sti = builtIn("haswell");
  mca::ParamTable t = mca::ParamTable::fromModel("haswell", {"ADD32rr"});
  t.opcodes.at("ADD32rr").latencies = {2};
  auto tuned = mca::TunedSubtarget::create(t);
  for (const char *text : {"xorl %eax, %eax\nxorl %eax, %eax\nxorl %eax, %eax\n",
                           "xorl %ebx, %eax\nxorl %ebx, %eax\nxorl %ebx, %eax\n"}) {
    block::BasicBlock b = assemble(text);
    EXPECT_EQ(cycles(*tuned, b), cycles(*sti, b)) << text;
  }
  EXPECT_LT(cycles(*tuned, assemble("xorl %eax, %eax\nxorl %eax, %eax\nxorl %eax, %eax\n")),
            cycles(*tuned, assemble("xorl %ebx, %eax\nxorl %ebx, %eax\nxorl %ebx, %eax\n")));
}

TEST(ParamsApply, ResolutionsOfVariantClassesAreTunedSeparately) {
  // XOR32rr resolves to a zero-latency class for the zero idiom and to an
  // ALU class otherwise; CMOV32rr's class depends on the condition code.
  const char *idiom = "xorl %eax, %eax\naddl %eax, %ebx\nxorl %eax, %eax\naddl %eax, %ebx\n";
  const char *chain = "xorl %ebx, %eax\nxorl %ecx, %eax\nxorl %edx, %eax\n";
  test::TempDir dir;
  std::string blocks = dir.file("v.s", std::string(idiom) + "# ---\n" + chain + "# ---\ncmovel %ebx, %eax\n");
  std::vector<std::string> keys = mca::ParamTable::opcodesUsedBy({blocks}, "haswell");
  std::vector<std::string> xorKeys;
  for (const std::string &k : keys)
    if (k.rfind("XOR32rr/", 0) == 0) xorKeys.push_back(k);
  ASSERT_EQ(xorKeys.size(), 2u) << ::testing::PrintToString(keys);
  mca::ParamTable t = mca::ParamTable::fromModel("haswell", keys);
  std::string alu;
  for (const std::string &k : xorKeys)
    if (t.opcodes.at(k).latencies == std::vector<unsigned>{1}) alu = k;
  ASSERT_FALSE(alu.empty());

  auto sti = builtIn("haswell");
  block::BasicBlock idiomBlock = assemble(idiom), chainBlock = assemble(chain);
  EXPECT_EQ(mca::tableKeyOf(*sti, chainBlock.insts[0]), std::optional<std::string>(alu));
  EXPECT_NE(mca::tableKeyOf(*sti, idiomBlock.insts[0]), std::optional<std::string>(alu));
  EXPECT_EQ(mca::tableKeyOf(*sti, idiomBlock.insts[1]), std::optional<std::string>("ADD32rr"));
  auto same = mca::TunedSubtarget::create(t);
  EXPECT_EQ(cycles(*same, idiomBlock), cycles(*sti, idiomBlock));
  EXPECT_EQ(cycles(*same, chainBlock), cycles(*sti, chainBlock));

  t.opcodes.at(alu).latencies = {3};
  auto tuned = mca::TunedSubtarget::create(t);
  EXPECT_GT(cycles(*tuned, chainBlock), cycles(*sti, chainBlock));
  EXPECT_EQ(cycles(*tuned, idiomBlock), cycles(*sti, idiomBlock));  // the idiom keeps its own class
}

TEST(ParamsErrors, BadTablesAreRejectedNamingTheField) {
  json j = smallTableJson();
  {
    json bad = j;
    bad["opcodes"]["NOSUCHOP"] = bad["opcodes"]["ADD32rr"];
    expectParamError(bad, "opcodes.NOSUCHOP: unknown opcode");
  }
  {
    json bad = j;
    bad["opcodes"]["ADD32rr"]["resources"]["HWPort9"] = 1;
    expectParamError(bad, "opcodes.ADD32rr.resources.HWPort9: unknown resource");
  }
  {
    json bad = j;
    bad["opcodes"]["IMUL64rr"]["latencies"][0] = -1;
    expectParamError(bad, "opcodes.IMUL64rr.latencies[0]: -1 is negative");
  }
  {
    json bad = j;
    bad["opcodes"]["IMUL64rr"]["micro_ops"] = 1.5;
    expectParamError(bad, "opcodes.IMUL64rr.micro_ops: 1.5 is not an integer");
  }
  {
    json bad = j;
    bad["globals"]["dispatch_width"] = "four";
    expectParamError(bad, "globals.dispatch_width: expected a whole number");
  }
  {
    json bad = j;
    bad["globals"]["dispatch_width"] = 0;
    expectParamError(bad, "globals.dispatch_width: 0 is outside");
  }
  {
    json bad = j;
    bad["opcodes"]["IMUL64rr"]["latencies"] = {3, 3};
    expectParamError(bad, "opcodes.IMUL64rr.latencies: 2 values");
  }
  {
    json bad = j;
    // 3 cycles on port 1, but the groups holding it keep 1: llvm-mca would underflow.
    bad["opcodes"]["IMUL64rr"]["resources"]["HWPort1"] = 3;
    std::string message = expectParamError(bad, "needs at least 2 more");
    EXPECT_NE(message.find("opcodes.IMUL64rr.resources.HWPort"), std::string::npos) << message;
  }
  {
    json bad = j;
    bad["opcodes"]["IMUL64rr"]["latncies"] = {3};
    expectParamError(bad, "opcodes.IMUL64rr.latncies: unknown field");
  }
  {
    json bad = j;
    bad["opcodes"]["IMUL64rr"].erase("micro_ops");
    expectParamError(bad, "opcodes.IMUL64rr: missing field 'micro_ops'");
  }
  {
    json bad = j;
    bad["llvm_version"] = "17.0.6";
    expectParamError(bad, "llvm_version: the table was made with LLVM 17.0.6");
  }
  {
    json bad = j;
    bad["cpu"] = "nosuchcpu";
    expectParamError(bad, "cpu: unknown CPU 'nosuchcpu'");
  }
  {
    json bad = j;
    bad["cpu"] = "skylake";  // Haswell's resource names do not exist there
    expectParamError(bad, "unknown resource");
  }
  {
    json bad = j;
    bad["version"] = 99;
    expectParamError(bad, "version: this build reads version 1");
  }
  {
    json bad = j;
    bad["opcodes"]["XOR32rr"] = bad["opcodes"]["ADD32rr"];
    expectParamError(bad, "opcodes.XOR32rr: XOR32rr has a variant scheduling class");
  }
  {
    json bad = j;
    bad["opcodes"]["ADD32rr/WriteALU"] = bad["opcodes"]["ADD32rr"];
    expectParamError(bad, "ADD32rr's class is not variant");
  }
  {
    json bad = j;
    bad["opcodes"]["XOR32rr/NoSuchClass"] = bad["opcodes"]["ADD32rr"];
    expectParamError(bad, "opcodes.XOR32rr/NoSuchClass: the haswell model has no scheduling class 'NoSuchClass'");
  }
  // A table for another CPU is refused by the subtarget it would be applied to.
  mca::ParamTable t = mca::ParamTable::fromModel("haswell", {"ADD32rr"});
  auto skl = builtIn("skylake");
  EXPECT_THROW(t.validate(*skl, "t.json"), support::InputError);
}

TEST(ParamsCli, SimulateRefusesABadTableAndWritesNothing) {
  test::TempDir dir;
  std::string blocks = dir.file("b.s", "addl %eax, %eax\n");
  std::string bad = dir.file("bad.json", "{\"format\": \"surrogate-mca-params\", \"version\": 1,");
  auto r = test::runSurrogate("simulate " + blocks + " --params " + bad + " -o " + (dir / "out.csv"));
  EXPECT_NE(r.exitCode, 0);
  EXPECT_NE(r.err.find("bad.json: malformed JSON"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "out.csv"));

  mca::ParamTable::fromModel("haswell", {"ADD32rr"}).save(dir / "hsw.json");
  r = test::runSurrogate("simulate " + blocks + " --mcpu skylake --params " + (dir / "hsw.json"));
  EXPECT_NE(r.exitCode, 0);
  EXPECT_NE(r.err.find("the table is for 'haswell' but --mcpu is 'skylake'"), std::string::npos) << r.err;
}

TEST(ParamsCli, ExportThenSimulateWithParamsMatchesPlainSimulate) {
  test::TempDir dir;
  std::string blocks = dir.file("b.s", std::string(kImulChain) + "# ---\n" + kWide + "# ---\n" + kAddChain);
  auto r = test::runSurrogate("params export --blocks " + blocks + " -o " + (dir / "t.json"));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  mca::ParamTable t = mca::ParamTable::load(dir / "t.json");
  EXPECT_EQ(t.opcodes.size(), 2u);  // IMUL64rr, ADD32rr
  auto plain = test::runSurrogate("simulate " + blocks);
  auto with = test::runSurrogate("simulate " + blocks + " --params " + (dir / "t.json"));
  ASSERT_EQ(plain.exitCode, 0) << plain.err;
  ASSERT_EQ(with.exitCode, 0) << with.err;
  EXPECT_EQ(with.out, plain.out);

  t.opcodes.at("IMUL64rr").latencies = {5};
  t.save(dir / "t2.json");
  auto diff = test::runSurrogate("params diff " + (dir / "t.json") + " " + (dir / "t2.json"));
  EXPECT_EQ(diff.out, "IMUL64rr.latencies: [3] -> [5]\n");
  auto changed = test::runSurrogate("simulate " + blocks + " --params " + (dir / "t2.json"));
  EXPECT_NE(changed.out, plain.out);
}

TEST(ParamsSample, SameSeedSameTablesAndEveryTableApplies) {
  mca::ParamTable defaults =
      mca::ParamTable::fromModel("haswell", {"ADD32rr", "IMUL64rr", "ADD64rm", "VDIVPSrr", "MOV64mr"});
  mca::ParamSampler a(defaults, 7), b(defaults, 7), c(defaults, 8);
  EXPECT_EQ(a.sample(3).toJson(), b.sample(3).toJson());
  EXPECT_NE(a.sample(3).toJson(), a.sample(4).toJson());
  EXPECT_NE(a.sample(3).toJson(), c.sample(3).toJson());
  mca::ResourceMap resources(builtIn("haswell")->getSchedModel());
  const mca::SamplingRanges &r = a.ranges();
  block::BasicBlock b1 = assemble("addq (%rdi), %rax\nimulq %rax, %rax\nmovq %rax, 8(%rdi)\naddl %eax, %ebx\n");
  for (std::uint64_t i = 0; i < 20; ++i) {
    mca::ParamTable t = a.sample(i);
    EXPECT_GE(t.dispatchWidth, r.dispatchWidthMin);
    EXPECT_LE(t.dispatchWidth, r.dispatchWidthMax);
    EXPECT_GE(t.reorderBufferSize, r.reorderBufferMin);
    EXPECT_LE(t.reorderBufferSize, r.reorderBufferMax);
    for (auto &[name, p] : t.opcodes) {
      EXPECT_GE(p.microOps, r.microOpsMin);
      EXPECT_LE(p.microOps, r.microOpsMax);
      for (unsigned l : p.latencies) EXPECT_LE(l, r.latencyMax);
      // The port map keeps the default's ports and groups.
      std::set<std::string> got, want;
      for (auto &[res, cyc] : p.resources) got.insert(res);
      for (auto &[res, cyc] : defaults.opcodes.at(name).resources) want.insert(res);
      EXPECT_EQ(got, want) << name;
      mca::ResourceMap::Cycles expanded(p.resources.begin(), p.resources.end());
      for (auto &[res, extra] : resources.toExplicit(expanded)) EXPECT_GE(extra, 0) << name << " " << res;
    }
    auto tuned = mca::TunedSubtarget::create(t, "sample");  // validates
    EXPECT_GT(cycles(*tuned, b1), 0u);
  }
}

TEST(ParamsSample, ARadiusKeepsRedrawnValuesNearTheCenter) {
  mca::ParamTable center =
      mca::ParamTable::fromModel("haswell", {"ADD32rr", "IMUL64rr", "ADD64rm", "VDIVPSrr", "MOV64mr", "POP64r"});
  center.opcodes.at("IMUL64rr").latencies.at(0) = 9;  // outside the sampling range [0, 5]
  center.dispatchWidth = 6;
  mca::SamplingRanges region;
  region.radius = 1;
  mca::ParamSampler near(center, 7, region), whole(center, 7);
  std::size_t moved = 0;
  for (std::uint64_t i = 0; i < 30; ++i) {
    mca::ParamTable t = near.sample(i);
    EXPECT_LE(std::abs(int(t.dispatchWidth) - 6), 1);
    EXPECT_GE(t.opcodes.at("IMUL64rr").latencies.at(0), 8u);  // widened to the center, cut to its radius
    EXPECT_LE(t.opcodes.at("IMUL64rr").latencies.at(0), 9u);
    for (const auto &[name, p] : t.opcodes) {
      const mca::OpcodeParams &c = center.opcodes.at(name);
      EXPECT_LE(std::abs(int(p.microOps) - int(c.microOps)), 1) << name;
      for (std::size_t k = 0; k < p.latencies.size(); ++k)
        EXPECT_LE(std::abs(int(p.latencies[k]) - int(c.latencies[k])), 1) << name;
      moved += p != c;
    }
    mca::TunedSubtarget::create(t, "trust-region sample");  // validates
  }
  EXPECT_GT(moved, 0u);
  // Without a radius the sampler is what it was: same draws, whole ranges.
  mca::SamplingRanges plain;
  mca::ParamSampler again(center, 7, plain);
  EXPECT_EQ(whole.sample(4).toJson(), again.sample(4).toJson());
  EXPECT_FALSE(plain.toJson().contains("radius"));
  EXPECT_EQ(region.toJson()["radius"], 1);
}

TEST(ParamsSampleCli, PerturbationKeepsMostValuesAtDefault) {
  mca::ParamTable defaults = mca::ParamTable::fromModel("haswell", mca::ParamTable::tunableOpcodes(*builtIn("haswell")));
  mca::SamplingRanges sparse;
  sparse.perturbProbability = 0.1;
  mca::ParamSampler a(defaults, 7, sparse), b(defaults, 7, sparse);
  EXPECT_EQ(a.sample(2).toJson(), b.sample(2).toJson());
  std::size_t changed = 0, total = 0;
  for (std::uint64_t i = 0; i < 3; ++i) {
    mca::ParamTable t = a.sample(i);
    for (const auto &[name, p] : t.opcodes) {
      const mca::OpcodeParams &d = defaults.opcodes.at(name);
      changed += p.microOps != d.microOps;
      ++total;
      for (std::size_t k = 0; k < p.latencies.size(); ++k, ++total) changed += p.latencies[k] != d.latencies[k];
    }
    mca::TunedSubtarget::create(t, "sparse sample");  // validates
  }
  // A value changes when it is redrawn (p = 0.1) and the draw differs from
  // the default (most of the time): a few percent, never most.
  double fraction = double(changed) / total;
  EXPECT_GT(fraction, 0.03) << changed << " of " << total;
  EXPECT_LT(fraction, 0.1) << changed << " of " << total;

  mca::SamplingRanges none;
  none.perturbProbability = 0;
  EXPECT_THROW(mca::ParamSampler(defaults, 7, none), support::InputError);
}

TEST(ParamsSampleCli, CliWritesSeededTablesAndResumes) {
  test::TempDir dir;
  std::string blocks = dir.file("b.s", std::string(kImulChain) + "# ---\n" + kWide);
  std::string out = dir / "tables";
  auto r = test::runSurrogate("params sample --seed 5 -n 3 --blocks " + blocks + " -o " + out);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  std::string first = test::headLines(out + "/sample-000001.json", 1000);
  std::filesystem::remove(out + "/sample-000001.json");
  r = test::runSurrogate("params sample --seed 5 -n 4 --blocks " + blocks + " -o " + out);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(test::headLines(out + "/sample-000001.json", 1000), first);
  EXPECT_TRUE(std::filesystem::exists(out + "/sample-000003.json"));
  r = test::runSurrogate("params sample --seed 6 -n 1 --blocks " + blocks + " -o " + out);
  EXPECT_NE(r.exitCode, 0);  // another recipe in the same directory
  EXPECT_NE(r.err.find("another recipe"), std::string::npos) << r.err;
}

TEST(ParamsTableGen, EmittedDefinitionsParseWithLlvmTblgen) {
  std::string tblgen = LLVM_TBLGEN_BINARY;
  if (tblgen.empty() || tblgen.find("NOTFOUND") != std::string::npos)
    GTEST_SKIP() << "llvm-tblgen-19 is not installed";
  // A sampled table: every opcode differs from LLVM's, with multi-write
  // opcodes (MULX64rr has two writes) and read advances (ADD64rm).
  mca::ParamTable defaults =
      mca::ParamTable::fromModel("haswell", {"ADD32rr", "IMUL64rr", "ADD64rm", "MULX64rr", "VDIVPSrr", "MOV64mr",
                                             "XOR32rr/WriteALU#2"});
  mca::ParamTable t = mca::ParamSampler(defaults, 1).sample(0);
  std::string td = mca::writeTableGen(t, {});
  EXPECT_NE(td.find("//   XOR32rr/WriteALU#2: micro_ops"), std::string::npos) << td;  // not expressible as InstRW
  EXPECT_NE(td.find("let SchedModel = HaswellModel in {"), std::string::npos);
  EXPECT_NE(td.find("def : InstRW<[SurrogateWrite_MULX64rr, SurrogateWrite_MULX64rr_1"), std::string::npos) << td;
  EXPECT_NE(td.find("SchedReadAdvance<"), std::string::npos);
  EXPECT_NE(td.find(std::to_string(t.dispatchWidth)), std::string::npos);

  // Stand-ins for the X86 records the file names; the X86 .td files are not installed.
  auto sti = builtIn("haswell");
  const llvm::MCSchedModel &sm = sti->getSchedModel();
  std::string standins = "include \"llvm/Target/Target.td\"\n"
                         "def X86InstrInfo : InstrInfo;\n"
                         "def HaswellModel : SchedMachineModel;\n"
                         "let SchedModel = HaswellModel in {\n";
  for (unsigned i = 1; i < sm.getNumProcResourceKinds(); ++i) {
    const llvm::MCProcResourceDesc &pr = *sm.getProcResource(i);
    if (!pr.SubUnitsIdxBegin) {
      standins += fmt::format("def {} : ProcResource<{}>;\n", pr.Name, pr.NumUnits);
      continue;
    }
    std::vector<std::string> members;
    for (unsigned u = 0; u < pr.NumUnits; ++u)
      members.push_back(sm.getProcResource(pr.SubUnitsIdxBegin[u])->Name);
    standins += fmt::format("def {} : ProcResGroup<[{}]>;\n", pr.Name, fmt::join(members, ", "));
  }
  standins += "}\n";
  for (auto &[name, p] : t.opcodes)
    if (name.find('/') == std::string::npos)
      standins += "def " + name +
                " : Instruction { let OutOperandList = (outs); let InOperandList = (ins); let AsmString = \"\"; }\n";

  test::TempDir dir;
  dir.file("params.td", td);
  std::string main = dir.file("main.td", standins + "include \"params.td\"\n");
  std::string cmd = tblgen + " -I " + LLVM_INCLUDE_DIR + " -I " + dir.path.string() + " " + main + " -o " +
                    (dir / "records.txt") + " 2>" + (dir / "err.txt");
  ASSERT_EQ(std::system(cmd.c_str()), 0) << test::headLines(dir / "err.txt", 20) << td;
  std::string records = test::headLines(dir / "records.txt", 1000000);
  EXPECT_NE(records.find("def SurrogateWrite_IMUL64rr"), std::string::npos);
  EXPECT_NE(records.find("ReleaseAtCycles"), std::string::npos);

  // The check can fail: without the resource stand-ins the file does not parse.
  std::string broken = dir.file("broken.td", "include \"llvm/Target/Target.td\"\n"
                                             "def HaswellModel : SchedMachineModel;\ninclude \"params.td\"\n");
  cmd = tblgen + " -I " + LLVM_INCLUDE_DIR + " -I " + dir.path.string() + " " + broken + " -o " +
        (dir / "r2.txt") + " 2>/dev/null";
  EXPECT_NE(std::system(cmd.c_str()), 0);
}
