#pragma once
// `surrogate predict`: blocks in (the inputs `simulate` takes), the
// surrogate's throughput out as CSV `hex,predicted[,measured]` in input
// order, so `surrogate eval out.csv --pred predicted` scores it. Rows that
// cannot be predicted are reported on stderr and counted.
//
// A parameter-conditioned model predicts under each table of `paramsFiles`
// (model/TableInputs.h), one column each (`predicted` for one table,
// `predicted_<file stem>` for several); with `gradient`, the output is
// instead the JSON gradient of the blocks' summed predicted cycles with
// respect to every value of the one table, largest magnitude first.

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <llvm/MC/MCSubtargetInfo.h>

#include "surrogate/block/BlockReader.h"
#include "surrogate/model/PredictionOutcome.h"

namespace surrogate::model {

/// Which forward pass predicts: the lean engine (LeanModel.h, no LibTorch)
/// or LibTorch's; automatic takes the lean one wherever it can run the model.
enum class Engine { Automatic, Lean, Torch };

/// predict --guard (docs/uncertainty.md): the blocks whose uncertainty is
/// above the threshold are answered by the in-process llvm-mca.
struct GuardOptions {
  bool enabled = false;
  std::optional<double> threshold;   ///< given; else from targetMape; else the calibration's
  std::optional<double> targetMape;  ///< percent
  /// llvm-mca's table for the guarded blocks; unset: the calibration's (LLVM's when it had none)
  std::optional<std::string> params;
};

struct PredictConfig {
  std::string runDir;             ///< a run directory, or a model file (lean engine only)
  std::string checkpoint = "best.pt";
  std::vector<std::string> inputs;
  std::string output;             ///< empty or "-": stdout
  unsigned threads = 1;           ///< one model replica each
  std::size_t batchSize = 512;  // larger batches share more instruction rows (bench surrogate)
  block::ReaderOptions reading;  ///< assembly syntax, whether a CSV's second column is a measurement
  std::vector<std::string> paramsFiles;  ///< parameter tables (JSON) for a conditioned model
  bool gradient = false;                 ///< write the gradient (one table) instead of predictions
  Engine engine = Engine::Automatic;
  GuardOptions guard;
};

struct PredictSummary {
  std::size_t read = 0, predicted = 0, skipped = 0;
  double cyclesSum = 0;  ///< of the predicted blocks (first column)
  std::size_t byLlvmMca = 0;  ///< of the predicted blocks, those the guard sent to llvm-mca
};

/// A chunk's outcomes, one vector per prediction column.
using ChunkOutcomes = std::vector<std::vector<PredictionOutcome>>;
using ChunkPredictor = std::function<ChunkOutcomes(const std::vector<block::BasicBlock> &chunk)>;

/// What both engines' predict share: reads config.inputs in chunks, predicts
/// each with `predictor`, reports and counts the blocks it could not predict,
/// and (unless config.gradient) writes the CSV with `columns`; `finish` then
/// writes what follows (the gradient) before the output is committed.
PredictSummary predictChunks(const PredictConfig &config, const std::vector<std::string> &columns,
                             const ChunkPredictor &predictor,
                             const std::function<void(std::ostream &, const PredictSummary &)> &finish = {});

class GuardedPredictor;
/// predictChunks with `guarded` at the threshold config.guard asks for (given, from a target, or the
/// calibration's), the unsure blocks answered by llvm-mca on `fallback`.
PredictSummary predictGuarded(const PredictConfig &config, GuardedPredictor &guarded,
                              const llvm::MCSubtargetInfo &fallback);

/// `predict` on the lean engine (no tables, no gradient).
PredictSummary runLeanPredict(const PredictConfig &config);
/// `predict` on LibTorch, in the module: tables and the gradient too.
PredictSummary runPredict(const PredictConfig &config);

} // namespace surrogate::model
