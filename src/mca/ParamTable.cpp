#include "surrogate/mca/ParamTable.h"

#include <algorithm>
#include <fstream>
#include <limits>
#include <mutex>
#include <set>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Config/llvm-config.h>
#include <llvm/MC/MCInstrInfo.h>
#include <llvm/MC/MCSchedule.h>
#include <spdlog/spdlog.h>

#include "surrogate/block/BlockPipeline.h"
#include "surrogate/support/ConfigReader.h"
#include "surrogate/block/Decoder.h"
#include "surrogate/block/Target.h"
#include "surrogate/mca/ResourceMap.h"
#include "surrogate/support/AtomicFile.h"

namespace surrogate::mca {

using nlohmann::json;

namespace {

constexpr const char *kFormatName = "surrogate-mca-params";

// Upper bounds come from the widths of LLVM's table fields.
constexpr unsigned kMaxMicroOps = llvm::MCSchedClassDesc::VariantNumMicroOps - 1;  // 13-bit field
constexpr unsigned kMaxLatency = 32767;       // int16_t Cycles
constexpr unsigned kMaxReadAdvance = 32767;
constexpr unsigned kMaxReleaseCycles = 65535;  // uint16_t ReleaseAtCycle
constexpr unsigned kMaxDispatchWidth = 1024;
constexpr unsigned kMaxReorderBuffer = 65535;

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

std::unique_ptr<llvm::MCSubtargetInfo> subtargetFor(const std::string &cpu, const std::string &where) {
  auto sti = block::X86Target::get().createSubtarget(cpu, where);
  return sti;
}

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

// The class a variant class resolves to for `inst`, through LLVM; 0 if none.
unsigned resolveVariant(const llvm::MCSubtargetInfo &sti, const llvm::MCInst &inst, unsigned schedClass) {
  const llvm::MCSchedModel &sm = sti.getSchedModel();
  const llvm::MCInstrInfo &mcii = block::X86Target::get().instrInfo();
  while (schedClass && sm.getSchedClassDesc(schedClass)->isVariant())
    schedClass = sti.resolveVariantSchedClass(schedClass, &inst, &mcii, sm.getProcessorID());
  return schedClass;
}

std::string majorMinor(const std::string &version) {
  auto first = version.find('.');
  if (first == std::string::npos)
    return version;
  auto second = version.find('.', first + 1);
  return version.substr(0, second);
}

// Reads an unsigned integer, naming the field when it is not one.
unsigned readUnsigned(const json &j, const std::string &field) {
  if (j.is_number_unsigned() || (j.is_number_integer() && j.get<std::int64_t>() >= 0)) {
    if (j.get<std::uint64_t>() > std::numeric_limits<unsigned>::max())
      throw support::InputError(field + ": " + j.dump() + " is too large");
    return j.get<unsigned>();
  }
  if (j.is_number_integer())
    throw support::InputError(field + ": " + j.dump() + " is negative; it must be a whole number >= 0");
  if (j.is_number_float())
    throw support::InputError(field + ": " + j.dump() + " is not an integer; it must be a whole number >= 0");
  throw support::InputError(field + ": expected a whole number, found " + std::string(j.type_name()));
}

const json &member(const json &object, const char *key, const std::string &field) {
  auto it = object.find(key);
  if (it == object.end())
    throw support::InputError(field + ": missing field '" + key + "'");
  return *it;
}

void expectObject(const json &j, const std::string &field) {
  if (!j.is_object())
    throw support::InputError(field + ": expected an object, found " + std::string(j.type_name()));
}

std::vector<unsigned> readUnsignedList(const json &j, const std::string &field) {
  if (!j.is_array())
    throw support::InputError(field + ": expected a list of whole numbers, found " + std::string(j.type_name()));
  std::vector<unsigned> out;
  for (std::size_t i = 0; i < j.size(); ++i)
    out.push_back(readUnsigned(j[i], fmt::format("{}[{}]", field, i)));
  return out;
}

} // namespace

std::string llvmVersionString() { return LLVM_VERSION_STRING; }

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

std::vector<std::string> ParamTable::tunableOpcodes(const llvm::MCSubtargetInfo &sti) {
  const llvm::MCInstrInfo &mcii = block::X86Target::get().instrInfo();
  std::vector<std::string> out;
  for (unsigned op = 0; op < mcii.getNumOpcodes(); ++op)
    if (isTunable(sti, op))
      out.push_back(mcii.getName(op).str());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> ParamTable::opcodesUsedBy(const std::vector<std::string> &inputs, const std::string &cpu) {
  auto sti = subtargetFor(cpu, "");
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

ParamTable ParamTable::fromModel(const std::string &cpu, const std::vector<std::string> &opcodes) {
  auto sti = subtargetFor(cpu, "");
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
    p.schedClass = classNamesFor(sm).name(key.schedClass);
    t.opcodes.emplace(name, std::move(p));
  }
  return t;
}

ParamTable ParamTable::fromJson(const json &j, const std::string &source) {
  const std::string at = source + ": ";
  try {
    expectObject(j, at + "(top level)");
    const json &format = member(j, "format", at + "(top level)");
    if (format != kFormatName)
      throw support::InputError(at + "format: expected \"" + kFormatName + "\", found " + format.dump());
    unsigned version = readUnsigned(member(j, "version", at + "(top level)"), at + "version");
    if (version != kFormatVersion)
      throw support::InputError(fmt::format("{}version: this build reads version {}, the file has {}", at, kFormatVersion,
                                   version));
    for (auto it = j.begin(); it != j.end(); ++it)
      if (it.key() != "format" && it.key() != "version" && it.key() != "llvm_version" && it.key() != "cpu" &&
          it.key() != "globals" && it.key() != "opcodes" && it.key() != "comment")
        throw support::InputError(at + it.key() + ": unknown field");

    ParamTable t;
    const json &llvmVersion = member(j, "llvm_version", at + "(top level)");
    if (!llvmVersion.is_string())
      throw support::InputError(at + "llvm_version: expected a string such as \"19.1.7\"");
    t.llvmVersion = llvmVersion.get<std::string>();
    const json &cpu = member(j, "cpu", at + "(top level)");
    if (!cpu.is_string())
      throw support::InputError(at + "cpu: expected a CPU name such as \"haswell\"");
    t.cpu = cpu.get<std::string>();

    const json &globals = member(j, "globals", at + "(top level)");
    expectObject(globals, at + "globals");
    for (auto it = globals.begin(); it != globals.end(); ++it)
      if (it.key() != "dispatch_width" && it.key() != "reorder_buffer_size")
        throw support::InputError(at + "globals." + it.key() + ": unknown field (dispatch_width, reorder_buffer_size)");
    t.dispatchWidth =
        readUnsigned(member(globals, "dispatch_width", at + "globals"), at + "globals.dispatch_width");
    t.reorderBufferSize =
        readUnsigned(member(globals, "reorder_buffer_size", at + "globals"), at + "globals.reorder_buffer_size");

    const json &opcodes = member(j, "opcodes", at + "(top level)");
    expectObject(opcodes, at + "opcodes");
    for (auto it = opcodes.begin(); it != opcodes.end(); ++it) {
      const std::string field = at + "opcodes." + it.key();
      const json &e = it.value();
      expectObject(e, field);
      OpcodeParams p;
      for (auto f = e.begin(); f != e.end(); ++f)
        if (f.key() != "micro_ops" && f.key() != "latencies" && f.key() != "read_advance" &&
            f.key() != "resources" && f.key() != "sched_class")
          throw support::InputError(field + "." + f.key() +
                           ": unknown field (micro_ops, latencies, read_advance, resources, sched_class)");
      p.microOps = readUnsigned(member(e, "micro_ops", field), field + ".micro_ops");
      p.latencies = readUnsignedList(member(e, "latencies", field), field + ".latencies");
      p.readAdvance = readUnsignedList(member(e, "read_advance", field), field + ".read_advance");
      const json &res = member(e, "resources", field);
      expectObject(res, field + ".resources");
      for (auto r = res.begin(); r != res.end(); ++r)
        p.resources.emplace_back(r.key(), readUnsigned(r.value(), field + ".resources." + r.key()));
      if (auto sc = e.find("sched_class"); sc != e.end() && sc->is_string())
        p.schedClass = sc->get<std::string>();
      t.opcodes.emplace(it.key(), std::move(p));
    }

    auto sti = subtargetFor(t.cpu, at + "cpu: ");
    ResourceMap resources(sti->getSchedModel());
    t.resourceNames = resources.names();
    // Resources in the model's order, whatever order the file used.
    for (auto &[name, p] : t.opcodes)
      std::stable_sort(p.resources.begin(), p.resources.end(), [&](const auto &a, const auto &b) {
        return resources.index(a.first).value_or(~0u) < resources.index(b.first).value_or(~0u);
      });
    t.validate(*sti, source);
    return t;
  } catch (const json::exception &e) {
    throw support::InputError(at + e.what());
  }
}

ParamTable ParamTable::load(const std::string &path) { return fromJson(support::readJsonFile(path), path); }

json ParamTable::toJson() const {
  json ops = json::object();
  for (const auto &[name, p] : opcodes) {
    json res = json::object();
    for (const auto &[r, cycles] : p.resources)
      res[r] = cycles;
    json e = {{"micro_ops", p.microOps}, {"latencies", p.latencies}, {"read_advance", p.readAdvance},
              {"resources", res}};
    if (!p.schedClass.empty())
      e["sched_class"] = p.schedClass;
    ops[name] = e;
  }
  return json{{"format", kFormatName},
              {"version", kFormatVersion},
              {"llvm_version", llvmVersion},
              {"cpu", cpu},
              {"globals", {{"dispatch_width", dispatchWidth}, {"reorder_buffer_size", reorderBufferSize}}},
              {"opcodes", ops}};
}

void ParamTable::save(const std::string &path) const {
  // One opcode per line keeps large tables greppable and diffable.
  json j = toJson();
  std::ostringstream out;
  out << "{\n";
  bool first = true;
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it.key() == "opcodes")
      continue;
    out << (first ? "" : ",\n") << "  " << json(it.key()).dump() << ": " << it.value().dump();
    first = false;
  }
  out << ",\n  \"opcodes\": {";
  bool firstOp = true;
  for (auto it = j["opcodes"].begin(); it != j["opcodes"].end(); ++it) {
    out << (firstOp ? "\n" : ",\n") << "    " << json(it.key()).dump() << ": " << it.value().dump();
    firstOp = false;
  }
  out << (firstOp ? "}\n}\n" : "\n  }\n}\n");
  support::writeFileAtomically(path, out.str());
}

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

