#pragma once
// A surrogate that knows when it does not know (docs/uncertainty.md): each
// block's prediction comes with its uncertainty signals (GuardCalibration.h)
// and the calibrated probability that it is more than 20% off; run() then
// hands the blocks above a threshold to the in-process llvm-mca (under
// LLVM's table or a given one) and marks which answered. The surrogate and
// its members run on the lean engine, or are any predictor (LibTorch's
// conditioned surrogate under a table, in the module).

#include <functional>
#include <optional>
#include <memory>
#include <string>
#include <vector>

#include <llvm/MC/MCSubtargetInfo.h>

#include "surrogate/block/BasicBlock.h"
#include "surrogate/mca/Simulator.h"
#include "surrogate/model/GuardCalibration.h"
#include "surrogate/model/LeanPredictor.h"

namespace surrogate::model {

struct GuardedOutcome {
  PredictionOutcome outcome;  ///< the answer: the surrogate's (GuardCalibration::answer), or llvm-mca's when byLlvmMca
  double modelCycles = 0;     ///< the model's own prediction
  double ensembleCycles = 0;  ///< the geometric mean over the model and its members (the model's without members)
  GuardSignals signals{};
  double uncertainty = 0;
  bool byLlvmMca = false;
};

/// What the guard asks of a surrogate: predictions for blocks, and the
/// vocabulary of its tokens (for unknown_tokens; nullptr: a model without tokens).
struct GuardedModel {
  std::function<std::vector<PredictionOutcome>(const std::vector<block::BasicBlock> &)> predict;
  const block::Vocabulary *vocabulary = nullptr;
};

/// Each predicted outcome answered as GuardCalibration::answer says: the
/// model's own prediction, or ("ensemble-mean") the ensemble's geometric mean.
void useAnswer(const std::string &answer, std::vector<GuardedOutcome> &outcomes);

/// The answers of guarded outcomes, with their uncertainty and source, as predict writes them.
std::vector<PredictionOutcome> answersOf(std::vector<GuardedOutcome> &&guarded);

class GuardedPredictor {
public:
  /// On the lean engine: `model` is a model file or a run directory; the
  /// members are the calibration's, relative to `calibrationDir`.
  GuardedPredictor(const std::string &model, GuardCalibration calibration, const std::string &calibrationDir,
                   unsigned threads, std::size_t batchSize);
  /// Any surrogate and members; the scheduling bounds of bound_gap under
  /// `boundsTable` (a parameter table, "" for LLVM's).
  GuardedPredictor(GuardedModel main, std::vector<GuardedModel> members, GuardCalibration calibration,
                   const std::string &boundsTable);
  ~GuardedPredictor();

  /// Predictions, signals and uncertainty; nothing goes to llvm-mca.
  std::vector<GuardedOutcome> assess(const std::vector<block::BasicBlock> &blocks);
  /// assess(), then llvm-mca on `fallback` (on this thread) for the blocks whose uncertainty is above `threshold`.
  std::vector<GuardedOutcome> run(const std::vector<block::BasicBlock> &blocks, double threshold,
                                  const llvm::MCSubtargetInfo &fallback);

  const GuardCalibration &calibration() const { return Calibration; }

private:
  /// Each block's signals from the predictions (`cycles` of the model and its members).
  void addSignals(const std::vector<block::BasicBlock> &blocks, std::vector<GuardedOutcome> &out,
                  const std::vector<std::vector<PredictionOutcome>> &members);

  GuardCalibration Calibration;
  std::vector<std::unique_ptr<LeanPredictor>> Lean;  ///< the lean engine's predictors, when they are
  GuardedModel Main;
  std::vector<GuardedModel> Members;
  struct Analysis;
  std::unique_ptr<Analysis> A;
  std::unique_ptr<mca::Simulator> Fallback;  ///< llvm-mca for the unsure blocks, on the calling thread
};

/// A model's guard on the lean engine as predict --guard, bench surrogate
/// --guard and the pattern runs set it up: the calibration beside the model
/// (guardOf), its guarded predictor, and llvm-mca's subtarget for the
/// fallback under `table` ("": LLVM's; nullopt: the calibration's own).
struct LeanGuard {
  LeanGuard(const std::string &model, const std::optional<std::string> &table, unsigned threads,
            std::size_t batchSize);

  /// predictor.run() at `threshold`, llvm-mca on the fallback subtarget.
  std::vector<GuardedOutcome> run(const std::vector<block::BasicBlock> &blocks, double threshold) {
    return predictor.run(blocks, threshold, *fallback);
  }

  GuardCalibration calibration;
  std::unique_ptr<llvm::MCSubtargetInfo> fallback;
  GuardedPredictor predictor;
};

} // namespace surrogate::model
