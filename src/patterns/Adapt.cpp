// runAdapt: the measured split prepared, the learning curve trained per fraction, the largest deployed, reported.
#include "surrogate/patterns/Adapt.h"

#include <chrono>
#include <optional>
#include <cmath>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include "surrogate/block/BlockPipeline.h"
#include "surrogate/block/Target.h"
#include "surrogate/data/BlockHash.h"
#include "surrogate/mca/BatchRunner.h"
#include "surrogate/model/Metrics.h"
#include "surrogate/model/ModelFile.h"
#include "surrogate/model/RunDir.h"
#include "surrogate/model/Trainer.h"
#include "surrogate/patterns/Deployment.h"
#include "surrogate/patterns/GuardStep.h"
#include "surrogate/patterns/PatternRun.h"
#include "surrogate/patterns/Plot.h"
#include "surrogate/patterns/Report.h"
#include "surrogate/support/AtomicFile.h"

namespace surrogate::patterns {

namespace fs = std::filesystem;

namespace {

struct MeasuredSet {
  std::string csv;                          ///< RUN/measured.csv
  std::size_t rows = 0, trainRows = 0, skipped = 0;
  std::vector<block::BasicBlock> test;      ///< test split, for llvm-mca and deployment
};

// Copies the usable measured rows (at most `limit`, 0: all) to RUN/measured.csv
// with a header, reporting the rows it leaves out, and counts the splits.
MeasuredSet prepareMeasured(const std::string &measuredFile, std::size_t limit, const std::string &runDir) {
  if (measuredFile.empty())
    throw std::invalid_argument("adapt needs measured timings: set \"measured\" in the config or pass --measured");
  MeasuredSet set;
  set.csv = (fs::path(runDir) / "measured.csv").string();
  support::AtomicFile out(set.csv);
  out.stream() << "hex,measured\n";
  block::BlockReader reader({measuredFile});
  block::ReadCounts counts = block::forEachBlock(reader, [&](block::BasicBlock &b) {
    if (!b.measured) {
      block::reportSkipped({b.where, "no measured throughput"});
      ++set.skipped;
      return true;
    }
    data::Split split = data::splitOfHex(b.hex);
    set.trainRows += split == data::Split::Train;
    if (split == data::Split::Test)
      set.test.push_back(b);
    out.stream() << b.hex << ',' << fmt::format("{}", *b.measured) << '\n';
    ++set.rows;
    return limit == 0 || set.rows < limit;
  });
  set.skipped += counts.skipped;
  out.commit();
  return set;
}

// One point of the learning curve: trains (or reuses) the run in `dir`.
nlohmann::json trainPoint(const PatternConfig &config, const model::ModelConfig &network, const std::string &dir,
                          const std::string &measuredCsv, std::size_t trainExamples, const std::string &initFrom,
                          model::StepHandover *handover) {
  model::TrainJob job = trainJobFor(config, dir);
  job.data.csv = {measuredCsv};
  job.data.targetColumn = "measured";
  job.model = network;
  job.training.maxTrainExamples = trainExamples;
  job.initFrom = initFrom;
  return ensureTrained(job, handover);
}

double llvmMcaTestError(const std::string &cpu, const std::vector<block::BasicBlock> &test, unsigned threads) {
  auto sti = block::X86Target::get().createSubtarget(cpu);
  std::vector<double> cycles = mca::simulateCycles(*sti, test, threads), predicted, measured;
  for (std::size_t i = 0; i < test.size(); ++i)
    if (!std::isnan(cycles[i])) {
      predicted.push_back(cycles[i]);
      measured.push_back(*test[i].measured);
    }
  return model::summarize(predicted, measured).mape;
}

std::string fractionName(double f) { return fmt::format("{:g}", f); }

// The targets: at kTenPercent the adapted error at most kHalf of llvm-mca's,
// and below from-scratch at every fraction up to kBelowScratchUpTo.
constexpr double kTenPercent = 0.10, kHalf = 0.5, kBelowScratchUpTo = 0.25;

// The config's "pattern" section for adapt ("from" is the --from run, saved on a fresh run).
struct AdaptSettings {
  std::string from;
  std::vector<double> fractions = {0.01, 0.05, 0.10, 0.25, 0.50, 1.00};
  std::size_t measuredLimit = 0;  ///< measured rows used (0: all)
  bool scratch = true;            ///< also train the network from scratch at each fraction (the comparison)

