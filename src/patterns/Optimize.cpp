#include "surrogate/patterns/Optimize.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <random>
#include <sstream>

#include <fmt/format.h>
#include <nlopt.h>
#include <spdlog/spdlog.h>
#include <torch/torch.h>

#include "surrogate/block/BlockReader.h"
#include "surrogate/block/Target.h"
#include "surrogate/block/Tokenizer.h"
#include "surrogate/data/BlockHash.h"
#include "surrogate/data/Dataset.h"
#include "surrogate/data/DatasetBuilder.h"
#include "surrogate/mca/BatchRunner.h"
#include "surrogate/mca/TableGenWriter.h"
#include "surrogate/mca/TunedSubtarget.h"
#include "surrogate/model/Checkpoint.h"
#include "surrogate/model/Ithemal.h"
#include "surrogate/model/Metrics.h"
#include "surrogate/model/Trainer.h"
#include "surrogate/patterns/Deployment.h"
#include "surrogate/patterns/ParamVector.h"
#include "surrogate/patterns/Plot.h"
#include "surrogate/patterns/Report.h"
#include "surrogate/support/AtomicFile.h"
#include "surrogate/support/Progress.h"

namespace surrogate::patterns {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// "A clear margin": the tuned table's test error at most this fraction of the default's.
constexpr double kTargetErrorRatio = 0.9;

nlohmann::json optimizeReference() {
  return {{"source", "Renda, Chen, Mendis, Carbin, 'DiffTune: Optimizing CPU Simulator Parameters with Learned "
                     "Differentiable Surrogates' (MICRO 2020)"},
          {"finding", "tables learnt through a surrogate lower llvm-mca's error against measured timings below "
                      "the default tables' (about a quarter fewer errors on some CPUs) and below OpenTuner's "
                      "black-box search with the same budget of simulations"}};
}

nlohmann::json OptimizeSettings::toJson() const {
  return {{"params_samples", paramsSamples}, {"tables_per_block", tablesPerBlock},
          {"perturb_probability", perturbProbability},
          {"measured_sample", measuredSample}, {"steps", steps},
          {"batch_size", batchSize},         {"learning_rate", learningRate}, {"l1", l1},
          {"blackbox_blocks", blackboxBlocks}, {"blackbox_method", blackboxMethod}};
}

OptimizeSettings OptimizeSettings::fromJson(const nlohmann::json &j) {
  OptimizeSettings s;
  if (!j.is_object())
    throw std::invalid_argument("pattern: expected an object");
  nlohmann::json known = s.toJson();
  for (const auto &[key, value] : j.items()) {
    if (key == "comment")
      continue;
    if (!known.contains(key)) {
      std::vector<std::string> names;
      for (const auto &[k, v] : known.items()) names.push_back(k);
      throw std::invalid_argument(fmt::format("pattern.{}: unknown key for optimize (known: {})", key,
                                              fmt::join(names, ", ")));
    }
    bool numeric = key != "blackbox_method";
    if (numeric && !(value.is_number() && value.get<double>() >= 0))
      throw std::invalid_argument(fmt::format("pattern.{}: expected a non-negative number, got {}", key, value.dump()));
  }
  auto positive = [&](const char *key, auto &field) {
    if (j.contains(key)) {
      field = j.at(key).get<std::remove_reference_t<decltype(field)>>();
      if (field == 0)
        throw std::invalid_argument(fmt::format("pattern.{}: must be positive", key));
    }
  };
  positive("params_samples", s.paramsSamples);
  positive("tables_per_block", s.tablesPerBlock);
  positive("steps", s.steps);
  positive("batch_size", s.batchSize);
  positive("learning_rate", s.learningRate);
  positive("blackbox_blocks", s.blackboxBlocks);
  if (j.contains("perturb_probability")) {
    s.perturbProbability = j.at("perturb_probability").get<double>();
    if (!(s.perturbProbability > 0 && s.perturbProbability <= 1))
      throw std::invalid_argument(fmt::format("pattern.perturb_probability: must be in (0, 1], got {}",
                                              s.perturbProbability));
  }
  if (j.contains("l1")) s.l1 = j.at("l1").get<double>();
  if (j.contains("measured_sample")) s.measuredSample = j.at("measured_sample").get<std::size_t>();
  if (s.tablesPerBlock > s.paramsSamples)
    throw std::invalid_argument(fmt::format("pattern.tables_per_block ({}) exceeds pattern.params_samples ({})",
                                            s.tablesPerBlock, s.paramsSamples));
  if (j.contains("blackbox_method")) {
    if (!j.at("blackbox_method").is_string())
      throw std::invalid_argument("pattern.blackbox_method: expected a string such as \"GN_ESCH\"");
    s.blackboxMethod = j.at("blackbox_method").get<std::string>();
  }
  int algorithm = static_cast<int>(nlopt_algorithm_from_string(s.blackboxMethod.c_str()));
  if (algorithm < 0 || algorithm >= NLOPT_NUM_ALGORITHMS)
    throw std::invalid_argument("pattern.blackbox_method: '" + s.blackboxMethod +
                                "' is not an NLopt algorithm (e.g. GN_ESCH, LN_SBPLX, GN_CRS2_LM)");
  return s;
}

namespace {

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// A seeded sample of the measured file's rows, in file order, so a quick run
// sees a few thousand blocks of a large file. Portable: no std::shuffle.
std::string sampleMeasured(const std::string &measured, std::size_t count, std::uint64_t seed, const fs::path &runDir) {
  fs::path out = runDir / "measured.csv";
  std::ifstream in(measured);
  if (!in)
    throw support::InputError(measured + ": cannot open the measured file");
  std::vector<std::string> lines;
  std::string header;
  for (std::string line; std::getline(in, line);) {
    if (lines.empty() && header.empty() && line.rfind("hex", 0) == 0) {
      header = line;
      continue;
    }
    if (!line.empty())
      lines.push_back(line);
  }
  std::vector<std::size_t> order(lines.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(seed);
  for (std::size_t i = order.size(); i > 1; --i)
    std::swap(order[i - 1], order[rng() % i]);
  order.resize(std::min(count, order.size()));
  std::sort(order.begin(), order.end());
  std::string text = header.empty() ? "" : header + "\n";
  for (std::size_t i : order) text += lines[i] + "\n";
  support::writeFileAtomically(out.string(), text);
  spdlog::info("measured blocks: a seeded sample of {} of the {} rows of {} in {}", order.size(), lines.size(),
               measured, out.string());
  return out.string();
}

// llvm-mca under sampled tables on the measured blocks (and any unlabelled ones).
std::string ensureSampledDataset(const PatternConfig &config, const OptimizeSettings &s, const std::string &measured,
                                 const fs::path &runDir) {
  data::DatasetConfig d = datasetSettings(config, (runDir / "dataset").string());
  d.measuredFiles = {measured};
  d.paramsSamples = s.paramsSamples;
  d.tablesPerBlock = s.tablesPerBlock;
  d.perturbProbability = s.perturbProbability;
  spdlog::info("parameter-sampled dataset in {}: {} tables, {} per block, each value redrawn with probability {}",
               d.output, s.paramsSamples, s.tablesPerBlock, s.perturbProbability);
  ensureDataset(d);
  return d.output;
}

struct MeasuredBlocks {
  std::vector<block::BasicBlock> train, validation, test;  ///< decoded, measured > 0
  std::size_t problems = 0;
};

// The measured file's blocks by the dataset's hash split.
MeasuredBlocks readMeasured(const std::string &path) {
  MeasuredBlocks out;
  block::BlockReader reader({path});
  block::Decoder decoder;
  for (block::BlockOrProblem item; reader.next(item);) {
    if (auto *problem = std::get_if<block::Problem>(&item)) {
      spdlog::warn("{}", problem->str());
      ++out.problems;
      continue;
    }
    block::BasicBlock b = std::get<block::BasicBlock>(std::move(item));
    std::vector<std::uint8_t> bytes;
    std::optional<std::string> why;
    if (block::DecodeResult parsed = block::parseHex(b.hex, bytes); !parsed.ok()) why = parsed.error;
    if (!why)
      if (block::DecodeResult decoded = decoder.decode(b.hex, b.insts); !decoded.ok()) why = decoded.error;
    if (!why && b.insts.empty()) why = "no instructions";
    if (!why && !(b.measured && *b.measured > 0)) why = "no positive measured throughput";
    if (why) {
      spdlog::warn("{}: {}", b.where.str(), *why);
      ++out.problems;
      continue;
    }
    data::Split split = data::splitOf(data::fnv1a64(bytes.data(), bytes.size()));
    if (split == data::Split::Train)
      out.train.push_back(std::move(b));
    else if (split == data::Split::Test)
      out.test.push_back(std::move(b));
    else
      out.validation.push_back(std::move(b));
  }
  return out;
}

std::unique_ptr<llvm::MCSubtargetInfo> defaultSubtarget(const std::string &cpu) {
  auto sti = block::X86Target::get().createSubtarget(cpu);
  return sti;
}

std::vector<unsigned> opcodesOf(const std::vector<block::BasicBlock> &blocks) {
  std::vector<unsigned> opcodes;
  for (const auto &b : blocks)
    for (const auto &inst : b.insts) opcodes.push_back(inst.getOpcode());
  std::sort(opcodes.begin(), opcodes.end());
  opcodes.erase(std::unique(opcodes.begin(), opcodes.end()), opcodes.end());
  return opcodes;
}

// --- gradient descent on the table through the frozen surrogate ---

struct SurrogateTuning {
  std::vector<std::size_t> steps;               ///< checkpoint steps, 0 (the defaults) first
  std::vector<std::vector<float>> checkpoints;  ///< the table's features at each checkpoint step
  nlohmann::json curve = nlohmann::json::array();  ///< step, surrogate MAPE on train and validation blocks
  nlohmann::json sensitivity = nlohmann::json::array();  ///< largest gradients at the default table
  double seconds = 0;
};

// The conditioned surrogate, frozen, as a differentiable function of the
// table. Its predictions are anchored to llvm-mca at the default table:
// block i's prediction under table t is mca_default(i) * s(t, i) / s(default, i),
// so at the defaults the loss is llvm-mca's own error and the surrogate only
// supplies how each block's throughput moves as the table moves.
class FrozenSurrogate {
public:
  /// `defaultCycles[i]`: llvm-mca's cycles for blocks[i] under the default
  /// table; blocks it could not simulate are left out.
  FrozenSurrogate(const std::string &dir, const std::vector<block::BasicBlock> &blocks,
                  const std::vector<double> &defaultCycles, const ParamVector &space)
      : Space(space) {
    std::ifstream in(fs::path(dir) / "config.json");
    if (!in)
      throw std::runtime_error(dir + "/config.json: cannot open the surrogate");
    model::ModelConfig config = model::ModelConfig::fromJson(nlohmann::json::parse(in).at("model"));
    if (config.instFeatures != static_cast<std::int64_t>(space.width()) ||
        config.globalFeatures != static_cast<std::int64_t>(space.globals()))
      throw std::runtime_error(fmt::format("{}: the surrogate takes {} + {} table features; the table gives {} + {} "
                                           "(not a parameter-conditioned surrogate of this CPU?)",
                                           dir, config.instFeatures, config.globalFeatures, space.width(),
                                           space.globals()));
    Net = model::IthemalModel(config);
    model::loadCheckpoint((fs::path(dir) / "best.pt").string(), *Net, nullptr);
    Net->eval();
    for (auto &p : Net->parameters()) p.set_requires_grad(false);
    block::Vocabulary vocab = block::Vocabulary::load((fs::path(dir) / "vocab.txt").string());
    block::Tokenizer tokenizer;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      const block::BasicBlock &b = blocks[i];
      std::vector<std::int64_t> rows;
      for (const auto &inst : b.insts) rows.push_back(space.rowOf(inst.getOpcode()));
      if (std::count(rows.begin(), rows.end(), -1) > 0 || !std::isfinite(defaultCycles[i])) {
        ++Skipped;  // an opcode the tuned rows do not cover (validation blocks only), or llvm-mca failed
        continue;
      }
      Tokens.push_back(vocab.encode(tokenizer, b.insts));
      Rows.push_back(std::move(rows));
      Measured.push_back(*b.measured);
      Anchor.push_back(defaultCycles[i]);
    }
    // anchor = mca_default / s(default), one forward pass over the blocks.
    torch::NoGradGuard noGrad;
    torch::Tensor initial = torch::tensor(space.initial());
    for (const auto &idx : chunks()) {
      torch::Tensor s0 = rawCycles(initial, idx);
      for (std::size_t k = 0; k < idx.size(); ++k) Anchor[idx[k]] /= std::max(1e-3, s0[k].item<double>());
    }
  }

  std::size_t size() const { return Tokens.size(); }
  std::size_t skipped() const { return Skipped; }

  /// Mean absolute percentage error of the anchored prediction against
  /// measured timings on `indices`, under the table `values` (differentiable).
  torch::Tensor mape(const torch::Tensor &values, const std::vector<std::size_t> &indices) {
    std::vector<float> measured, anchor;
    for (std::size_t i : indices) {
      measured.push_back(static_cast<float>(Measured[i]));
      anchor.push_back(static_cast<float>(Anchor[i]));
    }
    torch::Tensor m = torch::tensor(measured);
    return ((rawCycles(values, indices) * torch::tensor(anchor) - m).abs() / m).mean();
  }

  double mapeAll(const torch::Tensor &values) {
    torch::NoGradGuard noGrad;
    double sum = 0;
    for (const auto &idx : chunks())
      sum += mape(values, idx).item<double>() * idx.size();
    return sum / size();
  }

private:
  /// All block indices, in batches of 512 for passes without gradients.
  std::vector<std::vector<std::size_t>> chunks() const {
    std::vector<std::vector<std::size_t>> out;
    for (std::size_t start = 0; start < size(); start += 512) {
      out.emplace_back(std::min<std::size_t>(512, size() - start));
      std::iota(out.back().begin(), out.back().end(), start);
    }
    return out;
  }

  /// The surrogate's own cycles for `indices` under `values`.
  torch::Tensor rawCycles(const torch::Tensor &values, const std::vector<std::size_t> &indices) {
    std::vector<const block::TokenizedBlock *> blocks;
    std::vector<std::int64_t> rows;
    for (std::size_t i : indices) {
      blocks.push_back(&Tokens[i]);
      rows.insert(rows.end(), Rows[i].begin(), Rows[i].end());
    }
    model::BlockBatch batch = model::makeBatch(blocks);
    torch::Tensor table = values.slice(0, Space.globals()).view({-1, static_cast<std::int64_t>(Space.width())});
    batch.instFeatures = table.index_select(0, torch::tensor(rows, torch::kInt64));
    batch.globalFeatures = values.slice(0, 0, Space.globals()).unsqueeze(0).repeat({batch.blocks, 1});
    return Net->toCycles(Net->forward(batch));
  }

  const ParamVector &Space;
  model::IthemalModel Net{nullptr};
  std::vector<block::TokenizedBlock> Tokens;
  std::vector<std::vector<std::int64_t>> Rows;
  std::vector<double> Measured, Anchor;
  std::size_t Skipped = 0;
};

// Adam on the table's features (log scale), projected back into the bounds
// after every step; features with no parameter behind them do not move.
// The table is checkpointed every tenth of the steps; chooseCheckpoint
// picks one with the real llvm-mca.
SurrogateTuning tuneWithSurrogate(FrozenSurrogate &surrogate, FrozenSurrogate &validation, const ParamVector &space,
                                  const OptimizeSettings &s, std::uint64_t seed) {
  auto start = Clock::now();
  torch::manual_seed(seed);
  torch::Tensor values = torch::tensor(space.initial()).requires_grad_(true);
  torch::Tensor lower = torch::tensor(space.lower()), upper = torch::tensor(space.upper());
  std::vector<float> freeMask(space.isFree().begin(), space.isFree().end());
  torch::Tensor mask = torch::tensor(freeMask);
  torch::Tensor initial = torch::tensor(space.initial());
  torch::optim::Adam adam({values}, torch::optim::AdamOptions(s.learningRate));

  SurrogateTuning result;
  std::size_t every = std::max<std::size_t>(1, s.steps / 10);
  std::vector<std::size_t> order(surrogate.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(seed);
  std::size_t position = order.size();
  support::Progress progress("tuning the table through the surrogate", s.steps);
  auto checkpoint = [&](std::size_t step) {
    double v = validation.size() > 0 ? validation.mapeAll(values) : surrogate.mapeAll(values);
    result.curve.push_back(
        {{"step", step}, {"surrogate_train_mape", surrogate.mapeAll(values)}, {"surrogate_validation_mape", v}});
    torch::Tensor copy = values.detach().contiguous();
    result.steps.push_back(step);
    result.checkpoints.emplace_back(copy.data_ptr<float>(), copy.data_ptr<float>() + copy.numel());
  };
  for (std::size_t step = 0; step < s.steps; ++step) {
    if (step % every == 0)
      checkpoint(step);
    if (position + s.batchSize > order.size()) {  // a new seeded pass over the train blocks
      for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
      position = 0;
    }
    std::vector<std::size_t> batch(order.begin() + position,
                                   order.begin() + std::min(order.size(), position + s.batchSize));
    position += batch.size();
    adam.zero_grad();
    torch::Tensor loss = surrogate.mape(values, batch);
    // The surrogate learnt tables that differ from LLVM's in a few values
    // (pattern.perturb_probability); the penalty keeps the tuned one so.
    if (s.l1 > 0)
      loss = loss + s.l1 * ((values - initial).abs() * mask).sum();
    loss.backward();
    {
      torch::NoGradGuard noGrad;
      values.mutable_grad().mul_(mask);
      if (step == 0) {
        // Which parameters the surrogate says matter most, for the report.
        auto [top, index] = values.grad().abs().topk(std::min<std::int64_t>(10, values.numel()));
        for (std::int64_t k = 0; k < index.numel(); ++k) {
          auto i = index[k].item<std::int64_t>();
          result.sensitivity.push_back({{"feature", space.featureName(i)}, {"gradient", values.grad()[i].item<double>()}});
        }
      }
    }
    adam.step();
    {
      torch::NoGradGuard noGrad;
      values.copy_(torch::max(torch::min(values, upper), lower));
    }
    progress.update(step + 1);
  }
  progress.finish();
  checkpoint(s.steps);
  result.seconds = secondsSince(start);
  return result;
}

double mapeAgainstMeasured(const std::vector<double> &cycles, const std::vector<block::BasicBlock> &blocks) {
  double sum = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i)
    sum += std::isfinite(cycles[i]) ? std::abs(cycles[i] - *blocks[i].measured) / *blocks[i].measured : 1.0;
  return blocks.empty() ? 0.0 : sum / blocks.size();
}

struct CheckpointChoice {
  std::size_t index = 0;  ///< into SurrogateTuning::checkpoints
  std::size_t simulations = 0;
};

// The surrogate is only trusted for the direction: every checkpoint's table
// (step 0 is LLVM's) is run through the real llvm-mca on the validation
// blocks, and the lowest error wins, so a table the surrogate was wrong
// about is never kept. Adds `llvm_mca_validation_mape` to the curve.
CheckpointChoice chooseCheckpoint(SurrogateTuning &tuning, const ParamVector &space,
                                  const std::vector<block::BasicBlock> &validation, unsigned threads) {
  CheckpointChoice choice;
  double best = std::numeric_limits<double>::infinity();
  for (std::size_t k = 0; k < tuning.checkpoints.size(); ++k) {
    double error = 1.0;
    try {
      auto sti = mca::TunedSubtarget::create(space.toTable(tuning.checkpoints[k]), "checkpoint");
      error = mapeAgainstMeasured(mca::simulateCycles(*sti, validation, threads), validation);
    } catch (const std::exception &e) {
      spdlog::warn("checkpoint at step {} rejected: {}", tuning.steps[k], e.what());
    }
    choice.simulations += validation.size();
    tuning.curve[k]["llvm_mca_validation_mape"] = error;
    if (error < best) {
      best = error;
      choice.index = k;
    }
  }
  return choice;
}

// --- the black-box baseline ---

struct BlackBoxSearch {
  const ParamVector &space;
  const std::vector<block::BasicBlock> &blocks;
  unsigned threads;
  std::vector<std::size_t> freeIndex;
  std::vector<float> best;
  double bestError = std::numeric_limits<double>::infinity();
  double defaultError = 0;
  std::size_t evaluations = 0, failedEvaluations = 0, maxEvaluations = 0;
  nlohmann::json curve = nlohmann::json::array();  ///< evaluation, its subset MAPE, the best so far
  std::unique_ptr<support::Progress> progress;

