// polishTable: the surrogate-gradient and residual rankers, the coordinate descent, the validation choice.
#include "surrogate/patterns/CoordinatePolish.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <optional>
#include <set>
#include <utility>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <torch/torch.h>

#include "surrogate/model/FrozenSurrogate.h"
#include "surrogate/model/TableFeatures.h"
#include "surrogate/patterns/TableTuning.h"
#include "surrogate/support/EvenlySpread.h"

namespace surrogate::patterns {

namespace {

using Clock = std::chrono::steady_clock;
using model::TableFeatures;

// A step must lower the sample's MAPE by more than this to be kept: less is
// about one block's error moving by a few points, which the sample cannot
// tell from chance.
constexpr double kMinGain = 1e-4;

struct Candidate {
  std::size_t feature;
  long value;  ///< the raw value it steps to
};

// The free values the gradient says to move, steepest first, each one step
// against its gradient within the bounds, leaving out steps already refused.
std::vector<Candidate> rankSteps(const std::vector<float> &gradient, const std::vector<float> &features,
                                 const model::ParamVector &space, const std::set<std::pair<std::size_t, long>> &refused) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < gradient.size(); ++i)
    if (space.isFree()[i] && gradient[i] != 0) order.push_back(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return std::abs(gradient[a]) > std::abs(gradient[b]); });
  std::vector<Candidate> out;
  for (std::size_t i : order) {
    long raw = std::lround(TableFeatures::toRaw(features[i]));
    long next = raw + (gradient[i] > 0 ? -1 : 1);
    long lo = std::lround(TableFeatures::toRaw(space.lower()[i])), hi = std::lround(TableFeatures::toRaw(space.upper()[i]));
    if (next < lo || next > hi || refused.count({i, next})) continue;
    out.push_back({i, next});
  }
  return out;
}

// An opcode's latency and max_latency features: for a one-write opcode
// they name one value (their mean is written), so a step moves both.
std::optional<std::size_t> latencySibling(std::size_t feature, const model::ParamVector &space) {
  if (feature < space.globals()) return std::nullopt;
  std::size_t k = (feature - space.globals()) % space.width();
  if (k == TableFeatures::kLatency) return feature + 1;
  if (k == TableFeatures::kMaxLatency) return feature - 1;
  return std::nullopt;
}

// Of the passes' tables (at most kMaxScored, spread evenly, the last
// always), the one of lowest validation MAPE within the median cap.
void chooseOnValidation(const Descent &d, const mca::ParamTable &start,
                        const std::vector<block::BasicBlock> &validation, const PolishSettings &s, unsigned threads,
                        PolishResult &r) {
  constexpr std::size_t kMaxScored = 8;
  r.table = start;
  MeasuredError startError = mcaErrorUnder(start, validation, threads, "start table");
  r.simulations += validation.size();
  r.startValidationMape = r.validationMape = startError.mape;
  r.validationMedianApe = startError.medianApe;
  for (std::size_t i : support::evenlySpread(d.passEnds.size(), kMaxScored)) {
    const auto &[table, steps] = d.passEnds[i];
    MeasuredError e = mcaErrorUnder(table, validation, threads, "polished table");
    r.simulations += validation.size();
    spdlog::info("polish: the table after {} steps on validation: MAPE {:.2f}% (median APE {:.2f}%)", steps,
                 100 * e.mape, 100 * e.medianApe);
    if (e.mape < r.validationMape && e.medianApe <= s.maxMedianApe) {
      r.table = table;
      r.validationMape = e.mape;
      r.validationMedianApe = e.medianApe;
      r.keptSteps = steps;
      r.kept = true;
    }
  }
}

} // namespace

StepRanker surrogateGradient(const std::string &dir, const model::ParamVector &space,
                             const std::vector<block::BasicBlock> &sample) {
  return [dir, &space, &sample](const mca::ParamTable &current, const std::vector<double> &cycles) {
    model::ParamVector here(current, space.opcodes());
    model::FrozenSurrogate surrogate(dir, sample, cycles, here);
    torch::Tensor values = torch::tensor(here.initial()).requires_grad_(true);
    const std::size_t n = surrogate.size();
    if (n == 0) return std::vector<float>(here.size(), 0.0f);  // llvm-mca ran none of the sample
    for (std::size_t begin = 0; begin < n; begin += 512) {
      std::vector<std::size_t> batch(std::min<std::size_t>(512, n - begin));
      std::iota(batch.begin(), batch.end(), begin);
      (surrogate.mape(values, batch) * (static_cast<double>(batch.size()) / n)).backward();
    }
    torch::Tensor g = values.grad().contiguous();
    return std::vector<float>(g.data_ptr<float>(), g.data_ptr<float>() + g.numel());
  };
}

