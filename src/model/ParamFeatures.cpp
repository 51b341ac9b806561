#include "surrogate/model/ParamFeatures.h"

#include <cmath>
#include <stdexcept>

#include "surrogate/block/Target.h"

namespace surrogate::model {

namespace {
std::vector<float> logScale(std::vector<float> v) {
  for (float &x : v)
    x = std::log1p(std::max(0.0f, x));
  return v;
}
} // namespace

void ParamFeatures::addTable(std::uint32_t id, mca::ParamTable table) {
  Entry e;
  e.global = logScale(table.globalFeatures());
  std::size_t instWidth = table.opcodeFeatureNames().size();
  if (!Tables.empty() && (instWidth != InstWidth || e.global.size() != GlobalWidth))
    throw std::runtime_error("parameter table " + std::to_string(id) + " has " + std::to_string(instWidth) +
                             " features per opcode where earlier tables have " + std::to_string(InstWidth) +
                             " (tables of different CPUs?)");
  InstWidth = instWidth;
  GlobalWidth = e.global.size();
  e.table = std::move(table);
  Tables[id] = std::move(e);
}

const std::vector<float> &ParamFeatures::global(std::uint32_t table) const {
  auto it = Tables.find(table);
  if (it == Tables.end())
    throw std::out_of_range("no parameter table " + std::to_string(table));
  return it->second.global;
}

const std::vector<float> &ParamFeatures::instruction(std::uint32_t table, unsigned opcode) {
  auto it = Tables.find(table);
  if (it == Tables.end())
    throw std::out_of_range("no parameter table " + std::to_string(table));
  Entry &e = it->second;
  auto row = e.rows.find(opcode);
  if (row != e.rows.end())
    return row->second;
  std::string name = block::X86Target::get().instrInfo().getName(opcode).str();
  std::string key = name;
  if (!e.table.opcodes.count(name)) {
    auto variant = e.table.opcodes.lower_bound(name + "/");
    if (variant != e.table.opcodes.end() && variant->first.compare(0, name.size() + 1, name + "/") == 0)
      key = variant->first;
  }
  return e.rows.emplace(opcode, logScale(e.table.opcodeFeatures(key))).first->second;
}

const std::vector<float> &ParamFeatures::cachedInstruction(std::uint32_t table, unsigned opcode) const {
  auto it = Tables.find(table);
  if (it == Tables.end())
    throw std::out_of_range("no parameter table " + std::to_string(table));
  auto row = it->second.rows.find(opcode);
  if (row == it->second.rows.end())
    throw std::out_of_range("opcode " + std::to_string(opcode) + " of table " + std::to_string(table) + " not cached");
  return row->second;
}

} // namespace surrogate::model
