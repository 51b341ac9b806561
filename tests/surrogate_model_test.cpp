// The surrogate model, its training loop and its CLI, on tiny models and
// tiny synthetic data.
// label unit: IthemalModel Checkpoint Training
// label cli: Cli BatchPredictor

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include <torch/torch.h>

#include "ModelTestSupport.h"
#include "TestSupport.h"
#include "surrogate/block/Decoder.h"
#include "surrogate/model/Checkpoint.h"
#include "surrogate/model/Ithemal.h"
#include "surrogate/model/Predictor.h"
#include "surrogate/model/TableInputs.h"
#include "surrogate/model/Trainer.h"

using namespace surrogate;
using test::parametersOf;
using test::readJson;
using test::readJsonLines;
using surrogate::test::TempDir;

namespace {

const std::vector<std::string> kInstructions = {"4801d8", "4829d8", "014308", "89048b", "488b442410",
                                                "b905000000", "55", "488d447708", "480fafc3"};

// Blocks built from a few instructions, with a made-up target that depends
// on which instructions they hold, so a model has something to learn.
std::string syntheticCsv(std::size_t blocks) {
  std::string csv = "hex,cycles\n";
  std::uint64_t state = 12345;
  for (std::size_t b = 0; b < blocks; ++b) {
    std::size_t n = 1 + b % 7;
    std::string hex;
    double cycles = 25;
    for (std::size_t i = 0; i < n; ++i) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      std::size_t k = (state >> 33) % kInstructions.size();
      hex += kInstructions[k];
      cycles += 40 + 30 * k;
    }
    csv += hex + "," + std::to_string(static_cast<int>(cycles)) + "\n";
  }
  return csv;
}

block::TokenizedBlock tokenized(const std::string &hex, block::Vocabulary &vocab) {
  block::Decoder decoder;
  block::Tokenizer tokenizer;
  std::vector<llvm::MCInst> insts;
  EXPECT_TRUE(decoder.decode(hex, insts).ok());
  return vocab.encodeAndGrow(tokenizer, insts);
}

model::ModelConfig tinyConfig(std::int64_t vocabularySize) {
  model::ModelConfig c;
  c.vocabularySize = vocabularySize;
  c.embedding = 8;
  c.hidden = 12;
  return c;
}

model::TrainJob tinyJob(const std::string &csv, const std::string &runDir) {
  model::TrainJob job;
  job.data.csv = {csv};
  job.runDir = runDir;
  job.model.embedding = 8;
  job.model.hidden = 16;
  job.training.batchSize = 16;
  job.training.maxEpochs = 4;
  job.training.threads = 1;
  job.training.seed = 7;
  job.training.learningRate = 0.01;
  return job;
}

} // namespace

TEST(IthemalModel, PaddingAndBatchCompanionsDoNotChangeAPrediction) {
  torch::manual_seed(1);
  block::Vocabulary vocab;
  block::TokenizedBlock shortBlock = tokenized("4801d8", vocab);
  block::TokenizedBlock longBlock = tokenized("014308488b442410b905000000554801d8", vocab);
  model::IthemalModel m(tinyConfig(static_cast<std::int64_t>(vocab.size())));
  torch::NoGradGuard noGrad;
  torch::Tensor alone = m->forward(model::makeBatch({&shortBlock}));
  torch::Tensor together = m->forward(model::makeBatch({&longBlock, &shortBlock, &longBlock}));
  ASSERT_EQ(together.size(0), 3);
  EXPECT_NEAR(alone[0].item<double>(), together[1].item<double>(), 1e-5);
  EXPECT_NEAR(together[0].item<double>(), together[2].item<double>(), 1e-6);
  EXPECT_NE(together[0].item<double>(), together[1].item<double>());
}

