#pragma once
// Ithemal's hierarchical LSTM (Mendis et al., ICML 2019) in LibTorch: token
// embeddings, an LSTM over each instruction's tokens, an LSTM over the
// block's instruction vectors, and a linear head. It predicts the block's
// throughput (cycles per 100 iterations) as a normalised log:
// z = (log(cycles) - mean) / std, with mean and std of the training targets
// kept as buffers so a checkpoint carries its own scale.
//
// The parameter-conditioned variant (DiffTune) joins a feature vector per
// instruction (its row of the scheduling-parameter table) to the
// instruction vector and a global feature vector to the block vector, so the
// prediction is differentiable with respect to both.
//
// With model.variance_head a second head, a one-hidden-layer MLP over what
// the output head sees (the block vector, with the bounds in the bounds
// variant), predicts the log variance of the log-cycles error: the model's
// own uncertainty. It reads that input detached, so training it never
// changes the prediction.
//
// The bounds variant (model.bounds) also takes what the scheduling model says
// of the block (BoundFeatures.h) beside the block vector, and its head, a
// small MLP that starts at zero, predicts a correction to the log of the
// larger bound; without tokens the MLP sees the bounds alone. Conditioned,
// it computes the bounds from the table's features (TableBounds.h), so the
// gradient with respect to the table flows through them too.
//
// Batches are packed, never padded to a global maximum: BlockBatch holds the
// instructions of its blocks padded only to the longest in the batch, and
// the LSTMs run on packed sequences.

#include <cstdint>
#include <vector>

#include <torch/torch.h>

#include "surrogate/block/Tokenizer.h"
#include "surrogate/model/ModelConfig.h"

namespace surrogate::model {

struct BlockBatch {
  torch::Tensor tokens;        ///< [rows, longest] int64, padded with the pad id; a row per instruction,
                               ///< or per distinct instruction when instRows is defined
  torch::Tensor tokenCounts;   ///< [rows] int64
  torch::Tensor instRows;      ///< [instructions] int64: each instruction's row of tokens (shared rows only)
  torch::Tensor instCounts;    ///< [blocks] int64
  torch::Tensor positions;     ///< [instructions] int64: block * longest block + index in block
  torch::Tensor instFeatures;  ///< [instructions, instFeatures] float, conditioned variant only
  torch::Tensor globalFeatures;///< [blocks, globalFeatures] float, conditioned variant only
  torch::Tensor boundFeatures; ///< [blocks, kBoundFeatures] float, bounds variant only (BoundFeatures.h)
  torch::Tensor boundAnchor;   ///< [blocks] float: log cycles of the larger bound, bounds variant only
  // The conditioned bounds variant computes those two from the table (TableBounds.h) and these:
  torch::Tensor boundExact;      ///< [blocks, BoundStructure::kExact] the bounds under the reference table
  torch::Tensor boundConstants;  ///< [blocks, BoundStructure::kConstants]
  torch::Tensor latencyWeights;  ///< [instructions, BoundStructure::kWeights]
  torch::Tensor boundBlockOf;    ///< [instructions] int64: each instruction's block
  /// The table the structure was analysed under; undefined: instFeatures/globalFeatures themselves.
  torch::Tensor referenceInstFeatures, referenceGlobalFeatures;
  std::int64_t blocks = 0, longestBlock = 0;
};

/// Packs `blocks` (each non-empty) into one batch; features stay undefined.
/// With `shareInstructions`, identical instructions share one row of tokens,
/// so the instruction LSTM runs once per distinct instruction (inference:
/// the same outputs, less work; training keeps a row each).
BlockBatch makeBatch(const std::vector<const block::TokenizedBlock *> &blocks, bool shareInstructions = false);

/// forward()'s answer with the variance head's.
struct ModelOutput {
  torch::Tensor z;            ///< normalised log throughput, [blocks]
  torch::Tensor logVariance;  ///< log variance of log(cycles) about the prediction, [blocks]; undefined without the head
};

class IthemalModelImpl : public torch::nn::Module {
public:
  explicit IthemalModelImpl(const ModelConfig &config);

  /// Normalised log throughput, [blocks].
  torch::Tensor forward(const BlockBatch &batch) { return forwardWithVariance(batch).z; }
  ModelOutput forwardWithVariance(const BlockBatch &batch);

  /// Cycles per 100 iterations from forward()'s output.
  torch::Tensor toCycles(const torch::Tensor &z) const;
  /// forward()'s scale from cycles per 100 iterations.
  torch::Tensor fromCycles(const torch::Tensor &cycles) const;
  /// Sets the target scale from the training targets (cycles).
  void setTargetScale(double logMean, double logStd);
  double logStd() const { return TargetStd.item<double>(); }
  /// The conditioned bounds variant: each resource column's units (TableBounds.h).
  void setResourceUnits(const std::vector<float> &units);

  const ModelConfig &config() const { return Config; }
  /// The variance head's parameters (empty without one), and all the others:
  /// their gradients are clipped apart, so the head cannot slow the prediction's training.
  std::vector<torch::Tensor> varianceParameters() const;
  std::vector<torch::Tensor> predictionParameters() const;

private:
  void registerTokenModules();
  /// The block LSTM's last state (with the global features), [blocks, hidden + globalFeatures].
  torch::Tensor blockVector(const BlockBatch &batch);

  ModelConfig Config;
  torch::nn::Embedding Embedding{nullptr};
  torch::nn::LSTM InstructionLstm{nullptr}, BlockLstm{nullptr};
  torch::nn::Linear Head{nullptr};
  torch::nn::Sequential BoundsHead{nullptr};
  torch::nn::Sequential VarianceHead{nullptr};
  torch::Tensor TargetMean, TargetStd;
  torch::Tensor ResourceUnits;  ///< conditioned bounds variant only
};
TORCH_MODULE(IthemalModel);

} // namespace surrogate::model
