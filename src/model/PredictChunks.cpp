// predictChunks: predict's reading loop and CSV for both engines; runLeanPredict, the lean engine's predict.
#include "surrogate/model/PredictJob.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "surrogate/block/BlockPipeline.h"
#include "surrogate/block/CodeRegions.h"
#include "surrogate/model/GuardedPredictor.h"
#include "surrogate/model/LeanPredictor.h"
#include "surrogate/support/AtomicFile.h"
#include "surrogate/support/CsvField.h"
#include "surrogate/support/Progress.h"

namespace surrogate::model {

namespace {

constexpr std::size_t kChunk = 16384;  // blocks held in memory at once

// Takes each chunk's outcomes in input order: reports the blocks that could
// not be predicted, counts the others and sums their cycles, and (unless the
// output is the gradient) writes them as CSV: hex, one column per table,
// uncertainty and source when guarded, and measured and region when the
// inputs have them.
class PredictionSink {
public:
  PredictionSink(std::ostream &out, std::vector<std::string> columns, bool withRegion, bool gradient, bool guarded)
      : Out(out), Columns(std::move(columns)), WithRegion(withRegion), Gradient(gradient), Guarded(guarded) {}

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
      ByLlvmMca += outcomes.front()[i].byLlvmMca;
      CyclesSum += *outcomes.front()[i].cycles;
      if (!Gradient)
        writeRow(chunk[i], outcomes, i);
    }
  }

  bool started() const { return Started; }
  std::size_t predicted() const { return Predicted; }
  std::size_t skipped() const { return Skipped; }
  std::size_t byLlvmMca() const { return ByLlvmMca; }
  double cyclesSum() const { return CyclesSum; }

private:
  // The measured column appears when the first chunk has measurements.
  void writeHeader(const std::vector<block::BasicBlock> &chunk) {
    for (const block::BasicBlock &b : chunk)
      WithMeasured |= b.measured.has_value();
    Out << "hex";
    for (const std::string &c : Columns)
      Out << ',' << c;
    Out << (Guarded ? ",uncertainty,source" : "") << (WithMeasured ? ",measured" : "") << (WithRegion ? ",region\n" : "\n");
  }

  void writeRow(const block::BasicBlock &b, const ChunkOutcomes &outcomes, std::size_t i) {
    Out << b.hex;
    for (const std::vector<PredictionOutcome> &perTable : outcomes)
      Out << ',' << fmt::format("{:.4f}", *perTable[i].cycles);
    if (Guarded) {
      const PredictionOutcome &o = outcomes.front()[i];
      Out << ',' << fmt::format("{:.4f}", o.uncertainty.value_or(0)) << ',' << (o.byLlvmMca ? "llvm-mca" : "surrogate");
    }
    if (WithMeasured)
      Out << ',' << (b.measured ? fmt::format("{}", *b.measured) : std::string());
    if (WithRegion)
      Out << ',' << support::csvField(b.region);
    Out << '\n';
  }

  std::ostream &Out;
  std::vector<std::string> Columns;
  bool WithRegion, Gradient, Guarded;
  bool Started = false, WithMeasured = false;
  std::size_t Predicted = 0, Skipped = 0, ByLlvmMca = 0;
  double CyclesSum = 0;
};

} // namespace

PredictSummary predictChunks(const PredictConfig &config, const std::vector<std::string> &columns,
                             const ChunkPredictor &predictor,
                             const std::function<void(std::ostream &, const PredictSummary &)> &finish) {
  block::BlockReader reader(config.inputs, config.reading);
  support::ResultOutput output(config.output);
  PredictSummary summary;
  support::Progress progress("predicting");
  PredictionSink sink(output.stream(), columns, block::inputsHaveRegionMarkers(config.inputs), config.gradient,
                      config.guard.enabled);
  std::vector<block::BasicBlock> chunk;
  auto flush = [&] {
    sink.take(chunk, predictor(chunk));
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
  summary.cyclesSum = sink.cyclesSum();
  summary.byLlvmMca = sink.byLlvmMca();
  if (finish)
    finish(output.stream(), summary);
  output.commit();
  spdlog::info("{} blocks read, {} predicted, {} skipped", summary.read, summary.predicted, summary.skipped);
  if (config.guard.enabled)
    spdlog::info("guard: {} blocks answered by the surrogate, {} by llvm-mca", summary.predicted - summary.byLlvmMca,
                 summary.byLlvmMca);
  return summary;
}

PredictSummary predictGuarded(const PredictConfig &config, GuardedPredictor &guarded,
                              const llvm::MCSubtargetInfo &fallback) {
  const GuardCalibration &calibration = guarded.calibration();
  double threshold = calibration.thresholdOf(config.guard.threshold, config.guard.targetMape);
  spdlog::info("guard: blocks whose uncertainty (P(APE > 20%)) is above {:.4f} go to llvm-mca ({})", threshold,
               fallback.getCPU().str());
  return predictChunks(config, {"predicted"}, [&](const std::vector<block::BasicBlock> &chunk) {
    return ChunkOutcomes{answersOf(guarded.run(chunk, threshold, fallback))};
  });
}

PredictSummary runLeanPredict(const PredictConfig &config) {
  if (config.guard.enabled) {
    LeanGuard guard(config.runDir, config.guard.params, config.threads, config.batchSize);
    return predictGuarded(config, guard.predictor, *guard.fallback);
  }
  LeanPredictor predictor(config.runDir, config.threads, config.batchSize);
  return predictChunks(config, {"predicted"}, [&](const std::vector<block::BasicBlock> &chunk) {
    return ChunkOutcomes{predictor.run(chunk)};
  });
}

} // namespace surrogate::model
