// writeLlvmPatch: a table's globals, opcode entries and variant resolutions as edits to X86Sched*.td.
#include "surrogate/mca/LlvmPatchWriter.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/MC/MCInstrInfo.h>
#include <llvm/MCA/Support.h>

#include "surrogate/block/Target.h"
#include "surrogate/support/Errors.h"
#include "surrogate/mca/ResourceMap.h"
#include "surrogate/mca/TableGenWriter.h"
#include "surrogate/mca/TdSource.h"
#include "surrogate/support/TextEdits.h"

namespace surrogate::mca {

namespace {

namespace fs = std::filesystem;
const char *const kX86Dir = "llvm/lib/Target/X86";

std::string readFile(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::invalid_argument(path.string() + ": cannot read");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The tree must be the LLVM the table's defaults came from.
void checkTreeVersion(const fs::path &root) {
  fs::path file = root / "cmake" / "Modules" / "LLVMVersion.cmake";
  if (!fs::exists(file))
    throw std::invalid_argument(root.string() + ": not an LLVM source tree (no cmake/Modules/LLVMVersion.cmake); "
                                "give the directory holding llvm/ (tools/llvm-sources.sh prints it)");
  std::string text = readFile(file);
  std::string version;
  for (const char *part : {"MAJOR", "MINOR", "PATCH"}) {
    std::smatch m;
    if (!std::regex_search(text, m, std::regex(std::string("set\\(LLVM_VERSION_") + part + " ([0-9]+)\\)")))
      throw std::invalid_argument(file.string() + ": no LLVM_VERSION_" + part);
    version += (version.empty() ? "" : ".") + m[1].str();
  }
  if (version != llvmVersionString())
    throw std::invalid_argument(root.string() + ": LLVM " + version + " sources, but this build's scheduling models "
                                "are LLVM " + llvmVersionString() + "'s; the patch is made against the same LLVM");
}

// The X86 .td file that defines `model`.
TdSource findModelFile(const fs::path &root, const std::string &model) {
  fs::path dir = root / kX86Dir;
  if (!fs::is_directory(dir))
    throw std::invalid_argument(root.string() + ": no " + kX86Dir + "; give the directory holding llvm/");
  std::vector<fs::path> files;
  for (const auto &entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".td" && entry.path().filename().string().rfind("X86Sched", 0) == 0)
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const fs::path &file : files) {
    std::string text = readFile(file);
    if (text.find("SchedMachineModel") == std::string::npos)
      continue;
    TdSource td(std::string(kX86Dir) + "/" + file.filename().string(), text);
    if (td.definesModel(model))
      return td;
  }
  throw std::invalid_argument(dir.string() + ": no X86Sched*.td defines " + model);
}

// TableGen's ExpandProcResources: each listed unit or group also counts for
// every group of the model that contains it.
std::map<std::string, long> tableGenExpansion(const llvm::MCSchedModel &sm, const ResourceMap::Cycles &listed) {
  std::vector<uint64_t> masks(sm.getNumProcResourceKinds());
  llvm::mca::computeProcResourceMasks(sm, masks);
  auto members = [&](unsigned idx) {
    uint64_t m = masks[idx];
    return llvm::popcount(m) > 1 ? m ^ llvm::bit_floor(m) : m;
  };
  std::map<std::string, long> out;
  for (const auto &[name, cycles] : listed) {
    unsigned idx = 0;
    for (unsigned i = 1; i < sm.getNumProcResourceKinds(); ++i)
      if (name == sm.getProcResource(i)->Name)
        idx = i;
    out[name] += cycles;
    for (unsigned g = 1; g < sm.getNumProcResourceKinds(); ++g)
      if (g != idx && llvm::popcount(masks[g]) > 1 && (members(g) & members(idx)) == members(idx))
        out[sm.getProcResource(g)->Name] += cycles;
  }
  return out;
}

std::string cyclesText(const std::map<std::string, long> &cycles) {
  std::vector<std::string> parts;
  for (const auto &[r, c] : cycles)
    parts.push_back(r + "=" + std::to_string(c));
  return "{" + llvm::join(parts, " ") + "}";
}

// The records that give one table entry (an opcode, or one resolution of a
// variant) its values: a SchedWriteRes per register write, the first one
// holding the micro-ops and ports, and the reads with their advances.
struct EntryRecords {
  std::string defs;                 // TableGen text
  std::vector<std::string> writes;  // in LLVM's order
  std::vector<std::string> reads;   // by use index; ReadDefault where nothing advances
};

class EntryWriter {
public:
  EntryWriter(const llvm::MCSubtargetInfo &sti, std::set<unsigned> &readAdvances)
      : Sti(sti), Sm(sti.getSchedModel()), Resources(Sm), ReadAdvances(readAdvances) {}

