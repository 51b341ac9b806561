#pragma once
// The surrogate's forward pass without LibTorch, on Eigen: the arithmetic of
// IthemalModel (Ithemal.h) in float32, for every architecture a ModelFile
// holds but the parameter-conditioned one. Identical instructions of the
// blocks in one call share one run of the instruction LSTM; each LSTM runs
// its sequences longest first, so a step is one matrix product over the
// sequences still running. Embeddings are projected through the first
// layer's input weights once, at load. A Workspace (one per thread) holds
// every buffer, so a warm forward pass allocates nothing on the heap, and
// the last instruction vectors it computed: an instruction seen in an
// earlier call (most are, one block at a time) skips the instruction LSTM.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "surrogate/block/Tokenizer.h"
#include "surrogate/model/BoundFeatures.h"
#include "surrogate/model/ModelFile.h"

namespace surrogate::model {

class LeanModel {
public:
  /// Whether the engine runs `config`'s architecture; if not, `why` says what it lacks.
  static bool runs(const ModelConfig &config, std::string &why);

  /// A DataError naming the file when the architecture is one it cannot run,
  /// or a tensor is missing or of another shape.
  explicit LeanModel(const ModelFile &file);
  ~LeanModel();
  LeanModel(LeanModel &&) noexcept;

  struct Workspace;
  /// A workspace that keeps up to `cachedInstructions` instruction vectors
  /// (more when one call has more distinct instructions).
  static constexpr std::size_t kCachedInstructions = 8192;
  std::unique_ptr<Workspace, void (*)(Workspace *)> workspace(std::size_t cachedInstructions = kCachedInstructions) const;

  /// Cycles per 100 iterations of each block, into `cycles` (resized). A model
  /// with tokens needs each block non-empty with ids below the vocabulary's
  /// size; a bounds model needs `bounds` parallel to `blocks`
  /// (std::invalid_argument otherwise). With `sigmas` and a model with a
  /// variance head, each block's learnt standard deviation of log(cycles)
  /// goes there (resized; emptied for a model without the head).
  void predict(const std::vector<const block::TokenizedBlock *> &blocks, const std::vector<BlockBounds> *bounds,
               std::vector<double> &cycles, Workspace &workspace, std::vector<double> *sigmas = nullptr) const;

  /// Multiply-adds of the matrix products `workspace` has run so far.
  static std::uint64_t multiplyAdds(const Workspace &workspace);
  /// Empties the workspace's instruction vectors (a benchmark's cold start).
  static void forgetInstructions(Workspace &workspace);

  const ModelConfig &config() const;
  const block::Vocabulary &vocabulary() const;

private:
  /// ws.instructionVectors: a column per distinct instruction (ws.distinct), from the cache or the instruction LSTM.
  void instructionVectors(Workspace &ws) const;
  /// The heads over ws.hidden's block vectors (blocks in ws.blockOrder), into `cycles` in input order.
  void heads(const std::vector<BlockBounds> *bounds, Workspace &ws, std::vector<double> &cycles,
             std::vector<double> *sigmas) const;

  struct Weights;
  std::unique_ptr<Weights> W;
};

} // namespace surrogate::model
