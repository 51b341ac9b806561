// The learnt variance head (training.variance_head): its likelihood term
// trains the head and leaves the prediction to the loss; it is added to a
// starting model without changing what that model predicts; a run with it
// predicts what the same run without it does, to the byte; and a run that
// adds it writes a model file the lean engine reads, whose standard
// deviation `guard calibrate` offers as the learnt_sigma signal.
// label unit: VarianceHead
// label cli: VarianceHeadCli

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "TestSupport.h"
#include "surrogate/model/Batches.h"
#include "surrogate/model/Checkpoint.h"
#include "surrogate/model/Ithemal.h"
#include "surrogate/model/ModelFile.h"
#include "surrogate/model/RunDir.h"
#include "surrogate/model/Trainer.h"

using namespace surrogate;
using surrogate::test::TempDir;

namespace {

model::ModelConfig smallConfig(bool varianceHead) {
  model::ModelConfig c;
  c.vocabularySize = 20;
  c.embedding = 6;
  c.hidden = 8;
  c.varianceHead = varianceHead;
  return c;
}

// A small token model trained briefly on the first 300 blocks of the project's sample (`csv`, written into `dir`).
model::TrainJob tinyJob(TempDir &dir, std::string &csv) {
  std::string sample = std::string(SURROGATE_SOURCE_DIR) + "/data/samples/hsw-sample.csv";
  csv = dir.file("train.csv", "hex,cycles\n" + test::headLines(sample, 300));
  model::TrainJob job;
  job.data.csv = {csv};
  job.model.embedding = 8;
  job.model.hidden = 12;
  job.training.batchSize = 16;
  return job;
}

model::BlockBatch smallBatch() {
  block::TokenizedBlock a = {{3, 4, 5}, {6, 7}}, b = {{8, 9, 10, 11}};
  return model::makeBatch({&a, &b});
}

} // namespace

TEST(VarianceHead, ItsLikelihoodTermMovesTheHeadAndLeavesThePredictionToTheLoss) {
  torch::manual_seed(3);
  model::IthemalModel m(smallConfig(true));
  m->setTargetScale(5, 0.5);
  torch::Tensor target = torch::tensor({0.3f, -0.2f});
  auto gradOfZ = [&](bool withVariance, torch::Tensor *logVarianceGrad) {
    torch::Tensor z = torch::tensor({0.1f, 0.4f}).requires_grad_(true);
    torch::Tensor logVariance = torch::tensor({-3.0f, 1.0f}).requires_grad_(true);
    model::ModelOutput out{z, withVariance ? logVariance : torch::Tensor()};
    model::lossOf(m, out, target, model::Loss::Mape, torch::Tensor()).backward();
    if (logVarianceGrad)
      *logVarianceGrad = logVariance.grad();
    return z.grad();
  };
  torch::Tensor headGrad;
  EXPECT_TRUE(torch::allclose(gradOfZ(true, &headGrad), gradOfZ(false, nullptr)));
  // The errors are 0.1 and 0.3 in log cycles, both below the standard deviations the head gave (e^-1.5 = 0.22
  // and e^0.5 = 1.6): both variances should fall, the one further off faster.
  ASSERT_TRUE(headGrad.defined());
  EXPECT_GT(headGrad[0].item<float>(), 0);
  EXPECT_GT(headGrad[1].item<float>(), headGrad[0].item<float>());
}

TEST(VarianceHead, AddedToAStartingModelItChangesNoPrediction) {
  torch::manual_seed(5);
  model::IthemalModel start(smallConfig(false)), withHead(smallConfig(true));
  start->setTargetScale(5, 0.5);
  model::copyMatching(*start, *withHead);
  model::BlockBatch batch = smallBatch();
  torch::NoGradGuard noGrad;
  EXPECT_TRUE(torch::allclose(start->forward(batch), withHead->forward(batch)));
  model::ModelOutput out = withHead->forwardWithVariance(batch);
  ASSERT_TRUE(out.logVariance.defined());
  EXPECT_NEAR(out.logVariance[0].item<float>(), 2 * std::log(0.1), 1e-5);  // 10% for every block, at first
  // The other way, a tensor the target lacks, is refused by name.
  try {
    model::copyMatching(*withHead, *start);
    ADD_FAILURE() << "copyMatching into a model without the head should throw";
  } catch (const std::runtime_error &e) {
    EXPECT_NE(std::string(e.what()).find("variance_head"), std::string::npos) << e.what();
  }
}

TEST(VarianceHeadCli, TrainingTheHeadLeavesThePredictionsAsTheyWere) {
  TempDir dir;
  std::string csv;
  model::TrainJob job = tinyJob(dir, csv);
  job.model.bounds = true;
  job.model.boundsCpu = "haswell";
  job.model.boundsHidden = 6;
  job.training.maxEpochs = 2;
  job.training.threads = 2;
  job.runDir = dir / "plain";
  model::runTraining(job);
  job.runDir = dir / "head";
  job.training.varianceHead = true;
  model::runTraining(job);
  auto bytes = [](const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
  };
  std::string plain = bytes(dir / "plain/test_predictions.csv");
  EXPECT_GT(plain.size(), 100u);
  EXPECT_EQ(plain, bytes(dir / "head/test_predictions.csv"));
  EXPECT_EQ(model::ModelFile::load(dir / "head/model.smodel").architecture(), "lstm+bounds+variance");
}

TEST(VarianceHeadCli, ARunAddsTheHeadToItsStartingModelAndTheGuardOffersItsSigma) {
  TempDir dir;
  std::string csv;
  model::TrainJob start = tinyJob(dir, csv);
  start.runDir = dir / "start";
  start.training.maxEpochs = 1;
  start.training.threads = 1;
  model::runTraining(start);

  model::TrainJob adapted = start;
  adapted.runDir = dir / "adapted";
  adapted.initFrom = dir / "start";
  adapted.training.varianceHead = true;
  adapted.training.maxEpochs = 2;
  model::runTraining(adapted);
  EXPECT_TRUE(model::RunDir(dir / "adapted").modelConfig().varianceHead);
  model::ModelFile file = model::ModelFile::load(dir / "adapted/model.smodel");
  EXPECT_EQ(file.architecture(), "lstm+variance");

  auto calibrate = test::runSurrogate("--no-progress guard calibrate --model " + (dir / "adapted") +
                                      " --split all --mcpu haswell --target-mape 50 " + csv);
  ASSERT_EQ(calibrate.exitCode, 0) << calibrate.err;
  std::ifstream in(dir / "adapted/guard_report.md");
  std::string report((std::istreambuf_iterator<char>(in)), {});
  EXPECT_NE(report.find("learnt_sigma"), std::string::npos) << report;
  auto guarded = test::runSurrogate("predict --guard --guard-threshold 1 --model " + (dir / "adapted") + " " + csv);
  ASSERT_EQ(guarded.exitCode, 0) << guarded.err;
}
