// ParamTable's numeric view: the global and per-entry feature vectors that
// datasets and parameter-conditioned models read.

#include <algorithm>

#include "surrogate/mca/ParamTable.h"

namespace surrogate::mca {

std::vector<float> ParamTable::globalFeatures() const {
  return {static_cast<float>(dispatchWidth), static_cast<float>(reorderBufferSize)};
}

std::vector<std::string> ParamTable::globalFeatureNames() { return {"dispatch_width", "reorder_buffer_size"}; }

std::vector<float> ParamTable::opcodeFeatures(const std::string &opcode) const {
  std::vector<float> f(4 + resourceNames.size(), 0.0f);
  auto it = opcodes.find(opcode);
  if (it == opcodes.end())
    return f;
  const OpcodeParams &p = it->second;
  f[0] = static_cast<float>(p.microOps);
  if (!p.latencies.empty()) {
    f[1] = static_cast<float>(p.latencies.front());
    f[2] = static_cast<float>(*std::max_element(p.latencies.begin(), p.latencies.end()));
  }
  if (!p.readAdvance.empty())
    f[3] = static_cast<float>(*std::max_element(p.readAdvance.begin(), p.readAdvance.end()));
  for (const auto &[r, cycles] : p.resources) {
    auto pos = std::find(resourceNames.begin(), resourceNames.end(), r);
    if (pos != resourceNames.end())
      f[4 + (pos - resourceNames.begin())] = static_cast<float>(cycles);
  }
  return f;
}

std::vector<std::string> ParamTable::opcodeFeatureNames() const {
  std::vector<std::string> names = {"micro_ops", "latency", "max_latency", "max_read_advance"};
  for (const std::string &r : resourceNames)
    names.push_back("cycles_" + r);
  return names;
}

} // namespace surrogate::mca