TEST(IthemalModel, SharedInstructionRowsGiveTheSamePredictions) {
  torch::manual_seed(2);
  block::Vocabulary vocab;
  // add rax,rbx appears in both blocks and twice in the second.
  block::TokenizedBlock a = tokenized("4801d8", vocab);
  block::TokenizedBlock b = tokenized("4801d8014308488b4424104801d8", vocab);
  model::IthemalModel m(tinyConfig(static_cast<std::int64_t>(vocab.size())));
  torch::NoGradGuard noGrad;
  model::BlockBatch plain = model::makeBatch({&a, &b}), shared = model::makeBatch({&a, &b}, true);
  EXPECT_EQ(plain.tokens.size(0), 5);   // a row per instruction
  EXPECT_EQ(shared.tokens.size(0), 3);  // a row per distinct instruction
  EXPECT_TRUE(torch::allclose(m->forward(plain), m->forward(shared), 1e-6, 1e-6));
}

TEST(IthemalModel, ConditionedPredictionHasFiniteNonZeroGradientWrtParameters) {
  torch::manual_seed(2);
  block::Vocabulary vocab;
  block::TokenizedBlock a = tokenized("4801d8488b442410", vocab), b = tokenized("89048b55", vocab);
  model::ModelConfig config = tinyConfig(static_cast<std::int64_t>(vocab.size()));
  config.instFeatures = 5;
  config.globalFeatures = 3;
  model::IthemalModel m(config);
  model::BlockBatch batch = model::makeBatch({&a, &b});
  batch.instFeatures = torch::rand({4, 5}).requires_grad_(true);
  batch.globalFeatures = torch::rand({2, 3}).requires_grad_(true);
  m->toCycles(m->forward(batch)).sum().backward();
  for (const torch::Tensor &g : {batch.instFeatures.grad(), batch.globalFeatures.grad()}) {
    ASSERT_TRUE(g.defined());
    EXPECT_TRUE(torch::isfinite(g).all().item<bool>());
    EXPECT_GT(g.abs().sum().item<double>(), 0);
  }
  // Every instruction's parameters influence its own block's prediction.
  EXPECT_TRUE((batch.instFeatures.grad().abs().sum(1) > 0).all().item<bool>());

  model::BlockBatch missing = model::makeBatch({&a});
  EXPECT_THROW(m->forward(missing), std::invalid_argument);
}

TEST(Checkpoint, SaveLoadRoundTripsModelOptimizerAndState) {
  TempDir dir;
  torch::manual_seed(3);
  block::Vocabulary vocab;
  block::TokenizedBlock a = tokenized("4801d8488b442410", vocab);
  model::IthemalModel m(tinyConfig(static_cast<std::int64_t>(vocab.size())));
  m->setTargetScale(5.0, 0.7);
  torch::optim::Adam adam(m->parameters(), torch::optim::AdamOptions(0.01));
  auto step = [&](model::IthemalModel &model, torch::optim::Adam &opt) {
    opt.zero_grad();
    model->forward(model::makeBatch({&a})).pow(2).sum().backward();
    opt.step();
  };
  step(m, adam);
  model::saveCheckpoint(dir / "c.pt", *m, &adam, {{"epoch", 1}});

  torch::manual_seed(99);  // a different initialisation, overwritten by the load
  model::IthemalModel loaded(tinyConfig(static_cast<std::int64_t>(vocab.size())));
  torch::optim::Adam loadedAdam(loaded->parameters(), torch::optim::AdamOptions(0.01));
  nlohmann::json state = model::loadCheckpoint(dir / "c.pt", *loaded, &loadedAdam);
  EXPECT_EQ(state["epoch"], 1);
  EXPECT_DOUBLE_EQ(loaded->logStd(), m->logStd());

  // One more step on each: identical only if the Adam moments came back too.
  step(m, adam);
  step(loaded, loadedAdam);
  auto p = m->named_parameters(), q = loaded->named_parameters();
  for (const auto &item : p)
    EXPECT_TRUE(torch::equal(item.value(), q[item.key()])) << item.key();

  EXPECT_THROW(model::loadCheckpoint(dir / "missing.pt", *loaded, nullptr), std::runtime_error);
  std::ofstream(dir / "bad.pt") << "not a checkpoint";
  EXPECT_THROW(model::loadCheckpoint(dir / "bad.pt", *loaded, nullptr), std::runtime_error);
}

