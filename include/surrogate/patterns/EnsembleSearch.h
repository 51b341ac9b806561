#pragma once
// The OpenTuner-class black-box baseline of `optimize`: several established
// search techniques (pagmo 2's evolution strategies, differential evolution,
// particle swarm, and NLopt's local methods through pagmo), all drawing from
// and feeding one SearchResults store, with an AUC bandit (AucBandit)
// choosing which technique runs the next slice of evaluations. Every
// technique's population starts from LLVM's table and sparse mutations of
// it, and is given the store's best before each of its slices. CMA-ES and
// xNES keep a full covariance matrix, so above 1,000 free values they are
// left out (and the statistics say so).

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/patterns/SearchMethods.h"
#include "surrogate/patterns/SearchResults.h"

namespace surrogate::patterns {


struct EnsembleSettings {
  std::vector<std::string> techniques = defaultEnsemble();
  std::size_t population = 8;        ///< individuals per population-based technique
  std::size_t sliceEvaluations = 8;  ///< about how many evaluations one bandit pick runs
  std::uint64_t seed = 1;
};

/// Runs the ensemble on `results` until its budget is spent (or no technique
/// proposes anything new); returns per-technique statistics as JSON.
nlohmann::json runEnsemble(SearchResults &results, const EnsembleSettings &settings);

} // namespace surrogate::patterns
