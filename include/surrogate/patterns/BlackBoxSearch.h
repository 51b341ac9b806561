#pragma once
// The black-box baseline of `optimize`: a derivative-free NLopt method over
// the same free table features as the gradient side, each evaluation being
// llvm-mca under the candidate table on a fixed subset of measured blocks.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/block/BasicBlock.h"
#include "surrogate/model/ParamVector.h"

namespace surrogate::patterns {

struct BlackBoxResult {
  std::string method;  ///< NLopt algorithm name without the NLOPT_ prefix
  std::size_t dimensions = 0, blocksPerEvaluation = 0, evaluations = 0, rejectedCandidates = 0;
  double defaultSubsetMape = 0, bestSubsetMape = 0;
  int nloptResult = 0;
  nlohmann::json curve = nlohmann::json::array();  ///< evaluation, its subset MAPE, the best so far
  double seconds = 0;
  std::vector<float> best;  ///< the best table's features (the defaults when nothing beat them)

  nlohmann::json toJson() const;
};

/// Runs `method` for at most `maxEvaluations` llvm-mca runs on `blocks`
/// (the first is LLVM's table); seeded.
BlackBoxResult runBlackBox(const model::ParamVector &space, const std::vector<block::BasicBlock> &blocks,
                           const std::string &method, std::size_t maxEvaluations, unsigned threads,
                           std::uint64_t seed);

} // namespace surrogate::patterns