  static AdaptSettings read(const PatternConfig &config) {
    support::ConfigReader r = config.patternSection();
    r.allow({"comment"});
    AdaptSettings s;
    r.read("from", s.from);
    r.read("measured_limit", s.measuredLimit);
    r.read("scratch", s.scratch);
    if (const nlohmann::json *f = r.raw("fractions")) {
      if (!f->is_array() || f->empty())
        throw r.error("fractions", "must be a non-empty list of numbers in (0, 1]");
      s.fractions.clear();
      for (const auto &v : *f) {
        if (!v.is_number() || !(v.get<double>() > 0 && v.get<double>() <= 1))
          throw r.error("fractions", "must be a non-empty list of numbers in (0, 1]");
        s.fractions.push_back(v.get<double>());
      }
    }
    r.finish();
    return s;
  }
};

struct CurvePoint {
  double fraction = 0;
  std::size_t trainExamples = 0;
  double adapted = 0, llvmMca = 0;
  std::optional<double> scratch;  ///< none when pattern.scratch is false
  double adaptedValidation = 0;   ///< best validation MAPE of the adapted run (what a caller chooses by)
  nlohmann::json adaptedTest;     ///< its test ErrorSummary (MAPE, median APE, tau)
  std::size_t adaptedEpochs = 0, scratchEpochs = 0;
  nlohmann::json excluded;  ///< training.exclude_blocks counts of the adapted run (null without)

  nlohmann::json toJson() const {
    nlohmann::json j = {{"fraction", fraction},
                        {"train_examples", trainExamples},
                        {"adapted_mape", adapted},
                        {"adapted_validation_mape", adaptedValidation},
                        {"adapted_test", adaptedTest},
                        {"scratch_mape", scratch ? nlohmann::json(*scratch) : nlohmann::json(nullptr)},
                        {"llvm_mca_mape", llvmMca},
                        {"adapted_epochs", adaptedEpochs},
                        {"scratch_epochs", scratchEpochs}};
    if (!excluded.is_null())
      j["excluded_blocks"] = excluded;
    return j;
  }
};

struct AdaptReport {
  std::string runDir, from;
  PatternConfig config;
  MeasuredSet measured;
  double mcaError = 0;
  std::vector<CurvePoint> curve;
  DeploymentComparison comparison;
  std::optional<nlohmann::json> guard;  ///< the guard step's calibration and speed (GuardStep.h)
  TrainingFacts finalTraining;  ///< of the deployed model (the largest fraction)
  std::int64_t parameters = 0;
  MachineInfo machine;
  std::uintmax_t deployedBytes = 0;
  double wallSeconds = 0;

