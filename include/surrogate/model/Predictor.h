#pragma once
// Inference with a trained surrogate. Predictor is one model replica
// loaded from a run directory (config.json, vocab.txt, a checkpoint);
// BatchPredictor decodes, tokenizes and predicts blocks on several
// threads, one replica each, with results in input order. A
// parameter-conditioned model predicts under a table (TableInputs), and can
// also give the gradient of the summed cycles with respect to its values.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "surrogate/block/BasicBlock.h"
#include "surrogate/block/Tokenizer.h"
#include "surrogate/model/BoundFeatures.h"
#include "surrogate/model/ModelConfig.h"
#include "surrogate/model/PredictionOutcome.h"

namespace surrogate::model {

class BlockPreparer;
class TableInputs;

/// What a conditioned model predicts under: the table, each block's LLVM
/// opcodes (parallel to the blocks), and where to add the gradient of the
/// blocks' summed cycles with respect to the table's values (nullptr: none).
struct TableCondition {
  const TableInputs *table = nullptr;
  const std::vector<std::vector<unsigned>> *opcodes = nullptr;
  std::vector<double> *gradient = nullptr;
  /// A conditioned bounds model: each block's bounds under the table (parallel to the blocks).
  const std::vector<BoundStructure> *structures = nullptr;
};

class Predictor {
public:
  /// Loads `runDir`/`checkpoint`; throws std::runtime_error naming the missing or bad file.
  explicit Predictor(const std::string &runDir, const std::string &checkpoint = "best.pt");
  /// A conditioned model needs a table that fits its inputs, an unconditioned
  /// one takes none (nullptr): else a support::ConfigError naming both.
  void checkTable(const TableInputs *table) const;
  ~Predictor();
  Predictor(Predictor &&) noexcept;

  /// Cycles per 100 iterations of each block (every block non-empty),
  /// in batches of blocks of similar length; `condition` as checkTable allows.
  /// A bounds model (model.bounds) needs each block's `bounds` (BlockPreparer).
  std::vector<double> predict(const std::vector<block::TokenizedBlock> &blocks, std::size_t batchSize = 512,
                              const TableCondition &condition = {},
                              const std::vector<BlockBounds> *bounds = nullptr) const;

  const ModelConfig &config() const;
  const block::Vocabulary &vocabulary() const;
  /// Another replica with the same weights, for another thread.
  Predictor clone() const;

private:
  Predictor() = default;
  struct State;
  std::unique_ptr<State> S;
};

class BatchPredictor {
public:
  BatchPredictor(const std::string &runDir, unsigned threads, std::size_t batchSize = 512,
                 const std::string &checkpoint = "best.pt");
  ~BatchPredictor();

  /// One outcome per block, in order; blocks are split between the threads.
  /// A conditioned model predicts under `table` (covering the blocks'
  /// opcodes, TableInputs::cover; Predictor::checkTable first) and adds to
  /// `gradient` when given.
  std::vector<PredictionOutcome> run(const std::vector<block::BasicBlock> &blocks, const TableInputs *table = nullptr,
                                     std::vector<double> *gradient = nullptr);

  unsigned threads() const { return static_cast<unsigned>(Replicas.size()); }

private:
  std::vector<Predictor> Replicas;
  std::vector<std::unique_ptr<BlockPreparer>> Preparers;  ///< one per replica, each keeping its analyzer's caches
  std::size_t BatchSize;
};

} // namespace surrogate::model
