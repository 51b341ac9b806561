// errorByGroup: test blocks grouped by what their instructions do, and llvm-mca's error per group.
#include "surrogate/patterns/ErrorGroups.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <llvm/ADT/StringRef.h>
#include <llvm/MC/MCInstrDesc.h>
#include <llvm/MC/MCInstrInfo.h>
#include <llvm/MC/MCRegisterInfo.h>

#include "surrogate/block/Target.h"
#include "surrogate/mca/TableKey.h"
#include "surrogate/model/Metrics.h"

namespace surrogate::patterns {

namespace {

const char *const kGroups[] = {"all", "push/pop", "loads", "stores", "divisions and square roots",
                               "vector registers", "zero idioms"};

bool startsWithAny(llvm::StringRef name, std::initializer_list<const char *> prefixes) {
  for (const char *p : prefixes)
    if (name.starts_with(p)) return true;
  return false;
}

std::vector<unsigned> registersOf(const llvm::MCInst &inst) {
  std::vector<unsigned> regs;
  for (const llvm::MCOperand &op : inst)
    if (op.isReg() && op.getReg() != 0) regs.push_back(op.getReg());
  return regs;
}

// xor/sub/pxor/xorps... of a register with itself: the idioms that
// break dependencies (recognised by x86 renamers generally).
bool isZeroIdiom(const llvm::MCInst &inst, llvm::StringRef name) {
  if (!startsWithAny(name, {"XOR", "SUB", "PXOR", "VPXOR", "VXORP", "PSUB", "VPSUB", "PCMPGT", "VPCMPGT"}))
    return false;
  std::vector<unsigned> regs = registersOf(inst);
  if (regs.size() < 2) return false;
  // Two-operand forms tie the destination to the first source.
  return std::all_of(regs.begin(), regs.end(), [&](unsigned r) { return r == regs.front(); });
}

} // namespace

nlohmann::json GroupError::toJson() const {
  return {{"group", group}, {"blocks", blocks}, {"default_mape", defaultMape}, {"tuned_mape", tunedMape},
          {"changed_entries_used", changedEntries}};
}

std::vector<std::string> groupsOf(const block::BasicBlock &block) {
  const block::X86Target &target = block::X86Target::get();
  const llvm::MCInstrInfo &mcii = target.instrInfo();
  const llvm::MCRegisterInfo &mri = target.registerInfo();
  std::set<std::string> groups = {"all"};
  for (const llvm::MCInst &inst : block.insts) {
    const llvm::MCInstrDesc &desc = mcii.get(inst.getOpcode());
    llvm::StringRef name = mcii.getName(inst.getOpcode());
    if (startsWithAny(name, {"PUSH", "POP"})) groups.insert("push/pop");
    if (desc.mayLoad()) groups.insert("loads");
    if (desc.mayStore()) groups.insert("stores");
    if (name.contains("DIV") || name.contains("SQRT")) groups.insert("divisions and square roots");
    for (unsigned r : registersOf(inst))
      if (startsWithAny(mri.getName(r), {"XMM", "YMM", "ZMM"})) groups.insert("vector registers");
    if (isZeroIdiom(inst, name)) groups.insert("zero idioms");
  }
  for (const model::LengthBucket &b : model::lengthBuckets())
    if (block.insts.size() >= b.min && block.insts.size() <= b.max) groups.insert("length " + b.name);
  return {groups.begin(), groups.end()};
}

std::vector<GroupError> errorByGroup(const std::vector<block::BasicBlock> &blocks, const std::vector<std::size_t> &kept,
                                     const std::vector<double> &defaults, const std::vector<double> &tuned,
                                     const mca::ParamTable &defaultTable, const mca::ParamTable &tunedTable,
                                     const llvm::MCSubtargetInfo &subtarget) {
  std::set<std::string> changed;
  for (const auto &[key, params] : tunedTable.opcodes)
    if (auto it = defaultTable.opcodes.find(key); it == defaultTable.opcodes.end() || it->second != params)
      changed.insert(key);
  struct Acc {
    std::vector<double> d, t, m;
    std::map<std::string, std::size_t> uses;  ///< changed key -> blocks of the group using it
  };
  std::map<std::string, Acc> acc;
  for (std::size_t k = 0; k < kept.size(); ++k) {
    const block::BasicBlock &b = blocks[kept[k]];
    std::set<std::string> used;
    for (const llvm::MCInst &inst : b.insts)
      if (auto key = mca::tableKeyOf(subtarget, inst); key && changed.count(*key)) used.insert(*key);
    for (const std::string &g : groupsOf(b)) {
      Acc &a = acc[g];
      a.d.push_back(defaults[k]);
      a.t.push_back(tuned[k]);
      a.m.push_back(*b.measured);
      for (const std::string &key : used) ++a.uses[key];
    }
  }
  // The fixed groups first, in their order, then the length buckets.
  std::vector<std::string> order(std::begin(kGroups), std::end(kGroups));
  for (const model::LengthBucket &b : model::lengthBuckets()) order.push_back("length " + b.name);
  std::vector<GroupError> rows;
  constexpr std::size_t kShownEntries = 4;
  for (const std::string &g : order) {
    auto it = acc.find(g);
    if (it == acc.end()) continue;
    const Acc &a = it->second;
    GroupError row;
    row.group = g;
    row.blocks = a.m.size();
    row.defaultMape = model::summarize(a.d, a.m).mape;
    row.tunedMape = model::summarize(a.t, a.m).mape;
    std::vector<std::pair<std::size_t, std::string>> uses;
    for (const auto &[key, n] : a.uses) uses.emplace_back(n, key);
    std::sort(uses.begin(), uses.end(), [](const auto &x, const auto &y) {
      return x.first != y.first ? x.first > y.first : x.second < y.second;
    });
    for (std::size_t i = 0; i < std::min(kShownEntries, uses.size()); ++i)
      row.changedEntries.push_back(uses[i].second + " (" + std::to_string(uses[i].first) + ")");
    rows.push_back(std::move(row));
  }
  return rows;
}

} // namespace surrogate::patterns
