#pragma once
// Inference on the lean engine (LeanModel.h), the counterpart of
// BatchPredictor without LibTorch: a model file loaded once, blocks decoded,
// tokenized, analysed and predicted on several threads (one workspace and
// one BlockPreparer each), results in input order; or one block at a time on
// the caller's thread, as a tool asks for them.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "surrogate/block/BasicBlock.h"
#include "surrogate/model/LeanModel.h"
#include "surrogate/model/PredictionOutcome.h"

namespace surrogate::model {

class BlockPreparer;

/// `model` itself when it is a file, else the model file of the run
/// directory `model`; a DataError naming the directory when it has none
/// (predict's reason to fall back to LibTorch).
std::string modelFileOf(const std::string &model);

class LeanPredictor {
public:
  /// `model`: a model file or a run directory holding one (modelFileOf).
  LeanPredictor(const std::string &model, unsigned threads, std::size_t batchSize = 512);
  ~LeanPredictor();

  /// One outcome per block, in order; blocks are split between the threads
  /// and predicted `batchSize` at a time.
  std::vector<PredictionOutcome> run(const std::vector<block::BasicBlock> &blocks);
  /// One block on the caller's thread, with the first thread's workspace.
  PredictionOutcome predictOne(const block::BasicBlock &b);

  const LeanModel &model() const { return Model; }
  unsigned threads() const { return static_cast<unsigned>(Workers.size()); }
  /// Multiply-adds of every forward pass so far, all threads.
  std::uint64_t multiplyAdds() const;
  /// Every thread's cached instruction vectors forgotten (LeanModel::forgetInstructions).
  void forgetInstructions();

private:
  struct Worker;
  /// `count` blocks on `worker`, into `out` (as many).
  void work(Worker &worker, const block::BasicBlock *blocks, std::size_t count, PredictionOutcome *out);

  LeanModel Model;
  std::vector<std::unique_ptr<Worker>> Workers;
  std::size_t BatchSize;
};

} // namespace surrogate::model