  std::optional<bool> halfAtTen() const {
    std::optional<bool> met;
    for (const CurvePoint &p : curve)
      if (std::abs(p.fraction - kTenPercent) < 1e-9) met = p.adapted <= kHalf * mcaError;
    return met;
  }
  /// None when the run trained nothing from scratch.
  std::optional<bool> belowScratch() const {
    std::optional<bool> below;
    for (const CurvePoint &p : curve)
      if (p.fraction <= kBelowScratchUpTo + 1e-9 && p.scratch) below = below.value_or(true) && p.adapted < *p.scratch;
    return below;
  }
  DesignSection design() const {
    DesignSection d;
    d.architecture = "the compiled surrogate's network (Ithemal hierarchical LSTM), unchanged";
    d.parameters = parameters;
    d.capacityChosenBy = "inherited from the compiled model in " + from;
    return d;
  }
  nlohmann::json toJson() const;
  std::string markdown() const;
};

nlohmann::json AdaptReport::toJson() const {
  nlohmann::json points = nlohmann::json::array();
  for (const CurvePoint &p : curve) points.push_back(p.toJson());
  std::optional<bool> half = halfAtTen(), below = belowScratch();
  return {
      {"pattern", "adapt"},
      {"run_dir", runDir},
      {"from", from},
      {"cpu", config.cpu},
      {"config", config.toJson()},
      {"measured", {{"file", config.measured}, {"rows", measured.rows}, {"skipped", measured.skipped},
                    {"train_split", measured.trainRows}, {"test_split", measured.test.size()}}},
      {"learning_curve", points},
      {"llvm_mca_test_mape", mcaError},
      {"deployment", comparison.summary},
      {"reference", {{"source", "Renda et al., 'Programming with Neural Surrogates of Programs' (Onward! 2021)"},
                     {"claim", "adaptation cuts llvm-mca's error by up to 50% and needs less data than training from scratch"}}},
      {"targets", {{"adapted_at_10_percent_at_most_half_of_llvm_mca", half ? nlohmann::json(*half) : nlohmann::json(nullptr)},
                   {"adapted_below_scratch_up_to_25_percent", below ? nlohmann::json(*below) : nlohmann::json(nullptr)}}},
      {"design", design().toJson()},
      {"training", {{"data", "measured throughputs of the train split of " + config.measured},
                    {"loss", config.training.value("loss", std::string("mape"))},
                    {"initialised_from", from},
                    {"largest_fraction", finalTraining.toJson()}}},
      {"deployment_facts", {{"machine", machine.toJson()}, {"threads", config.threads},
                            {"deployed_bytes", deployedBytes}}},
      {"guard", guard ? *guard : nlohmann::json(nullptr)},
      {"wall_seconds", wallSeconds}};
}

std::string AdaptReport::markdown() const {
  MarkdownReport md;
  md.heading(1, "Surrogate adaptation: " + config.cpu);
  md.paragraph(fmt::format("Compiled surrogate {} fine-tuned on measured timings from {} ({} blocks; {} in the train "
                           "split, {} held out for test). Errors are test MAPE against the measured timings.",
                           from, config.measured, measured.rows, measured.trainRows, measured.test.size()));
  std::vector<std::vector<std::string>> rows;
  for (const CurvePoint &p : curve)
    rows.push_back({fmt::format("{:g}%", 100 * p.fraction), std::to_string(p.trainExamples), percent(p.adapted),
                    p.scratch ? percent(*p.scratch) : std::string("not trained"), percent(p.llvmMca)});
  md.table({"fraction", "examples", "adapted", "from scratch", "llvm-mca"}, rows);
  if (!curve.empty() && !curve.back().excluded.is_null()) {
    const nlohmann::json &x = curve.back().excluded;
    md.bullet(fmt::format("Blocks listed in {} ({} blocks): {} of the train split's examples {}, {} validation examples "
                          "dropped; the test split is scored whole ({} of its blocks are listed).",
                          fmt::join(x.at("files").get<std::vector<std::string>>(), ", "),
                          x.at("blocks_listed").get<std::size_t>(), x.at("train_examples_listed").get<std::size_t>(),
                          x.at("weight").get<double>() == 0
                              ? std::string("dropped")
                              : fmt::format("weighted {:g}", x.at("weight").get<double>()),
                          x.at("validation_examples_dropped").get<std::size_t>(),
                          x.at("test_examples_listed_and_kept").get<std::size_t>()));
  }
  md.bullet("Published reference: adaptation cuts llvm-mca's error by up to 50%, with less data than training from scratch.");
  std::optional<bool> half = halfAtTen(), below = belowScratch();
  md.bullet(fmt::format("Targets: adapted at 10% at most half of llvm-mca's error ({}); adapted below from-scratch at "
                        "every fraction up to 25% ({}).",
                        half ? (*half ? "met" : "not met") : "10% not in this run",
                        below ? (*below ? "met" : "not met") : "nothing trained from scratch up to 25%"));
  md.paragraph("");
  md.image("learning curve", "figures/learning_curve.png");
  md.image("prediction vs measured", "figures/predicted_vs_measured.png");
  writeGuardSection(md, guard, comparison.summary["speed"][0]["llvm_mca_blocks_per_second"].get<double>());

  TrainingSection t;
  t.data = "Each point trains twice on the same examples: from the compiled weights and vocabulary, and from a fresh "
           "initialisation; training settings from the config.";
  t.run = finalTraining;
  t.deployedRun = "largest fraction";
  const nlohmann::json &s = comparison.summary;
  DeploymentSection d;
  d.machine = machine;
  d.threads = config.threads;
  d.speed = fmt::format("adapted surrogate {:.0f} blocks/s vs llvm-mca {:.0f} blocks/s on one thread ({:.2f}x)",
                        s["speed"][0]["surrogate_blocks_per_second"].get<double>(),
                        s["speed"][0]["llvm_mca_blocks_per_second"].get<double>(),
                        s["surrogate_speedup_1_thread"].get<double>());
  d.deployed = fmt::format("deployed files {:.2f} MB; `surrogate predict --model {}` loads it.",
                           static_cast<double>(deployedBytes) / 1e6, runDir);
  writeModelSections(md, design(), t, d);
  return md.str();
}

// The learning curve: at each fraction, adapted from `from` and from scratch.
std::vector<CurvePoint> learningCurve(const AdaptReport &r, const model::ModelConfig &network,
                                      model::StepHandover *handover) {
  AdaptSettings settings = AdaptSettings::read(r.config);
  std::vector<CurvePoint> curve;
  for (double f : settings.fractions) {
    CurvePoint p;
    p.fraction = f;
    p.trainExamples = std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(f * r.measured.trainRows)));
    std::string name = fractionName(f);
    spdlog::info("fraction {}: {} measured training examples", name, p.trainExamples);
    fs::path curveDir = fs::path(r.runDir) / "curve";
    nlohmann::json a = trainPoint(r.config, network, (curveDir / ("adapted-" + name)).string(), r.measured.csv,
                                  p.trainExamples, r.from, handover);
    if (settings.scratch) {
      nlohmann::json s =
          trainPoint(r.config, network, (curveDir / ("scratch-" + name)).string(), r.measured.csv, p.trainExamples, "",
                     handover);
      p.scratch = s.at("test").at("mape").get<double>();
      p.scratchEpochs = s.value("epochs", std::size_t{0});
    }
    // What the runs trained on, once training.exclude_blocks left its blocks out.
    p.trainExamples = a.value("train_examples", p.trainExamples);
    if (a.contains("excluded_blocks"))
      p.excluded = a.at("excluded_blocks");
    p.adapted = a.at("test").at("mape");
    p.adaptedTest = a.at("test");
    p.adaptedValidation = a.at("best_validation_mape");
    p.llvmMca = r.mcaError;
    p.adaptedEpochs = a.value("epochs", std::size_t{0});
    spdlog::info("fraction {}: adapted {}, from scratch {}, llvm-mca {}", name, percent(p.adapted),
                 p.scratch ? percent(*p.scratch) : std::string("not trained"), percent(p.llvmMca));
    curve.push_back(p);
  }
  return curve;
}

