#include "surrogate/model/Predictor.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <thread>

#include <torch/torch.h>

#include "surrogate/block/Decoder.h"
#include "surrogate/model/BlasThreads.h"
#include "surrogate/model/Checkpoint.h"
#include "surrogate/model/Ithemal.h"
#include "surrogate/model/RunDir.h"

namespace fs = std::filesystem;

namespace surrogate::model {

struct Predictor::State {
  block::Vocabulary vocab;
  ModelConfig config;
  IthemalModel model{nullptr};
};

Predictor::Predictor(const std::string &runDir, const std::string &checkpoint) : S(std::make_unique<State>()) {
  RunDir run(runDir);
  S->config = run.modelConfig();
  S->vocab = run.vocabulary(S->config);
  if (S->config.instFeatures > 0 || S->config.globalFeatures > 0)
    throw std::runtime_error(runDir + ": a parameter-conditioned model needs parameter inputs; predict does not take them yet");
  S->model = IthemalModel(S->config);
  loadCheckpoint(run.file(checkpoint), *S->model, nullptr);
  S->model->eval();
}

Predictor::~Predictor() = default;
Predictor::Predictor(Predictor &&) noexcept = default;

const block::Vocabulary &Predictor::vocabulary() const { return S->vocab; }

Predictor Predictor::clone() const {
  Predictor copy;
  copy.S = std::make_unique<State>();
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
  return copy;
}

std::vector<double> Predictor::predict(const std::vector<block::TokenizedBlock> &blocks, std::size_t batchSize) const {
  torch::NoGradGuard noGrad;
  std::vector<std::size_t> order(blocks.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return blocks[a].size() < blocks[b].size(); });
  std::vector<double> out(blocks.size());
  std::vector<const block::TokenizedBlock *> batch;
  for (std::size_t start = 0; start < order.size(); start += batchSize) {
    std::size_t end = std::min(order.size(), start + batchSize);
    batch.clear();
    for (std::size_t k = start; k < end; ++k)
      batch.push_back(&blocks[order[k]]);
    torch::Tensor cycles =
        S->model->toCycles(S->model->forward(makeBatch(batch, /*shareInstructions=*/true))).to(torch::kFloat64);
    auto acc = cycles.accessor<double, 1>();
    for (std::size_t k = start; k < end; ++k)
      out[order[k]] = acc[k - start];
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
}

BatchPredictor::~BatchPredictor() = default;

std::vector<PredictionOutcome> BatchPredictor::run(const std::vector<block::BasicBlock> &blocks) {
  std::vector<PredictionOutcome> out(blocks.size());
  auto work = [&](std::size_t replica, std::size_t begin, std::size_t end) {
    // Parallelism comes from replicas, so each keeps LibTorch to its own thread.
    torch::set_num_threads(1);
    block::Decoder decoder;
    block::Tokenizer tokenizer;
    std::vector<llvm::MCInst> insts;
    std::vector<block::TokenizedBlock> tokens;
    std::vector<std::size_t> where;
    for (std::size_t i = begin; i < end; ++i) {
      const llvm::ArrayRef<llvm::MCInst> decoded = blocks[i].insts;
      if (decoded.empty()) {
        if (block::DecodeResult bad = decoder.decode(blocks[i].hex, insts); !bad.ok()) {
          out[i].problem = bad.error;
          continue;
        }
        if (insts.empty()) {
          out[i].problem = "empty block";
          continue;
        }
        tokens.push_back(Replicas[replica].vocabulary().encode(tokenizer, insts));
      } else {
        tokens.push_back(Replicas[replica].vocabulary().encode(tokenizer, decoded));
      }
      where.push_back(i);
    }
    std::vector<double> cycles = Replicas[replica].predict(tokens, BatchSize);
    for (std::size_t k = 0; k < where.size(); ++k)
      out[where[k]].cycles = cycles[k];
  };
  std::size_t n = Replicas.size(), per = (blocks.size() + n - 1) / n;
  if (n == 1) {
    work(0, 0, blocks.size());
    return out;
  }
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < n; ++t) {
    std::size_t begin = std::min(blocks.size(), t * per), end = std::min(blocks.size(), begin + per);
    threads.emplace_back(work, t, begin, end);
  }
  for (std::thread &t : threads)
    t.join();
  return out;
}

} // namespace surrogate::model
