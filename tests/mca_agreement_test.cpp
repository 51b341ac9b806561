// The in-process simulator must report the same Total Cycles as the
// llvm-mca-19 binary fed the block's disassembly.
// label e2e: McaAgreement

#include <fstream>

#include <gtest/gtest.h>

#include "TestSupport.h"
#include "surrogate/block/BlockReader.h"
#include "surrogate/block/Target.h"
#include "surrogate/mca/ExternalMca.h"
#include "surrogate/mca/Simulator.h"

using namespace surrogate;

namespace {

// Every 200th block of hsw.csv: a spread over the file, 322 blocks.
void checkAgreement(const std::string &cpu) {
  SKIP_WITHOUT_BHIVE();
  std::string llvmMca = LLVM_MCA_BINARY;
  if (llvmMca.empty() || llvmMca.find("NOTFOUND") != std::string::npos)
    GTEST_SKIP() << "llvm-mca-19 is not installed";
  auto sti = block::X86Target::get().createSubtarget(cpu);
  mca::Simulator simulator(*sti, 100);
  block::Decoder decoder;
  block::BlockReader reader({test::bhiveDir() + "/hsw.csv"});
  block::BlockOrProblem item;
  int compared = 0, index = 0;
  while (reader.next(item)) {
    if (index++ % 200 != 0) continue;
    auto &b = std::get<block::BasicBlock>(item);
    ASSERT_TRUE(decoder.decode(b.hex, b.insts).ok()) << b.where.str();
    auto ours = simulator.run(b.insts);
    ASSERT_TRUE(static_cast<bool>(ours)) << b.where.str() << ": " << llvm::toString(ours.takeError());
    auto theirs = mca::runExternalMca(llvmMca, cpu, 100, decoder.print(b.insts));
    ASSERT_TRUE(static_cast<bool>(theirs)) << llvm::toString(theirs.takeError());
    EXPECT_EQ(ours->cycles, *theirs) << cpu << " " << b.where.str() << " " << b.hex << "\n" << decoder.print(b.insts);
    ++compared;
  }
  EXPECT_GT(compared, 300);
}

} // namespace

TEST(McaAgreement, HaswellMatchesLlvmMcaBinary) { checkAgreement("haswell"); }
TEST(McaAgreement, SkylakeMatchesLlvmMcaBinary) { checkAgreement("skylake"); }
