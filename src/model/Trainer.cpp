#include "surrogate/model/Trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <numeric>
#include <random>
#include <set>
#include <stdexcept>
#include <thread>
#include <ctime>
#include <memory>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "surrogate/model/BlasThreads.h"
#include "surrogate/model/Checkpoint.h"
#include "surrogate/model/DataParallel.h"
#include "surrogate/model/Ithemal.h"
#include "surrogate/model/Metrics.h"
#include "surrogate/model/ParamFeatures.h"
#include "surrogate/model/RunDir.h"
#include "surrogate/data/BlockSet.h"
#include "surrogate/data/Dataset.h"
#include "surrogate/support/AtomicFile.h"
#include "surrogate/support/ConfigReader.h"
#include "surrogate/support/DirLock.h"
#include "surrogate/support/Progress.h"

namespace fs = std::filesystem;

namespace surrogate::model {

std::string lossName(Loss loss) {
  switch (loss) {
  case Loss::Mape: return "mape";
  case Loss::LogL1: return "log_l1";
  case Loss::LogMse: return "log_mse";
  }
  return "mape";
}

std::optional<Loss> parseLoss(const std::string &name) {
  for (Loss l : {Loss::Mape, Loss::LogL1, Loss::LogMse})
    if (lossName(l) == name)
      return l;
  return std::nullopt;
}

nlohmann::json TrainingOptions::toJson() const {
  nlohmann::json j = {{"batch_size", batchSize},
                      {"eval_batch_size", evalBatchSize},
                      {"max_epochs", maxEpochs},
                      {"patience", patience},
                      {"lr_patience", lrPatience},
                      {"learning_rate", learningRate},
                      {"lr_decay", lrDecay},
                      {"min_learning_rate", minLearningRate},
                      {"grad_clip", gradClip},
                      {"loss", lossName(loss)},
                      {"bucket_pool", bucketPool},
                      {"seed", seed},
                      {"threads", threads},
                      {"max_train_examples", maxTrainExamples},
                      {"max_validation_examples", maxValidationExamples},
                      {"condition_on_parameters", conditionOnParameters},
                      {"unknown_token_rate", unknownTokenRate}};
  if (!excludeBlocks.empty()) {  // absent otherwise, so earlier runs' config.json stays as it was
    j["exclude_blocks"] = excludeBlocks;
    j["exclude_weight"] = excludeWeight;
  }
  return j;
}

TrainingOptions TrainingOptions::fromJson(const nlohmann::json &j, const std::string &file) {
  support::ConfigReader r(j, file, "training");
  TrainingOptions o;
  constexpr std::size_t one = 1, zero = 0;
  r.read("batch_size", o.batchSize, one);
  r.read("eval_batch_size", o.evalBatchSize, one);
  r.read("max_epochs", o.maxEpochs, one);
  r.read("patience", o.patience, one);
  r.read("lr_patience", o.lrPatience, one);
  r.read("learning_rate", o.learningRate, 1e-9, 10);
  r.read("lr_decay", o.lrDecay, 1e-3, 1);
  r.read("min_learning_rate", o.minLearningRate, 0, 10);
  r.read("grad_clip", o.gradClip, 0, 1e9);
  r.read("unknown_token_rate", o.unknownTokenRate, 0, 0.99);
  std::string loss = lossName(o.loss);
  if (r.read("loss", loss, {"mape", "log_l1", "log_mse"}))
    o.loss = *parseLoss(loss);
  r.read("bucket_pool", o.bucketPool, one);
  r.read("seed", o.seed);
  r.read("threads", o.threads, 1u);
  r.read("max_train_examples", o.maxTrainExamples, zero);
  r.read("max_validation_examples", o.maxValidationExamples, zero);
  r.read("condition_on_parameters", o.conditionOnParameters);
  r.read("exclude_blocks", o.excludeBlocks);
  r.read("exclude_weight", o.excludeWeight, 0, 1);
  r.finish();
  return o;
}

void readTrainConfigFile(const std::string &path, ModelConfig &model, TrainingOptions &training) {
  nlohmann::json j = support::readJsonFile(path);
  support::ConfigReader r(j, path);
  r.allow({"comment"});
  model = ModelConfig::fromJson(r.raw("model") ? *r.raw("model") : nlohmann::json::object(), path);
  training = TrainingOptions::fromJson(r.raw("training") ? *r.raw("training") : nlohmann::json::object(), path);
  r.finish();
}

namespace {

using Clock = std::chrono::steady_clock;
using Indices = std::vector<std::size_t>;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// Where an interrupted run left off; saved inside every checkpoint.
struct TrainState {
  std::size_t epoch = 0;  ///< epochs finished
  double learningRate = 0;
  double bestMape = std::numeric_limits<double>::infinity();
  std::size_t bestEpoch = 0, badEpochs = 0, lrBadEpochs = 0;
  bool stopped = false;   ///< early stopping fired
  double wallSeconds = 0;
  nlohmann::json history = nlohmann::json::array();

  nlohmann::json toJson() const {
    return {{"epoch", epoch},           {"learning_rate", learningRate}, {"best_mape", bestMape},
            {"best_epoch", bestEpoch},  {"bad_epochs", badEpochs},       {"lr_bad_epochs", lrBadEpochs},
            {"stopped", stopped},       {"wall_seconds", wallSeconds},   {"history", history}};
  }
  static TrainState fromJson(const nlohmann::json &j) {
    TrainState s;
    s.epoch = j.at("epoch");
    s.learningRate = j.at("learning_rate");
    s.bestMape = j.at("best_mape").is_null() ? std::numeric_limits<double>::infinity() : j.at("best_mape").get<double>();
    s.bestEpoch = j.at("best_epoch");
    s.badEpochs = j.at("bad_epochs");
    s.lrBadEpochs = j.at("lr_bad_epochs");
    s.stopped = j.at("stopped");
    s.wallSeconds = j.at("wall_seconds");
    s.history = j.at("history");
    return s;
  }
};

struct Splits {
  Indices train, validation, test;
  Indices testUnseenTables;  ///< test blocks under parameter tables held out of training
  std::set<std::uint32_t> heldOutTables;
  /// training.exclude_blocks: listed blocks' examples per split, and what
  /// became of them (test ones are kept).
  std::size_t listedBlocks = 0, listedTrain = 0, listedValidation = 0, listedTest = 0;