  std::vector<float> vectorOf(const double *x) const {
    std::vector<float> v = space.initial();
    for (std::size_t k = 0; k < freeIndex.size(); ++k) v[freeIndex[k]] = static_cast<float>(x[k]);
    return v;
  }

  // llvm-mca's MAPE on the subset under the table `v`; a block llvm-mca
  // cannot run under it counts as 100% error.
  double evaluate(const std::vector<float> &v) {
    ++evaluations;
    double error;
    try {
      auto sti = mca::TunedSubtarget::create(space.toTable(v), "black-box candidate");
      error = mapeAgainstMeasured(mca::simulateCycles(*sti, blocks, threads), blocks);
    } catch (const std::exception &e) {
      spdlog::debug("black-box candidate {} rejected: {}", evaluations, e.what());
      ++failedEvaluations;
      error = 1e3;
    }
    if (error < bestError) {
      bestError = error;
      best = v;
    }
    curve.push_back({{"evaluation", evaluations}, {"subset_mape", error}, {"best_subset_mape", bestError}});
    if (progress) progress->update(evaluations);
    return error;
  }

  static double objective(unsigned, const double *x, double *grad, void *self) {
    (void)grad;  // derivative-free methods only
    auto *search = static_cast<BlackBoxSearch *>(self);
    return search->evaluate(search->vectorOf(x));
  }
};

nlohmann::json runBlackBox(BlackBoxSearch &search, const OptimizeSettings &s, std::uint64_t seed) {
  auto start = Clock::now();
  const ParamVector &space = search.space;
  for (std::size_t i = 0; i < space.size(); ++i)
    if (space.isFree()[i]) search.freeIndex.push_back(i);
  std::size_t n = search.freeIndex.size();
  search.progress = std::make_unique<support::Progress>("black-box search (" + s.blackboxMethod + ")",
                                                        search.maxEvaluations);
  // The search starts from what it is given, LLVM's table: one evaluation of the budget.
  search.defaultError = search.evaluate(space.initial());
  int rc = 0;
  if (search.maxEvaluations > 1) {
    nlopt_srand(seed);
    nlopt_opt opt = nlopt_create(nlopt_algorithm_from_string(s.blackboxMethod.c_str()), static_cast<unsigned>(n));
    std::vector<double> lo(n), hi(n), x(n);
    for (std::size_t k = 0; k < n; ++k) {
      lo[k] = space.lower()[search.freeIndex[k]];
      hi[k] = space.upper()[search.freeIndex[k]];
      x[k] = space.initial()[search.freeIndex[k]];
    }
    nlopt_set_lower_bounds(opt, lo.data());
    nlopt_set_upper_bounds(opt, hi.data());
    nlopt_set_min_objective(opt, &BlackBoxSearch::objective, &search);
    nlopt_set_maxeval(opt, static_cast<int>(search.maxEvaluations - 1));
    double value = 0;
    rc = nlopt_optimize(opt, x.data(), &value);
    nlopt_destroy(opt);
    if (rc < 0)
      spdlog::warn("NLopt {} ended with code {} after {} evaluations; keeping the best table seen", s.blackboxMethod,
                   rc, search.evaluations);
  }
  search.progress->finish();
  return {{"method", "NLopt " + s.blackboxMethod},
          {"why", "ESCH, NLopt's evolution strategy, is global and bound-constrained and assumes no smoothness "
                  "(llvm-mca's cycle counts are piecewise constant in integer parameters), as OpenTuner's "
                  "evolutionary techniques in the reference; model-based local methods (BOBYQA, COBYLA) need "
                  "more evaluations than there are dimensions before their first step. A local simplex search "
                  "from the default table (LN_SBPLX) is one pattern.blackbox_method away"},
          {"dimensions", n},
          {"blocks_per_evaluation", search.blocks.size()},
          {"evaluations", search.evaluations},
          {"rejected_candidates", search.failedEvaluations},
          {"default_subset_mape", search.defaultError},
          {"best_subset_mape", search.bestError},
          {"nlopt_result", rc},
          {"curve", search.curve},
          {"seconds", secondsSince(start)}};
}

struct TestScores {
  std::vector<std::size_t> kept;  ///< blocks every table simulated
  std::vector<double> defaults, tuned, blackbox;
  nlohmann::json summary;
};

/// `d`: llvm-mca's cycles for `blocks` under the default table (already run
/// for the anchor on the train blocks).
TestScores scoreTables(const std::vector<block::BasicBlock> &blocks, const std::vector<double> &d,
                       const llvm::MCSubtargetInfo &tuned, const llvm::MCSubtargetInfo &blackbox, unsigned threads) {
  TestScores t;
  std::vector<double> u = mca::simulateCycles(tuned, blocks, threads), b = mca::simulateCycles(blackbox, blocks, threads);
  std::vector<double> measured;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (!std::isfinite(d[i]) || !std::isfinite(u[i]) || !std::isfinite(b[i]))
      continue;
    t.kept.push_back(i);
    t.defaults.push_back(d[i]);
    t.tuned.push_back(u[i]);
    t.blackbox.push_back(b[i]);
    measured.push_back(*blocks[i].measured);
  }
  if (t.kept.empty())
    throw std::runtime_error("no block could be simulated under all three tables");
  t.summary = {{"blocks", blocks.size()},
               {"scored_blocks", t.kept.size()},
               {"default", model::toJson(model::summarize(t.defaults, measured))},
               {"tuned", model::toJson(model::summarize(t.tuned, measured))},
               {"blackbox", model::toJson(model::summarize(t.blackbox, measured))}};
  return t;
}

std::string errorCell(const nlohmann::json &s) {
  return fmt::format("{} (tau {:.3f})", percent(s.at("mape").get<double>()), s.at("kendall_tau").get<double>());
}

} // namespace

