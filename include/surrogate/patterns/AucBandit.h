#pragma once
// The multi-armed bandit that picks which search technique proposes next,
// after OpenTuner's AUC bandit (Ansel et al., PACT 2014, credit assignment
// by Fialho et al.): each arm is scored by the area under the curve of its
// recent successes (a success: its slice found a new global best), with
// recent uses weighing more, plus an exploration term that grows for arms
// not used lately. An arm absent from the sliding window is tried first,
// in index order, so the choice is deterministic.

#include <cstddef>
#include <deque>
#include <utility>
#include <vector>

namespace surrogate::patterns {

class AucBandit {
public:
  /// `window`: how many recent uses count; `exploration`: OpenTuner's C.
  explicit AucBandit(std::size_t arms, std::size_t window = 50, double exploration = 0.05);

  std::size_t choose() const;
  void record(std::size_t arm, bool success);

  /// The arm's exploitation term: AUC of its successes in the window, in [0, 1].
  double credit(std::size_t arm) const;
  std::size_t usesInWindow(std::size_t arm) const;

private:
  std::size_t Arms, Window;
  double Exploration;
  std::deque<std::pair<std::size_t, bool>> History;  ///< (arm, success), oldest first
};

} // namespace surrogate::patterns
