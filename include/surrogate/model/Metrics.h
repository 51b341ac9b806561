#pragma once
// How predictions of throughput are scored against measurements: mean and
// median absolute percentage error and Kendall's tau (rank agreement), in
// total and by block length, as in Ithemal and DiffTune.

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace surrogate::model {

struct ErrorSummary {
  std::size_t count = 0;
  double mape = 0;       ///< mean |pred - measured| / measured, a fraction
  double medianApe = 0;  ///< median of the same, a fraction
  double kendallTau = 0; ///< tau-b of pred vs measured
};

/// Scores paired predictions and measurements (measured must be > 0).
ErrorSummary summarize(const std::vector<double> &predicted, const std::vector<double> &measured);

/// Kendall's tau-b in O(n log n) (Knight's algorithm); 0 for fewer than 2 pairs.
double kendallTau(const std::vector<double> &x, const std::vector<double> &y);

/// Buckets by instruction count: 1-4, 5-8, 9-16, 17+.
struct LengthBucket {
  std::string name;
  unsigned min, max;  ///< inclusive
};
const std::vector<LengthBucket> &lengthBuckets();

nlohmann::json toJson(const ErrorSummary &s);

} // namespace surrogate::model