nlohmann::json runOptimize(const OptimizeJob &jobIn) {
  auto start = Clock::now();
  OptimizeSettings settings = OptimizeSettings::fromJson(jobIn.config.pattern);  // before anything is written
  if (jobIn.config.measured.empty() && !jobIn.resume)
    throw std::invalid_argument("optimize needs measured timings: set `measured` in the config or pass --measured FILE");
  PatternConfig config = startRun(jobIn.runDir, jobIn.config, jobIn.resume);
  settings = OptimizeSettings::fromJson(config.pattern);
  fs::path runDir(jobIn.runDir);
  nlohmann::json phases;

  // 1. The parameter-sampled dataset.
  auto phase = Clock::now();
  std::string measured = settings.measuredSample > 0
                             ? (fs::exists(runDir / "measured.csv") && jobIn.resume
                                    ? (runDir / "measured.csv").string()
                                    : sampleMeasured(config.measured, settings.measuredSample, config.seed, runDir))
                             : config.measured;
  std::string datasetDir = ensureSampledDataset(config, settings, measured, runDir);
  data::Dataset dataset = data::Dataset::open(datasetDir);
  std::size_t datasetSimulations = dataset.exampleCount();
  phases["dataset"] = secondsSince(phase);

  // 2. The conditioned surrogate.
  phase = Clock::now();
  std::string surrogateDir = (runDir / "surrogate").string();
  model::TrainJob trainJob = trainJobFor(config, surrogateDir);
  trainJob.data.dataset = datasetDir;
  nlohmann::json training = ensureTrained(trainJob);
  phases["surrogate_training"] = secondsSince(phase);

  // 3. Tune the table through the frozen surrogate.
  phase = Clock::now();
  MeasuredBlocks blocks = readMeasured(measured);
  if (blocks.train.empty() || blocks.test.empty())
    throw std::runtime_error(fmt::format("{}: need measured blocks in the train and test splits; have {} and {}",
                                         measured, blocks.train.size(), blocks.test.size()));
  spdlog::info("measured blocks: {} train, {} test ({} rows left out, reported above)", blocks.train.size(),
               blocks.test.size(), blocks.problems);
  mca::ParamTable defaults = mca::ParamTable::fromModel(config.cpu, mca::ParamTable::opcodesUsedBy({measured}, config.cpu));
  ParamVector space(defaults, opcodesOf(blocks.train));
  spdlog::info("table as {} surrogate features ({} free) over {} opcodes of the train blocks", space.size(),
               space.freeCount(), space.opcodes().size());
  torch::set_num_threads(1);
  // llvm-mca at the default table anchors the surrogate's predictions.
  auto defaultSti = defaultSubtarget(config.cpu);
  const std::vector<block::BasicBlock> &selectionBlocks = blocks.validation.empty() ? blocks.train : blocks.validation;
  std::vector<double> trainDefault = mca::simulateCycles(*defaultSti, blocks.train, config.threads);
  std::vector<double> validationDefault = mca::simulateCycles(*defaultSti, blocks.validation, config.threads);
  std::size_t anchorSimulations = blocks.train.size() + blocks.validation.size();
  FrozenSurrogate surrogate(surrogateDir, blocks.train, trainDefault, space);
  FrozenSurrogate validation(surrogateDir, blocks.validation, validationDefault, space);
  spdlog::info("tuning on {} train blocks ({} left out: llvm-mca failed at the default table); {} validation "
               "blocks for the surrogate's curve ({} left out: opcodes no train block has)",
               surrogate.size(), surrogate.skipped(), validation.size(), validation.skipped());
  SurrogateTuning tuning = tuneWithSurrogate(surrogate, validation, space, settings, config.seed);
  spdlog::info("choosing among {} checkpoints with llvm-mca on {} measured blocks", tuning.checkpoints.size(),
               selectionBlocks.size());
  CheckpointChoice choice = chooseCheckpoint(tuning, space, selectionBlocks, config.threads);
  std::size_t keptStep = tuning.steps[choice.index];
  MappingStats mapping;
  mca::ParamTable tuned = space.toTable(tuning.checkpoints[choice.index], &mapping);
  // What the surrogate predicts for the table as written (rounded, mapped
  // back), against what it predicted for the continuous values kept.
  double writtenTableSurrogateMape =
      surrogate.mapeAll(torch::tensor(ParamVector(tuned, space.opcodes()).initial()));
  std::vector<std::string> changes;
  {
    std::istringstream lines(mca::diffTables(space.defaults(), tuned));
    for (std::string line; std::getline(lines, line);)
      if (!line.empty()) changes.push_back(line);
  }
  tuned.save((runDir / "tuned-params.json").string());
  mca::TableGenOptions td;
  td.source = (runDir / "tuned-params.json").string();
  support::writeFileAtomically((runDir / "tuned-params.td").string(), mca::writeTableGen(tuned, td));
  phases["gradient_tuning"] = secondsSince(phase);
  spdlog::info("tuned table (step {}): {} entries changed; surrogate train MAPE {} -> {} ({} for the table as "
               "written)", keptStep, mapping.changedParameters,
               percent(tuning.curve.front()["surrogate_train_mape"].get<double>()),
               percent(tuning.curve.back()["surrogate_train_mape"].get<double>()), percent(writtenTableSurrogateMape));

  // 4. The black-box baseline with the surrogate side's budget of llvm-mca runs.
  phase = Clock::now();
  std::vector<block::BasicBlock> subset = blocks.train;
  {
    std::mt19937_64 rng(config.seed ^ 0x9e3779b97f4a7c15ULL);
    for (std::size_t i = subset.size(); i > 1; --i) std::swap(subset[i - 1], subset[rng() % i]);
    subset.resize(std::min(subset.size(), settings.blackboxBlocks));
  }
  // The same budget of llvm-mca runs as the surrogate's side spent: its
  // dataset, the anchor at the default table, and choosing the checkpoint.
  std::size_t budget = datasetSimulations + anchorSimulations + choice.simulations;
  BlackBoxSearch search{space, subset, config.threads, {}, {}};
  search.maxEvaluations = std::max<std::size_t>(1, budget / subset.size());
  spdlog::info("black-box search: {} evaluations of {} blocks = the surrogate side's {} simulations",
               search.maxEvaluations, subset.size(), budget);
  nlohmann::json blackbox = runBlackBox(search, settings, config.seed);
  blackbox["budget_simulations"] = budget;
  blackbox["budget_breakdown"] = {{"dataset", datasetSimulations},
                                  {"anchor_at_default_table", anchorSimulations},
                                  {"checkpoint_choice", choice.simulations}};
  mca::ParamTable blackboxTable = space.toTable(search.best);
  blackboxTable.save((runDir / "blackbox-params.json").string());
  phases["blackbox_search"] = secondsSince(phase);

  // 5. The real llvm-mca under each table, on the test and train splits.
  phase = Clock::now();
  auto tunedSti = mca::TunedSubtarget::create(tuned, "tuned-params.json");
  auto blackboxSti = mca::TunedSubtarget::create(blackboxTable, "blackbox-params.json");
  TestScores test = scoreTables(blocks.test, mca::simulateCycles(*defaultSti, blocks.test, config.threads), *tunedSti,
                                *blackboxSti, config.threads);
  TestScores train = scoreTables(blocks.train, trainDefault, *tunedSti, *blackboxSti, config.threads);
  {
    std::string csv = "hex,measured,default,tuned,blackbox\n";
    for (std::size_t k = 0; k < test.kept.size(); ++k) {
      const block::BasicBlock &b = blocks.test[test.kept[k]];
      csv += fmt::format("{},{},{},{},{}\n", b.hex, *b.measured, test.defaults[k], test.tuned[k], test.blackbox[k]);
    }
    support::writeFileAtomically((runDir / "test_predictions.csv").string(), csv);
  }
  phases["llvm_mca_evaluation"] = secondsSince(phase);

  double defaultError = test.summary["default"]["mape"], tunedError = test.summary["tuned"]["mape"],
         blackboxError = test.summary["blackbox"]["mape"];
  bool marginMet = tunedError <= kTargetErrorRatio * defaultError, beatsBlackbox = tunedError < blackboxError;

  fs::create_directories(runDir / "figures");
  barPlot((runDir / "figures" / "test_error.png").string(),
          {"llvm-mca test error against measured timings (" + config.cpu + ")", "", "MAPE (fraction)", false, false,
           false},
          {{"default table", defaultError}, {"tuned (DiffTune)", tunedError}, {"black-box (" + settings.blackboxMethod + ")", blackboxError}});
  Series curve{"surrogate, train blocks", {}, {}}, validationCurve{"surrogate, validation blocks", {}, {}},
      mcaCurve{"real llvm-mca, validation blocks", {}, {}};
  for (const auto &p : tuning.curve) {
    curve.x.push_back(p["step"].get<double>());
    curve.y.push_back(p["surrogate_train_mape"].get<double>());
    validationCurve.x.push_back(p["step"].get<double>());
    validationCurve.y.push_back(p["surrogate_validation_mape"].get<double>());
    mcaCurve.x.push_back(p["step"].get<double>());
    mcaCurve.y.push_back(p["llvm_mca_validation_mape"].get<double>());
  }
  linePlot((runDir / "figures" / "tuning_curve.png").string(),
           {"Tuning the table through the surrogate", "Adam step", "MAPE vs measured", false, false, false},
           {curve, validationCurve, mcaCurve});

  std::vector<std::string> tableFiles = {(runDir / "tuned-params.json").string(), (runDir / "tuned-params.td").string()};
  std::ifstream modelConfigIn(fs::path(surrogateDir) / "config.json");
  nlohmann::json modelConfig = nlohmann::json::parse(modelConfigIn);
  nlohmann::json report = {
      {"pattern", "optimize"},
      {"run_dir", jobIn.runDir},
      {"cpu", config.cpu},
      {"config", config.toJson()},
      {"measured_file", measured},
      {"test", test.summary},
      {"train", train.summary},
      {"relative_error_reduction", (defaultError - tunedError) / defaultError},
      {"reference", optimizeReference()},
      {"targets",
       {{"tuned_error_at_most_fraction_of_default", kTargetErrorRatio},
        {"tuned_below_default_by_margin_met", marginMet},
        {"tuned_below_blackbox_met", beatsBlackbox}}},
      {"tuning",
       {{"optimizer", "Adam on log(1 + parameter), projected into the sampler's ranges (widened to the defaults) "
                      "after each step; rounded and clamped at the end; pattern.l1 times the L1 distance from "
                      "the default table added to the loss"},
        {"loss", "MAPE against measured timings, train split, of the frozen surrogate's prediction anchored to "
                 "llvm-mca at the default table: mca_default(block) * s(table, block) / s(default, block)"},
        {"settings", settings.toJson()},
        {"train_blocks", blocks.train.size()},
        {"opcodes", space.opcodes().size()},
        {"features", space.size()},
        {"free_features", space.freeCount()},
        {"curve", tuning.curve},
        {"largest_gradients_at_default", tuning.sensitivity},
        {"changes_from_default", changes},
        {"validation_blocks", validation.size()},
        {"kept_step", keptStep},
        {"checkpoint_choice_blocks", selectionBlocks.size()},
        {"checkpoint_choice_simulations", choice.simulations},
        {"surrogate_train_mape_of_written_table", writtenTableSurrogateMape},
        {"kept_because", "lowest real llvm-mca MAPE against measured timings on the validation blocks among the "
                         "checkpoints (every tenth of the steps; step 0 is LLVM's table)"},
        {"mapping", mapping.toJson()},
        {"seconds", tuning.seconds}}},
      {"blackbox", blackbox},
      {"design",
       {{"architecture", "parameter-conditioned Ithemal: token embedding, LSTM over each instruction's tokens joined "
                         "with the instruction's row of the parameter table, LSTM over the block, the table's globals "
                         "joined to the block vector, linear head on the normalised log throughput"},
        {"model", modelConfig.at("model")},
        {"parameters", modelParameterCount(surrogateDir)},
        {"capacity_chosen_by", "the config's model section (configs/optimize.*.json); one size trained, no search"}}},
      {"training",
       {{"dataset", {{"dir", datasetDir}, {"examples", datasetSimulations}, {"tables", settings.paramsSamples},
                     {"tables_per_block", settings.tablesPerBlock}}},
        {"train_examples", training.value("train_examples", 0)},
        {"validation_examples", training.value("validation_examples", 0)},
        {"test_examples", training.value("test_examples", 0)},
        {"target", "llvm-mca Total Cycles for 100 iterations under each example's sampled table"},
        {"loss", modelConfig.at("training").at("loss")},
        {"test_unseen_tables_vs_llvm_mca", training.value("test_unseen_tables", nlohmann::json())}}},
      {"deployment_facts",
       {{"machine", machineInfo()},
        {"threads", config.threads},
        {"deployed_files", {"tuned-params.json", "tuned-params.td"}},
        {"deployed_bytes", sizeOnDisk(tableFiles)},
        {"tuned_table_entries", tuned.opcodes.size()},
        {"tuned_table_parameters", tuned.parameterCount()}}},
      {"phase_seconds", phases},
      {"wall_seconds", secondsSince(start)}};
  report["training"].update(trainingFacts(training));
  support::writeFileAtomically((runDir / "optimize_report.json").string(), report.dump(2) + "\n");

  MarkdownReport md;
  md.heading(1, "Surrogate optimization (DiffTune): " + config.cpu);
  md.paragraph(fmt::format("llvm-mca (in-process) under three scheduling tables on {} held-out measured blocks "
                           "(test split of {}; {} scored, the rest failed under some table).",
                           test.summary["blocks"].get<std::size_t>(), measured,
                           test.summary["scored_blocks"].get<std::size_t>()));
  md.table({"table", "test error vs measured", "train error vs measured"},
           {{"LLVM default", errorCell(test.summary["default"]), errorCell(train.summary["default"])},
            {"tuned through the surrogate (tuned-params.json)", errorCell(test.summary["tuned"]),
             errorCell(train.summary["tuned"])},
            {"black-box " + settings.blackboxMethod + " (blackbox-params.json)", errorCell(test.summary["blackbox"]),
             errorCell(train.summary["blackbox"])}});
  md.bullet(fmt::format("Relative change of the test error, tuned vs default: {:+.1f}%.",
                        -100 * report["relative_error_reduction"].get<double>()));
  md.bullet("Published reference (DiffTune, MICRO 2020): learnt tables lower llvm-mca's error below the defaults' "
            "(about a quarter fewer errors on some CPUs) and below a black-box search (OpenTuner) with the same budget.");
  md.bullet(fmt::format("Targets: tuned error at most {:.0f}% of the default's: {}; tuned below black-box: {}.",
                        100 * kTargetErrorRatio, marginMet ? "met" : "not met", beatsBlackbox ? "met" : "not met"));
  md.paragraph("");
  md.image("test error before and after tuning", "figures/test_error.png");
  md.image("tuning curve", "figures/tuning_curve.png");
  md.heading(2, "Tuning");
  md.paragraph(fmt::format(
      "{} Adam steps (learning rate {}, {} blocks a step) on {} free features of {} ({} opcodes of {} measured train "
      "blocks, and the 2 globals) in {:.0f} s. Loss: the surrogate's prediction anchored to llvm-mca at the default "
      "table (mca_default x s(table) / s(default)), so it starts at llvm-mca's own error. Anchored surrogate train "
      "MAPE went from {} to {}, validation MAPE from {} to {}; kept: the table of step {}, lowest real llvm-mca "
      "error on {} validation blocks among the checkpoints ({} llvm-mca simulations, step 0 being LLVM's table); "
      "for that table as written (rounded, mapped back) the surrogate predicts {} on the train blocks. Mapping "
      "back: {} "
      "features have no parameter behind them and stay at default; {} one-write opcodes had latency and max_latency "
      "merged (mean); {} further variant resolutions stay at default (the surrogate sees each opcode's first); {} "
      "free features could not be matched exactly (group cycles kept consistent with their ports). {} table entries "
      "changed.",
      settings.steps, settings.learningRate, settings.batchSize, space.freeCount(), space.size(),
      space.opcodes().size(), blocks.train.size(), tuning.seconds,
      percent(tuning.curve.front()["surrogate_train_mape"].get<double>()),
      percent(tuning.curve.back()["surrogate_train_mape"].get<double>()),
      percent(tuning.curve.front()["surrogate_validation_mape"].get<double>()),
      percent(tuning.curve.back()["surrogate_validation_mape"].get<double>()), keptStep, selectionBlocks.size(),
      choice.simulations, percent(writtenTableSurrogateMape), mapping.fixedFeatures,
      mapping.mergedLatencies, mapping.variantKeysAtDefault, mapping.mismatched, mapping.changedParameters));
  constexpr std::size_t kShownChanges = 40;
  md.paragraph(fmt::format("What the tuned table changes ({} of {} shown; all in optimize_report.json):",
                           std::min(changes.size(), kShownChanges), changes.size()));
  std::vector<std::string> shown(changes.begin(), changes.begin() + std::min(changes.size(), kShownChanges));
  md.code(shown.empty() ? "(none: LLVM's table was kept)" : fmt::format("{}", fmt::join(shown, "\n")));
  md.heading(2, "Black-box baseline");
  md.paragraph(fmt::format(
      "{} over the same {} free features: {} evaluations of llvm-mca on a fixed seeded subset of {} train blocks = "
      "{} simulations, the budget the surrogate side spent ({} dataset examples, plus llvm-mca at the default table "
      "on the train and validation blocks and on each checkpoint). Subset MAPE: default {}, best found {} "
      "({} candidates rejected by the model). Why ESCH is the default: {}.",
      blackbox["method"].get<std::string>(), blackbox["dimensions"].get<std::size_t>(),
      blackbox["evaluations"].get<std::size_t>(), subset.size(),
      blackbox["evaluations"].get<std::size_t>() * subset.size(), datasetSimulations,
      percent(blackbox["default_subset_mape"].get<double>()), percent(blackbox["best_subset_mape"].get<double>()),
      blackbox["rejected_candidates"].get<std::size_t>(), blackbox["why"].get<std::string>()));
  const auto &design = report["design"];
  const auto &tr = report["training"];
  md.heading(2, "Design");
  md.paragraph(fmt::format("{}. Embedding {}, hidden {}, {} layer(s), {} + {} table features: {} trainable "
                           "parameters. Capacity: {}.",
                           design["architecture"].get<std::string>(), design["model"]["embedding"].dump(),
                           design["model"]["hidden"].dump(), design["model"]["layers"].dump(),
                           design["model"]["inst_features"].dump(), design["model"]["global_features"].dump(),
                           design["parameters"].get<std::int64_t>(), design["capacity_chosen_by"].get<std::string>()));
  md.heading(2, "Training");
  md.paragraph(fmt::format(
      "Data: {} llvm-mca examples ({} sampled tables, {} per block): {} train, {} validation, {} test. Target: {}. "
      "Loss: {}. {} epochs in {:.0f} s; best epoch {}; stopped because {}. Surrogate test error vs llvm-mca: {}.",
      datasetSimulations, settings.paramsSamples, settings.tablesPerBlock, tr["train_examples"].dump(),
      tr["validation_examples"].dump(), tr["test_examples"].dump(), tr["target"].get<std::string>(),
      tr["loss"].get<std::string>(), tr["epochs"].dump(), tr["wall_seconds"].get<double>(), tr["best_epoch"].dump(),
      tr["stopped_because"].get<std::string>(),
      tr["test_vs_llvm_mca"].is_object() ? percent(tr["test_vs_llvm_mca"]["mape"].get<double>()) : "-"));
  md.heading(2, "Deployment");
  const auto &facts = report["deployment_facts"];
  std::string phaseText;
  for (const auto &[name, seconds] : phases.items())
    phaseText += fmt::format("{}{} {:.1f} s", phaseText.empty() ? "" : ", ", name, seconds.get<double>());
  md.paragraph(fmt::format("Ran on {} ({} logical cores, {} GiB), {} thread(s). Time per phase: {}. Deployed: "
                           "tuned-params.json and tuned-params.td, {:.1f} kB, {} entries, {} parameters; "
                           "`surrogate simulate --params {}/tuned-params.json BLOCKS` runs llvm-mca with it.",
                           facts["machine"]["cpu_model"].get<std::string>(),
                           facts["machine"]["logical_cores"].get<unsigned>(), facts["machine"]["memory_gib"].dump(),
                           config.threads, phaseText, facts["deployed_bytes"].get<double>() / 1e3,
                           tuned.opcodes.size(), tuned.parameterCount(), jobIn.runDir));
  support::writeFileAtomically((runDir / "optimize_report.md").string(), md.str());
  spdlog::info("llvm-mca test MAPE: default {}, tuned {}, black-box {}; report in {}", percent(defaultError),
               percent(tunedError), percent(blackboxError), (runDir / "optimize_report.md").string());
  return report;
}

} // namespace surrogate::patterns
