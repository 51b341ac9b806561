// RunPreparation: a training run's job, examples, directory and weights before its first epoch.

#include "surrogate/model/RunPreparation.h"

#include <filesystem>
#include <map>
#include <stdexcept>

#include <spdlog/spdlog.h>

#include "surrogate/block/Decoder.h"
#include "surrogate/data/Dataset.h"
#include "surrogate/model/BoundFeatures.h"
#include "surrogate/support/Errors.h"
#include "surrogate/model/Batches.h"
#include "surrogate/model/Checkpoint.h"
#include "surrogate/model/TableBounds.h"

namespace fs = std::filesystem;

namespace surrogate::model {

namespace {

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
  p.job.model.varianceHead |= p.job.training.varianceHead;
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

// The bounds model's inputs, each example's from its decoded block under
// the model's CPU (a dataset's own when none is named); an example llvm-mca
// cannot analyse is reported and left out, as a bad row is.
void attachBounds(PreparedRun &p) {
  ModelConfig &model = p.job.model;
  if (!model.bounds)
    return;
  if (model.boundsCpu.empty() && !p.job.data.dataset.empty())
    model.boundsCpu = data::Dataset::open(p.job.data.dataset).cpu();
  if (model.boundsCpu.empty())
    throw support::ConfigError("model.bounds needs model.bounds_cpu, the CPU whose scheduling model gives them");
  BoundFeaturizer featurizer(model.boundsCpu);
  // A conditioned model's examples are analysed under their own tables.
  std::map<std::uint32_t, BoundFeaturizer> underTable;
  auto featurizerOf = [&](const TrainingExample &e) -> BoundFeaturizer & {
    auto it = underTable.find(e.paramsId);
    if (it == underTable.end())
      it = underTable.emplace(e.paramsId, BoundFeaturizer(p.features->table(e.paramsId),
                                                          "parameter table " + std::to_string(e.paramsId)))
               .first;
    return it->second;
  };
  block::Decoder decoder;
  std::vector<llvm::MCInst> insts;
  std::vector<TrainingExample> kept;
  kept.reserve(p.loaded.examples.size());
  std::size_t left = 0;
  for (TrainingExample &e : p.loaded.examples) {
    std::string problem = "the block does not decode";
    bool analysed = false;
    if (decoder.decode(e.hex, insts).ok() && !insts.empty()) {
      if (p.conditioned) {
        std::optional<BoundStructure> s = featurizerOf(e).structureOf(insts, problem);
        if ((analysed = s && s->weights.size() == e.opcodes.size()))
          e.bounds = s->flat();
      } else if (std::optional<BlockBounds> b = featurizer.of(insts, problem)) {
        analysed = true;
        e.bounds.assign(1, b->anchor);
        e.bounds.insert(e.bounds.end(), b->features.begin(), b->features.end());
      }
    }
    if (!analysed) {
      if (++left <= 5)
        spdlog::warn("block {}: {} (skipped)", e.hex, problem);
      continue;
    }
    kept.push_back(std::move(e));
  }
  if (left > 0)
    spdlog::warn("{} example(s) without scheduling bounds left out", left);
  p.loaded.skipped += left;
  p.loaded.examples = std::move(kept);
}

} // namespace

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
  attachBounds(p);
  return p;
}

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

IthemalModel initialModel(const PreparedRun &p, const Splits &splits, const torch::Device &device) {
  torch::manual_seed(p.job.training.seed);
  IthemalModel model(p.job.model);
  if (!p.job.initFrom.empty()) {
    RunDir from(p.job.initFrom);
    if (from.modelConfig().varianceHead == p.job.model.varianceHead) {
      loadCheckpoint(from.bestPath(), *model, nullptr);
    } else {
      // A variance head added to a model without one: every other weight comes from it.
      IthemalModel start(from.modelConfig());
      loadCheckpoint(from.bestPath(), *start, nullptr);
      copyMatching(*start, *model);
    }
    spdlog::info("starting from the weights of {}", p.job.initFrom);
  } else {
    auto [logMean, logStd] = logMeanStd(p.loaded.examples, splits.train);
    model->setTargetScale(logMean, logStd);
    if (p.conditioned && p.job.model.bounds && !p.loaded.examples.empty())
      model->setResourceUnits(resourceUnitsOf(p.features->table(p.loaded.examples.front().paramsId)));
  }
  model->to(device);
  return model;
}

} // namespace surrogate::model
