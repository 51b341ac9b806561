#include "surrogate/patterns/Optimize.h"

#include <stdexcept>

#include <fmt/format.h>
#include <nlopt.h>

namespace surrogate::patterns {

nlohmann::json OptimizeSettings::toJson() const {
  return {{"params_samples", paramsSamples}, {"tables_per_block", tablesPerBlock},
          {"perturb_probability", perturbProbability},
          {"measured_sample", measuredSample}, {"steps", steps},
          {"batch_size", batchSize},         {"learning_rate", learningRate}, {"l1", l1},
          {"blackbox_blocks", blackboxBlocks}, {"blackbox_method", blackboxMethod}};
}

OptimizeSettings OptimizeSettings::fromJson(const nlohmann::json &j) {
  OptimizeSettings s;
  if (!j.is_object())
    throw std::invalid_argument("pattern: expected an object");
  nlohmann::json known = s.toJson();
  for (const auto &[key, value] : j.items()) {
    if (key == "comment")
      continue;
    if (!known.contains(key)) {
      std::vector<std::string> names;
      for (const auto &[k, v] : known.items()) names.push_back(k);
      throw std::invalid_argument(fmt::format("pattern.{}: unknown key for optimize (known: {})", key,
                                              fmt::join(names, ", ")));
    }
    bool numeric = key != "blackbox_method";
    if (numeric && !(value.is_number() && value.get<double>() >= 0))
      throw std::invalid_argument(fmt::format("pattern.{}: expected a non-negative number, got {}", key, value.dump()));
  }
  auto positive = [&](const char *key, auto &field) {
    if (j.contains(key)) {
      field = j.at(key).get<std::remove_reference_t<decltype(field)>>();
      if (field == 0)
        throw std::invalid_argument(fmt::format("pattern.{}: must be positive", key));
    }
  };
  positive("params_samples", s.paramsSamples);
  positive("tables_per_block", s.tablesPerBlock);
  positive("steps", s.steps);
  positive("batch_size", s.batchSize);
  positive("learning_rate", s.learningRate);
  positive("blackbox_blocks", s.blackboxBlocks);
  if (j.contains("perturb_probability")) {
    s.perturbProbability = j.at("perturb_probability").get<double>();
    if (!(s.perturbProbability > 0 && s.perturbProbability <= 1))
      throw std::invalid_argument(fmt::format("pattern.perturb_probability: must be in (0, 1], got {}",
                                              s.perturbProbability));
  }
  if (j.contains("l1")) s.l1 = j.at("l1").get<double>();
  if (j.contains("measured_sample")) s.measuredSample = j.at("measured_sample").get<std::size_t>();
  if (s.tablesPerBlock > s.paramsSamples)
    throw std::invalid_argument(fmt::format("pattern.tables_per_block ({}) exceeds pattern.params_samples ({})",
                                            s.tablesPerBlock, s.paramsSamples));
  if (j.contains("blackbox_method")) {
    if (!j.at("blackbox_method").is_string())
      throw std::invalid_argument("pattern.blackbox_method: expected a string such as \"GN_ESCH\"");
    s.blackboxMethod = j.at("blackbox_method").get<std::string>();
  }
  int algorithm = static_cast<int>(nlopt_algorithm_from_string(s.blackboxMethod.c_str()));
  if (algorithm < 0 || algorithm >= NLOPT_NUM_ALGORITHMS)
    throw std::invalid_argument("pattern.blackbox_method: '" + s.blackboxMethod +
                                "' is not an NLopt algorithm (e.g. GN_ESCH, LN_SBPLX, GN_CRS2_LM)");
  return s;
}

} // namespace surrogate::patterns
