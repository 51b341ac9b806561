// FrozenSurrogate: a trained conditioned model's MAPE on fixed blocks as a function of a table's values.
#include "surrogate/model/FrozenSurrogate.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>

#include "surrogate/model/Checkpoint.h"
#include "surrogate/model/RunDir.h"
#include "surrogate/model/TableBounds.h"

namespace surrogate::model {

FrozenSurrogate::FrozenSurrogate(const std::string &dir, const std::vector<block::BasicBlock> &blocks,
                                 const std::vector<double> &defaultCycles, const ParamVector &space, bool anchored)
    : Space(space), Initial(torch::tensor(space.initial())) {
  RunDir run(dir);
  ModelConfig config = run.modelConfig();
  if (config.instFeatures != static_cast<std::int64_t>(space.width()) ||
      config.globalFeatures != static_cast<std::int64_t>(space.globals()))
    throw std::runtime_error(fmt::format("{}: the surrogate takes {} + {} table features; the table gives {} + {} "
                                         "(not a parameter-conditioned surrogate of this CPU?)",
                                         dir, config.instFeatures, config.globalFeatures, space.width(),
                                         space.globals()));
  Net = IthemalModel(config);
  loadCheckpoint(run.bestPath(), *Net, nullptr);
  Net->eval();
  for (auto &p : Net->parameters()) p.set_requires_grad(false);
  block::Vocabulary vocab = run.vocabulary(config);
  block::Tokenizer tokenizer;
  std::optional<BoundFeaturizer> bounds;
  if (config.bounds)
    bounds.emplace(space.defaults(), dir + ": the default table");
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const block::BasicBlock &b = blocks[i];
    std::vector<std::int64_t> rows;
    for (const auto &inst : b.insts) rows.push_back(space.rowOf(inst.getOpcode()));
    if (std::count(rows.begin(), rows.end(), -1) > 0 || !std::isfinite(defaultCycles[i])) {
      ++Skipped;  // an opcode the tuned rows do not cover (validation blocks only), or llvm-mca failed
      continue;
    }
    if (bounds) {
      std::string problem;
      std::optional<BoundStructure> structure = bounds->structureOf(b.insts, problem);
      if (!structure) {
        ++Skipped;
        continue;
      }
      Structures.push_back(std::move(*structure));
    }
    Tokens.push_back(vocab.encode(tokenizer, b.insts));
    Rows.push_back(std::move(rows));
    Measured.push_back(*b.measured);
    Anchor.push_back(anchored ? defaultCycles[i] : 1.0);
  }
  if (!anchored) return;  // DiffTune as published: the surrogate's own cycles
  // anchor = mca_default / s(default), one forward pass over the blocks.
  torch::NoGradGuard noGrad;
  for (const auto &idx : chunks()) {
    torch::Tensor s0 = rawCycles(Initial, idx);
    for (std::size_t k = 0; k < idx.size(); ++k) Anchor[idx[k]] /= std::max(1e-3, s0[k].item<double>());
  }
}

torch::Tensor FrozenSurrogate::mape(const torch::Tensor &values, const std::vector<std::size_t> &indices) {
  std::vector<float> measured, anchor;
  for (std::size_t i : indices) {
    measured.push_back(static_cast<float>(Measured[i]));
    anchor.push_back(static_cast<float>(Anchor[i]));
  }
  torch::Tensor m = torch::tensor(measured);
  return ((rawCycles(values, indices) * torch::tensor(anchor) - m).abs() / m).mean();
}

double FrozenSurrogate::mapeAll(const torch::Tensor &values) {
  torch::NoGradGuard noGrad;
  double sum = 0;
  for (const auto &idx : chunks())
    sum += mape(values, idx).item<double>() * idx.size();
  return sum / size();
}

std::vector<std::vector<std::size_t>> FrozenSurrogate::chunks() const {
  std::vector<std::vector<std::size_t>> out;
  for (std::size_t start = 0; start < size(); start += 512) {
    out.emplace_back(std::min<std::size_t>(512, size() - start));
    std::iota(out.back().begin(), out.back().end(), start);
  }
  return out;
}

torch::Tensor FrozenSurrogate::rawCycles(const torch::Tensor &values, const std::vector<std::size_t> &indices) {
  std::vector<const block::TokenizedBlock *> blocks;
  std::vector<std::int64_t> rows;
  for (std::size_t i : indices) {
    blocks.push_back(&Tokens[i]);
    rows.insert(rows.end(), Rows[i].begin(), Rows[i].end());
  }
  BlockBatch batch = makeBatch(blocks);
  torch::Tensor rowIndex = torch::tensor(rows, torch::kInt64);
  auto instRows = [&](const torch::Tensor &v) {
    return v.slice(0, Space.globals()).view({-1, static_cast<std::int64_t>(Space.width())}).index_select(0, rowIndex);
  };
  auto globals = [&](const torch::Tensor &v) {
    return v.slice(0, 0, Space.globals()).unsqueeze(0).repeat({batch.blocks, 1});
  };
  batch.instFeatures = instRows(values);
  batch.globalFeatures = globals(values);
  if (!Structures.empty()) {
    // The bounds move from their values under the default table, the space's initial values.
    std::vector<const BoundStructure *> structures;
    for (std::size_t i : indices)
      structures.push_back(&Structures[i]);
    attachStructure(batch, structures);
    batch.referenceInstFeatures = instRows(Initial);
    batch.referenceGlobalFeatures = globals(Initial);
  }
  return Net->toCycles(Net->forward(batch));
}

} // namespace surrogate::model
