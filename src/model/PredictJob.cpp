#include "surrogate/model/PredictJob.h"

#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "surrogate/block/BlockPipeline.h"
#include "surrogate/block/BlockReader.h"
#include "surrogate/block/CodeRegions.h"
#include "surrogate/model/Predictor.h"
#include "surrogate/support/AtomicFile.h"
#include "surrogate/support/CsvField.h"
#include "surrogate/support/Progress.h"

namespace surrogate::model {

namespace {
constexpr std::size_t kChunk = 16384;  // blocks held in memory at once
}

PredictSummary runPredict(const PredictConfig &config) {
  BatchPredictor predictor(config.runDir, config.threads, config.batchSize, config.checkpoint);
  block::ReaderOptions readerOptions;
  readerOptions.syntax = config.syntax;
  readerOptions.readMeasured = config.readMeasured;
  block::BlockReader reader(config.inputs, readerOptions);

  support::ResultOutput output(config.output);
  std::ostream &out = output.stream();

  PredictSummary summary;
  support::Progress progress("predicting");
  std::vector<block::BasicBlock> chunk;
  bool headerWritten = false, withMeasured = false;
  const bool withRegion = block::inputsHaveRegionMarkers(config.inputs);
  auto flush = [&] {
    std::vector<PredictionOutcome> outcomes = predictor.run(chunk);
    if (!headerWritten) {
      // The measured column appears when the first chunk has measurements.
      for (const block::BasicBlock &b : chunk)
        withMeasured |= b.measured.has_value();
      out << (withMeasured ? "hex,predicted,measured" : "hex,predicted") << (withRegion ? ",region\n" : "\n");
      headerWritten = true;
    }
    for (std::size_t i = 0; i < chunk.size(); ++i) {
      if (!outcomes[i].cycles) {
        ++summary.skipped;
        spdlog::warn("{}: {} (skipped)", chunk[i].where.str(), outcomes[i].problem);
        continue;
      }
      out << chunk[i].hex << ',' << fmt::format("{:.4f}", *outcomes[i].cycles);
      if (withMeasured)
        out << ',' << (chunk[i].measured ? fmt::format("{}", *chunk[i].measured) : std::string());
      if (withRegion)
        out << ',' << support::csvField(chunk[i].region);
      out << '\n';
      ++summary.predicted;
    }
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
  summary.skipped += counts.skipped;
  if (!chunk.empty() || !headerWritten)
    flush();
  progress.finish();
  output.commit();
  spdlog::info("{} blocks read, {} predicted, {} skipped", summary.read, summary.predicted, summary.skipped);
  return summary;
}

} // namespace surrogate::model
