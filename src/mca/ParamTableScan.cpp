// ParamTable::opcodesUsedBy: the table keys that the blocks of some inputs need.

#include <algorithm>
#include <set>

#include <llvm/ADT/StringExtras.h>
#include <llvm/MC/MCInstrInfo.h>
#include <spdlog/spdlog.h>

#include "surrogate/block/BlockPipeline.h"
#include "surrogate/block/Target.h"
#include "surrogate/mca/ParamTable.h"

namespace surrogate::mca {

std::vector<std::string> ParamTable::opcodesUsedBy(const std::vector<std::string> &inputs, const std::string &cpu) {
  auto sti = block::X86Target::get().createSubtarget(cpu);
  const llvm::MCInstrInfo &mcii = block::X86Target::get().instrInfo();
  block::ReaderOptions options;
  options.readMeasured = false;
  block::BlockReader reader(inputs, options);
  std::set<unsigned> used;
  std::set<std::string> keys, untunable;
  block::ReadCounts counts = block::forEachDecoded(reader, [&](block::BasicBlock &b) {
    for (const llvm::MCInst &inst : b.insts) {
      unsigned op = inst.getOpcode();
      used.insert(op);
      if (std::optional<std::string> key = tableKeyOf(*sti, inst))
        keys.insert(*key);
      else
        untunable.insert(mcii.getName(op).str());
    }
    return true;
  });
  std::size_t blocks = counts.read - counts.skipped, problems = counts.skipped;
  std::vector<std::string> out(keys.begin(), keys.end());
  if (!untunable.empty())
    spdlog::warn("opcodes without a scheduling class, left out: {}", llvm::join(untunable, " "));
  std::size_t variantEntries = std::count_if(out.begin(), out.end(), [](const std::string &k) {
    return k.find('/') != std::string::npos;
  });
  spdlog::info("{} blocks ({} skipped) use {} opcodes: {} entries, {} of them resolutions of variant classes",
               blocks, problems, used.size(), out.size(), variantEntries);
  return out;
}

std::vector<std::string> ParamTable::tableKeysFor(const std::vector<std::string> &blocks, const std::string &cpu) {
  if (blocks.empty())
    return {};
  std::vector<std::string> keys = opcodesUsedBy(blocks, cpu);
  if (keys.empty())
    throw support::InputError("the blocks use no opcode with a tunable scheduling class");
  return keys;
}

} // namespace surrogate::mca
