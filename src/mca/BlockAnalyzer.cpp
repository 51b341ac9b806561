// BlockAnalyzer: per-instruction figures, resource bound, dependency graph and bounds of one block.
#include "surrogate/mca/BlockAnalyzer.h"

#include <algorithm>
#include <cstdint>

#include <llvm/MC/MCInstrDesc.h>
#include <llvm/MC/MCRegisterInfo.h>
#include <llvm/MCA/Support.h>

#include "surrogate/block/Target.h"

namespace surrogate::mca {

using namespace llvm;

const char *boundName(Bound bound) { return bound == Bound::Dependency ? "dependency" : "resource"; }

bool BlockAnalysis::cycleThroughMemory() const {
  return std::any_of(dependencyCycle.begin(), dependencyCycle.end(),
                     [](const DependencyEdge &e) { return e.kind == DependencyKind::Memory; });
}

namespace {

// An explicit memory operand: base, scale, index, displacement, segment.
struct Address {
  bool valid = false;
  MCRegister base, index, segment;
  int64_t scale = 0, displacement = 0;

  bool operator==(const Address &o) const {
    return valid && o.valid && base == o.base && index == o.index && segment == o.segment && scale == o.scale &&
           displacement == o.displacement;
  }
};

Address addressOf(const MCInst &inst, const MCInstrInfo &mcii) {
  const MCInstrDesc &desc = mcii.get(inst.getOpcode());
  ArrayRef<MCOperandInfo> info = desc.operands();
  for (unsigned i = 0; i < info.size() && i + 4 < inst.getNumOperands(); ++i) {
    if (info[i].OperandType != MCOI::OPERAND_MEMORY)
      continue;
    const MCOperand &base = inst.getOperand(i), &scale = inst.getOperand(i + 1), &index = inst.getOperand(i + 2),
                    &disp = inst.getOperand(i + 3), &segment = inst.getOperand(i + 4);
    Address a;
    // A symbolic displacement (assembly input) is left unknown: it matches nothing.
    if (!base.isReg() || !scale.isImm() || !index.isReg() || !disp.isImm() || !segment.isReg())
      return a;
    a.valid = true;
    a.base = base.getReg();
    a.scale = scale.getImm();
    a.index = index.getReg();
    a.displacement = disp.getImm();
    a.segment = segment.getReg();
    return a;
  }
  return {};
}

// A register's last writer as llvm-mca's register file tracks it.
struct Mapping {
  int inst = -1;       // instruction index
  unsigned def = 0;    // index into its definitions
  unsigned pass = 0;   // which copy of the block wrote it
  unsigned stamp = 0;  // valid only when equal to the analyzer's current stamp
};

} // namespace

struct BlockAnalyzer::Impl {
  const MCSchedModel &SM;
  const MCRegisterInfo &MRI;
  const MCInstrInfo &MCII;
  InstructionLowering Lowering;
  LoweredBlock Lowered;
  std::vector<MCPhysReg> RenameAs;        // as llvm-mca's RegisterFile sets it up from the model
  std::vector<Mapping> Regs;
  unsigned Stamp = 0;
  MCRegister Rip;

  explicit Impl(const MCSubtargetInfo &sti)
      : SM(sti.getSchedModel()), MRI(block::X86Target::get().registerInfo()),
        MCII(block::X86Target::get().instrInfo()), Lowering(sti) {
    Regs.assign(MRI.getNumRegs(), Mapping{});
    setUpRenaming();
    for (unsigned r = 1; r < MRI.getNumRegs(); ++r)
      if (StringRef(MRI.getName(r)) == "RIP")
        Rip = r;
  }

  // RegisterFile::addRegisterFile's renaming: a register class named by a
  // register file is renamed as a whole, its sub-registers as part of it.
  void setUpRenaming() {
    RenameAs.assign(MRI.getNumRegs(), 0);
    if (!SM.hasExtraProcessorInfo())
      return;
    std::vector<unsigned> fileOf(MRI.getNumRegs(), 0);
    const MCExtraProcessorInfo &info = SM.getExtraProcessorInfo();
    for (unsigned f = 1; f < info.NumRegisterFiles; ++f) {
      const MCRegisterFileDesc &file = info.RegisterFiles[f];
      for (unsigned c = 0; c < file.NumRegisterCostEntries; ++c) {
        const MCRegisterClass &rc =
            MRI.getRegClass(info.RegisterCostTable[file.RegisterCostEntryIdx + c].RegisterClassID);
        for (MCPhysReg reg : rc) {
          fileOf[reg] = f;
          RenameAs[reg] = reg;
          for (MCPhysReg sub : MRI.subregs(reg))
            if (!fileOf[sub] && (!RenameAs[sub] || MRI.isSuperRegister(sub, RenameAs[sub]))) {
              fileOf[sub] = f;
              RenameAs[sub] = reg;
            }
        }
      }
    }
  }

  const llvm::mca::WriteState &write(const Mapping &m) const { return Lowered[m.inst]->getDefs()[m.def]; }

