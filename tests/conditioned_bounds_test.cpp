// The conditioned bounds model (model.bounds on a dataset with tables): its
// bounds are functions of the table's features, exact at the table they were
// analysed under, moving with the table as the analyser says for chains and
// dispatch, and differentiable; it trains, predicts under a table and gives
// the table's gradient.
// label unit: ConditionedBounds
// label cli: ConditionedBoundsCli

#include <cmath>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "BlockTestSupport.h"
#include "TestSupport.h"
#include "surrogate/mca/ParamTable.h"
#include "surrogate/model/BoundFeatures.h"
#include "surrogate/model/ParamFeatures.h"
#include "surrogate/model/TableBounds.h"
#include "surrogate/model/TableFeatures.h"

using namespace surrogate;
using surrogate::test::TempDir;
using surrogate::test::decoded;
using surrogate::test::kImulChain;

namespace {

// Eight independent `addq %rbx, %rX` (ADD64rr): 2 cycles an iteration at dispatch width 4.
const std::string kAdds = "4801d84801d94801da4801de4801df4901d84901d94901da";

struct Analysed {
  model::BlockBatch batch;
  torch::Tensor values;  ///< the batch's table features: globals, then each instruction's row (a leaf)
};

// One block's batch: its structure under `reference`, its features those of `table` (a leaf requiring gradients).
Analysed analysed(const std::string &hex, const mca::ParamTable &reference, const mca::ParamTable &table) {
  std::vector<llvm::MCInst> insts = decoded(hex);
  model::BoundFeaturizer featurizer(reference, "reference");
  std::string problem;
  std::optional<model::BoundStructure> s = featurizer.structureOf(insts, problem);
  EXPECT_TRUE(s) << problem;
  auto features = [&](const mca::ParamTable &t) {
    model::ParamFeatures f;
    f.addTable(0, t);
    std::vector<float> v = f.global(0);
    for (const llvm::MCInst &inst : insts) {
      const std::vector<float> &row = f.instruction(0, inst.getOpcode());
      v.insert(v.end(), row.begin(), row.end());
    }
    return torch::tensor(v);
  };
  Analysed a;
  a.values = features(table).requires_grad_(true);
  torch::Tensor reference0 = features(reference);
  auto width = static_cast<std::int64_t>(model::TableFeatures::opcodeWidth(table));
  a.batch.blocks = 1;
  a.batch.globalFeatures = a.values.slice(0, 0, 2).unsqueeze(0);
  a.batch.instFeatures = a.values.slice(0, 2).view({-1, width});
  a.batch.referenceGlobalFeatures = reference0.slice(0, 0, 2).unsqueeze(0);
  a.batch.referenceInstFeatures = reference0.slice(0, 2).view({-1, width});
  model::attachStructure(a.batch, {&*s});
  return a;
}

double anchorCycles(const std::string &hex, const mca::ParamTable &table) {
  model::BoundFeaturizer featurizer(table, "table");
  std::string problem;
  std::optional<model::BlockBounds> b = featurizer.of(decoded(hex), problem);
  EXPECT_TRUE(b) << problem;
  return b ? std::exp(b->anchor) : 0;
}

mca::ParamTable haswell() { return mca::ParamTable::fromModel("haswell", {"IMUL64rr", "ADD64rr"}); }

} // namespace

TEST(ConditionedBounds, AtItsOwnTableTheBoundsAreTheAnalysersToTheLastFeature) {
  mca::ParamTable table = haswell();
  torch::Tensor units = torch::tensor(model::resourceUnitsOf(table));
  for (const std::string &hex : {kImulChain, kAdds, kImulChain + kAdds}) {
    Analysed a = analysed(hex, table, table);
    model::BoundTensors t = model::boundsUnderTable(a.batch, units);
    model::BoundFeaturizer featurizer(table, "table");
    std::string problem;
    std::optional<model::BlockBounds> b = featurizer.of(decoded(hex), problem);
    ASSERT_TRUE(b) << problem;
    EXPECT_NEAR(t.anchor.item<double>(), b->anchor, 1e-5) << hex;
    for (std::size_t k = 0; k < model::kBoundFeatures; ++k)
      EXPECT_NEAR(t.features[0][k].item<double>(), b->features[k], 1e-5) << hex << " feature " << k;
  }
  Analysed chain = analysed(kImulChain, table, table);
  EXPECT_NEAR(std::exp(model::boundsUnderTable(chain.batch, units).anchor.item<double>()), 1200, 1e-2);
}