// The deployed model: adapted on the largest fraction, copied into the run
// directory; returns its training report.
nlohmann::json deployLargestFraction(const AdaptReport &r) {
  fs::path best = fs::path(r.runDir) / "curve" / ("adapted-" + fractionName(r.curve.back().fraction));
  for (const std::string &f : model::RunDir::modelFiles())
    fs::copy_file(best / f, fs::path(r.runDir) / f, fs::copy_options::overwrite_existing);
  if (fs::exists(best / model::ModelFile::kFileName))  // the lean engine's file (runs of older builds have none)
    fs::copy_file(best / model::ModelFile::kFileName, fs::path(r.runDir) / model::ModelFile::kFileName,
                  fs::copy_options::overwrite_existing);
  fs::copy_file(best / "metrics.jsonl", fs::path(r.runDir) / "metrics.jsonl", fs::copy_options::overwrite_existing);
  std::ifstream in(best / "report.json");
  if (!in)
    throw std::runtime_error((best / "report.json").string() + ": cannot open the training report");
  return nlohmann::json::parse(in);
}

void drawFigures(const AdaptReport &r) {
  fs::path runDir(r.runDir);
  fs::create_directories(runDir / "figures");
  Series adapted{"adapted surrogate", {}, {}}, scratch{"from scratch", {}, {}}, mca{"llvm-mca", {}, {}};
  for (const CurvePoint &p : r.curve) {
    adapted.x.push_back(p.fraction); adapted.y.push_back(p.adapted);
    if (p.scratch) { scratch.x.push_back(p.fraction); scratch.y.push_back(*p.scratch); }
    mca.x.push_back(p.fraction); mca.y.push_back(p.llvmMca);
  }
  std::vector<Series> series = {adapted, mca};
  if (!scratch.x.empty()) series.insert(series.begin() + 1, scratch);
  linePlot((runDir / "figures" / "learning_curve.png").string(),
           {"Test error against measured timings (" + r.config.cpu + ")", "fraction of the measured training split",
            "MAPE (fraction)", true, false, false},
           series);
  plotAgainstMeasured((runDir / "figures" / "predicted_vs_measured.png").string(),
                      "Test split: prediction vs measured (" + r.config.cpu + ")", "adapted surrogate", r.comparison);
}

} // namespace

