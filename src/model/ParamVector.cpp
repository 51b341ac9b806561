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

namespace {

// Targets: every free value rounded and clamped; fixed ones at default.
std::vector<unsigned> targetValues(const std::vector<float> &values, const std::vector<std::uint8_t> &free,
                                   const std::vector<float> &initial, const std::vector<float> &lower,
                                   const std::vector<float> &upper) {
  std::vector<unsigned> target(values.size());
  for (std::size_t i = 0; i < values.size(); ++i)
    target[i] = free[i] ? roundClamped(toRaw(values[i]), lower[i], upper[i])
                        : static_cast<unsigned>(std::lround(toRaw(initial[i])));
  return target;
}

// The latencies of the entry whose row starts at `base`.
std::vector<unsigned> latenciesFrom(const mca::OpcodeParams &d, const std::vector<float> &values,
                                    const std::vector<unsigned> &target, const std::vector<float> &lower,
                                    const std::vector<float> &upper, std::size_t base) {
  std::vector<unsigned> latencies = d.latencies;
  if (latencies.size() == 1) {
    // Both features describe the one write; the surrogate never saw them differ.
    double mean = (toRaw(values[base + 1]) + toRaw(values[base + 2])) / 2;
    latencies[0] = roundClamped(mean, lower[base + 1], upper[base + 1]);
  } else if (!latencies.empty()) {
    // First write exact; the others move with the largest.
    long shift = long(target[base + 2]) - long(*std::max_element(d.latencies.begin(), d.latencies.end()));
    latencies[0] = target[base + 1];
    for (std::size_t i = 1; i < latencies.size(); ++i)
      latencies[i] = static_cast<unsigned>(std::max(0L, long(d.latencies[i]) + shift));
  }
  return latencies;
}

// The read advances of an entry, all moved with the largest to `largest`.
std::vector<unsigned> readAdvancesFrom(const mca::OpcodeParams &d, unsigned largest) {
  std::vector<unsigned> readAdvance = d.readAdvance;
  if (!readAdvance.empty()) {
    long shift = long(largest) - long(*std::max_element(d.readAdvance.begin(), d.readAdvance.end()));
    for (std::size_t i = 0; i < readAdvance.size(); ++i)
      readAdvance[i] = static_cast<unsigned>(std::max(0L, long(d.readAdvance[i]) + shift));
  }
  return readAdvance;
}

// The port map of an entry with resources, from the row starting at `base`.
// The features are expanded cycles (groups include members): go to the
// explicit form, keep the structure the model defines (the sampler's rule),
// and expand again so groups stay consistent with their ports.
std::vector<std::pair<std::string, unsigned>> resourcesFrom(const mca::OpcodeParams &d,
                                                            const std::vector<std::string> &resourceNames,
                                                            const std::vector<unsigned> &target, std::size_t base,
                                                            const mca::ResourceMap &resourceMap,
                                                            const mca::SamplingRanges &ranges) {
  mca::ResourceMap::Cycles wanted, defaultsExpanded;
  for (const auto &[name, cycles] : d.resources) {
    if (cycles == 0)
      continue;
    defaultsExpanded.emplace_back(name, cycles);
    auto pos = std::find(resourceNames.begin(), resourceNames.end(), name);
    wanted.emplace_back(name, pos == resourceNames.end() ? long(cycles)
                                                         : long(target[base + TableFeatures::kFirstResource + (pos - resourceNames.begin())]));
  }
  mca::ResourceMap::Cycles defaultExplicit = resourceMap.toExplicit(defaultsExpanded);
  mca::ResourceMap::Cycles explicitCycles = resourceMap.toExplicit(wanted);
  for (auto &[name, cycles] : explicitCycles) {
    auto def = std::find_if(defaultExplicit.begin(), defaultExplicit.end(),
                            [&](const auto &e) { return e.first == name; });
    bool named = def != defaultExplicit.end() && def->second > 0;
    cycles = named ? std::max<long>(ranges.resourceCyclesMin, cycles) : 0;
  }
  std::vector<std::pair<std::string, unsigned>> resources;
  for (const auto &[name, cycles] : resourceMap.toExpanded(explicitCycles))
    resources.emplace_back(name, static_cast<unsigned>(std::max(0L, cycles)));
  std::sort(resources.begin(), resources.end(),
            [&](const auto &a, const auto &b) { return *resourceMap.index(a.first) < *resourceMap.index(b.first); });
  return resources;
}

// Free features of the row starting at `base` that the table, as written,
// does not give the surrogate as asked.
std::size_t mismatchedFeatures(const mca::ParamTable &t, const std::string &key, const std::vector<std::uint8_t> &free,
                               const std::vector<unsigned> &target, std::size_t base, std::size_t width) {
  std::size_t mismatched = 0;
  std::vector<float> after = TableFeatures::rawOpcode(t, key);
  bool oneLatency = t.opcodes.at(key).latencies.size() == 1;
  for (std::size_t k = 0; k < width; ++k)
    if (free[base + k] && std::lround(after[k]) != long(target[base + k]) && !(k <= 2 && oneLatency))
      ++mismatched;
  return mismatched;
}

// The resolutions of a variant key's opcode other than `key`: the surrogate
// does not see them (ParamFeatures takes each opcode's first).
std::size_t otherResolutions(const mca::ParamTable &t, const std::string &key) {
  auto slash = key.find('/');
  if (slash == std::string::npos)
    return 0;
  std::size_t others = 0;
  std::string prefix = key.substr(0, slash + 1);
  for (auto it = t.opcodes.lower_bound(prefix); it != t.opcodes.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it)
    others += it->first != key;
  return others;
}

// Globals and opcode entries of `t` that differ from `defaults`.
std::size_t changedEntries(const mca::ParamTable &t, const mca::ParamTable &defaults) {
  std::size_t changed = (t.dispatchWidth != defaults.dispatchWidth) + (t.reorderBufferSize != defaults.reorderBufferSize);
  for (const auto &[key, p] : t.opcodes)
    changed += p != defaults.opcodes.at(key);
  return changed;
}

} // namespace

