// ParamTable::validate: every name and value checked against the CPU's model
// and LLVM's table field widths before a table is applied.

#include <set>

#include <fmt/format.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/MC/MCSchedule.h>

#include "surrogate/mca/ParamTable.h"
#include "surrogate/mca/ResourceMap.h"

namespace surrogate::mca {

namespace {

// Upper bounds come from the widths of LLVM's table fields.
constexpr unsigned kMaxMicroOps = llvm::MCSchedClassDesc::VariantNumMicroOps - 1;  // 13-bit field
constexpr unsigned kMaxLatency = 32767;       // int16_t Cycles
constexpr unsigned kMaxReadAdvance = 32767;
constexpr unsigned kMaxReleaseCycles = 65535;  // uint16_t ReleaseAtCycle
constexpr unsigned kMaxDispatchWidth = 1024;
constexpr unsigned kMaxReorderBuffer = 65535;

std::string majorMinor(const std::string &version) {
  auto first = version.find('.');
  if (first == std::string::npos)
    return version;
  auto second = version.find('.', first + 1);
  return version.substr(0, second);
}

} // namespace

void ParamTable::validate(const llvm::MCSubtargetInfo &sti, const std::string &source) const {
  const std::string at = source + ": ";
  if (cpu != sti.getCPU())
    throw support::InputError(at + "cpu: the table is for '" + cpu + "', the simulator runs '" + sti.getCPU().str() + "'");
  if (majorMinor(llvmVersion) != majorMinor(llvmVersionString()))
    throw support::InputError(at + "llvm_version: the table was made with LLVM " + llvmVersion + ", this build uses LLVM " +
                     llvmVersionString() + " whose scheduling models may differ; export the table again");
  if (dispatchWidth < 1 || dispatchWidth > kMaxDispatchWidth)
    throw support::InputError(fmt::format("{}globals.dispatch_width: {} is outside 1..{}", at, dispatchWidth,
                                 kMaxDispatchWidth));
  if (reorderBufferSize < 1 || reorderBufferSize > kMaxReorderBuffer)
    throw support::InputError(fmt::format("{}globals.reorder_buffer_size: {} is outside 1..{}", at, reorderBufferSize,
                                 kMaxReorderBuffer));

  const llvm::MCSchedModel &sm = sti.getSchedModel();
  ResourceMap resources(sm);
  for (const auto &[name, p] : opcodes) {
    const std::string field = at + "opcodes." + name;
    const auto *sc = sm.getSchedClassDesc(resolveTableKey(sti, name, field).schedClass);
    if (p.microOps > kMaxMicroOps)
      throw support::InputError(fmt::format("{}.micro_ops: {} is above {}", field, p.microOps, kMaxMicroOps));
    if (p.latencies.size() != sc->NumWriteLatencyEntries)
      throw support::InputError(fmt::format("{}.latencies: {} values, the {} model has {} writes for this opcode", field,
                                   p.latencies.size(), cpu, sc->NumWriteLatencyEntries));
    for (std::size_t i = 0; i < p.latencies.size(); ++i)
      if (p.latencies[i] > kMaxLatency)
        throw support::InputError(fmt::format("{}.latencies[{}]: {} is above {}", field, i, p.latencies[i], kMaxLatency));
    if (p.readAdvance.size() != sc->NumReadAdvanceEntries)
      throw support::InputError(fmt::format("{}.read_advance: {} values, the {} model has {} read-advance entries for "
                                   "this opcode",
                                   field, p.readAdvance.size(), cpu, sc->NumReadAdvanceEntries));
    for (std::size_t i = 0; i < p.readAdvance.size(); ++i)
      if (p.readAdvance[i] > kMaxReadAdvance)
        throw support::InputError(
            fmt::format("{}.read_advance[{}]: {} is above {}", field, i, p.readAdvance[i], kMaxReadAdvance));
    std::set<std::string> seen;
    unsigned totalCycles = 0;
    for (const auto &[r, cycles] : p.resources) {
      if (!resources.index(r))
        throw support::InputError(field + ".resources." + r + ": unknown resource; the " + cpu + " model has " +
                         llvm::join(resources.names(), ", "));
      if (!seen.insert(r).second)
        throw support::InputError(field + ".resources." + r + ": listed twice");
      if (cycles > kMaxReleaseCycles)
        throw support::InputError(fmt::format("{}.resources.{}: {} is above {}", field, r, cycles, kMaxReleaseCycles));
      totalCycles += cycles;
    }
    if (p.microOps == 0 && totalCycles > 0)
      throw support::InputError(field + ".micro_ops: 0 micro-ops cannot hold processor resources (llvm-mca rejects it)");
    ResourceMap::Cycles expanded;
    for (const auto &[r, cycles] : p.resources)
      if (cycles > 0)
        expanded.emplace_back(r, cycles);
    for (const auto &[r, extra] : resources.toExplicit(expanded))
      if (extra < 0)
        throw support::InputError(fmt::format("{}.resources.{}: a group's cycles include those of the ports and groups "
                                     "inside it, so it needs at least {} more (llvm-mca would underflow)",
                                     field, r, -extra));
  }
}

} // namespace surrogate::mca
