// SearchResults: candidate tables run by llvm-mca once each, answered from the store after, within a budget.
#include "surrogate/patterns/SearchResults.h"

#include <spdlog/spdlog.h>

#include "surrogate/mca/BatchRunner.h"
#include "surrogate/mca/TunedSubtarget.h"
#include "surrogate/patterns/TableTuning.h"

namespace surrogate::patterns {

SearchResults::SearchResults(const model::ParamVector &space, const std::vector<block::BasicBlock> &blocks,
                             unsigned threads, std::size_t maxEvaluations, const std::string &what)
    : Space(space), Blocks(blocks), Threads(threads), MaxEvaluations(maxEvaluations),
      Best(space.initial()), Progress(what, maxEvaluations) {
  for (std::size_t i = 0; i < space.size(); ++i)
    if (space.isFree()[i]) FreeIndex.push_back(i);
}

std::vector<double> SearchResults::freeOf(const std::vector<float> &values) const {
  std::vector<double> x(FreeIndex.size());
  for (std::size_t k = 0; k < FreeIndex.size(); ++k) x[k] = values[FreeIndex[k]];
  return x;
}

std::vector<float> SearchResults::fullOf(const std::vector<double> &freeValues) const {
  std::vector<float> v = Space.initial();
  for (std::size_t k = 0; k < FreeIndex.size(); ++k) v[FreeIndex[k]] = static_cast<float>(freeValues[k]);
  return v;
}

double SearchResults::evaluateFree(const std::vector<double> &freeValues, const std::string &source) {
  return evaluate(fullOf(freeValues), source);
}

double SearchResults::evaluate(const std::vector<float> &values, const std::string &source) {
  mca::ParamTable table = Space.toTable(values);
  std::string key = table.toJson().dump();
  if (auto it = Seen.find(key); it != Seen.end()) {
    ++Lookups;
    if (&it->first != LastRun) {  // the cycles held are another table's
      LastCycles.clear();
      LastRun = nullptr;
    }
    return it->second;
  }
  return run(table, std::move(key), values, source);
}

std::optional<double> SearchResults::evaluateIfNew(const std::vector<float> &values, const std::string &source) {
  mca::ParamTable table = Space.toTable(values);
  std::string key = table.toJson().dump();
  if (Seen.count(key)) return std::nullopt;
  return run(table, std::move(key), values, source);
}

double SearchResults::run(const mca::ParamTable &table, std::string key, const std::vector<float> &values,
                          const std::string &source) {
  if (Evaluations >= MaxEvaluations) throw BudgetExhausted();
  ++Evaluations;
  double error = 1e3;  // a table llvm-mca refuses counts as 1000% error, so no search keeps it
  try {
    auto sti = mca::TunedSubtarget::create(table, "black-box candidate");
    LastCycles = mca::simulateCycles(*sti, Blocks, Threads);
    error = mapeAgainstMeasured(LastCycles, Blocks);
  } catch (const std::exception &e) {
    spdlog::debug("black-box candidate {} rejected: {}", Evaluations, e.what());
    ++Rejected;
    LastCycles.clear();
  }
  LastRun = &Seen.emplace(std::move(key), error).first->first;
  if (error < BestError) {
    BestError = error;
    Best = values;
    Improvements.emplace_back(Evaluations, values);
  }
  nlohmann::json point = {{"evaluation", Evaluations}, {"subset_mape", error}, {"best_subset_mape", BestError}};
  if (!source.empty()) point["technique"] = source;
  Curve.push_back(std::move(point));
  Progress.update(Evaluations);
  return error;
}

} // namespace surrogate::patterns
