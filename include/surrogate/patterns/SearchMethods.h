#pragma once
// The names a config may give optimize's black-box searches
// (pattern.blackbox_methods, pattern.ensemble_techniques), apart from the
// searches themselves, so the settings can be checked without them.

#include <string>
#include <vector>

namespace surrogate::patterns {

/// The method name of the ensemble in pattern.blackbox_methods.
constexpr const char *kEnsembleMethod = "ensemble";
/// Greedy coordinate descent from LLVM's table ranked by llvm-mca's residuals
/// (CoordinatePolish.h): the polish's descent without the surrogate.
constexpr const char *kCoordinateMethod = "coordinate";

/// Whether `method` is the ensemble, coordinate descent or an NLopt algorithm name.
bool isBlackBoxMethod(const std::string &method);

/// Names `techniques` accepts, e.g. "sea", "cmaes", "sade", "pso", "sbplx".
const std::vector<std::string> &ensembleTechniqueNames();
/// The default ensemble.
const std::vector<std::string> &defaultEnsemble();

} // namespace surrogate::patterns
