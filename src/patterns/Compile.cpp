// runCompile: the llvm-mca dataset, the training, the held-out deployment comparison, the report and figures.
#include "surrogate/patterns/Compile.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "surrogate/data/DatasetBuilder.h"
#include "surrogate/model/RunDir.h"
#include "surrogate/model/Trainer.h"
#include "surrogate/patterns/CompileDataset.h"
#include "surrogate/patterns/Deployment.h"
#include "surrogate/patterns/GuardStep.h"
#include "surrogate/patterns/PatternRun.h"
#include "surrogate/patterns/Plot.h"
#include "surrogate/patterns/Report.h"
#include "surrogate/patterns/Sweep.h"

namespace surrogate::patterns {

namespace fs = std::filesystem;

namespace {

// The targets: at least this speed-up on one thread, and an error against
// measured timings at most this many percentage points above llvm-mca's.
constexpr double kMinSpeedup = 3.0;
constexpr double kMaxErrorPointsAboveLlvmMca = 2.0;

// The published reference (Renda et al.).
constexpr double kReferenceMcaBlocksPerSecond = 1742, kReferenceSurrogateBlocksPerSecond = 2820;
constexpr double kReferenceMcaMape = 0.250, kReferenceSurrogateMape = 0.271;

} // namespace

nlohmann::json compileReference() {
  return {{"source", "Renda et al., 'Programming with Neural Surrogates of Programs' (Onward! 2021)"},
          {"llvm_mca_blocks_per_second", static_cast<int>(kReferenceMcaBlocksPerSecond)},
          {"surrogate_blocks_per_second", static_cast<int>(kReferenceSurrogateBlocksPerSecond)},
          {"llvm_mca_mape", kReferenceMcaMape},
          {"surrogate_mape", kReferenceSurrogateMape}};
}

namespace {

/// What a compile run found, and its report.
struct CompileReport {
  std::string runDir;
  PatternConfig config;
  std::string datasetDir;
  std::string params;       ///< the table llvm-mca ran under (empty: the CPU's own)
  std::optional<SweepChoice> sweep;  ///< the sweep that chose the size, when pattern.sweep names one
  nlohmann::json training;  ///< the training run's report.json
  std::string loss;
  model::ModelConfig model;
  std::int64_t parameters = 0;
  DeploymentComparison comparison;
  std::optional<nlohmann::json> guard;  ///< the guard step's calibration and speed (GuardStep.h)
  MachineInfo machine;
  std::uintmax_t deployedBytes = 0;
  double wallSeconds = 0;

  double speedup() const { return comparison.summary["surrogate_speedup_1_thread"]; }
  double mcaError() const { return comparison.summary["llvm_mca_vs_measured"]["mape"]; }
  double surrogateError() const { return comparison.summary["surrogate_vs_measured"]["mape"]; }
  bool speedupMet() const { return speedup() >= kMinSpeedup; }
  bool errorMet() const { return surrogateError() <= mcaError() + kMaxErrorPointsAboveLlvmMca / 100; }

  DesignSection design() const;
  nlohmann::json toJson() const;
  std::string markdown() const;
};

// What the surrogate learns: llvm-mca under the CPU's parameters or a table.
std::string targetOf(const std::string &paramsFile) {
  return "llvm-mca Total Cycles for 100 iterations " +
         (paramsFile.empty() ? std::string("at the CPU's default parameters") : "under the parameter table " + paramsFile);
}

} // namespace

namespace {

nlohmann::json trainOnDataset(const PatternConfig &config, const std::string &runDir, const std::string &datasetDir,
                              model::StepHandover *handover) {
  model::TrainJob job = trainJobFor(config, runDir);
  job.data.dataset = datasetDir;
  return ensureTrained(job, handover);
}

// The config's "pattern" section for compile.
struct CompileSettings {
  std::size_t deployBlocks = 0;  ///< held-out blocks compared at deployment (0: all)
  /// A `params` table (e.g. optimize's tuned-params.json) the surrogate
  /// mimics llvm-mca under, in training and at deployment; empty: the CPU's.
  std::string params;
  /// A `surrogate sweep` run whose pick is this run's size: the report's
  /// Design section then shows its table (empty: one size, no search).
  std::string sweep;

  static CompileSettings read(const PatternConfig &config) {
    support::ConfigReader r = config.patternSection();
    r.allow({"comment"});
    CompileSettings s;
    r.read("deploy_blocks", s.deployBlocks);
    r.read("params", s.params);
    r.read("sweep", s.sweep);
    r.finish();
    return s;
  }

