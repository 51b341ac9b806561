// ExampleSplits: train, validation and test positions of the examples.

#include "surrogate/model/ExampleSplits.h"

#include <algorithm>
#include <random>
#include <utility>

namespace surrogate::model {

namespace {

// With parameter tables, a tenth of them (at least one) never reach
// training or validation, so the test shows whether the model learned the
// effect of parameters rather than the tables it saw. Chosen by hash of the
// id, like block splits, so not by the seed.
std::set<std::uint32_t> heldOutTables(const std::vector<TrainingExample> &examples) {
  std::set<std::uint32_t> ids;
  for (const TrainingExample &e : examples)
    ids.insert(e.paramsId);
  if (ids.size() < 2)
    return {};
  std::vector<std::uint32_t> order(ids.begin(), ids.end());
  std::sort(order.begin(), order.end(), [](std::uint32_t a, std::uint32_t b) {
    return std::make_pair(data::mix64(a), a) < std::make_pair(data::mix64(b), b);
  });
  return std::set<std::uint32_t>(order.begin(), order.begin() + std::max<std::size_t>(1, order.size() / 10));
}

// A seeded subset, kept in input order.
void subsample(Indices &indices, std::size_t limit, std::uint64_t seed) {
  if (limit == 0 || indices.size() <= limit)
    return;
  std::mt19937_64 rng(seed);
  std::shuffle(indices.begin(), indices.end(), rng);
  indices.resize(limit);
  std::sort(indices.begin(), indices.end());
}

} // namespace

// Listed blocks (training.exclude_blocks) leave validation, and training
// unless they are down-weighted (their lossWeight); the test split keeps them.
// Before subsampling, so max_train_examples counts the examples trained on.
Splits splitExamples(std::vector<TrainingExample> &examples, const TrainingOptions &options, bool conditioned,
                     const data::BlockSet &listed) {
  Splits s;
  s.listedBlocks = listed.size();
  if (conditioned)
    s.heldOutTables = heldOutTables(examples);
  for (std::size_t i = 0; i < examples.size(); ++i) {
    if (s.heldOutTables.count(examples[i].paramsId)) {
      if (examples[i].split == data::Split::Test)
        s.testUnseenTables.push_back(i);
      continue;
    }
    if (listed.contains(examples[i].hex)) {
      switch (examples[i].split) {
      case data::Split::Train: ++s.listedTrain; break;
      case data::Split::Validation: ++s.listedValidation; continue;
      case data::Split::Test: ++s.listedTest; break;
      }
      if (examples[i].split == data::Split::Train) {
        if (options.excludeWeight == 0)
          continue;
        examples[i].lossWeight = static_cast<float>(options.excludeWeight);
      }
    }
    switch (examples[i].split) {
    case data::Split::Train: s.train.push_back(i); break;
    case data::Split::Validation: s.validation.push_back(i); break;
    case data::Split::Test: s.test.push_back(i); break;
    }
  }
  subsample(s.train, options.maxTrainExamples, options.seed);
  subsample(s.validation, options.maxValidationExamples, options.seed + 1);
  return s;
}

} // namespace surrogate::model
