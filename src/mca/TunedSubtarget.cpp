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

  auto resourceRun = [&](const MCSchedClassDesc &sc) {
    return std::vector<MCWriteProcResEntry>(sti.getWriteProcResBegin(&sc),
                                            sti.getWriteProcResBegin(&sc) + sc.NumWriteProcResEntries);
  };
  auto latencyRun = [&](const MCSchedClassDesc &sc) {
    std::vector<MCWriteLatencyEntry> run;
    for (unsigned i = 0; i < sc.NumWriteLatencyEntries; ++i)
      run.push_back(*sti.getWriteLatencyEntry(&sc, i));
    return run;
  };
  auto advanceRun = [&](const MCSchedClassDesc &sc) {
    ArrayRef<MCReadAdvanceEntry> entries = sti.getReadAdvanceEntries(sc);
    return std::vector<MCReadAdvanceEntry>(entries.begin(), entries.end());
  };
  auto place = [&](MCSchedClassDesc &sc, const std::vector<MCWriteProcResEntry> &res,
                   const std::vector<MCWriteLatencyEntry> &lat, const std::vector<MCReadAdvanceEntry> &ra) {
    sc.WriteProcResIdx = resources.add(res);
    sc.NumWriteProcResEntries = static_cast<uint16_t>(res.size());
    sc.WriteLatencyIdx = latencies.add(lat);
    sc.NumWriteLatencyEntries = static_cast<uint16_t>(lat.size());
    sc.ReadAdvanceIdx = advances.add(ra);
    sc.NumReadAdvanceEntries = static_cast<uint16_t>(ra.size());
  };

  // LLVM's classes keep their numbers, so variant resolution still applies.
  classes.reserve(sm.NumSchedClasses + table.opcodes.size());
  for (unsigned c = 0; c < sm.NumSchedClasses; ++c) {
    MCSchedClassDesc sc = *sm.getSchedClassDesc(c);
    place(sc, resourceRun(sc), latencyRun(sc), advanceRun(sc));
    classes.push_back(sc);
  }

  // One class per opcode in the table.
  classOfOpcode.assign(mcii.getNumOpcodes(), 0);
  for (const auto &[name, p] : table.opcodes) {
    TableKey key = resolveTableKey(sti, name, name);
    unsigned opcode = key.opcode;
    MCSchedClassDesc sc = *sm.getSchedClassDesc(key.schedClass);
    std::vector<MCWriteProcResEntry> defaultRes = resourceRun(sc);
    std::vector<MCWriteProcResEntry> res;
    for (const auto &[resource, cycles] : p.resources) {
      if (cycles == 0)
        continue;  // llvm-mca ignores zero-cycle writes
      uint16_t idx = 0;
      for (unsigned i = 1; i < sm.getNumProcResourceKinds(); ++i)
        if (resource == sm.getProcResource(i)->Name)
          idx = static_cast<uint16_t>(i);
      uint16_t acquire = 0;
      for (const MCWriteProcResEntry &d : defaultRes)
        if (d.ProcResourceIdx == idx)
          acquire = d.AcquireAtCycle;
      res.push_back({idx, static_cast<uint16_t>(cycles), acquire});
    }
    std::vector<MCWriteLatencyEntry> lat = latencyRun(sc);
    for (std::size_t i = 0; i < lat.size(); ++i)
      lat[i].Cycles = static_cast<int16_t>(p.latencies[i]);
    std::vector<MCReadAdvanceEntry> ra = advanceRun(sc);
    for (std::size_t i = 0; i < ra.size(); ++i)
      ra[i].Cycles = static_cast<int>(p.readAdvance[i]);
    sc.NumMicroOps = p.microOps;
    place(sc, res, lat, ra);
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
