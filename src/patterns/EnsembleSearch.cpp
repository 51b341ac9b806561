// runEnsemble: pagmo and NLopt techniques over one SearchResults store, slices chosen by the AUC bandit.
#include "surrogate/patterns/EnsembleSearch.h"

#include <algorithm>
#include <limits>
#include <memory>
#include <random>

#include <fmt/format.h>
#include <nlopt.h>
#include <pagmo/algorithm.hpp>
#include <pagmo/algorithms/cmaes.hpp>
#include <pagmo/algorithms/de1220.hpp>
#include <pagmo/algorithms/pso.hpp>
#include <pagmo/algorithms/sade.hpp>
#include <pagmo/algorithms/sea.hpp>
#include <pagmo/algorithms/simulated_annealing.hpp>
#include <pagmo/algorithms/xnes.hpp>
#include <pagmo/population.hpp>
#include <pagmo/problem.hpp>
#include <spdlog/spdlog.h>

#include "surrogate/patterns/AucBandit.h"

namespace surrogate::patterns {

namespace {

constexpr std::size_t kMaxCovarianceDimensions = 1000;

// pagmo's user-defined problem: the store's objective over the free features.
struct StoreProblem {
  SearchResults *results = nullptr;
  std::string technique;
  pagmo::vector_double lower, upper;

  pagmo::vector_double fitness(const pagmo::vector_double &x) const {
    return {results->evaluateFree(x, technique)};
  }
  std::pair<pagmo::vector_double, pagmo::vector_double> get_bounds() const { return {lower, upper}; }
  std::string get_name() const { return "llvm-mca table error (" + technique + ")"; }
};

bool isLocal(const std::string &name) {
  return name == "sbplx" || name == "bobyqa" || name == "neldermead" || name == "cobyla";
}

// Debian's pagmo is built without its NLopt wrapper, so this is that glue: a
// pagmo algorithm that runs one NLopt local method from the population's
// best for `maxEvaluations`, over a seeded random subspace of a few free
// values (on thousands of dimensions a full local method would spend every
// slice on its first simplex), and puts the result back if it is better.
class NloptLocalSearch {
public:
  NloptLocalSearch() = default;
  NloptLocalSearch(const std::string &name, unsigned maxEvaluations, unsigned subspace, unsigned seed)
      : Name(name), MaxEvaluations(maxEvaluations), Subspace(subspace), Rng(seed) {}

