#pragma once
// Runs llvm-mca's default out-of-order pipeline on a block inside the
// process, exactly as the llvm-mca tool does, and reports its summary
// figures. Instruction descriptors are cached across blocks, so create one
// Simulator per thread and reuse it.

#include <memory>
#include <string>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/MC/MCInst.h>
#include <llvm/MC/MCSubtargetInfo.h>
#include <llvm/Support/Error.h>

#include "surrogate/mca/InstructionLowering.h"

namespace surrogate::mca {

/// llvm-mca's summary view of one run.
struct SimulationResult {
  unsigned cycles = 0;        ///< "Total Cycles" for all iterations
  unsigned instructions = 0;  ///< instructions in the block
  unsigned iterations = 0;
  unsigned microOps = 0;      ///< micro-ops in one iteration
  double ipc = 0;
  double blockRThroughput = 0;
};

class Simulator {
public:
  /// `subtarget` must outlive the simulator; it may be a TunedSubtarget,
  /// whose per-opcode scheduling classes the simulator then uses.
  Simulator(const llvm::MCSubtargetInfo &subtarget, unsigned iterations = 100);
  ~Simulator();

  llvm::Expected<SimulationResult> run(llvm::ArrayRef<llvm::MCInst> insts);

  /// Forgets cached instruction descriptors; call after the scheduling model
  /// behind the subtarget changed.
  void invalidate();

  const llvm::MCSubtargetInfo &subtarget() const { return STI; }
  unsigned iterations() const { return Iterations; }

private:
  const llvm::MCSubtargetInfo &STI;
  unsigned Iterations;
  InstructionLowering Lowering;
  LoweredBlock Sequence;
};

} // namespace surrogate::mca