std::vector<float> ParamVector::asWritten(const std::vector<float> &values) const {
  mca::ParamTable t = toTable(values);
  std::vector<float> out = values;
  std::vector<float> globals = TableFeatures::rawGlobals(t);
  for (std::size_t k = 0; k < globals.size(); ++k)
    if (Free[k])
      out[k] = toFeature(globals[k]);
  for (std::size_t r = 0; r < Rows.size(); ++r) {
    if (Rows[r].key.empty())
      continue;
    std::vector<float> raw = TableFeatures::rawOpcode(t, Rows[r].key);
    std::size_t base = globals.size() + r * Width;
    for (std::size_t k = 0; k < Width; ++k)
      if (Free[base + k])
        out[base + k] = toFeature(raw[k]);
  }
  return out;
}

mca::ParamTable ParamVector::toTable(const std::vector<float> &values, MappingStats *statsOut) const {
  if (values.size() != Initial.size())
    throw std::invalid_argument("parameter vector of " + std::to_string(values.size()) + " values; expected " +
                                std::to_string(Initial.size()));
  MappingStats stats;
  stats.features = values.size();
  stats.freeFeatures = freeCount();
  stats.fixedFeatures = stats.features - stats.freeFeatures;
  std::vector<unsigned> target = targetValues(values, Free, Initial, Lower, Upper);

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
    p.latencies = latenciesFrom(d, values, target, Lower, Upper, base);
    stats.mergedLatencies += d.latencies.size() == 1;
    p.readAdvance = readAdvancesFrom(d, target[base + 3]);
    if (!d.resources.empty())
      p.resources = resourcesFrom(d, t.resourceNames, target, base, Resources, Ranges);
    // What the surrogate will see for this table, against what was asked.
    stats.mismatched += mismatchedFeatures(t, Rows[r].key, Free, target, base, Width);
  }
  for (const Row &row : Rows)
    stats.variantKeysAtDefault += otherResolutions(t, row.key);
  stats.changedParameters = changedEntries(t, Defaults);
  if (statsOut)
    *statsOut = stats;
  return t;
}

} // namespace surrogate::model
