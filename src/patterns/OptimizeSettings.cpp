#include "surrogate/patterns/Optimize.h"

#include <limits>

#include <fmt/format.h>
#include <nlopt.h>

#include "surrogate/support/ConfigReader.h"

namespace surrogate::patterns {

nlohmann::json OptimizeSettings::toJson() const {
  return {{"params_samples", paramsSamples}, {"tables_per_block", tablesPerBlock},
          {"perturb_probability", perturbProbability},
          {"measured_sample", measuredSample}, {"steps", steps},
          {"batch_size", batchSize},         {"learning_rate", learningRate}, {"l1", l1},
          {"blackbox_blocks", blackboxBlocks}, {"blackbox_method", blackboxMethod}};
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
  if (r.read("perturb_probability", s.perturbProbability, 0, 1) && !(s.perturbProbability > 0))
    throw r.error("perturb_probability", "must be in (0, 1]");
  r.read("blackbox_method", s.blackboxMethod);
  r.finish();
  if (s.tablesPerBlock > s.paramsSamples)
    throw r.error("tables_per_block", fmt::format("({}) exceeds pattern.params_samples ({})", s.tablesPerBlock,
                                                  s.paramsSamples));
  int algorithm = static_cast<int>(nlopt_algorithm_from_string(s.blackboxMethod.c_str()));
  if (algorithm < 0 || algorithm >= NLOPT_NUM_ALGORITHMS)
    throw r.error("blackbox_method", "'" + s.blackboxMethod +
                                         "' is not an NLopt algorithm (e.g. GN_ESCH, LN_SBPLX, GN_CRS2_LM)");
  return s;
}

} // namespace surrogate::patterns