  std::optional<SweepChoice> sweepChoice(const PatternConfig &config) const {
    if (sweep.empty()) return std::nullopt;
    return readSweepChoice(sweep, model::ModelConfig::fromJson(config.model, config.source));
  }
};

DeploymentComparison compareOnHeldOut(const PatternConfig &config, const std::string &runDir,
                                      const std::string &datasetDir) {
  CompileSettings settings = CompileSettings::read(config);
  std::vector<block::BasicBlock> heldOut = heldOutMeasuredBlocks(datasetDir, settings.deployBlocks);
  spdlog::info("deployment: llvm-mca and the surrogate on {} held-out measured blocks", heldOut.size());
  DeploymentComparison comparison = compareWithLlvmMca(runDir, config.cpu, heldOut, config.threads, settings.params);
  writeComparisonCsv((fs::path(runDir) / "deploy_predictions.csv").string(), comparison);
  return comparison;
}

void drawFigures(const CompileReport &r) {
  fs::path runDir(r.runDir);
  fs::create_directories(runDir / "figures");
  plotAgainstMeasured((runDir / "figures" / "predicted_vs_measured.png").string(),
                      "Held-out blocks: prediction vs measured (" + r.config.cpu + ")", "surrogate", r.comparison);
  Series curve{"validation MAPE vs llvm-mca", {}, {}};
  for (const auto &line : r.training.value("history", nlohmann::json::array())) {
    curve.x.push_back(line.at("epoch").get<double>());
    curve.y.push_back(line.at("validation_mape").get<double>());
  }
  if (curve.x.empty()) {
    std::ifstream in(runDir / "metrics.jsonl");
    for (std::string line; std::getline(in, line);) {
      auto j = nlohmann::json::parse(line);
      curve.x.push_back(j.at("epoch").get<double>());
      curve.y.push_back(j.at("validation_mape").get<double>());
    }
  }
  linePlot((runDir / "figures" / "learning_curve.png").string(),
           {"Training: validation error against llvm-mca", "epoch", "MAPE (fraction)", false, false, false}, {curve});
}

std::vector<std::string> cells(const std::string &a, double speed, const nlohmann::json &vsMca,
                               const nlohmann::json &vsMeasured) {
  return {a, fmt::format("{:.0f}", speed), vsMca.is_null() ? "-" : percent(vsMca.at("mape").get<double>()),
          percent(vsMeasured.at("mape").get<double>()), fmt::format("{:.3f}", vsMeasured.at("kendall_tau").get<double>())};
}

DesignSection CompileReport::design() const {
  DesignSection d;
  d.architecture = "Ithemal hierarchical LSTM: token embedding, LSTM over each instruction's tokens, LSTM over "
                   "the block's instruction vectors, linear head on the normalised log throughput";
  d.model = model;
  d.parameters = parameters;
  d.capacityChosenBy = "the config's model section (configs/compile.*.json); this run trained that one size "
                       "and did not search over sizes (`surrogate sweep` trains several on one dataset and picks "
                       "one by a stated rule)";
  if (sweep) {
    d.capacityChosenBy = sweep->sentence();
    d.capacityHeader = sweep->header;
    d.capacityRows = sweep->rows;
    d.capacitySweep = sweep->toJson();
  }
  return d;
}

nlohmann::json CompileReport::toJson() const {
  nlohmann::json report = {
      {"pattern", "compile"},
      {"run_dir", runDir},
      {"cpu", config.cpu},
      {"config", config.toJson()},
      {"deployment", comparison.summary},
      {"reference", compileReference()},
      {"targets",
       {{"speedup_at_least", kMinSpeedup},
        {"max_error_points_above_llvm_mca", kMaxErrorPointsAboveLlvmMca},
        {"speedup_met", speedupMet()},
        {"error_met", errorMet()}}},
      {"design", design().toJson()},
      {"training",
       {{"data", {{"dataset", datasetDir}, {"train_examples", training.value("train_examples", 0)},
                  {"validation_examples", training.value("validation_examples", 0)},
                  {"test_examples", training.value("test_examples", 0)}}},
        {"target", targetOf(params)},
        {"loss", loss},
        {"train_examples_per_second", training.value("train_examples_per_second", 0.0)}}},
      {"deployment_facts",
       {{"machine", machine.toJson()},
        {"threads", config.threads},
        {"deployed_files", model::RunDir::modelFiles()},
        {"deployed_bytes", deployedBytes}}},
      {"guard", guard ? *guard : nlohmann::json(nullptr)},
      {"wall_seconds", wallSeconds}};
  report["training"].update(TrainingFacts::of(training).toJson());
  if (!params.empty())  // absent at default parameters, so those reports keep their bytes
    report["training"]["llvm_mca_params"] = params;
  if (training.contains("excluded_blocks"))
    report["training"]["data"]["excluded_blocks"] = training.at("excluded_blocks");
  return report;
}

std::string CompileReport::markdown() const {
  const nlohmann::json &s = comparison.summary;
  MarkdownReport md;
  md.heading(1, "Surrogate compilation: " + config.cpu);
  md.paragraph(fmt::format("Held-out blocks with measured timings: {} (test split of the dataset). Speeds measured in "
                           "this run, on this machine, on the same blocks.{}",
                           s["compared_blocks"].get<std::size_t>(),
                           params.empty() ? ""
                                          : " llvm-mca runs under the parameter table " + params +
                                                ", in training and here."));
  std::vector<std::vector<std::string>> rows;
  const auto &one = s["speed"][0];
  rows.push_back(cells("llvm-mca (in-process, 1 thread)", one["llvm_mca_blocks_per_second"], nullptr,
                       s["llvm_mca_vs_measured"]));
  rows.push_back(cells("surrogate (1 thread)", one["surrogate_blocks_per_second"], s["surrogate_vs_llvm_mca"],
                       s["surrogate_vs_measured"]));
  md.table({"", "blocks/s", "error vs llvm-mca", "error vs measured", "Kendall tau vs measured"}, rows);
  for (const auto &row : s["speed"])
    md.bullet(fmt::format("{} thread(s): llvm-mca {:.0f} blocks/s, surrogate {:.0f} blocks/s: {:.2f}x",
                          row["threads"].get<unsigned>(), row["llvm_mca_blocks_per_second"].get<double>(),
                          row["surrogate_blocks_per_second"].get<double>(), row["surrogate_speedup"].get<double>()));
  md.bullet(fmt::format("Published reference: llvm-mca {:.0f} blocks/s at {} error, surrogate {:.0f} blocks/s at {}.",
                        kReferenceMcaBlocksPerSecond, percent(kReferenceMcaMape), kReferenceSurrogateBlocksPerSecond,
                        percent(kReferenceSurrogateMape)));
  md.bullet(fmt::format("Targets: speed-up at least {:g}x ({}), error no more than {:g} points above llvm-mca's ({}).",
                        kMinSpeedup, speedupMet() ? "met" : "not met", kMaxErrorPointsAboveLlvmMca,
                        errorMet() ? "met" : "not met"));
  md.paragraph("");
  md.image("prediction vs measured", "figures/predicted_vs_measured.png");
  md.image("learning curve", "figures/learning_curve.png");
  writeGuardSection(md, guard, s["speed"][0]["llvm_mca_blocks_per_second"].get<double>());

  TrainingSection t;
  t.data = fmt::format("Data: {} training, {} validation, {} test examples of {}.", training.value("train_examples", 0),
                       training.value("validation_examples", 0), training.value("test_examples", 0), targetOf(params));
  t.loss = loss;
  t.run = TrainingFacts::of(training);
  t.examplesPerSecond = training.value("train_examples_per_second", 0.0);
  DeploymentSection d;
  d.machine = machine;
  d.threads = config.threads;
  d.threadsNote = " for the all-threads figures";
  d.deployed = fmt::format("config.json, vocab.txt, best.pt: {:.2f} MB on disk; `surrogate predict --model {}` loads it.",
                           static_cast<double>(deployedBytes) / 1e6, runDir);
  writeModelSections(md, design(), t, d);
  return md.str();
}

} // namespace

nlohmann::json runCompile(const CompileJob &job) {
  PatternRun run("compile", job, job.config,
                 [](const PatternConfig &given) { CompileSettings::read(given).sweepChoice(given); });
  CompileReport r;
  r.config = run.config();
  r.runDir = run.runDir();
  CompileSettings settings = CompileSettings::read(r.config);
  r.params = settings.params;
  r.sweep = settings.sweepChoice(r.config);
  r.datasetDir = ensureCompileDataset(r.config, r.runDir, r.params);
  r.training = trainOnDataset(r.config, r.runDir, r.datasetDir, job.handover);
  r.comparison = compareOnHeldOut(r.config, r.runDir, r.datasetDir);
  drawFigures(r);
  r.guard = runGuardStep(r.config, r.runDir, GuardStep{"llvm-mca", 2, r.params}, r.comparison.blocks);

  model::RunDir trained(r.runDir);
  r.model = trained.modelConfig();
  r.loss = trained.config().at("training").at("loss").get<std::string>();
  r.parameters = modelParameterCount(r.runDir);
  r.machine = MachineInfo::ofThisMachine();
  r.deployedBytes = sizeOnDisk(trained.modelFilePaths());
  r.wallSeconds = run.wallSeconds();
  nlohmann::json report = run.writeReports(r.toJson(), r.markdown());
  spdlog::info("surrogate {:.2f}x llvm-mca's speed (1 thread); error vs measured: surrogate {}, llvm-mca {}; report in {}",
               r.speedup(), percent(r.surrogateError()), percent(r.mcaError()), run.markdownPath());
  return report;
}

} // namespace surrogate::patterns
