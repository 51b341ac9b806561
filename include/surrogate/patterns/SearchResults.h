#pragma once
// The one results database of a black-box search: every candidate table a
// search technique proposes is evaluated here, as llvm-mca's MAPE against
// the measured timings of a fixed block subset. A candidate that rounds to
// a table already run is answered from the store without a simulation, so
// every technique sees what all the others found, and the budget counts
// only real llvm-mca runs. Past the budget, evaluate() throws
// BudgetExhausted, which ends whatever search is running.

#include <cstddef>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/block/BasicBlock.h"
#include "surrogate/model/ParamVector.h"
#include "surrogate/support/Progress.h"

namespace surrogate::patterns {

struct BudgetExhausted : std::runtime_error {
  BudgetExhausted() : std::runtime_error("black-box search budget exhausted") {}
};

class SearchResults {
public:
  SearchResults(const model::ParamVector &space, const std::vector<block::BasicBlock> &blocks, unsigned threads,
                std::size_t maxEvaluations, const std::string &what);

  /// Error of the table `values` stand for (full feature vector); `source`
  /// names the technique that proposed it, for the curve.
  double evaluate(const std::vector<float> &values, const std::string &source = "");
  /// The same for the free features only (what the optimizers see).
  double evaluateFree(const std::vector<double> &freeValues, const std::string &source = "");
  /// The error of a table not run yet; nothing (and no lookup counted)
  /// when the store already has it.
  std::optional<double> evaluateIfNew(const std::vector<float> &values, const std::string &source = "");

  const model::ParamVector &space() const { return Space; }
  const std::vector<std::size_t> &freeIndex() const { return FreeIndex; }
  std::vector<double> freeOf(const std::vector<float> &values) const;
  std::vector<float> fullOf(const std::vector<double> &freeValues) const;

  std::size_t evaluations() const { return Evaluations; }  ///< llvm-mca runs of the subset
  std::size_t lookups() const { return Lookups; }          ///< answered from the store
  std::size_t rejected() const { return Rejected; }
  std::size_t remaining() const { return MaxEvaluations - Evaluations; }
  double bestError() const { return BestError; }
  const std::vector<float> &best() const { return Best; }
  const nlohmann::json &curve() const { return Curve; }
  /// llvm-mca's cycles per block of the table last evaluated or looked up,
  /// when that is the table llvm-mca ran last; empty otherwise, or when
  /// llvm-mca refused it. (Only the last run's are kept: a store of every
  /// run's cycles would grow with evaluations x blocks.)
  const std::vector<double> &lastCycles() const { return LastCycles; }
  /// (evaluation, features) wherever the best so far improved, the default first.
  const std::vector<std::pair<std::size_t, std::vector<float>>> &improvements() const { return Improvements; }
  void finish() { Progress.finish(); }

private:
  /// llvm-mca on `table` (not in the store), recorded under `key`.
  double run(const mca::ParamTable &table, std::string key, const std::vector<float> &values,
             const std::string &source);

  const model::ParamVector &Space;
  const std::vector<block::BasicBlock> &Blocks;
  unsigned Threads;
  std::size_t MaxEvaluations;
  std::vector<std::size_t> FreeIndex;
  std::unordered_map<std::string, double> Seen;  ///< table (as JSON text) -> error
  std::vector<double> LastCycles;
  const std::string *LastRun = nullptr;  ///< the key in Seen of the table LastCycles belong to
  std::size_t Evaluations = 0, Lookups = 0, Rejected = 0;
  double BestError = std::numeric_limits<double>::infinity();
  std::vector<float> Best;
  nlohmann::json Curve = nlohmann::json::array();
  std::vector<std::pair<std::size_t, std::vector<float>>> Improvements;
  support::Progress Progress;
};

} // namespace surrogate::patterns