  EntryRecords write(const std::string &key, const std::string &defName, const OpcodeParams &p,
                     const llvm::MCSchedClassDesc &sc) const {
    const std::string field = "opcodes." + key;
    auto fail = [&](const std::string &why) { throw support::InputError(field + ": " + why); };
    EntryRecords r;
    for (unsigned i = 0; i < sc.NumWriteLatencyEntries; ++i)
      if (unsigned id = Sti.getWriteLatencyEntry(&sc, i)->WriteResourceID)
        fail(fmt::format("LLVM's model names this opcode's write {} in a ReadAdvance of its own (write id {}); a "
                         "new SchedWriteRes would not be in that ReadAdvance's list, so it cannot be written exactly",
                         i, id));
    for (const llvm::MCReadAdvanceEntry &ra : Sti.getReadAdvanceEntries(sc))
      if (ra.WriteResourceID != 0)
        fail(fmt::format("LLVM's read advance of use {} applies only to some producing writes; a SchedReadAdvance "
                         "written from the compiled model cannot name them",
                         ra.UseIdx));
    for (unsigned i = 0; i < sc.NumWriteProcResEntries; ++i)
      if ((Sti.getWriteProcResBegin(&sc) + i)->AcquireAtCycle != 0)
        fail("LLVM's model acquires a resource after cycle 0 (AcquireAtCycle); this writer does not carry that");

    // Ports in TableGen's form, checked against what TableGen expands them to.
    ResourceMap::Cycles expanded;
    std::map<std::string, long> wanted;
    for (const auto &[name, cycles] : p.resources)
      if (cycles > 0) {
        expanded.emplace_back(name, cycles);
        wanted[name] = cycles;
      }
    ResourceMap::Cycles listed;
    for (const auto &[name, cycles] : Resources.toExplicit(expanded))
      if (cycles > 0)
        listed.emplace_back(name, cycles);
    std::map<std::string, long> got = tableGenExpansion(Sm, listed);
    if (got != wanted)
      fail("resources " + cyclesText(wanted) + " cannot be written in TableGen: listing " + [&] {
        std::vector<std::string> parts;
        for (const auto &[r, c] : listed)
          parts.push_back(r + "=" + std::to_string(c));
        return llvm::join(parts, " ");
      }() + " makes TableGen count every group holding those ports, " + cyclesText(got));

    if (p.readAdvance.size() != Sti.getReadAdvanceEntries(sc).size())
      fail("read_advance has another count than LLVM's model");

    // LLVM's class may have no write; a latency-0 write then carries the
    // micro-ops and ports (llvm-mca gives defs past the latency entries the
    // class's largest latency, 0 either way).
    std::vector<unsigned> latencies = p.latencies;
    if (latencies.empty() && (p.microOps != 0 || !listed.empty()))
      latencies.push_back(0);
    for (std::size_t w = 0; w < latencies.size(); ++w) {
      std::string def = w == 0 ? defName : fmt::format("{}_{}", defName, w);
      std::vector<std::string> units, cycles;
      if (w == 0)
        for (const auto &[name, c] : listed) {
          units.push_back(name);
          cycles.push_back(std::to_string(c));
        }
      r.defs += fmt::format("def {} : SchedWriteRes<[{}]> {{\n  let Latency = {};\n  let NumMicroOps = {};\n", def,
                            llvm::join(units, ", "), latencies[w], w == 0 ? p.microOps : 0);
      if (!units.empty())
        r.defs += "  let ReleaseAtCycles = [" + llvm::join(cycles, ", ") + "];\n";
      if (w == 0 && sc.BeginGroup)
        r.defs += "  let BeginGroup = true;\n";
      if (w == 0 && sc.EndGroup)
        r.defs += "  let EndGroup = true;\n";
      if (w == 0 && sc.RetireOOO)
        r.defs += "  let RetireOOO = true;\n";
      r.defs += "}\n";
      r.writes.push_back(def);
    }
    llvm::ArrayRef<llvm::MCReadAdvanceEntry> ras = Sti.getReadAdvanceEntries(sc);
    for (std::size_t i = 0; i < ras.size(); ++i) {
      if (ras[i].UseIdx >= r.reads.size())
        r.reads.resize(ras[i].UseIdx + 1, "ReadDefault");
      r.reads[ras[i].UseIdx] = fmt::format("SurrogateReadAdvance{}", p.readAdvance[i]);
      ReadAdvances.insert(p.readAdvance[i]);
    }
    return r;
  }

private:
  const llvm::MCSubtargetInfo &Sti;
  const llvm::MCSchedModel &Sm;
  ResourceMap Resources;
  std::set<unsigned> &ReadAdvances;
};

// TableGen's name of the class a SchedVar resolves to: its writes' record
// names joined by '_' (X86's `Write.Folded` is the record `WriteLd`).
std::string resolvedClassName(const TdSchedVar &var) {
  std::vector<std::string> names;
  for (std::string w : var.selected) {
    if (llvm::StringRef(w).ends_with(".Folded"))
      w = w.substr(0, w.size() - 7) + "Ld";
    names.push_back(w);
  }
  return llvm::join(names, "_");
}

std::string withoutRepeat(const std::string &className) { return className.substr(0, className.find('#')); }

// `(instrs A, B, ...)`, wrapped under the first name past 100 columns.
std::string instrsText(const std::vector<std::string> &names, std::size_t column) {
  std::string out = "(instrs ";
  std::size_t width = column + out.size();
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::string item = names[i] + (i + 1 < names.size() ? "," : ")");
    if (i > 0 && width + 1 + item.size() > 100) {
      out += "\n" + std::string(column + 8, ' ');
      width = column + 8;
    } else if (i > 0) {
      out += " ";
      ++width;
    }
    out += item;
    width += item.size();
  }
  return out;
}

// What the patch does to the model's InstRWs: the opcodes taken out of each.
class InstRWEdits {
public:
  InstRWEdits(const TdSource &td, const std::vector<std::string> &allOpcodes) : Td(td) {
    for (const TdInstRW &rw : td.instRWs())
      for (const std::string &name : Matches[&rw] = matchInstRW(rw, allOpcodes))
        Owners.emplace(name, &rw);  // TableGen allows one InstRW per opcode and model
  }

