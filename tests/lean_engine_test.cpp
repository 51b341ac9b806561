// The deployable model file and the lean engine (no LibTorch): the file
// round-trips and refuses damaged, truncated, other-version and
// unknown-architecture files by name; the engine computes LibTorch's
// predictions for every architecture it runs, allocates nothing once warm,
// and serves `predict` and `export` end to end.
// label unit: ModelFileFormat LeanEngine
// label cli: LeanEngineCli

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <gtest/gtest.h>
#include <llvm/Support/xxhash.h>
#include <torch/torch.h>

#include "TestSupport.h"
#include "surrogate/model/Ithemal.h"
#include "surrogate/model/LeanModel.h"
#include "surrogate/model/ModelExport.h"
#include "surrogate/model/ModelFile.h"
#include "surrogate/model/Trainer.h"
#include "surrogate/support/Errors.h"

using namespace surrogate;
using surrogate::test::TempDir;

// Heap allocations of this thread while `counting`: operator new, and malloc
// from the code linked into the test binary (-Wl,--wrap=malloc), Eigen's included.
namespace {
thread_local bool counting = false;
thread_local std::size_t allocations = 0;
} // namespace
extern "C" void *__real_malloc(std::size_t n);
extern "C" void *__wrap_malloc(std::size_t n) {
  if (counting)
    ++allocations;
  return __real_malloc(n);
}
void *operator new(std::size_t n) {
  if (counting)
    ++allocations;
  if (void *p = __real_malloc(n ? n : 1))
    return p;
  throw std::bad_alloc();
}
void operator delete(void *p) noexcept { std::free(p); }
void operator delete(void *p, std::size_t) noexcept { std::free(p); }