StepRanker residualRanker(const model::ParamVector &space, const std::vector<block::BasicBlock> &sample) {
  return [&space, &sample](const mca::ParamTable &, const std::vector<double> &cycles) {
    std::vector<float> g(space.size(), 0.0f);
    double total = 0;  // the blocks' signed relative errors: > 0 when llvm-mca is too slow
    for (std::size_t i = 0; i < sample.size() && i < cycles.size(); ++i) {
      if (!std::isfinite(cycles[i])) continue;
      double blame = (cycles[i] > *sample[i].measured ? 1.0 : -1.0) / *sample[i].measured;
      total += blame;
      for (const auto &inst : sample[i].insts) {
        long row = space.rowOf(inst.getOpcode());
        if (row < 0) continue;
        std::size_t base = space.globals() + static_cast<std::size_t>(row) * space.width();
        for (std::size_t k = 0; k < space.width(); ++k)
          g[base + k] += static_cast<float>(k == TableFeatures::kMaxReadAdvance ? -blame : blame);
      }
    }
    for (std::size_t k = 0; k < space.globals(); ++k) g[k] = static_cast<float>(-total);
    return g;
  };
}

Descent coordinateDescent(const std::vector<float> &start, SearchResults &results, const StepRanker &rank,
                          std::size_t candidates) {
  const model::ParamVector &space = results.space();
  Descent d;
  d.features = start;
  try {
    d.startMape = d.mape = results.evaluate(start, "start");
  } catch (const BudgetExhausted &) {
    return d;
  }
  std::vector<double> cycles = results.lastCycles();
  d.curve.push_back({{"evaluation", results.evaluations()}, {"sample_mape", d.mape}});
  mca::ParamTable current = space.toTable(start);
  std::set<std::pair<std::size_t, long>> refused;  // (feature, value) steps that did not help
  std::size_t width = candidates;
  while (results.remaining() > 0 && !cycles.empty()) {
    std::vector<Candidate> ranked = rankSteps(rank(current, cycles), d.features, space, refused);
    ++d.passes;
    std::size_t tried = 0, kept = 0;
    for (const Candidate &c : ranked) {
      if (tried == width || results.remaining() == 0) break;
      std::vector<float> trial = d.features;
      trial[c.feature] = TableFeatures::toFeature(static_cast<double>(c.value));
      // A table already run (the current one among them) is not run again.
      std::optional<double> error = results.evaluateIfNew(trial, "coordinate step");
      if (auto sibling = latencySibling(c.feature, space); !error && sibling) {
        trial[*sibling] = trial[c.feature];
        error = results.evaluateIfNew(trial, "coordinate step");
      }
      refused.insert({c.feature, c.value});  // taken out again below if kept
      if (!error) continue;
      ++tried;
      if (*error >= d.mape - kMinGain) continue;
      long before = std::lround(TableFeatures::toRaw(d.features[c.feature]));
      d.steps.push_back(fmt::format("{} {} -> {}", space.featureName(c.feature), before, c.value));
      spdlog::info("coordinate descent: {}: sample MAPE {:.2f}% -> {:.2f}%", d.steps.back(), 100 * d.mape,
                   100 * *error);
      refused.erase({c.feature, c.value});
      refused.insert({c.feature, before});  // no stepping straight back
      d.features = std::move(trial);
      current = space.toTable(d.features);
      cycles = results.lastCycles();
      d.mape = *error;
      d.curve.push_back({{"evaluation", results.evaluations()}, {"sample_mape", d.mape}});
      ++kept;
    }
    if (kept > 0) {
      d.passEnds.emplace_back(current, d.steps.size());
    } else {
      if (tried == 0) break;  // every step the ranker names was tried
      width *= 2;             // look further down the ranking
    }
  }
  spdlog::info("coordinate descent: {} steps kept of {} tables in {} passes; sample MAPE {:.2f}% -> {:.2f}%",
               d.steps.size(), results.evaluations(), d.passes, 100 * d.startMape, 100 * d.mape);
  return d;
}

PolishResult polishTable(const mca::ParamTable &start, const model::ParamVector &space,
                         const std::vector<block::BasicBlock> &sample,
                         const std::vector<block::BasicBlock> &validation, const StepRanker &rank,
                         const PolishSettings &s, unsigned threads) {
  auto clockStart = Clock::now();
  spdlog::info("polish: llvm-mca on {} train blocks, at most {} tables", sample.size(), s.evaluations);
  SearchResults results(space, sample, threads, s.evaluations, "polishing the table with llvm-mca");
  Descent d = coordinateDescent(model::ParamVector(start, space.opcodes()).initial(), results, rank, s.candidates);
  results.finish();
  PolishResult r;
  r.steps = d.steps;
  r.evaluations = results.evaluations();
  r.passes = d.passes;
  r.simulations = r.evaluations * sample.size();
  r.startSampleMape = d.startMape;
  r.sampleMape = d.mape;
  r.curve = d.curve;
  chooseOnValidation(d, start, validation, s, threads, r);
  r.seconds = std::chrono::duration<double>(Clock::now() - clockStart).count();
  return r;
}

nlohmann::json PolishResult::toJson() const {
  return {{"evaluations", evaluations},
          {"passes", passes},
          {"steps_kept", steps},
          {"steps_in_table", keptSteps},
          {"simulations", simulations},
          {"llvm_mca_sample_mape_before", startSampleMape},
          {"llvm_mca_sample_mape_after", sampleMape},
          {"llvm_mca_validation_mape_before", startValidationMape},
          {"llvm_mca_validation_mape_after", validationMape},
          {"llvm_mca_validation_median_ape_after", validationMedianApe},
          {"kept", kept},
          {"curve", curve},
          {"seconds", seconds}};
}

} // namespace surrogate::patterns