  nlohmann::json exclusionJson(const TrainingOptions &options) const {
    return {{"files", options.excludeBlocks},
            {"blocks_listed", listedBlocks},
            {"weight", options.excludeWeight},
            {"train_examples_listed", listedTrain},
            {"train_examples", options.excludeWeight == 0 ? "dropped" : "down-weighted"},
            {"validation_examples_dropped", listedValidation},
            {"test_examples_listed_and_kept", listedTest}};
  }
};

// With parameter tables, a tenth of them (at least one) never reach
// training or validation, so the test shows whether the model learned the
// effect of parameters rather than the tables it saw. Chosen by hash of the
// id, like block splits, so not by the seed.
std::set<std::uint32_t> heldOutTables(const std::vector<TrainingExample> &examples) {
  std::set<std::uint32_t> ids;
  for (const TrainingExample &e : examples)
    ids.insert(e.paramsId);
  if (ids.size() < 2)
    return {};
  std::vector<std::uint32_t> order(ids.begin(), ids.end());
  std::sort(order.begin(), order.end(), [](std::uint32_t a, std::uint32_t b) {
    return std::make_pair(data::mix64(a), a) < std::make_pair(data::mix64(b), b);
  });
  return std::set<std::uint32_t>(order.begin(), order.begin() + std::max<std::size_t>(1, order.size() / 10));
}

// A seeded subset, kept in input order.
void subsample(Indices &indices, std::size_t limit, std::uint64_t seed) {
  if (limit == 0 || indices.size() <= limit)
    return;
  std::mt19937_64 rng(seed);
  std::shuffle(indices.begin(), indices.end(), rng);
  indices.resize(limit);
  std::sort(indices.begin(), indices.end());
}

// Listed blocks (training.exclude_blocks) leave validation, and training
// unless they are down-weighted (their lossWeight); the test split keeps them.
// Before subsampling, so max_train_examples counts the examples trained on.
Splits splitExamples(std::vector<TrainingExample> &examples, const TrainingOptions &options, bool conditioned,
                     const data::BlockSet &listed) {
  Splits s;
  s.listedBlocks = listed.size();
  if (conditioned)
    s.heldOutTables = heldOutTables(examples);
  for (std::size_t i = 0; i < examples.size(); ++i) {
    if (s.heldOutTables.count(examples[i].paramsId)) {
      if (examples[i].split == data::Split::Test)
        s.testUnseenTables.push_back(i);
      continue;
    }
    if (listed.contains(examples[i].hex)) {
      switch (examples[i].split) {
      case data::Split::Train: ++s.listedTrain; break;
      case data::Split::Validation: ++s.listedValidation; continue;
      case data::Split::Test: ++s.listedTest; break;
      }
      if (examples[i].split == data::Split::Train) {
        if (options.excludeWeight == 0)
          continue;
        examples[i].lossWeight = static_cast<float>(options.excludeWeight);
      }
    }
    switch (examples[i].split) {
    case data::Split::Train: s.train.push_back(i); break;
    case data::Split::Validation: s.validation.push_back(i); break;
    case data::Split::Test: s.test.push_back(i); break;
    }
  }
  subsample(s.train, options.maxTrainExamples, options.seed);
  subsample(s.validation, options.maxValidationExamples, options.seed + 1);
  return s;
}

// Length-bucketed batches: examples are shuffled, then sorted by
// instruction count within pools of `bucketPool` batches, so each batch
// holds blocks of similar length and little padding; batch order is shuffled.
std::vector<Indices> epochBatches(const std::vector<TrainingExample> &examples, Indices order,
                                  const TrainingOptions &options, std::size_t epoch) {
  std::seed_seq seq{static_cast<std::uint32_t>(options.seed), static_cast<std::uint32_t>(options.seed >> 32),
                    static_cast<std::uint32_t>(epoch)};
  std::mt19937_64 rng(seq);
  std::shuffle(order.begin(), order.end(), rng);
  std::size_t pool = options.batchSize * options.bucketPool;
  std::vector<Indices> batches;
  for (std::size_t start = 0; start < order.size(); start += pool) {
    auto first = order.begin() + start, last = order.begin() + std::min(order.size(), start + pool);
    std::stable_sort(first, last,
                     [&](std::size_t a, std::size_t b) { return examples[a].tokens.size() < examples[b].tokens.size(); });
    for (auto it = first; it < last; it += std::min<std::ptrdiff_t>(options.batchSize, last - it))
      batches.emplace_back(it, std::min(it + options.batchSize, last));
  }
  std::shuffle(batches.begin(), batches.end(), rng);
  return batches;
}

BlockBatch batchOf(const std::vector<TrainingExample> &examples, const Indices &indices, const torch::Device &device,
                   const ParamFeatures *features, double unknownRate = 0, std::uint64_t unknownSeed = 0) {
  std::vector<const block::TokenizedBlock *> blocks;
  blocks.reserve(indices.size());
  for (std::size_t i : indices)
    blocks.push_back(&examples[i].tokens);
  BlockBatch batch = makeBatch(blocks);
  if (unknownRate > 0) {
    std::mt19937_64 rng(unknownSeed);
    std::bernoulli_distribution drop(unknownRate);
    std::int64_t *t = batch.tokens.data_ptr<std::int64_t>();
    for (std::int64_t k = 0, n = batch.tokens.numel(); k < n; ++k)
      if (t[k] >= block::Vocabulary::firstLearnedId() && drop(rng))
        t[k] = block::Vocabulary::kUnknownId;
  }
  if (features) {
    // Each instruction's row of its example's table, and the table's globals.
    std::int64_t rows = batch.tokens.size(0), inst = features->instructionWidth(), glob = features->globalWidth();
    batch.instFeatures = torch::empty({rows, inst}, torch::kFloat32);
    batch.globalFeatures = torch::empty({batch.blocks, glob}, torch::kFloat32);
    float *instOut = batch.instFeatures.data_ptr<float>(), *globOut = batch.globalFeatures.data_ptr<float>();
    for (std::size_t k = 0; k < indices.size(); ++k) {
      const TrainingExample &e = examples[indices[k]];
      const std::vector<float> &g = features->global(e.paramsId);
      std::copy(g.begin(), g.end(), globOut + k * glob);
      for (std::uint16_t opcode : e.opcodes) {
        const std::vector<float> &row = features->cachedInstruction(e.paramsId, opcode);
        instOut = std::copy(row.begin(), row.end(), instOut);
      }
    }
    batch.instFeatures = batch.instFeatures.to(device);
    batch.globalFeatures = batch.globalFeatures.to(device);
  }
  if (device.is_cuda()) {
    batch.tokens = batch.tokens.to(device);
    batch.positions = batch.positions.to(device);
    // pack_padded_sequence wants its lengths on the CPU.
  }
  return batch;
}

torch::Tensor cyclesOf(const std::vector<TrainingExample> &examples, const Indices &indices, const torch::Device &device) {
  std::vector<double> cycles;
  cycles.reserve(indices.size());
  for (std::size_t i : indices)
    cycles.push_back(examples[i].cycles);
  return torch::tensor(cycles, torch::kFloat32).to(device);
}

// The loss on the normalised log scale; `mape` is the absolute percentage
// error of the prediction in cycles, the way runs are scored.
// `weights` (undefined: all 1) scale each example's term of the mean.
torch::Tensor lossOf(IthemalModel &model, const torch::Tensor &z, const torch::Tensor &targetZ, Loss kind,
                     const torch::Tensor &weights) {
  torch::Tensor logRatio = (z - targetZ) * model->logStd();
  torch::Tensor perExample;
  switch (kind) {
  case Loss::LogL1: perExample = logRatio.abs(); break;
  case Loss::LogMse: perExample = logRatio.pow(2); break;
  // A prediction 50x off contributes a bounded gradient early in training.
  case Loss::Mape: perExample = (torch::exp(logRatio.clamp(-4, 4)) - 1).abs(); break;
  }
  return weights.defined() ? (perExample * weights).mean() : perExample.mean();
}

// The examples' loss weights, or an undefined tensor when all are 1.
torch::Tensor lossWeightsOf(const std::vector<TrainingExample> &examples, const Indices &indices,
                            const torch::Device &device) {
  std::vector<float> weights;
  bool any = false;
  for (std::size_t i : indices) {
    weights.push_back(examples[i].lossWeight);
    any |= examples[i].lossWeight != 1.0f;
  }
  return any ? torch::tensor(weights, torch::kFloat32).to(device) : torch::Tensor();
}

/// Predictions in cycles, in the order of `indices`.
std::vector<double> predict(IthemalModel &model, const std::vector<TrainingExample> &examples, const Indices &indices,
                            std::size_t batchSize, const torch::Device &device, const ParamFeatures *features) {
  torch::NoGradGuard noGrad;
  model->eval();
  Indices order(indices.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return examples[indices[a]].tokens.size() < examples[indices[b]].tokens.size();
  });
  std::vector<double> out(indices.size());
  for (std::size_t start = 0; start < order.size(); start += batchSize) {
    Indices positions(order.begin() + start, order.begin() + std::min(order.size(), start + batchSize)), batch;
    for (std::size_t p : positions)
      batch.push_back(indices[p]);
    torch::Tensor cycles = model->toCycles(model->forward(batchOf(examples, batch, device, features))).to(torch::kCPU).to(torch::kFloat64);
    auto acc = cycles.accessor<double, 1>();
    for (std::size_t k = 0; k < positions.size(); ++k)
      out[positions[k]] = acc[k];
  }
  model->train();
  return out;
}

// Data parallelism on CPU threads. LibTorch's own intra-op threads gained
// nothing for these small LSTM operations here and collapsed when the cores
// were shared (README), so each thread runs its own model replica with one
// intra-op thread, on a fixed share of every batch; gradients are summed
// in replica order, so a run is reproducible for a given thread count.
class Replicas {
public:
  Replicas(IthemalModel master, unsigned count, const torch::Device &device, const ParamFeatures *features)
      : Features(features) {
    Models.push_back(master);
    for (unsigned r = 1; r < count; ++r) {
      Models.push_back(IthemalModel(master->config()));
      Models.back()->to(device);
    }
    syncFromMaster();
  }

