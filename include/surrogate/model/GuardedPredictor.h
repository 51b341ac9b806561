#pragma once
// A surrogate that knows when it does not know (docs/uncertainty.md): each
// block's prediction on the lean engine comes with its uncertainty signals
// (GuardCalibration.h) and the calibrated probability that it is more than
// 20% off; run() then hands the blocks above a threshold to the in-process
// llvm-mca (under LLVM's table or a given one) and marks which answered.

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

class GuardedPredictor {
public:
  /// `model`: a model file or a run directory; the members are the
  /// calibration's, relative to `calibrationDir`.
  GuardedPredictor(const std::string &model, GuardCalibration calibration, const std::string &calibrationDir,
                   unsigned threads, std::size_t batchSize);
  ~GuardedPredictor();

  /// Predictions, signals and uncertainty; nothing goes to llvm-mca.
  std::vector<GuardedOutcome> assess(const std::vector<block::BasicBlock> &blocks);
  /// assess(), then llvm-mca on `fallback` (on this thread) for the blocks whose uncertainty is above `threshold`.
  std::vector<GuardedOutcome> run(const std::vector<block::BasicBlock> &blocks, double threshold,
                                  const llvm::MCSubtargetInfo &fallback);

  const GuardCalibration &calibration() const { return Calibration; }
  const LeanPredictor &model() const { return *Main; }

private:
  /// Each block's signals from the predictions (`cycles` of the model and its members).
  void addSignals(const std::vector<block::BasicBlock> &blocks, std::vector<GuardedOutcome> &out,
                  const std::vector<std::vector<PredictionOutcome>> &members);

  GuardCalibration Calibration;
  std::unique_ptr<LeanPredictor> Main;
  std::vector<std::unique_ptr<LeanPredictor>> Members;
  struct Analysis;
  std::unique_ptr<Analysis> A;
  std::unique_ptr<mca::Simulator> Fallback;  ///< llvm-mca for the unsure blocks, on the calling thread
  unsigned Threads;
};

} // namespace surrogate::model