TEST(Training, ResumedRunEndsWhereAnUninterruptedOneDoes) {
  TempDir dir;
  std::string csv = dir.file("blocks.csv", syntheticCsv(160));
  model::TrainJob whole = tinyJob(csv, dir / "whole");
  nlohmann::json wholeReport = model::runTraining(whole);

  model::TrainJob interrupted = tinyJob(csv, dir / "parts");
  interrupted.stopAfterEpochs = 1;
  model::runTraining(interrupted);
  EXPECT_FALSE(std::filesystem::exists(dir / "parts/report.json"));
  model::TrainJob rest;
  rest.runDir = dir / "parts";
  rest.resume = true;
  rest.stopAfterEpochs = 2;
  model::runTraining(rest);
  rest.stopAfterEpochs.reset();
  nlohmann::json partsReport = model::runTraining(rest);

  for (const char *file : {"latest.pt", "best.pt"}) {
    auto a = parametersOf(dir / "whole", file), b = parametersOf(dir / "parts", file);
    ASSERT_EQ(a.size(), b.size());
    for (const auto &[name, tensor] : a)
      EXPECT_TRUE(torch::equal(tensor, b.at(name))) << file << " " << name;
  }
  auto wholeLines = readJsonLines(dir / "whole/metrics.jsonl"), partLines = readJsonLines(dir / "parts/metrics.jsonl");
  ASSERT_EQ(wholeLines.size(), 4u);
  ASSERT_EQ(partLines.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(wholeLines[i]["train_loss"], partLines[i]["train_loss"]);
    EXPECT_EQ(wholeLines[i]["validation_mape"], partLines[i]["validation_mape"]);
  }
  EXPECT_EQ(wholeReport["test"], partsReport["test"]);
  // Training made progress on the synthetic task.
  EXPECT_LT(wholeLines.back()["train_loss"].get<double>(), wholeLines.front()["train_loss"].get<double>());
}

TEST(Training, RefusesToOverwriteARunAndReportsBadConfigs) {
  TempDir dir;
  std::string csv = dir.file("blocks.csv", syntheticCsv(60));
  model::TrainJob job = tinyJob(csv, dir / "run");
  job.training.maxEpochs = 1;
  model::runTraining(job);
  EXPECT_THROW(model::runTraining(job), std::runtime_error);

  model::ModelConfig m;
  model::TrainingOptions t;
  std::string bad = dir.file("bad.json", R"({"model": {"hiden": 3}})");
  try {
    model::readTrainConfigFile(bad, m, t);
    FAIL();
  } catch (const std::runtime_error &e) {
    EXPECT_NE(std::string(e.what()).find("bad.json"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("hiden"), std::string::npos);
  }
  std::string badLoss = dir.file("loss.json", R"({"training": {"loss": "l7"}})");
  EXPECT_THROW(model::readTrainConfigFile(badLoss, m, t), std::runtime_error);
}

TEST(Cli, TrainPredictEvalRoundTrip) {
  TempDir dir;
  std::string csv = dir.file("blocks.csv", syntheticCsv(80) + "zz,5\n");
  std::string config = dir.file("tiny.json", R"({"model": {"embedding": 8, "hidden": 8},
      "training": {"batch_size": 16, "max_epochs": 2, "threads": 1}})");
  auto train = test::runSurrogate("train --csv " + csv + " --config " + config + " -o " + (dir / "run"));
  ASSERT_EQ(train.exitCode, 0) << train.err;
  EXPECT_NE(train.err.find("blocks.csv:82"), std::string::npos) << train.err;  // the bad row, by line
  for (const char *f : {"config.json", "vocab.txt", "latest.pt", "best.pt", "metrics.jsonl", "report.json"})
    EXPECT_TRUE(std::filesystem::exists(std::filesystem::path(dir / "run") / f)) << f;

  auto predict = test::runSurrogate("predict --model " + (dir / "run") + " " + csv + " -j 2 -o " + (dir / "pred.csv"));
  ASSERT_EQ(predict.exitCode, 0) << predict.err;
  EXPECT_EQ(test::headLines(dir / "pred.csv", 1), "hex,predicted,measured\n");
  auto eval = test::runSurrogate("eval " + (dir / "pred.csv") + " --pred predicted --format json");
  ASSERT_EQ(eval.exitCode, 0) << eval.err;
  EXPECT_EQ(nlohmann::json::parse(eval.out)["overall"]["count"], 80);

  // One thread and two give the same predictions.
  auto one = test::runSurrogate("predict --model " + (dir / "run") + " " + csv + " -j 1 -o " + (dir / "pred1.csv"));
  ASSERT_EQ(one.exitCode, 0);
  // (To float rounding: the threads' batches differ, so BLAS sums in another order; seen as 648.6041 vs 648.6044.)
  std::istringstream two(test::headLines(dir / "pred.csv", 100)), single(test::headLines(dir / "pred1.csv", 100));
  std::string a, b;
  std::size_t rows = 0;
  while (std::getline(two, a) && std::getline(single, b)) {
    if (rows++ == 0) { EXPECT_EQ(a, b); continue; }
    EXPECT_EQ(a.substr(0, a.find(',')), b.substr(0, b.find(',')));  // same block, same order
    double pa = std::stod(a.substr(a.find(',') + 1)), pb = std::stod(b.substr(b.find(',') + 1));
    EXPECT_NEAR(pa, pb, 1e-5 * std::abs(pb)) << a << " vs " << b;
  }
  EXPECT_EQ(rows, 81u);

  auto missing = test::runSurrogate("predict --model " + (dir / "nowhere") + " " + csv);
  EXPECT_NE(missing.exitCode, 0);
  EXPECT_NE(missing.err.find("nowhere"), std::string::npos);
}

