// ModelConfig: the model's sizes written to and read back from JSON.
#include "surrogate/model/ModelConfig.h"

#include "surrogate/support/ConfigReader.h"

namespace surrogate::model {

nlohmann::json ModelConfig::toJson() const {
  nlohmann::json j = {{"vocabulary_size", vocabularySize}, {"embedding", embedding},
                      {"hidden", hidden},                  {"layers", layers},
                      {"inst_features", instFeatures},     {"global_features", globalFeatures}};
  if (bounds) {  // absent otherwise, so the config.json of a model without them stays as it was
    j["bounds"] = bounds;
    j["tokens"] = tokens;
    j["bounds_cpu"] = boundsCpu;
    j["bounds_hidden"] = boundsHidden;
  }
  if (varianceHead) {
    j["variance_head"] = true;
    j["variance_hidden"] = varianceHidden;
  }
  return j;
}

ModelConfig ModelConfig::fromJson(const nlohmann::json &j, const std::string &file) {
  support::ConfigReader r(j, file, "model");
  ModelConfig c;
  r.read("vocabulary_size", c.vocabularySize, std::int64_t{0});
  r.read("embedding", c.embedding, std::int64_t{1});
  r.read("hidden", c.hidden, std::int64_t{1});
  r.read("layers", c.layers, std::int64_t{1});
  r.read("inst_features", c.instFeatures, std::int64_t{0});
  r.read("global_features", c.globalFeatures, std::int64_t{0});
  r.read("bounds", c.bounds);
  r.read("tokens", c.tokens);
  r.read("bounds_cpu", c.boundsCpu);
  r.read("bounds_hidden", c.boundsHidden, std::int64_t{1});
  r.read("variance_head", c.varianceHead);
  r.read("variance_hidden", c.varianceHidden, std::int64_t{1});
  if (!c.tokens && !c.bounds)
    throw r.error("tokens", "false needs \"bounds\": true (a model needs some input)");
  r.finish();
  return c;
}

} // namespace surrogate::model
