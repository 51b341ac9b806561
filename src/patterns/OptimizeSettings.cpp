// OptimizeSettings: the optimize pattern section read from and written to JSON.
#include "surrogate/patterns/OptimizeSettings.h"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "surrogate/patterns/SearchMethods.h"
#include "surrogate/support/ConfigReader.h"

namespace surrogate::patterns {

nlohmann::json OptimizeSettings::toJson() const {
  nlohmann::json j = {{"params_samples", paramsSamples}, {"tables_per_block", tablesPerBlock},
          {"perturb_probability", perturbProbability},
          {"measured_sample", measuredSample}, {"steps", steps},
          {"batch_size", batchSize},         {"learning_rate", learningRate}, {"l1", l1}, {"anchor", anchor},
          {"rounds", rounds}, {"round_radius", roundRadius}, {"round_max_epochs", roundMaxEpochs}, {"round_l1", roundL1},
          {"median_cap", medianCap}, {"prune", prune},
          {"polish_evaluations", polishEvaluations}, {"polish_blocks", polishBlocks},
          {"polish_candidates", polishCandidates},
          {"blackbox_blocks", blackboxBlocks}, {"blackbox_methods", blackboxMethods},
          {"ensemble_techniques", ensembleTechniques}};
  if (tuneAsWritten)  // absent otherwise, so earlier runs' records stay as they were
    j["tune_as_written"] = true;
  return j;
}

OptimizeSettings OptimizeSettings::fromJson(const nlohmann::json &j, const std::string &file) {
  support::ConfigReader r(j, file, "pattern");
  r.allow({"comment"});
  OptimizeSettings s;
  constexpr double kMax = 1e18;
  r.read("params_samples", s.paramsSamples, 1u);
  r.read("tables_per_block", s.tablesPerBlock, 1u);
  r.read("steps", s.steps, std::size_t{1});
  r.read("batch_size", s.batchSize, std::size_t{1});
  r.read("blackbox_blocks", s.blackboxBlocks, std::size_t{1});
  r.read("measured_sample", s.measuredSample, std::size_t{0});
  r.read("learning_rate", s.learningRate, std::numeric_limits<double>::min(), kMax);
  r.read("l1", s.l1, 0, kMax);
  r.read("anchor", s.anchor);
  r.read("tune_as_written", s.tuneAsWritten);
  r.read("rounds", s.rounds, std::size_t{0}, std::size_t{100});
  r.read("round_radius", s.roundRadius, 1u, 1000u);
  r.read("round_max_epochs", s.roundMaxEpochs, std::size_t{1}, std::size_t{1000});
  r.read("round_l1", s.roundL1, 0, kMax);
  r.read("median_cap", s.medianCap, 0, kMax);
  r.read("prune", s.prune);
  r.read("polish_evaluations", s.polishEvaluations, std::size_t{0});
  r.read("polish_blocks", s.polishBlocks, std::size_t{1});
  r.read("polish_candidates", s.polishCandidates, std::size_t{1});
  if (r.read("perturb_probability", s.perturbProbability, 0, 1) && !(s.perturbProbability > 0))
    throw r.error("perturb_probability", "must be in (0, 1]");
  std::string single;
  bool hasSingle = r.read("blackbox_method", single);  // the one-method form of earlier configs
  if (r.read("blackbox_methods", s.blackboxMethods) && hasSingle)
    throw r.error("blackbox_method", "give either blackbox_method or blackbox_methods, not both");
  if (hasSingle) s.blackboxMethods = {single};
  r.read("ensemble_techniques", s.ensembleTechniques);
  r.finish();
  if (s.tablesPerBlock > s.paramsSamples)
    throw r.error("tables_per_block", fmt::format("({}) exceeds pattern.params_samples ({})", s.tablesPerBlock,
                                                  s.paramsSamples));
  if (s.blackboxMethods.empty()) throw r.error("blackbox_methods", "needs at least one method");
  for (const std::string &m : s.blackboxMethods)
    if (!isBlackBoxMethod(m))
      throw r.error(hasSingle ? "blackbox_method" : "blackbox_methods",
                    "'" + m + "' is neither 'ensemble', 'coordinate' nor an NLopt algorithm (e.g. GN_ESCH, LN_SBPLX, GN_CRS2_LM)");
  if (s.ensembleTechniques.empty()) s.ensembleTechniques = defaultEnsemble();
  if (s.roundL1 < 0) s.roundL1 = s.l1;
  for (const std::string &t : s.ensembleTechniques)
    if (std::find(ensembleTechniqueNames().begin(), ensembleTechniqueNames().end(), t) == ensembleTechniqueNames().end())
      throw r.error("ensemble_techniques", fmt::format("'{}' is not a technique (known: {})", t,
                                                       fmt::join(ensembleTechniqueNames(), ", ")));
  return s;
}

} // namespace surrogate::patterns
