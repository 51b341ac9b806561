// tuneWithSurrogate: Adam on a table through the frozen surrogate; the checkpoints scored and picked by llvm-mca.
#include "surrogate/patterns/TableTuning.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

#include <spdlog/spdlog.h>
#include <torch/torch.h>

#include "surrogate/mca/BatchRunner.h"
#include "surrogate/mca/TunedSubtarget.h"
#include "surrogate/support/Progress.h"
#include "surrogate/support/SeededShuffle.h"
#include "surrogate/support/Seconds.h"

namespace surrogate::patterns {

using support::Clock;
using support::secondsSince;

// Adam on the table's features (log scale), projected back into the bounds
// after every step; features with no parameter behind them do not move.
// The table is checkpointed every tenth of the steps; scoreCheckpoints and
// pickCheckpoint choose one with the real llvm-mca.
SurrogateTuning tuneWithSurrogate(model::FrozenSurrogate &surrogate, model::FrozenSurrogate &validation,
                                  const model::ParamVector &space,
                                  const OptimizeSettings &s, std::uint64_t seed) {
  auto start = Clock::now();
  torch::manual_seed(seed);
  torch::Tensor values = torch::tensor(space.initial()).requires_grad_(true);
  torch::Tensor lower = torch::tensor(space.lower()), upper = torch::tensor(space.upper());
  std::vector<float> freeMask(space.isFree().begin(), space.isFree().end());
  torch::Tensor mask = torch::tensor(freeMask);
  torch::Tensor initial = torch::tensor(space.initial());
  torch::optim::Adam adam({values}, torch::optim::AdamOptions(s.learningRate));

  SurrogateTuning result;
  std::size_t every = std::max<std::size_t>(1, s.steps / 10);
  std::vector<std::size_t> order(surrogate.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(seed);
  std::size_t position = order.size();
  support::Progress progress("tuning the table through the surrogate", s.steps);
  // pattern.tune_as_written: the surrogate sees the table as it will be written; the gradient passes straight
  // through the mapping, so a value moves until the written table changes.
  auto seen = [&] {
    if (!s.tuneAsWritten)
      return values;
    torch::Tensor v = values.detach().contiguous();
    std::vector<float> written = space.asWritten(std::vector<float>(v.data_ptr<float>(), v.data_ptr<float>() + v.numel()));
    return values + (torch::tensor(written) - values).detach();
  };
  auto checkpoint = [&](std::size_t step) {
    torch::Tensor table = seen();
    double train = surrogate.mapeAll(table), v = validation.size() > 0 ? validation.mapeAll(table) : train;
    result.curve.push_back({{"step", step}, {"surrogate_train_mape", train}, {"surrogate_validation_mape", v}});
    torch::Tensor copy = values.detach().contiguous();
    result.steps.push_back(step);
    result.checkpoints.emplace_back(copy.data_ptr<float>(), copy.data_ptr<float>() + copy.numel());
  };
  for (std::size_t step = 0; step < s.steps; ++step) {
    if (step % every == 0)
      checkpoint(step);
    if (position + s.batchSize > order.size()) {  // a new seeded pass over the train blocks
      support::seededShuffle(order, rng);
      position = 0;
    }
    std::vector<std::size_t> batch(order.begin() + position,
                                   order.begin() + std::min(order.size(), position + s.batchSize));
    position += batch.size();
    adam.zero_grad();
    torch::Tensor loss = surrogate.mape(seen(), batch);
    // The surrogate learnt tables that differ from LLVM's in a few values
    // (pattern.perturb_probability); the penalty keeps the tuned one so.
    if (s.l1 > 0)
      loss = loss + s.l1 * ((values - initial).abs() * mask).sum();
    loss.backward();
    {
      torch::NoGradGuard noGrad;
      values.mutable_grad().mul_(mask);
      if (step == 0) {
        // Which parameters the surrogate says matter most, for the report.
        auto [top, index] = values.grad().abs().topk(std::min<std::int64_t>(10, values.numel()));
        for (std::int64_t k = 0; k < index.numel(); ++k) {
          auto i = index[k].item<std::int64_t>();
          result.sensitivity.push_back({{"feature", space.featureName(i)}, {"gradient", values.grad()[i].item<double>()}});
        }
      }
    }
    adam.step();
    {
      torch::NoGradGuard noGrad;
      values.copy_(torch::max(torch::min(values, upper), lower));
    }
    progress.update(step + 1);
  }
  progress.finish();
  checkpoint(s.steps);
  result.seconds = secondsSince(start);
  return result;
}

MeasuredError errorAgainstMeasured(const std::vector<double> &cycles, const std::vector<block::BasicBlock> &blocks) {
  MeasuredError e;
  if (blocks.empty()) return e;
  std::vector<double> ape(blocks.size());
  for (std::size_t i = 0; i < blocks.size(); ++i)
    ape[i] = std::isfinite(cycles[i]) ? std::abs(cycles[i] - *blocks[i].measured) / *blocks[i].measured : 1.0;
  e.mape = std::accumulate(ape.begin(), ape.end(), 0.0) / ape.size();
  std::size_t mid = ape.size() / 2;
  std::nth_element(ape.begin(), ape.begin() + mid, ape.end());
  e.medianApe = ape[mid];
  if (ape.size() % 2 == 0) e.medianApe = (e.medianApe + *std::max_element(ape.begin(), ape.begin() + mid)) / 2;
  return e;
}

double mapeAgainstMeasured(const std::vector<double> &cycles, const std::vector<block::BasicBlock> &blocks) {
  return errorAgainstMeasured(cycles, blocks).mape;
}

MeasuredError mcaErrorUnder(const mca::ParamTable &table, const std::vector<block::BasicBlock> &blocks,
                            unsigned threads, const std::string &what) {
  auto sti = mca::TunedSubtarget::create(table, what);
  return errorAgainstMeasured(mca::simulateCycles(*sti, blocks, threads), blocks);
}

double mcaMapeUnder(const mca::ParamTable &table, const std::vector<block::BasicBlock> &blocks, unsigned threads,
                    const std::string &what) {
  return mcaErrorUnder(table, blocks, threads, what).mape;
}

double medianApeCap(double cap, double startMedianApe) {
  return cap > 0 ? cap * startMedianApe : std::numeric_limits<double>::infinity();
}

// The surrogate is only trusted for the direction: every checkpoint's table
// is run through the real llvm-mca on the validation blocks, so a table the
// surrogate was wrong about is never kept.
std::size_t scoreCheckpoints(SurrogateTuning &tuning, const model::ParamVector &space,
                             const std::vector<block::BasicBlock> &validation, unsigned threads) {
  for (std::size_t k = 0; k < tuning.checkpoints.size(); ++k) {
    MeasuredError error{1.0, 1.0};
    try {
      error = mcaErrorUnder(space.toTable(tuning.checkpoints[k]), validation, threads, "checkpoint");
    } catch (const std::exception &e) {
      spdlog::warn("checkpoint at step {} rejected: {}", tuning.steps[k], e.what());
    }
    tuning.curve[k]["llvm_mca_validation_mape"] = error.mape;
    tuning.curve[k]["llvm_mca_validation_median_ape"] = error.medianApe;
  }
  return tuning.checkpoints.size() * validation.size();
}

// The median cap keeps a table that trades many blocks' small errors for a
// few large ones from being chosen.
std::size_t pickCheckpoint(const SurrogateTuning &tuning, double maxMedianApe) {
  std::size_t index = 0;
  double best = std::numeric_limits<double>::infinity();
  for (std::size_t k = 0; k < tuning.checkpoints.size(); ++k) {
    double mape = tuning.curve[k]["llvm_mca_validation_mape"].get<double>();
    bool allowed = k == 0 || tuning.curve[k]["llvm_mca_validation_median_ape"].get<double>() <= maxMedianApe;
    if (allowed && mape < best) {
      best = mape;
      index = k;
    }
  }
  return index;
}

} // namespace surrogate::patterns
