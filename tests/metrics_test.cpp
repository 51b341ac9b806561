// Scoring predictions: MAPE, median APE, Kendall tau, and the summary the reports print.
// label unit: Metrics
#include <random>

#include <gtest/gtest.h>

#include "surrogate/model/Metrics.h"

using namespace surrogate::model;

namespace {
// The definition, pair by pair, to check the fast version against.
double bruteForceTauB(const std::vector<double> &x, const std::vector<double> &y) {
  double concordant = 0, discordant = 0, tiesX = 0, tiesY = 0;
  for (size_t i = 0; i < x.size(); ++i)
    for (size_t j = i + 1; j < x.size(); ++j) {
      double dx = x[i] - x[j], dy = y[i] - y[j];
      if (dx == 0 && dy == 0) continue;
      if (dx == 0) { tiesX++; continue; }
      if (dy == 0) { tiesY++; continue; }
      (dx * dy > 0 ? concordant : discordant)++;
    }
  return (concordant - discordant) /
         std::sqrt((concordant + discordant + tiesX) * (concordant + discordant + tiesY));
}
} // namespace

TEST(Metrics, KendallTauMatchesDefinitionWithTies) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> small(0, 5);
  for (int trial = 0; trial < 20; ++trial) {
    std::vector<double> x(60), y(60);
    for (size_t i = 0; i < x.size(); ++i) { x[i] = small(rng); y[i] = small(rng) + 0.5 * x[i]; }
    EXPECT_NEAR(kendallTau(x, y), bruteForceTauB(x, y), 1e-12);
  }
}

TEST(Metrics, KendallTauExtremes) {
  std::vector<double> a = {1, 2, 3, 4}, b = {4, 3, 2, 1};
  EXPECT_DOUBLE_EQ(kendallTau(a, a), 1.0);
  EXPECT_DOUBLE_EQ(kendallTau(a, b), -1.0);
}

TEST(Metrics, MapeAndMedian) {
  ErrorSummary s = summarize({110, 90, 100, 200}, {100, 100, 100, 100});
  EXPECT_EQ(s.count, 4u);
  EXPECT_DOUBLE_EQ(s.mape, (0.1 + 0.1 + 0 + 1.0) / 4);
  EXPECT_DOUBLE_EQ(s.medianApe, 0.1);
}
