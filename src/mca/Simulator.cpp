// Simulator: llvm-mca's default pipeline run in-process on one block, with its summary figures.
#include "surrogate/mca/Simulator.h"

#include <llvm/MCA/Context.h>
#include <llvm/MCA/Pipeline.h>
#include <llvm/MCA/SourceMgr.h>

#include "surrogate/block/Target.h"

namespace surrogate::mca {

using namespace llvm;

Simulator::Simulator(const MCSubtargetInfo &subtarget, unsigned iterations)
    : STI(subtarget), Iterations(iterations), Lowering(subtarget) {}

Simulator::~Simulator() = default;

void Simulator::invalidate() { Lowering.invalidate(); }

Expected<SimulationResult> Simulator::run(ArrayRef<MCInst> insts) {
  const block::X86Target &x86 = block::X86Target::get();
  const MCSchedModel &SM = STI.getSchedModel();
  if (Error e = Lowering.lower(insts, Sequence))
    return e;

  llvm::mca::CircularSourceMgr source(Sequence, Iterations);
  std::unique_ptr<llvm::mca::CustomBehaviour> CB(
      x86.target().createCustomBehaviour(STI, source, x86.instrInfo()));
  if (!CB)
    CB = std::make_unique<llvm::mca::CustomBehaviour>(STI, source, x86.instrInfo());

  // llvm-mca's defaults: sizes from the scheduling model, memory never aliases.
  llvm::mca::PipelineOptions options(0, 0, 0, 0, 0, 0, /*NoAlias=*/true);
  llvm::mca::Context context(x86.registerInfo(), STI);
  std::unique_ptr<llvm::mca::Pipeline> pipeline = context.createDefaultPipeline(options, source, *CB);
  Expected<unsigned> cycles = pipeline->run();
  if (!cycles)
    return cycles.takeError();

  SimulationResult result;
  result.cycles = *cycles;
  result.instructions = static_cast<unsigned>(insts.size());
  result.iterations = Iterations;

  // The summary view's static figures for one iteration.
  SummaryUsage usage = Lowering.usage(Sequence);
  result.microOps = usage.microOps;
  result.ipc = result.cycles ? double(result.instructions) * Iterations / result.cycles : 0.0;
  result.blockRThroughput = blockRThroughput(SM, usage);
  return result;
}

} // namespace surrogate::mca
