// ParamSampler: a random table drawn per (seed, index) within SamplingRanges, near LLVM's defaults with p < 1.
#include "surrogate/mca/ParamSampler.h"

#include <algorithm>

#include "surrogate/block/Target.h"

namespace surrogate::mca {

namespace {

// A generator keyed by (seed, index); std::seed_seq and mt19937_64 are fully
// specified by the standard, so the tables are the same on every platform.
class Draw {
public:
  Draw(std::uint64_t seed, std::uint64_t index)
      : Engine([&] {
          std::seed_seq seq{uint32_t(seed), uint32_t(seed >> 32), uint32_t(index), uint32_t(index >> 32)};
          return std::mt19937_64(seq);
        }()) {}
  unsigned operator()(unsigned lo, unsigned hi) {
    // Modulo of a 64-bit draw: the bias is below 1e-17 for these ranges, and
    // unlike std::uniform_int_distribution the result is portable.
    return lo + static_cast<unsigned>(Engine() % (std::uint64_t(hi) - lo + 1));
  }
  /// True with probability p (53-bit uniform, portable).
  bool chance(double p) { return p >= 1.0 || double(Engine() >> 11) * 0x1.0p-53 < p; }

private:
  std::mt19937_64 Engine;
};

const llvm::MCSchedModel &modelOf(const std::string &cpu) {
  auto sti = block::X86Target::get().createSubtarget(cpu);
  // Scheduling models are static data of the LLVM library.
  return sti->getSchedModel();
}

} // namespace

std::pair<double, double> SamplingRanges::window(double center, double lo, double hi, double scale) const {
  lo = std::min(lo, center);
  hi = std::max(hi, center);
  if (radius > 0) {
    lo = std::max(lo, center - radius * scale);
    hi = std::min(hi, center + radius * scale);
  }
  return {lo, hi};
}

nlohmann::json SamplingRanges::toJson() const {
  nlohmann::json j = {{"dispatch_width", {dispatchWidthMin, dispatchWidthMax}},
          {"reorder_buffer_size", {reorderBufferMin, reorderBufferMax}},
          {"micro_ops", {microOpsMin, microOpsMax}},
          {"latency", {latencyMin, latencyMax}},
          {"read_advance", {readAdvanceMin, readAdvanceMax}},
          {"resource_cycles", {resourceCyclesMin, resourceCyclesMax}},
          {"perturb_probability", perturbProbability}};
  if (radius > 0) j["radius"] = radius;  // absent: the whole range, as before trust regions
  return j;
}

ParamSampler::ParamSampler(ParamTable defaults, std::uint64_t seed, SamplingRanges ranges)
    : Defaults(std::move(defaults)), Seed(seed), Ranges(ranges), Resources(modelOf(Defaults.cpu)) {
  if (!(Ranges.perturbProbability > 0 && Ranges.perturbProbability <= 1))
    throw support::InputError("perturbation probability must be in (0, 1]; got " + std::to_string(Ranges.perturbProbability));
}

ParamTable ParamSampler::sample(std::uint64_t index) const {
  Draw draw(Seed, index);
  const double p = Ranges.perturbProbability;
  // Redraws `value` with probability p; the draw order is fixed, so table i
  // depends only on (seed, i, ranges).
  auto maybe = [&](unsigned &value, unsigned lo, unsigned hi) {
    if (!draw.chance(p)) return;
    if (Ranges.radius == 0) {
      value = draw(lo, hi);
      return;
    }
    auto [from, to] = Ranges.window(value, lo, hi);
    value = draw(static_cast<unsigned>(from), static_cast<unsigned>(to));
  };
  ParamTable t = Defaults;
  maybe(t.dispatchWidth, Ranges.dispatchWidthMin, Ranges.dispatchWidthMax);
  maybe(t.reorderBufferSize, Ranges.reorderBufferMin, Ranges.reorderBufferMax);
  for (auto &[name, op] : t.opcodes) {
    maybe(op.microOps, Ranges.microOpsMin, Ranges.microOpsMax);
    for (unsigned &l : op.latencies)
      maybe(l, Ranges.latencyMin, Ranges.latencyMax);
    for (unsigned &r : op.readAdvance)
      maybe(r, Ranges.readAdvanceMin, Ranges.readAdvanceMax);
    // Draw the cycles of what TableGen names explicitly; groups that only
    // contain those stay implied and get their members' totals.
    ResourceMap::Cycles expanded;
    for (const auto &[r, c] : op.resources)
      if (c > 0)
        expanded.emplace_back(r, c);
    ResourceMap::Cycles explicitCycles = Resources.toExplicit(expanded);
    for (auto &[r, c] : explicitCycles)
      if (c > 0) {
        unsigned cycles = static_cast<unsigned>(c);
        maybe(cycles, Ranges.resourceCyclesMin, Ranges.resourceCyclesMax);
        c = cycles;
      }
    std::vector<std::pair<std::string, unsigned>> resources;
    for (const auto &[r, c] : Resources.toExpanded(explicitCycles))
      resources.emplace_back(r, static_cast<unsigned>(c));
    std::sort(resources.begin(), resources.end(), [&](const auto &a, const auto &b) {
      return *Resources.index(a.first) < *Resources.index(b.first);
    });
    op.resources = std::move(resources);
  }
  return t;
}

} // namespace surrogate::mca