nlohmann::json runAdapt(const AdaptJob &job) {
  PatternConfig given = job.config;
  if (!job.fromRun.empty())
    given.pattern["from"] = fs::absolute(job.fromRun).lexically_normal().string();
  PatternRun run("adapt", job, given, [](const PatternConfig &c) { AdaptSettings::read(c); });
  AdaptReport r;
  r.config = run.config();
  r.runDir = run.runDir();
  AdaptSettings settings = AdaptSettings::read(r.config);
  r.from = settings.from;
  model::RunDir from(r.from);
  if (!from.hasBest())
    throw std::invalid_argument(r.from + ": not a model run directory (no best.pt); pass a compile run to --from");
  // From scratch means the compiled network's sizes with fresh weights.
  model::ModelConfig network = from.modelConfig();

  r.measured = prepareMeasured(r.config.measured, settings.measuredLimit, r.runDir);
  spdlog::info("{} measured blocks ({} skipped): {} in the train split, {} in the test split", r.measured.rows,
               r.measured.skipped, r.measured.trainRows, r.measured.test.size());
  r.mcaError = llvmMcaTestError(r.config.cpu, r.measured.test, r.config.threads);
  spdlog::info("llvm-mca on the test split: MAPE {}", percent(r.mcaError));
  r.curve = learningCurve(r, network, run.handover());
  r.finalTraining = TrainingFacts::of(deployLargestFraction(r));
  r.comparison = compareWithLlvmMca(r.runDir, r.config.cpu, r.measured.test, r.config.threads);
  writeComparisonCsv((fs::path(r.runDir) / "deploy_predictions.csv").string(), r.comparison);
  drawFigures(r);
  r.guard = runGuardStep(r.config, r.runDir, GuardStep{"measured", 10, ""}, r.comparison.blocks);

  r.parameters = modelParameterCount(r.runDir);
  r.machine = MachineInfo::ofThisMachine();
  r.deployedBytes = sizeOnDisk(model::RunDir(r.runDir).modelFilePaths());
  r.wallSeconds = run.wallSeconds();
  return run.writeReports(r.toJson(), r.markdown());
}

} // namespace surrogate::patterns
