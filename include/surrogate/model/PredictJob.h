#pragma once
// `surrogate predict`: blocks in (the inputs `simulate` takes), the
// surrogate's throughput out as CSV `hex,predicted[,measured]` in input
// order, so `surrogate eval out.csv --pred predicted` scores it. Rows that
// cannot be predicted are reported on stderr and counted.

#include <string>
#include <vector>

#include "surrogate/block/Decoder.h"

namespace surrogate::model {

struct PredictConfig {
  std::string runDir;
  std::string checkpoint = "best.pt";
  std::vector<std::string> inputs;
  std::string output;             ///< empty or "-": stdout
  unsigned threads = 1;           ///< one model replica each
  std::size_t batchSize = 512;  // larger batches share more instruction rows (bench surrogate)
  block::Syntax syntax = block::Syntax::ATT;
  bool readMeasured = true;
};

struct PredictSummary {
  std::size_t read = 0, predicted = 0, skipped = 0;
};

PredictSummary runPredict(const PredictConfig &config);

} // namespace surrogate::model
