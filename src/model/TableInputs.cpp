// TableInputs: a table's values as a tensor, the blocks' opcodes covered (LLVM's values if absent), rows, globals.
#include "surrogate/model/TableInputs.h"

#include <algorithm>

#include <fmt/format.h>
#include <llvm/ADT/StringExtras.h>
#include <spdlog/spdlog.h>

#include "surrogate/block/BlockPipeline.h"
#include "surrogate/block/Decoder.h"
#include "surrogate/block/Target.h"
#include "surrogate/mca/TableKey.h"
#include "surrogate/model/TableFeatures.h"

namespace surrogate::model {

TableInputs::TableInputs(mca::ParamTable table, std::string source)
    : Table(std::move(table)), Source(std::move(source)), Width(TableFeatures::opcodeWidth(Table)) {
  auto add = [&](std::string name, unsigned value) {
    Names.push_back(std::move(name));
    Initial.push_back(static_cast<float>(value));
    return static_cast<long>(Initial.size() - 1);
  };
  add("globals.dispatch_width", Table.dispatchWidth);
  add("globals.reorder_buffer_size", Table.reorderBufferSize);
  for (const auto &[key, p] : Table.opcodes) {
    RowSource &row = Entries[key];
    const std::string at = "opcodes." + key + ".";
    row.microOps = add(at + "micro_ops", p.microOps);
    for (std::size_t i = 0; i < p.latencies.size(); ++i)
      row.latencies.push_back(add(fmt::format("{}latencies[{}]", at, i), p.latencies[i]));
    for (std::size_t i = 0; i < p.readAdvance.size(); ++i)
      row.readAdvance.push_back(add(fmt::format("{}read_advance[{}]", at, i), p.readAdvance[i]));
    for (const auto &[resource, cycles] : p.resources) {
      long index = add(at + "resources." + resource, cycles);
      auto pos = std::find(Table.resourceNames.begin(), Table.resourceNames.end(), resource);
      if (pos != Table.resourceNames.end())
        row.resources.emplace_back(TableFeatures::kFirstResource + (pos - Table.resourceNames.begin()), index);
    }
  }
}

void TableInputs::cover(const std::vector<block::BasicBlock> &blocks) {
  std::unique_ptr<llvm::MCSubtargetInfo> sti;
  std::map<unsigned, std::string> missing;  // opcode -> LLVM's key for it
  block::Decoder decoder;
  std::vector<llvm::MCInst> decoded;
  std::string problem;
  for (const block::BasicBlock &b : blocks) {
    std::optional<llvm::ArrayRef<llvm::MCInst>> insts = block::instructionsOf(decoder, b, decoded, problem);
    if (!insts)
      continue;  // the predictor reports it
    for (const llvm::MCInst &inst : *insts) {
      unsigned opcode = inst.getOpcode();
      if (ByOpcode.count(opcode) || missing.count(opcode))
        continue;
      if (std::string key = TableFeatures::keyFor(Table, opcode); !key.empty()) {
        ByOpcode[opcode] = &Entries.at(key);
        continue;
      }
      if (!sti)
        sti = block::X86Target::get().createSubtarget(Table.cpu);
      // No scheduling class: zeros, as in training, where tables had no entry for it either.
      missing[opcode] = mca::tableKeyOf(*sti, inst).value_or("");
    }
  }
  if (missing.empty())
    return;
  std::vector<std::string> keys;
  for (const auto &[opcode, key] : missing)
    if (!key.empty())
      keys.push_back(key);
  mca::ParamTable defaults = keys.empty() ? mca::ParamTable{} : mca::ParamTable::fromModel(Table.cpu, keys);
  defaults.resourceNames = Table.resourceNames;
  std::vector<std::string> names;
  for (const auto &[opcode, key] : missing) {
    RowSource &row = DefaultRows[opcode];
    row.constant = TableFeatures::scaled(TableFeatures::rawOpcode(defaults, key));
    ByOpcode[opcode] = &row;
    if (!key.empty() && Defaulted.insert(key).second)
      names.push_back(key);
  }
  if (!names.empty())
    spdlog::warn("{}: no entry for {} opcode(s) of the blocks, which take {}'s LLVM values: {}", Source, names.size(),
                 Table.cpu, llvm::join(names, " "));
}

torch::Tensor TableInputs::values(bool gradient) const {
  return torch::tensor(Initial).set_requires_grad(gradient);
}

torch::Tensor TableInputs::row(const torch::Tensor &values, const RowSource &source) const {
  if (!source.constant.empty())
    return torch::tensor(source.constant);
  torch::Tensor zero = torch::zeros({});
  std::vector<torch::Tensor> raw(Width, zero);
  auto maxOf = [&](const std::vector<long> &indices) {
    return values.index_select(0, torch::tensor(std::vector<std::int64_t>(indices.begin(), indices.end()))).max();
  };
  raw[TableFeatures::kMicroOps] = values[source.microOps];
  if (!source.latencies.empty()) {
    raw[TableFeatures::kLatency] = values[source.latencies.front()];
    raw[TableFeatures::kMaxLatency] = maxOf(source.latencies);
  }
  if (!source.readAdvance.empty())
    raw[TableFeatures::kMaxReadAdvance] = maxOf(source.readAdvance);
  for (const auto &[column, index] : source.resources)
    raw[column] = values[index];
  // TableFeatures::scaled, differentiably.
  return torch::log1p(torch::stack(raw).clamp_min(0));
}

torch::Tensor TableInputs::rows(const torch::Tensor &values, const std::vector<unsigned> &opcodes) const {
  // One row per distinct opcode, then one per instruction.
  std::map<unsigned, std::int64_t> distinct;
  std::vector<torch::Tensor> unique;
  std::vector<std::int64_t> index;
  for (unsigned opcode : opcodes) {
    auto [it, added] = distinct.emplace(opcode, static_cast<std::int64_t>(unique.size()));
    if (added) {
      auto source = ByOpcode.find(opcode);
      if (source == ByOpcode.end())
        throw std::logic_error("TableInputs: opcode " + std::to_string(opcode) + " was not covered");
      unique.push_back(row(values, *source->second));
    }
    index.push_back(it->second);
  }
  return torch::stack(unique).index_select(0, torch::tensor(index));
}

torch::Tensor TableInputs::globals(const torch::Tensor &values) const {
  return torch::log1p(values.slice(0, 0, 2).clamp_min(0));
}

} // namespace surrogate::model
