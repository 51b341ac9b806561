#pragma once
// Pruning a tuned table against the real llvm-mca: each changed entry (a
// global value, or one opcode's whole entry) is put back to the reference
// table's on its own; the one whose removal lowers llvm-mca's validation
// error most (with the median cap kept) is removed, and again, until none
// does. The surrogate's descent can move a value that helped only until
// others moved (e.g. a wider dispatch standing in for a latency fixed later).

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/block/BasicBlock.h"
#include "surrogate/mca/ParamTable.h"

namespace surrogate::patterns {

struct PruneResult {
  mca::ParamTable table;               ///< the tuned table with the reverted entries put back
  std::vector<std::string> reverted;   ///< entries put back, e.g. "globals.dispatch_width", "opcodes.POP64r"
  std::size_t changed = 0;  ///< entries where the tuned table differed at the start
  std::size_t tried = 0, simulations = 0;  ///< tables tried; llvm-mca runs (blocks x tables, the first included)
  double startMape = 0, mape = 0, medianApe = 0;  ///< llvm-mca on the validation blocks, before and after
  bool overMedianCap = false;  ///< set by optimize when the pruned table was not kept for its median

  nlohmann::json toJson() const;
};

/// Backward elimination over the entries where `tuned` differs from
/// `reference` (globals first, then opcodes by name), at most `maxTries`
/// llvm-mca runs of `validation` besides the first.
PruneResult pruneChanges(const mca::ParamTable &tuned, const mca::ParamTable &reference,
                         const std::vector<block::BasicBlock> &validation, unsigned threads,
                         double maxMedianApe = std::numeric_limits<double>::infinity(),
                         std::size_t maxTries = 200);

} // namespace surrogate::patterns
