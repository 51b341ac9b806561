#pragma once
// One parameter table as the conditioned model's inputs, for `predict
// --params`: each instruction's feature row and the globals (the layout and
// scale of model/TableFeatures.h), computed from the table's values as a
// tensor, so the prediction can be differentiated with respect to every
// value of the table (`predict --gradient`).
//
// An instruction whose opcode the table has no entry for takes LLVM's value
// for the table's CPU, as `simulate --params` does with it, rather than the
// zeros of a missing key, which the model never saw in training. Entries of
// opcodes no block uses do not enter the prediction (their gradient is 0).

#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <torch/torch.h>

#include "surrogate/block/BasicBlock.h"
#include "surrogate/mca/ParamTable.h"

namespace surrogate::model {

class TableInputs {
public:
  /// `source` names the table (its file) in errors and warnings.
  TableInputs(mca::ParamTable table, std::string source);

  const std::string &source() const { return Source; }
  const mca::ParamTable &table() const { return Table; }
  std::size_t rowWidth() const { return Width; }
  std::size_t globalWidth() const { return 2; }

  /// Gives every instruction of the blocks (decoded here when not yet) a row: opcodes without an
  /// entry get their CPU's LLVM values, warned about once each by name.
  void cover(const std::vector<block::BasicBlock> &blocks);
  /// The opcodes that took LLVM's values so far.
  const std::set<std::string> &defaulted() const { return Defaulted; }

  /// The table's values, one per parameter, in names() order: a fresh leaf
  /// (requiring gradients when `gradient`).
  torch::Tensor values(bool gradient = false) const;
  /// What value i is, keyed like the table's JSON: "globals.dispatch_width",
  /// "opcodes.MOV64rm.latencies[0]", "opcodes.ADD32rr.resources.HWPort0".
  const std::vector<std::string> &names() const { return Names; }

  /// Scaled feature rows of `opcodes` (LLVM numbers), [n, rowWidth], and the
  /// globals, [globalWidth], as functions of `values`.
  torch::Tensor rows(const torch::Tensor &values, const std::vector<unsigned> &opcodes) const;
  torch::Tensor globals(const torch::Tensor &values) const;

private:
  /// Where one feature row's raw values come from: indices into values()
  /// (constants for a defaulted opcode).
  struct RowSource {
    long microOps = -1;
    std::vector<long> latencies, readAdvance;
    std::vector<std::pair<std::size_t, long>> resources;  ///< feature column, value index
    std::vector<float> constant;  ///< a defaulted opcode: its scaled row
  };
  torch::Tensor row(const torch::Tensor &values, const RowSource &source) const;

  mca::ParamTable Table;
  std::string Source;
  std::size_t Width = 0;
  std::vector<std::string> Names;
  std::vector<float> Initial;
  std::map<std::string, RowSource> Entries;  ///< by table key
  std::map<unsigned, RowSource> DefaultRows;       ///< opcodes without an entry
  std::map<unsigned, const RowSource *> ByOpcode;
  std::set<std::string> Defaulted;
};

} // namespace surrogate::model
