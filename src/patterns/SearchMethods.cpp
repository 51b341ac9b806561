// The names of optimize's black-box methods and ensemble techniques.

#include "surrogate/patterns/SearchMethods.h"

#include <nlopt.h>

namespace surrogate::patterns {

bool isBlackBoxMethod(const std::string &method) {
  if (method == kEnsembleMethod || method == kCoordinateMethod) return true;
  int algorithm = static_cast<int>(nlopt_algorithm_from_string(method.c_str()));
  return algorithm >= 0 && algorithm < NLOPT_NUM_ALGORITHMS;
}

const std::vector<std::string> &ensembleTechniqueNames() {
  static const std::vector<std::string> names = {"sea", "cmaes", "xnes", "sade", "de1220", "pso",
                                                 "sa",  "sbplx", "bobyqa", "neldermead", "cobyla"};
  return names;
}

const std::vector<std::string> &defaultEnsemble() {
  // Sparse mutation (sea: about one value redrawn per candidate, as OpenTuner's
  // mutation operators on large spaces), a covariance-adapting strategy around
  // the default, self-adaptive DE, a swarm, and a local simplex search.
  static const std::vector<std::string> names = {"sea", "cmaes", "sade", "pso", "sbplx"};
  return names;
}

} // namespace surrogate::patterns