  /// Copies the master's parameters and buffers into the other replicas.
  void syncFromMaster() {
    torch::NoGradGuard noGrad;
    auto params = Models[0]->parameters();
    auto buffers = Models[0]->buffers();
    for (std::size_t r = 1; r < Models.size(); ++r) {
      auto p = Models[r]->parameters();
      for (std::size_t i = 0; i < p.size(); ++i)
        p[i].copy_(params[i]);
      auto b = Models[r]->buffers();
      for (std::size_t i = 0; i < b.size(); ++i)
        b[i].copy_(buffers[i]);
    }
  }

  /// Backpropagates this process's part of a global batch of `globalSize`
  /// examples, weighted so that the parts' losses and gradients sum to the
  /// global batch's mean; the master ends up with the part's gradient.
  /// `firstReplica` numbers this process's replicas among all processes'
  /// (token dropout seeds). Returns the part's loss.
  double backward(const std::vector<TrainingExample> &examples, const Indices &batch, std::size_t globalSize,
                  std::size_t firstReplica, Loss loss, const torch::Device &device, double unknownRate,
                  std::uint64_t stepSeed) {
    std::vector<Indices> shares = split(batch);
    std::vector<double> losses(shares.size(), 0.0);
    parallel(shares.size(), [&](std::size_t r) {
      IthemalModel &m = Models[r];
      m->zero_grad();
      if (shares[r].empty())
        return;
      torch::Tensor target = m->fromCycles(cyclesOf(examples, shares[r], device));
      double weight = static_cast<double>(shares[r].size()) / globalSize;
      BlockBatch input =
          batchOf(examples, shares[r], device, Features, unknownRate, data::mix64(stepSeed + firstReplica + r));
      torch::Tensor l =
          lossOf(m, m->forward(input), target, loss, lossWeightsOf(examples, shares[r], device)) * weight;
      l.backward();
      losses[r] = l.item<double>();
    });
    torch::NoGradGuard noGrad;
    auto master = Models[0]->parameters();
    for (std::size_t r = 1; r < Models.size(); ++r) {
      if (shares[r].empty())
        continue;
      auto p = Models[r]->parameters();
      for (std::size_t i = 0; i < p.size(); ++i)
        if (p[i].grad().defined())
          master[i].mutable_grad().add_(p[i].grad());
    }
    return std::accumulate(losses.begin(), losses.end(), 0.0);
  }