  pagmo::population evolve(pagmo::population pop) const {
    pagmo::problem &prob = pop.get_problem();
    auto [lower, upper] = prob.get_bounds();
    std::size_t best = pop.best_idx();
    State state;
    state.prob = &prob;
    state.x = pop.get_x()[best];
    std::vector<std::size_t> all(state.x.size());
    for (std::size_t k = 0; k < all.size(); ++k) all[k] = k;
    std::shuffle(all.begin(), all.end(), Rng);
    state.coordinates.assign(all.begin(), all.begin() + std::min<std::size_t>(Subspace, all.size()));
    auto n = static_cast<unsigned>(state.coordinates.size());
    std::vector<double> lo(n), hi(n), y(n), step(n);
    for (unsigned k = 0; k < n; ++k) {
      std::size_t c = state.coordinates[k];
      lo[k] = lower[c];
      hi[k] = upper[c];
      y[k] = state.x[c];
      // A quarter of the value's range: big enough to cross an integer step after rounding.
      step[k] = std::max(0.25 * (hi[k] - lo[k]), 1e-3);
    }
    nlopt_opt opt = nlopt_create(algorithm(), n);
    nlopt_set_lower_bounds(opt, lo.data());
    nlopt_set_upper_bounds(opt, hi.data());
    nlopt_set_initial_step(opt, step.data());
    state.opt = opt;
    nlopt_set_min_objective(opt, &NloptLocalSearch::objective, &state);
    nlopt_set_maxeval(opt, static_cast<int>(MaxEvaluations));
    double f = 0;
    nlopt_optimize(opt, y.data(), &f);
    nlopt_destroy(opt);
    if (state.exhausted) throw BudgetExhausted();
    if (state.bestF < pop.get_f()[best][0]) pop.set_xf(best, state.bestX, {state.bestF});
    return pop;
  }
  std::string get_name() const { return "NLopt " + Name + " on a random subspace"; }

private:
  struct State {
    pagmo::problem *prob;
    pagmo::vector_double x;  ///< the start; the subspace's values are overwritten per call
    std::vector<std::size_t> coordinates;
    bool exhausted = false;
    nlopt_opt opt = nullptr;
    double bestF = std::numeric_limits<double>::infinity();
    pagmo::vector_double bestX;
  };
  static double objective(unsigned n, const double *y, double *, void *data) {
    auto *s = static_cast<State *>(data);
    pagmo::vector_double x = s->x;
    for (unsigned k = 0; k < n; ++k) x[s->coordinates[k]] = y[k];
    try {
      double f = s->prob->fitness(x)[0];
      if (f < s->bestF) {
        s->bestF = f;
        s->bestX = x;
      }
      return f;
    } catch (const BudgetExhausted &) {
      s->exhausted = true;  // rethrown once NLopt's C frames are left
      nlopt_force_stop(s->opt);
      return 1e3;
    }
  }
  nlopt_algorithm algorithm() const {
    if (Name == "sbplx") return NLOPT_LN_SBPLX;
    if (Name == "bobyqa") return NLOPT_LN_BOBYQA;
    if (Name == "neldermead") return NLOPT_LN_NELDERMEAD;
    return NLOPT_LN_COBYLA;
  }
  std::string Name = "sbplx";
  unsigned MaxEvaluations = 8, Subspace = 4;
  mutable std::mt19937 Rng{1};
};

// One generation (or one local run) takes about `slice` evaluations.
pagmo::algorithm makeAlgorithm(const std::string &name, const EnsembleSettings &s, unsigned seed, std::size_t dims) {
  auto generations = static_cast<unsigned>(std::max<std::size_t>(1, s.sliceEvaluations / s.population));
  auto slice = static_cast<unsigned>(s.sliceEvaluations);
  // Step sizes on the log(1 + x) feature scale: small enough that most
  // values still round to where they were.
  constexpr double kSigma = 0.05;
  if (name == "sea") return pagmo::algorithm{pagmo::sea(slice, seed)};
  if (name == "cmaes")
    return pagmo::algorithm{pagmo::cmaes(generations, -1, -1, -1, -1, kSigma, 1e-9, 1e-9, true, true, seed)};
  if (name == "xnes")
    return pagmo::algorithm{pagmo::xnes(generations, -1, -1, -1, kSigma, 1e-9, 1e-9, true, true, seed)};
  if (name == "sade") return pagmo::algorithm{pagmo::sade(generations, 2u, 1u, 1e-9, 1e-9, true, seed)};
  if (name == "de1220")
    return pagmo::algorithm{pagmo::de1220(generations, pagmo::de1220_statics<void>::allowed_variants, 1u, 1e-9,
                                          1e-9, true, seed)};
  if (name == "pso") return pagmo::algorithm{pagmo::pso(generations, 0.7298, 2.05, 2.05, 0.05, 5u, 2u, 4u, true, seed)};
  if (name == "sa") {
    // Corana's annealing visits each coordinate in turn: bound its run to the slice.
    auto stepsPerRange = static_cast<unsigned>(std::max<std::size_t>(1, s.sliceEvaluations / std::max<std::size_t>(1, dims)));
    return pagmo::algorithm{pagmo::simulated_annealing(1.0, 0.01, 1u, 1u, stepsPerRange, kSigma, seed)};
  }
  if (isLocal(name))
    return pagmo::algorithm{NloptLocalSearch(name, slice, std::max(1u, slice / 2), seed)};
  throw std::invalid_argument(fmt::format("unknown ensemble technique '{}'", name));
}

// A technique: an algorithm and the population it keeps between slices.
class Technique {
public:
  Technique(std::string name, const EnsembleSettings &s, unsigned seed, SearchResults &results)
      : Name(std::move(name)), Algorithm(makeAlgorithm(Name, s, seed, results.freeIndex().size())),
        Size(isLocal(Name) || Name == "sa" ? 1 : s.population), Rng(seed) {
    StoreProblem p;
    p.results = &results;
    p.technique = Name;
    p.lower = results.freeOf(results.space().lower());
    p.upper = results.freeOf(results.space().upper());
    Problem = pagmo::problem{std::move(p)};
  }

  const std::string &name() const { return Name; }

