// TableFeatures: the table key an opcode reads, and the log(1 + x) feature scale and its inverse.
#include "surrogate/model/TableFeatures.h"

#include <algorithm>
#include <cmath>

#include "surrogate/block/Target.h"

namespace surrogate::model {

std::string TableFeatures::keyFor(const mca::ParamTable &table, unsigned opcode) {
  std::string name = block::X86Target::get().instrInfo().getName(opcode).str();
  if (table.opcodes.count(name))
    return name;
  auto variant = table.opcodes.lower_bound(name + "/");
  if (variant != table.opcodes.end() && variant->first.compare(0, name.size() + 1, name + "/") == 0)
    return variant->first;
  return "";
}

std::vector<float> TableFeatures::scaled(std::vector<float> raw) {
  for (float &x : raw)
    x = std::log1p(std::max(0.0f, x));
  return raw;
}

float TableFeatures::toFeature(double raw) { return static_cast<float>(std::log1p(std::max(0.0, raw))); }

double TableFeatures::toRaw(float feature) { return std::expm1(static_cast<double>(feature)); }

} // namespace surrogate::model