TEST(ConditionedBounds, ATableEditMovesTheBoundItShouldAsTheAnalyserDoes) {
  mca::ParamTable table = haswell();
  torch::Tensor units = torch::tensor(model::resourceUnitsOf(table));

  // A slower multiply: the chain's dependency bound, 4 x (3 + 5) = 32 cycles.
  mca::ParamTable slow = table;
  nlohmann::json j = slow.toJson();
  j["opcodes"]["IMUL64rr"]["latencies"][0] = j["opcodes"]["IMUL64rr"]["latencies"][0].get<int>() + 5;
  slow = mca::ParamTable::fromJson(j, "slow");
  Analysed chain = analysed(kImulChain, table, slow);
  EXPECT_NEAR(std::exp(model::boundsUnderTable(chain.batch, units).anchor.item<double>()),
              anchorCycles(kImulChain, slow), 1e-2);
  EXPECT_NEAR(anchorCycles(kImulChain, slow), 3200, 1e-2);
  // The adds do not use the multiply: their bound stays.
  Analysed adds = analysed(kAdds, table, slow);
  EXPECT_NEAR(std::exp(model::boundsUnderTable(adds.batch, units).anchor.item<double>()), anchorCycles(kAdds, table),
              1e-2);

  // Half the dispatch width: the adds' dispatch bound doubles, the chain stays.
  mca::ParamTable narrow = table;
  j = narrow.toJson();
  j["globals"]["dispatch_width"] = 2;
  narrow = mca::ParamTable::fromJson(j, "narrow");
  adds = analysed(kAdds, table, narrow);
  EXPECT_NEAR(std::exp(model::boundsUnderTable(adds.batch, units).anchor.item<double>()), anchorCycles(kAdds, narrow),
              1e-2);
  EXPECT_NEAR(anchorCycles(kAdds, narrow), 2 * anchorCycles(kAdds, table), 1e-2);
  chain = analysed(kImulChain, table, narrow);
  EXPECT_NEAR(std::exp(model::boundsUnderTable(chain.batch, units).anchor.item<double>()), 1200, 1e-2);
}

TEST(ConditionedBounds, TheGradientReachesTheValueThatBinds) {
  mca::ParamTable table = haswell();
  torch::Tensor units = torch::tensor(model::resourceUnitsOf(table));
  auto latencyColumn = [&](std::size_t instruction) {
    return 2 + instruction * model::TableFeatures::opcodeWidth(table) + model::TableFeatures::kMaxLatency;
  };

  Analysed chain = analysed(kImulChain, table, table);
  model::boundsUnderTable(chain.batch, units).anchor.sum().backward();
  torch::Tensor g = chain.values.grad();
  for (std::size_t i = 0; i < 4; ++i)
    EXPECT_GT(g[latencyColumn(i)].item<double>(), 0) << "imul " << i;
  EXPECT_EQ(g[0].item<double>(), 0);  // dispatch width: not what binds the chain

  Analysed adds = analysed(kAdds, table, table);
  model::boundsUnderTable(adds.batch, units).anchor.sum().backward();
  g = adds.values.grad();
  EXPECT_LT(g[0].item<double>(), 0);  // a wider dispatch, fewer cycles
  EXPECT_EQ(g[latencyColumn(0)].item<double>(), 0);
}

TEST(ConditionedBoundsCli, TrainsPredictsUnderATableAndGivesItsGradient) {
  TempDir dir;
  std::string sample = std::string(SURROGATE_SOURCE_DIR) + "/data/samples/hsw-sample.csv";
  std::string csv = dir.file("blocks.csv", test::headLines(sample, 80));
  auto dataset = test::runSurrogate("--no-progress dataset --blocks " + csv +
                                    " --params-samples 12 --tables-per-block 3 --seed 5 -o " + (dir / "ds"));
  ASSERT_EQ(dataset.exitCode, 0) << dataset.err;
  std::string config = dir.file("tiny.json", R"({"model": {"embedding": 8, "hidden": 8, "bounds": true},
      "training": {"batch_size": 16, "max_epochs": 2, "threads": 2}})");
  auto train = test::runSurrogate("train --dataset " + (dir / "ds") + " --config " + config + " -o " + (dir / "run"));
  ASSERT_EQ(train.exitCode, 0) << train.err;
  nlohmann::json resolved = test::readJson(dir / "run/config.json");
  EXPECT_TRUE(resolved["model"]["bounds"].get<bool>());
  EXPECT_GT(resolved["model"]["inst_features"].get<int>(), 0);

  // The chain under a table whose multiply is 12 cycles slower: the prediction follows the bound.
  std::string blocks = dir.file("predict.csv", "hex\n" + kImulChain + "\n");
  auto exported = test::runSurrogate("params export --mcpu haswell --blocks " + blocks + " -o " + (dir / "default.json"));
  ASSERT_EQ(exported.exitCode, 0) << exported.err;
  nlohmann::json slow = test::readJson(dir / "default.json");
  slow["opcodes"]["IMUL64rr"]["latencies"][0] = slow["opcodes"]["IMUL64rr"]["latencies"][0].get<int>() + 12;
  std::ofstream(dir / "slow.json") << slow.dump(2);
  auto two = test::runSurrogate("predict --model " + (dir / "run") + " --params " + (dir / "default.json") +
                                " --params " + (dir / "slow.json") + " " + blocks);
  ASSERT_EQ(two.exitCode, 0) << two.err;
  std::istringstream lines(two.out);
  std::string header, row;
  std::getline(lines, header);
  ASSERT_TRUE(std::getline(lines, row)) << two.out;
  double atDefault = std::stod(row.substr(row.find(',') + 1)), atSlow = std::stod(row.substr(row.rfind(',') + 1));
  // The bound goes from 1,200 to 6,000; two epochs of correction cannot undo a factor of five.
  EXPECT_GT(atSlow / atDefault, 2.5) << two.out;

  auto gradient = test::runSurrogate("predict --model " + (dir / "run") + " --params " + (dir / "default.json") +
                                     " --gradient -o " + (dir / "grad.json") + " " + blocks);
  ASSERT_EQ(gradient.exitCode, 0) << gradient.err;
  nlohmann::json g = test::readJson(dir / "grad.json");
  EXPECT_GT(g["gradient"].at("opcodes.IMUL64rr.latencies[0]").get<double>(), 0) << g.dump();
}
