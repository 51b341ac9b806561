// Batches: training examples into the network's inputs, targets and loss.

#include "surrogate/model/Batches.h"

#include <algorithm>
#include <cmath>
#include <random>

#include "surrogate/model/BoundFeatures.h"
#include "surrogate/model/TableBounds.h"

namespace surrogate::model {

std::vector<Indices> epochBatches(const std::vector<TrainingExample> &examples, Indices order,
                                  const TrainingOptions &options, std::size_t epoch) {
  std::seed_seq seq{static_cast<std::uint32_t>(options.seed), static_cast<std::uint32_t>(options.seed >> 32),
                    static_cast<std::uint32_t>(epoch)};
  std::mt19937_64 rng(seq);
  std::shuffle(order.begin(), order.end(), rng);
  std::size_t pool = options.batchSize * options.bucketPool;
  std::vector<Indices> batches;
  for (std::size_t start = 0; start < order.size(); start += pool) {
    auto first = order.begin() + start, last = order.begin() + std::min(order.size(), start + pool);
    std::stable_sort(first, last,
                     [&](std::size_t a, std::size_t b) { return examples[a].tokens.size() < examples[b].tokens.size(); });
    for (auto it = first; it < last; it += std::min<std::ptrdiff_t>(options.batchSize, last - it))
      batches.emplace_back(it, std::min(it + options.batchSize, last));
  }
  std::shuffle(batches.begin(), batches.end(), rng);
  return batches;
}

BlockBatch batchOf(const std::vector<TrainingExample> &examples, const Indices &indices, const torch::Device &device,
                   const ParamFeatures *features, double unknownRate, std::uint64_t unknownSeed) {
  std::vector<const block::TokenizedBlock *> blocks;
  blocks.reserve(indices.size());
  for (std::size_t i : indices)
    blocks.push_back(&examples[i].tokens);
  BlockBatch batch = makeBatch(blocks);
  if (unknownRate > 0) {
    std::mt19937_64 rng(unknownSeed);
    std::bernoulli_distribution drop(unknownRate);
    std::int64_t *t = batch.tokens.data_ptr<std::int64_t>();
    for (std::int64_t k = 0, n = batch.tokens.numel(); k < n; ++k)
      if (t[k] >= block::Vocabulary::firstLearnedId() && drop(rng))
        t[k] = block::Vocabulary::kUnknownId;
  }
  if (features) {
    // Each instruction's row of its example's table, and the table's globals.
    std::int64_t rows = batch.tokens.size(0), inst = features->instructionWidth(), glob = features->globalWidth();
    batch.instFeatures = torch::empty({rows, inst}, torch::kFloat32);
    batch.globalFeatures = torch::empty({batch.blocks, glob}, torch::kFloat32);
    float *instOut = batch.instFeatures.data_ptr<float>(), *globOut = batch.globalFeatures.data_ptr<float>();
    for (std::size_t k = 0; k < indices.size(); ++k) {
      const TrainingExample &e = examples[indices[k]];
      const std::vector<float> &g = features->global(e.paramsId);
      std::copy(g.begin(), g.end(), globOut + k * glob);
      for (std::uint16_t opcode : e.opcodes) {
        const std::vector<float> &row = features->cachedInstruction(e.paramsId, opcode);
        instOut = std::copy(row.begin(), row.end(), instOut);
      }
    }
    batch.instFeatures = batch.instFeatures.to(device);
    batch.globalFeatures = batch.globalFeatures.to(device);
  }
  if (features && !indices.empty() && !examples[indices.front()].bounds.empty()) {
    // The conditioned bounds model's inputs: each example's structure under its own table.
    std::vector<const std::vector<float> *> flat;
    std::vector<std::size_t> instructions;
    for (std::size_t i : indices) {
      flat.push_back(&examples[i].bounds);
      instructions.push_back(examples[i].opcodes.size());
    }
    attachStructure(batch, flat, instructions);
    for (torch::Tensor *t : {&batch.boundExact, &batch.boundConstants, &batch.latencyWeights, &batch.boundBlockOf})
      *t = t->to(device);
  } else if (!indices.empty() && !examples[indices.front()].bounds.empty()) {
    // The bounds model's inputs: each example's anchor, then its features.
    batch.boundAnchor = torch::empty({batch.blocks}, torch::kFloat32);
    batch.boundFeatures = torch::empty({batch.blocks, kBoundFeatures}, torch::kFloat32);
    float *anchor = batch.boundAnchor.data_ptr<float>(), *out = batch.boundFeatures.data_ptr<float>();
    for (std::size_t k = 0; k < indices.size(); ++k) {
      const std::vector<float> &b = examples[indices[k]].bounds;
      anchor[k] = b.front();
      out = std::copy(b.begin() + 1, b.end(), out);
    }
    batch.boundAnchor = batch.boundAnchor.to(device);
    batch.boundFeatures = batch.boundFeatures.to(device);
  }
  if (device.is_cuda()) {
    batch.tokens = batch.tokens.to(device);
    batch.positions = batch.positions.to(device);
    // pack_padded_sequence wants its lengths on the CPU.
  }
  return batch;
}

torch::Tensor cyclesOf(const std::vector<TrainingExample> &examples, const Indices &indices, const torch::Device &device) {
  std::vector<double> cycles;
  cycles.reserve(indices.size());
  for (std::size_t i : indices)
    cycles.push_back(examples[i].cycles);
  return torch::tensor(cycles, torch::kFloat32).to(device);
}

torch::Tensor lossOf(IthemalModel &model, const ModelOutput &output, const torch::Tensor &targetZ, Loss kind,
                     const torch::Tensor &weights) {
  torch::Tensor logRatio = (output.z - targetZ) * model->logStd();
  torch::Tensor perExample;
  switch (kind) {
  case Loss::LogL1: perExample = logRatio.abs(); break;
  case Loss::LogMse: perExample = logRatio.pow(2); break;
  // A prediction 50x off contributes a bounded gradient early in training.
  case Loss::Mape: perExample = (torch::exp(logRatio.clamp(-4, 4)) - 1).abs(); break;
  }
  if (output.logVariance.defined()) {
    // Clamped so that one wild block cannot send the variance to 0 or infinity.
    torch::Tensor logVariance = output.logVariance.clamp(-16, 8);
    perExample = perExample + 0.5 * (logVariance + logRatio.detach().pow(2) * torch::exp(-logVariance));
  }
  return weights.defined() ? (perExample * weights).mean() : perExample.mean();
}

torch::Tensor lossWeightsOf(const std::vector<TrainingExample> &examples, const Indices &indices,
                            const torch::Device &device) {
  std::vector<float> weights;
  bool any = false;
  for (std::size_t i : indices) {
    weights.push_back(examples[i].lossWeight);
    any |= examples[i].lossWeight != 1.0f;
  }
  return any ? torch::tensor(weights, torch::kFloat32).to(device) : torch::Tensor();
}

std::pair<double, double> logMeanStd(const std::vector<TrainingExample> &examples, const Indices &indices) {
  double sum = 0, sq = 0;
  for (std::size_t i : indices) {
    double l = std::log(examples[i].cycles);
    sum += l;
    sq += l * l;
  }
  double n = static_cast<double>(indices.size());
  double mean = sum / n;
  return {mean, std::sqrt(std::max(0.0, sq / n - mean * mean))};
}

} // namespace surrogate::model
