#pragma once
// The black-box baselines of `optimize`, over the same free table features
// as the gradient side, each evaluation being llvm-mca under the candidate
// table on a fixed subset of measured blocks (SearchResults): the
// OpenTuner-class ensemble (EnsembleSearch), one NLopt method alone, or
// residual-ranked coordinate descent (CoordinatePolish).

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/block/BasicBlock.h"
#include "surrogate/model/ParamVector.h"
#include "surrogate/patterns/SearchMethods.h"

namespace surrogate::patterns {

struct BlackBoxResult {
  std::string method;  ///< "ensemble", or an NLopt algorithm name without the NLOPT_ prefix
  std::size_t dimensions = 0, blocksPerEvaluation = 0, evaluations = 0, lookups = 0, rejectedCandidates = 0;
  double defaultSubsetMape = 0, bestSubsetMape = 0;
  int nloptResult = 0;
  nlohmann::json techniques;  ///< the ensemble's per-technique statistics
  nlohmann::json curve = nlohmann::json::array();  ///< evaluation, its subset MAPE, the best so far
  double seconds = 0;
  std::vector<float> best;  ///< the best table's features (the defaults when nothing beat them)
  /// (evaluation, features) wherever the best so far improved, the default first.
  std::vector<std::pair<std::size_t, std::vector<float>>> improvements;

  /// "ensemble (sea, cmaes, ...)" or "NLopt GN_ESCH".
  std::string label() const;
  nlohmann::json toJson() const;
};

/// Runs `method` for at most `maxEvaluations` llvm-mca runs on `blocks`
/// (the first is LLVM's table); seeded. `ensemble`: the techniques the
/// ensemble method combines (ignored by NLopt methods).
BlackBoxResult runBlackBox(const model::ParamVector &space, const std::vector<block::BasicBlock> &blocks,
                           const std::string &method, std::size_t maxEvaluations, unsigned threads,
                           std::uint64_t seed, const std::vector<std::string> &ensemble);

} // namespace surrogate::patterns
