// runSurrogateBenchmark: batched surrogate inference timed beside in-process llvm-mca, with the ratios.
#include "surrogate/model/SurrogateBenchmark.h"

#include <chrono>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "surrogate/block/BlockPipeline.h"
#include "surrogate/block/BlockReader.h"
#include "surrogate/block/Decoder.h"
#include "surrogate/model/Predictor.h"
#include "surrogate/model/TableInputs.h"

namespace surrogate::model {

using Clock = std::chrono::steady_clock;

nlohmann::json runSurrogateBenchmark(const SurrogateBenchConfig &config) {
  // A conditioned model runs under the table bench mca also times llvm-mca with; checked before any timing.
  std::optional<TableInputs> table;
  if (!config.mca.paramsFile.empty())
    table.emplace(mca::ParamTable::load(config.mca.paramsFile), config.mca.paramsFile);
  Predictor(config.runDir, config.checkpoint).checkTable(table ? &*table : nullptr);
  nlohmann::json mcaResult = mca::runMcaBenchmark(config.mca);

  // The blocks bench mca timed: the first `limit` that decode.
  std::vector<block::BasicBlock> blocks;
  if (config.mca.limit > 0) {
    block::BlockReader reader(config.mca.inputs);
    block::forEachDecoded(
        reader,
        [&](block::BasicBlock &b) {
          b.insts.clear();  // timed runs decode, as bench mca's do
          blocks.push_back(std::move(b));
          return blocks.size() < config.mca.limit;
        },
        block::DecodeMode::CheckOnly);
  }
  if (blocks.size() != mcaResult.at("blocks").get<std::size_t>())
    throw std::logic_error("bench surrogate: read a different block set than bench mca");
  if (table)
    table->cover(blocks);  // the table's rows for these blocks, made before timing
  const char *mcaKey = table ? "params_blocks_per_second" : "blocks_per_second";

  nlohmann::json rows = nlohmann::json::array();
  double best = 0, bestMca = 0;
  for (const auto &row : mcaResult.at("in_process"))
    bestMca = std::max(bestMca, row.at(mcaKey).get<double>());
  for (std::size_t k = 0; k < config.mca.threads.size(); ++k) {
    unsigned threads = config.mca.threads[k];
    BatchPredictor predictor(config.runDir, threads, config.batchSize, config.checkpoint);
    std::vector<block::BasicBlock> warmup(blocks.begin(), blocks.begin() + std::min<std::size_t>(blocks.size(), 256));
    const TableInputs *inputs = table ? &*table : nullptr;
    predictor.run(warmup, inputs);
    auto start = Clock::now();
    std::vector<PredictionOutcome> outcomes = predictor.run(blocks, inputs);
    double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::size_t predicted = 0;
    for (const PredictionOutcome &o : outcomes)
      predicted += o.cycles.has_value();
    double rate = predicted / seconds;
    best = std::max(best, rate);
    double mcaRate = mcaResult.at("in_process").at(k).at(mcaKey);
    spdlog::info("surrogate, {} thread(s): {} blocks in {:.2f}s = {:.0f} blocks/s ({:.2f}x llvm-mca in-process)",
                 threads, predicted, seconds, rate, rate / mcaRate);
    rows.push_back({{"threads", threads},
                    {"blocks", predicted},
                    {"seconds", seconds},
                    {"blocks_per_second", rate},
                    {"vs_mca_same_threads", rate / mcaRate}});
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
  std::string out = fmt::format("bench surrogate: {} blocks, model {} ({}), batch {}\n", r["blocks"].get<std::size_t>(),
                                r["run_dir"].get<std::string>(), r["checkpoint"].get<std::string>(),
                                r["batch_size"].get<std::size_t>());
  const bool withTable = r.contains("params") && !r["params"].is_null();
  if (withTable)
    out += fmt::format("both under the parameter table {}\n", r["params"].get<std::string>());
  out += fmt::format("{:<10} {:>16} {:>22} {:>8}\n", "threads", "surrogate b/s", "llvm-mca in-proc b/s", "ratio");
  for (std::size_t k = 0; k < r["surrogate"].size(); ++k) {
    const auto &s = r["surrogate"][k];
    const auto &m = r["mca"]["in_process"][k];
    out += fmt::format("{:<10} {:>16.0f} {:>22.0f} {:>7.2f}x\n", s["threads"].get<unsigned>(),
                       s["blocks_per_second"].get<double>(),
                       m[withTable ? "params_blocks_per_second" : "blocks_per_second"].get<double>(),
                       s["vs_mca_same_threads"].get<double>());
  }
  out += fmt::format("best surrogate / best llvm-mca: {:.2f}x\n", r["best_vs_best_mca"].get<double>());
  return out;
}

} // namespace surrogate::model
