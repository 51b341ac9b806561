#include "surrogate/mca/Simulator.h"

#include <llvm/ADT/SmallVector.h>
#include <llvm/MCA/Context.h>
#include <llvm/MCA/Pipeline.h>
#include <llvm/MCA/SourceMgr.h>
#include <llvm/MCA/Support.h>

#include "surrogate/block/Target.h"
#include "surrogate/mca/TunedSubtarget.h"

namespace surrogate::mca {

using namespace llvm;

namespace {

// Sends each opcode that a parameter table tunes to the table's own class.
class TunedInstrumentManager : public llvm::mca::InstrumentManager {
public:
  TunedInstrumentManager(const TunedSubtarget &sti, std::unique_ptr<llvm::mca::InstrumentManager> inner)
      : InstrumentManager(sti, block::X86Target::get().instrInfo()), Tuned(sti), Inner(std::move(inner)) {}

  bool shouldIgnoreInstruments() const override { return Inner->shouldIgnoreInstruments(); }
  bool supportsInstrumentType(StringRef type) const override { return Inner->supportsInstrumentType(type); }
  unsigned getSchedClassID(const MCInstrInfo &mcii, const MCInst &inst,
                           const SmallVector<llvm::mca::Instrument *> &instruments) const override {
    if (unsigned tuned = Tuned.schedClassForOpcode(inst.getOpcode()))
      return tuned;
    return Inner->getSchedClassID(mcii, inst, instruments);
  }

private:
  const TunedSubtarget &Tuned;
  std::unique_ptr<llvm::mca::InstrumentManager> Inner;
};

} // namespace

Simulator::Simulator(const MCSubtargetInfo &subtarget, unsigned iterations)
    : STI(subtarget), Iterations(iterations) {
  const block::X86Target &x86 = block::X86Target::get();
  MCIA.reset(x86.target().createMCInstrAnalysis(&x86.instrInfo()));
  IM.reset(x86.target().createInstrumentManager(STI, x86.instrInfo()));
  if (!IM)
    IM = std::make_unique<llvm::mca::InstrumentManager>(STI, x86.instrInfo());
  if (auto *tuned = dynamic_cast<const TunedSubtarget *>(&STI))
    IM = std::make_unique<TunedInstrumentManager>(*tuned, std::move(IM));
  IPP.reset(x86.target().createInstrPostProcess(STI, x86.instrInfo()));
  if (!IPP)
    IPP = std::make_unique<llvm::mca::InstrPostProcess>(STI, x86.instrInfo());
  invalidate();
}

Simulator::~Simulator() = default;

void Simulator::invalidate() {
  const block::X86Target &x86 = block::X86Target::get();
  // llvm-mca's default -call-latency is 100 cycles.
  IB = std::make_unique<llvm::mca::InstrBuilder>(STI, x86.instrInfo(), x86.registerInfo(), MCIA.get(), *IM,
                                                 /*CallLatency=*/100);
}

Expected<SimulationResult> Simulator::run(ArrayRef<MCInst> insts) {
  const block::X86Target &x86 = block::X86Target::get();
  const MCSchedModel &SM = STI.getSchedModel();
  IPP->resetState();

  SmallVector<std::unique_ptr<llvm::mca::Instruction>> sequence;
  sequence.reserve(insts.size());
  const SmallVector<llvm::mca::Instrument *> noInstruments;
  for (const MCInst &inst : insts) {
    Expected<std::unique_ptr<llvm::mca::Instruction>> lowered = IB->createInstruction(inst, noInstruments);
    if (!lowered)
      return lowered.takeError();
    IPP->postProcessInstruction(lowered.get(), inst);
    sequence.push_back(std::move(lowered.get()));
  }

  llvm::mca::CircularSourceMgr source(sequence, Iterations);
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
  SmallVector<uint64_t> masks(SM.getNumProcResourceKinds());
  llvm::mca::computeProcResourceMasks(SM, masks);
  SmallVector<unsigned> indexToId(SM.getNumProcResourceKinds(), 0);
  for (unsigned I = 1; I < SM.getNumProcResourceKinds(); ++I)
    indexToId[llvm::mca::getResourceStateIndex(masks[I])] = I;
  SmallVector<unsigned> usage(SM.getNumProcResourceKinds(), 0);
  for (const auto &inst : sequence) {
    const llvm::mca::InstrDesc &desc = inst->getDesc();
    result.microOps += desc.NumMicroOps;
    for (const auto &use : desc.Resources)
      if (use.second.size())
        usage[indexToId[llvm::mca::getResourceStateIndex(use.first)]] += use.second.size();
  }
  result.ipc = result.cycles ? double(result.instructions) * Iterations / result.cycles : 0.0;
  result.blockRThroughput = llvm::mca::computeBlockRThroughput(SM, SM.IssueWidth, result.microOps, usage);
  return result;
}

} // namespace surrogate::mca