  // RegisterFile::addRegisterWrite's bookkeeping for definition `d` of instruction `i`.
  void recordWrite(unsigned i, unsigned d, unsigned pass, DependencyGraph &graph) {
    const llvm::mca::WriteState &ws = Lowered[i]->getDefs()[d];
    MCPhysReg reg = ws.getRegisterID();
    if (!reg)
      return;
    if (RenameAs[reg] && RenameAs[reg] != reg) {
      reg = RenameAs[reg];
      const Mapping &prev = Regs[reg];
      // A partial write that is not renamed completes after the full write it merges into.
      if (!ws.clearsSuperRegisters() && prev.stamp == Stamp && pass == 1 &&
          !(prev.inst == int(i) && prev.pass == pass)) {
        unsigned before = write(prev).getLatency(), own = ws.getLatency();
        unsigned cycles = own == 0 ? before : (before + 1 > own ? before + 1 - own : 0);
        graph.add({unsigned(prev.inst), i, cycles, prev.pass == pass ? 0u : 1u, DependencyKind::PartialWrite});
      }
    }
    const Mapping &other = Regs[reg];
    if (other.stamp == Stamp && other.inst == int(i) && other.pass == pass &&
        write(other).getLatency() > ws.getLatency())
      return;  // the instruction's slower write to the register stays
    Mapping now{int(i), d, pass, Stamp};
    Regs[reg] = now;
    for (MCPhysReg sub : MRI.subregs(reg))
      Regs[sub] = now;
    if (ws.clearsSuperRegisters())
      for (MCPhysReg super : MRI.superregs(reg))
        Regs[super] = now;
  }

  // RegisterFile::collectWrites: the writes a read of `reg` waits for, itself and its sub-registers.
  void addReadEdges(unsigned i, const llvm::mca::ReadState &rs, DependencyGraph &graph) {
    MCPhysReg reg = rs.getRegisterID();
    SmallVector<Mapping, 4> found;
    auto collect = [&](MCPhysReg r) {
      const Mapping &m = Regs[r];
      if (m.stamp != Stamp || m.inst < 0)
        return;
      for (const Mapping &f : found)
        if (f.inst == m.inst && f.def == m.def && f.pass == m.pass)
          return;
      found.push_back(m);
    };
    collect(reg);
    for (MCPhysReg sub : MRI.subregs(reg))
      collect(sub);
    const llvm::mca::ReadDescriptor &rd = rs.getDescriptor();
    const MCSchedClassDesc *sc = SM.getSchedClassDesc(rd.SchedClassID);
    for (const Mapping &m : found) {
      const llvm::mca::WriteState &ws = write(m);
      int advance = Lowering.subtarget().getReadAdvanceCycles(sc, rd.UseIndex, ws.getWriteResourceID());
      int cycles = std::max(0, int(ws.getLatency()) - advance);
      graph.add({unsigned(m.inst), i, unsigned(cycles), m.pass == 1 ? 0u : 1u, DependencyKind::Register});
    }
  }

  bool writesAny(unsigned i, const Address &a) const {
    for (const llvm::mca::WriteState &ws : Lowered[i]->getDefs()) {
      MCRegister reg = ws.getRegisterID();
      if (!reg)
        continue;
      if ((a.base && MRI.regsOverlap(reg, a.base)) || (a.index && MRI.regsOverlap(reg, a.index)))
        return true;
    }
    return false;
  }