  /// Predictions in cycles, in the order of `indices`, each replica on a share.
  std::vector<double> predict(const std::vector<TrainingExample> &examples, const Indices &indices,
                              std::size_t batchSize, const torch::Device &device) {
    std::vector<Indices> shares = split(indices);
    std::vector<std::vector<double>> parts(shares.size());
    parallel(shares.size(), [&](std::size_t r) {
      parts[r] = model::predict(Models[r], examples, shares[r], batchSize, device, Features);
    });
    std::vector<double> out;
    for (const auto &part : parts)
      out.insert(out.end(), part.begin(), part.end());
    return out;
  }

private:
  std::vector<Indices> split(const Indices &indices) const {
    std::vector<Indices> shares(Models.size());
    std::size_t per = (indices.size() + Models.size() - 1) / Models.size();
    for (std::size_t k = 0; k < indices.size(); ++k)
      shares[k / per].push_back(indices[k]);
    return shares;
  }

public:
  unsigned count() const { return static_cast<unsigned>(Models.size()); }

private:

  template <typename Fn> void parallel(std::size_t n, Fn fn) {
    if (n == 1) {
      fn(0);
      return;
    }
    std::vector<std::exception_ptr> errors(n);
    std::vector<std::thread> threads;
    for (std::size_t r = 1; r < n; ++r)
      threads.emplace_back([&, r] {
        try {
          torch::set_num_threads(1);
          fn(r);
        } catch (...) {
          errors[r] = std::current_exception();
        }
      });
    try {
      fn(0);
    } catch (...) {
      errors[0] = std::current_exception();
    }
    for (std::thread &t : threads)
      t.join();
    for (auto &e : errors)
      if (e)
        std::rethrow_exception(e);
  }

  std::vector<IthemalModel> Models;
  const ParamFeatures *Features;
};

// Predictions for `indices`, each rank predicting its share; the shares are
// summed into one vector (zeros elsewhere), so every rank has all of them.
std::vector<double> predictAll(Replicas &replicas, DataParallelGroup &group, const std::vector<TrainingExample> &examples,
                               const Indices &indices, std::size_t batchSize, const torch::Device &device) {
  if (!group.distributed())
    return replicas.predict(examples, indices, batchSize, device);
  auto [begin, end] = group.shareRange(indices.size());
  std::vector<double> part = replicas.predict(examples, group.shareOf(indices), batchSize, device);
  std::vector<double> all(indices.size(), 0.0);
  std::copy(part.begin(), part.end(), all.begin() + begin);
  group.allReduceSum(all);
  return all;
}

ErrorSummary score(const std::vector<TrainingExample> &examples, const Indices &indices,
                   const std::vector<double> &predicted) {
  std::vector<double> truth;
  truth.reserve(indices.size());
  for (std::size_t i : indices)
    truth.push_back(examples[i].cycles);
  return summarize(predicted, truth);
}

void writeLines(const std::string &path, const nlohmann::json &lines) {
  std::string text;
  for (const auto &line : lines)
    text += line.dump() + "\n";
  support::writeFileAtomically(path, text);
}

void writePredictions(const std::string &path, const std::vector<TrainingExample> &examples, const Indices &indices,
                      const std::vector<double> &predicted) {
  bool measured = std::any_of(indices.begin(), indices.end(), [&](std::size_t i) { return examples[i].measured; });
  support::AtomicFile file(path);
  std::ostream &out = file.stream();
  out << (measured ? "hex,predicted,cycles,measured\n" : "hex,predicted,cycles\n");
  for (std::size_t k = 0; k < indices.size(); ++k) {
    const TrainingExample &e = examples[indices[k]];
    out << e.hex << ',' << fmt::format("{:.4f}", predicted[k]) << ',' << fmt::format("{}", e.cycles);
    if (measured)
      out << ',' << (e.measured ? fmt::format("{}", *e.measured) : std::string());
    out << '\n';
  }
  file.commit();
}

std::pair<double, double> logMeanStd(const std::vector<TrainingExample> &examples, const Indices &indices) {
  double sum = 0, sq = 0;
  for (std::size_t i : indices) {
    double l = std::log(examples[i].cycles);
    sum += l;
    sq += l * l;
  }
  double n = static_cast<double>(indices.size());
  double mean = sum / n;
  return {mean, std::sqrt(std::max(0.0, sq / n - mean * mean))};
}

void setLearningRate(torch::optim::Adam &optimizer, double lr) {
  for (auto &group : optimizer.param_groups())
    static_cast<torch::optim::AdamOptions &>(group.options()).lr(lr);
}

} // namespace

