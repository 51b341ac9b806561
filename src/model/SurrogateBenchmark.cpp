// runSurrogateBenchmark: each engine at batch 1 and batched, timed beside in-process llvm-mca, with the ratios.
#include "surrogate/model/SurrogateBenchmark.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "surrogate/block/BlockPipeline.h"
#include "surrogate/block/BlockReader.h"
#include "surrogate/model/GuardedPredictor.h"
#include "surrogate/model/LeanPredictor.h"
#include "surrogate/model/Predictor.h"
#include "surrogate/model/TableInputs.h"
#include "surrogate/support/Errors.h"
#include "surrogate/support/Seconds.h"

namespace surrogate::model {

namespace {

using Predict = std::function<std::vector<PredictionOutcome>(const std::vector<block::BasicBlock> &)>;

struct Timing {
  std::size_t predicted = 0;
  double seconds = 0;
};

// One warm-up on the first blocks, then the timed run over all of them.
Timing timeRun(const Predict &predict, const std::vector<block::BasicBlock> &blocks,
               const std::function<void()> &afterWarmUp = {}) {
  predict(std::vector<block::BasicBlock>(blocks.begin(), blocks.begin() + std::min<std::size_t>(blocks.size(), 256)));
  if (afterWarmUp)
    afterWarmUp();
  auto start = support::Clock::now();
  std::vector<PredictionOutcome> outcomes = predict(blocks);
  Timing t;
  t.seconds = support::secondsSince(start);
  for (const PredictionOutcome &o : outcomes)
    t.predicted += o.cycles.has_value();
  return t;
}

// The blocks bench mca timed: the first `limit` that decode.
std::vector<block::BasicBlock> benchBlocks(const mca::McaBenchConfig &config) {
  std::vector<block::BasicBlock> blocks;
  if (config.limit == 0)
    return blocks;
  block::BlockReader reader(config.inputs);
  block::forEachDecoded(
      reader,
      [&](block::BasicBlock &b) {
        b.insts.clear();  // timed runs decode, as bench mca's do
        blocks.push_back(std::move(b));
        return blocks.size() < config.limit;
      },
      block::DecodeMode::CheckOnly);
  return blocks;
}

// The engines to time: those asked for, checked, or by default both (LibTorch's alone for a conditioned model).
std::vector<std::string> enginesOf(const SurrogateBenchConfig &config) {
  if (config.engines.empty())
    return config.mca.paramsFile.empty() ? std::vector<std::string>{"lean", "torch"}
                                         : std::vector<std::string>{"torch"};
  for (const std::string &engine : config.engines) {
    if (engine != "lean" && engine != "torch")
      throw support::ConfigError("--engines: unknown engine '" + engine + "' (lean, torch)");
    if (engine == "lean" && !config.mca.paramsFile.empty())
      throw support::ConfigError("--engines lean: a parameter-conditioned model (--params) runs on LibTorch only; "
                                 "use --engines torch");
  }
  return config.engines;
}

// The guarded lean engine at the calibration's threshold; `byLlvmMca` counts the blocks llvm-mca answered.
Timing timeGuarded(const SurrogateBenchConfig &config, unsigned threads, std::size_t batch,
                   const std::vector<block::BasicBlock> &blocks, std::size_t &byLlvmMca) {
  LeanGuard guard(config.runDir, std::nullopt, threads, batch);
  // One block at a time, as a tool would ask, or the whole set batched.
  auto predict = [&](const std::vector<block::BasicBlock> &b) {
    std::vector<PredictionOutcome> out;
    std::vector<block::BasicBlock> one(1);
    byLlvmMca = 0;
    auto take = [&](std::vector<GuardedOutcome> &&g) {
      for (GuardedOutcome &o : g) {
        byLlvmMca += o.byLlvmMca;
        out.push_back(std::move(o.outcome));
      }
    };
    if (batch > 1)
      take(guard.run(b, guard.calibration.threshold));
    else
      for (const block::BasicBlock &block : b) {
        one[0] = block;
        take(guard.run(one, guard.calibration.threshold));
      }
    return out;
  };
  return timeRun(predict, blocks);
}

} // namespace

nlohmann::json runSurrogateBenchmark(const SurrogateBenchConfig &config) {
  const std::vector<std::string> engines = enginesOf(config);
  // A conditioned model runs under the table bench mca also times llvm-mca with; checked before any timing.
  std::optional<TableInputs> table;
  if (!config.mca.paramsFile.empty())
    table.emplace(mca::ParamTable::load(config.mca.paramsFile), config.mca.paramsFile);
  if (std::find(engines.begin(), engines.end(), "torch") != engines.end())  // the lean engine alone reads a model file
    Predictor(config.runDir, config.checkpoint).checkTable(table ? &*table : nullptr);
  nlohmann::json mcaResult = mca::runMcaBenchmark(config.mca);
  std::vector<block::BasicBlock> blocks = benchBlocks(config.mca);
  if (blocks.size() != mcaResult.at("blocks").get<std::size_t>())
    throw std::logic_error("bench surrogate: read a different block set than bench mca");
  if (table)
    table->cover(blocks);  // the table's rows for these blocks, made before timing
  const TableInputs *inputs = table ? &*table : nullptr;
  const char *mcaKey = table ? "params_blocks_per_second" : "blocks_per_second";

  std::vector<std::string> timed = engines;
  if (config.guard)
    timed.push_back("lean+guard");
  std::vector<std::size_t> batchSizes = {1};
  if (config.batchSize > 1)
    batchSizes.push_back(config.batchSize);
  nlohmann::json rows = nlohmann::json::array();
  double best = 0, bestMca = 0;
  for (const auto &row : mcaResult.at("in_process"))
    bestMca = std::max(bestMca, row.at(mcaKey).get<double>());
  for (std::size_t k = 0; k < config.mca.threads.size(); ++k) {
    unsigned threads = config.mca.threads[k];
    double mcaRate = mcaResult.at("in_process").at(k).at(mcaKey);
    for (const std::string &engine : timed)
      for (std::size_t batch : batchSizes) {
        Timing t;
        nlohmann::json row = {{"engine", engine}, {"batch_size", batch}, {"threads", threads}};
        if (engine == "lean") {
          LeanPredictor lean(config.runDir, threads, batch);
          std::uint64_t warm = 0;
          auto afterWarmUp = [&] {
            lean.forgetInstructions();  // the timed run starts with no instruction cached
            warm = lean.multiplyAdds();
          };
          t = timeRun([&](const auto &b) { return lean.run(b); }, blocks, afterWarmUp);
          row["gflops"] = 2e-9 * static_cast<double>(lean.multiplyAdds() - warm) / t.seconds;
        } else if (engine == "lean+guard") {
          std::size_t byLlvmMca = 0;
          t = timeGuarded(config, threads, batch, blocks, byLlvmMca);
          row["answered_by_llvm_mca"] = static_cast<double>(byLlvmMca) / static_cast<double>(blocks.size());
        } else {
          BatchPredictor torch(config.runDir, threads, batch, config.checkpoint);
          t = timeRun([&](const auto &b) { return torch.run(b, inputs); }, blocks);
        }
        double rate = t.predicted / t.seconds;
        best = std::max(best, rate);
        spdlog::info("surrogate ({}, batch {}, {} thread(s)): {} blocks in {:.2f}s = {:.0f} blocks/s ({:.2f}x llvm-mca "
                     "in-process)", engine, batch, threads, t.predicted, t.seconds, rate, rate / mcaRate);
        row.update({{"blocks", t.predicted},
                    {"seconds", t.seconds},
                    {"blocks_per_second", rate},
                    {"vs_mca_same_threads", rate / mcaRate}});
        rows.push_back(row);
      }
  }
  return {{"run_dir", config.runDir},
          {"checkpoint", config.checkpoint},
          {"params", table ? nlohmann::json(config.mca.paramsFile) : nlohmann::json(nullptr)},
          {"batch_size", config.batchSize},
          {"blocks", blocks.size()},
          {"surrogate", rows},
          {"mca", mcaResult},
          {"best_vs_best_mca", bestMca > 0 ? best / bestMca : 0.0}};
}

std::string formatSurrogateBenchmark(const nlohmann::json &r) {
  std::string out = fmt::format("bench surrogate: {} blocks, model {} ({})\n", r["blocks"].get<std::size_t>(),
                                r["run_dir"].get<std::string>(), r["checkpoint"].get<std::string>());
  const bool withTable = r.contains("params") && !r["params"].is_null();
  if (withTable)
    out += fmt::format("both under the parameter table {}\n", r["params"].get<std::string>());
  out += fmt::format("{:<10} {:>6} {:>8} {:>14} {:>21} {:>8} {:>8}\n", "engine", "batch", "threads", "surrogate b/s",
                     "llvm-mca in-proc b/s", "ratio", "GFLOP/s");
  const nlohmann::json &mcaRows = r["mca"]["in_process"];
  for (const auto &s : r["surrogate"]) {
    auto threads = s["threads"].get<unsigned>();
    auto mca = std::find_if(mcaRows.begin(), mcaRows.end(), [&](const auto &m) { return m["threads"] == threads; });
    out += fmt::format("{:<10} {:>6} {:>8} {:>14.0f} {:>21.0f} {:>7.2f}x {:>8}\n", s["engine"].get<std::string>(),
                       s["batch_size"].get<std::size_t>(), threads, s["blocks_per_second"].get<double>(),
                       (*mca)[withTable ? "params_blocks_per_second" : "blocks_per_second"].get<double>(),
                       s["vs_mca_same_threads"].get<double>(),
                       s.contains("gflops")                 ? fmt::format("{:.1f}", s["gflops"].get<double>())
                       : s.contains("answered_by_llvm_mca") ? fmt::format("{:.1f}% by llvm-mca",
                                                                          100 * s["answered_by_llvm_mca"].get<double>())
                                                            : std::string());
  }
  out += fmt::format("best surrogate / best llvm-mca: {:.2f}x\n", r["best_vs_best_mca"].get<double>());
  return out;
}

} // namespace surrogate::model
