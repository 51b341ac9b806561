// runBlackBox: the ensemble, one NLopt method, or coordinate descent over the free features, and its result.
#include "surrogate/patterns/BlackBoxSearch.h"

#include <chrono>

#include <fmt/format.h>
#include <nlopt.h>
#include <spdlog/spdlog.h>

#include "surrogate/patterns/CoordinatePolish.h"
#include "surrogate/patterns/EnsembleSearch.h"
#include "surrogate/patterns/SearchResults.h"

namespace surrogate::patterns {

namespace {

using Clock = std::chrono::steady_clock;

// The polish's first-pass width (pattern.polish_candidates' default).
constexpr std::size_t kCoordinateCandidates = 16;

struct NloptCallback {
  SearchResults *results;
  nlopt_opt opt;
  std::string method;
};

double nloptObjective(unsigned, const double *x, double *grad, void *data) {
  (void)grad;  // derivative-free methods only
  auto *cb = static_cast<NloptCallback *>(data);
  try {
    return cb->results->evaluateFree(std::vector<double>(x, x + cb->results->freeIndex().size()), cb->method);
  } catch (const BudgetExhausted &) {
    nlopt_force_stop(cb->opt);  // no C++ exception through NLopt's C frames
    return 1e3;
  }
}

int runNlopt(SearchResults &results, const std::string &method, std::uint64_t seed) {
  std::size_t n = results.freeIndex().size();
  nlopt_srand(seed);
  nlopt_opt opt = nlopt_create(nlopt_algorithm_from_string(method.c_str()), static_cast<unsigned>(n));
  std::vector<double> lo = results.freeOf(results.space().lower()), hi = results.freeOf(results.space().upper()),
                      x = results.freeOf(results.space().initial());
  NloptCallback callback{&results, opt, method};
  nlopt_set_lower_bounds(opt, lo.data());
  nlopt_set_upper_bounds(opt, hi.data());
  nlopt_set_min_objective(opt, &nloptObjective, &callback);
  // Tables already run cost nothing, so the budget is counted in the store;
  // this cap only ends a method that keeps proposing them.
  nlopt_set_maxeval(opt, static_cast<int>(std::min<std::size_t>(50 * results.remaining() + 1, 1u << 30)));
  double value = 0;
  int code = nlopt_optimize(opt, x.data(), &value);
  nlopt_destroy(opt);
  if (code < 0 && code != NLOPT_FORCED_STOP)
    spdlog::warn("NLopt {} ended with code {} after {} evaluations; keeping the best table seen", method, code,
                 results.evaluations());
  return code;
}

} // namespace


std::string BlackBoxResult::label() const {
  if (method == kCoordinateMethod) return "coordinate descent ranked by llvm-mca's residuals";
  if (method != kEnsembleMethod) return "NLopt " + method;
  std::vector<std::string> names;
  for (const auto &t : techniques)
    if (!t.contains("left_out")) names.push_back(t.at("technique").get<std::string>());
  return fmt::format("ensemble ({}; AUC bandit)", fmt::join(names, ", "));
}

nlohmann::json BlackBoxResult::toJson() const {
  nlohmann::json j = {{"method", method},
                      {"label", label()},
                      {"dimensions", dimensions},
                      {"blocks_per_evaluation", blocksPerEvaluation},
                      {"evaluations", evaluations},
                      {"repeated_candidates", lookups},
                      {"rejected_candidates", rejectedCandidates},
                      {"default_subset_mape", defaultSubsetMape},
                      {"best_subset_mape", bestSubsetMape},
                      {"curve", curve},
                      {"seconds", seconds}};
  if (method == kEnsembleMethod)
    j["techniques"] = techniques;
  else if (method != kCoordinateMethod)
    j["nlopt_result"] = nloptResult;
  return j;
}

BlackBoxResult runBlackBox(const model::ParamVector &space, const std::vector<block::BasicBlock> &blocks,
                           const std::string &method, std::size_t maxEvaluations, unsigned threads,
                           std::uint64_t seed, const std::vector<std::string> &ensemble) {
  if (!isBlackBoxMethod(method))
    throw std::invalid_argument(
        fmt::format("'{}' is neither '{}', '{}' nor an NLopt algorithm", method, kEnsembleMethod, kCoordinateMethod));
  auto start = Clock::now();
  BlackBoxResult r;
  r.method = method;
  r.blocksPerEvaluation = blocks.size();
  SearchResults results(space, blocks, threads, maxEvaluations, "black-box search (" + method + ")");
  r.dimensions = results.freeIndex().size();
  // Every search starts from what it is given, LLVM's table: one evaluation of the budget.
  r.defaultSubsetMape = results.evaluate(space.initial(), "default");
  if (results.remaining() > 0) {
    if (method == kEnsembleMethod) {
      EnsembleSettings settings;
      settings.techniques = ensemble;
      settings.seed = seed;
      r.techniques = runEnsemble(results, settings);
    } else if (method == kCoordinateMethod) {
      coordinateDescent(space.initial(), results, residualRanker(space, blocks), kCoordinateCandidates);
    } else {
      r.nloptResult = runNlopt(results, method, seed);
    }
  }
  results.finish();
  r.evaluations = results.evaluations();
  r.lookups = results.lookups();
  r.rejectedCandidates = results.rejected();
  r.bestSubsetMape = results.bestError();
  r.best = results.best();
  r.curve = results.curve();
  r.improvements = results.improvements();
  r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return r;
}

} // namespace surrogate::patterns