namespace {

// What a run starts from: the resolved job, its vocabulary and examples, and
// for a dataset with parameter tables, the tables' features.
struct PreparedRun {
  TrainJob job;
  block::Vocabulary vocab;
  LoadedExamples loaded;
  std::unique_ptr<ParamFeatures> features;
  bool sampled = false;      ///< the dataset has parameter tables
  bool conditioned = false;  ///< and the model is fed them
};

// Resume: the run directory's config.json and vocabulary win.
void prepareResume(PreparedRun &p, const RunDir &run) {
  if (!run.hasConfig())
    throw std::runtime_error(run.configPath() + ": no run to resume here");
  nlohmann::json resolved = run.config();
  try {
    p.job.data = DataSource::fromJson(resolved.at("data"));
    p.job.model = ModelConfig::fromJson(resolved.at("model"), run.configPath());
    p.job.training = TrainingOptions::fromJson(resolved.at("training"), run.configPath());
  } catch (const std::exception &e) {
    throw std::runtime_error(run.configPath() + ": " + e.what());
  }
  p.job.initFrom = resolved.value("init_from", std::string());
  p.vocab = run.vocabulary(p.job.model);
  p.loaded = loadExamples(p.job.data, p.vocab, /*growVocabulary=*/false);
}

// A fresh run, or fine-tuning, which keeps the starting model's vocabulary
// and sizes so its weights fit.
void prepareFresh(PreparedRun &p, const RunDir &run) {
  if (run.hasConfig())
    throw std::runtime_error(run.path() + " already holds a run; pass --resume to continue it, or choose another directory");
  if (!p.job.initFrom.empty()) {
    RunDir from(p.job.initFrom);
    p.job.model = from.modelConfig();
    p.vocab = from.vocabulary(p.job.model);
    p.loaded = loadExamples(p.job.data, p.vocab, /*growVocabulary=*/false);
  } else {
    p.loaded = loadExamples(p.job.data, p.vocab, /*growVocabulary=*/true);
    p.job.model.vocabularySize = static_cast<std::int64_t>(p.vocab.size());
  }
}

// The conditioned variant: each example's table, as features.
void prepareParamFeatures(PreparedRun &p, const RunDir &run) {
  p.sampled = p.loaded.datasetMode == "sampled";
  p.conditioned = p.sampled && p.job.training.conditionOnParameters;
  if (!p.conditioned) {
    if (p.job.model.instFeatures > 0 || p.job.model.globalFeatures > 0)
      throw std::runtime_error("inst_features/global_features need a dataset made with parameter tables "
                               "(`surrogate dataset --params-samples N`); they are set from its tables");
    return;
  }
  data::Dataset ds = data::Dataset::open(p.job.data.dataset);
  p.features = std::make_unique<ParamFeatures>();
  for (TrainingExample &e : p.loaded.examples) {
    if (!p.features->hasTable(e.paramsId))
      p.features->addTable(e.paramsId, mca::ParamTable::load(ds.paramsTablePath(e.paramsId)));
    for (std::uint16_t opcode : e.opcodes)
      p.features->instruction(e.paramsId, opcode);
  }
  auto inst = static_cast<std::int64_t>(p.features->instructionWidth());
  auto glob = static_cast<std::int64_t>(p.features->globalWidth());
  if (!p.job.resume) {
    p.job.model.instFeatures = inst;
    p.job.model.globalFeatures = glob;
  } else if (p.job.model.instFeatures != inst || p.job.model.globalFeatures != glob) {
    throw std::runtime_error(run.configPath() + ": feature widths differ from the dataset's parameter tables");
  }
}

PreparedRun prepareRun(const TrainJob &jobIn, const RunDir &run) {
  PreparedRun p;
  p.job = jobIn;
  if (jobIn.resume)
    prepareResume(p, run);
  else
    prepareFresh(p, run);
  if (jobIn.threads)
    p.job.training.threads = *jobIn.threads;
  if (jobIn.maxEpochs)
    p.job.training.maxEpochs = *jobIn.maxEpochs;
  prepareParamFeatures(p, run);
  return p;
}

// A fresh run writes its vocabulary and config.json; a resumed one rewrites
// config.json only to record overrides (max epochs, threads).
void saveResolvedConfig(const PreparedRun &p, const TrainJob &jobIn, const RunDir &run) {
  if (jobIn.resume && !jobIn.maxEpochs && !jobIn.threads)
    return;
  if (!jobIn.resume) {
    fs::create_directories(run.path());  // only once the inputs have been read
    p.vocab.save(run.vocabularyPath());
  }
  nlohmann::json resolved = {
      {"model", p.job.model.toJson()}, {"training", p.job.training.toJson()}, {"data", p.job.data.toJson()}};
  if (!p.job.initFrom.empty())
    resolved["init_from"] = p.job.initFrom;
  resolved["vocabulary_checksum"] = run.vocabularyChecksum();
  run.writeConfig(resolved);
}

// The run directory locked against a second writer; a fresh run checks
// again under the lock that no other run has started there meanwhile.
std::unique_ptr<support::DirLock> lockRunDir(const RunDir &run, bool resume) {
  auto lock = std::make_unique<support::DirLock>(run.path());
  if (!resume && run.hasConfig())
    throw std::runtime_error(run.path() + " already holds a run; pass --resume to continue it, or choose another directory");
  return lock;
}

torch::Device deviceOf(const std::string &name) {
  if (name == "cuda") {
    if (!torch::cuda::is_available())
      throw std::runtime_error("--device cuda: LibTorch sees no CUDA device (this LibTorch build may be CPU-only)");
    return torch::Device(torch::kCUDA);
  }
  if (name != "cpu")
    throw std::invalid_argument("unknown device '" + name + "' (cpu or cuda)");
  return torch::Device(torch::kCPU);
}

// Fresh weights scaled to the train split's targets, or the starting
// model's weights, which come with their own target scale.
IthemalModel initialModel(const PreparedRun &p, const Splits &splits, const torch::Device &device) {
  torch::manual_seed(p.job.training.seed);
  IthemalModel model(p.job.model);
  if (!p.job.initFrom.empty()) {
    loadCheckpoint(RunDir(p.job.initFrom).bestPath(), *model, nullptr);
    spdlog::info("starting from the weights of {}", p.job.initFrom);
  } else {
    auto [logMean, logStd] = logMeanStd(p.loaded.examples, splits.train);
    model->setTargetScale(logMean, logStd);
  }
  model->to(device);
  return model;
}

// The plateau schedule: keep the best, drop the learning rate after
// `lr_patience` epochs without improvement, stop after `patience`. Returns
// whether this epoch improved.
bool applySchedule(TrainState &state, std::size_t epoch, double validationMape, const TrainingOptions &opt) {
  bool improved = validationMape < state.bestMape;
  if (improved) {
    state.bestMape = validationMape;
    state.bestEpoch = epoch;
    state.badEpochs = state.lrBadEpochs = 0;
  } else {
    ++state.badEpochs;
    if (++state.lrBadEpochs >= opt.lrPatience) {
      state.learningRate = std::max(opt.minLearningRate, state.learningRate * opt.lrDecay);
      state.lrBadEpochs = 0;
    }
  }
  state.epoch = epoch;
  state.stopped = state.badEpochs >= opt.patience;
  return improved;
}

struct EpochStats {
  double meanLoss = 0;
  std::size_t seen = 0, steps = 0;
  double communicationSeconds = 0;  ///< of the steps, inside the all-reduce
  double trainSeconds = 0, trainCpuSeconds = 0;
};

// One pass over the train split in seeded length-bucketed batches.
EpochStats trainEpoch(Replicas &replicas, DataParallelGroup &group, IthemalModel &model, torch::optim::Adam &optimizer,
                      const PreparedRun &p, const Indices &train, std::size_t epoch, const torch::Device &device) {
  const TrainingOptions &opt = p.job.training;
  const std::vector<TrainingExample> &examples = p.loaded.examples;
  auto start = Clock::now();
  std::clock_t cpuStart = std::clock();
  std::vector<Indices> batches = epochBatches(examples, train, opt, epoch);
  double commStart = group.communicationSeconds();
  support::Progress progress(fmt::format("epoch {}/{}", epoch, opt.maxEpochs), batches.size());
  double lossSum = 0;
  EpochStats stats;
  for (std::size_t b = 0; b < batches.size(); ++b) {
    std::uint64_t stepSeed = data::mix64(opt.seed ^ data::mix64((epoch << 32) + b));
    // This rank's share of the global batch; the gradients and losses of all
    // shares are summed before the step, so every rank takes the same one.
    double loss = replicas.backward(examples, group.shareOf(batches[b]), batches[b].size(),
                                    static_cast<std::size_t>(group.rank()) * replicas.count(), opt.loss, device,
                                    opt.unknownTokenRate, stepSeed);
    group.allReduceGradients(model->parameters());
    loss = group.distributed() ? group.allReduceSum(loss) : loss;
    if (opt.gradClip > 0)
      torch::nn::utils::clip_grad_norm_(model->parameters(), opt.gradClip);
    optimizer.step();
    replicas.syncFromMaster();
    lossSum += loss * batches[b].size();
    stats.seen += batches[b].size();
    progress.update(b + 1);
  }
  progress.finish();
  stats.steps = batches.size();
  stats.communicationSeconds = group.communicationSeconds() - commStart;
  stats.meanLoss = lossSum / stats.seen;
  stats.trainSeconds = secondsSince(start);
  stats.trainCpuSeconds = static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC;
  return stats;
}

// The best checkpoint scored on the test split (and, with parameter tables,
// on the tables held out of training); writes test_predictions.csv.
nlohmann::json scoreSplits(Replicas &replicas, DataParallelGroup &group, const PreparedRun &p, const Splits &splits,
                           const TrainState &state, const RunDir &run, const torch::Device &device) {
  const TrainingOptions &opt = p.job.training;
  const std::vector<TrainingExample> &examples = p.loaded.examples;
  nlohmann::json report = {{"run_dir", p.job.runDir},
                           {"epochs", state.epoch},
                           {"best_epoch", state.bestEpoch},
                           {"best_validation_mape", state.bestMape},
                           {"early_stopped", state.stopped},
                           {"train_examples", splits.train.size()},
                           {"validation_examples", splits.validation.size()},
                           {"test_examples", splits.test.size()},
                           {"skipped_rows", p.loaded.skipped},
                           {"vocabulary_size", p.vocab.size()},
                           {"threads", opt.threads},
                           {"training_wall_seconds", state.wallSeconds}};
  double rateSum = 0;
  for (const auto &line : state.history)
    rateSum += line.at("train_examples_per_second").get<double>();
  report["train_examples_per_second"] = state.history.empty() ? 0.0 : rateSum / state.history.size();
  if (group.distributed())
    report["world_size"] = group.size();
  if (!opt.excludeBlocks.empty())
    report["excluded_blocks"] = splits.exclusionJson(opt);
  if (!splits.test.empty()) {
    auto testStart = Clock::now();
    std::vector<double> predicted = predictAll(replicas, group, examples, splits.test, opt.evalBatchSize, device);
    report["test_inference_examples_per_second"] = splits.test.size() / secondsSince(testStart);
    ErrorSummary test = score(examples, splits.test, predicted);
    report["test"] = toJson(test);
    if (group.isWriter())
      writePredictions(run.file("test_predictions.csv"), examples, splits.test, predicted);
    spdlog::info("test ({} blocks): MAPE {:.2f}%, median APE {:.2f}%, Kendall tau {:.3f}", test.count, 100 * test.mape,
                 100 * test.medianApe, test.kendallTau);
  }
  if (p.sampled) {
    report["conditioned_on_parameters"] = p.conditioned;
    report["held_out_tables"] = splits.heldOutTables;
    if (!splits.testUnseenTables.empty()) {
      ErrorSummary unseen =
          score(examples, splits.testUnseenTables,
                predictAll(replicas, group, examples, splits.testUnseenTables, opt.evalBatchSize, device));
      report["test_unseen_tables"] = toJson(unseen);
      spdlog::info("test under held-out parameter tables ({} examples): MAPE {:.2f}%, Kendall tau {:.3f}", unseen.count,
                   100 * unseen.mape, unseen.kendallTau);
    }
  }
  return report;
}

} // namespace