  // One slice: the first one builds the population around the store's best.
  void runSlice(SearchResults &results) {
    if (!Population) seed(results);
    else injectBest(results);
    *Population = Algorithm.evolve(*Population);
  }

  std::size_t slices = 0, evaluations = 0, successes = 0;

private:
  // The store's best, then sparse mutations of it: each free value redrawn
  // within its bounds with probability 1 / dimensions, at least one.
  void seed(SearchResults &results) {
    Population = std::make_unique<pagmo::population>(Problem, 0u, static_cast<unsigned>(Rng()));
    std::vector<double> best = results.freeOf(results.best());
    auto [lower, upper] = Problem.get_bounds();
    Population->push_back(best, {results.bestError()});
    std::uniform_real_distribution<double> unit(0, 1);
    while (Population->size() < Size) {
      std::vector<double> x = best;
      std::size_t changed = 0;
      while (changed == 0)
        for (std::size_t k = 0; k < x.size(); ++k)
          if (unit(Rng) < 1.0 / static_cast<double>(x.size())) {
            x[k] = lower[k] + unit(Rng) * (upper[k] - lower[k]);
            ++changed;
          }
      Population->push_back(x);
    }
  }

  // What every technique found is every technique's: the store's best
  // replaces this population's worst when it is better than its champion.
  void injectBest(SearchResults &results) {
    if (Population->champion_f()[0] <= results.bestError()) return;
    Population->set_xf(Population->worst_idx(), results.freeOf(results.best()), {results.bestError()});
  }

  std::string Name;
  pagmo::algorithm Algorithm;
  pagmo::problem Problem;
  std::size_t Size;
  std::mt19937_64 Rng;
  std::unique_ptr<pagmo::population> Population;
};

} // namespace

nlohmann::json runEnsemble(SearchResults &results, const EnsembleSettings &settings) {
  if (settings.techniques.empty()) throw std::invalid_argument("the ensemble needs at least one technique");
  if (results.evaluations() == 0) results.evaluate(results.space().initial(), "default");
  std::vector<Technique> techniques;
  nlohmann::json out = nlohmann::json::array();
  std::size_t dims = results.freeIndex().size();
  for (std::size_t i = 0; i < settings.techniques.size(); ++i) {
    const std::string &name = settings.techniques[i];
    if ((name == "cmaes" || name == "xnes") && dims > kMaxCovarianceDimensions) {
      // A full covariance matrix: O(n^2) memory and O(n^3) decompositions.
      std::string why = fmt::format("{} free values: above the {} a full covariance matrix is affordable at", dims,
                                    kMaxCovarianceDimensions);
      spdlog::warn("ensemble: {} left out ({})", name, why);
      out.push_back({{"technique", name}, {"left_out", why}});
      continue;
    }
    techniques.emplace_back(name, settings, static_cast<unsigned>(settings.seed * 7919 + i), results);
  }
  if (techniques.empty()) throw std::invalid_argument("every ensemble technique was left out: " + out.dump());
  AucBandit bandit(techniques.size());
  nlohmann::json picks = nlohmann::json::array();
  // A technique that only proposes tables already run spends nothing; stop
  // when a long run of slices has spent nothing at all.
  constexpr std::size_t kIdleSlices = 200;
  std::size_t idle = 0;
  while (results.remaining() > 0 && idle < kIdleSlices) {
    std::size_t arm = bandit.choose();
    Technique &t = techniques[arm];
    std::size_t before = results.evaluations();
    double bestBefore = results.bestError();
    bool exhausted = false;
    try {
      t.runSlice(results);
    } catch (const BudgetExhausted &) {
      exhausted = true;
    }
    bool success = results.bestError() < bestBefore;
    ++t.slices;
    t.evaluations += results.evaluations() - before;
    t.successes += success;
    bandit.record(arm, success);
    idle = results.evaluations() == before ? idle + 1 : 0;
    if (exhausted) break;
  }
  if (idle >= kIdleSlices)
    spdlog::warn("ensemble search stopped with {} evaluations of its budget left: {} slices in a row proposed only "
                 "tables already run", results.remaining(), kIdleSlices);
  for (const Technique &t : techniques)
    out.push_back({{"technique", t.name()}, {"slices", t.slices}, {"evaluations", t.evaluations},
                   {"new_best_slices", t.successes}});
  return out;
}

} // namespace surrogate::patterns
