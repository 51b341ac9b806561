// runPredict: a surrogate's predictions per table as CSV in input order, or one table's gradient as JSON.
#include "surrogate/model/PredictJob.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include <fmt/format.h>

#include "surrogate/mca/TunedSubtarget.h"
#include "surrogate/model/ConditionedGuard.h"
#include "surrogate/model/ModelFile.h"
#include "surrogate/model/Predictor.h"
#include "surrogate/model/TableInputs.h"
#include "surrogate/support/Errors.h"

namespace surrogate::model {

namespace {

// The --params tables, each checked against its CPU's model when read.
std::vector<TableInputs> loadTables(const PredictConfig &config) {
  if (config.gradient && config.paramsFiles.size() != 1)
    throw support::ConfigError(fmt::format("--gradient takes exactly one --params table ({} given)",
                                           config.paramsFiles.size()));
  std::vector<TableInputs> tables;
  for (const std::string &file : config.paramsFiles)
    tables.emplace_back(mca::ParamTable::load(file), file);
  return tables;
}

// One prediction column per table: "predicted", or predicted_<stem> for several tables.
std::vector<std::string> predictionColumns(const std::vector<std::string> &paramsFiles) {
  if (paramsFiles.size() <= 1)
    return {"predicted"};
  std::vector<std::string> columns;
  for (const std::string &file : paramsFiles) {
    std::string column = "predicted_" + std::filesystem::path(file).stem().string();
    if (std::find(columns.begin(), columns.end(), column) != columns.end())
      throw support::ConfigError(file + ": another --params table has the same file name, so its column "
                                 "would be " + column + " too; rename one");
    columns.push_back(column);
  }
  return columns;
}

// The gradient as JSON keyed like the table, largest magnitude first.
nlohmann::ordered_json gradientJson(const PredictConfig &config, const TableInputs &table,
                                    const std::vector<double> &gradient, std::size_t blocks, double cyclesSum) {
  std::vector<std::size_t> order(table.names().size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  auto at = [&](std::size_t i) { return i < gradient.size() ? gradient[i] : 0.0; };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return std::abs(at(a)) > std::abs(at(b)); });
  nlohmann::ordered_json values = nlohmann::ordered_json::object();
  for (std::size_t i : order)
    values[table.names()[i]] = at(i);
  return {{"model", config.runDir},
          {"checkpoint", config.checkpoint},
          {"params", table.source()},
          {"blocks", blocks},
          {"of", "the sum over the blocks of the predicted cycles per 100 iterations"},
          {"predicted_cycles_sum", cyclesSum},
          {"defaulted_opcodes", std::vector<std::string>(table.defaulted().begin(), table.defaulted().end())},
          {"gradient", values}};
}

// One set of outcomes per table (one set without tables).
ChunkOutcomes predictChunk(BatchPredictor &predictor, std::vector<TableInputs> &tables,
                           const std::vector<block::BasicBlock> &chunk, std::vector<double> *gradient) {
  ChunkOutcomes outcomes;
  if (tables.empty()) {
    outcomes.push_back(predictor.run(chunk));
    return outcomes;
  }
  for (TableInputs &table : tables) {
    table.cover(chunk);
    outcomes.push_back(predictor.run(chunk, &table, gradient));
  }
  return outcomes;
}

// predict --guard of a conditioned model: it and its members under the one --params table, the bounds and
// llvm-mca under that table too.
PredictSummary runGuardedConditioned(const PredictConfig &config) {
  if (config.paramsFiles.size() != 1)
    throw support::ConfigError(fmt::format("--guard of a conditioned model takes exactly one --params table ({} given)",
                                           config.paramsFiles.size()));
  const std::string &table = config.paramsFiles.front();
  GuardCalibration calibration = guardOf(config.runDir);
  ConditionedGuard models(config.runDir, calibration.members,
                          modelDirOf(config.runDir), table,
                          config.threads, config.batchSize);
  GuardedPredictor guarded = models.predictor(calibration);
  std::unique_ptr<llvm::MCSubtargetInfo> fallback = mca::createSimulationSubtarget(calibration.cpu, table);
  return predictGuarded(config, guarded, *fallback);
}

} // namespace

PredictSummary runPredict(const PredictConfig &config) {
  if (config.guard.enabled) {
    if (config.gradient)
      throw support::ConfigError("--guard gives predictions, --gradient a gradient: choose one");
    if (config.paramsFiles.empty())
      throw support::ConfigError("--guard on LibTorch guards a conditioned model under a --params table; other "
                                 "models are guarded on the lean engine (--engine auto)");
    return runGuardedConditioned(config);
  }
  std::vector<TableInputs> tables = loadTables(config);
  BatchPredictor predictor(config.runDir, config.threads, config.batchSize, config.checkpoint);
  std::vector<double> gradient;
  auto chunkPredictor = [&](const std::vector<block::BasicBlock> &chunk) {
    return predictChunk(predictor, tables, chunk, config.gradient ? &gradient : nullptr);
  };
  auto writeGradient = [&](std::ostream &out, const PredictSummary &summary) {
    if (config.gradient)
      out << gradientJson(config, tables.front(), gradient, summary.predicted, summary.cyclesSum).dump(2) << '\n';
  };
  return predictChunks(config, predictionColumns(config.paramsFiles), chunkPredictor, writeGradient);
}

} // namespace surrogate::model