TEST(Training, DataParallelThreadsComputeTheSameGradientAsOne) {
  TempDir dir;
  std::string csv = dir.file("blocks.csv", syntheticCsv(120));
  model::TrainJob one = tinyJob(csv, dir / "one");
  one.training.maxEpochs = 2;
  model::TrainJob two = one;
  two.runDir = dir / "two";
  two.training.threads = 2;
  model::runTraining(one);
  model::runTraining(two);
  auto a = readJsonLines(dir / "one/metrics.jsonl"), b = readJsonLines(dir / "two/metrics.jsonl");
  ASSERT_EQ(a.size(), 2u);
  ASSERT_EQ(b.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    // The same sums in another order: equal up to float rounding.
    EXPECT_NEAR(a[i]["train_loss"].get<double>(), b[i]["train_loss"].get<double>(), 1e-5);
    EXPECT_NEAR(a[i]["validation_mape"].get<double>(), b[i]["validation_mape"].get<double>(), 1e-4);
  }
}

namespace {

// A tiny conditioned model trained in dir/run on the synthetic blocks under 12 sampled tables.
test::CommandResult trainTinyConditioned(const TempDir &dir) {
  std::string csv = dir.file("blocks.csv", syntheticCsv(40));
  auto dataset = test::runSurrogate("--no-progress dataset --blocks " + csv +
                                    " --params-samples 12 --tables-per-block 3 --seed 5 -o " + (dir / "ds"));
  EXPECT_EQ(dataset.exitCode, 0) << dataset.err;
  std::string config = dir.file("tiny.json", R"({"model": {"embedding": 8, "hidden": 8},
      "training": {"batch_size": 16, "max_epochs": 2, "threads": 2}})");
  return test::runSurrogate("train --dataset " + (dir / "ds") + " --config " + config + " -o " + (dir / "run"));
}

} // namespace

TEST(Cli, ConditionedTrainingOnASampledDatasetScoresHeldOutTables) {
  TempDir dir;
  auto train = trainTinyConditioned(dir);
  ASSERT_EQ(train.exitCode, 0) << train.err;
  nlohmann::json report = nlohmann::json::parse(train.out);
  EXPECT_EQ(report["held_out_tables"].size(), 1u);
  EXPECT_TRUE(report.contains("test")) << report.dump();
  std::ifstream in(dir / "run/config.json");
  nlohmann::json resolved = nlohmann::json::parse(in);
  EXPECT_GT(resolved["model"]["inst_features"].get<int>(), 0);
  EXPECT_EQ(resolved["model"]["global_features"], 2);

  // Extending a finished run by --epochs on resume trains the extra epoch only.
  auto more = test::runSurrogate("train --resume " + (dir / "run") + " --epochs 3");
  ASSERT_EQ(more.exitCode, 0) << more.err;
  EXPECT_EQ(nlohmann::json::parse(more.out)["epochs"], 3);
}

