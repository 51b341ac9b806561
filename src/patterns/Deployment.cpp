// compareWithLlvmMca: held-out blocks timed and scored under llvm-mca and the surrogate; its CSV and plot.
#include "surrogate/patterns/Deployment.h"

#include <chrono>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "surrogate/block/Target.h"
#include "surrogate/data/Dataset.h"
#include "surrogate/mca/BatchRunner.h"
#include "surrogate/mca/TunedSubtarget.h"
#include "surrogate/model/Ithemal.h"
#include "surrogate/model/Metrics.h"
#include "surrogate/model/Predictor.h"
#include "surrogate/model/RunDir.h"
#include "surrogate/patterns/Plot.h"
#include "surrogate/support/AtomicFile.h"
#include "surrogate/support/Seconds.h"

namespace surrogate::patterns {

using support::Clock;
using support::secondsSince;

std::vector<block::BasicBlock> heldOutMeasuredBlocks(const std::string &datasetDir, std::size_t limit) {
  data::Dataset dataset = data::Dataset::open(datasetDir);
  std::vector<block::BasicBlock> blocks;
  data::ExampleReader reader = dataset.examples(data::Split::Test);
  for (data::Example e; reader.next(e) && (limit == 0 || blocks.size() < limit);) {
    if (!e.measured || e.paramsId != 0)
      continue;
    block::BasicBlock b;
    b.hex = e.hex();
    b.measured = e.measured;
    b.where = {datasetDir, blocks.size() + 1};
    blocks.push_back(std::move(b));
  }
  return blocks;
}

namespace {


std::vector<double> predictAll(const std::string &modelDir, const std::vector<block::BasicBlock> &blocks,
                               unsigned threads, double &seconds) {
  model::BatchPredictor predictor(modelDir, threads);
  auto start = Clock::now();
  std::vector<model::PredictionOutcome> outcomes = predictor.run(blocks);
  seconds = secondsSince(start);
  std::vector<double> cycles;
  for (const auto &o : outcomes) cycles.push_back(o.cycles ? *o.cycles : std::nan(""));
  return cycles;
}

} // namespace

DeploymentComparison compareWithLlvmMca(const std::string &modelDir, const std::string &cpu,
                                        const std::vector<block::BasicBlock> &blocks, unsigned threads,
                                        const std::string &paramsFile) {
  auto sti = paramsFile.empty() ? block::X86Target::get().createSubtarget(cpu)
                                : mca::createSimulationSubtarget(cpu, paramsFile);
  if (blocks.empty())
    throw std::runtime_error("no held-out blocks with measured timings to compare on (is --measured set?)");

  nlohmann::json speed = nlohmann::json::array();
  std::vector<double> mcaCycles, surrogateCycles;
  double mcaOne = 0, surrogateOne = 0;
  std::vector<unsigned> threadCounts = {1};
  if (threads > 1) threadCounts.push_back(threads);
  for (unsigned t : threadCounts) {
    double mcaSeconds = 0, surrogateSeconds = 0;
    auto mcaStart = Clock::now();
    mcaCycles = mca::simulateCycles(*sti, blocks, t);
    mcaSeconds = secondsSince(mcaStart);
    surrogateCycles = predictAll(modelDir, blocks, t, surrogateSeconds);
    double mcaRate = blocks.size() / mcaSeconds, surrogateRate = blocks.size() / surrogateSeconds;
    if (t == 1) {
      mcaOne = mcaRate;
      surrogateOne = surrogateRate;
    }
    spdlog::info("{} thread(s): llvm-mca {:.0f} blocks/s, surrogate {:.0f} blocks/s ({:.2f}x)", t, mcaRate,
                 surrogateRate, surrogateRate / mcaRate);
    speed.push_back({{"threads", t},
                     {"llvm_mca_blocks_per_second", mcaRate},
                     {"surrogate_blocks_per_second", surrogateRate},
                     {"surrogate_speedup", surrogateRate / mcaRate}});
  }

  DeploymentComparison c;
  std::vector<double> measured;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (std::isnan(mcaCycles[i]) || std::isnan(surrogateCycles[i]) || mcaCycles[i] <= 0)
      continue;
    c.blocks.push_back(blocks[i]);
    c.llvmMca.push_back(mcaCycles[i]);
    c.surrogate.push_back(surrogateCycles[i]);
    measured.push_back(*blocks[i].measured);
  }
  model::ErrorSummary mcaVsMeasured = model::summarize(c.llvmMca, measured);
  model::ErrorSummary surrogateVsMeasured = model::summarize(c.surrogate, measured);
  model::ErrorSummary surrogateVsMca = model::summarize(c.surrogate, c.llvmMca);
  c.summary = {{"blocks", blocks.size()},
               {"compared_blocks", c.blocks.size()},
               {"speed", speed},
               {"surrogate_speedup_1_thread", surrogateOne / mcaOne},
               {"llvm_mca_vs_measured", model::toJson(mcaVsMeasured)},
               {"surrogate_vs_measured", model::toJson(surrogateVsMeasured)},
               {"surrogate_vs_llvm_mca", model::toJson(surrogateVsMca)}};
  return c;
}

void writeComparisonCsv(const std::string &path, const DeploymentComparison &c) {
  support::AtomicFile file(path);
  file.stream() << "hex,measured,llvm_mca,surrogate\n";
  for (std::size_t i = 0; i < c.blocks.size(); ++i)
    file.stream() << c.blocks[i].hex << ',' << *c.blocks[i].measured << ',' << c.llvmMca[i] << ','
                  << fmt::format("{:.2f}", c.surrogate[i]) << '\n';
  file.commit();
}

void plotAgainstMeasured(const std::string &path, const std::string &title, const std::string &surrogateLabel,
                         const DeploymentComparison &comparison) {
  std::vector<double> measured;
  for (const auto &b : comparison.blocks) measured.push_back(*b.measured);
  auto panel = [&](const std::string &label, const std::vector<double> &predicted) {
    double mape = model::summarize(predicted, measured).mape;
    return Series{fmt::format("{}: MAPE {:.1f}% on {} blocks", label, 100 * mape, measured.size()), measured, predicted};
  };
  panelScatterPlot(path, {title, "measured cycles / 100 iterations", "predicted cycles / 100 iterations", true, true, true},
                   {panel("llvm-mca", comparison.llvmMca), panel(surrogateLabel, comparison.surrogate)});
}

std::int64_t modelParameterCount(const std::string &modelDir) {
  model::IthemalModel net(model::RunDir(modelDir).modelConfig());
  std::int64_t count = 0;
  for (const auto &p : net->parameters()) count += p.numel();
  return count;
}

} // namespace surrogate::patterns
