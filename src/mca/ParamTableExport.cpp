// ParamTable's LLVM side: a table of the built-in values of a CPU's model.

#include <algorithm>

#include <llvm/Config/llvm-config.h>
#include <llvm/MC/MCInstrInfo.h>
#include <llvm/MC/MCSchedule.h>

#include "surrogate/block/Target.h"
#include "surrogate/mca/ParamTable.h"
#include "surrogate/mca/ResourceMap.h"

namespace surrogate::mca {

namespace {

OpcodeParams paramsOfClass(const llvm::MCSubtargetInfo &sti, const llvm::MCSchedClassDesc &sc) {
  const llvm::MCSchedModel &sm = sti.getSchedModel();
  OpcodeParams p;
  p.microOps = sc.NumMicroOps;
  for (unsigned i = 0; i < sc.NumWriteLatencyEntries; ++i)
    p.latencies.push_back(static_cast<unsigned>(std::max<int>(0, sti.getWriteLatencyEntry(&sc, i)->Cycles)));
  for (const llvm::MCReadAdvanceEntry &ra : sti.getReadAdvanceEntries(sc))
    p.readAdvance.push_back(static_cast<unsigned>(std::max(0, ra.Cycles)));
  std::vector<std::pair<unsigned, unsigned>> res;
  for (unsigned i = 0; i < sc.NumWriteProcResEntries; ++i) {
    const llvm::MCWriteProcResEntry *e = sti.getWriteProcResBegin(&sc) + i;
    res.emplace_back(e->ProcResourceIdx, e->ReleaseAtCycle);
  }
  std::sort(res.begin(), res.end());
  for (auto [idx, cycles] : res)
    p.resources.emplace_back(sm.getProcResource(idx)->Name, cycles);
  p.schedClass = sc.Name ? sc.Name : "";
  return p;
}

bool isTunable(const llvm::MCSubtargetInfo &sti, unsigned opcode) {
  const llvm::MCInstrDesc &desc = block::X86Target::get().instrInfo().get(opcode);
  if (desc.isPseudo())
    return false;
  const llvm::MCSchedClassDesc *sc = sti.getSchedModel().getSchedClassDesc(desc.getSchedClass());
  return sc->isValid() && !sc->isVariant();
}

} // namespace

std::string llvmVersionString() { return LLVM_VERSION_STRING; }

std::vector<std::string> ParamTable::tunableOpcodes(const llvm::MCSubtargetInfo &sti) {
  const llvm::MCInstrInfo &mcii = block::X86Target::get().instrInfo();
  std::vector<std::string> out;
  for (unsigned op = 0; op < mcii.getNumOpcodes(); ++op)
    if (isTunable(sti, op))
      out.push_back(mcii.getName(op).str());
  std::sort(out.begin(), out.end());
  return out;
}

ParamTable ParamTable::fromModel(const std::string &cpu, const std::vector<std::string> &opcodes) {
  auto sti = block::X86Target::get().createSubtarget(cpu);
  const llvm::MCSchedModel &sm = sti->getSchedModel();
  ParamTable t;
  t.cpu = cpu;
  t.llvmVersion = llvmVersionString();
  t.dispatchWidth = sm.IssueWidth;
  t.reorderBufferSize = static_cast<unsigned>(std::max<int>(0, sm.MicroOpBufferSize));
  t.resourceNames = ResourceMap(sm).names();
  const std::vector<std::string> names = opcodes.empty() ? tunableOpcodes(*sti) : opcodes;
  for (const std::string &name : names) {
    TableKey key = resolveTableKey(*sti, name, name);
    OpcodeParams p = paramsOfClass(*sti, *sm.getSchedClassDesc(key.schedClass));
    p.schedClass = schedClassName(sm, key.schedClass);
    t.opcodes.emplace(name, std::move(p));
  }
  return t;
}

std::size_t ParamTable::parameterCount() const {
  std::size_t n = 2;
  for (const auto &[name, p] : opcodes)
    n += 1 + p.latencies.size() + p.readAdvance.size() + p.resources.size();
  return n;
}

} // namespace surrogate::mca