TEST(Training, UnknownTokenRateTrainsTheUnknownEmbedding) {
  TempDir dir;
  std::string csv = dir.file("blocks.csv", syntheticCsv(80));
  auto unknownRow = [&](double rate, const std::string &name) {
    model::TrainJob job = tinyJob(csv, dir / name);
    job.training.maxEpochs = 1;
    job.training.unknownTokenRate = rate;
    model::runTraining(job);
    return parametersOf(dir / name, "latest.pt").at("embedding.weight")[block::Vocabulary::kUnknownId];
  };
  torch::Tensor untouched = unknownRow(0, "plain"), trained = unknownRow(0.3, "dropout");
  // The same initial weights (same seed): only token dropout moves the <UNK> row.
  std::ifstream in(std::filesystem::path(dir / "plain") / "config.json");
  torch::manual_seed(7);
  model::IthemalModel initial(model::ModelConfig::fromJson(nlohmann::json::parse(in).at("model")));
  torch::Tensor initialRow = initial->named_parameters()["embedding.weight"][block::Vocabulary::kUnknownId];
  EXPECT_TRUE(torch::equal(untouched, initialRow));
  EXPECT_FALSE(torch::equal(trained, initialRow));
}

TEST(Cli, ConditionedPredictFollowsTheTableAndGivesItsGradient) {
  TempDir dir;
  auto train = trainTinyConditioned(dir);
  ASSERT_EQ(train.exitCode, 0) << train.err;
  std::string run = dir / "run";
  // add rax, rbx; imul rax, rbx (ADD64rr, IMUL64rr). The table also covers push rbp (PUSH64r), which they do not use.
  std::string blocks = dir.file("predict.csv", "hex\n4801d8480fafc3\n480fafc34801d8480fafc3\n");
  std::string tableBlocks = dir.file("table-blocks.csv", "hex\n4801d8480fafc3\n55\n");
  auto exported = test::runSurrogate("params export --mcpu haswell --blocks " + tableBlocks + " -o " + (dir / "default.json"));
  ASSERT_EQ(exported.exitCode, 0) << exported.err;
  nlohmann::json slow = readJson(dir / "default.json");
  ASSERT_TRUE(slow["opcodes"].contains("IMUL64rr")) << slow["opcodes"].dump();
  ASSERT_TRUE(slow["opcodes"].contains("PUSH64r")) << slow["opcodes"].dump();
  slow["opcodes"]["IMUL64rr"]["latencies"][0] = slow["opcodes"]["IMUL64rr"]["latencies"][0].get<int>() + 12;
  std::ofstream(dir / "slow.json") << slow.dump(2);

  auto two = test::runSurrogate("predict --model " + run + " --params " + (dir / "default.json") + " --params " +
                                (dir / "slow.json") + " " + blocks);
  ASSERT_EQ(two.exitCode, 0) << two.err;
  std::istringstream lines(two.out);
  std::string header, row;
  std::getline(lines, header);
  EXPECT_EQ(header, "hex,predicted_default,predicted_slow");
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(std::getline(lines, row)) << two.out;
    auto a = row.find(','), b = row.rfind(',');
    EXPECT_NE(std::stod(row.substr(a + 1, b - a - 1)), std::stod(row.substr(b + 1))) << row;
  }

  auto gradient = test::runSurrogate("predict --model " + run + " --params " + (dir / "default.json") +
                                     " --gradient -o " + (dir / "grad.json") + " " + blocks);
  ASSERT_EQ(gradient.exitCode, 0) << gradient.err;
  nlohmann::ordered_json g = nlohmann::ordered_json::parse(std::ifstream(dir / "grad.json"));
  EXPECT_EQ(g["blocks"], 2);
  const auto &values = g["gradient"];
  EXPECT_NE(values.at("opcodes.IMUL64rr.latencies[0]").get<double>(), 0.0);
  EXPECT_EQ(values.at("opcodes.PUSH64r.micro_ops").get<double>(), 0.0);
  double previous = std::numeric_limits<double>::infinity();
  for (const auto &[key, value] : values.items()) {  // largest magnitude first
    EXPECT_LE(std::abs(value.get<double>()), previous) << key;
    previous = std::abs(value.get<double>());
  }

  // bench surrogate times the conditioned model and llvm-mca under the same table.
  auto bench = test::runSurrogate("bench surrogate --model " + run + " --params " + (dir / "slow.json") + " " + blocks +
                                  " -n 2 --threads 1 --format json");
  ASSERT_EQ(bench.exitCode, 0) << bench.err;
  nlohmann::json b = nlohmann::json::parse(bench.out);
  EXPECT_EQ(b["params"], dir / "slow.json");
  EXPECT_GT(b["surrogate"][0]["blocks_per_second"].get<double>(), 0);
  EXPECT_GT(b["mca"]["in_process"][0]["params_blocks_per_second"].get<double>(), 0);

  // Bad input: a missing table, no table for a conditioned model, --gradient with two tables.
  auto missing = test::runSurrogate("predict --model " + run + " --params " + (dir / "nope.json") + " " + blocks);
  EXPECT_EQ(missing.exitCode, 1);
  EXPECT_NE(missing.err.find(dir / "nope.json"), std::string::npos) << missing.err;
  auto none = test::runSurrogate("predict --model " + run + " " + blocks);
  EXPECT_EQ(none.exitCode, 1);
  EXPECT_NE(none.err.find("--params"), std::string::npos) << none.err;
  auto twoGradients = test::runSurrogate("predict --model " + run + " --params " + (dir / "default.json") +
                                         " --params " + (dir / "slow.json") + " --gradient " + blocks);
  EXPECT_EQ(twoGradients.exitCode, 1);
  EXPECT_NE(twoGradients.err.find("--gradient takes exactly one --params table"), std::string::npos) << twoGradients.err;
}

