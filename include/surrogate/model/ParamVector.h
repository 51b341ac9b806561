#pragma once
// A parameter table as one flat vector of the conditioned surrogate's
// inputs (the layout of model/TableFeatures.h: log(1 + x) of the globals
// and of each opcode's feature row), so a table can be tuned by gradient descent through
// the surrogate or searched by a derivative-free method, and the inverse:
// a vector rounded, clamped and written back into a ParamTable.
//
// Layout: [dispatch_width, reorder_buffer_size], then one row of
// `width()` features per opcode in `opcodes()` order. A feature is "free"
// when a table parameter stands behind it; the others (e.g. latency of an
// opcode that writes no register, cycles on a port the opcode does not use)
// stay at their default. Bounds are the sampler's ranges (mca::ParamSampler),
// widened to include the default value, since the surrogate learnt nothing
// outside them (SamplingRanges::window), and cut to the trust region when
// the ranges have a radius.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/mca/ParamSampler.h"
#include "surrogate/mca/ParamTable.h"
#include "surrogate/mca/ResourceMap.h"
#include "surrogate/model/TableFeatures.h"

namespace surrogate::model {

/// What the inverse mapping could not carry over exactly.
struct MappingStats {
  std::size_t features = 0;           ///< entries of the vector
  std::size_t freeFeatures = 0;       ///< of which mapped back to a parameter
  std::size_t fixedFeatures = 0;      ///< no parameter behind them: left at default
  std::size_t opcodesWithoutEntry = 0;///< opcodes the table has no entry for (rows all fixed)
  std::size_t variantKeysAtDefault = 0;  ///< further OPCODE/CLASS resolutions: the surrogate sees only the first
  std::size_t mergedLatencies = 0;    ///< one-write opcodes: latency and max_latency name one value (mean taken)
  std::size_t mismatched = 0;         ///< free features whose table value differs from the rounded target
  std::size_t changedParameters = 0;  ///< entries + globals that differ from the defaults

  nlohmann::json toJson() const;
};

class ParamVector {
public:
  /// `opcodes`: LLVM opcode numbers the tuned blocks use. Each takes the
  /// table entry ParamFeatures would give it: its name, else its first
  /// OPCODE/CLASS key.
  ParamVector(mca::ParamTable defaults, std::vector<unsigned> opcodes, mca::SamplingRanges ranges = {});

  std::size_t size() const { return Initial.size(); }
  std::size_t width() const { return Width; }
  std::size_t globals() const { return TableFeatures::kGlobals; }
  const std::vector<unsigned> &opcodes() const { return Opcodes; }
  /// Row of an opcode in `opcodes()`, or -1.
  long rowOf(unsigned opcode) const;
  /// What entry i stands for, e.g. "dispatch_width" or "POP64r.latency".
  std::string featureName(std::size_t i) const;

  const std::vector<float> &initial() const { return Initial; }  ///< the defaults' features
  const std::vector<float> &lower() const { return Lower; }
  const std::vector<float> &upper() const { return Upper; }
  const std::vector<std::uint8_t> &isFree() const { return Free; }
  std::size_t freeCount() const;

  /// The table the vector stands for: values rounded to integers, clamped
  /// to the bounds, mapped back; `stats` says what did not map exactly.
  mca::ParamTable toTable(const std::vector<float> &values, MappingStats *stats = nullptr) const;
  /// The vector of toTable(values): what the surrogate sees of the table as
  /// written (rounded, a one-write opcode's two latencies merged, groups the
  /// sum of their ports); features without a parameter keep their values.
  std::vector<float> asWritten(const std::vector<float> &values) const;

  const mca::ParamTable &defaults() const { return Defaults; }

private:
  struct Row {
    std::string key;  ///< table key, empty when the table has none
  };
  mca::ParamTable Defaults;
  std::vector<unsigned> Opcodes;
  std::vector<Row> Rows;
  std::size_t Width = 0;
  std::vector<float> Initial, Lower, Upper;
  std::vector<std::uint8_t> Free;
  mca::ResourceMap Resources;
  mca::SamplingRanges Ranges;
};

} // namespace surrogate::model
