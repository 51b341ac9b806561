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

#include "surrogate/mca/BatchRunner.h"
#include "surrogate/mca/TunedSubtarget.h"
#include "surrogate/model/FrozenSurrogate.h"
#include "surrogate/model/TableFeatures.h"
#include "surrogate/patterns/TableTuning.h"
#include "surrogate/support/Progress.h"

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

namespace {

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

struct Scored {
  std::vector<double> cycles;
  MeasuredError error{1.0, 1.0};
  bool ok = false;
};

Scored simulate(const mca::ParamTable &table, const std::vector<block::BasicBlock> &blocks, unsigned threads) {
  Scored s;
  try {
    auto sti = mca::TunedSubtarget::create(table, "polished table");
    s.cycles = mca::simulateCycles(*sti, blocks, threads);
    s.error = errorAgainstMeasured(s.cycles, blocks);
    s.ok = true;
  } catch (const std::exception &e) {
    spdlog::warn("polish: a table was refused: {}", e.what());
  }
  return s;
}

// Of the tables held at the end of each pass that kept a step (at most
// kMaxScored, spread evenly, the last always), the one of lowest validation
// MAPE within the median cap.
void chooseOnValidation(const std::vector<std::pair<mca::ParamTable, std::size_t>> &passEnds, const mca::ParamTable &start,
                        const std::vector<block::BasicBlock> &validation, const PolishSettings &s, unsigned threads,
                        PolishResult &r) {
  constexpr std::size_t kMaxScored = 8;
  r.table = start;
  MeasuredError startError = mcaErrorUnder(start, validation, threads, "start table");
  r.simulations += validation.size();
  r.startValidationMape = r.validationMape = startError.mape;
  r.validationMedianApe = startError.medianApe;
  std::size_t n = std::min(passEnds.size(), kMaxScored);
  for (std::size_t k = 0; k < n; ++k) {
    const auto &[t, steps] = passEnds[n == passEnds.size() ? k : k * (passEnds.size() - 1) / (n - 1)];
    MeasuredError e = mcaErrorUnder(t, validation, threads, "polished table");
    r.simulations += validation.size();
    spdlog::info("polish: a pass's table on validation: MAPE {:.2f}% (median APE {:.2f}%)", 100 * e.mape,
                 100 * e.medianApe);
    if (e.mape < r.validationMape && e.medianApe <= s.maxMedianApe) {
      r.table = t;
      r.validationMape = e.mape;
      r.validationMedianApe = e.medianApe;
      r.keptSteps = steps;
      r.kept = true;
    }
  }
}

} // namespace

PolishResult polishTable(const mca::ParamTable &start, const model::ParamVector &space,
                         const std::vector<block::BasicBlock> &sample,
                         const std::vector<block::BasicBlock> &validation, const StepRanker &rank,
                         const PolishSettings &s, unsigned threads) {
  auto clockStart = Clock::now();
  PolishResult r;
  std::vector<float> features = model::ParamVector(start, space.opcodes()).initial();
  mca::ParamTable current = space.toTable(features);
  Scored now = simulate(current, sample, threads);
  if (!now.ok) throw std::runtime_error("polish: llvm-mca refused the start table");
  r.evaluations = 1;
  r.simulations = sample.size();
  r.startSampleMape = r.sampleMape = now.error.mape;
  r.curve.push_back({{"evaluation", 1}, {"sample_mape", r.sampleMape}});
  spdlog::info("polish: llvm-mca on {} train blocks, MAPE {:.2f}% at the start; at most {} tables", sample.size(),
               100 * r.sampleMape, s.evaluations);

  std::set<std::pair<std::size_t, long>> refused;  // (feature, value) steps that did not help
  std::set<std::string> seen = {mca::diffTables(space.defaults(), current)};  // tables run, as their changes
  std::vector<std::pair<mca::ParamTable, std::size_t>> passEnds;  // with the steps kept so far
  std::size_t width = s.candidates;
  support::Progress progress("polishing the table with llvm-mca", s.evaluations);
  while (r.evaluations < s.evaluations) {
    std::vector<Candidate> ranked = rankSteps(rank(current, now.cycles), features, space, refused);
    ++r.passes;
    std::size_t tried = 0, kept = 0;
    for (const Candidate &c : ranked) {
      if (tried == width || r.evaluations >= s.evaluations) break;
      std::vector<float> trial = features;
      trial[c.feature] = TableFeatures::toFeature(static_cast<double>(c.value));
      mca::ParamTable table = space.toTable(trial);
      std::string signature = mca::diffTables(space.defaults(), table);
      auto sibling = latencySibling(c.feature, space);
      if (seen.count(signature) && sibling) {
        trial[*sibling] = trial[c.feature];
        table = space.toTable(trial);
        signature = mca::diffTables(space.defaults(), table);
      }
      refused.insert({c.feature, c.value});  // taken out again below if kept
      if (!seen.insert(signature).second) continue;  // a table already run, or the current one
      ++tried;
      ++r.evaluations;
      r.simulations += sample.size();
      Scored next = simulate(table, sample, threads);
      progress.update(r.evaluations);
      if (!next.ok || next.error.mape >= r.sampleMape - kMinGain) continue;
      long before = std::lround(TableFeatures::toRaw(features[c.feature]));
      r.steps.push_back(fmt::format("{} {} -> {}", space.featureName(c.feature), before, c.value));
      spdlog::info("polish: {}: sample MAPE {:.2f}% -> {:.2f}%", r.steps.back(), 100 * r.sampleMape,
                   100 * next.error.mape);
      refused.erase({c.feature, c.value});
      refused.insert({c.feature, before});  // no stepping straight back
      features = std::move(trial);
      current = std::move(table);
      now = std::move(next);
      r.sampleMape = now.error.mape;
      r.curve.push_back({{"evaluation", r.evaluations}, {"sample_mape", r.sampleMape}});
      ++kept;
    }
    if (kept > 0) {
      passEnds.emplace_back(current, r.steps.size());
    } else {
      if (tried == 0) break;  // every step the gradient names was tried
      width *= 2;             // look further down the ranking
    }
  }
  progress.finish();
  spdlog::info("polish: {} steps kept of {} tables in {} passes; sample MAPE {:.2f}% -> {:.2f}%", r.steps.size(),
               r.evaluations - 1, r.passes, 100 * r.startSampleMape, 100 * r.sampleMape);
  chooseOnValidation(passEnds, start, validation, s, threads, r);
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
