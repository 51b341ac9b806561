// The bounds variant of the surrogate (model.bounds): it starts at the
// scheduling model's bound, trains a correction, predicts through `predict`,
// and bad configs are named.
// label unit: BoundsModel
// label cli: BoundsModelCli

#include <cmath>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "BlockTestSupport.h"
#include "TestSupport.h"
#include "surrogate/block/AsmReader.h"
#include "surrogate/block/Decoder.h"
#include "surrogate/block/Target.h"
#include "surrogate/mca/Simulator.h"
#include "surrogate/model/BoundFeatures.h"
#include "surrogate/model/Ithemal.h"
#include "surrogate/model/Trainer.h"
#include "surrogate/support/Errors.h"

using namespace surrogate;
using surrogate::test::TempDir;
using surrogate::test::decoded;
using surrogate::test::kImulChain;

namespace {

double llvmMcaCycles(const std::string &hex) {
  static std::unique_ptr<llvm::MCSubtargetInfo> sti = block::X86Target::get().createSubtarget("haswell");
  mca::Simulator simulator(*sti, 100);
  auto r = simulator.run(decoded(hex));
  EXPECT_TRUE(static_cast<bool>(r));
  return r ? r->cycles : 0;
}


// Blocks of adds, moves, loads, stores and multiplies, with llvm-mca's cycles as the target.
std::string llvmMcaCsv(std::size_t blocks) {
  const std::vector<std::string> insts = {"4801d8", "4829d8", "014308", "89048b", "488b442410",
                                          "b905000000", "488d447708", "480fafc3", "480fafc0", "4801c0"};
  std::string csv = "hex,cycles\n";
  std::uint64_t state = 99;
  for (std::size_t b = 0; b < blocks; ++b) {
    std::string hex;
    for (std::size_t i = 0, n = 1 + b % 6; i < n; ++i) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      hex += insts[(state >> 33) % insts.size()];
    }
    csv += hex + "," + std::to_string(llvmMcaCycles(hex)) + "\n";
  }
  return csv;
}

} // namespace

TEST(BoundsModel, AFreshModelPredictsTheBound) {
  model::BoundFeaturizer featurizer("haswell");
  std::string problem;
  std::optional<model::BlockBounds> b = featurizer.of(decoded(kImulChain), problem);
  ASSERT_TRUE(b) << problem;
  EXPECT_NEAR(std::exp(b->anchor), 1200.0, 1e-3);  // 100 iterations of the 12-cycle chain

  model::ModelConfig config;
  config.vocabularySize = 10;
  config.bounds = true;
  config.tokens = false;
  config.boundsCpu = "haswell";
  model::IthemalModel m(config);
  m->setTargetScale(5.0, 1.3);
  model::BlockBatch batch;
  batch.blocks = 1;
  batch.boundAnchor = torch::tensor({b->anchor});
  batch.boundFeatures = torch::tensor(std::vector<float>(b->features.begin(), b->features.end())).view({1, -1});
  EXPECT_NEAR(m->toCycles(m->forward(batch)).item<double>(), 1200.0, 0.01);
  // No token modules: the network is the bounds head alone.
  for (const auto &p : m->named_parameters())
    EXPECT_EQ(p.key().rfind("bounds_head.", 0), 0u) << p.key();
}

TEST(BoundsModel, ConfigsWithoutAnInputOrACpuAreNamed) {
  try {
    model::ModelConfig::fromJson({{"tokens", false}}, "m.json");
    FAIL() << "no error";
  } catch (const support::ConfigError &e) {
    EXPECT_NE(std::string(e.what()).find("model.tokens"), std::string::npos) << e.what();
  }
  // A model without bounds keeps its config.json as it was (no new keys).
  EXPECT_FALSE(model::ModelConfig().toJson().contains("bounds"));
  EXPECT_THROW(model::BoundFeaturizer("no-such-cpu"), support::ConfigError);
}

TEST(BoundsModelCli, TrainsACorrectionAndPredictsThroughPredict) {
  TempDir dir;
  std::string csv = dir.file("blocks.csv", llvmMcaCsv(240));
  model::TrainJob job;
  job.data.csv = {csv};
  job.runDir = dir / "run";
  job.model.bounds = true;
  job.model.tokens = false;
  job.model.boundsCpu = "haswell";
  job.training.batchSize = 16;
  job.training.maxEpochs = 6;
  job.training.threads = 2;
  job.training.seed = 3;
  job.training.learningRate = 0.003;
  nlohmann::json report = model::runTraining(job);
  ASSERT_TRUE(report.contains("test")) << report.dump();
  EXPECT_LT(report["test"]["mape"].get<double>(), 0.10) << report.dump();

  std::string blocks = dir.file("predict.csv", "hex\n" + kImulChain + "\nzz\n");
  auto predicted = test::runSurrogate("predict --model " + (dir / "run") + " " + blocks);
  ASSERT_EQ(predicted.exitCode, 0) << predicted.err;
  std::istringstream lines(predicted.out);
  std::string header, row;
  std::getline(lines, header);
  ASSERT_TRUE(std::getline(lines, row)) << predicted.out;
  double cycles = std::stod(row.substr(row.find(',') + 1));
  EXPECT_NEAR(cycles, llvmMcaCycles(kImulChain), 0.05 * 1203) << row;  // the token model is 11x low here
  EXPECT_NE(predicted.err.find("predict.csv:3:"), std::string::npos) << predicted.err;  // the bad row is reported
}

// The shipped bounds model (configs/compile.bounds.json) on the kernels of
// examples/: within 2% of llvm-mca on each, chains included.
TEST(BoundsModelCli, TheShippedModelTracksLlvmMcaOnTheExampleKernels) {
  std::string examples = std::string(SURROGATE_SOURCE_DIR) + "/examples/*.s";
  auto mca = test::runSurrogate("simulate " + examples);
  auto predicted = test::runSurrogate("predict --model " + std::string(SURROGATE_SOURCE_DIR) +
                                      "/data/models/haswell-bounds " + examples);
  ASSERT_EQ(mca.exitCode, 0) << mca.err;
  ASSERT_EQ(predicted.exitCode, 0) << predicted.err;
  std::istringstream a(mca.out), b(predicted.out);
  std::string rowA, rowB;
  std::getline(a, rowA);
  std::getline(b, rowB);
  int rows = 0;
  while (std::getline(a, rowA) && std::getline(b, rowB)) {
    double cycles = std::stod(rowA.substr(rowA.find(',') + 1)), guess = std::stod(rowB.substr(rowB.find(',') + 1));
    EXPECT_NEAR(guess, cycles, 0.02 * cycles) << rowA << " / " << rowB;
    ++rows;
  }
  EXPECT_EQ(rows, 5);
}