  /// The InstRW of the model that names `opcode`, if any.
  const TdInstRW *owner(const std::string &opcode) const {
    auto it = Owners.find(opcode);
    return it == Owners.end() ? nullptr : it->second;
  }
  void remove(const TdInstRW &rw, const std::string &opcode) { Removed[&rw].push_back(opcode); }

  void apply(support::TextEdits &edits) const {
    const std::string &text = Td.text();
    for (const auto &[rw, removed] : Removed) {
      std::vector<std::string> remaining;
      for (const std::string &name : Matches.at(rw))
        if (std::find(removed.begin(), removed.end(), name) == removed.end())
          remaining.push_back(name);
      std::size_t lineStart = text.rfind('\n', rw->statement.begin);
      lineStart = lineStart == std::string::npos ? 0 : lineStart + 1;
      if (remaining.empty()) {
        // Every opcode it named has an InstRW of its own now; TableGen rejects an empty set.
        bool ownLine = text.find_first_not_of(" \t", lineStart) == rw->statement.begin &&
                       rw->statement.end < text.size() && text[rw->statement.end] == '\n';
        edits.replace(ownLine ? lineStart : rw->statement.begin, rw->statement.end + (ownLine ? 1 : 0), "");
        continue;
      }
      std::size_t column = rw->set.begin - lineStart;
      if (rw->setOperator == "instrs") {
        edits.replace(rw->set.begin, rw->set.end, instrsText(remaining, column));
      } else {
        std::vector<std::string> sorted = removed;
        std::sort(sorted.begin(), sorted.end());
        std::string original = text.substr(rw->set.begin, rw->set.end - rw->set.begin);
        edits.replace(rw->set.begin, rw->set.end, "(sub " + original + ",\n" + std::string(column + 5, ' ') +
                                                      instrsText(sorted, column + 5) + ")");
      }
    }
  }

private:
  const TdSource &Td;
  std::map<const TdInstRW *, std::vector<std::string>> Matches;
  std::map<std::string, const TdInstRW *> Owners;
  std::map<const TdInstRW *, std::vector<std::string>> Removed;
};

void setModelField(const TdSource &td, const std::string &model, const std::string &field, unsigned value,
                   support::TextEdits &edits) {
  std::string text = std::to_string(value);
  if (auto f = td.modelField(model, field)) {
    if (f->text != text)
      edits.replace(f->value.begin, f->value.end, text);
    return;
  }
  auto body = td.modelBody(model);
  std::size_t afterBrace = td.text().find('\n', body->begin) + 1;
  edits.insert(afterBrace, "  let " + field + " = " + text + ";\n");
}

} // namespace

