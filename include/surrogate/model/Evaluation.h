#pragma once
// Scores a CSV of predictions against its measured column (`surrogate
// eval`): overall and by block length, with the rows it could not score
// reported and counted.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "surrogate/block/BasicBlock.h"
#include "surrogate/model/Metrics.h"
#include "surrogate/model/SelectiveMetrics.h"

namespace surrogate::model {

struct EvaluationConfig {
  std::string file;
  std::string predictedColumn = "cycles";
  std::string measuredColumn = "measured";
  std::string hexColumn = "hex";  ///< for the length buckets; skipped if absent
  /// A column of uncertainty (predict --guard's): then also its AUROC for
  /// APE > 20%, the MAPE on the surest blocks, and its calibration table.
  std::string uncertaintyColumn;
};

/// How well an uncertainty column ranks the errors (SelectiveMetrics.h).
struct SelectiveReport {
  std::string column;
  double auroc = 0;                             ///< for APE > 20%
  std::vector<CoveragePoint> surest;            ///< MAPE on the surest 50, 80, 90, 95, 100%
  std::vector<CalibrationBin> calibration;      ///< ten bins
};

struct EvaluationReport {
  std::string file;
  std::string predictedColumn, measuredColumn;
  ErrorSummary overall;
  std::vector<std::pair<std::string, ErrorSummary>> byLength;  ///< empty without a hex column
  std::size_t rows = 0, skipped = 0;
  std::vector<block::Problem> problems;  ///< first few skipped rows
  std::optional<SelectiveReport> selective;  ///< with an uncertainty column

  nlohmann::json toJson() const;
  std::string toText() const;
};

/// Throws support::InputError when the file or a column is missing.
EvaluationReport evaluateFile(const EvaluationConfig &config);

} // namespace surrogate::model
