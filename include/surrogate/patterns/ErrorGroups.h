#pragma once
// "Where the error went": test blocks grouped by what they contain (push or
// pop, loads, stores, divisions and square roots, vector registers, zero
// idioms, length), llvm-mca's error per group under the default and the
// tuned table, and the changed table entries that the group's blocks use.
// The groups are properties of x86 instructions, not of one CPU.

#include <cstddef>
#include <string>
#include <vector>

#include <llvm/MC/MCSubtargetInfo.h>
#include <nlohmann/json.hpp>

#include "surrogate/block/BasicBlock.h"
#include "surrogate/mca/ParamTable.h"

namespace surrogate::patterns {

struct GroupError {
  std::string group;
  std::size_t blocks = 0;
  double defaultMape = 0, tunedMape = 0;
  /// Changed entries most of the group's blocks use, most used first.
  std::vector<std::string> changedEntries;

  nlohmann::json toJson() const;
};

/// Names of the groups a block falls into (any number; "all" always).
std::vector<std::string> groupsOf(const block::BasicBlock &block);

/// One row per group with blocks. `defaults[k]`, `tuned[k]`: llvm-mca's
/// cycles for blocks[kept[k]]; the changed entries are the keys whose values
/// differ between `defaultTable` and `tunedTable`.
std::vector<GroupError> errorByGroup(const std::vector<block::BasicBlock> &blocks, const std::vector<std::size_t> &kept,
                                     const std::vector<double> &defaults, const std::vector<double> &tuned,
                                     const mca::ParamTable &defaultTable, const mca::ParamTable &tunedTable,
                                     const llvm::MCSubtargetInfo &subtarget);

} // namespace surrogate::patterns
