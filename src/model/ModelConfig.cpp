#include "surrogate/model/ModelConfig.h"

#include <set>
#include <stdexcept>
#include <string>

namespace surrogate::model {

nlohmann::json ModelConfig::toJson() const {
  return {{"vocabulary_size", vocabularySize}, {"embedding", embedding},          {"hidden", hidden},
          {"layers", layers},                  {"inst_features", instFeatures}, {"global_features", globalFeatures}};
}

ModelConfig ModelConfig::fromJson(const nlohmann::json &j) {
  if (!j.is_object())
    throw std::invalid_argument("model config: expected a JSON object");
  static const std::set<std::string> known = {"vocabulary_size", "embedding", "hidden",
                                              "layers",          "inst_features", "global_features"};
  for (const auto &[key, value] : j.items())
    if (!known.count(key))
      throw std::invalid_argument("model config: unknown key '" + key + "'");
  ModelConfig c;
  auto read = [&](const char *key, std::int64_t &field, std::int64_t min) {
    if (!j.contains(key))
      return;
    if (!j[key].is_number_integer() || j[key].get<std::int64_t>() < min)
      throw std::invalid_argument(std::string("model config: '") + key + "' must be an integer >= " +
                                  std::to_string(min));
    field = j[key].get<std::int64_t>();
  };
  read("vocabulary_size", c.vocabularySize, 0);
  read("embedding", c.embedding, 1);
  read("hidden", c.hidden, 1);
  read("layers", c.layers, 1);
  read("inst_features", c.instFeatures, 0);
  read("global_features", c.globalFeatures, 0);
  return c;
}

} // namespace surrogate::model
