#pragma once
// Data parallelism on CPU threads. LibTorch's own intra-op threads gained
// nothing for these small LSTM operations here and collapsed when the cores
// were shared, so each thread runs its own model replica with one intra-op
// thread, on a fixed share of every batch; gradients are summed in replica
// order, so a run is reproducible for a given thread count. Replica 0 is
// the master the optimiser steps; the others copy it after each step.

#include <cstddef>
#include <cstdint>
#include <vector>

#include <torch/torch.h>

#include "surrogate/model/DataParallel.h"
#include "surrogate/model/ExampleSplits.h"
#include "surrogate/model/Ithemal.h"
#include "surrogate/model/ParamFeatures.h"
#include "surrogate/model/TrainingData.h"
#include "surrogate/model/TrainingOptions.h"

namespace surrogate::model {

class Replicas {
public:
  Replicas(IthemalModel master, unsigned count, const torch::Device &device, const ParamFeatures *features);

  /// Copies the master's parameters and buffers into the other replicas.
  void syncFromMaster();

  /// Backpropagates this process's part of a global batch of `globalSize`
  /// examples, weighted so that the parts' losses and gradients sum to the
  /// global batch's mean; the master ends up with the part's gradient.
  /// `firstReplica` numbers this process's replicas among all processes'
  /// (token dropout seeds). Returns the part's loss.
  double backward(const std::vector<TrainingExample> &examples, const Indices &batch, std::size_t globalSize,
                  std::size_t firstReplica, Loss loss, const torch::Device &device, double unknownRate,
                  std::uint64_t stepSeed);

  /// Predictions in cycles, in the order of `indices`, each replica on a share.
  std::vector<double> predict(const std::vector<TrainingExample> &examples, const Indices &indices,
                              std::size_t batchSize, const torch::Device &device);

  unsigned count() const { return static_cast<unsigned>(Models.size()); }

private:
  std::vector<Indices> split(const Indices &indices) const;
  /// fn(r) for each replica r, on thread r (0: the caller's).
  void parallel(std::size_t n, const std::function<void(std::size_t)> &fn);

  std::vector<IthemalModel> Models;
  const ParamFeatures *Features;
};

/// One model's predictions in cycles, in the order of `indices`, in
/// length-sorted batches (LengthSortedBatches.h).
std::vector<double> predictExamples(IthemalModel &model, const std::vector<TrainingExample> &examples,
                                    const Indices &indices, std::size_t batchSize, const torch::Device &device,
                                    const ParamFeatures *features);

/// Predictions for `indices`, each rank predicting its share; the shares are
/// summed into one vector (zeros elsewhere), so every rank has all of them.
std::vector<double> predictAll(Replicas &replicas, DataParallelGroup &group, const std::vector<TrainingExample> &examples,
                               const Indices &indices, std::size_t batchSize, const torch::Device &device);

} // namespace surrogate::model
