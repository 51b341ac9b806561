// writeTableGen: a table's changed opcodes as SchedWriteRes and InstRW records, the globals as a comment.
#include "surrogate/mca/TableGenWriter.h"

#include <map>
#include <set>

#include <fmt/format.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/MC/MCInstrInfo.h>

#include "surrogate/block/Target.h"
#include "surrogate/mca/ResourceMap.h"

namespace surrogate::mca {

std::optional<std::string> schedModelNameFor(const std::string &cpu) {
  // The X86 models in llvm/lib/Target/X86/X86Sched*.td that have instruction
  // scheduling data; aliases of one model share its name.
  static const std::map<std::string, std::string> names = {
      {"sandybridge", "SandyBridgeModel"}, {"ivybridge", "SandyBridgeModel"},
      {"haswell", "HaswellModel"},         {"core-avx2", "HaswellModel"},
      {"broadwell", "BroadwellModel"},     {"skylake", "SkylakeClientModel"},
      {"skylake-avx512", "SkylakeServerModel"}, {"cascadelake", "SkylakeServerModel"},
      {"cooperlake", "SkylakeServerModel"}, {"icelake-client", "IceLakeModel"},
      {"icelake-server", "IceLakeModel"},  {"alderlake", "AlderlakePModel"},
      {"sapphirerapids", "SapphireRapidsModel"}, {"btver2", "BtVer2Model"},
      {"znver1", "Znver1Model"},           {"znver2", "Znver2Model"},
      {"znver3", "Znver3Model"},           {"znver4", "Znver4Model"},
      {"slm", "SLMModel"},                 {"silvermont", "SLMModel"},
      {"atom", "AtomModel"},               {"bdver2", "BdVer2Model"}};
  auto it = names.find(cpu);
  if (it == names.end())
    return std::nullopt;
  return it->second;
}

std::string schedModelName(const std::string &cpu, const std::string &given) {
  if (!given.empty())
    return given;
  auto known = schedModelNameFor(cpu);
  if (!known)
    throw support::InputError("no known TableGen model name for CPU '" + cpu + "'; give it with --model-name");
  return *known;
}

std::string writeTableGen(const ParamTable &table, const TableGenOptions &options) {
  std::string model = schedModelName(table.cpu, options.modelName);
  ParamTable defaults = ParamTable::fromModel(table.cpu, [&] {
    std::vector<std::string> names;
    for (const auto &[name, p] : table.opcodes)
      names.push_back(name);
    return names;
  }());
  auto sti = block::X86Target::get().createSubtarget(table.cpu);
  const llvm::MCSchedModel &sm = sti->getSchedModel();
  ResourceMap resources(sm);

  std::string out;
  out += fmt::format("// Scheduling parameters for {} (LLVM {}), written by `surrogate params export --format td`{}.\n",
                     table.cpu, table.llvmVersion, options.source.empty() ? "" : " from " + options.source);
  out += "// Include after the definitions of the model's .td file (X86Sched*.td) and rebuild LLVM:\n"
         "// each InstRW below overrides the opcode's scheduling in " + model + ".\n//\n";
  out += "// Globals: set these fields in `def " + model + " : SchedMachineModel`\n";
  out += fmt::format("//   let IssueWidth = {};         // dispatch_width (LLVM: {})\n", table.dispatchWidth,
                     sm.IssueWidth);
  out += fmt::format("//   let MicroOpBufferSize = {};  // reorder_buffer_size (LLVM: {})\n\n",
                     table.reorderBufferSize, sm.MicroOpBufferSize);

  std::set<unsigned> readAdvanceCycles;
  std::string body;
  std::size_t written = 0;
  std::vector<std::string> skippedVariants;
  for (const auto &[name, p] : table.opcodes) {
    const OpcodeParams &d = defaults.opcodes.at(name);
    if (!options.allOpcodes && p == d)
      continue;
    TableKey key = resolveTableKey(*sti, name, name);
    if (key.variant) {
      // An InstRW would replace the whole SchedVariant; the values go in a comment.
      skippedVariants.push_back(fmt::format("//   {}: micro_ops {}, latencies [{}], read_advance [{}], resources {{{}}}",
                                            name, p.microOps, fmt::join(p.latencies, ", "),
                                            fmt::join(p.readAdvance, ", "), [&] {
                                              std::vector<std::string> parts;
                                              for (const auto &[r, c] : p.resources)
                                                parts.push_back(r + "=" + std::to_string(c));
                                              return llvm::join(parts, " ");
                                            }()));
      continue;
    }
    ++written;
    const llvm::MCSchedClassDesc &sc = *sm.getSchedClassDesc(key.schedClass);
    body += fmt::format("// {} (LLVM class {})\n", name, p.schedClass.empty() ? "?" : p.schedClass);

    // The port map as TableGen writes it: each group's cycles beyond its members'.
    ResourceMap::Cycles expanded;
    for (const auto &[r, c] : p.resources)
      if (c > 0)
        expanded.emplace_back(r, c);
    std::vector<std::string> units, cycles;
    for (const auto &[r, c] : resources.toExplicit(expanded))
      if (c > 0) {
        units.push_back(r);
        cycles.push_back(std::to_string(c));
      }
    // Writes beyond the first carry only their latency; a SchedWriteRes per
    // write is how TableGen gives each def its own latency.
    std::vector<std::string> rw;
    std::size_t writes = std::max<std::size_t>(1, p.latencies.size());
    for (std::size_t w = 0; w < writes; ++w) {
      std::string def = w == 0 ? "SurrogateWrite_" + name : fmt::format("SurrogateWrite_{}_{}", name, w);
      unsigned latency = p.latencies.empty() ? 0 : p.latencies[w];
      if (w == 0) {
        body += fmt::format("def {} : SchedWriteRes<[{}]> {{\n  let Latency = {};\n  let NumMicroOps = {};\n", def,
                            fmt::join(units, ", "), latency, p.microOps);
        if (!units.empty())
          body += fmt::format("  let ReleaseAtCycles = [{}];\n", fmt::join(cycles, ", "));
        body += "}\n";
      } else {
        body += fmt::format("def {} : SchedWriteRes<[]> {{\n  let Latency = {};\n  let NumMicroOps = 0;\n}}\n", def,
                            latency);
      }
      rw.push_back(def);
    }
    // Reads follow the writes in operand order; LLVM's read advances are
    // kept, as SchedReadAdvance records (which apply to every producing write).
    llvm::ArrayRef<llvm::MCReadAdvanceEntry> ras = sti->getReadAdvanceEntries(sc);
    if (!ras.empty()) {
      unsigned lastUse = 0;
      for (const auto &ra : ras)
        lastUse = std::max(lastUse, ra.UseIdx);
      std::vector<std::string> reads(lastUse + 1, "ReadDefault");
      bool restricted = false;
      for (std::size_t i = 0; i < ras.size(); ++i) {
        readAdvanceCycles.insert(p.readAdvance[i]);
        reads[ras[i].UseIdx] = fmt::format("SurrogateReadAdvance{}", p.readAdvance[i]);
        restricted |= ras[i].WriteResourceID != 0;
      }
      if (restricted)
        body += "// LLVM's read advance applies only to some producing writes; this one applies to all.\n";
      rw.insert(rw.end(), reads.begin(), reads.end());
    }
    body += fmt::format("def : InstRW<[{}], (instrs {})>;\n\n", fmt::join(rw, ", "), name);
  }

  out += "let SchedModel = " + model + " in {\n\n";
  for (unsigned c : readAdvanceCycles)
    out += fmt::format("def SurrogateReadAdvance{0} : SchedReadAdvance<{0}>;\n", c);
  if (!readAdvanceCycles.empty())
    out += "\n";
  out += body;
  out += fmt::format("}} // {} opcodes written\n", written);
  if (!skippedVariants.empty()) {
    out += "\n// Not written: resolutions of variant classes (OPCODE/CLASS). Their values belong in the\n"
           "// SchedVariant that LLVM's model defines for the opcode, which has to be edited by hand:\n";
    for (const std::string &line : skippedVariants)
      out += line + "\n";
  }
  return out;
}

} // namespace surrogate::mca
