// ParamFeatures: the global and per-opcode feature rows of loaded tables, cached per (table, opcode).
#include "surrogate/model/ParamFeatures.h"

#include <stdexcept>

#include "surrogate/model/TableFeatures.h"

namespace surrogate::model {

void ParamFeatures::addTable(std::uint32_t id, mca::ParamTable table) {
  Entry e;
  e.global = TableFeatures::scaled(TableFeatures::rawGlobals(table));
  std::size_t instWidth = TableFeatures::opcodeWidth(table);
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
  std::vector<float> raw = TableFeatures::rawOpcode(e.table, TableFeatures::keyFor(e.table, opcode));
  return e.rows.emplace(opcode, TableFeatures::scaled(std::move(raw))).first->second;
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
