#pragma once
// A trained parameter-conditioned surrogate, frozen, as a differentiable
// function of a parameter table (a ParamVector's values) on a fixed set of
// measured blocks. Its predictions are anchored to llvm-mca at the default
// table: block i's prediction under table t is
// mca_default(i) * s(t, i) / s(default, i), so at the defaults the error is
// llvm-mca's own and the surrogate only supplies how each block's
// throughput moves as the table moves. Unanchored (DiffTune as published),
// the prediction is the surrogate's own s(t, i). A conditioned bounds model
// follows each block's bounds from their values under the default table
// (TableBounds.h); a block llvm-mca cannot analyse is left out.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "surrogate/block/BasicBlock.h"
#include "surrogate/block/Tokenizer.h"
#include "surrogate/model/BoundFeatures.h"
#include "surrogate/model/Ithemal.h"
#include "surrogate/model/ParamVector.h"

namespace surrogate::model {

class FrozenSurrogate {
public:
  /// Loads the model of run directory `dir`. `defaultCycles[i]`: llvm-mca's
  /// cycles for blocks[i] under the default table; blocks it could not
  /// simulate, and blocks with an opcode `space` has no row for, are left out.
  FrozenSurrogate(const std::string &dir, const std::vector<block::BasicBlock> &blocks,
                  const std::vector<double> &defaultCycles, const ParamVector &space, bool anchored = true);

  std::size_t size() const { return Tokens.size(); }
  std::size_t skipped() const { return Skipped; }

  /// Mean absolute percentage error of the anchored prediction against
  /// measured timings on `indices`, under the table `values` (differentiable).
  torch::Tensor mape(const torch::Tensor &values, const std::vector<std::size_t> &indices);
  /// The same over all blocks, without gradients.
  double mapeAll(const torch::Tensor &values);

private:
  /// All block indices, in batches of 512 for passes without gradients.
  std::vector<std::vector<std::size_t>> chunks() const;
  /// The surrogate's own cycles for `indices` under `values`.
  torch::Tensor rawCycles(const torch::Tensor &values, const std::vector<std::size_t> &indices);

  const ParamVector &Space;
  IthemalModel Net{nullptr};
  std::vector<block::TokenizedBlock> Tokens;
  std::vector<std::vector<std::int64_t>> Rows;
  std::vector<BoundStructure> Structures;  ///< conditioned bounds model only
  torch::Tensor Initial;  ///< the space's initial values: the default table, the anchor's and the structures'
  std::vector<double> Measured, Anchor;
  std::size_t Skipped = 0;
};

} // namespace surrogate::model
