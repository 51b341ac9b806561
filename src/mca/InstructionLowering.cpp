// InstructionLowering: MCInsts to llvm-mca instructions as the llvm-mca tool builds them; summary-view usage.
#include "surrogate/mca/InstructionLowering.h"

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

InstructionLowering::InstructionLowering(const MCSubtargetInfo &subtarget) : STI(subtarget) {
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
  // A table edits latencies, micro-ops and cycles, never the resources themselves: this map stays.
  const MCSchedModel &model = STI.getSchedModel();
  SmallVector<uint64_t> masks(model.getNumProcResourceKinds());
  llvm::mca::computeProcResourceMasks(model, masks);
  ResourceOfState.assign(model.getNumProcResourceKinds(), 0);
  for (unsigned I = 1; I < model.getNumProcResourceKinds(); ++I)
    ResourceOfState[llvm::mca::getResourceStateIndex(masks[I])] = I;
  invalidate();
}

InstructionLowering::~InstructionLowering() = default;

void InstructionLowering::invalidate() {
  const block::X86Target &x86 = block::X86Target::get();
  // llvm-mca's default -call-latency is 100 cycles.
  IB = std::make_unique<llvm::mca::InstrBuilder>(STI, x86.instrInfo(), x86.registerInfo(), MCIA.get(), *IM,
                                                 /*CallLatency=*/100);
}

Error InstructionLowering::lower(ArrayRef<MCInst> insts, LoweredBlock &out) {
  out.clear();
  out.reserve(insts.size());
  IPP->resetState();
  const SmallVector<llvm::mca::Instrument *> noInstruments;
  for (const MCInst &inst : insts) {
    Expected<std::unique_ptr<llvm::mca::Instruction>> lowered = IB->createInstruction(inst, noInstruments);
    if (!lowered)
      return lowered.takeError();
    IPP->postProcessInstruction(lowered.get(), inst);
    out.push_back(std::move(lowered.get()));
  }
  return Error::success();
}

SummaryUsage InstructionLowering::usage(const LoweredBlock &block) const {
  SummaryUsage usage;
  usage.cycles.assign(ResourceOfState.size(), 0);
  for (const auto &inst : block) {
    const llvm::mca::InstrDesc &desc = inst->getDesc();
    usage.microOps += desc.NumMicroOps;
    for (const auto &use : desc.Resources)
      if (use.second.size())
        usage.cycles[resourceOfState(llvm::mca::getResourceStateIndex(use.first))] += use.second.size();
  }
  return usage;
}

double blockRThroughput(const MCSchedModel &model, const SummaryUsage &usage) {
  return llvm::mca::computeBlockRThroughput(model, model.IssueWidth, usage.microOps, usage.cycles);
}

} // namespace surrogate::mca