namespace {

block::Vocabulary vocabularyOf(std::size_t learned) {
  block::Vocabulary v;
  for (std::size_t i = 0; i < learned; ++i)
    v.add("tok" + std::to_string(i));
  return v;
}

// A model of `config` with every weight random (the bounds head starts at zero otherwise).
model::IthemalModel randomModel(model::ModelConfig config, std::uint64_t seed) {
  torch::manual_seed(seed);
  model::IthemalModel m(config);
  torch::NoGradGuard noGrad;
  for (auto &p : m->parameters())
    p.uniform_(-0.4, 0.4);
  m->setTargetScale(5.5, 0.7);
  m->eval();
  return m;
}

// Blocks of 1..9 instructions of 1..11 tokens, some instructions repeated.
std::vector<block::TokenizedBlock> randomBlocks(std::size_t n, std::int32_t vocabulary, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<block::TokenizedBlock> blocks(n);
  std::vector<std::int32_t> common = {5, 9, 3, 3, 2};
  for (auto &b : blocks) {
    b.resize(1 + rng() % 9);
    for (auto &inst : b) {
      if (rng() % 4 == 0) {
        inst = common;
        continue;
      }
      inst.resize(1 + rng() % 11);
      for (auto &t : inst)
        t = static_cast<std::int32_t>(2 + rng() % (vocabulary - 2));
    }
  }
  return blocks;
}

std::vector<model::BlockBounds> randomBounds(std::size_t n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<float> u(0, 3);
  std::vector<model::BlockBounds> bounds(n);
  for (auto &b : bounds) {
    b.anchor = 4 + u(rng);
    for (float &f : b.features)
      f = u(rng);
  }
  return bounds;
}

model::BlockBatch torchBatch(model::IthemalModel &m, const std::vector<block::TokenizedBlock> &blocks,
                             const std::vector<model::BlockBounds> &bounds) {
  std::vector<const block::TokenizedBlock *> ptrs;
  for (const auto &b : blocks)
    ptrs.push_back(&b);
  model::BlockBatch batch;
  if (m->config().tokens)
    batch = model::makeBatch(ptrs);
  batch.blocks = static_cast<std::int64_t>(blocks.size());
  if (m->config().bounds) {
    std::vector<float> anchors, features;
    for (const auto &b : bounds) {
      anchors.push_back(b.anchor);
      features.insert(features.end(), b.features.begin(), b.features.end());
    }
    batch.boundAnchor = torch::tensor(anchors);
    batch.boundFeatures = torch::tensor(features).view({batch.blocks, model::kBoundFeatures});
  }
  return batch;
}

std::vector<double> valuesOf(const torch::Tensor &t) {
  torch::Tensor d = t.detach().to(torch::kFloat64).contiguous();
  return std::vector<double>(d.data_ptr<double>(), d.data_ptr<double>() + d.numel());
}

std::vector<double> torchCycles(model::IthemalModel &m, const std::vector<block::TokenizedBlock> &blocks,
                                const std::vector<model::BlockBounds> &bounds) {
  torch::NoGradGuard noGrad;
  return valuesOf(m->toCycles(m->forward(torchBatch(m, blocks, bounds))));
}

model::ModelConfig configOf(bool tokens, bool bounds, std::int64_t layers) {
  model::ModelConfig c;
  c.vocabularySize = static_cast<std::int64_t>(vocabularyOf(30).size());
  c.embedding = 12;
  c.hidden = 16;
  c.layers = layers;
  c.tokens = tokens;
  c.bounds = bounds;
  c.boundsCpu = "haswell";
  c.boundsHidden = 8;
  return c;
}

std::string readBytes(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void writeBytes(const std::string &path, const std::string &bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string loadError(const std::string &path) {
  return test::errorOf([&] { model::ModelFile::load(path); });
}

} // namespace

TEST(ModelFileFormat, RoundTripsEveryTensorAndTheVocabulary) {
  TempDir dir;
  auto m = randomModel(configOf(true, true, 1), 1);
  model::ModelFile file = model::exportModel(*m, vocabularyOf(30));
  file.source = {{"run_dir", "r"}};
  file.save(dir / "m.smodel");
  model::ModelFile back = model::ModelFile::load(dir / "m.smodel");
  EXPECT_EQ(back.architecture(), "lstm+bounds");
  EXPECT_EQ(back.vocabulary, file.vocabulary);
  EXPECT_EQ(back.config.toJson(), file.config.toJson());
  ASSERT_EQ(back.tensors.size(), file.tensors.size());
  for (const auto &[name, t] : file.tensors) {
    EXPECT_EQ(back.tensors.at(name).shape, t.shape) << name;
    EXPECT_EQ(back.tensors.at(name).values, t.values) << name;
  }
  EXPECT_EQ(back.source["run_dir"], "r");
  // The same model gives the same bytes.
  file.save(dir / "again.smodel");
  EXPECT_EQ(readBytes(dir / "m.smodel"), readBytes(dir / "again.smodel"));
}

TEST(ModelFileFormat, DamagedFilesAreRefusedNamingTheFileAndTheProblem) {
  TempDir dir;
  auto m = randomModel(configOf(true, false, 1), 2);
  model::ModelFile file = model::exportModel(*m, vocabularyOf(30));
  std::string path = dir / "m.smodel";
  file.save(path);
  std::string good = readBytes(path);

  writeBytes(path, good.substr(0, good.size() / 2));
  EXPECT_NE(loadError(path).find("damaged or truncated"), std::string::npos) << loadError(path);
  EXPECT_NE(loadError(path).find(path), std::string::npos);

  std::string flipped = good;
  flipped[good.size() - 100] ^= 0x10;  // a weight's bit
  writeBytes(path, flipped);
  EXPECT_NE(loadError(path).find("checksum mismatch"), std::string::npos) << loadError(path);

  std::string version = good;
  version[8] = 7;
  writeBytes(path, version);
  EXPECT_NE(loadError(path).find("format version 7, this build reads version 1"), std::string::npos)
      << loadError(path);

  writeBytes(path, "hex,throughput\n4801d8,100\n");
  EXPECT_NE(loadError(path).find("not a surrogate model file"), std::string::npos) << loadError(path);
  writeBytes(path, "");
  EXPECT_NE(loadError(path).find("not a surrogate model file"), std::string::npos) << loadError(path);
  EXPECT_NE(loadError(dir / "none.smodel").find("cannot open"), std::string::npos);

  // An architecture this build does not know, the checksum made right again.
  file.save(path);
  std::string bytes = readBytes(path);
  auto at = bytes.find("\"architecture\":\"lstm\"");
  ASSERT_NE(at, std::string::npos);
  bytes.replace(at, 21, "\"architecture\":\"gnn!\"");
  writeBytes(path, bytes);
  EXPECT_NE(loadError(path).find("checksum mismatch"), std::string::npos) << loadError(path);  // edits are caught
  // With its checksum made right again (xxh3-64 of every byte before the last 8, docs/model-file.md).
  std::uint64_t sum = llvm::xxh3_64bits(llvm::StringRef(bytes.data(), bytes.size() - 8));
  std::memcpy(bytes.data() + bytes.size() - 8, &sum, 8);
  writeBytes(path, bytes);
  EXPECT_NE(loadError(path).find("architecture \"gnn!\" is not one this build knows"), std::string::npos)
      << loadError(path);
}

TEST(ModelFileFormat, AMissingTensorOrAConditionedModelIsNamed) {
  TempDir dir;
  auto m = randomModel(configOf(true, false, 1), 3);
  model::ModelFile file = model::exportModel(*m, vocabularyOf(30));
  file.tensors.erase("block_lstm.weight_hh_l0");
  file.save(dir / "missing.smodel");
  try {
    model::LeanModel lean(model::ModelFile::load(dir / "missing.smodel"));
    FAIL() << "a model without block_lstm.weight_hh_l0 was accepted";
  } catch (const support::DataError &e) {
    EXPECT_NE(std::string(e.what()).find("no tensor block_lstm.weight_hh_l0"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("missing.smodel"), std::string::npos) << e.what();
  }
  model::ModelFile conditioned = model::exportModel(*m, vocabularyOf(30));
  conditioned.config.instFeatures = 4;
  try {
    model::LeanModel lean(conditioned);
    FAIL() << "a conditioned model was accepted";
  } catch (const support::DataError &e) {
    EXPECT_NE(std::string(e.what()).find("lstm-conditioned"), std::string::npos) << e.what();
  }
}

TEST(LeanEngine, PredictsWhatLibTorchPredictsForEveryArchitecture) {
  struct Case {
    bool tokens, bounds;
    std::int64_t layers;
  };
  for (Case c : {Case{true, false, 1}, Case{true, false, 2}, Case{true, true, 1}, Case{false, true, 1},
                 Case{true, true, 2}}) {
    SCOPED_TRACE(::testing::Message() << "tokens " << c.tokens << " bounds " << c.bounds << " layers " << c.layers);
    auto m = randomModel(configOf(c.tokens, c.bounds, c.layers), 7 + c.layers);
    auto blocks = randomBlocks(40, static_cast<std::int32_t>(m->config().vocabularySize), 11);
    auto bounds = randomBounds(blocks.size(), 13);
    std::vector<double> expected = torchCycles(m, blocks, bounds);
    model::LeanModel lean(model::exportModel(*m, vocabularyOf(30)));
    std::vector<const block::TokenizedBlock *> all;
    for (const auto &b : blocks)
      all.push_back(&b);
    // A workspace that caches every instruction, and one that keeps only three and so empties often.
    for (std::size_t cached : {model::LeanModel::kCachedInstructions, std::size_t{3}}) {
      auto ws = lean.workspace(cached);
      std::vector<double> batched, one;
      lean.predict(all, &bounds, batched, *ws);
      for (std::size_t i = 0; i < blocks.size(); ++i) {
        std::vector<model::BlockBounds> oneBounds = {bounds[i]};
        lean.predict({&blocks[i]}, &oneBounds, one, *ws);
        EXPECT_NEAR(one[0], expected[i], 1e-5 * expected[i]) << "block " << i << " alone, cache " << cached;
        EXPECT_NEAR(batched[i], expected[i], 1e-5 * expected[i]) << "block " << i << " in the batch";
      }
      EXPECT_GT(model::LeanModel::multiplyAdds(*ws), 0u);
    }
  }
}

TEST(LeanEngine, TheVarianceHeadGivesLibTorchsStandardDeviation) {
  for (auto [tokens, bounds] : {std::pair{true, false}, std::pair{true, true}, std::pair{false, true}}) {
    SCOPED_TRACE(::testing::Message() << "tokens " << tokens << " bounds " << bounds);
    model::ModelConfig config = configOf(tokens, bounds, 1);
    config.varianceHead = true;
    auto m = randomModel(config, 23);
    auto blocks = randomBlocks(30, static_cast<std::int32_t>(config.vocabularySize), 29);
    auto blockBounds = randomBounds(blocks.size(), 31);
    torch::NoGradGuard noGrad;
    model::ModelOutput out = m->forwardWithVariance(torchBatch(m, blocks, blockBounds));
    std::vector<double> cycles = valuesOf(m->toCycles(out.z)), sigma = valuesOf(torch::exp(0.5 * out.logVariance));

    model::ModelFile file = model::exportModel(*m, vocabularyOf(30));
    EXPECT_NE(file.architecture().find("+variance"), std::string::npos) << file.architecture();
    model::LeanModel lean(file);
    std::vector<const block::TokenizedBlock *> all;
    for (const auto &b : blocks)
      all.push_back(&b);
    auto ws = lean.workspace();
    std::vector<double> leanCycles, leanSigma, none;
    lean.predict(all, &blockBounds, leanCycles, *ws, &leanSigma);
    ASSERT_EQ(leanSigma.size(), blocks.size());
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      EXPECT_NEAR(leanCycles[i], cycles[i], 1e-5 * cycles[i]) << "block " << i;
      EXPECT_NEAR(leanSigma[i], sigma[i], 1e-5 * sigma[i]) << "block " << i;
    }
    // Without the head there is no standard deviation to give.
    model::LeanModel plain(model::exportModel(*randomModel(configOf(tokens, bounds, 1), 23), vocabularyOf(30)));
    none.assign(3, 1.0);
    plain.predict(all, &blockBounds, leanCycles, *plain.workspace(), &none);
    EXPECT_TRUE(none.empty());
  }
}

TEST(LeanEngine, AWarmForwardPassAllocatesNothing) {
  auto m = randomModel(configOf(true, true, 1), 5);
  model::LeanModel lean(model::exportModel(*m, vocabularyOf(30)));
  auto blocks = randomBlocks(64, static_cast<std::int32_t>(m->config().vocabularySize), 17);
  auto bounds = randomBounds(blocks.size(), 19);
  auto ws = lean.workspace();
  std::vector<const block::TokenizedBlock *> batch;
  std::vector<model::BlockBounds> oneBounds(1);
  std::vector<double> cycles;
  // Warm: the largest batch and each block alone once.
  for (const auto &b : blocks)
    batch.push_back(&b);
  lean.predict(batch, &bounds, cycles, *ws);
  auto one = [&](std::size_t i) {
    batch.assign(1, &blocks[i]);
    oneBounds[0] = bounds[i];
    lean.predict(batch, &oneBounds, cycles, *ws);
  };
  for (std::size_t i = 0; i < blocks.size(); ++i)
    one(i);
  allocations = 0;
  counting = true;
  for (std::size_t i = 0; i < blocks.size(); ++i)
    one(i);
  counting = false;
  EXPECT_EQ(allocations, 0u);
  // The counter itself works: a vector's growth is seen.
  counting = true;
  std::vector<int> grow(1000);
  counting = false;
  EXPECT_GT(allocations, 0u);
}

TEST(LeanEngine, BadBlocksAreRefusedNotCrashedOn) {
  auto m = randomModel(configOf(true, false, 1), 6);
  model::LeanModel lean(model::exportModel(*m, vocabularyOf(30)));
  auto ws = lean.workspace();
  std::vector<double> cycles;
  block::TokenizedBlock empty, outside = {{2, 3, 9999}};
  EXPECT_THROW(lean.predict({&empty}, nullptr, cycles, *ws), std::invalid_argument);
  EXPECT_THROW(lean.predict({&outside}, nullptr, cycles, *ws), std::invalid_argument);
}

namespace {

// Columns `column` (from 0) of a predict CSV, by row.
std::vector<double> csvColumn(const std::string &csv, std::size_t column) {
  std::istringstream lines(csv);
  std::string line;
  std::getline(lines, line);  // header
  std::vector<double> values;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    std::string field;
    for (std::size_t c = 0; c <= column; ++c)
      std::getline(fields, field, ',');
    values.push_back(std::stod(field));
  }
  return values;
}

} // namespace

TEST(LeanEngineCli, TrainingWritesTheModelFileAndPredictAgreesWithLibTorch) {
  TempDir dir;
  // Two epochs of a small hybrid model (tokens and bounds) on blocks of the project's sample.
  std::string sample = std::string(SURROGATE_SOURCE_DIR) + "/data/samples/hsw-sample.csv";
  std::string csv = dir.file("train.csv", "hex,cycles\n" + test::headLines(sample, 300));
  model::TrainJob job;
  job.data.csv = {csv};
  job.runDir = dir / "run";
  job.model.embedding = 8;
  job.model.hidden = 12;
  job.model.bounds = true;
  job.model.boundsCpu = "haswell";
  job.model.boundsHidden = 6;
  job.training.maxEpochs = 2;
  job.training.batchSize = 16;
  job.training.threads = 1;
  job.training.seed = 4;
  model::runTraining(job);
  ASSERT_TRUE(std::filesystem::exists(dir / "run/model.smodel"));

  std::string blocks = dir.file("blocks.csv", test::headLines(sample, 120) + "zz,1\n");
  auto lean = test::runSurrogate("predict --engine lean --model " + (dir / "run") + " " + blocks);
  auto torch = test::runSurrogate("predict --engine torch --model " + (dir / "run") + " " + blocks);
  auto automatic = test::runSurrogate("predict --model " + (dir / "run/model.smodel") + " " + blocks);
  ASSERT_EQ(lean.exitCode, 0) << lean.err;
  ASSERT_EQ(torch.exitCode, 0) << torch.err;
  ASSERT_EQ(automatic.exitCode, 0) << automatic.err;
  EXPECT_EQ(lean.out, automatic.out);
  EXPECT_NE(lean.err.find("blocks.csv:121:"), std::string::npos) << lean.err;  // the bad row, reported
  std::vector<double> a = csvColumn(lean.out, 1), b = csvColumn(torch.out, 1);
  ASSERT_EQ(a.size(), b.size());
  ASSERT_GT(a.size(), 100u);
  for (std::size_t i = 0; i < a.size(); ++i)
    EXPECT_NEAR(a[i], b[i], 1e-5 * b[i] + 1e-4) << "row " << i;  // the CSV prints 4 decimals

  // export writes the same bytes as training did.
  auto exported = test::runSurrogate("export --model " + (dir / "run") + " -o " + (dir / "copy.smodel"));
  ASSERT_EQ(exported.exitCode, 0) << exported.err;
  EXPECT_EQ(readBytes(dir / "copy.smodel"), readBytes(dir / "run/model.smodel"));
}

TEST(LeanEngineCli, ABadModelFileOrARequestForLibTorchOnlyIsAClearError) {
  TempDir dir;
  std::string blocks = dir.file("blocks.csv", "4801d8,100\n");
  std::string bad = dir.file("bad.smodel", "SRGMODEL but nothing else of a model file at all, so damaged");
  auto damaged = test::runSurrogate("predict --model " + bad + " " + blocks);
  EXPECT_EQ(damaged.exitCode, 1);
  EXPECT_NE(damaged.err.find(bad + ": "), std::string::npos) << damaged.err;
  std::string shipped = std::string(SURROGATE_SOURCE_DIR) + "/data/models/haswell-bounds";
  auto params = test::runSurrogate("predict --engine lean --model " + shipped + " --params x.json " + blocks);
  EXPECT_EQ(params.exitCode, 1);
  EXPECT_NE(params.err.find("--engine lean: --params and --gradient"), std::string::npos) << params.err;
  std::filesystem::create_directories(dir / "old");
  auto old = test::runSurrogate("predict --engine lean --model " + (dir / "old") + " " + blocks);
  EXPECT_EQ(old.exitCode, 1);
  EXPECT_NE(old.err.find("has no model.smodel"), std::string::npos) << old.err;
}
