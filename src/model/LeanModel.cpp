// LeanModel: the forward pass on Eigen, one LSTM step a matrix product over the sequences still running.
#include "surrogate/model/LeanModel.h"

// Eigen's matrix products take their blocking buffers from the stack up to this size, so that a warm
// forward pass makes no heap allocation (the buffers here stay well under a thread's stack).
#define EIGEN_STACK_ALLOCATION_LIMIT (1 << 20)
#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>
#include <llvm/ADT/DenseMap.h>
#include <llvm/Support/xxhash.h>

#include "surrogate/support/Errors.h"

namespace surrogate::model {

using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic>;  // column-major
using Vector = Eigen::VectorXf;
using RowMajorMap = Eigen::Map<const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>;
using Index = Eigen::Index;

namespace {

struct LstmLayer {
  Matrix inputWeights, hiddenWeights;  ///< [4H, input], [4H, H]; gates i, f, g, o as in LibTorch
  Vector bias;                         ///< both biases, [4H]
};

Matrix matrixOf(const ModelFile &file, const std::string &name, std::int64_t rows, std::int64_t cols) {
  return RowMajorMap(file.tensor(name, {rows, cols}).values.data(), rows, cols);
}

Vector vectorOf(const ModelFile &file, const std::string &name, std::int64_t size) {
  return Eigen::Map<const Vector>(file.tensor(name, {size}).values.data(), size);
}

std::vector<LstmLayer> lstmOf(const ModelFile &file, const std::string &prefix, std::int64_t input) {
  const ModelConfig &c = file.config;
  std::vector<LstmLayer> layers;
  for (std::int64_t l = 0; l < c.layers; ++l) {
    std::string suffix = "_l" + std::to_string(l);
    LstmLayer layer;
    layer.inputWeights = matrixOf(file, prefix + ".weight_ih" + suffix, 4 * c.hidden, l == 0 ? input : c.hidden);
    layer.hiddenWeights = matrixOf(file, prefix + ".weight_hh" + suffix, 4 * c.hidden, c.hidden);
    layer.bias = vectorOf(file, prefix + ".bias_ih" + suffix, 4 * c.hidden) +
                 vectorOf(file, prefix + ".bias_hh" + suffix, 4 * c.hidden);
    layers.push_back(std::move(layer));
  }
  return layers;
}

// Columns [0, n) of `m`, growing it (never shrinking) so that a warm workspace keeps its buffers.
Eigen::Block<Matrix> columns(Matrix &m, Index rows, Index n) {
  if (m.rows() != rows || m.cols() < n)
    m.resize(rows, std::max<Index>(n, 2 * m.cols()));
  return m.block(0, 0, rows, n);
}

} // namespace

struct LeanModel::Weights {
  ModelConfig config;
  block::Vocabulary vocabulary;
  Matrix tokenInputs;  ///< each token's embedding through the instruction LSTM's first input weights, plus bias
  std::vector<LstmLayer> instructionLstm, blockLstm;
  Vector head;  ///< the linear head (no bounds): [hidden]
  float headBias = 0;
  Matrix boundsHidden;  ///< the bounds head's first layer, [boundsHidden, hidden (with tokens) + kBoundFeatures]
  Vector boundsHiddenBias, boundsOut;
  float boundsOutBias = 0;
  Matrix varianceHidden;  ///< the variance head's first layer, [varianceHidden, the output head's inputs] (empty without)
  Vector varianceHiddenBias, varianceOut;
  float varianceOutBias = 0;
  float targetMean = 0, targetStd = 1;
};

// The sequences of one LSTM run, sorted longest first: step t runs the first active[t] of them, and
// its inputs are columns index[offset[t] + s] of the layer's input projections.
struct Steps {
  std::vector<Index> active, offset, index;

