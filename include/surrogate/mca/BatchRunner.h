#pragma once
// Decodes and simulates a stream of blocks on several threads, handing the
// outcomes back in input order, so output never depends on the thread count.
// Each worker keeps its own Decoder and Simulator for the whole run.

#include <cstddef>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

#include <llvm/MC/MCSubtargetInfo.h>

#include "surrogate/block/BlockReader.h"
#include "surrogate/mca/Simulator.h"

namespace surrogate::mca {

struct BatchOptions {
  unsigned iterations = 100;
  unsigned threads = 1;
  std::size_t batchSize = 2048;  ///< blocks held in memory at once
  bool strict = false;           ///< first problem is fatal
  bool progress = true;          ///< progress line (when stderr is a terminal)
};

struct BatchSummary {
  std::size_t read = 0;       ///< rows and blocks seen
  std::size_t simulated = 0;
  std::size_t skipped = 0;
};

class BatchRunner {
public:
  using ResultFn = std::function<void(const block::BasicBlock &, const SimulationResult &)>;
  using ProblemFn = std::function<void(const block::Problem &)>;

  BatchRunner(const llvm::MCSubtargetInfo &subtarget, BatchOptions options);

  /// Fills its argument with the next item; false at the end.
  using SourceFn = std::function<bool(block::BlockOrProblem &)>;

  /// Consumes `reader`; `onResult` and `onProblem` are called on the calling
  /// thread in input order.
  BatchSummary run(block::BlockReader &reader, const ResultFn &onResult, const ProblemFn &onProblem);
  BatchSummary run(const SourceFn &source, const ResultFn &onResult, const ProblemFn &onProblem);

private:
  const llvm::MCSubtargetInfo &STI;
  BatchOptions Options;
};

/// llvm-mca's Total Cycles for each of `blocks`, in order, on `threads`
/// workers; NaN where a block could not be simulated.
std::vector<double> simulateCycles(const llvm::MCSubtargetInfo &subtarget, const std::vector<block::BasicBlock> &blocks,
                                   unsigned threads);

} // namespace surrogate::mca
