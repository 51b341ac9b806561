#pragma once
// How well an uncertainty ranks a surrogate's errors (docs/uncertainty.md):
// the AUROC for an event such as "absolute percentage error above 20%",
// the risk-coverage curve (the error when only the surest blocks are
// answered by the surrogate and the rest by a fallback such as llvm-mca),
// and the calibration table of a probability against the observed rate.

#include <cstddef>
#include <vector>

#include <nlohmann/json.hpp>

namespace surrogate::model {

/// The probability that a random positive scores above a random negative
/// (ties count half); NaN when one class is empty.
double auroc(const std::vector<double> &scores, const std::vector<bool> &positive);

struct CoveragePoint {
  double coverage = 0;       ///< fraction of blocks the surrogate answers (the surest)
  double threshold = 0;      ///< the largest uncertainty it answers
  double surrogateMape = 0;  ///< the surrogate's MAPE on them
  double guardedMape = 0;    ///< the whole: the surrogate there, the fallback on the rest
};

/// At each of `coverages` (fractions in (0, 1]): the blocks of lowest
/// uncertainty answered by the surrogate (APEs `surrogateApe`), the others
/// by the fallback (`fallbackApe`; zeros when the fallback is the reference).
std::vector<CoveragePoint> riskCoverage(const std::vector<double> &uncertainty,
                                        const std::vector<double> &surrogateApe,
                                        const std::vector<double> &fallbackApe,
                                        const std::vector<double> &coverages);

struct CalibrationBin {
  double low = 0, high = 0;  ///< the bin's range of predicted probability
  double predicted = 0;      ///< their mean predicted probability
  double observed = 0;       ///< the fraction of them where the event happened
  std::size_t count = 0;
};

/// `bins` bins of (about) equal count, by predicted probability.
std::vector<CalibrationBin> calibrationTable(const std::vector<double> &probability, const std::vector<bool> &event,
                                             std::size_t bins = 10);

nlohmann::json toJson(const std::vector<CoveragePoint> &curve);
nlohmann::json toJson(const std::vector<CalibrationBin> &table);

} // namespace surrogate::model