std::size_t ParamTable::parameterCount() const {
  std::size_t n = 2;
  for (const auto &[name, p] : opcodes)
    n += 1 + p.latencies.size() + p.readAdvance.size() + p.resources.size();
  return n;
}

std::vector<float> ParamTable::globalFeatures() const {
  return {static_cast<float>(dispatchWidth), static_cast<float>(reorderBufferSize)};
}

std::vector<std::string> ParamTable::globalFeatureNames() { return {"dispatch_width", "reorder_buffer_size"}; }

std::vector<float> ParamTable::opcodeFeatures(const std::string &opcode) const {
  std::vector<float> f(4 + resourceNames.size(), 0.0f);
  auto it = opcodes.find(opcode);
  if (it == opcodes.end())
    return f;
  const OpcodeParams &p = it->second;
  f[0] = static_cast<float>(p.microOps);
  if (!p.latencies.empty()) {
    f[1] = static_cast<float>(p.latencies.front());
    f[2] = static_cast<float>(*std::max_element(p.latencies.begin(), p.latencies.end()));
  }
  if (!p.readAdvance.empty())
    f[3] = static_cast<float>(*std::max_element(p.readAdvance.begin(), p.readAdvance.end()));
  for (const auto &[r, cycles] : p.resources) {
    auto pos = std::find(resourceNames.begin(), resourceNames.end(), r);
    if (pos != resourceNames.end())
      f[4 + (pos - resourceNames.begin())] = static_cast<float>(cycles);
  }
  return f;
}

