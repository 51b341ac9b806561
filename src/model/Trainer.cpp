// runTraining: the training loop, epoch by epoch, and torchrun's hand-over of training steps.

#include "surrogate/model/Trainer.h"

#include <chrono>
#include <ctime>
#include <memory>
#include <stdexcept>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "surrogate/data/BlockSet.h"
#include "surrogate/model/Batches.h"
#include "surrogate/model/BlasThreads.h"
#include "surrogate/model/Checkpoint.h"
#include "surrogate/model/DataParallel.h"
#include "surrogate/model/ExampleSplits.h"
#include "surrogate/model/ModelExport.h"
#include "surrogate/model/Replicas.h"
#include "surrogate/model/RunPreparation.h"
#include "surrogate/model/TrainReport.h"
#include "surrogate/model/TrainState.h"
#include "surrogate/support/AtomicFile.h"
#include "surrogate/support/DirLock.h"
#include "surrogate/support/Progress.h"
#include "surrogate/support/Seconds.h"

namespace surrogate::model {

using support::Clock;
using support::secondsSince;

namespace {

void setLearningRate(torch::optim::Adam &optimizer, double lr) {
  for (auto &group : optimizer.param_groups())
    static_cast<torch::optim::AdamOptions &>(group.options()).lr(lr);
}

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
    if (opt.gradClip > 0) {
      torch::nn::utils::clip_grad_norm_(model->predictionParameters(), opt.gradClip);
      if (auto head = model->varianceParameters(); !head.empty())
        torch::nn::utils::clip_grad_norm_(head, opt.gradClip);
    }
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
DataParallelGroup joinLaunch(TrainJob &job, const RunDir &run, StepHandover *handover) {
  if (handover)
    handover->publish(trainJobToJson(job).dump());
  DataParallelGroup group = DataParallelGroup::fromEnvironment(job.distTimeout);
  if (group.restartCount() > 0 && !job.resume && run.hasConfig()) {
    spdlog::info("restart {} of the group: resuming {}", group.restartCount(), job.runDir);
    job.resume = true;
  }
  return group;
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

// A fresh schedule, or a resumed run's from its latest checkpoint (weights
// and optimiser loaded too).
TrainState startingState(const PreparedRun &p, const RunDir &run, DataParallelGroup &group, IthemalModel &model,
                         torch::optim::Adam &optimizer) {
  TrainState state;
  state.learningRate = p.job.training.learningRate;
  if (p.job.resume && run.hasLatest()) {
    state = TrainState::fromJson(loadCheckpoint(run.latestPath(), *model, &optimizer));
    setLearningRate(optimizer, state.learningRate);
    spdlog::info("resuming {} after epoch {}", p.job.runDir, state.epoch);
    if (group.isWriter())  // a kill between latest.pt and metrics.jsonl left the file an epoch behind
      writeLines(run.file("metrics.jsonl"), state.history);
  }
  return state;
}

} // namespace

nlohmann::json runTraining(const TrainJob &jobGiven, StepHandover *handover) {
  TrainJob jobIn = jobGiven;
  RunDir run(jobIn.runDir);
  DataParallelGroup group = joinLaunch(jobIn, run, handover);
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
  TrainState state = startingState(p, run, group, model, optimizer);
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
        scoreExamples(examples, splits.validation,
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
  if (group.isWriter()) {
    support::writeFileAtomically(run.file("report.json"), report.dump(2) + "\n");
    writeModelFile(run.path(), RunDir::kBest);  // the deployable file of the best checkpoint
  }
  group.barrier();
  return report;
}

} // namespace surrogate::model
