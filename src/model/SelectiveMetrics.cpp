// auroc, riskCoverage, calibrationTable: how well an uncertainty ranks and predicts a surrogate's errors.
#include "surrogate/model/SelectiveMetrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace surrogate::model {

namespace {

std::vector<std::size_t> ascending(const std::vector<double> &values) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  return order;
}

} // namespace

double auroc(const std::vector<double> &scores, const std::vector<bool> &positive) {
  if (scores.size() != positive.size())
    throw std::invalid_argument("auroc: scores and labels differ in length");
  std::vector<std::size_t> order = ascending(scores);
  // Mann-Whitney: the positives' rank sum, ties given their average rank.
  double rankSum = 0, positives = 0;
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && scores[order[j + 1]] == scores[order[i]])
      ++j;
    double rank = (static_cast<double>(i) + static_cast<double>(j)) / 2 + 1;
    for (std::size_t k = i; k <= j; ++k)
      if (positive[order[k]]) {
        rankSum += rank;
        ++positives;
      }
    i = j + 1;
  }
  double negatives = static_cast<double>(scores.size()) - positives;
  if (positives == 0 || negatives == 0)
    return std::numeric_limits<double>::quiet_NaN();
  return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
}

std::vector<CoveragePoint> riskCoverage(const std::vector<double> &uncertainty,
                                        const std::vector<double> &surrogateApe,
                                        const std::vector<double> &fallbackApe,
                                        const std::vector<double> &coverages) {
  const std::size_t n = uncertainty.size();
  if (surrogateApe.size() != n || (fallbackApe.size() != n && !fallbackApe.empty()))
    throw std::invalid_argument("riskCoverage: the columns differ in length");
  std::vector<std::size_t> order = ascending(uncertainty);
  // Prefix sums along the order: the surrogate's APE over the surest k, the fallback's over the rest.
  std::vector<double> surrogate(n + 1, 0), fallback(n + 1, 0);
  for (std::size_t k = 0; k < n; ++k) {
    surrogate[k + 1] = surrogate[k] + surrogateApe[order[k]];
    fallback[k + 1] = fallback[k] + (fallbackApe.empty() ? 0 : fallbackApe[order[k]]);
  }
  std::vector<CoveragePoint> curve;
  for (double c : coverages) {
    auto k = static_cast<std::size_t>(std::lround(c * static_cast<double>(n)));
    k = std::min(n, k);
    CoveragePoint p;
    p.coverage = n ? static_cast<double>(k) / static_cast<double>(n) : 0;
    p.threshold = k ? uncertainty[order[k - 1]] : -std::numeric_limits<double>::infinity();
    p.surrogateMape = k ? surrogate[k] / static_cast<double>(k) : 0;
    p.guardedMape = n ? (surrogate[k] + fallback[n] - fallback[k]) / static_cast<double>(n) : 0;
    curve.push_back(p);
  }
  return curve;
}

std::vector<CalibrationBin> calibrationTable(const std::vector<double> &probability, const std::vector<bool> &event,
                                             std::size_t bins) {
  std::vector<std::size_t> order = ascending(probability);
  std::vector<CalibrationBin> table;
  const std::size_t n = order.size();
  for (std::size_t b = 0; b < bins && n > 0; ++b) {
    std::size_t begin = b * n / bins, end = (b + 1) * n / bins;
    if (begin == end)
      continue;
    CalibrationBin bin;
    bin.low = probability[order[begin]];
    bin.high = probability[order[end - 1]];
    for (std::size_t k = begin; k < end; ++k) {
      bin.predicted += probability[order[k]];
      bin.observed += event[order[k]] ? 1 : 0;
    }
    bin.count = end - begin;
    bin.predicted /= static_cast<double>(bin.count);
    bin.observed /= static_cast<double>(bin.count);
    table.push_back(bin);
  }
  return table;
}

nlohmann::json toJson(const std::vector<CoveragePoint> &curve) {
  nlohmann::json out = nlohmann::json::array();
  for (const CoveragePoint &p : curve)
    out.push_back({{"coverage", p.coverage},
                   {"threshold", std::isfinite(p.threshold) ? nlohmann::json(p.threshold) : nlohmann::json(nullptr)},
                   {"surrogate_mape", p.surrogateMape},
                   {"guarded_mape", p.guardedMape}});
  return out;
}

nlohmann::json toJson(const std::vector<CalibrationBin> &table) {
  nlohmann::json out = nlohmann::json::array();
  for (const CalibrationBin &b : table)
    out.push_back({{"low", b.low}, {"high", b.high}, {"predicted", b.predicted}, {"observed", b.observed},
                   {"count", b.count}});
  return out;
}

} // namespace surrogate::model
