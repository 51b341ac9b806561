#pragma once
// `surrogate predict`: blocks in (the inputs `simulate` takes), the
// surrogate's throughput out as CSV `hex,predicted[,measured]` in input
// order, so `surrogate eval out.csv --pred predicted` scores it. Rows that
// cannot be predicted are reported on stderr and counted.
//
// A parameter-conditioned model predicts under each table of `paramsFiles`
// (model/TableInputs.h), one column each (`predicted` for one table,
// `predicted_<file stem>` for several); with `gradient`, the output is
// instead the JSON gradient of the blocks' summed predicted cycles with
// respect to every value of the one table, largest magnitude first.

#include <string>
#include <vector>

#include "surrogate/block/BlockReader.h"

namespace surrogate::model {

struct PredictConfig {
  std::string runDir;
  std::string checkpoint = "best.pt";
  std::vector<std::string> inputs;
  std::string output;             ///< empty or "-": stdout
  unsigned threads = 1;           ///< one model replica each
  std::size_t batchSize = 512;  // larger batches share more instruction rows (bench surrogate)
  block::ReaderOptions reading;  ///< assembly syntax, whether a CSV's second column is a measurement
  std::vector<std::string> paramsFiles;  ///< parameter tables (JSON) for a conditioned model
  bool gradient = false;                 ///< write the gradient (one table) instead of predictions
};

struct PredictSummary {
  std::size_t read = 0, predicted = 0, skipped = 0;
};

PredictSummary runPredict(const PredictConfig &config);

} // namespace surrogate::model
