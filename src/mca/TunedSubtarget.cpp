// TunedSubtarget: LLVM's scheduling tables copied with a table's values, one new class per tuned opcode.
#include "surrogate/mca/TunedSubtarget.h"

#include <map>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <llvm/MC/MCInstrInfo.h>

#include "surrogate/block/Target.h"

namespace surrogate::mca {

using namespace llvm;

namespace {

// Appends runs of table entries, reusing an identical run already stored so
// that a table close to LLVM's defaults stays as small as LLVM's own.
template <typename Entry, typename KeyFn> class RunPool {
public:
  RunPool(std::vector<Entry> &table, const char *what, KeyFn key) : Table(table), What(what), Key(key) {
    Table.push_back(Entry{});  // index 0 is unused, as in LLVM's tables
  }
  uint16_t add(const std::vector<Entry> &run) {
    if (run.empty())
      return 0;
    std::vector<uint64_t> key;
    for (const Entry &e : run)
      key.push_back(Key(e));
    auto [it, inserted] = Runs.emplace(std::move(key), static_cast<unsigned>(Table.size()));
    if (inserted) {
      if (Table.size() > 0xFFFF)
        throw support::InputError(fmt::format(
            "the table needs more than 65,535 {} entries, the most LLVM's 16-bit scheduling-class indices can "
            "address; restrict it to the opcodes your blocks use (params export/sample --blocks FILE)",
            What));
      Table.insert(Table.end(), run.begin(), run.end());
    }
    return static_cast<uint16_t>(it->second);
  }

private:
  std::vector<Entry> &Table;
  const char *What;
  KeyFn Key;
  std::map<std::vector<uint64_t>, unsigned> Runs;
};

template <typename Entry, typename KeyFn> RunPool<Entry, KeyFn> makePool(std::vector<Entry> &t, const char *w, KeyFn k) {
  return RunPool<Entry, KeyFn>(t, w, k);
}

// The three runs of table entries a scheduling class points at.
struct ClassRuns {
  std::vector<MCWriteProcResEntry> resources;
  std::vector<MCWriteLatencyEntry> latencies;
  std::vector<MCReadAdvanceEntry> advances;
};

// A class's runs as LLVM's model has them.
ClassRuns runsOf(const MCSubtargetInfo &sti, const MCSchedClassDesc &sc) {
  ClassRuns runs;
  runs.resources.assign(sti.getWriteProcResBegin(&sc), sti.getWriteProcResBegin(&sc) + sc.NumWriteProcResEntries);
  for (unsigned i = 0; i < sc.NumWriteLatencyEntries; ++i)
    runs.latencies.push_back(*sti.getWriteLatencyEntry(&sc, i));
  ArrayRef<MCReadAdvanceEntry> entries = sti.getReadAdvanceEntries(sc);
  runs.advances.assign(entries.begin(), entries.end());
  return runs;
}

// A class's runs carrying an opcode's values from the table: its ports'
// cycles (each port keeping LLVM's acquire cycle), latencies and read advances.
ClassRuns tunedRuns(const MCSubtargetInfo &sti, const MCSchedModel &sm, const MCSchedClassDesc &sc,
                    const OpcodeParams &p) {
  ClassRuns defaults = runsOf(sti, sc);
  ClassRuns runs;
  for (const auto &[resource, cycles] : p.resources) {
    if (cycles == 0)
      continue;  // llvm-mca ignores zero-cycle writes
    uint16_t idx = 0;
    for (unsigned i = 1; i < sm.getNumProcResourceKinds(); ++i)
      if (resource == sm.getProcResource(i)->Name)
        idx = static_cast<uint16_t>(i);
    uint16_t acquire = 0;
    for (const MCWriteProcResEntry &d : defaults.resources)
      if (d.ProcResourceIdx == idx)
        acquire = d.AcquireAtCycle;
    runs.resources.push_back({idx, static_cast<uint16_t>(cycles), acquire});
  }
  runs.latencies = defaults.latencies;
  for (std::size_t i = 0; i < runs.latencies.size(); ++i)
    runs.latencies[i].Cycles = static_cast<int16_t>(p.latencies[i]);
  runs.advances = defaults.advances;
  for (std::size_t i = 0; i < runs.advances.size(); ++i)
    runs.advances[i].Cycles = static_cast<int>(p.readAdvance[i]);
  return runs;
}

} // namespace

namespace detail {

TunedTables::TunedTables(const ParamTable &table, std::unique_ptr<MCSubtargetInfo> orig)
    : original(std::move(orig)), model(original->getSchedModel()) {
  const MCSchedModel &sm = original->getSchedModel();
  const MCSubtargetInfo &sti = *original;
  const MCInstrInfo &mcii = block::X86Target::get().instrInfo();

  auto resources = makePool(writeResources, "write-resource", [](const MCWriteProcResEntry &e) {
    return uint64_t(e.ProcResourceIdx) << 32 | uint64_t(e.ReleaseAtCycle) << 16 | e.AcquireAtCycle;
  });
  auto latencies = makePool(writeLatencies, "write-latency", [](const MCWriteLatencyEntry &e) {
    return uint64_t(uint16_t(e.Cycles)) << 16 | e.WriteResourceID;
  });
  auto advances = makePool(readAdvances, "read-advance", [](const MCReadAdvanceEntry &e) {
    return uint64_t(e.UseIdx) << 48 | uint64_t(e.WriteResourceID) << 24 | uint32_t(e.Cycles);
  });

  auto place = [&](MCSchedClassDesc &sc, const ClassRuns &runs) {
    sc.WriteProcResIdx = resources.add(runs.resources);
    sc.NumWriteProcResEntries = static_cast<uint16_t>(runs.resources.size());
    sc.WriteLatencyIdx = latencies.add(runs.latencies);
    sc.NumWriteLatencyEntries = static_cast<uint16_t>(runs.latencies.size());
    sc.ReadAdvanceIdx = advances.add(runs.advances);
    sc.NumReadAdvanceEntries = static_cast<uint16_t>(runs.advances.size());
  };

  // LLVM's classes keep their numbers, so variant resolution still applies.
  classes.reserve(sm.NumSchedClasses + table.opcodes.size());
  for (unsigned c = 0; c < sm.NumSchedClasses; ++c) {
    MCSchedClassDesc sc = *sm.getSchedClassDesc(c);
    place(sc, runsOf(sti, sc));
    classes.push_back(sc);
  }

  // One class per opcode in the table.
  classOfOpcode.assign(mcii.getNumOpcodes(), 0);
  for (const auto &[name, p] : table.opcodes) {
    TableKey key = resolveTableKey(sti, name, name);
    unsigned opcode = key.opcode;
    MCSchedClassDesc sc = *sm.getSchedClassDesc(key.schedClass);
    ClassRuns runs = tunedRuns(sti, sm, sc, p);
    sc.NumMicroOps = p.microOps;
    place(sc, runs);
    if (key.variant)
      variantClasses[variantKey(opcode, key.schedClass)] = static_cast<unsigned>(classes.size());
    else
      classOfOpcode[opcode] = static_cast<unsigned>(classes.size());
    classes.push_back(sc);
  }

  spdlog::debug("tuned {} model: {} classes, {} write-resource, {} write-latency, {} read-advance entries",
                table.cpu, classes.size(), writeResources.size(), writeLatencies.size(), readAdvances.size());
  model.SchedClassTable = classes.data();
  model.NumSchedClasses = static_cast<unsigned>(classes.size());
  model.IssueWidth = table.dispatchWidth;
  model.MicroOpBufferSize = static_cast<int>(table.reorderBufferSize);

  ArrayRef<SubtargetSubTypeKV> procs = original->getAllProcessorDescriptions();
  processors.assign(procs.begin(), procs.end());
  for (SubtargetSubTypeKV &p : processors)
    if (original->getTuneCPU() == p.Key)
      p.SchedModel = &model;
}

} // namespace detail

TunedSubtarget::TunedSubtarget(const ParamTable &table, std::unique_ptr<MCSubtargetInfo> orig)
    : TunedTables(table, std::move(orig)),
      MCSubtargetInfo(original->getTargetTriple(), original->getCPU(), original->getTuneCPU(),
                      original->getFeatureString(), original->getAllProcessorFeatures(), processors,
                      writeResources.data(), writeLatencies.data(), readAdvances.data(), nullptr, nullptr, nullptr) {
}

std::unique_ptr<TunedSubtarget> TunedSubtarget::create(const ParamTable &table, const std::string &source) {
  auto sti = block::X86Target::get().createSubtarget(table.cpu, source + ": cpu: ");
  table.validate(*sti, source);
  return std::unique_ptr<TunedSubtarget>(new TunedSubtarget(table, std::move(sti)));
}

std::unique_ptr<MCSubtargetInfo> createSimulationSubtarget(const std::string &cpu, const std::string &paramsFile) {
  if (paramsFile.empty()) {
    auto sti = block::X86Target::get().createSubtarget(cpu.empty() ? "haswell" : cpu);
    return sti;
  }
  ParamTable table = ParamTable::load(paramsFile);
  if (!cpu.empty() && cpu != table.cpu)
    throw support::InputError(paramsFile + ": cpu: the table is for '" + table.cpu + "' but --mcpu is '" + cpu + "'");
  return TunedSubtarget::create(table, paramsFile);
}

unsigned TunedSubtarget::resolveVariantSchedClass(unsigned schedClass, const MCInst *inst, const MCInstrInfo *mcii,
                                                  unsigned cpuId) const {
  unsigned resolved = original->resolveVariantSchedClass(schedClass, inst, mcii, cpuId);
  if (inst && !variantClasses.empty()) {
    auto it = variantClasses.find(variantKey(inst->getOpcode(), resolved));
    if (it != variantClasses.end())
      return it->second;
  }
  return resolved;
}

} // namespace surrogate::mca
