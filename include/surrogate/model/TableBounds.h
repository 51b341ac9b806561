#pragma once
// The bounds model's inputs as functions of a parameter table's features, so
// the conditioned bounds model (model.bounds on a dataset with tables) can be
// differentiated through them: the dispatch bound is the block's micro-ops
// over the dispatch width, the resource bound the largest of it and each
// resource's summed cycles over its units, the dependency bounds and the
// critical path sums of latencies along what BlockAnalyzer found
// (BoundStructure). Each is exact at the table the structure was analysed
// under (the batch's reference features), and moves from there with the
// table: value = exact + f(features) - f(reference). In training the
// reference is the example's own table, so the value is exact and only the
// gradient comes from f; when a table is tuned, the start table.

#include <vector>

#include <torch/torch.h>

#include "surrogate/model/BoundFeatures.h"
#include "surrogate/model/Ithemal.h"
#include "surrogate/mca/ParamTable.h"

namespace surrogate::model {

struct BoundTensors {
  torch::Tensor anchor;    ///< [blocks]: log(100 x the largest bound llvm-mca sees)
  torch::Tensor features;  ///< [blocks, kBoundFeatures], in BoundFeaturizer::of's order
};

/// From the batch's table features, its structure (boundExact, boundConstants,
/// latencyWeights, boundBlockOf) and each resource column's units.
BoundTensors boundsUnderTable(const BlockBatch &batch, const torch::Tensor &resourceUnits);

/// Fills the batch's structure from one BoundStructure per block, in order.
void attachStructure(BlockBatch &batch, const std::vector<const BoundStructure *> &blocks);
/// The same from training examples' flat form (BoundStructure::flat), with each block's instruction count.
void attachStructure(BlockBatch &batch, const std::vector<const std::vector<float> *> &flat,
                     const std::vector<std::size_t> &instructions);

/// The units of each resource column of `table` (its resourceNames), from its CPU's scheduling model.
std::vector<float> resourceUnitsOf(const mca::ParamTable &table);

} // namespace surrogate::model