// A throw on one of predict's worker threads (here TableInputs', for an
// opcode the table was never asked to cover) comes back to the caller as an
// exception, which the command's one handler prints with exit 1, instead of
// ending the process in std::terminate.
TEST(BatchPredictor, AWorkerThreadsErrorReachesTheCaller) {
  TempDir dir;
  auto train = trainTinyConditioned(dir);
  ASSERT_EQ(train.exitCode, 0) << train.err;
  std::string tableBlocks = dir.file("table-blocks.csv", "hex\n4801d8\n");
  auto exported = test::runSurrogate("params export --mcpu haswell --blocks " + tableBlocks + " -o " + (dir / "t.json"));
  ASSERT_EQ(exported.exitCode, 0) << exported.err;
  model::TableInputs table(mca::ParamTable::load(dir / "t.json"), dir / "t.json");
  std::vector<block::BasicBlock> blocks;
  for (const char *hex : {"4801d8", "4801d8", "480fafc3", "4801d8"}) {  // the third: IMUL64rr, never covered
    block::BasicBlock b;
    b.hex = hex;
    blocks.push_back(b);
  }
  model::BatchPredictor predictor(dir / "run", /*threads=*/2, /*batchSize=*/1);
  EXPECT_THROW(predictor.run(blocks, &table), std::logic_error);
  table.cover(blocks);  // once covered, the same blocks predict on both threads
  std::vector<model::PredictionOutcome> outcomes = predictor.run(blocks, &table);
  ASSERT_EQ(outcomes.size(), 4u);
  for (const auto &o : outcomes)
    EXPECT_TRUE(o.cycles.has_value()) << o.problem;
}

