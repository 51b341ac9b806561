#pragma once
// Random parameter tables for training a surrogate over llvm-mca's parameter
// space. Each value is drawn independently and uniformly from a fixed integer
// range (DiffTune's scheme). With a perturbation probability p < 1 each value
// is redrawn only with probability p and otherwise keeps LLVM's default, so
// the tables stay near the defaults, where tuning starts. A port map keeps the
// ports and groups the opcode's TableGen definition names; their cycles are
// drawn and the groups' totals derived, so every table simulates. Table i of
// a seed depends only on (seed, i): same seed, same tables, in any order.

#include <cstdint>
#include <random>
#include <utility>

#include <nlohmann/json.hpp>

#include "surrogate/mca/ParamTable.h"
#include "surrogate/mca/ResourceMap.h"

namespace surrogate::mca {

/// Inclusive ranges of the sampling distribution.
struct SamplingRanges {
  unsigned dispatchWidthMin = 1, dispatchWidthMax = 10;
  unsigned reorderBufferMin = 50, reorderBufferMax = 250;
  unsigned microOpsMin = 1, microOpsMax = 10;
  unsigned latencyMin = 0, latencyMax = 5;
  unsigned readAdvanceMin = 0, readAdvanceMax = 5;
  unsigned resourceCyclesMin = 1, resourceCyclesMax = 5;  ///< per port/group named in TableGen
  /// Chance that a value is redrawn; otherwise it keeps the default. 1: all redrawn.
  double perturbProbability = 1.0;
  /// A trust region: when > 0, a value is redrawn at most this far from its
  /// default (the table sampled around), within the range widened to it.
  unsigned radius = 0;

  /// The interval a value `center` is drawn from (and tuned within): [lo, hi]
  /// widened to include it, cut to center -/+ radius * scale when radius > 0.
  std::pair<double, double> window(double center, double lo, double hi, double scale = 1) const;

  nlohmann::json toJson() const;
};

class ParamSampler {
public:
  /// `defaults` fixes the CPU, the opcodes and each opcode's structure.
  ParamSampler(ParamTable defaults, std::uint64_t seed, SamplingRanges ranges = {});

  ParamTable sample(std::uint64_t index) const;

  const SamplingRanges &ranges() const { return Ranges; }

private:
  ParamTable Defaults;
  std::uint64_t Seed;
  SamplingRanges Ranges;
  ResourceMap Resources;
};

} // namespace surrogate::mca
