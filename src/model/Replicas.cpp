// Replicas: one model replica per thread for training and evaluation.

#include "surrogate/model/Replicas.h"

#include <algorithm>
#include <numeric>

#include "surrogate/model/Batches.h"
#include "surrogate/model/LengthSortedBatches.h"
#include "surrogate/support/ParallelFor.h"

namespace surrogate::model {

Replicas::Replicas(IthemalModel master, unsigned count, const torch::Device &device, const ParamFeatures *features)
    : Features(features) {
  Models.push_back(master);
  for (unsigned r = 1; r < count; ++r) {
    Models.push_back(IthemalModel(master->config()));
    Models.back()->to(device);
  }
  syncFromMaster();
}

void Replicas::syncFromMaster() {
  torch::NoGradGuard noGrad;
  auto params = Models[0]->parameters();
  auto buffers = Models[0]->buffers();
  for (std::size_t r = 1; r < Models.size(); ++r) {
    auto p = Models[r]->parameters();
    for (std::size_t i = 0; i < p.size(); ++i)
      p[i].copy_(params[i]);
    auto b = Models[r]->buffers();
    for (std::size_t i = 0; i < b.size(); ++i)
      b[i].copy_(buffers[i]);
  }
}

double Replicas::backward(const std::vector<TrainingExample> &examples, const Indices &batch, std::size_t globalSize,
                          std::size_t firstReplica, Loss loss, const torch::Device &device, double unknownRate,
                          std::uint64_t stepSeed) {
  std::vector<Indices> shares = split(batch);
  std::vector<double> losses(shares.size(), 0.0);
  parallel(shares.size(), [&](std::size_t r) {
    IthemalModel &m = Models[r];
    m->zero_grad();
    if (shares[r].empty())
      return;
    torch::Tensor target = m->fromCycles(cyclesOf(examples, shares[r], device));
    double weight = static_cast<double>(shares[r].size()) / globalSize;
    BlockBatch input =
        batchOf(examples, shares[r], device, Features, unknownRate, data::mix64(stepSeed + firstReplica + r));
    torch::Tensor l =
        lossOf(m, m->forwardWithVariance(input), target, loss, lossWeightsOf(examples, shares[r], device)) * weight;
    l.backward();
    losses[r] = l.item<double>();
  });
  torch::NoGradGuard noGrad;
  auto master = Models[0]->parameters();
  for (std::size_t r = 1; r < Models.size(); ++r) {
    if (shares[r].empty())
      continue;
    auto p = Models[r]->parameters();
    for (std::size_t i = 0; i < p.size(); ++i)
      if (p[i].grad().defined())
        master[i].mutable_grad().add_(p[i].grad());
  }
  return std::accumulate(losses.begin(), losses.end(), 0.0);
}

std::vector<double> Replicas::predict(const std::vector<TrainingExample> &examples, const Indices &indices,
                            std::size_t batchSize, const torch::Device &device) {
  std::vector<Indices> shares = split(indices);
  std::vector<std::vector<double>> parts(shares.size());
  parallel(shares.size(), [&](std::size_t r) {
    parts[r] = predictExamples(Models[r], examples, shares[r], batchSize, device, Features);
  });
  std::vector<double> out;
  for (const auto &part : parts)
    out.insert(out.end(), part.begin(), part.end());
  return out;
}

std::vector<Indices> Replicas::split(const Indices &indices) const {
  std::vector<Indices> shares(Models.size());
  std::size_t per = (indices.size() + Models.size() - 1) / Models.size();
  for (std::size_t k = 0; k < indices.size(); ++k)
    shares[k / per].push_back(indices[k]);
  return shares;
}

void Replicas::parallel(std::size_t n, const std::function<void(std::size_t)> &fn) {
  support::parallelFor(n, [&](std::size_t r) {
    if (r != 0)
      torch::set_num_threads(1);
    fn(r);
  });
}

std::vector<double> predictExamples(IthemalModel &model, const std::vector<TrainingExample> &examples,
                                    const Indices &indices, std::size_t batchSize, const torch::Device &device,
                                    const ParamFeatures *features) {
  torch::NoGradGuard noGrad;
  model->eval();
  std::vector<double> out(indices.size());
  auto length = [&](std::size_t k) { return examples[indices[k]].tokens.size(); };
  for (const std::vector<std::size_t> &positions : lengthSortedBatches(indices.size(), length, batchSize)) {
    Indices batch;
    for (std::size_t p : positions)
      batch.push_back(indices[p]);
    torch::Tensor cycles = model->toCycles(model->forward(batchOf(examples, batch, device, features)));
    cycles = cycles.to(torch::kCPU).to(torch::kFloat64);
    auto acc = cycles.accessor<double, 1>();
    for (std::size_t k = 0; k < positions.size(); ++k)
      out[positions[k]] = acc[k];
  }
  model->train();
  return out;
}

std::vector<double> predictAll(Replicas &replicas, DataParallelGroup &group, const std::vector<TrainingExample> &examples,
                               const Indices &indices, std::size_t batchSize, const torch::Device &device) {
  if (!group.distributed())
    return replicas.predict(examples, indices, batchSize, device);
  auto [begin, end] = group.shareRange(indices.size());
  std::vector<double> part = replicas.predict(examples, group.shareOf(indices), batchSize, device);
  std::vector<double> all(indices.size(), 0.0);
  std::copy(part.begin(), part.end(), all.begin() + begin);
  group.allReduceSum(all);
  return all;
}

} // namespace surrogate::model
