// runPredict: a surrogate's predictions per table as CSV in input order, or one table's gradient as JSON.
#include "surrogate/model/PredictJob.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "surrogate/block/BlockPipeline.h"
#include "surrogate/block/BlockReader.h"
#include "surrogate/block/CodeRegions.h"
#include "surrogate/model/Predictor.h"
#include "surrogate/model/TableInputs.h"
#include "surrogate/support/AtomicFile.h"
#include "surrogate/support/CsvField.h"
#include "surrogate/support/Errors.h"
#include "surrogate/support/Progress.h"

namespace surrogate::model {

namespace {

constexpr std::size_t kChunk = 16384;  // blocks held in memory at once

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
using ChunkOutcomes = std::vector<std::vector<PredictionOutcome>>;

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

// Takes each chunk's outcomes in input order: reports the blocks that could
// not be predicted, counts the others and sums their cycles, and (unless the
// output is the gradient) writes them as CSV: hex, one column per table, and
// measured and region when the inputs have them.
class PredictionSink {
public:
  PredictionSink(std::ostream &out, std::vector<std::string> columns, bool withRegion, bool gradient)
      : Out(out), Columns(std::move(columns)), WithRegion(withRegion), Gradient(gradient) {}

  void take(const std::vector<block::BasicBlock> &chunk, const ChunkOutcomes &outcomes) {
    if (!Started && !Gradient)
      writeHeader(chunk);
    Started = true;
    for (std::size_t i = 0; i < chunk.size(); ++i) {
      if (!outcomes.front()[i].cycles) {
        ++Skipped;
        spdlog::warn("{}: {} (skipped)", chunk[i].where.str(), outcomes.front()[i].problem);
        continue;
      }
      ++Predicted;
      CyclesSum += *outcomes.front()[i].cycles;
      if (!Gradient)
        writeRow(chunk[i], outcomes, i);
    }
  }

  bool started() const { return Started; }
  std::size_t predicted() const { return Predicted; }
  std::size_t skipped() const { return Skipped; }
  double cyclesSum() const { return CyclesSum; }

private:
  // The measured column appears when the first chunk has measurements.
  void writeHeader(const std::vector<block::BasicBlock> &chunk) {
    for (const block::BasicBlock &b : chunk)
      WithMeasured |= b.measured.has_value();
    Out << "hex";
    for (const std::string &c : Columns)
      Out << ',' << c;
    Out << (WithMeasured ? ",measured" : "") << (WithRegion ? ",region\n" : "\n");
  }

  void writeRow(const block::BasicBlock &b, const ChunkOutcomes &outcomes, std::size_t i) {
    Out << b.hex;
    for (const std::vector<PredictionOutcome> &perTable : outcomes)
      Out << ',' << fmt::format("{:.4f}", *perTable[i].cycles);
    if (WithMeasured)
      Out << ',' << (b.measured ? fmt::format("{}", *b.measured) : std::string());
    if (WithRegion)
      Out << ',' << support::csvField(b.region);
    Out << '\n';
  }

  std::ostream &Out;
  std::vector<std::string> Columns;
  bool WithRegion, Gradient;
  bool Started = false, WithMeasured = false;
  std::size_t Predicted = 0, Skipped = 0;
  double CyclesSum = 0;
};

} // namespace

PredictSummary runPredict(const PredictConfig &config) {
  std::vector<TableInputs> tables = loadTables(config);
  std::vector<std::string> columns = predictionColumns(config.paramsFiles);
  BatchPredictor predictor(config.runDir, config.threads, config.batchSize, config.checkpoint);
  block::BlockReader reader(config.inputs, config.reading);
  support::ResultOutput output(config.output);

  PredictSummary summary;
  support::Progress progress("predicting");
  PredictionSink sink(output.stream(), std::move(columns), block::inputsHaveRegionMarkers(config.inputs),
                      config.gradient);
  std::vector<block::BasicBlock> chunk;
  std::vector<double> gradient;
  auto flush = [&] {
    sink.take(chunk, predictChunk(predictor, tables, chunk, config.gradient ? &gradient : nullptr));
    chunk.clear();
    progress.update(summary.read);
  };
  block::ReadCounts counts = block::forEachBlock(reader, [&](block::BasicBlock &b) {
    ++summary.read;
    chunk.push_back(std::move(b));
    if (chunk.size() >= kChunk)
      flush();
    return true;
  });
  summary.read = counts.read;
  if (!chunk.empty() || !sink.started())
    flush();
  progress.finish();
  summary.predicted = sink.predicted();
  summary.skipped = sink.skipped() + counts.skipped;
  if (config.gradient)
    output.stream() << gradientJson(config, tables.front(), gradient, summary.predicted, sink.cyclesSum()).dump(2)
                    << '\n';
  output.commit();
  spdlog::info("{} blocks read, {} predicted, {} skipped", summary.read, summary.predicted, summary.skipped);
  return summary;
}

} // namespace surrogate::model
