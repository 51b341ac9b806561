// The error metrics: MAPE, median APE and Kendall's tau (by merge-sort inversions), and length buckets.
#include "surrogate/model/Metrics.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <utility>

namespace surrogate::model {

namespace {

// Number of tied pairs within runs of equal values in a sorted sequence.
template <typename Equal>
std::uint64_t tiedPairs(std::size_t n, Equal equal) {
  std::uint64_t ties = 0, run = 1;
  for (std::size_t i = 1; i <= n; ++i) {
    if (i < n && equal(i - 1, i)) {
      ++run;
    } else {
      ties += run * (run - 1) / 2;
      run = 1;
    }
  }
  return ties;
}

// Sorts `v` and returns how many swaps an insertion sort would make
// (the number of inversions).
std::uint64_t countInversions(std::vector<double> &v, std::vector<double> &buffer, std::size_t lo, std::size_t hi) {
  if (hi - lo < 2)
    return 0;
  std::size_t mid = lo + (hi - lo) / 2;
  std::uint64_t swaps = countInversions(v, buffer, lo, mid) + countInversions(v, buffer, mid, hi);
  std::size_t i = lo, j = mid, k = lo;
  while (i < mid && j < hi) {
    if (v[j] < v[i]) {
      swaps += mid - i;
      buffer[k++] = v[j++];
    } else {
      buffer[k++] = v[i++];
    }
  }
  while (i < mid) buffer[k++] = v[i++];
  while (j < hi) buffer[k++] = v[j++];
  std::copy(buffer.begin() + lo, buffer.begin() + hi, v.begin() + lo);
  return swaps;
}

} // namespace

double kendallTau(const std::vector<double> &x, const std::vector<double> &y) {
  const std::size_t n = x.size();
  if (n < 2)
    return 0;
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return std::make_pair(x[a], y[a]) < std::make_pair(x[b], y[b]); });
  std::uint64_t xTies = tiedPairs(n, [&](std::size_t a, std::size_t b) { return x[order[a]] == x[order[b]]; });
  std::uint64_t jointTies = tiedPairs(
      n, [&](std::size_t a, std::size_t b) { return x[order[a]] == x[order[b]] && y[order[a]] == y[order[b]]; });
  std::vector<double> ys(n), buffer(n);
  for (std::size_t i = 0; i < n; ++i) ys[i] = y[order[i]];
  std::uint64_t discordant = countInversions(ys, buffer, 0, n);
  std::uint64_t yTies = tiedPairs(n, [&](std::size_t a, std::size_t b) { return ys[a] == ys[b]; });
  const double total = double(n) * (n - 1) / 2;
  double denominator = std::sqrt(total - xTies) * std::sqrt(total - yTies);
  if (denominator == 0)
    return 0;
  return (total - xTies - yTies + jointTies - 2.0 * discordant) / denominator;
}

ErrorSummary summarize(const std::vector<double> &predicted, const std::vector<double> &measured) {
  ErrorSummary s;
  s.count = predicted.size();
  if (s.count == 0)
    return s;
  std::vector<double> ape(s.count);
  for (std::size_t i = 0; i < s.count; ++i)
    ape[i] = std::abs(predicted[i] - measured[i]) / measured[i];
  s.mape = std::accumulate(ape.begin(), ape.end(), 0.0) / s.count;
  std::sort(ape.begin(), ape.end());
  s.medianApe = s.count % 2 ? ape[s.count / 2] : (ape[s.count / 2 - 1] + ape[s.count / 2]) / 2;
  s.kendallTau = kendallTau(predicted, measured);
  return s;
}

const std::vector<LengthBucket> &lengthBuckets() {
  static const std::vector<LengthBucket> buckets = {
      {"1-4", 1, 4}, {"5-8", 5, 8}, {"9-16", 9, 16}, {"17+", 17, ~0u}};
  return buckets;
}

nlohmann::json toJson(const ErrorSummary &s) {
  return {{"count", s.count}, {"mape", s.mape}, {"median_ape", s.medianApe}, {"kendall_tau", s.kendallTau}};
}

} // namespace surrogate::model