  void clear() {
    active.clear();
    offset.clear();
    index.clear();
  }
  /// From the sorted lengths (longest first).
  template <typename Length> void shape(std::size_t sequences, Length length) {
    clear();
    Index done = 0;
    for (Index t = 0; sequences > 0 && t < length(0); ++t) {
      Index a = static_cast<Index>(sequences);
      while (a > 0 && length(a - 1) <= t)
        --a;
      active.push_back(a);
      offset.push_back(done);
      done += a;
    }
  }
};

// The last instruction vectors computed, by the instruction's tokens: an instruction seen before skips the
// instruction LSTM. Emptied when full, so it stays within `capacity` vectors (and the call's own count).
class InstructionCache {
public:
  explicit InstructionCache(std::size_t capacity) : Capacity(capacity) {}

  /// Empties the cache unless `n` more vectors fit.
  void makeRoom(std::size_t n) {
    if (Used + n > std::max(Capacity, n))
      clear();
  }
  void clear() {
    Slots.clear();
    Tokens.clear();
    Starts.clear();
    Used = 0;
  }
  static std::uint64_t hashOf(const std::vector<std::int32_t> &tokens) {
    std::uint64_t h = llvm::xxh3_64bits(
        llvm::ArrayRef(reinterpret_cast<const std::uint8_t *>(tokens.data()), 4 * tokens.size()));
    return std::min(h, ~std::uint64_t{0} - 2);  // DenseMap's empty and tombstone keys stay free
  }
  std::optional<Index> find(const std::vector<std::int32_t> &tokens, std::uint64_t hash) const {
    auto it = Slots.find(hash);
    if (it == Slots.end())
      return std::nullopt;
    std::size_t begin = Starts[it->second], end = Starts[it->second + 1];
    if (end - begin != tokens.size() || !std::equal(tokens.begin(), tokens.end(), Tokens.begin() + begin))
      return std::nullopt;  // another instruction with the same hash: computed, not cached
    return static_cast<Index>(it->second);
  }
  /// Keeps `vector` for `tokens` (after makeRoom); returns its column.
  Index insert(const std::vector<std::int32_t> &tokens, std::uint64_t hash, const Eigen::Ref<const Vector> &vector) {
    if (Starts.empty())
      Starts.push_back(0);
    if (Vectors.rows() != vector.size() || Vectors.cols() <= static_cast<Index>(Used))
      Vectors.conservativeResize(vector.size(), std::max<Index>(Used + 1, std::max<Index>(Capacity, 2 * Used)));
    auto slot = static_cast<std::uint32_t>(Used++);
    Slots.try_emplace(hash, slot);
    Tokens.insert(Tokens.end(), tokens.begin(), tokens.end());
    Starts.push_back(Tokens.size());
    Vectors.col(slot) = vector;
    return slot;
  }
  const Matrix &vectors() const { return Vectors; }

private:
  std::size_t Capacity, Used = 0;
  llvm::DenseMap<std::uint64_t, std::uint32_t> Slots;
  std::vector<std::int32_t> Tokens;  ///< each slot's tokens, one after another
  std::vector<std::size_t> Starts;   ///< slot k's tokens are [Starts[k], Starts[k + 1])
  Matrix Vectors;
};

struct LeanModel::Workspace {
  explicit Workspace(std::size_t cachedInstructions) : cache(cachedInstructions) {}

