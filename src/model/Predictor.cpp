// Predictor and BatchPredictor: a trained model loaded from its run directory, and batched multi-thread inference.
#include "surrogate/model/Predictor.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>

#include <fmt/format.h>
#include <torch/torch.h>

#include "surrogate/model/BlasThreads.h"
#include "surrogate/model/BlockPreparer.h"
#include "surrogate/model/Checkpoint.h"
#include "surrogate/model/Ithemal.h"
#include "surrogate/model/LengthSortedBatches.h"
#include "surrogate/model/RunDir.h"
#include "surrogate/model/TableBounds.h"
#include "surrogate/model/TableInputs.h"
#include "surrogate/support/Errors.h"
#include "surrogate/support/ParallelFor.h"

namespace fs = std::filesystem;

namespace surrogate::model {

struct Predictor::State {
  std::string runDir;
  block::Vocabulary vocab;
  ModelConfig config;
  IthemalModel model{nullptr};
};

void Predictor::checkTable(const TableInputs *table) const {
  const ModelConfig &config = S->config;
  const std::string &runDir = S->runDir;
  bool conditioned = config.instFeatures > 0 || config.globalFeatures > 0;
  if (conditioned && !table)
    throw support::ConfigError(runDir + ": a parameter-conditioned model predicts under a parameter table: give one "
                               "with --params TABLE.json (e.g. from `params export`)");
  if (!conditioned && table)
    throw support::ConfigError(runDir + ": not a parameter-conditioned model, so it takes no parameter table (" +
                               table->source() + "); train one on a dataset made with --params-samples");
  if (table && (config.instFeatures != static_cast<std::int64_t>(table->rowWidth()) ||
                config.globalFeatures != static_cast<std::int64_t>(table->globalWidth())))
    throw support::ConfigError(fmt::format("{}: the table gives {} + {} features, the model of {} takes {} + {} (a "
                                           "table of another CPU?)",
                                           table->source(), table->rowWidth(), table->globalWidth(), runDir,
                                           config.instFeatures, config.globalFeatures));
}

Predictor::Predictor(const std::string &runDir, const std::string &checkpoint) : S(std::make_unique<State>()) {
  RunDir run(runDir);
  S->runDir = runDir;
  S->config = run.modelConfig();
  S->vocab = run.vocabulary(S->config);
  S->model = IthemalModel(S->config);
  loadCheckpoint(run.file(checkpoint), *S->model, nullptr);
  S->model->eval();
  for (auto &p : S->model->parameters())
    p.set_requires_grad(false);  // a table's gradient needs none of the weights'
}

Predictor::~Predictor() = default;

const ModelConfig &Predictor::config() const { return S->config; }
Predictor::Predictor(Predictor &&) noexcept = default;

const block::Vocabulary &Predictor::vocabulary() const { return S->vocab; }

Predictor Predictor::clone() const {
  Predictor copy;
  copy.S = std::make_unique<State>();
  copy.S->runDir = S->runDir;
  copy.S->vocab = S->vocab;
  copy.S->config = S->config;
  copy.S->model = IthemalModel(S->config);
  torch::NoGradGuard noGrad;
  auto source = S->model->named_parameters(), sourceBuffers = S->model->named_buffers();
  for (auto &p : copy.S->model->named_parameters())
    p.value().copy_(source[p.key()]);
  for (auto &b : copy.S->model->named_buffers())
    b.value().copy_(sourceBuffers[b.key()]);
  copy.S->model->eval();
  for (auto &p : copy.S->model->parameters())
    p.set_requires_grad(false);
  return copy;
}

std::vector<double> Predictor::predict(const std::vector<block::TokenizedBlock> &blocks, std::size_t batchSize,
                                       const TableCondition &condition, const std::vector<BlockBounds> *bounds) const {
  if (S->config.bounds && !condition.table && (!bounds || bounds->size() != blocks.size()))
    throw std::logic_error("Predictor::predict: a bounds model needs every block's bounds");
  if (S->config.bounds && condition.table && (!condition.structures || condition.structures->size() != blocks.size()))
    throw std::logic_error("Predictor::predict: a conditioned bounds model needs every block's bound structure");
  const bool gradient = condition.gradient != nullptr;
  std::optional<torch::NoGradGuard> noGrad;
  if (!gradient)
    noGrad.emplace();
  torch::Tensor values;
  if (condition.table)
    values = condition.table->values(gradient);
  std::vector<double> out(blocks.size());
  std::vector<const block::TokenizedBlock *> batch;
  auto length = [&](std::size_t i) { return blocks[i].size(); };
  for (const std::vector<std::size_t> &positions : lengthSortedBatches(blocks.size(), length, batchSize)) {
    batch.clear();
    for (std::size_t i : positions)
      batch.push_back(&blocks[i]);
    BlockBatch inputs;  // a model without tokens takes none: no rows to pack
    if (S->config.tokens)
      inputs = makeBatch(batch, /*shareInstructions=*/true);
    inputs.blocks = static_cast<std::int64_t>(positions.size());
    if (condition.table) {
      std::vector<unsigned> opcodes;
      for (std::size_t i : positions)
        opcodes.insert(opcodes.end(), (*condition.opcodes)[i].begin(), (*condition.opcodes)[i].end());
      inputs.instFeatures = condition.table->rows(values, opcodes);
      inputs.globalFeatures = condition.table->globals(values).unsqueeze(0).repeat({inputs.blocks, 1});
    }
    if (S->config.bounds && condition.table) {
      std::vector<const BoundStructure *> structures;
      for (std::size_t i : positions)
        structures.push_back(&(*condition.structures)[i]);
      attachStructure(inputs, structures);
    } else if (S->config.bounds) {
      std::vector<float> anchors, features;
      for (std::size_t i : positions) {
        anchors.push_back((*bounds)[i].anchor);
        features.insert(features.end(), (*bounds)[i].features.begin(), (*bounds)[i].features.end());
      }
      inputs.boundAnchor = torch::tensor(anchors);
      inputs.boundFeatures = torch::tensor(features).view({inputs.blocks, kBoundFeatures});
    }
    torch::Tensor cycles = S->model->toCycles(S->model->forward(inputs));
    if (gradient)
      cycles.sum().backward();
    cycles = cycles.detach().to(torch::kFloat64);
    auto acc = cycles.accessor<double, 1>();
    for (std::size_t k = 0; k < positions.size(); ++k)
      out[positions[k]] = acc[k];
  }
  if (gradient && values.grad().defined()) {
    condition.gradient->resize(values.size(0), 0.0);
    torch::Tensor g = values.grad().to(torch::kFloat64);
    auto acc = g.accessor<double, 1>();
    for (std::int64_t i = 0; i < g.size(0); ++i)
      (*condition.gradient)[i] += acc[i];
  }
  return out;
}

BatchPredictor::BatchPredictor(const std::string &runDir, unsigned threads, std::size_t batchSize,
                               const std::string &checkpoint)
    : BatchSize(batchSize) {
  // Parallelism comes from replicas; BLAS calls stay on their caller's thread.
  setBlasThreads(1);
  Replicas.push_back(Predictor(runDir, checkpoint));
  for (unsigned t = 1; t < std::max(1u, threads); ++t)
    Replicas.push_back(Replicas.front().clone());
  for (const Predictor &replica : Replicas)
    Preparers.push_back(std::make_unique<BlockPreparer>(replica.config(), replica.vocabulary()));
}

BatchPredictor::~BatchPredictor() = default;

std::vector<PredictionOutcome> BatchPredictor::run(const std::vector<block::BasicBlock> &blocks,
                                                   const TableInputs *table, std::vector<double> *gradient) {
  Replicas.front().checkTable(table);  // here, not in a worker thread
  std::vector<PredictionOutcome> out(blocks.size());
  // Each replica's gradient apart, summed in replica order: the same sum whatever the timing.
  std::vector<std::vector<double>> gradients(Replicas.size());
  auto work = [&](std::size_t replica, std::size_t begin, std::size_t end) {
    // Parallelism comes from replicas, so each keeps LibTorch to its own thread.
    torch::set_num_threads(1);
    const Predictor &predictor = Replicas[replica];
    BlockPreparer &preparer = *Preparers[replica];
    std::vector<block::TokenizedBlock> tokens;
    std::vector<std::vector<unsigned>> opcodes;
    std::vector<BlockBounds> bounds;
    std::vector<BoundStructure> structures;
    std::optional<BoundFeaturizer> underTable;  // a conditioned bounds model's, under the table
    if (table && predictor.config().bounds)
      underTable.emplace(table->table(), table->source());
    std::vector<std::size_t> where;
    for (std::size_t i = begin; i < end; ++i) {
      std::optional<llvm::ArrayRef<llvm::MCInst>> insts = preparer.instructions(blocks[i], out[i].problem);
      if (!insts)
        continue;  // a block that does not decode keeps its problem
      std::optional<BoundStructure> structure;
      if (underTable && !(structure = underTable->structureOf(*insts, out[i].problem)))
        continue;  // nor does one a conditioned bounds model cannot analyse under the table
      if (!preparer.prepare(*insts, tokens, bounds, out[i].problem))
        continue;  // nor one a bounds model cannot analyse
      if (structure)
        structures.push_back(std::move(*structure));
      where.push_back(i);
      if (!table)
        continue;
      opcodes.emplace_back();
      for (const llvm::MCInst &inst : *insts)
        opcodes.back().push_back(inst.getOpcode());
    }
    TableCondition condition{table, &opcodes, gradient ? &gradients[replica] : nullptr, &structures};
    std::vector<double> cycles = predictor.predict(tokens, BatchSize, condition, &bounds);
    for (std::size_t k = 0; k < where.size(); ++k)
      out[where[k]].cycles = cycles[k];
  };
  support::parallelForRanges(blocks.size(), Replicas.size(), work);
  if (gradient)
    for (const std::vector<double> &g : gradients) {
      gradient->resize(std::max(gradient->size(), g.size()), 0.0);
      for (std::size_t i = 0; i < g.size(); ++i)
        (*gradient)[i] += g[i];
    }
  return out;
}

} // namespace surrogate::model
