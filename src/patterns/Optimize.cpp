// runOptimize: the sampled dataset, the surrogate, the tuning, refinement, polish, black box and evaluation.
#include "surrogate/patterns/Optimize.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <limits>
#include <memory>
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
#include "surrogate/patterns/CoordinatePolish.h"
#include "surrogate/patterns/Deployment.h"
#include "surrogate/patterns/OptimizeReport.h"
#include "surrogate/patterns/PatternRun.h"
#include "surrogate/support/AtomicFile.h"
#include "surrogate/support/EvenlySpread.h"
#include "surrogate/support/SeededShuffle.h"

namespace surrogate::patterns {

namespace fs = std::filesystem;


namespace {


TableScores scoreTables(const std::vector<block::BasicBlock> &blocks, const std::vector<double> &d,
                        const llvm::MCSubtargetInfo &tuned,
                        const std::vector<std::unique_ptr<llvm::MCSubtargetInfo>> &blackbox,
                        const std::vector<BlackBoxResult> &searches, unsigned threads) {
  TableScores t;
  std::vector<double> u = mca::simulateCycles(tuned, blocks, threads);
  std::vector<std::vector<double>> b;
  for (const auto &sti : blackbox) b.push_back(mca::simulateCycles(*sti, blocks, threads));
  t.blackbox.resize(b.size());
  std::vector<double> measured;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    bool finite = std::isfinite(d[i]) && std::isfinite(u[i]);
    for (const auto &cycles : b) finite = finite && std::isfinite(cycles[i]);
    if (!finite) continue;
    t.kept.push_back(i);
    t.defaults.push_back(d[i]);
    t.tuned.push_back(u[i]);
    for (std::size_t m = 0; m < b.size(); ++m) t.blackbox[m].push_back(b[m][i]);
    measured.push_back(*blocks[i].measured);
  }
  if (t.kept.empty())
    throw std::runtime_error("no block could be simulated under all the tables");
  nlohmann::json methods = nlohmann::json::object();
  for (std::size_t m = 0; m < b.size(); ++m)
    methods[searches[m].method] = model::toJson(model::summarize(t.blackbox[m], measured));
  t.summary = {{"blocks", blocks.size()},
               {"scored_blocks", t.kept.size()},
               {"default", model::toJson(model::summarize(t.defaults, measured))},
               {"tuned", model::toJson(model::summarize(t.tuned, measured))},
               {"blackbox", methods[searches.front().method]},
               {"blackbox_methods", methods}};
  return t;
}

std::string tableFileOf(const std::string &method, bool baseline) {
  if (baseline) return "blackbox-params.json";
  std::string name = method;
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  return "blackbox-" + name + "-params.json";
}

// llvm-mca on the validation blocks under each table a search held as its
// best so far, in order: what the search curve figure draws.
nlohmann::json validationCurveOf(const BlackBoxResult &search, std::size_t subsetSize,
                                 const model::ParamVector &space, const std::vector<block::BasicBlock> &validation,
                                 unsigned threads) {
  nlohmann::json curve = nlohmann::json::array();
  if (validation.empty()) return curve;
  // At most this many points, spread evenly, the last always kept: each
  // costs one llvm-mca run of the validation blocks.
  constexpr std::size_t kMaxPoints = 24;
  for (std::size_t i : support::evenlySpread(search.improvements.size(), kMaxPoints)) {
    const auto &[evaluation, features] = search.improvements[i];
    curve.push_back({{"simulations", evaluation * subsetSize},
                     {"validation_mape", mcaMapeUnder(space.toTable(features), validation, threads,
                                                      "black-box best so far")}});
  }
  return curve;
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

SurrogatePhase trainSurrogate(const PatternConfig &config, const DatasetPhase &dataset, const fs::path &runDir,
                              model::StepHandover *handover) {
  SurrogatePhase p;
  p.dir = (runDir / "surrogate").string();
  model::TrainJob job = trainJobFor(config, p.dir);
  job.data.dataset = dataset.dir;
  p.report = ensureTrained(job, handover);
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

double keptValidationMape(const SurrogateTuning &t, const CheckpointChoice &c) {
  return t.curve[c.index]["llvm_mca_validation_mape"].get<double>();
}

// `table`, under which llvm-mca's validation MAPE is `validationMape`,
// becomes the tuned table: its changes listed, its files written.
void keepTuned(TuningPhase &tuning, mca::ParamTable table, double validationMape, const fs::path &runDir) {
  tuning.tuned = std::move(table);
  tuning.validationMape = validationMape;
  tuning.changes = lines(mca::diffTables(tuning.space->defaults(), tuning.tuned));
  writeTunedTable(tuning.tuned, runDir);
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
  const std::vector<block::BasicBlock> &selection = blocks.selection();
  p.trainDefault = mca::simulateCycles(defaultSti, blocks.train, config.threads);
  std::vector<double> validationDefault = mca::simulateCycles(defaultSti, blocks.validation, config.threads);
  // Unanchored, the surrogate side needs llvm-mca at the default table only
  // for the report (and to leave out blocks it cannot run): not budget.
  p.anchorSimulations = settings.anchor ? blocks.train.size() + blocks.validation.size() : 0;
  model::FrozenSurrogate surrogate(surrogateRun.dir, blocks.train, p.trainDefault, space, settings.anchor);
  model::FrozenSurrogate validation(surrogateRun.dir, blocks.validation, validationDefault, space, settings.anchor);
  p.validationSize = validation.size();
  p.selectionBlocks = selection.size();
  spdlog::info("tuning on {} train blocks ({} left out: llvm-mca failed at the default table); {} validation "
               "blocks for the surrogate's curve ({} left out: opcodes no train block has)",
               surrogate.size(), surrogate.skipped(), validation.size(), validation.skipped());
  p.tuning = tuneWithSurrogate(surrogate, validation, space, settings, config.seed);
  spdlog::info("choosing among {} checkpoints with llvm-mca on {} measured blocks", p.tuning.checkpoints.size(),
               selection.size());
  p.choice.simulations = scoreCheckpoints(p.tuning, space, selection, config.threads);
  // Step 0 is LLVM's table: the median cap is relative to its error.
  p.maxMedianApe = medianApeCap(settings.medianCap, p.tuning.curve[0]["llvm_mca_validation_median_ape"].get<double>());
  // With pruning the cap is applied to the pruned table (pruneTuned): the
  // pruning may put back exactly the change that raised the median.
  p.choice.index =
      pickCheckpoint(p.tuning, settings.prune ? std::numeric_limits<double>::infinity() : p.maxMedianApe);
  p.keptStep = p.tuning.steps[p.choice.index];
  keepTuned(p, space.toTable(p.tuning.checkpoints[p.choice.index], &p.mapping), keptValidationMape(p.tuning, p.choice),
            runDir);
  // What the surrogate predicts for the table as written (rounded, mapped
  // back), against what it predicted for the continuous values kept.
  p.writtenTableSurrogateMape = surrogate.mapeAll(torch::tensor(model::ParamVector(p.tuned, space.opcodes()).initial()));
  spdlog::info("tuned table (step {}): {} entries changed; surrogate train MAPE {} -> {} ({} for the table as "
               "written)", p.keptStep, p.mapping.changedParameters,
               percent(p.tuning.curve.front()["surrogate_train_mape"].get<double>()),
               percent(p.tuning.curve.back()["surrogate_train_mape"].get<double>()),
               percent(p.writtenTableSurrogateMape));
  return p;
}

// --- pruning ---

void pruneTuned(const PatternConfig &config, const OptimizeSettings &s, TuningPhase &tuning, const fs::path &runDir) {
  if (!s.prune) return;
  const std::vector<block::BasicBlock> &selection = tuning.blocks.selection();
  spdlog::info("pruning: the tuned table's changes ({} values), each entry put back to LLVM's value on its own, "
               "on {} validation blocks",
               tuning.changes.size(), selection.size());
  tuning.pruning = pruneChanges(tuning.tuned, tuning.space->defaults(), selection, config.threads);
  if (tuning.pruning->medianApe <= tuning.maxMedianApe) {
    keepTuned(tuning, tuning.pruning->table, tuning.pruning->mape, runDir);
  } else {  // the best checkpoint that keeps the cap, unpruned
    tuning.pruning->overMedianCap = true;
    tuning.choice.index = pickCheckpoint(tuning.tuning, tuning.maxMedianApe);
    tuning.keptStep = tuning.tuning.steps[tuning.choice.index];
    keepTuned(tuning, tuning.space->toTable(tuning.tuning.checkpoints[tuning.choice.index], &tuning.mapping),
              keptValidationMape(tuning.tuning, tuning.choice), runDir);
    spdlog::warn("pruning: the pruned table's validation median APE {} is above the cap {}; kept the checkpoint of "
                 "step {} instead", percent(tuning.pruning->medianApe), percent(tuning.maxMedianApe), tuning.keptStep);
  }
}

// --- trust-region rounds ---

// Round r: tables sampled around `center`, the surrogate fine-tuned on them
// from `previous`, the table tuned again within the trust region.
RoundResult runRound(const PatternConfig &config, const OptimizeSettings &s, const DatasetPhase &dataset,
                     const TuningPhase &tuning, std::size_t r, const mca::ParamTable &center, double centerError,
                     const std::string &previous, const fs::path &runDir, mca::ParamTable &next,
                     model::StepHandover *handover) {
  RoundResult round;
  round.round = r;
  fs::path dir = runDir / fmt::format("round-{}", r);
  round.dir = dir.string();
  fs::create_directories(dir);
  std::string centerFile = (dir / "center-params.json").string();
  center.save(centerFile);
  spdlog::info("round {}: tables around the current table (radius {}), surrogate fine-tuned from {}", r,
               s.roundRadius, previous);
  data::DatasetConfig d = datasetSettings(config, (dir / "dataset").string());
  d.measuredFiles = {dataset.measured};
  d.paramsSamples = s.paramsSamples;
  d.tablesPerBlock = s.tablesPerBlock;
  d.perturbProbability = s.perturbProbability;
  d.seed = config.seed + r;
  d.samplingCenter = centerFile;
  d.samplingRadius = s.roundRadius;
  ensureDataset(d);
  round.datasetSimulations = data::Dataset::open(d.output).exampleCount();
  model::TrainJob job = trainJobFor(config, (dir / "surrogate").string());
  job.data.dataset = d.output;
  job.initFrom = previous;
  job.maxEpochs = s.roundMaxEpochs;
  ensureTrained(job, handover);

  const MeasuredBlocks &blocks = tuning.blocks;
  mca::SamplingRanges ranges;
  ranges.radius = s.roundRadius;
  model::ParamVector space(center, tuning.space->opcodes(), ranges);
  auto centerSti = mca::TunedSubtarget::create(center, centerFile);
  std::vector<double> train = mca::simulateCycles(*centerSti, blocks.train, config.threads),
                      validation = mca::simulateCycles(*centerSti, blocks.validation, config.threads);
  round.anchorSimulations = s.anchor ? blocks.train.size() + blocks.validation.size() : 0;
  model::FrozenSurrogate trainSurrogate(job.runDir, blocks.train, train, space, s.anchor);
  model::FrozenSurrogate validationSurrogate(job.runDir, blocks.validation, validation, space, s.anchor);
  OptimizeSettings inRegion = s;
  inRegion.l1 = s.roundL1;
  SurrogateTuning t = tuneWithSurrogate(trainSurrogate, validationSurrogate, space, inRegion, config.seed + r);
  const std::vector<block::BasicBlock> &selection = blocks.selection();
  CheckpointChoice choice;
  choice.simulations = scoreCheckpoints(t, space, selection, config.threads);
  choice.index = pickCheckpoint(t, tuning.maxMedianApe);
  round.choiceSimulations = choice.simulations;
  round.startValidationMape = centerError;
  round.bestValidationMape = keptValidationMape(t, choice);
  round.bestValidationMedianApe = t.curve[choice.index]["llvm_mca_validation_median_ape"].get<double>();
  round.keptStep = t.steps[choice.index];
  round.accepted = choice.index != 0 && round.bestValidationMape < centerError;
  round.curve = t.curve;
  next = round.accepted ? space.toTable(t.checkpoints[choice.index]) : center;
  round.changedFromCenter = lines(mca::diffTables(center, next)).size();
  spdlog::info("round {}: llvm-mca validation MAPE {} -> {} (median APE {}) at step {}: {}", r,
               percent(centerError), percent(round.bestValidationMape), percent(round.bestValidationMedianApe),
               round.keptStep, round.accepted ? "kept" : "not kept");
  return round;
}

RefinementPhase refineInRounds(const PatternConfig &config, const OptimizeSettings &s, const DatasetPhase &dataset,
                               const SurrogatePhase &surrogate, TuningPhase &tuning, const fs::path &runDir,
                               model::StepHandover *handover) {
  RefinementPhase p;
  if (s.rounds == 0) return p;
  mca::ParamTable center = tuning.tuned;
  double centerError = tuning.validationMape;
  std::string previous = surrogate.dir;
  for (std::size_t r = 1; r <= s.rounds; ++r) {
    mca::ParamTable next;
    p.rounds.push_back(runRound(config, s, dataset, tuning, r, center, centerError, previous, runDir, next, handover));
    previous = (fs::path(p.rounds.back().dir) / "surrogate").string();  // it has seen more tables either way
    if (p.rounds.back().accepted) {
      center = std::move(next);
      centerError = p.rounds.back().bestValidationMape;
    }
  }
  keepTuned(tuning, std::move(center), centerError, runDir);  // the last kept round's
  return p;
}

// A seeded sample of `n` train blocks (all when there are fewer).
std::vector<block::BasicBlock> trainSample(const MeasuredBlocks &blocks, std::size_t n, std::uint64_t seed) {
  std::vector<block::BasicBlock> subset = blocks.train;
  std::mt19937_64 rng(seed);
  support::seededShuffle(subset, rng);
  subset.resize(std::min(subset.size(), n));
  return subset;
}

// --- polish ---

PolishPhase polishTuned(const PatternConfig &config, const OptimizeSettings &s, const SurrogatePhase &surrogate,
                        const RefinementPhase &refinement, TuningPhase &tuning, const fs::path &runDir) {
  PolishPhase p;
  if (s.polishEvaluations == 0) return p;
  std::vector<block::BasicBlock> sample = trainSample(tuning.blocks, s.polishBlocks, config.seed ^ 0x51ed27f1ULL);
  p.sampleBlocks = sample.size();
  // The last round's surrogate has seen tables nearer the current one.
  std::string ranker = refinement.rounds.empty() ? surrogate.dir
                                                 : (fs::path(refinement.rounds.back().dir) / "surrogate").string();
  PolishSettings ps;
  ps.evaluations = s.polishEvaluations;
  ps.candidates = s.polishCandidates;
  ps.maxMedianApe = tuning.maxMedianApe;
  p.result = polishTable(tuning.tuned, *tuning.space, sample, tuning.blocks.selection(),
                         surrogateGradient(ranker, *tuning.space, sample), ps, config.threads);
  support::writeFileAtomically((runDir / "polish.json").string(), p.result->toJson().dump(2) + "\n");
  if (p.result->kept) keepTuned(tuning, p.result->table, p.result->validationMape, runDir);
  return p;
}

BlackBoxPhase searchBlackBox(const PatternConfig &config, const OptimizeSettings &settings,
                             const DatasetPhase &dataset, const TuningPhase &tuning,
                             const RefinementPhase &refinement, const PolishPhase &polish, const fs::path &runDir) {
  BlackBoxPhase p;
  std::vector<block::BasicBlock> subset =
      trainSample(tuning.blocks, settings.blackboxBlocks, config.seed ^ 0x9e3779b97f4a7c15ULL);
  // The same budget of llvm-mca runs as the surrogate's side spent: its
  // dataset, the anchor at the default table, choosing the checkpoint, and
  // the pruning, rounds and polish that ran.
  p.datasetSimulations = dataset.simulations;
  p.anchorSimulations = tuning.anchorSimulations;
  p.choiceSimulations = tuning.choice.simulations;
  p.pruneSimulations = tuning.pruning ? tuning.pruning->simulations : 0;
  p.roundSimulations = refinement.simulations();
  p.polishSimulations = polish.simulations();
  p.budget = p.datasetSimulations + p.anchorSimulations + p.choiceSimulations + p.pruneSimulations +
             p.roundSimulations + p.polishSimulations;
  p.subsetSize = subset.size();
  std::size_t maxEvaluations = std::max<std::size_t>(1, p.budget / subset.size());
  for (std::size_t m = 0; m < settings.blackboxMethods.size(); ++m) {
    const std::string &method = settings.blackboxMethods[m];
    spdlog::info("black-box search {}: {} evaluations of {} blocks = the surrogate side's {} simulations", method,
                 maxEvaluations, subset.size(), p.budget);
    p.searches.push_back(runBlackBox(*tuning.space, subset, method, maxEvaluations, config.threads, config.seed,
                                     settings.ensembleTechniques));
    p.tables.push_back(tuning.space->toTable(p.searches.back().best));
    p.files.push_back(tableFileOf(method, m == 0));
    p.tables.back().save((runDir / p.files.back()).string());
    p.validationCurves.push_back(validationCurveOf(p.searches.back(), p.subsetSize, *tuning.space,
                                                   tuning.blocks.validation, config.threads));
    spdlog::info("black-box search {}: subset MAPE {} -> {}", method, percent(p.searches.back().defaultSubsetMape),
                 percent(p.searches.back().bestSubsetMape));
  }
  return p;
}

EvaluationPhase evaluateTables(const PatternConfig &config, const TuningPhase &tuning, const BlackBoxPhase &blackbox,
                               const llvm::MCSubtargetInfo &defaultSti, const fs::path &runDir) {
  const MeasuredBlocks &blocks = tuning.blocks;
  auto tunedSti = mca::TunedSubtarget::create(tuning.tuned, "tuned-params.json");
  std::vector<std::unique_ptr<llvm::MCSubtargetInfo>> blackboxSti;
  for (std::size_t m = 0; m < blackbox.tables.size(); ++m)
    blackboxSti.push_back(mca::TunedSubtarget::create(blackbox.tables[m], blackbox.files[m]));
  EvaluationPhase p;
  p.test = scoreTables(blocks.test, mca::simulateCycles(defaultSti, blocks.test, config.threads), *tunedSti,
                       blackboxSti, blackbox.searches, config.threads);
  p.train = scoreTables(blocks.train, tuning.trainDefault, *tunedSti, blackboxSti, blackbox.searches,
                        config.threads);
  p.testGroups = errorByGroup(blocks.test, p.test.kept, p.test.defaults, p.test.tuned, tuning.space->defaults(),
                              tuning.tuned, defaultSti);
  std::string csv = "hex,measured,default,tuned,blackbox";
  for (std::size_t m = 1; m < blackbox.searches.size(); ++m) csv += ",blackbox_" + blackbox.searches[m].method;
  csv += "\n";
  for (std::size_t k = 0; k < p.test.kept.size(); ++k) {
    const block::BasicBlock &b = blocks.test[p.test.kept[k]];
    csv += fmt::format("{},{},{},{}", b.hex, *b.measured, p.test.defaults[k], p.test.tuned[k]);
    for (const auto &cycles : p.test.blackbox) csv += fmt::format(",{}", cycles[k]);
    csv += "\n";
  }
  support::writeFileAtomically((runDir / "test_predictions.csv").string(), csv);
  return p;
}

} // namespace

nlohmann::json runOptimize(const OptimizeJob &job) {
  PatternRun run("optimize", job, job.config, [&](const PatternConfig &given) {
    OptimizeSettings::fromJson(given.pattern, given.source);
    if (given.measured.empty() && !job.resume)
      throw std::invalid_argument("optimize needs measured timings: set `measured` in the config or pass --measured FILE");
  });
  OptimizeReport r;
  r.config = run.config();
  r.settings = OptimizeSettings::fromJson(r.config.pattern, r.config.source);
  r.runDir = run.runDir();
  fs::path runDir(run.runDir());

  run.phase("dataset", [&] { r.dataset = buildSampledDataset(r.config, r.settings, runDir, job.resume); });
  run.phase("surrogate_training",
            [&] { r.surrogate = trainSurrogate(r.config, r.dataset, runDir, run.handover()); });
  auto defaultSti = block::X86Target::get().createSubtarget(r.config.cpu);
  run.phase("gradient_tuning",
            [&] { r.tuning = tuneTable(r.config, r.settings, r.dataset, r.surrogate, *defaultSti, runDir); });
  run.phase("pruning", [&] { pruneTuned(r.config, r.settings, r.tuning, runDir); });
  run.phase("trust_region_rounds", [&] {
    r.refinement = refineInRounds(r.config, r.settings, r.dataset, r.surrogate, r.tuning, runDir, run.handover());
  });
  run.phase("polish",
            [&] { r.polish = polishTuned(r.config, r.settings, r.surrogate, r.refinement, r.tuning, runDir); });
  run.phase("blackbox_search", [&] {
    r.blackbox = searchBlackBox(r.config, r.settings, r.dataset, r.tuning, r.refinement, r.polish, runDir);
  });
  run.phase("llvm_mca_evaluation",
            [&] { r.evaluation = evaluateTables(r.config, r.tuning, r.blackbox, *defaultSti, runDir); });

  r.drawFigures();
  r.machine = MachineInfo::ofThisMachine();
  r.deployedBytes = sizeOnDisk({(runDir / "tuned-params.json").string(), (runDir / "tuned-params.td").string()});
  r.phaseSeconds = run.phaseSeconds();
  r.wallSeconds = run.wallSeconds();
  nlohmann::json report = run.writeReports(r.toJson(), r.markdown());
  spdlog::info("llvm-mca test MAPE: default {}, tuned {}, black-box {}; report in {}", percent(r.defaultError()),
               percent(r.tunedError()), percent(r.blackboxError()), run.markdownPath());
  return report;
}

} // namespace surrogate::patterns
