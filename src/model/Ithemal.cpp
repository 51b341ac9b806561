// IthemalModel: packed token batches built, the two LSTMs and the head, and the log-cycles target scale.
#include "surrogate/model/Ithemal.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "surrogate/model/BoundFeatures.h"
#include "surrogate/model/TableBounds.h"
#include "surrogate/model/TableFeatures.h"

namespace surrogate::model {

namespace rnn = torch::nn::utils::rnn;

BlockBatch makeBatch(const std::vector<const block::TokenizedBlock *> &blocks, bool shareInstructions) {
  BlockBatch batch;
  batch.blocks = static_cast<std::int64_t>(blocks.size());
  // Rows of tokens: one per instruction, or one per distinct instruction.
  std::vector<const std::vector<std::int32_t> *> rows;
  std::vector<std::int64_t> rowOf;
  std::map<std::vector<std::int32_t>, std::int64_t> shared;
  std::int64_t instructions = 0, longestInst = 1;
  for (const block::TokenizedBlock *b : blocks) {
    if (b->empty())
      throw std::invalid_argument("makeBatch: a block has no instructions");
    instructions += static_cast<std::int64_t>(b->size());
    batch.longestBlock = std::max<std::int64_t>(batch.longestBlock, b->size());
    for (const auto &inst : *b) {
      longestInst = std::max<std::int64_t>(longestInst, inst.size());
      if (!shareInstructions) {
        rows.push_back(&inst);
        continue;
      }
      auto [it, added] = shared.emplace(inst, static_cast<std::int64_t>(rows.size()));
      if (added)
        rows.push_back(&it->first);
      rowOf.push_back(it->second);
    }
  }
  auto rowCount = static_cast<std::int64_t>(rows.size());
  batch.tokens = torch::full({rowCount, longestInst}, block::Vocabulary::kPadId, torch::kInt64);
  batch.tokenCounts = torch::empty({rowCount}, torch::kInt64);
  auto tokens = batch.tokens.accessor<std::int64_t, 2>();
  auto tokenCounts = batch.tokenCounts.accessor<std::int64_t, 1>();
  for (std::int64_t r = 0; r < rowCount; ++r) {
    const std::vector<std::int32_t> &inst = *rows[r];
    tokenCounts[r] = std::max<std::int64_t>(1, inst.size());
    for (std::size_t t = 0; t < inst.size(); ++t)
      tokens[r][t] = inst[t];
  }
  if (shareInstructions)
    batch.instRows = torch::tensor(rowOf, torch::kInt64);
  batch.instCounts = torch::empty({batch.blocks}, torch::kInt64);
  batch.positions = torch::empty({instructions}, torch::kInt64);
  auto instCounts = batch.instCounts.accessor<std::int64_t, 1>();
  auto positions = batch.positions.accessor<std::int64_t, 1>();
  std::int64_t row = 0;
  for (std::int64_t b = 0; b < batch.blocks; ++b) {
    instCounts[b] = static_cast<std::int64_t>(blocks[b]->size());
    for (std::size_t i = 0; i < blocks[b]->size(); ++i, ++row)
      positions[row] = b * batch.longestBlock + static_cast<std::int64_t>(i);
  }
  return batch;
}

IthemalModelImpl::IthemalModelImpl(const ModelConfig &config) : Config(config) {
  if (config.vocabularySize <= block::Vocabulary::kUnknownId)
    throw std::invalid_argument("IthemalModel: the vocabulary size is not set");
  if (config.tokens)
    registerTokenModules();
  if (!config.bounds) {
    Head = register_module("head", torch::nn::Linear(config.hidden + config.globalFeatures, 1));
  } else {
    std::int64_t in = (config.tokens ? config.hidden + config.globalFeatures : 0) + kBoundFeatures;
    torch::nn::Linear out(config.boundsHidden, 1);
    torch::NoGradGuard noGrad;  // a correction of zero at first: the model starts at the bound
    out->weight.zero_();
    out->bias.zero_();
    BoundsHead = register_module("bounds_head", torch::nn::Sequential(torch::nn::Linear(in, config.boundsHidden),
                                                                     torch::nn::ReLU(), out));
  }
  if (config.varianceHead) {
    std::int64_t in = config.tokens ? config.hidden + config.globalFeatures : 0;
    in += config.bounds ? kBoundFeatures : 0;
    torch::nn::Linear out(config.varianceHidden, 1);
    torch::NoGradGuard noGrad;  // a standard deviation of 10% at first, the same for every block
    out->weight.zero_();
    out->bias.fill_(2 * std::log(0.1));
    VarianceHead = register_module("variance_head", torch::nn::Sequential(torch::nn::Linear(in, config.varianceHidden),
                                                                         torch::nn::ReLU(), out));
  }
  TargetMean = register_buffer("target_mean", torch::zeros({}));
  TargetStd = register_buffer("target_std", torch::ones({}));
  if (config.bounds && config.instFeatures > 0)
    ResourceUnits = register_buffer(
        "resource_units",
        torch::ones({std::max<std::int64_t>(0, config.instFeatures - std::int64_t(TableFeatures::kFirstResource))}));
}

void IthemalModelImpl::setResourceUnits(const std::vector<float> &units) {
  if (!ResourceUnits.defined() || ResourceUnits.numel() != static_cast<std::int64_t>(units.size()))
    throw std::invalid_argument("IthemalModel: resource units for a model that is not a conditioned bounds model "
                                "of this table's width");
  torch::NoGradGuard noGrad;
  ResourceUnits.copy_(torch::tensor(units));
}

void IthemalModelImpl::registerTokenModules() {
  const ModelConfig &config = Config;
  Embedding = register_module(
      "embedding", torch::nn::Embedding(torch::nn::EmbeddingOptions(config.vocabularySize, config.embedding)
                                            .padding_idx(block::Vocabulary::kPadId)));
  InstructionLstm = register_module(
      "instruction_lstm",
      torch::nn::LSTM(torch::nn::LSTMOptions(config.embedding, config.hidden).num_layers(config.layers).batch_first(true)));
  BlockLstm = register_module(
      "block_lstm", torch::nn::LSTM(torch::nn::LSTMOptions(config.hidden + config.instFeatures, config.hidden)
                                        .num_layers(config.layers)
                                        .batch_first(true)));
}

ModelOutput IthemalModelImpl::forwardWithVariance(const BlockBatch &batch) {
  ModelOutput out;
  if (!Config.bounds) {
    torch::Tensor blockVec = blockVector(batch);
    out.z = Head(blockVec).squeeze(1);
    if (VarianceHead)
      out.logVariance = VarianceHead->forward(blockVec.detach()).squeeze(1);
    return out;
  }
  BoundTensors bounds{batch.boundAnchor, batch.boundFeatures};
  if (ResourceUnits.defined())
    bounds = boundsUnderTable(batch, ResourceUnits);
  if (!bounds.features.defined() || bounds.features.size(1) != kBoundFeatures)
    throw std::invalid_argument("IthemalModel: the batch lacks the block bounds the model takes");
  torch::Tensor in = Config.tokens ? torch::cat({blockVector(batch), bounds.features}, 1) : bounds.features;
  torch::Tensor logCycles = bounds.anchor + BoundsHead->forward(in).squeeze(1);
  out.z = (logCycles - TargetMean) / TargetStd;
  if (VarianceHead)
    out.logVariance = VarianceHead->forward(in.detach()).squeeze(1);
  return out;
}

torch::Tensor IthemalModelImpl::blockVector(const BlockBatch &batch) {
  torch::Tensor embedded = Embedding(batch.tokens);
  auto packedTokens = rnn::pack_padded_sequence(embedded, batch.tokenCounts, /*batch_first=*/true,
                                                /*enforce_sorted=*/false);
  // The last layer's final hidden state, returned in the input order.
  torch::Tensor inst = std::get<0>(std::get<1>(InstructionLstm->forward_with_packed_input(packedTokens)))[-1];
  if (batch.instRows.defined())
    inst = inst.index_select(0, batch.instRows);
  if (Config.instFeatures > 0) {
    if (!batch.instFeatures.defined() || batch.instFeatures.size(1) != Config.instFeatures)
      throw std::invalid_argument("IthemalModel: the batch lacks per-instruction features of the configured width");
    inst = torch::cat({inst, batch.instFeatures}, 1);
  }
  torch::Tensor padded = torch::zeros({batch.blocks * batch.longestBlock, inst.size(1)}, inst.options())
                             .index_copy(0, batch.positions, inst)
                             .view({batch.blocks, batch.longestBlock, inst.size(1)});
  auto packedInsts = rnn::pack_padded_sequence(padded, batch.instCounts, true, false);
  torch::Tensor blockVec = std::get<0>(std::get<1>(BlockLstm->forward_with_packed_input(packedInsts)))[-1];
  if (Config.globalFeatures > 0) {
    if (!batch.globalFeatures.defined() || batch.globalFeatures.size(1) != Config.globalFeatures)
      throw std::invalid_argument("IthemalModel: the batch lacks global features of the configured width");
    blockVec = torch::cat({blockVec, batch.globalFeatures}, 1);
  }
  return blockVec;
}

std::vector<torch::Tensor> IthemalModelImpl::varianceParameters() const {
  return VarianceHead ? VarianceHead->parameters() : std::vector<torch::Tensor>();
}

std::vector<torch::Tensor> IthemalModelImpl::predictionParameters() const {
  std::vector<torch::Tensor> out;
  for (const auto &p : named_parameters())
    if (p.key().rfind("variance_head.", 0) != 0)
      out.push_back(p.value());
  return out;
}

torch::Tensor IthemalModelImpl::toCycles(const torch::Tensor &z) const { return torch::exp(z * TargetStd + TargetMean); }

torch::Tensor IthemalModelImpl::fromCycles(const torch::Tensor &cycles) const {
  return (torch::log(cycles) - TargetMean) / TargetStd;
}

void IthemalModelImpl::setTargetScale(double logMean, double logStd) {
  torch::NoGradGuard noGrad;
  TargetMean.fill_(logMean);
  TargetStd.fill_(std::max(logStd, 1e-3));
}

} // namespace surrogate::model
