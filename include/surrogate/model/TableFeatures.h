#pragma once
// The numeric form of a scheduling parameter table (mca::ParamTable), in
// one place: the layout of the features, their names, which table entry an
// LLVM opcode reads, and the log(1 + x) scale they are fed to the model on.
// ParamFeatures (training and inference inputs of the conditioned model)
// and ParamVector (the tuner's flat vector, its bounds and the way back to a
// table) are both built on it.
//
// Layout: globals [dispatch_width, reorder_buffer_size]; per opcode
// [micro_ops, latency, max_latency, max_read_advance, cycles_<resource>...]
// in the table's resourceNames order.

#include <cstddef>
#include <string>
#include <vector>

#include "surrogate/mca/ParamTable.h"

namespace surrogate::model {

class TableFeatures {
public:
  static constexpr std::size_t kGlobals = 2;
  /// Per-opcode features before the resource cycles.
  static constexpr std::size_t kMicroOps = 0, kLatency = 1, kMaxLatency = 2, kMaxReadAdvance = 3, kFirstResource = 4;

  static std::size_t opcodeWidth(const mca::ParamTable &table) { return kFirstResource + table.resourceNames.size(); }
  static std::vector<std::string> globalNames() { return mca::ParamTable::globalFeatureNames(); }
  static std::vector<std::string> opcodeNames(const mca::ParamTable &table) { return table.opcodeFeatureNames(); }

  /// Raw values (not scaled).
  static std::vector<float> rawGlobals(const mca::ParamTable &table) { return table.globalFeatures(); }
  /// Raw values of entry `key`; zeros for a key the table does not have.
  static std::vector<float> rawOpcode(const mca::ParamTable &table, const std::string &key) {
    return table.opcodeFeatures(key);
  }

  /// The entry an LLVM opcode number reads: its name, else (a variant class)
  /// the first OPCODE/CLASS key, since which class LLVM picks depends on
  /// operands this layer does not see; "" when the table has neither.
  static std::string keyFor(const mca::ParamTable &table, unsigned opcode);

  /// log(1 + x) of each raw value, in float, as the model is trained on.
  static std::vector<float> scaled(std::vector<float> raw);
  /// The tuner's scale: log(1 + x) in double, then float. It can differ
  /// from `scaled` by one float ulp; both are kept so outputs do not change.
  static float toFeature(double raw);
  static double toRaw(float feature);
};

} // namespace surrogate::model
