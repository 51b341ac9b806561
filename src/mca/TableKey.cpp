// Table keys: an opcode name, or OPCODE/CLASS for a resolution of a variant
// class, checked against the model and derived from instructions.

#include "surrogate/mca/TableKey.h"

#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>

#include <llvm/MC/MCInstrInfo.h>
#include <llvm/MC/MCSchedule.h>

#include "surrogate/block/Target.h"
#include "surrogate/support/Errors.h"

namespace surrogate::mca {

namespace {

// Opcode names to numbers, built once (the instruction set is fixed).
const std::unordered_map<std::string, unsigned> &opcodeNumbers() {
  static const std::unordered_map<std::string, unsigned> map = [] {
    std::unordered_map<std::string, unsigned> m;
    const llvm::MCInstrInfo &mcii = block::X86Target::get().instrInfo();
    for (unsigned op = 0; op < mcii.getNumOpcodes(); ++op)
      m.emplace(mcii.getName(op).str(), op);
    return m;
  }();
  return map;
}

// Class names made unique: LLVM repeats a few (e.g. two WriteALU classes that
// differ in their reads), so the k-th repeat, in class order, is "Name#k".
class ClassNames {
public:
  explicit ClassNames(const llvm::MCSchedModel &sm) {
    std::unordered_map<std::string, unsigned> seen;
    for (unsigned c = 0; c < sm.NumSchedClasses; ++c) {
      std::string name = sm.getSchedClassDesc(c)->Name ? sm.getSchedClassDesc(c)->Name : "";
      unsigned k = ++seen[name];
      if (k > 1)
        name += "#" + std::to_string(k);
      Ids.emplace(name, c);
      Names.push_back(std::move(name));
    }
  }
  const std::string &name(unsigned id) const { return Names.at(id); }
  std::optional<unsigned> id(const std::string &name) const {
    auto it = Ids.find(name);
    return it == Ids.end() ? std::nullopt : std::optional<unsigned>(it->second);
  }

private:
  std::vector<std::string> Names;
  std::unordered_map<std::string, unsigned> Ids;
};

const ClassNames &classNamesFor(const llvm::MCSchedModel &sm) {
  // Models are static data of LLVM; one entry per model ever used.
  static std::mutex lock;
  static std::map<const llvm::MCSchedModel *, std::unique_ptr<ClassNames>> cache;
  std::lock_guard<std::mutex> guard(lock);
  auto &slot = cache[&sm];
  if (!slot)
    slot = std::make_unique<ClassNames>(sm);
  return *slot;
}

} // namespace

const std::string &schedClassName(const llvm::MCSchedModel &sm, unsigned schedClass) {
  return classNamesFor(sm).name(schedClass);
}

// The class a variant class resolves to for `inst`, through LLVM; 0 if none.
unsigned resolveVariant(const llvm::MCSubtargetInfo &sti, const llvm::MCInst &inst, unsigned schedClass) {
  const llvm::MCSchedModel &sm = sti.getSchedModel();
  const llvm::MCInstrInfo &mcii = block::X86Target::get().instrInfo();
  while (schedClass && sm.getSchedClassDesc(schedClass)->isVariant())
    schedClass = sti.resolveVariantSchedClass(schedClass, &inst, &mcii, sm.getProcessorID());
  return schedClass;
}

std::optional<unsigned> lookupOpcode(const std::string &name) {
  auto it = opcodeNumbers().find(name);
  if (it == opcodeNumbers().end())
    return std::nullopt;
  return it->second;
}

TableKey resolveTableKey(const llvm::MCSubtargetInfo &sti, const std::string &key, const std::string &field) {
  const llvm::MCSchedModel &sm = sti.getSchedModel();
  const llvm::MCInstrInfo &mcii = block::X86Target::get().instrInfo();
  const std::string cpu = sti.getCPU().str();
  auto slash = key.find('/');
  const std::string opcodeName = key.substr(0, slash);
  auto opcode = lookupOpcode(opcodeName);
  if (!opcode)
    throw support::InputError(field + ": unknown opcode '" + opcodeName + "' (names are LLVM's, e.g. ADD32rr)");
  const llvm::MCInstrDesc &desc = mcii.get(*opcode);
  const llvm::MCSchedClassDesc *own = sm.getSchedClassDesc(desc.getSchedClass());
  if (desc.isPseudo() || !own->isValid())
    throw support::InputError(field + ": the " + cpu + " model gives " + opcodeName + " no scheduling class");
  TableKey k{*opcode, desc.getSchedClass(), false};
  if (slash == std::string::npos) {
    if (own->isVariant())
      throw support::InputError(field + ": " + opcodeName + " has a variant scheduling class, resolved per instruction; " +
                       "name a resolution, " + opcodeName + "/CLASS (`params export --blocks` lists those blocks reach)");
    return k;
  }
  if (!own->isVariant())
    throw support::InputError(field + ": " + opcodeName + "'s class is not variant; its entry is plain " + opcodeName);
  const std::string className = key.substr(slash + 1);
  auto id = classNamesFor(sm).id(className);
  if (!id)
    throw support::InputError(field + ": the " + cpu + " model has no scheduling class '" + className + "'");
  const llvm::MCSchedClassDesc *target = sm.getSchedClassDesc(*id);
  if (!target->isValid() || target->isVariant())
    throw support::InputError(field + ": '" + className + "' is not a class a variant resolves to");
  return TableKey{*opcode, *id, true};
}

std::optional<std::string> tableKeyOf(const llvm::MCSubtargetInfo &sti, const llvm::MCInst &inst) {
  const llvm::MCInstrInfo &mcii = block::X86Target::get().instrInfo();
  const llvm::MCInstrDesc &desc = mcii.get(inst.getOpcode());
  const llvm::MCSchedModel &sm = sti.getSchedModel();
  const auto *sc = sm.getSchedClassDesc(desc.getSchedClass());
  if (desc.isPseudo() || !sc->isValid())
    return std::nullopt;
  std::string name = mcii.getName(inst.getOpcode()).str();
  if (!sc->isVariant())
    return name;
  unsigned resolved = resolveVariant(sti, inst, desc.getSchedClass());
  if (!resolved)
    return std::nullopt;
  return name + "/" + classNamesFor(sm).name(resolved);
}

} // namespace surrogate::mca
