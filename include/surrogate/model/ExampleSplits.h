#pragma once
// Which examples train, validate and test: the dataset's split by block hash,
// minus the parameter tables held out of training (so the test shows what
// the model learned of parameters, not of the tables it saw) and the listed
// blocks of training.exclude_blocks, then seeded subsets of at most
// max_train_examples and max_validation_examples.

#include <cstddef>
#include <cstdint>
#include <set>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/data/BlockSet.h"
#include "surrogate/model/TrainingData.h"
#include "surrogate/model/TrainingOptions.h"

namespace surrogate::model {

/// Positions of examples in a LoadedExamples' vector.
using Indices = std::vector<std::size_t>;

struct Splits {
  Indices train, validation, test;
  Indices testUnseenTables;  ///< test blocks under parameter tables held out of training
  std::set<std::uint32_t> heldOutTables;
  /// training.exclude_blocks: listed blocks' examples per split, and what
  /// became of them (test ones are kept).
  std::size_t listedBlocks = 0, listedTrain = 0, listedValidation = 0, listedTest = 0;

  nlohmann::json exclusionJson(const TrainingOptions &options) const {
    return {{"files", options.excludeBlocks},
            {"blocks_listed", listedBlocks},
            {"weight", options.excludeWeight},
            {"train_examples_listed", listedTrain},
            {"train_examples", options.excludeWeight == 0 ? "dropped" : "down-weighted"},
            {"validation_examples_dropped", listedValidation},
            {"test_examples_listed_and_kept", listedTest}};
  }
};

/// The splits of `examples` (their loss weights set for down-weighted listed
/// blocks). `conditioned`: the examples carry parameter tables to hold out.
Splits splitExamples(std::vector<TrainingExample> &examples, const TrainingOptions &options, bool conditioned,
                     const data::BlockSet &listed);

} // namespace surrogate::model
