#pragma once
// The examples a surrogate trains and is scored on, whatever they were read
// from: a dataset directory (`surrogate dataset`) or CSVs with a hex column
// and a target column (e.g. `surrogate simulate` output: hex,cycles). Each
// example is decoded and tokenized once; the vocabulary grows from the
// train split only, so validation and test see unknown tokens as a new
// program would. Blocks read from CSVs get the dataset's hash-based split,
// so a block lands in the same split however it is read.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/block/Tokenizer.h"
#include "surrogate/data/BlockHash.h"

namespace surrogate::model {

struct TrainingExample {
  std::string hex;
  block::TokenizedBlock tokens;
  std::vector<std::uint16_t> opcodes;  ///< LLVM opcode of each instruction (parameter lookup)
  double cycles = 0;               ///< target: llvm-mca cycles per 100 iterations
  std::optional<double> measured;  ///< measured throughput, when the input had it
  data::Split split = data::Split::Train;
  std::uint32_t paramsId = 0;      ///< parameter table (datasets in sampled mode)
  float lossWeight = 1;            ///< scales its training loss (training.exclude_weight)
  /// The anchor, then the features (BoundFeatures.h), for a bounds model; for a conditioned
  /// bounds model its BoundStructure under its table, flat; else empty.
  std::vector<float> bounds;
};

struct DataSource {
  std::string dataset;                ///< a dataset directory, or
  std::vector<std::string> csv;       ///< CSV files with a header
  std::string targetColumn = "cycles";
  std::string measuredColumn = "measured";  ///< read when present

  nlohmann::json toJson() const;
  static DataSource fromJson(const nlohmann::json &j);
};

struct LoadedExamples {
  std::vector<TrainingExample> examples;
  std::string datasetMode = "default";  ///< "sampled": examples carry parameter tables (paramsId)
  std::size_t skipped = 0;  ///< rows reported on stderr and left out
};

/// Reads every example. With `growVocabulary`, tokens of train examples are
/// added to `vocab`; otherwise unseen tokens map to unknown. Throws on an
/// input that cannot be read at all; bad rows are reported and counted.
LoadedExamples loadExamples(const DataSource &source, block::Vocabulary &vocab, bool growVocabulary);

} // namespace surrogate::model
