#pragma once
// The scheduling parameters a dataset's examples are simulated under: LLVM's
// model for the CPU, one given table (--params), or N tables sampled from a
// seed (--params-samples), each block under K of them chosen from the
// block's hash and the seed. The choice is checked against the CPU before
// anything is written, and comes with how the manifest describes it.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <llvm/MC/MCSubtargetInfo.h>
#include <nlohmann/json.hpp>

#include "surrogate/data/DatasetConfig.h"

namespace surrogate::data {

class DatasetOutput;

class ParameterTables {
public:
  virtual ~ParameterTables() = default;
  virtual std::uint32_t count() const = 0;
  virtual std::uint32_t perBlock() const { return 1; }
  /// Table ids for a block, ascending.
  virtual std::vector<std::uint32_t> choose(std::uint64_t blockHash) const { return {0}; }
  virtual std::unique_ptr<llvm::MCSubtargetInfo> subtarget(std::uint32_t id) const = 0;
  /// Writes the tables into the dataset (nothing for LLVM's own model).
  virtual void store(const DatasetOutput &out) const {}
};

struct TableChoice {
  std::unique_ptr<ParameterTables> tables;
  std::string mode;  ///< default | table | sampled
  nlohmann::json params;  ///< the manifest's "params"
};

/// The tables of a checked request; `allInputs` are its block files, then
/// its measured files (sampled tables cover the opcodes their blocks use).
TableChoice chooseTables(const DatasetConfig &config, const std::vector<std::string> &allInputs);

} // namespace surrogate::data