TEST(Cli, UnconditionedModelRefusesAParameterTable) {
  TempDir dir;
  std::string blocks = dir.file("blocks.csv", "hex\n4801d8480fafc3\n");
  auto exported = test::runSurrogate("params export --mcpu haswell --blocks " + blocks + " -o " + (dir / "t.json"));
  ASSERT_EQ(exported.exitCode, 0) << exported.err;
  std::string model = std::string(SURROGATE_SOURCE_DIR) + "/data/models/haswell";
  auto r = test::runSurrogate("predict --model " + model + " --params " + (dir / "t.json") + " " + blocks);
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.err.find("not a parameter-conditioned model"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(dir / "t.json"), std::string::npos) << r.err;
}

// training.exclude_blocks: listed blocks leave training (weight 0) and
// validation; down-weighted ones stay in training with a smaller loss; the
// test split is scored whole either way.
TEST(Training, ListedBlocksLeaveTrainingAndValidationButNotTest) {
  TempDir dir;
  std::string csvText = syntheticCsv(240);
  std::string csv = dir.file("blocks.csv", csvText);
  // Every third row's block, hex only, upper case (matched by bytes).
  std::string listText;
  std::istringstream rows(csvText);
  std::string row;
  std::getline(rows, row);
  for (std::size_t i = 0; std::getline(rows, row); ++i)
    if (i % 3 == 0) {
      std::string hex = row.substr(0, row.find(','));
      for (char &c : hex) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      listText += hex + "\n";
    }
  std::string list = dir.file("listed.csv", listText);

  model::TrainJob base = tinyJob(csv, dir / "base");
  base.training.maxEpochs = 1;
  nlohmann::json all = model::runTraining(base);
  EXPECT_FALSE(all.contains("excluded_blocks"));

  model::TrainJob dropped = tinyJob(csv, dir / "dropped");
  dropped.training.maxEpochs = 1;
  dropped.training.excludeBlocks = {list};
  nlohmann::json d = model::runTraining(dropped);
  const nlohmann::json &x = d.at("excluded_blocks");
  EXPECT_GT(x["train_examples_listed"].get<std::size_t>(), 0u);
  EXPECT_GT(x["validation_examples_dropped"].get<std::size_t>() + x["test_examples_listed_and_kept"].get<std::size_t>(), 0u);
  EXPECT_EQ(d["train_examples"].get<std::size_t>(),
            all["train_examples"].get<std::size_t>() - x["train_examples_listed"].get<std::size_t>());
  EXPECT_EQ(d["validation_examples"].get<std::size_t>(),
            all["validation_examples"].get<std::size_t>() - x["validation_examples_dropped"].get<std::size_t>());
  EXPECT_EQ(d["test_examples"], all["test_examples"]);
  EXPECT_EQ(d["test"]["count"], all["test"]["count"]);

  model::TrainJob weighted = tinyJob(csv, dir / "weighted");
  weighted.training.maxEpochs = 1;
  weighted.training.excludeBlocks = {list};
  weighted.training.excludeWeight = 0.25;
  nlohmann::json w = model::runTraining(weighted);
  EXPECT_EQ(w["train_examples"], all["train_examples"]);
  EXPECT_EQ(w["validation_examples"], d["validation_examples"]);
  EXPECT_EQ(w["test_examples"], all["test_examples"]);
  double baseLoss = readJsonLines(dir / "base/metrics.jsonl")[0]["train_loss"];
  double weightedLoss = readJsonLines(dir / "weighted/metrics.jsonl")[0]["train_loss"];
  EXPECT_LT(weightedLoss, baseLoss);  // a quarter of the listed examples' loss

  // The resolved config keeps the list, so a resumed run trains on the same examples.
  std::ifstream config(dir / "weighted/config.json");
  EXPECT_EQ(nlohmann::json::parse(config)["training"]["exclude_weight"], 0.25);

  // A bad row names the file and line; the CLI takes the list too.
  std::string bad = dir.file("bad.csv", listText.substr(0, listText.find('\n') + 1) + "xyz\n");
  model::TrainJob refused = tinyJob(csv, dir / "refused");
  refused.training.excludeBlocks = {bad};
  try {
    model::runTraining(refused);
    FAIL();
  } catch (const std::exception &e) {
    EXPECT_NE(std::string(e.what()).find("bad.csv:2"), std::string::npos) << e.what();
  }
  std::string tiny = dir.file("tiny.json", R"({"model": {"embedding": 8, "hidden": 8},
      "training": {"batch_size": 16, "max_epochs": 1, "threads": 1}})");
  auto cli = test::runSurrogate("train --csv " + csv + " --config " + tiny + " --exclude-blocks " + list + " -o " +
                                (dir / "cli"));
  ASSERT_EQ(cli.exitCode, 0) << cli.err;
  EXPECT_EQ(nlohmann::json::parse(cli.out)["excluded_blocks"]["train_examples_listed"], x["train_examples_listed"]);
  EXPECT_NE(cli.err.find("training.exclude_blocks"), std::string::npos) << cli.err;
}