  Matrix gates, hidden, cell, projections, outputs, blockInputs, features, units, varianceUnits, z, instructionVectors;
  Steps steps;
  InstructionCache cache;
  std::vector<std::size_t> missing;
  std::vector<std::uint64_t> hashes;
  std::vector<Index> slotOf;
  // Instruction rows shared by identical instructions; blocks sorted by instruction count.
  std::vector<const std::vector<std::int32_t> *> instructions, distinct;
  std::vector<std::size_t> instructionOrder, blockOrder, firstInstruction;
  std::vector<Index> rowOf;
  std::uint64_t multiplyAdds = 0;
};

namespace {

// One layer over `steps`: h and c start at zero; after it, hidden's first columns hold each sequence's
// last state, and `outputs` (when given) every step's, at offset[t] + s.
void runLayer(const LstmLayer &layer, const Matrix &projections, const Steps &steps, Matrix &gates, Matrix &hidden,
              Matrix &cell, Matrix *outputs, std::uint64_t &multiplyAdds) {
  const Index h = layer.hiddenWeights.cols(), sequences = steps.active.empty() ? 0 : steps.active.front();
  columns(hidden, h, sequences).setZero();
  columns(cell, h, sequences).setZero();
  for (std::size_t t = 0; t < steps.active.size(); ++t) {
    const Index a = steps.active[t], offset = steps.offset[t];
    auto g = columns(gates, 4 * h, a);
    g.noalias() = layer.hiddenWeights * hidden.leftCols(a);
    for (Index s = 0; s < a; ++s)
      g.col(s) += projections.col(steps.index[offset + s]);
    multiplyAdds += static_cast<std::uint64_t>(4 * h * h * a);
    auto c = cell.leftCols(a).array();
    c = g.middleRows(h, h).array().logistic() * c +
        g.topRows(h).array().logistic() * g.middleRows(2 * h, h).array().tanh();
    hidden.leftCols(a).array() = g.bottomRows(h).array().logistic() * c.tanh();
    if (outputs)
      outputs->middleCols(offset, a) = hidden.leftCols(a);
  }
}

// The next layer's input projections: every step's outputs of the layer below, in the same columns.
void projectOutputs(const LstmLayer &layer, Matrix &outputs, Index positions, Matrix &projections, Steps &steps,
                    std::uint64_t &multiplyAdds) {
  auto p = columns(projections, layer.inputWeights.rows(), positions);
  p.noalias() = layer.inputWeights * outputs.leftCols(positions);
  p.colwise() += layer.bias;
  multiplyAdds += static_cast<std::uint64_t>(layer.inputWeights.size() * positions);
  for (Index i = 0; i < positions; ++i)
    steps.index[i] = i;
}

// Every layer of `lstm` over `steps`, the first layer's inputs being columns of `first`.
void runLstm(const std::vector<LstmLayer> &lstm, const Matrix &first, LeanModel::Workspace &ws) {
  const Index positions = static_cast<Index>(ws.steps.index.size());
  for (std::size_t l = 0; l < lstm.size(); ++l) {
    bool last = l + 1 == lstm.size();
    Matrix *outputs = nullptr;
    if (!last) {
      columns(ws.outputs, lstm[l].hiddenWeights.cols(), positions);
      outputs = &ws.outputs;
    }
    runLayer(lstm[l], l == 0 ? first : ws.projections, ws.steps, ws.gates, ws.hidden, ws.cell, outputs,
             ws.multiplyAdds);
    if (!last)
      projectOutputs(lstm[l + 1], ws.outputs, positions, ws.projections, ws.steps, ws.multiplyAdds);
  }
}

} // namespace

bool LeanModel::runs(const ModelConfig &config, std::string &why) {
  if (config.instFeatures > 0 || config.globalFeatures > 0) {
    why = "the lean engine does not run parameter-conditioned models (architecture lstm-conditioned); "
          "use --engine torch";
    return false;
  }
  return true;
}

LeanModel::LeanModel(const ModelFile &file) : W(std::make_unique<Weights>()) {
  const ModelConfig &c = file.config;
  if (std::string why; !runs(c, why))
    throw support::DataError(file.path, why);
  W->config = c;
  W->vocabulary = block::Vocabulary::fromTokens(file.vocabulary, file.path + " (vocabulary)");
  W->targetMean = file.scalar("target_mean");
  W->targetStd = file.scalar("target_std");
  if (c.tokens) {
    W->instructionLstm = lstmOf(file, "instruction_lstm", c.embedding);
    W->blockLstm = lstmOf(file, "block_lstm", c.hidden);
    // Embedding rows are [vocabulary, embedding] row-major: the same memory as [embedding, vocabulary] column-major.
    Eigen::Map<const Matrix> embedding(file.tensor("embedding.weight", {c.vocabularySize, c.embedding}).values.data(),
                                       c.embedding, c.vocabularySize);
    W->tokenInputs = W->instructionLstm.front().inputWeights * embedding;
    W->tokenInputs.colwise() += W->instructionLstm.front().bias;
  }
  if (c.varianceHead) {
    std::int64_t in = (c.tokens ? c.hidden : 0) + (c.bounds ? kBoundFeatures : 0);
    W->varianceHidden = matrixOf(file, "variance_head.0.weight", c.varianceHidden, in);
    W->varianceHiddenBias = vectorOf(file, "variance_head.0.bias", c.varianceHidden);
    W->varianceOut = matrixOf(file, "variance_head.2.weight", 1, c.varianceHidden).row(0).transpose();
    W->varianceOutBias = vectorOf(file, "variance_head.2.bias", 1)(0);
  }
  if (!c.bounds) {
    W->head = matrixOf(file, "head.weight", 1, c.hidden).row(0).transpose();
    W->headBias = vectorOf(file, "head.bias", 1)(0);
    return;
  }
  std::int64_t in = (c.tokens ? c.hidden : 0) + kBoundFeatures;
  W->boundsHidden = matrixOf(file, "bounds_head.0.weight", c.boundsHidden, in);
  W->boundsHiddenBias = vectorOf(file, "bounds_head.0.bias", c.boundsHidden);
  W->boundsOut = matrixOf(file, "bounds_head.2.weight", 1, c.boundsHidden).row(0).transpose();
  W->boundsOutBias = vectorOf(file, "bounds_head.2.bias", 1)(0);
}

LeanModel::~LeanModel() = default;
LeanModel::LeanModel(LeanModel &&) noexcept = default;

std::unique_ptr<LeanModel::Workspace, void (*)(LeanModel::Workspace *)>
LeanModel::workspace(std::size_t cachedInstructions) const {
  return {new Workspace(cachedInstructions), [](Workspace *w) { delete w; }};
}

std::uint64_t LeanModel::multiplyAdds(const Workspace &workspace) { return workspace.multiplyAdds; }
void LeanModel::forgetInstructions(Workspace &workspace) { workspace.cache.clear(); }
const ModelConfig &LeanModel::config() const { return W->config; }
const block::Vocabulary &LeanModel::vocabulary() const { return W->vocabulary; }

namespace {

// The blocks' instructions, identical ones sharing a row, rows sorted longest first: ws.distinct,
// and ws.rowOf for each instruction (blocks in order, instructions in order).
void shareInstructions(const std::vector<const block::TokenizedBlock *> &blocks, LeanModel::Workspace &ws) {
  ws.instructions.clear();
  ws.firstInstruction.clear();
  for (const block::TokenizedBlock *b : blocks) {
    ws.firstInstruction.push_back(ws.instructions.size());
    for (const std::vector<std::int32_t> &inst : *b)
      ws.instructions.push_back(&inst);
  }
  ws.firstInstruction.push_back(ws.instructions.size());
  ws.instructionOrder.resize(ws.instructions.size());
  for (std::size_t i = 0; i < ws.instructionOrder.size(); ++i)
    ws.instructionOrder[i] = i;
  auto longerOrBefore = [&](std::size_t x, std::size_t y) {
    const auto &a = *ws.instructions[x], &b = *ws.instructions[y];
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  };
  std::sort(ws.instructionOrder.begin(), ws.instructionOrder.end(), longerOrBefore);
  ws.distinct.clear();
  ws.rowOf.resize(ws.instructions.size());
  for (std::size_t k = 0; k < ws.instructionOrder.size(); ++k) {
    const auto *inst = ws.instructions[ws.instructionOrder[k]];
    if (ws.distinct.empty() || *ws.distinct.back() != *inst)
      ws.distinct.push_back(inst);
    ws.rowOf[ws.instructionOrder[k]] = static_cast<Index>(ws.distinct.size() - 1);
  }
}

void checkBlocks(const std::vector<const block::TokenizedBlock *> &blocks, std::size_t vocabularySize) {
  for (const block::TokenizedBlock *b : blocks) {
    if (b->empty())
      throw std::invalid_argument("LeanModel::predict: a block has no instructions");
    for (const std::vector<std::int32_t> &inst : *b)
      for (std::int32_t id : inst)
        if (id < 0 || static_cast<std::size_t>(id) >= vocabularySize)
          throw std::invalid_argument(fmt::format("LeanModel::predict: token id {} is outside the vocabulary", id));
  }
}

} // namespace

void LeanModel::predict(const std::vector<const block::TokenizedBlock *> &blocks,
                        const std::vector<BlockBounds> *bounds, std::vector<double> &cycles,
                        Workspace &ws, std::vector<double> *sigmas) const {
  const ModelConfig &c = W->config;
  if (c.bounds && (!bounds || bounds->size() != blocks.size()))
    throw std::invalid_argument("LeanModel::predict: a bounds model needs every block's bounds");
  cycles.resize(blocks.size());
  if (sigmas)
    sigmas->resize(c.varianceHead ? blocks.size() : 0);
  if (blocks.empty())
    return;
  const Index h = c.hidden;
  if (c.tokens) {
    checkBlocks(blocks, W->vocabulary.size());
    shareInstructions(blocks, ws);
    instructionVectors(ws);
    // The block LSTM's first inputs: each distinct instruction vector through its input weights.
    const Index rows = static_cast<Index>(ws.distinct.size());
    const LstmLayer &first = W->blockLstm.front();
    auto q = columns(ws.blockInputs, 4 * h, rows);
    q.noalias() = first.inputWeights * ws.instructionVectors.leftCols(rows);
    q.colwise() += first.bias;
    ws.multiplyAdds += static_cast<std::uint64_t>(first.inputWeights.size() * rows);
    // The block LSTM over the blocks, most instructions first.
    ws.blockOrder.resize(blocks.size());
    for (std::size_t i = 0; i < blocks.size(); ++i)
      ws.blockOrder[i] = i;
    std::sort(ws.blockOrder.begin(), ws.blockOrder.end(), [&](std::size_t x, std::size_t y) {
      return blocks[x]->size() != blocks[y]->size() ? blocks[x]->size() > blocks[y]->size() : x < y;
    });  // not stable_sort, which takes a buffer from the heap
    auto length = [&](Index s) { return static_cast<Index>(blocks[ws.blockOrder[s]]->size()); };
    ws.steps.shape(blocks.size(), length);
    for (std::size_t t = 0; t < ws.steps.active.size(); ++t)
      for (Index s = 0; s < ws.steps.active[t]; ++s)
        ws.steps.index.push_back(ws.rowOf[ws.firstInstruction[ws.blockOrder[s]] + t]);
    runLstm(W->blockLstm, ws.blockInputs, ws);
  } else {
    ws.blockOrder.resize(blocks.size());
    for (std::size_t i = 0; i < blocks.size(); ++i)
      ws.blockOrder[i] = i;
  }
  heads(bounds, ws, cycles, sigmas);
}

void LeanModel::instructionVectors(Workspace &ws) const {
  const std::size_t rows = ws.distinct.size();
  ws.cache.makeRoom(rows);
  ws.missing.clear();
  ws.hashes.resize(rows);
  ws.slotOf.resize(rows);
  for (std::size_t d = 0; d < rows; ++d) {
    ws.hashes[d] = InstructionCache::hashOf(*ws.distinct[d]);
    std::optional<Index> slot = ws.cache.find(*ws.distinct[d], ws.hashes[d]);
    if (slot)
      ws.slotOf[d] = *slot;
    else
      ws.missing.push_back(d);
  }
  // The instruction LSTM over the instructions not cached (still longest first).
  if (!ws.missing.empty()) {
    ws.steps.shape(ws.missing.size(), [&](Index s) { return static_cast<Index>(ws.distinct[ws.missing[s]]->size()); });
    for (std::size_t t = 0; t < ws.steps.active.size(); ++t)
      for (Index s = 0; s < ws.steps.active[t]; ++s)
        ws.steps.index.push_back((*ws.distinct[ws.missing[s]])[t]);
    runLstm(W->instructionLstm, W->tokenInputs, ws);
    for (std::size_t k = 0; k < ws.missing.size(); ++k) {
      std::size_t d = ws.missing[k];
      ws.slotOf[d] = ws.cache.insert(*ws.distinct[d], ws.hashes[d], ws.hidden.col(static_cast<Index>(k)));
    }
  }
  auto x = columns(ws.instructionVectors, W->config.hidden, static_cast<Index>(rows));
  for (std::size_t d = 0; d < rows; ++d)
    x.col(static_cast<Index>(d)) = ws.cache.vectors().col(ws.slotOf[d]);
}

void LeanModel::heads(const std::vector<BlockBounds> *bounds, Workspace &ws, std::vector<double> &cycles,
                      std::vector<double> *sigmas) const {
  const ModelConfig &c = W->config;
  const Index n = static_cast<Index>(cycles.size());
  auto z = columns(ws.z, 1, n);  // the normalised log of each block, in ws.blockOrder's order
  if (c.bounds) {
    auto features = columns(ws.features, kBoundFeatures, n);
    for (Index s = 0; s < n; ++s)
      features.col(s) = Eigen::Map<const Eigen::Matrix<float, kBoundFeatures, 1>>(
          (*bounds)[ws.blockOrder[s]].features.data());
  }
  // The hidden layer of an MLP over [block vector, bounds] (either may be absent), into `into`.
  auto mlp = [&](const Matrix &weights, const Vector &bias, Matrix &into) {
    auto units = columns(into, weights.rows(), n);
    if (c.bounds) {
      units.noalias() = weights.rightCols(kBoundFeatures) * ws.features.topLeftCorner(kBoundFeatures, n);
      if (c.tokens)
        units.noalias() += weights.leftCols(c.hidden) * ws.hidden.leftCols(n);
    } else {
      units.noalias() = weights * ws.hidden.leftCols(n);
    }
    units.colwise() += bias;
    units = units.cwiseMax(0.0f);  // ReLU
    ws.multiplyAdds += static_cast<std::uint64_t>(weights.size() * n);
    return units;
  };
  if (sigmas && c.varianceHead) {
    auto units = mlp(W->varianceHidden, W->varianceHiddenBias, ws.varianceUnits);
    for (Index s = 0; s < n; ++s)
      (*sigmas)[ws.blockOrder[s]] =
          std::exp(0.5 * static_cast<double>(W->varianceOut.dot(units.col(s)) + W->varianceOutBias));
    ws.multiplyAdds += static_cast<std::uint64_t>(W->varianceOut.size() * n);
  }
  if (!c.bounds) {
    z.noalias() = W->head.transpose() * ws.hidden.leftCols(n);
    z.array() += W->headBias;
    ws.multiplyAdds += static_cast<std::uint64_t>(W->head.size() * n);
  } else {
    // The MLP over [block vector, bounds] predicts a correction to the anchor, the log of the larger bound.
    auto units = mlp(W->boundsHidden, W->boundsHiddenBias, ws.units);
    z.noalias() = W->boundsOut.transpose() * units;
    z.array() += W->boundsOutBias;
    ws.multiplyAdds += static_cast<std::uint64_t>(W->boundsOut.size() * n);
    for (Index s = 0; s < n; ++s)
      z(0, s) = ((*bounds)[ws.blockOrder[s]].anchor + z(0, s) - W->targetMean) / W->targetStd;
  }
  // z as IthemalModel::forward returns it; toCycles's arithmetic follows.
  for (Index s = 0; s < n; ++s)
    cycles[ws.blockOrder[s]] = static_cast<double>(std::exp(z(0, s) * W->targetStd + W->targetMean));
}

} // namespace surrogate::model
