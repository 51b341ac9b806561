// AucBandit: each arm's AUC credit over the sliding window, the exploration term, and the deterministic choice.
#include "surrogate/patterns/AucBandit.h"

#include <cmath>
#include <stdexcept>

namespace surrogate::patterns {

AucBandit::AucBandit(std::size_t arms, std::size_t window, double exploration)
    : Arms(arms), Window(window), Exploration(exploration) {
  if (arms == 0 || window == 0) throw std::invalid_argument("AucBandit needs at least one arm and a window");
}

std::size_t AucBandit::usesInWindow(std::size_t arm) const {
  std::size_t n = 0;
  for (const auto &[a, success] : History) n += a == arm;
  return n;
}

double AucBandit::credit(std::size_t arm) const {
  // The k-th of the arm's n uses (oldest k = 1) weighs k: a curve that
  // rises with recent successes has the larger area.
  double area = 0, total = 0;
  std::size_t k = 0;
  for (const auto &[a, success] : History) {
    if (a != arm) continue;
    ++k;
    total += static_cast<double>(k);
    if (success) area += static_cast<double>(k);
  }
  return total > 0 ? area / total : 0.0;
}

std::size_t AucBandit::choose() const {
  for (std::size_t arm = 0; arm < Arms; ++arm)
    if (usesInWindow(arm) == 0) return arm;
  std::size_t best = 0;
  double bestScore = -1;
  double logUses = std::log(static_cast<double>(History.size()));
  for (std::size_t arm = 0; arm < Arms; ++arm) {
    double score = credit(arm) + Exploration * std::sqrt(2 * logUses / static_cast<double>(usesInWindow(arm)));
    if (score > bestScore) {
      bestScore = score;
      best = arm;
    }
  }
  return best;
}

void AucBandit::record(std::size_t arm, bool success) {
  if (arm >= Arms) throw std::out_of_range("AucBandit::record: no such arm");
  History.emplace_back(arm, success);
  while (History.size() > Window) History.pop_front();
}

} // namespace surrogate::patterns