  // Each load waits for the last store before it, in loop order, to the same
  // address expression whose registers nothing changed in between.
  void addMemoryEdges(const std::vector<Address> &addresses, DependencyGraph &graph) {
    const unsigned n = static_cast<unsigned>(Lowered.size());
    for (unsigned l = 0; l < n; ++l) {
      if (!Lowered[l]->getMayLoad() || !addresses[l].valid)
        continue;
      for (unsigned step = 1; step <= n; ++step) {
        unsigned j = (l + n - step) % n;
        if (writesAny(j, addresses[l]))
          break;
        if (!Lowered[j]->getMayStore() || !(addresses[j] == addresses[l]))
          continue;
        if (Rip.isValid() && addresses[l].base == Rip && j != l)
          continue;  // the same displacement from another instruction is another address
        graph.add({j, l, Lowered[j]->getLatency(), step > l ? 1u : 0u, DependencyKind::Memory});
        break;
      }
    }
  }
};

BlockAnalyzer::BlockAnalyzer(const MCSubtargetInfo &subtarget) : STI(subtarget), P(std::make_unique<Impl>(subtarget)) {}

BlockAnalyzer::~BlockAnalyzer() = default;

std::string BlockAnalyzer::resourceName(unsigned resource) const {
  if (resource == 0 || resource >= P->SM.getNumProcResourceKinds())
    return "dispatch";
  return P->SM.getProcResource(resource)->Name;
}

namespace {

// llvm-mca's DispatchStage on the block repeated: an instruction needs
// min(micro-ops, width) free slots in the cycle (and all of them when it
// begins a group); one wider than the width carries the rest into the next
// cycles; an instruction that ends a group closes its cycle. Cycles per
// iteration from iteration 20 to 100, past the start.
double dispatchCycles(const LoweredBlock &block, unsigned width) {
  if (block.empty() || width == 0)
    return 0;
  unsigned cycle = 0, available = width, carry = 0, startCycle = 0;
  auto nextCycle = [&] {
    ++cycle;
    available = carry >= width ? 0 : width - carry;
    carry = carry >= width ? carry - width : 0;
  };
  constexpr unsigned kFrom = 20, kTo = 100;
  for (unsigned iteration = 0; iteration < kTo; ++iteration) {
    if (iteration == kFrom)
      startCycle = cycle;
    for (const auto &inst : block) {
      unsigned uops = inst->getDesc().NumMicroOps;
      while (std::min(uops, width) > available || (inst->getBeginGroup() && available != width))
        nextCycle();
      if (uops > width) {
        available = 0;
        carry = uops - width;
      } else {
        available -= uops;
      }
      if (inst->getEndGroup())
        available = 0;
    }
  }
  return double(cycle - startCycle) / (kTo - kFrom);
}

} // namespace

Expected<BlockAnalysis> BlockAnalyzer::analyze(ArrayRef<MCInst> insts) {
  Impl &p = *P;
  if (Error e = p.Lowering.lower(insts, p.Lowered))
    return e;
  const unsigned n = static_cast<unsigned>(p.Lowered.size());

  BlockAnalysis a;
  a.instructions.resize(n);
  std::vector<Address> addresses(n);
  std::vector<unsigned> latencies(n);
  for (unsigned i = 0; i < n; ++i) {
    const llvm::mca::Instruction &inst = *p.Lowered[i];
    const llvm::mca::InstrDesc &desc = inst.getDesc();
    InstructionAnalysis &ia = a.instructions[i];
    ia.opcode = insts[i].getOpcode();
    ia.latency = latencies[i] = desc.MaxLatency;
    ia.microOps = desc.NumMicroOps;
    for (const auto &use : desc.Resources)
      if (use.second.size())
        ia.resources.push_back({p.Lowering.resourceOfState(llvm::mca::getResourceStateIndex(use.first)), use.second.size()});
    ia.mayLoad = inst.getMayLoad();
    ia.mayStore = inst.getMayStore();
    ia.dependencyBreaking = std::any_of(inst.getUses().begin(), inst.getUses().end(),
                                        [](const llvm::mca::ReadState &rs) { return rs.isIndependentFromDef(); });
    a.microOps += ia.microOps;
    a.loads += ia.mayLoad;
    a.stores += ia.mayStore;
    if (ia.mayLoad || ia.mayStore)
      addresses[i] = addressOf(insts[i], p.MCII);
  }

  // The resource bound, as llvm-mca's summary view computes it.
  SummaryUsage usage = p.Lowering.usage(p.Lowered);
  a.resourceCycles.assign(usage.cycles.begin(), usage.cycles.end());
  a.resourceBound = blockRThroughput(p.SM, usage);
  double widest = double(usage.microOps) / p.SM.IssueWidth;
  for (unsigned r = 1; r < usage.cycles.size(); ++r)
    if (usage.cycles[r] && double(usage.cycles[r]) / p.SM.getProcResource(r)->NumUnits > widest) {
      widest = double(usage.cycles[r]) / p.SM.getProcResource(r)->NumUnits;
      a.bottleneck = r;
    }

  a.dispatchBound = dispatchCycles(p.Lowered, p.SM.IssueWidth);

  // Two copies of the block through the register file's bookkeeping: the
  // second copy's reads see this iteration's writes (distance 0) or the last
  // iteration's (distance 1), as in the steady state.
  ++p.Stamp;
  a.graph.reset(n);
  for (unsigned pass = 0; pass < 2; ++pass)
    for (unsigned i = 0; i < n; ++i) {
      const llvm::mca::Instruction &inst = *p.Lowered[i];
      if (pass == 1)
        for (const llvm::mca::ReadState &rs : inst.getUses())
          if (!rs.isIndependentFromDef())
            p.addReadEdges(i, rs, a.graph);
      for (unsigned d = 0; d < inst.getDefs().size(); ++d)
        p.recordWrite(i, d, pass, a.graph);
    }
  p.addMemoryEdges(addresses, a.graph);
  a.graph.mergeParallelEdges();

  DependencyGraph::Cycle all = a.graph.maxCycleRatio();
  a.dependencyBound = all.cyclesPerIteration;
  for (unsigned e : all.edges)
    a.dependencyCycle.push_back(a.graph.edges()[e]);
  auto notMemory = [](const DependencyEdge &e) { return e.kind != DependencyKind::Memory; };
  a.registerDependencyBound = std::all_of(a.graph.edges().begin(), a.graph.edges().end(), notMemory)
                                  ? a.dependencyBound
                                  : a.graph.maxCycleRatio(notMemory).cyclesPerIteration;

  DependencyGraph::Path path = a.graph.criticalPath(latencies);
  a.criticalPath = path.cycles;
  a.criticalPathEnd = path.last;
  for (unsigned e : path.edges)
    a.criticalPathEdges.push_back(a.graph.edges()[e]);
  return a;
}

} // namespace surrogate::mca
