#include "surrogate/patterns/Optimize.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <random>
#include <sstream>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <torch/torch.h>

#include "surrogate/block/Target.h"
#include "surrogate/data/Dataset.h"
#include "surrogate/mca/BatchRunner.h"
#include "surrogate/mca/TableGenWriter.h"
#include "surrogate/mca/TunedSubtarget.h"
#include "surrogate/model/FrozenSurrogate.h"
#include "surrogate/model/Metrics.h"
#include "surrogate/model/RunDir.h"
#include "surrogate/patterns/Deployment.h"
#include "surrogate/patterns/OptimizeReport.h"
#include "surrogate/support/AtomicFile.h"
#include "surrogate/support/DirLock.h"

namespace surrogate::patterns {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

nlohmann::json optimizeReference() {
  return {{"source", "Renda, Chen, Mendis, Carbin, 'DiffTune: Optimizing CPU Simulator Parameters with Learned "
                     "Differentiable Surrogates' (MICRO 2020)"},
          {"finding", "tables learnt through a surrogate lower llvm-mca's error against measured timings below "
                      "the default tables' (about a quarter fewer errors on some CPUs) and below OpenTuner's "
                      "black-box search with the same budget of simulations"}};
}

namespace {

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

TableScores scoreTables(const std::vector<block::BasicBlock> &blocks, const std::vector<double> &d,
                        const llvm::MCSubtargetInfo &tuned, const llvm::MCSubtargetInfo &blackbox, unsigned threads) {
  TableScores t;
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

// --- the phases ---

DatasetPhase buildSampledDataset(const PatternConfig &config, const OptimizeSettings &s, const fs::path &runDir,
                                 bool resume) {
  DatasetPhase p;
  p.measured = s.measuredSample > 0
                   ? (fs::exists(runDir / "measured.csv") && resume
                          ? (runDir / "measured.csv").string()
                          : sampleMeasured(config.measured, s.measuredSample, config.seed, runDir))
                   : config.measured;
  data::DatasetConfig d = datasetSettings(config, (runDir / "dataset").string());
  d.measuredFiles = {p.measured};
  d.paramsSamples = s.paramsSamples;
  d.tablesPerBlock = s.tablesPerBlock;
  d.perturbProbability = s.perturbProbability;
  spdlog::info("parameter-sampled dataset in {}: {} tables, {} per block, each value redrawn with probability {}",
               d.output, s.paramsSamples, s.tablesPerBlock, s.perturbProbability);
  ensureDataset(d);
  p.dir = d.output;
  p.simulations = data::Dataset::open(p.dir).exampleCount();
  return p;
}

SurrogatePhase trainSurrogate(const PatternConfig &config, const DatasetPhase &dataset, const fs::path &runDir) {
  SurrogatePhase p;
  p.dir = (runDir / "surrogate").string();
  model::TrainJob job = trainJobFor(config, p.dir);
  job.data.dataset = dataset.dir;
  p.report = ensureTrained(job);
  model::RunDir run(p.dir);
  p.model = run.modelConfig();
  p.loss = run.config().at("training").at("loss").get<std::string>();
  p.parameters = modelParameterCount(p.dir);
  return p;
}

std::vector<unsigned> opcodesOf(const std::vector<block::BasicBlock> &blocks) {
  std::vector<unsigned> opcodes;
  for (const auto &b : blocks)
    for (const auto &inst : b.insts) opcodes.push_back(inst.getOpcode());
  std::sort(opcodes.begin(), opcodes.end());
  opcodes.erase(std::unique(opcodes.begin(), opcodes.end()), opcodes.end());
  return opcodes;
}

std::vector<std::string> lines(const std::string &text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  return out;
}

void writeTunedTable(const mca::ParamTable &tuned, const fs::path &runDir) {
  tuned.save((runDir / "tuned-params.json").string());
  mca::TableGenOptions td;
  td.source = (runDir / "tuned-params.json").string();
  support::writeFileAtomically((runDir / "tuned-params.td").string(), mca::writeTableGen(tuned, td));
}

TuningPhase tuneTable(const PatternConfig &config, const OptimizeSettings &settings, const DatasetPhase &dataset,
                      const SurrogatePhase &surrogateRun, const llvm::MCSubtargetInfo &defaultSti,
                      const fs::path &runDir) {
  TuningPhase p;
  p.blocks = readMeasured(dataset.measured);
  const MeasuredBlocks &blocks = p.blocks;
  if (blocks.train.empty() || blocks.test.empty())
    throw std::runtime_error(fmt::format("{}: need measured blocks in the train and test splits; have {} and {}",
                                         dataset.measured, blocks.train.size(), blocks.test.size()));
  spdlog::info("measured blocks: {} train, {} test ({} rows left out, reported above)", blocks.train.size(),
               blocks.test.size(), blocks.problems);
  mca::ParamTable defaults =
      mca::ParamTable::fromModel(config.cpu, mca::ParamTable::opcodesUsedBy({dataset.measured}, config.cpu));
  p.space = std::make_unique<model::ParamVector>(defaults, opcodesOf(blocks.train));
  const model::ParamVector &space = *p.space;
  spdlog::info("table as {} surrogate features ({} free) over {} opcodes of the train blocks", space.size(),
               space.freeCount(), space.opcodes().size());
  torch::set_num_threads(1);
  // llvm-mca at the default table anchors the surrogate's predictions.
  const std::vector<block::BasicBlock> &selection = blocks.validation.empty() ? blocks.train : blocks.validation;
  p.trainDefault = mca::simulateCycles(defaultSti, blocks.train, config.threads);
  std::vector<double> validationDefault = mca::simulateCycles(defaultSti, blocks.validation, config.threads);
  p.anchorSimulations = blocks.train.size() + blocks.validation.size();
  model::FrozenSurrogate surrogate(surrogateRun.dir, blocks.train, p.trainDefault, space);
  model::FrozenSurrogate validation(surrogateRun.dir, blocks.validation, validationDefault, space);
  p.validationSize = validation.size();
  p.selectionBlocks = selection.size();
  spdlog::info("tuning on {} train blocks ({} left out: llvm-mca failed at the default table); {} validation "
               "blocks for the surrogate's curve ({} left out: opcodes no train block has)",
               surrogate.size(), surrogate.skipped(), validation.size(), validation.skipped());
  p.tuning = tuneWithSurrogate(surrogate, validation, space, settings, config.seed);
  spdlog::info("choosing among {} checkpoints with llvm-mca on {} measured blocks", p.tuning.checkpoints.size(),
               selection.size());
  p.choice = chooseCheckpoint(p.tuning, space, selection, config.threads);
  p.keptStep = p.tuning.steps[p.choice.index];
  p.tuned = space.toTable(p.tuning.checkpoints[p.choice.index], &p.mapping);
  // What the surrogate predicts for the table as written (rounded, mapped
  // back), against what it predicted for the continuous values kept.
  p.writtenTableSurrogateMape = surrogate.mapeAll(torch::tensor(model::ParamVector(p.tuned, space.opcodes()).initial()));
  p.changes = lines(mca::diffTables(space.defaults(), p.tuned));
  writeTunedTable(p.tuned, runDir);
  spdlog::info("tuned table (step {}): {} entries changed; surrogate train MAPE {} -> {} ({} for the table as "
               "written)", p.keptStep, p.mapping.changedParameters,
               percent(p.tuning.curve.front()["surrogate_train_mape"].get<double>()),
               percent(p.tuning.curve.back()["surrogate_train_mape"].get<double>()),
               percent(p.writtenTableSurrogateMape));
  return p;
}

BlackBoxPhase searchBlackBox(const PatternConfig &config, const OptimizeSettings &settings,
                             const DatasetPhase &dataset, const TuningPhase &tuning, const fs::path &runDir) {
  BlackBoxPhase p;
  std::vector<block::BasicBlock> subset = tuning.blocks.train;
  {
    std::mt19937_64 rng(config.seed ^ 0x9e3779b97f4a7c15ULL);
    for (std::size_t i = subset.size(); i > 1; --i) std::swap(subset[i - 1], subset[rng() % i]);
    subset.resize(std::min(subset.size(), settings.blackboxBlocks));
  }
  // The same budget of llvm-mca runs as the surrogate's side spent: its
  // dataset, the anchor at the default table, and choosing the checkpoint.
  p.datasetSimulations = dataset.simulations;
  p.anchorSimulations = tuning.anchorSimulations;
  p.choiceSimulations = tuning.choice.simulations;
  p.budget = p.datasetSimulations + p.anchorSimulations + p.choiceSimulations;
  p.subsetSize = subset.size();
  std::size_t maxEvaluations = std::max<std::size_t>(1, p.budget / subset.size());
  spdlog::info("black-box search: {} evaluations of {} blocks = the surrogate side's {} simulations",
               maxEvaluations, subset.size(), p.budget);
  p.result = runBlackBox(*tuning.space, subset, settings.blackboxMethod, maxEvaluations, config.threads, config.seed);
  p.table = tuning.space->toTable(p.result.best);
  p.table.save((runDir / "blackbox-params.json").string());
  return p;
}

EvaluationPhase evaluateTables(const PatternConfig &config, const TuningPhase &tuning, const BlackBoxPhase &blackbox,
                               const llvm::MCSubtargetInfo &defaultSti, const fs::path &runDir) {
  const MeasuredBlocks &blocks = tuning.blocks;
  auto tunedSti = mca::TunedSubtarget::create(tuning.tuned, "tuned-params.json");
  auto blackboxSti = mca::TunedSubtarget::create(blackbox.table, "blackbox-params.json");
  EvaluationPhase p;
  p.test = scoreTables(blocks.test, mca::simulateCycles(defaultSti, blocks.test, config.threads), *tunedSti,
                       *blackboxSti, config.threads);
  p.train = scoreTables(blocks.train, tuning.trainDefault, *tunedSti, *blackboxSti, config.threads);
  std::string csv = "hex,measured,default,tuned,blackbox\n";
  for (std::size_t k = 0; k < p.test.kept.size(); ++k) {
    const block::BasicBlock &b = blocks.test[p.test.kept[k]];
    csv += fmt::format("{},{},{},{},{}\n", b.hex, *b.measured, p.test.defaults[k], p.test.tuned[k],
                       p.test.blackbox[k]);
  }
  support::writeFileAtomically((runDir / "test_predictions.csv").string(), csv);
  return p;
}

} // namespace

nlohmann::json runOptimize(const OptimizeJob &job) {
  auto start = Clock::now();
  OptimizeReport r;
  r.settings = OptimizeSettings::fromJson(job.config.pattern, job.config.source);  // before anything is written
  if (job.config.measured.empty() && !job.resume)
    throw std::invalid_argument("optimize needs measured timings: set `measured` in the config or pass --measured FILE");
  support::DirLock lock(job.runDir);  // one writer; the training inside shares it
  r.config = startRun(job.runDir, job.config, job.resume);
  r.settings = OptimizeSettings::fromJson(r.config.pattern, r.config.source);
  r.runDir = job.runDir;
  fs::path runDir(job.runDir);
  auto timed = [&](const char *phase, auto step) {
    auto phaseStart = Clock::now();
    step();
    r.phaseSeconds[phase] = secondsSince(phaseStart);
  };

  timed("dataset", [&] { r.dataset = buildSampledDataset(r.config, r.settings, runDir, job.resume); });
  timed("surrogate_training", [&] { r.surrogate = trainSurrogate(r.config, r.dataset, runDir); });
  auto defaultSti = block::X86Target::get().createSubtarget(r.config.cpu);
  timed("gradient_tuning", [&] { r.tuning = tuneTable(r.config, r.settings, r.dataset, r.surrogate, *defaultSti, runDir); });
  timed("blackbox_search", [&] { r.blackbox = searchBlackBox(r.config, r.settings, r.dataset, r.tuning, runDir); });
  timed("llvm_mca_evaluation",
        [&] { r.evaluation = evaluateTables(r.config, r.tuning, r.blackbox, *defaultSti, runDir); });

  r.drawFigures();
  r.machine = MachineInfo::ofThisMachine();
  r.deployedBytes = sizeOnDisk({(runDir / "tuned-params.json").string(), (runDir / "tuned-params.td").string()});
  r.wallSeconds = secondsSince(start);
  nlohmann::json report = r.toJson();
  support::writeFileAtomically((runDir / "optimize_report.json").string(), report.dump(2) + "\n");
  support::writeFileAtomically((runDir / "optimize_report.md").string(), r.markdown());
  spdlog::info("llvm-mca test MAPE: default {}, tuned {}, black-box {}; report in {}", percent(r.defaultError()),
               percent(r.tunedError()), percent(r.blackboxError()), (runDir / "optimize_report.md").string());
  return report;
}

} // namespace surrogate::patterns
