#pragma once
// Lowers a block's MCInsts to llvm-mca's instructions exactly as the llvm-mca
// tool does: mca::InstrBuilder (variant classes resolved, zero idioms and
// dependency-breaking reads marked, ReadAdvance kept per read), the target's
// InstrumentManager, routed to a parameter table's classes when the subtarget
// is a TunedSubtarget, and the target's InstrPostProcess. The Simulator and the
// BlockAnalyzer both lower through it, so a table applies to both the same way.
// Descriptors are cached across blocks: one per thread.

#include <memory>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/SmallVector.h>
#include <llvm/MC/MCInst.h>
#include <llvm/MC/MCInstrAnalysis.h>
#include <llvm/MC/MCSubtargetInfo.h>
#include <llvm/MCA/CustomBehaviour.h>
#include <llvm/MCA/InstrBuilder.h>
#include <llvm/MCA/Instruction.h>
#include <llvm/Support/Error.h>

namespace surrogate::mca {

using LoweredBlock = llvm::SmallVector<std::unique_ptr<llvm::mca::Instruction>>;

/// llvm-mca's summary-view accounting of one iteration: the cycles each
/// processor resource (by LLVM's index, 1..; index 0 unused) is busy, from the
/// descriptors' resource usage (a group's figure holds only its own cycles,
/// not its members'), and the micro-ops.
struct SummaryUsage {
  llvm::SmallVector<unsigned, 32> cycles;
  unsigned microOps = 0;
};

class InstructionLowering {
public:
  /// `subtarget` must outlive this object.
  explicit InstructionLowering(const llvm::MCSubtargetInfo &subtarget);
  ~InstructionLowering();

  /// Replaces `out` with one llvm-mca instruction per MCInst, in order; an
  /// error when llvm-mca cannot build one (e.g. no scheduling information).
  llvm::Error lower(llvm::ArrayRef<llvm::MCInst> insts, LoweredBlock &out);

  /// Forgets cached descriptors; call after the model behind the subtarget changed.
  void invalidate();

  /// LLVM's index of the processor resource behind llvm-mca's resource state
  /// index (`getResourceStateIndex` of a descriptor's resource mask).
  unsigned resourceOfState(unsigned stateIndex) const { return ResourceOfState[stateIndex]; }
  /// llvm-mca's summary-view accounting of one iteration of `block` (SummaryUsage).
  SummaryUsage usage(const LoweredBlock &block) const;

  const llvm::MCSubtargetInfo &subtarget() const { return STI; }

private:
  const llvm::MCSubtargetInfo &STI;
  std::unique_ptr<llvm::MCInstrAnalysis> MCIA;
  std::unique_ptr<llvm::mca::InstrumentManager> IM;
  std::unique_ptr<llvm::mca::InstrPostProcess> IPP;
  std::unique_ptr<llvm::mca::InstrBuilder> IB;
  llvm::SmallVector<unsigned, 32> ResourceOfState;  ///< resource state index -> LLVM resource index
};

/// llvm-mca's Block RThroughput of that usage (llvm::mca::computeBlockRThroughput
/// with the model's issue width, as the summary view calls it).
double blockRThroughput(const llvm::MCSchedModel &model, const SummaryUsage &usage);

} // namespace surrogate::mca