// The guard of a conditioned model: calibrated and asked under one table, the unsure blocks answered by
// llvm-mca under that same table; the surrogate's answers unchanged where it is sure.
TEST(Cli, ConditionedGuardAnswersUnsureBlocksWithLlvmMcaUnderTheSameTable) {
  TempDir dir;
  auto train = trainTinyConditioned(dir);
  ASSERT_EQ(train.exitCode, 0) << train.err;
  std::string run = dir / "run", blocks = dir / "blocks.csv";
  auto exported = test::runSurrogate("params export --mcpu haswell --blocks " + blocks + " -o " + (dir / "t.json"));
  ASSERT_EQ(exported.exitCode, 0) << exported.err;
  std::string table = dir / "t.json";
  auto calibrate = test::runSurrogate("--no-progress guard calibrate --model " + run + " --guard-params " + table +
                                      " --split all --target-mape 5 " + blocks);
  ASSERT_EQ(calibrate.exitCode, 0) << calibrate.err;
  auto plain = test::runSurrogate("predict --model " + run + " --params " + table + " " + blocks);
  auto sure = test::runSurrogate("predict --guard --guard-threshold 1 --model " + run + " --params " + table + " " +
                                 blocks);
  auto unsure = test::runSurrogate("predict --guard --guard-threshold 0 --model " + run + " --params " + table + " " +
                                   blocks);
  auto mca = test::runSurrogate("simulate --params " + table + " " + blocks);
  ASSERT_EQ(sure.exitCode, 0) << sure.err;
  ASSERT_EQ(unsure.exitCode, 0) << unsure.err;
  std::istringstream p(plain.out), s(sure.out), u(unsure.out), m(mca.out);
  std::string pl, sl, ul, ml;
  std::getline(p, pl), std::getline(s, sl), std::getline(u, ul), std::getline(m, ml);  // headers
  EXPECT_EQ(sl.rfind("hex,predicted,uncertainty,source", 0), 0u) << sl;
  std::size_t rows = 0;
  while (std::getline(p, pl) && std::getline(s, sl) && std::getline(u, ul) && std::getline(m, ml)) {
    ++rows;
    auto field = [](const std::string &line, int k) {
      std::istringstream f(line);
      std::string v;
      for (int i = 0; i <= k; ++i)
        std::getline(f, v, ',');
      return v;
    };
    EXPECT_EQ(field(sl, 1), field(pl, 1)) << sl;      // threshold 1: every answer the surrogate's
    EXPECT_EQ(field(sl, 3), "surrogate") << sl;
    EXPECT_EQ(field(ul, 3), "llvm-mca") << ul;         // threshold 0: every answer llvm-mca's, under the table
    EXPECT_EQ(std::stod(field(ul, 1)), std::stod(field(ml, 1))) << ul << " vs " << ml;
  }
  EXPECT_EQ(rows, 40u);
  auto two = test::runSurrogate("predict --guard --model " + run + " --params " + table + " --params " + table + " " +
                                blocks);
  EXPECT_EQ(two.exitCode, 1);
  EXPECT_NE(two.err.find("exactly one --params table"), std::string::npos) << two.err;
  auto noTable = test::runSurrogate("--no-progress guard calibrate --model " + run + " --split all " + blocks);
  EXPECT_EQ(noTable.exitCode, 1);
  EXPECT_NE(noTable.err.find("--guard-params"), std::string::npos) << noTable.err;
}