nlohmann::json trainJobToJson(const TrainJob &job) {
  nlohmann::json j = {{"data", job.data.toJson()},       {"model", job.model.toJson()},
                      {"training", job.training.toJson()}, {"run_dir", job.runDir},
                      {"resume", job.resume},               {"init_from", job.initFrom},
                      {"device", job.device},               {"dist_timeout", job.distTimeout.count()}};
  if (job.maxEpochs)
    j["max_epochs"] = *job.maxEpochs;
  if (job.threads)
    j["threads"] = *job.threads;
  if (job.stopAfterEpochs)
    j["stop_after_epochs"] = *job.stopAfterEpochs;
  return j;
}

TrainJob trainJobFromJson(const nlohmann::json &j) {
  TrainJob job;
  job.data = DataSource::fromJson(j.at("data"));
  job.model = ModelConfig::fromJson(j.at("model"));
  job.training = TrainingOptions::fromJson(j.at("training"));
  job.runDir = j.at("run_dir").get<std::string>();
  job.resume = j.at("resume").get<bool>();
  job.initFrom = j.at("init_from").get<std::string>();
  job.device = j.at("device").get<std::string>();
  job.distTimeout = std::chrono::seconds(j.at("dist_timeout").get<std::int64_t>());
  if (j.contains("max_epochs"))
    job.maxEpochs = j["max_epochs"].get<std::size_t>();
  if (j.contains("threads"))
    job.threads = j["threads"].get<unsigned>();
  if (j.contains("stop_after_epochs"))
    job.stopAfterEpochs = j["stop_after_epochs"].get<std::size_t>();
  return job;
}

