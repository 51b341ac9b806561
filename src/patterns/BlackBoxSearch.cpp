#include "surrogate/patterns/BlackBoxSearch.h"

#include <chrono>
#include <limits>
#include <memory>

#include <nlopt.h>
#include <spdlog/spdlog.h>

#include "surrogate/mca/BatchRunner.h"
#include "surrogate/mca/TunedSubtarget.h"
#include "surrogate/patterns/TableTuning.h"
#include "surrogate/support/Progress.h"

namespace surrogate::patterns {

namespace {

using Clock = std::chrono::steady_clock;

// The state NLopt's objective callback sees.
class Search {
public:
  Search(const model::ParamVector &space, const std::vector<block::BasicBlock> &blocks, unsigned threads,
         std::size_t maxEvaluations, const std::string &method)
      : Space(space), Blocks(blocks), Threads(threads),
        Progress("black-box search (" + method + ")", maxEvaluations) {
    for (std::size_t i = 0; i < space.size(); ++i)
      if (space.isFree()[i]) FreeIndex.push_back(i);
  }

  const std::vector<std::size_t> &freeIndex() const { return FreeIndex; }

  // llvm-mca's MAPE on the subset under the table `v`; a block llvm-mca
  // cannot run under it counts as 100% error.
  double evaluate(const std::vector<float> &v, BlackBoxResult &r) {
    ++r.evaluations;
    double error;
    try {
      auto sti = mca::TunedSubtarget::create(Space.toTable(v), "black-box candidate");
      error = mapeAgainstMeasured(mca::simulateCycles(*sti, Blocks, Threads), Blocks);
    } catch (const std::exception &e) {
      spdlog::debug("black-box candidate {} rejected: {}", r.evaluations, e.what());
      ++r.rejectedCandidates;
      error = 1e3;
    }
    if (error < BestError) {
      BestError = error;
      r.best = v;
    }
    r.curve.push_back({{"evaluation", r.evaluations}, {"subset_mape", error}, {"best_subset_mape", BestError}});
    Progress.update(r.evaluations);
    return error;
  }

  double bestError() const { return BestError; }
  void finish() { Progress.finish(); }

  struct Callback {
    Search *search;
    BlackBoxResult *result;
  };
  static double objective(unsigned, const double *x, double *grad, void *data) {
    (void)grad;  // derivative-free methods only
    auto *cb = static_cast<Callback *>(data);
    std::vector<float> v = cb->search->Space.initial();
    for (std::size_t k = 0; k < cb->search->FreeIndex.size(); ++k)
      v[cb->search->FreeIndex[k]] = static_cast<float>(x[k]);
    return cb->search->evaluate(v, *cb->result);
  }

private:
  const model::ParamVector &Space;
  const std::vector<block::BasicBlock> &Blocks;
  unsigned Threads;
  std::vector<std::size_t> FreeIndex;
  double BestError = std::numeric_limits<double>::infinity();
  support::Progress Progress;
};

} // namespace

nlohmann::json BlackBoxResult::toJson() const {
  return {{"method", "NLopt " + method},
          {"why", "ESCH, NLopt's evolution strategy, is global and bound-constrained and assumes no smoothness "
                  "(llvm-mca's cycle counts are piecewise constant in integer parameters), as OpenTuner's "
                  "evolutionary techniques in the reference; model-based local methods (BOBYQA, COBYLA) need "
                  "more evaluations than there are dimensions before their first step. A local simplex search "
                  "from the default table (LN_SBPLX) is one pattern.blackbox_method away"},
          {"dimensions", dimensions},
          {"blocks_per_evaluation", blocksPerEvaluation},
          {"evaluations", evaluations},
          {"rejected_candidates", rejectedCandidates},
          {"default_subset_mape", defaultSubsetMape},
          {"best_subset_mape", bestSubsetMape},
          {"nlopt_result", nloptResult},
          {"curve", curve},
          {"seconds", seconds}};
}

BlackBoxResult runBlackBox(const model::ParamVector &space, const std::vector<block::BasicBlock> &blocks,
                           const std::string &method, std::size_t maxEvaluations, unsigned threads,
                           std::uint64_t seed) {
  auto start = Clock::now();
  BlackBoxResult r;
  r.method = method;
  r.blocksPerEvaluation = blocks.size();
  Search search(space, blocks, threads, maxEvaluations, method);
  std::size_t n = search.freeIndex().size();
  r.dimensions = n;
  // The search starts from what it is given, LLVM's table: one evaluation of the budget.
  r.defaultSubsetMape = search.evaluate(space.initial(), r);
  if (maxEvaluations > 1) {
    nlopt_srand(seed);
    nlopt_opt opt = nlopt_create(nlopt_algorithm_from_string(method.c_str()), static_cast<unsigned>(n));
    std::vector<double> lo(n), hi(n), x(n);
    for (std::size_t k = 0; k < n; ++k) {
      lo[k] = space.lower()[search.freeIndex()[k]];
      hi[k] = space.upper()[search.freeIndex()[k]];
      x[k] = space.initial()[search.freeIndex()[k]];
    }
    Search::Callback callback{&search, &r};
    nlopt_set_lower_bounds(opt, lo.data());
    nlopt_set_upper_bounds(opt, hi.data());
    nlopt_set_min_objective(opt, &Search::objective, &callback);
    nlopt_set_maxeval(opt, static_cast<int>(maxEvaluations - 1));
    double value = 0;
    r.nloptResult = nlopt_optimize(opt, x.data(), &value);
    nlopt_destroy(opt);
    if (r.nloptResult < 0)
      spdlog::warn("NLopt {} ended with code {} after {} evaluations; keeping the best table seen", method,
                   r.nloptResult, r.evaluations);
  }
  search.finish();
  r.bestSubsetMape = search.bestError();
  r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return r;
}

} // namespace surrogate::patterns
