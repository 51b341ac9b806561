// ParamVector: a table's free features and bounds as a flat vector, and a vector written back into a table.
#include "surrogate/model/ParamVector.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "surrogate/block/Target.h"
#include "surrogate/model/TableFeatures.h"

namespace surrogate::model {

namespace {

const llvm::MCSchedModel &schedModelOf(const std::string &cpu) {
  auto sti = block::X86Target::get().createSubtarget(cpu);
  return sti->getSchedModel();  // static data of the LLVM library
}

float toFeature(double raw) { return TableFeatures::toFeature(raw); }
double toRaw(float feature) { return TableFeatures::toRaw(feature); }

unsigned roundClamped(double raw, float lowerFeature, float upperFeature) {
  double lo = std::round(toRaw(lowerFeature)), hi = std::round(toRaw(upperFeature));
  return static_cast<unsigned>(std::clamp(std::round(raw), lo, hi));
}

} // namespace

nlohmann::json MappingStats::toJson() const {
  return {{"features", features},
          {"free_features", freeFeatures},
          {"fixed_features_left_at_default", fixedFeatures},
          {"opcodes_without_table_entry", opcodesWithoutEntry},
          {"variant_resolutions_left_at_default", variantKeysAtDefault},
          {"one_write_latencies_merged", mergedLatencies},
          {"free_features_not_matched_exactly", mismatched},
          {"changed_entries", changedParameters}};
}

ParamVector::ParamVector(mca::ParamTable defaults, std::vector<unsigned> opcodes, mca::SamplingRanges ranges)
    : Defaults(std::move(defaults)), Opcodes(std::move(opcodes)), Width(TableFeatures::opcodeWidth(Defaults)),
      Resources(schedModelOf(Defaults.cpu)), Ranges(ranges) {
  auto push = [&](double value, double lo, double hi, bool free, double scale = 1) {
    auto [from, to] = Ranges.window(value, lo, hi, scale);
    Initial.push_back(toFeature(value));
    Lower.push_back(toFeature(from));
    Upper.push_back(toFeature(to));
    Free.push_back(free);
  };
  push(Defaults.dispatchWidth, Ranges.dispatchWidthMin, Ranges.dispatchWidthMax, true);
  push(Defaults.reorderBufferSize, Ranges.reorderBufferMin, Ranges.reorderBufferMax, true);

  for (unsigned opcode : Opcodes) {
    Row row;
    row.key = TableFeatures::keyFor(Defaults, opcode);
    std::vector<float> f = TableFeatures::rawOpcode(Defaults, row.key);  // zeros without an entry
    if (row.key.empty()) {
      for (float v : f)
        push(v, v, v, false);
      Rows.push_back(row);
      continue;
    }
    const mca::OpcodeParams &p = Defaults.opcodes.at(row.key);
    std::size_t explicitCount = 0;
    mca::ResourceMap::Cycles expanded;
    for (const auto &[r, c] : p.resources)
      if (c > 0)
        expanded.emplace_back(r, c);
    for (const auto &[r, c] : Resources.toExplicit(expanded))
      explicitCount += c > 0;
    using F = TableFeatures;
    push(f[F::kMicroOps], Ranges.microOpsMin, Ranges.microOpsMax, true);
    push(f[F::kLatency], Ranges.latencyMin, Ranges.latencyMax, !p.latencies.empty());
    push(f[F::kMaxLatency], Ranges.latencyMin, Ranges.latencyMax, !p.latencies.empty());
    push(f[F::kMaxReadAdvance], Ranges.readAdvanceMin, Ranges.readAdvanceMax, !p.readAdvance.empty());
    for (std::size_t k = F::kFirstResource; k < Width; ++k) {
      bool used = f[k] > 0;
      // A group's cycles include its members', so its range grows with them.
      double members = static_cast<double>(std::max<std::size_t>(1, explicitCount));
      double hi = used ? double(Ranges.resourceCyclesMax) * members : 0.0;
      push(f[k], used ? Ranges.resourceCyclesMin : 0.0, hi, used, members);
    }
    Rows.push_back(row);
  }
}

long ParamVector::rowOf(unsigned opcode) const {
  auto it = std::find(Opcodes.begin(), Opcodes.end(), opcode);
  return it == Opcodes.end() ? -1 : static_cast<long>(it - Opcodes.begin());
}

std::string ParamVector::featureName(std::size_t i) const {
  if (i < globals())
    return TableFeatures::globalNames()[i];
  std::size_t row = (i - globals()) / Width, k = (i - globals()) % Width;
  std::string key = Rows[row].key.empty() ? block::X86Target::get().instrInfo().getName(Opcodes[row]).str()
                                          : Rows[row].key;
  return key + "." + TableFeatures::opcodeNames(Defaults)[k];
}

std::size_t ParamVector::freeCount() const { return std::count(Free.begin(), Free.end(), 1); }

mca::ParamTable ParamVector::toTable(const std::vector<float> &values, MappingStats *statsOut) const {
  if (values.size() != Initial.size())
    throw std::invalid_argument("parameter vector of " + std::to_string(values.size()) + " values; expected " +
                                std::to_string(Initial.size()));
  MappingStats stats;
  stats.features = values.size();
  stats.freeFeatures = freeCount();
  stats.fixedFeatures = stats.features - stats.freeFeatures;
  // Targets: every free value rounded and clamped; fixed ones at default.
  std::vector<unsigned> target(values.size());
  for (std::size_t i = 0; i < values.size(); ++i)
    target[i] = Free[i] ? roundClamped(toRaw(values[i]), Lower[i], Upper[i])
                        : static_cast<unsigned>(std::lround(toRaw(Initial[i])));

  mca::ParamTable t = Defaults;
  t.dispatchWidth = target[0];
  t.reorderBufferSize = target[1];
  for (std::size_t r = 0; r < Rows.size(); ++r) {
    if (Rows[r].key.empty()) {
      ++stats.opcodesWithoutEntry;
      continue;
    }
    std::size_t base = 2 + r * Width;
    const mca::OpcodeParams &d = Defaults.opcodes.at(Rows[r].key);
    mca::OpcodeParams &p = t.opcodes.at(Rows[r].key);
    p.microOps = target[base];
    if (p.latencies.size() == 1) {
      // Both features describe the one write; the surrogate never saw them differ.
      double mean = (toRaw(values[base + 1]) + toRaw(values[base + 2])) / 2;
      p.latencies[0] = roundClamped(mean, Lower[base + 1], Upper[base + 1]);
      ++stats.mergedLatencies;
    } else if (!p.latencies.empty()) {
      // First write exact; the others move with the largest.
      long shift = long(target[base + 2]) - long(*std::max_element(d.latencies.begin(), d.latencies.end()));
      p.latencies[0] = target[base + 1];
      for (std::size_t i = 1; i < p.latencies.size(); ++i)
        p.latencies[i] = static_cast<unsigned>(std::max(0L, long(d.latencies[i]) + shift));
    }
    if (!p.readAdvance.empty()) {
      long shift = long(target[base + 3]) - long(*std::max_element(d.readAdvance.begin(), d.readAdvance.end()));
      for (std::size_t i = 0; i < p.readAdvance.size(); ++i)
        p.readAdvance[i] = static_cast<unsigned>(std::max(0L, long(d.readAdvance[i]) + shift));
    }
    if (!d.resources.empty()) {
      // The features are expanded cycles (groups include members): go to the
      // explicit form, keep the structure the model defines (the sampler's
      // rule), and expand again so groups stay consistent with their ports.
      mca::ResourceMap::Cycles wanted, defaultsExpanded;
      for (const auto &[name, cycles] : d.resources) {
        if (cycles == 0)
          continue;
        defaultsExpanded.emplace_back(name, cycles);
        auto pos = std::find(t.resourceNames.begin(), t.resourceNames.end(), name);
        wanted.emplace_back(name, pos == t.resourceNames.end() ? long(cycles)
                                                               : long(target[base + TableFeatures::kFirstResource + (pos - t.resourceNames.begin())]));
      }
      mca::ResourceMap::Cycles defaultExplicit = Resources.toExplicit(defaultsExpanded);
      mca::ResourceMap::Cycles explicitCycles = Resources.toExplicit(wanted);
      for (auto &[name, cycles] : explicitCycles) {
        auto def = std::find_if(defaultExplicit.begin(), defaultExplicit.end(),
                                [&](const auto &e) { return e.first == name; });
        bool named = def != defaultExplicit.end() && def->second > 0;
        cycles = named ? std::max<long>(Ranges.resourceCyclesMin, cycles) : 0;
      }
      std::vector<std::pair<std::string, unsigned>> resources;
      for (const auto &[name, cycles] : Resources.toExpanded(explicitCycles))
        resources.emplace_back(name, static_cast<unsigned>(std::max(0L, cycles)));
      std::sort(resources.begin(), resources.end(),
                [&](const auto &a, const auto &b) { return *Resources.index(a.first) < *Resources.index(b.first); });
      p.resources = std::move(resources);
    }
    // What the surrogate will see for this table, against what was asked.
    std::vector<float> after = TableFeatures::rawOpcode(t, Rows[r].key);
    for (std::size_t k = 0; k < Width; ++k)
      if (Free[base + k] && std::lround(after[k]) != long(target[base + k]) &&
          !(k <= 2 && p.latencies.size() == 1))
        ++stats.mismatched;
  }
  // Resolutions the surrogate does not see (ParamFeatures takes each opcode's first).
  for (std::size_t r = 0; r < Rows.size(); ++r) {
    const std::string &key = Rows[r].key;
    auto slash = key.find('/');
    if (slash == std::string::npos)
      continue;
    std::string prefix = key.substr(0, slash + 1);
    for (auto it = t.opcodes.lower_bound(prefix); it != t.opcodes.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it)
      stats.variantKeysAtDefault += it->first != key;
  }
  stats.changedParameters = (t.dispatchWidth != Defaults.dispatchWidth) + (t.reorderBufferSize != Defaults.reorderBufferSize);
  for (const auto &[key, p] : t.opcodes)
    stats.changedParameters += p != Defaults.opcodes.at(key);
  if (statsOut)
    *statsOut = stats;
  return t;
}

} // namespace surrogate::model
