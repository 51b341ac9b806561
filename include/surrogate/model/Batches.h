#pragma once
// Training examples as the network takes them: the epoch's batch order
// (seeded, bucketed by length), one batch's inputs (tokens, each
// instruction's table features, token dropout), its targets and loss
// weights, and the loss itself.

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include <torch/torch.h>

#include "surrogate/model/ExampleSplits.h"
#include "surrogate/model/Ithemal.h"
#include "surrogate/model/ParamFeatures.h"
#include "surrogate/model/TrainingData.h"
#include "surrogate/model/TrainingOptions.h"

namespace surrogate::model {

/// Length-bucketed batches: examples are shuffled, then sorted by
/// instruction count within pools of `bucketPool` batches, so each batch
/// holds blocks of similar length and little padding; batch order is
/// shuffled. A function of (seed, epoch) alone, so resumed runs agree.
std::vector<Indices> epochBatches(const std::vector<TrainingExample> &examples, Indices order,
                                  const TrainingOptions &options, std::size_t epoch);

/// The network's inputs for `indices`; with `features`, each instruction's
/// row of its example's table; `unknownRate` of learned tokens become <UNK>
/// (seeded by `unknownSeed`).
BlockBatch batchOf(const std::vector<TrainingExample> &examples, const Indices &indices, const torch::Device &device,
                   const ParamFeatures *features, double unknownRate = 0, std::uint64_t unknownSeed = 0);

/// The examples' cycles.
torch::Tensor cyclesOf(const std::vector<TrainingExample> &examples, const Indices &indices, const torch::Device &device);

/// The loss on the normalised log scale; `mape` is the absolute percentage
/// error of the prediction in cycles, the way runs are scored. `weights`
/// (undefined: all 1) scale each example's term of the mean. With the
/// variance head's output, each term gains the Gaussian negative
/// log-likelihood of the log-cycles error under that variance, the error
/// held constant there: the head learns the error's size, the loss alone
/// moves the prediction.
torch::Tensor lossOf(IthemalModel &model, const ModelOutput &output, const torch::Tensor &targetZ, Loss kind,
                     const torch::Tensor &weights);

/// The examples' loss weights, or an undefined tensor when all are 1.
torch::Tensor lossWeightsOf(const std::vector<TrainingExample> &examples, const Indices &indices,
                            const torch::Device &device);

/// Mean and standard deviation of the examples' log cycles (the target scale).
std::pair<double, double> logMeanStd(const std::vector<TrainingExample> &examples, const Indices &indices);

} // namespace surrogate::model