LlvmPatch writeLlvmPatch(const ParamTable &table, const LlvmPatchOptions &options) {
  // Step 1: the model, its .td file and the subtarget the table was checked against.
  const std::string model = schedModelName(table.cpu, options.modelName);
  const fs::path root(options.llvmSource);
  checkTreeVersion(root);
  TdSource td = findModelFile(root, model);
  auto sti = block::X86Target::get().createSubtarget(table.cpu);
  table.validate(*sti, options.source.empty() ? "table" : options.source);
  const llvm::MCSchedModel &sm = sti->getSchedModel();
  const llvm::MCInstrInfo &mcii = block::X86Target::get().instrInfo();
  std::vector<std::string> allOpcodes;
  for (unsigned op = 0; op < mcii.getNumOpcodes(); ++op)
    allOpcodes.push_back(mcii.getName(op).str());

  // Step 2: the entries whose values differ from LLVM's, by opcode.
  std::vector<std::string> keys;
  for (const auto &[key, p] : table.opcodes)
    keys.push_back(key);
  ParamTable defaults = ParamTable::fromModel(table.cpu, keys);
  std::map<std::string, std::string> plain;                        // opcode -> key
  std::map<std::string, std::map<std::string, std::string>> variant;  // opcode -> class -> key
  for (const auto &[key, p] : table.opcodes) {
    if (p == defaults.opcodes.at(key))
      continue;
    auto slash = key.find('/');
    if (slash == std::string::npos)
      plain[key] = key;
    else
      variant[key.substr(0, slash)][withoutRepeat(key.substr(slash + 1))] = key;
  }

  support::TextEdits edits(td.text());
  LlvmPatch patch;
  patch.file = td.path();
  // Step 3: the globals, in the SchedMachineModel.
  setModelField(td, model, "IssueWidth", table.dispatchWidth, edits);
  setModelField(td, model, "MicroOpBufferSize", table.reorderBufferSize, edits);

  // Step 4: the records of each changed entry, and the InstRWs they leave.
  std::set<unsigned> readAdvances;
  EntryWriter writer(*sti, readAdvances);
  InstRWEdits instRWs(td, allOpcodes);
  std::string body;
  for (const auto &[opcode, key] : plain) {
    const OpcodeParams &p = table.opcodes.at(key);
    TableKey k = resolveTableKey(*sti, key, key);
    EntryRecords r = writer.write(key, "SurrogateWrite_" + opcode, p, *sm.getSchedClassDesc(k.schedClass));
    if (const TdInstRW *owner = instRWs.owner(opcode))
      instRWs.remove(*owner, opcode);
    std::vector<std::string> rw = r.writes;
    rw.insert(rw.end(), r.reads.begin(), r.reads.end());
    body += fmt::format("// {} (LLVM class {})\n{}def : InstRW<[{}], (instrs {})>;\n\n", opcode,
                        defaults.opcodes.at(key).schedClass, r.defs, llvm::join(rw, ", "), opcode);
    ++patch.opcodes;
  }
  for (const auto &[opcode, byClass] : variant) {
    const std::string anyKey = byClass.begin()->second;
    const TdInstRW *owner = instRWs.owner(opcode);
    const TdWriteVariant *v = owner && owner->rw.size() == 1 ? td.writeVariant(owner->rw[0]) : nullptr;
    if (!v)
      throw support::InputError("opcodes." + anyKey + ": " + opcode + "'s variant class is not one SchedWriteVariant of " +
                       td.path() + " given by an InstRW; its resolutions cannot be written");
    std::vector<std::string> vars;
    std::set<std::string> used;
    std::string defs;
    for (std::size_t j = 0; j < v->variants.size(); ++j) {
      const TdSchedVar &var = v->variants[j];
      std::string predicate = td.text().substr(var.predicate.begin, var.predicate.end - var.predicate.begin);
      std::string className = resolvedClassName(var);
      std::vector<std::string> selected = var.selected;
      auto it = byClass.find(className);
      if (it != byClass.end()) {
        for (std::size_t other = 0; other < v->variants.size(); ++other)
          if (other != j && resolvedClassName(v->variants[other]) == className)
            throw support::InputError("opcodes." + it->second + ": two SchedVars of " + v->name + " resolve to " + className);
        const OpcodeParams &p = table.opcodes.at(it->second);
        TableKey k = resolveTableKey(*sti, it->second, it->second);
        EntryRecords r = writer.write(it->second, fmt::format("SurrogateWrite_{}_v{}", opcode, j), p,
                                      *sm.getSchedClassDesc(k.schedClass));
        if (!r.reads.empty())
          throw support::InputError("opcodes." + it->second + ": a resolution's read advances cannot go in a SchedVar");
        defs += "// " + it->second + "\n" + r.defs;
        selected = r.writes;
        used.insert(className);
        ++patch.resolutions;
      }
      vars.push_back(fmt::format("  SchedVar<{}, [{}]>", predicate, llvm::join(selected, ", ")));
    }
    for (const auto &[className, key] : byClass)
      if (!used.count(className))
        throw support::InputError("opcodes." + key + ": no SchedVar of " + v->name + " (" + td.path() + ":" +
                         std::to_string(v->line) + ") selects " + className);
    instRWs.remove(*owner, opcode);
    body += fmt::format("// {}: LLVM's {} with the table's resolutions\n{}def SurrogateVariant_{} : "
                        "SchedWriteVariant<[\n{}\n]>;\ndef : InstRW<[SurrogateVariant_{}], (instrs {})>;\n\n",
                        opcode, v->name, defs, opcode, llvm::join(vars, ",\n"), opcode, opcode);
    ++patch.variantOpcodes;
  }
  instRWs.apply(edits);

  // Step 5: the new records, at the end of the model's `let SchedModel` block.
  if (!body.empty()) {
    std::string block = "//===----------------------------------------------------------------------===//\n";
    block += fmt::format("// Scheduling parameters written by `surrogate params export --format llvm-patch`{}:\n"
                         "// {} opcodes and {} variant resolutions whose values differ from LLVM {}'s.\n"
                         "//===----------------------------------------------------------------------===//\n\n",
                         options.source.empty() ? "" : " from " + options.source, patch.opcodes, patch.resolutions,
                         llvmVersionString());
    for (unsigned c : readAdvances)
      block += fmt::format("def SurrogateReadAdvance{0} : SchedReadAdvance<{0}>;\n", c);
    if (!readAdvances.empty())
      block += "\n";
    block += body;
    if (auto end = td.schedModelBlockEnd(model)) {
      std::size_t lineStart = td.text().rfind('\n', *end);
      edits.insert(lineStart == std::string::npos ? 0 : lineStart + 1, block);
    } else {
      edits.insert(td.text().size(), "\nlet SchedModel = " + model + " in {\n\n" + block + "} // SchedModel\n");
    }
  }
  patch.diff = edits.unifiedDiff(patch.file);
  return patch;
}

} // namespace surrogate::mca