void followTrainingSteps() {
  // The wait spans rank 0's other steps (datasets, deployment), hours at scale.
  while (std::optional<std::string> step = DataParallelGroup::nextTrainingStep(std::chrono::hours(48))) {
    TrainJob job = trainJobFromJson(nlohmann::json::parse(*step));
    spdlog::info("training step handed over by rank 0: {}", job.runDir);
    runTraining(job);
  }
}

namespace {

// This process's place in a torchrun launch (alone without one). Rank 0 of a
// pattern command first hands the step to the other ranks; after a restart by
// torchrun the same command line continues the run from its last checkpoint.
DataParallelGroup joinLaunch(TrainJob &job, const RunDir &run) {
  if (DataParallelGroup::leadingTrainingSteps())
    DataParallelGroup::publishTrainingStep(trainJobToJson(job).dump());
  DataParallelGroup group = DataParallelGroup::fromEnvironment(job.distTimeout);
  if (group.restartCount() > 0 && !job.resume && run.hasConfig()) {
    spdlog::info("restart {} of the group: resuming {}", group.restartCount(), job.runDir);
    job.resume = true;
  }
  return group;
}

// One line of metrics.jsonl.
nlohmann::json epochLine(std::size_t epoch, const EpochStats &stats, const ErrorSummary &validation,
                         const TrainState &state, double validationRate, double epochSeconds,
                         const DataParallelGroup &group) {
  nlohmann::json line = {{"epoch", epoch},
                         {"train_loss", stats.meanLoss},
                         {"validation_mape", validation.mape},
                         {"validation_median_ape", validation.medianApe},
                         {"validation_kendall_tau", validation.kendallTau},
                         {"learning_rate", state.learningRate},
                         {"train_examples_per_second", stats.seen / stats.trainSeconds},
                         {"train_cpu_utilization", stats.trainCpuSeconds / stats.trainSeconds},
                         {"validation_examples_per_second", validationRate},
                         {"epoch_seconds", epochSeconds},
                         {"wall_seconds", state.wallSeconds}};
  if (group.distributed()) {
    // For the scaling figures: time inside collectives against the rest.
    line["world_size"] = group.size();
    line["steps"] = stats.steps;
    line["communication_seconds"] = stats.communicationSeconds;
  }
  return line;
}

// Rank 0 writes the epoch's checkpoints and metrics; every rank waits until
// they are complete.
void saveEpoch(const RunDir &run, DataParallelGroup &group, IthemalModel &model, torch::optim::Adam &optimizer,
               const TrainState &state, bool improved) {
  if (group.isWriter()) {
    if (improved)
      saveCheckpoint(run.bestPath(), *model, &optimizer, state.toJson());
    saveCheckpoint(run.latestPath(), *model, &optimizer, state.toJson());
    writeLines(run.file("metrics.jsonl"), state.history);
  }
  group.barrier();
}

} // namespace