std::vector<std::string> ParamTable::opcodeFeatureNames() const {
  std::vector<std::string> names = {"micro_ops", "latency", "max_latency", "max_read_advance"};
  for (const std::string &r : resourceNames)
    names.push_back("cycles_" + r);
  return names;
}

namespace {

std::string listText(const std::vector<unsigned> &v) {
  return "[" + llvm::join(llvm::map_range(v, [](unsigned x) { return std::to_string(x); }), ", ") + "]";
}

std::string resourceText(const std::vector<std::pair<std::string, unsigned>> &v) {
  std::vector<std::string> parts;
  for (const auto &[r, c] : v)
    parts.push_back(r + "=" + std::to_string(c));
  return "{" + llvm::join(parts, " ") + "}";
}

} // namespace

std::string diffTables(const ParamTable &a, const ParamTable &b) {
  std::string out;
  auto line = [&](const std::string &s) { out += s + "\n"; };
  if (a.cpu != b.cpu)
    line("cpu: " + a.cpu + " -> " + b.cpu);
  if (a.llvmVersion != b.llvmVersion)
    line("llvm_version: " + a.llvmVersion + " -> " + b.llvmVersion);
  if (a.dispatchWidth != b.dispatchWidth)
    line(fmt::format("globals.dispatch_width: {} -> {}", a.dispatchWidth, b.dispatchWidth));
  if (a.reorderBufferSize != b.reorderBufferSize)
    line(fmt::format("globals.reorder_buffer_size: {} -> {}", a.reorderBufferSize, b.reorderBufferSize));
  std::set<std::string> names;
  for (const auto &[n, p] : a.opcodes)
    names.insert(n);
  for (const auto &[n, p] : b.opcodes)
    names.insert(n);
  for (const std::string &n : names) {
    auto ia = a.opcodes.find(n), ib = b.opcodes.find(n);
    if (ia == a.opcodes.end()) {
      line("+ " + n + " (only in the second table)");
      continue;
    }
    if (ib == b.opcodes.end()) {
      line("- " + n + " (only in the first table)");
      continue;
    }
    const OpcodeParams &pa = ia->second, &pb = ib->second;
    if (pa.microOps != pb.microOps)
      line(fmt::format("{}.micro_ops: {} -> {}", n, pa.microOps, pb.microOps));
    if (pa.latencies != pb.latencies)
      line(n + ".latencies: " + listText(pa.latencies) + " -> " + listText(pb.latencies));
    if (pa.readAdvance != pb.readAdvance)
      line(n + ".read_advance: " + listText(pa.readAdvance) + " -> " + listText(pb.readAdvance));
    if (pa.resources != pb.resources)
      line(n + ".resources: " + resourceText(pa.resources) + " -> " + resourceText(pb.resources));
  }
  return out;
}

} // namespace surrogate::mca
