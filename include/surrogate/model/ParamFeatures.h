#pragma once
// The numeric inputs of the parameter-conditioned model, from scheduling
// parameter tables (mca::ParamTable): per instruction the feature row of
// its opcode, and the table's globals, each on a log(1 + x) scale so
// latencies, cycles and buffer sizes of very different ranges train alike.
// Rows are cached per (table, opcode).
//
// An opcode whose scheduling class LLVM resolves per instruction (a variant
// class) appears in tables as OPCODE/CLASS; it takes the first such entry,
// since which class LLVM picks depends on operands this layer does not see.

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "surrogate/mca/ParamTable.h"

namespace surrogate::model {

class ParamFeatures {
public:
  /// Adds table `id`; throws std::runtime_error if its feature widths differ from earlier tables'.
  void addTable(std::uint32_t id, mca::ParamTable table);
  bool hasTable(std::uint32_t id) const { return Tables.count(id) != 0; }
  /// Table `id` itself; throws std::out_of_range if it was not added.
  const mca::ParamTable &table(std::uint32_t id) const { return Tables.at(id).table; }

  std::size_t instructionWidth() const { return InstWidth; }
  std::size_t globalWidth() const { return GlobalWidth; }

  const std::vector<float> &global(std::uint32_t table) const;
  /// The row of LLVM opcode number `opcode` in table `table`, computed and cached.
  const std::vector<float> &instruction(std::uint32_t table, unsigned opcode);
  /// The same row once cached (safe from several threads); throws if it was not.
  const std::vector<float> &cachedInstruction(std::uint32_t table, unsigned opcode) const;

private:
  struct Entry {
    mca::ParamTable table;
    std::vector<float> global;
    std::unordered_map<unsigned, std::vector<float>> rows;
  };
  std::map<std::uint32_t, Entry> Tables;
  std::size_t InstWidth = 0, GlobalWidth = 0;
};

} // namespace surrogate::model