nlohmann::json runTraining(const TrainJob &jobGiven) {
  TrainJob jobIn = jobGiven;
  RunDir run(jobIn.runDir);
  DataParallelGroup group = joinLaunch(jobIn, run);
  PreparedRun p = prepareRun(jobIn, run);
  std::unique_ptr<support::DirLock> lock;  // rank 0 alone writes the run directory
  if (group.isWriter())
    lock = lockRunDir(run, p.job.resume);
  group.barrier();  // every rank has checked the run directory before rank 0 writes into it
  const TrainingOptions &opt = p.job.training;
  data::BlockSet listed = data::BlockSet::load(opt.excludeBlocks);
  Splits splits = splitExamples(p.loaded.examples, opt, p.sampled, listed);
  const std::vector<TrainingExample> &examples = p.loaded.examples;
  if (splits.train.empty() || splits.validation.empty())
    throw std::runtime_error(fmt::format("need train and validation examples; have {} train, {} validation, {} test",
                                         splits.train.size(), splits.validation.size(), splits.test.size()));
  if (!opt.excludeBlocks.empty())
    spdlog::info("{} listed blocks (training.exclude_blocks): {} train examples {}, {} validation examples dropped, "
                 "{} test examples kept",
                 listed.size(), splits.listedTrain,
                 opt.excludeWeight == 0 ? "dropped" : fmt::format("weighted {:g}", opt.excludeWeight),
                 splits.listedValidation, splits.listedTest);
  spdlog::info("{} examples ({} skipped): {} train, {} validation, {} test; vocabulary {} tokens", examples.size(),
               p.loaded.skipped, splits.train.size(), splits.validation.size(), splits.test.size(), p.vocab.size());
  if (group.isWriter())
    saveResolvedConfig(p, jobIn, run);

  torch::Device device = deviceOf(p.job.device);
  torch::set_num_threads(1);
  bool openBlas = setBlasThreads(1);
  spdlog::info("training on {} thread(s){}: one model replica each, {} LibTorch intra-op thread{} per replica",
               opt.threads, group.distributed() ? fmt::format(" in each of {} ranks", group.size()) : "",
               torch::get_num_threads(), openBlas ? " and 1 OpenBLAS thread" : "");
  IthemalModel model = initialModel(p, splits, device);
  torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(opt.learningRate));
  TrainState state;
  state.learningRate = opt.learningRate;
  if (p.job.resume && run.hasLatest()) {
    state = TrainState::fromJson(loadCheckpoint(run.latestPath(), *model, &optimizer));
    setLearningRate(optimizer, state.learningRate);
    spdlog::info("resuming {} after epoch {}", p.job.runDir, state.epoch);
    if (group.isWriter())  // a kill between latest.pt and metrics.jsonl left the file an epoch behind
      writeLines(run.file("metrics.jsonl"), state.history);
  }
  group.broadcastFromWriter(model->parameters());  // the same start on every rank, whatever happened before
  Replicas replicas(model, opt.threads, device, p.features.get());

  for (std::size_t epochsThisRun = 0; state.epoch < opt.maxEpochs && !state.stopped; ++epochsThisRun) {
    if (p.job.stopAfterEpochs && epochsThisRun >= *p.job.stopAfterEpochs) {
      spdlog::info("stopping after {} epoch(s) as asked; continue with --resume {}", epochsThisRun, p.job.runDir);
      return state.toJson();
    }
    std::size_t epoch = state.epoch + 1;
    auto start = Clock::now();
    EpochStats stats = trainEpoch(replicas, group, model, optimizer, p, splits.train, epoch, device);
    auto validationStart = Clock::now();
    ErrorSummary validation =
        score(examples, splits.validation,
              predictAll(replicas, group, examples, splits.validation, opt.evalBatchSize, device));
    double validationSeconds = secondsSince(validationStart);
    bool improved = applySchedule(state, epoch, validation.mape, opt);
    double epochSeconds = secondsSince(start);
    state.wallSeconds += epochSeconds;
    state.history.push_back(epochLine(epoch, stats, validation, state, splits.validation.size() / validationSeconds,
                                      epochSeconds, group));
    setLearningRate(optimizer, state.learningRate);
    saveEpoch(run, group, model, optimizer, state, improved);
    spdlog::info("epoch {}: train loss {:.4f}, validation MAPE {:.2f}% tau {:.3f}{}, {:.0f} examples/s, lr {:.2g}",
                 epoch, stats.meanLoss, 100 * validation.mape, validation.kendallTau, improved ? " (best)" : "",
                 stats.seen / stats.trainSeconds, state.learningRate);
  }
  if (state.stopped)
    spdlog::info("early stop: no validation improvement for {} epochs", opt.patience);

  loadCheckpoint(run.bestPath(), *model, nullptr);
  replicas.syncFromMaster();
  nlohmann::json report = scoreSplits(replicas, group, p, splits, state, run, device);
  if (group.isWriter())
    support::writeFileAtomically(run.file("report.json"), report.dump(2) + "\n");
  group.barrier();
  return report;
}

} // namespace surrogate::model
